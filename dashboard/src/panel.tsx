// A panel: a titled table of rows from one query, with optional tabs, bars proportional to the
// first figure, click-to-filter on the row's value, and a CSV export of the same rows.
import type { ComponentChildren } from 'preact';
import { type Cell, toCsv } from '../../runtime/csv.ts';
import { errorCode, type QueryState } from './api.ts';
import { download } from './csv.ts';

export interface Column<R> {
  label: string;
  /** The API's value (what the CSV holds). */
  value: (row: R) => number | string | null | undefined;
  /** How the page writes it. */
  format: (value: never) => string;
}

export interface PanelProps<R> {
  id: string;
  title: string;
  tabs?: { key: string; label: string }[];
  tab?: string;
  onTab?: (key: string) => void;
  state: QueryState<unknown>;
  rows: R[] | undefined;
  /** The row's value as the API returned it. */
  keyOf: (row: R) => string;
  /** How the value is shown (default: as is, "(none)" when empty). */
  labelOf?: (row: R) => string;
  /** Filtering by the row: present when a click filters the dashboard (or does what pickTitle says). */
  onPick?: (row: R) => void;
  /** What a click on a row's value does, for its tooltip (default: filters by it). */
  pickTitle?: (label: string) => string;
  keyLabel: string;
  columns: Column<R>[];
  /** Above the rows. */
  children?: ComponentChildren;
  /** Below the rows. */
  footer?: ComponentChildren;
}

/** The API refused this caller (anonymous, or not a member): what members alone may see. */
export const refusedToCaller = (error: unknown) => ['UNAUTHENTICATED', 'FORBIDDEN'].includes(errorCode(error) ?? '');

export function Message({ state, empty }: { state: QueryState<unknown>; empty: boolean }) {
  if (refusedToCaller(state.error)) return <p class="message">Members only.</p>;
  if (state.error) return <p class="message error">{state.error.message}</p>;
  if (state.loading && empty) return <p class="message">Loading…</p>;
  if (empty) return <p class="message">No data for this range.</p>;
  return null;
}

export function Panel<R>(props: PanelProps<R>) {
  const { id, title, tabs, tab, onTab, state, rows, keyOf, labelOf, onPick, pickTitle, keyLabel, columns } = props;
  const max = Math.max(1, ...(rows ?? []).map((row) => Number(columns[0]?.value(row)) || 0));
  const exportCsv = () => {
    if (!rows) return;
    const header = [keyLabel, ...columns.map((c) => c.label)];
    const cells: Cell[][] = rows.map((row) => [keyOf(row), ...columns.map((c) => c.value(row))]);
    download(`${id}${tab ? `-${tab.toLowerCase()}` : ''}.csv`, toCsv(header, cells));
  };
  const headingId = `panel-${id}`;
  return (
    <section class="panel" aria-labelledby={headingId} data-panel={id}>
      <header>
        <h2 id={headingId}>{title}</h2>
        <button type="button" class="link" onClick={exportCsv} disabled={!rows?.length}>
          CSV<span class="visually-hidden"> of {title}</span>
        </button>
      </header>
      {tabs && (
        <fieldset class="tabs">
          <legend class="visually-hidden">{title}: show</legend>
          {tabs.map((t) => (
            <button type="button" key={t.key} aria-pressed={t.key === tab} onClick={() => onTab?.(t.key)}>
              {t.label}
            </button>
          ))}
        </fieldset>
      )}
      {props.children}
      <Message state={state} empty={!rows?.length} />
      {!!rows?.length && (
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{keyLabel}</th>
                {columns.map((c) => (
                  <th scope="col" key={c.label}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const key = keyOf(row);
                const label = labelOf?.(row) ?? (key || '(none)');
                const share = (Number(columns[0]?.value(row)) || 0) / max;
                return (
                  <tr key={key} data-key={key}>
                    <th scope="row">
                      <span class="bar" style={{ width: `${(share * 100).toFixed(1)}%` }} />
                      {onPick ? (
                        <button
                          type="button"
                          class="pick"
                          title={pickTitle?.(label) ?? `Filter by ${label}`}
                          onClick={() => onPick(row)}
                        >
                          {label}
                        </button>
                      ) : (
                        <span>{label}</span>
                      )}
                    </th>
                    {columns.map((c) => (
                      <td key={c.label}>{c.format(c.value(row) as never)}</td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {props.footer}
    </section>
  );
}
