import { type Sql, sql } from '../../clickhouse/sql.ts';
import { type DateRange, InvalidRangeError, localDate, localMidnight, offsetMs } from './range.ts';

/**
 * Time buckets: the intervals, their SQL (bucket starts in the range's timezone) and the
 * bucket starts covering a range, so every timeseries fills empty buckets the same way.
 */

export const INTERVALS = ['MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH'] as const;
export type Interval = (typeof INTERVALS)[number];

/** Bucket start of a time column in the range's timezone (weeks start on Monday), as epoch seconds. */
export function bucketSql(interval: Interval, timezone: string, column: 'time' | 'timestamp' | 'hour' = 'time'): Sql {
  return bucketOf(interval, timezone, sql`${sql.identifier(column, ['time', 'timestamp', 'hour'])}`);
}

/** Bucket start of a DateTime expression (a column or a parameter) in `timezone`, as epoch seconds. */
export function bucketOf(interval: Interval, timezone: string, col: Sql): Sql {
  const fn = sql.identifier(
    {
      MINUTE: 'toStartOfMinute',
      HOUR: 'toStartOfHour',
      DAY: 'toStartOfDay',
      WEEK: 'toMonday',
      MONTH: 'toStartOfMonth',
    }[interval],
    ['toStartOfMinute', 'toStartOfHour', 'toStartOfDay', 'toMonday', 'toStartOfMonth'],
  );
  // toMonday/toStartOfMonth return a Date: make it the local midnight it means.
  return interval === 'WEEK' || interval === 'MONTH'
    ? sql`toUnixTimestamp(toDateTime(${fn}(${col}, ${timezone}), ${timezone}))`
    : sql`toUnixTimestamp(${fn}(${col}, ${timezone}))`;
}

/**
 * The bucket of `range` that a bucket of `comparison` (epoch seconds `key`) faces: the one as far
 * from the range's first bucket as `key` is from the comparison's first bucket, by elapsed time
 * for minutes and hours and by local calendar days (weeks) or months otherwise, so that the i-th
 * bucket of each range pair up. Epoch seconds, as bucketSql.
 */
export function pairedBucketSql(interval: Interval, comparison: DateRange, range: DateRange, key: Sql): Sql {
  const { timezone } = range;
  const first = (r: DateRange) => bucketOf(interval, timezone, sql`${r.from}`);
  if (interval === 'MINUTE' || interval === 'HOUR') {
    return sql`toUInt32(${key} - ${first(comparison)} + ${first(range)})`;
  }
  const date = (epoch: Sql) => sql`toDate(toDateTime(${epoch}), ${timezone})`;
  const [unit, name] = interval === 'MONTH' ? [sql`month`, sql`'month'`] : [sql`day`, sql`'day'`];
  return sql`toUInt32(toUnixTimestamp(toDateTime(
    date_add(${unit}, dateDiff(${name}, ${date(first(comparison))}, ${date(key)}), ${date(first(range))}), ${timezone})))`;
}

export const MAX_BUCKETS = 5_000;
const APPROX_STEP_MS: Record<Interval, number> = {
  MINUTE: 60e3,
  HOUR: 3.6e6,
  DAY: 86.4e6,
  WEEK: 604.8e6,
  MONTH: 28 * 86.4e6,
};

/** Refuses a range/interval pair that would make more than MAX_BUCKETS points. */
export function assertBuckets(range: DateRange, interval: Interval): void {
  if ((range.to.getTime() - range.from.getTime()) / APPROX_STEP_MS[interval] > MAX_BUCKETS) {
    throw new InvalidRangeError(
      `More than ${MAX_BUCKETS} ${interval.toLowerCase()} buckets: choose a coarser interval`,
    );
  }
}

/** Bucket starts covering the range, so empty buckets show as zeros. */
export function bucketStarts(range: DateRange, interval: Interval): Date[] {
  assertBuckets(range, interval);
  const { from, to, timezone } = range;
  const starts: Date[] = [];
  if (interval === 'MINUTE' || interval === 'HOUR') {
    const step = interval === 'MINUTE' ? 60_000 : 3_600_000;
    const local = from.getTime() + offsetMs(from, timezone);
    for (let t = from.getTime() - (((local % step) + step) % step); t < to.getTime(); t += step)
      starts.push(new Date(t));
    return starts;
  }
  const { year, month, day } = localDate(from, timezone);
  if (interval === 'DAY') {
    for (let i = 0; ; i++) {
      const start = localMidnight(year, month, day + i, timezone);
      if (start >= to) return starts;
      starts.push(start);
    }
  }
  if (interval === 'WEEK') {
    const weekday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7; // Monday = 0
    for (let i = 0; ; i += 7) {
      const start = localMidnight(year, month, day - weekday + i, timezone);
      if (start >= to) return starts;
      starts.push(start);
    }
  }
  for (let i = 0; ; i++) {
    const start = localMidnight(year, month + i, 1, timezone);
    if (start >= to) return starts;
    starts.push(start);
  }
}

/** One point per bucket of the range: `point(time, row)` with the row of that bucket, if any. */
export function fillBuckets<Row extends { bucket: number }, Point>(
  rows: readonly Row[],
  range: DateRange,
  interval: Interval,
  point: (time: Date, row: Row | undefined) => Point,
): Point[] {
  const byStart = new Map(rows.map((r) => [r.bucket * 1000, r]));
  return bucketStarts(range, interval).map((time) => point(time, byStart.get(time.getTime())));
}
