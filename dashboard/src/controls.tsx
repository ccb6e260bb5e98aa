// The date range (presets, or custom days in the website's timezone), the chart's interval and
// the comparison with the previous period. Every change is a new URL.
import { useState } from 'preact/hooks';
import { INTERVALS, PRESETS, type View, withView } from './view.ts';

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
