// The latest visits (owners only: the API refuses them to public and shared dashboards), and
// the events of the one chosen, in order, in the website's timezone.
import { useState } from 'preact/hooks';
import {
  type AnalyticsFilterInput,
  DashboardSessionsDocument,
  DashboardSessionTimelineDocument,
  type DateRangeInput,
} from '../../client/generated/graphql.ts';
import { useQuery } from './api.ts';
import { countryName, formatDuration, formatInt } from './format.ts';
import { Message, Panel, refusedToCaller } from './panel.tsx';

interface Props {
  id: string;
  range: DateRangeInput;
  filters: AnalyticsFilterInput[];
  segment: string | null;
  timezone: string;
  /** Whether the overview has answered (panels ask only then). */
  ready: boolean;
}

export function SessionsPanel({ id, range, filters, segment, timezone, ready }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  const state = useQuery(DashboardSessionsDocument, { id, range, filters, segment, first: 20 }, { wait: !ready });
  if (refusedToCaller(state.error)) return null;
  const time = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone });
  const rows = state.data?.website.analytics.sessions;
  const chosen = rows?.find((row) => row.id === open);
  return (
    <Panel
      id="sessions"
      title="Sessions"
      state={state}
      rows={rows}
      keyOf={(row) => row.id}
      labelOf={(row) => `${time.format(new Date(String(row.started)))} · ${row.entryPage}`}
      keyLabel="Visit"
      onPick={(row) => setOpen(row.id === open ? null : row.id)}
      pickTitle={(label) => `Events of the visit ${label}`}
      columns={[
        { label: 'Pages', value: (r) => r.pageviews, format: formatInt },
        { label: 'Duration', value: (r) => r.durationSeconds, format: formatDuration },
        { label: 'Source', value: (r) => r.referrer, format: (s: string) => s || 'direct' },
        { label: 'Country', value: (r) => r.country, format: (c: string) => (c ? countryName(c) : '—') },
        { label: 'Device', value: (r) => r.device, format: (d: string) => d || '—' },
      ]}
      footer={
        chosen && (
          <Timeline
            id={id}
            range={range}
            sessionId={chosen.id}
            title={`${time.format(new Date(String(chosen.started)))}, ${chosen.browser || 'unknown browser'}`}
            timezone={timezone}
          />
        )
      }
    />
  );
}

function Timeline(props: { id: string; range: DateRangeInput; sessionId: string; title: string; timezone: string }) {
  const { id, range, sessionId, title, timezone } = props;
  const state = useQuery(DashboardSessionTimelineDocument, { id, range, sessionId });
  const events = state.data?.website.analytics.sessionTimeline;
  const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: timezone });
  return (
    <div class="timeline" aria-live="polite">
      <h3>Events of the visit of {title}</h3>
      <Message state={state} empty={!events?.length} />
      {!!events?.length && (
        <ol>
          {events.map((event, i) => {
            const properties = Object.entries((event.properties ?? {}) as Record<string, unknown>);
            return (
              <li key={i} data-event={event.name}>
                <time dateTime={String(event.time)}>{clock.format(new Date(String(event.time)))}</time>{' '}
                <strong>{event.name}</strong> <code>{event.path}</code>
                {properties.length > 0 && (
                  <span class="properties">
                    {' '}
                    {properties
                      .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
                      .join(', ')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
