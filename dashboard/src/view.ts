// What the dashboard shows, all in the query string: range, interval, comparison, filters and
// segment.
// A view is a link; defaults are left out so links stay short.
import type {
  AnalyticsDimension,
  AnalyticsFilterInput,
  AnalyticsFilterOperator,
  AnalyticsInterval,
  DateRangeInput,
  DateRangePreset,
} from '../../client/generated/graphql.ts';

export const PRESETS: { key: string; preset: DateRangePreset; label: string }[] = [
  { key: 'today', preset: 'TODAY', label: 'Today' },
  { key: 'yesterday', preset: 'YESTERDAY', label: 'Yesterday' },
  { key: '7d', preset: 'LAST_7_DAYS', label: 'Last 7 days' },
  { key: '30d', preset: 'LAST_30_DAYS', label: 'Last 30 days' },
  { key: 'mtd', preset: 'MONTH_TO_DATE', label: 'Month to date' },
  { key: '12mo', preset: 'LAST_12_MONTHS', label: 'Last 12 months' },
];

export const INTERVALS: { key: string; interval: AnalyticsInterval; label: string }[] = [
  { key: 'hour', interval: 'HOUR', label: 'Hours' },
  { key: 'day', interval: 'DAY', label: 'Days' },
  { key: 'week', interval: 'WEEK', label: 'Weeks' },
  { key: 'month', interval: 'MONTH', label: 'Months' },
];

export const OPERATORS: AnalyticsFilterOperator[] = [
  'IS',
  'IS_NOT',
  'CONTAINS',
  'NOT_CONTAINS',
  'STARTS_WITH',
  'IN',
  'NOT_IN',
  'REGEX',
];

export interface Filter {
  field: AnalyticsDimension;
  op: AnalyticsFilterOperator;
  value: string;
  key?: string;
}

export interface View {
  /** A preset key (PRESETS) or a custom range of local days. */
  range: { preset: string } | { from: string; to: string };
  interval: AnalyticsInterval;
  compare: boolean;
  filters: Filter[];
  /** A saved segment's id, ANDed with the filters by the API (`analytics(segment:)`). */
  segment?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function defaultInterval(range: View['range']): AnalyticsInterval {
  if ('preset' in range) {
    if (range.preset === 'today' || range.preset === 'yesterday') return 'HOUR';
    return range.preset === '12mo' ? 'MONTH' : 'DAY';
  }
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1;
  return days <= 2 ? 'HOUR' : days <= 92 ? 'DAY' : days <= 400 ? 'WEEK' : 'MONTH';
}

/** Reads the view from a query string; anything malformed falls back to the defaults. */
export function viewOf(search: string): View {
  const params = new URLSearchParams(search);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const presetKey = params.get('range') ?? '';
  const range: View['range'] =
    DAY.test(from) && DAY.test(to) && from <= to
      ? { from, to }
      : { preset: PRESETS.some((p) => p.key === presetKey) ? presetKey : '30d' };
  const interval = INTERVALS.find((i) => i.key === params.get('interval'))?.interval ?? defaultInterval(range);
  const filters: Filter[] = [];
  for (const raw of params.getAll('f')) {
    // field:op:value, or PROPERTY.key:op:value; the value may itself contain colons.
    const match = /^([A-Z_]+)(?:\.([^:]*))?:([A-Z_]+):(.*)$/s.exec(raw);
    if (!match) continue;
    const [, field, key, op, value] = match as unknown as [
      string,
      AnalyticsDimension,
      string | undefined,
      string,
      string,
    ];
    if (!OPERATORS.includes(op as AnalyticsFilterOperator)) continue;
    filters.push({ field, op: op as AnalyticsFilterOperator, value, ...(key ? { key } : {}) });
  }
  const segment = params.get('segment') || undefined;
  return { range, interval, compare: params.get('compare') === 'previous', filters, segment };
}

/** The query string of a view (defaults left out, so links stay short). */
export function searchOf(view: View): string {
  const params = new URLSearchParams();
  if ('preset' in view.range) {
    if (view.range.preset !== '30d') params.set('range', view.range.preset);
  } else {
    params.set('from', view.range.from);
    params.set('to', view.range.to);
  }
  if (view.interval !== defaultInterval(view.range)) {
    params.set('interval', INTERVALS.find((i) => i.interval === view.interval)?.key ?? 'day');
  }
  if (view.compare) params.set('compare', 'previous');
  if (view.segment) params.set('segment', view.segment);
  for (const f of view.filters) params.append('f', `${f.field}${f.key ? `.${f.key}` : ''}:${f.op}:${f.value}`);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The view with one change, its interval reset when the range changes. */
export function withView(view: View, change: Partial<View>): View {
  const next = { ...view, ...change };
  if (change.range && !change.interval) next.interval = defaultInterval(change.range);
  return next;
}

/** The range as the API takes it, in the website's timezone. */
export function rangeInput(view: View, timezone: string): DateRangeInput {
  if ('preset' in view.range) {
    const key = view.range.preset;
    return { preset: PRESETS.find((p) => p.key === key)?.preset ?? 'LAST_30_DAYS', timezone };
  }
  return { from: view.range.from, to: view.range.to, timezone };
}

export const filterInputs = (filters: Filter[]): AnalyticsFilterInput[] =>
  filters.map((f) => ({
    field: f.field,
    op: f.op,
    value: f.op === 'IN' || f.op === 'NOT_IN' ? f.value.split(',') : [f.value],
    ...(f.key ? { key: f.key } : {}),
  }));

/**
 * The path of the range's ZIP export (GET /export/<id>.zip, README "Export"): the same range,
 * interval, filters and segment as the view.
 */
export function exportPath(id: string, view: View, timezone: string): string {
  const params = new URLSearchParams();
  const range = rangeInput(view, timezone);
  if (range.preset) params.set('preset', range.preset);
  else {
    params.set('from', range.from ?? '');
    params.set('to', range.to ?? '');
  }
  params.set('timezone', timezone);
  params.set('interval', view.interval);
  if (view.filters.length) params.set('filters', JSON.stringify(filterInputs(view.filters)));
  if (view.segment) params.set('segment', view.segment);
  return `/export/${encodeURIComponent(id)}.zip?${params}`;
}
