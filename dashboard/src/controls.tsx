// The date range (presets, or custom days in the website's timezone), the chart's interval, the
// comparison with the previous period and the segment. Every change is a new URL.
import { useState } from 'preact/hooks';
import {
  type AnalyticsFilterTreeInput,
  CreateSegmentDocument,
  SegmentsDocument,
} from '../../client/generated/graphql.ts';
import { client, send, useQuery } from './api.ts';
import { download } from './csv.ts';
import { exportPath, filterInputs, INTERVALS, PRESETS, type View, withView } from './view.ts';

/** Today's date (YYYY-MM-DD) in a timezone. */
export const todayIn = (timezone: string, offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date(Date.now() + offsetDays * 86_400_000));

export function RangeControls({
  view,
  timezone,
  onChange,
}: {
  view: View;
  timezone: string;
  onChange: (view: View) => void;
}) {
  const custom = !('preset' in view.range);
  const [editing, setEditing] = useState(false);
  const [from, setFrom] = useState(custom ? (view.range as { from: string }).from : todayIn(timezone, -6));
  const [to, setTo] = useState(custom ? (view.range as { to: string }).to : todayIn(timezone));
  const showDates = custom || editing;
  return (
    <form
      class="controls"
      aria-label="Range and chart"
      onSubmit={(event) => {
        event.preventDefault();
        if (from && to && from <= to) {
          setEditing(false);
          onChange(withView(view, { range: { from, to } }));
        }
      }}
    >
      <label for="range">Range</label>
      <select
        id="range"
        value={custom || editing ? 'custom' : (view.range as { preset: string }).preset}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (value === 'custom') setEditing(true);
          else {
            setEditing(false);
            onChange(withView(view, { range: { preset: value } }));
          }
        }}
      >
        {PRESETS.map((p) => (
          <option key={p.key} value={p.key}>
            {p.label}
          </option>
        ))}
        <option value="custom">Custom…</option>
      </select>
      {showDates && (
        <>
          <label>
            From <input type="date" value={from} max={to} onInput={(e) => setFrom(e.currentTarget.value)} required />
          </label>
          <label>
            To <input type="date" value={to} min={from} onInput={(e) => setTo(e.currentTarget.value)} required />
          </label>
          <button type="submit">Apply</button>
          <span class="hint">days in {timezone}</span>
        </>
      )}
      <label for="interval">Interval</label>
      <select
        id="interval"
        value={view.interval}
        onChange={(event) => onChange(withView(view, { interval: event.currentTarget.value as View['interval'] }))}
      >
        {INTERVALS.map((i) => (
          <option key={i.key} value={i.interval}>
            {i.label}
          </option>
        ))}
      </select>
      <label class="check">
        <input
          type="checkbox"
          checked={view.compare}
          onChange={(event) => onChange(withView(view, { compare: event.currentTarget.checked }))}
        />{' '}
        Compare with previous period
      </label>
    </form>
  );
}

/**
 * The segment the dashboard is seen through (the API's `segments` of this website and of the
 * organization; members only, so public and shared views leave it out), saving the filters as a
 * segment, and the range's ZIP export.
 */
export function SegmentControls({
  id,
  view,
  timezone,
  member,
  ready,
  onChange,
}: {
  id: string;
  view: View;
  timezone: string;
  member: boolean;
  /** Whether the overview has answered: the list asks after it, as the panels do. */
  ready: boolean;
  onChange: (view: View) => void;
}) {
  const [refresh, setRefresh] = useState(0);
  const list = useQuery(SegmentsDocument, { websiteId: id }, { skip: !member, wait: !ready, refresh });
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [exporting, setExporting] = useState(false);
  const segments = list.data?.segments;
  const chosen = segments?.find((s) => s.id === view.segment);
  const exportZip = async () => {
    setExporting(true);
    setProblem(undefined);
    try {
      // A fetch, not a link: cookie sessions must send the CSRF header (a share page its token).
      const response = await send(exportPath(id, view, timezone), {});
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as { errors?: { message: string }[] };
        throw new Error(body.errors?.[0]?.message ?? `Export failed (${response.status})`);
      }
      const named = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
      download(named?.[1] ?? 'tidemark.zip', await response.blob());
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setExporting(false);
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    // The filters, within the chosen segment if any: the new segment alone shows the same figures.
    const leaves = filterInputs(view.filters);
    // A saved tree is an AnalyticsFilterTreeInput as stored (the API parses it again).
    const filter: AnalyticsFilterTreeInput = {
      and: chosen ? [chosen.filter as AnalyticsFilterTreeInput, ...leaves] : leaves,
    };
    try {
      const { createSegment: result } = await client.request(CreateSegmentDocument, {
        websiteId: id,
        input: { name: name.trim(), filter, visibility: 'PRIVATE' },
      });
      if (result.__typename !== 'MutationCreateSegmentSuccess') throw new Error(result.message);
      setNaming(false);
      setName('');
      setRefresh((n) => n + 1);
      onChange(withView(view, { segment: result.data.id, filters: [] }));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };
  return (
    <div class="controls">
      {segments && (
        <>
          <label for="segment">Segment</label>
          <select
            id="segment"
            value={view.segment ?? ''}
            onChange={(event) => onChange(withView(view, { segment: event.currentTarget.value || undefined }))}
          >
            <option value="">All visits</option>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
            {view.segment && !chosen && <option value={view.segment}>Unknown segment</option>}
          </select>
          {!!view.filters.length && !naming && (
            <button type="button" class="link" onClick={() => setNaming(true)}>
              Save filters as a segment
            </button>
          )}
        </>
      )}
      {naming && (
        <form class="controls" aria-label="New segment" onSubmit={save}>
          <label>
            Segment name <input value={name} maxLength={100} onInput={(e) => setName(e.currentTarget.value)} required />
          </label>
          <button type="submit">Save</button>
          <button type="button" class="link" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      )}
      <button type="button" class="link" onClick={exportZip} disabled={exporting}>
        {exporting ? 'Exporting…' : 'Export range (ZIP)'}
      </button>
      {problem && (
        <p class="message error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
