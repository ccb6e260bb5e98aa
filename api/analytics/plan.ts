import type { FilterNode } from './filters.ts';
import type { DateRange } from './range.ts';
import type { Interval } from './time.ts';

/**
 * Which table answers a query: the one place that decides between raw events and the daily
 * rollup. The rollup (analytics.daily_pageviews) holds UTC days of page views, visitors and
 * sessions, so it can answer only unfiltered questions about exactly those, in UTC, over
 * whole days, at day granularity or coarser. Its visitors and sessions are `uniq` states:
 * exact up to tens of thousands per day, approximate (≈1–2%) beyond.
 */
export type Source = 'events' | 'daily_pageviews';

const ROLLUP_METRICS = new Set(['pageviews', 'visitors', 'sessions']);
const ROLLUP_INTERVALS = new Set<Interval>(['DAY', 'WEEK', 'MONTH']);

const isUtcMidnight = (date: Date) => date.getTime() % 86_400_000 === 0;

export function chooseSource(query: {
  range: DateRange;
  filters: readonly FilterNode[];
  metrics: readonly string[];
  interval?: Interval;
}): Source {
  const { range, filters, metrics, interval } = query;
  const rollup =
    filters.length === 0 &&
    range.timezone === 'UTC' &&
    isUtcMidnight(range.from) &&
    isUtcMidnight(range.to) &&
    metrics.every((m) => ROLLUP_METRICS.has(m)) &&
    (!interval || ROLLUP_INTERVALS.has(interval));
  return rollup ? 'daily_pageviews' : 'events';
}

/**
 * Errors: the hourly rollup (analytics.error_hourly) answers unfiltered queries whose range
 * starts and ends on whole hours and whose buckets are hours or coarser (it keeps no sessions,
 * so filters cannot apply to it); raw spans otherwise.
 */
export function chooseErrorSource(
  query: { range: DateRange; filters: readonly FilterNode[] },
  interval: Interval,
): 'error_hourly' | 'error_spans' {
  const { range, filters } = query;
  const wholeHour = (date: Date) => date.getTime() % 3_600_000 === 0;
  return filters.length === 0 && wholeHour(range.from) && wholeHour(range.to) && interval !== 'MINUTE'
    ? 'error_hourly'
    : 'error_spans';
}

/**
 * A planned query: the table chosen to answer it, which the SQL builder consumes, and the
 * query's name, which says the family and that table (so query logs and timings tell a rollup
 * answer from a raw one).
 */
export interface Plan<S extends string> {
  source: S;
  name: string;
}

type Scoped = { range: DateRange; filters: readonly FilterNode[] };

/** Page views, visitors and sessions per bucket. */
export function planTimeseries(scope: Scoped, interval: Interval): Plan<Source> {
  const source = chooseSource({ ...scope, interval, metrics: ['pageviews', 'visitors', 'sessions'] });
  return { source, name: `analytics_timeseries_${source}` };
}

/** Errors per bucket (`error_trend`) or per page (`errors_by_page`, hour-aligned). */
export function planErrors(
  family: 'error_trend' | 'errors_by_page',
  scope: Scoped,
  interval: Interval = 'HOUR',
): Plan<'error_hourly' | 'error_spans'> {
  const source = chooseErrorSource(scope, interval);
  return { source, name: `analytics_${family}_${source}` };
}
