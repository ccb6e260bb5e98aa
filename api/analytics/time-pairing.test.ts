import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { sql } from '../../clickhouse/sql.ts';
import { freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { type CompareInput, comparisonRange } from './compare.ts';
import { resolveRange } from './range.ts';
import { bucketStarts, type Interval, pairedBucketSql } from './time.ts';

// pairedBucketSql on the real engine: the i-th bucket of the comparison range (bucketStarts, the
// buckets every filled timeseries answers) faces the i-th bucket of the range, across DST changes,
// month lengths and leap days.
let ch: TestClickHouse;
beforeAll(async () => {
  ch = await freshClickHouse({ migrate: false });
});
afterAll(() => ch?.close());

const cases: [string, Interval, string, string, string, CompareInput][] = [
  ['days across the end of DST', 'DAY', '2026-11-01', '2026-11-07', 'America/New_York', { period: 'PREVIOUS_PERIOD' }],
  ['weeks across the start of DST', 'WEEK', '2026-03-02', '2026-04-26', 'Europe/Berlin', { period: 'PREVIOUS_PERIOD' }],
  ['months a year back', 'MONTH', '2024-01-01', '2024-06-30', 'Europe/Berlin', { period: 'YEAR_OVER_YEAR' }],
  ['hours of a 23-hour day', 'HOUR', '2026-03-29', '2026-03-29', 'Europe/Berlin', { period: 'PREVIOUS_PERIOD' }],
  [
    'days across a leap day, a year back',
    'DAY',
    '2028-02-26',
    '2028-03-03',
    'Asia/Kolkata',
    { period: 'YEAR_OVER_YEAR' },
  ],
  [
    'minutes of an instant range',
    'MINUTE',
    '2026-11-01T10:00:00Z',
    '2026-11-01T10:30:00Z',
    'UTC',
    { period: 'PREVIOUS_PERIOD' },
  ],
];

it.each(cases)('pairs %s by position', async (_, interval, from, to, timezone, compare) => {
  const range = resolveRange({ from, to, timezone });
  const comparison = comparisonRange(range, compare);
  const before = bucketStarts(comparison, interval);
  const now = bucketStarts(range, interval);
  const rows = await runQuery<{ paired: number }>(ch.client, {
    name: 'test_paired_buckets',
    query: sql`SELECT ${pairedBucketSql(interval, comparison, range, sql`k`)} AS paired
      FROM (SELECT arrayJoin(${sql.array(
        before.map((d) => d.getTime() / 1000),
        'UInt32',
      )}) AS k)`,
  });
  const paired = rows.map((r) => new Date(Number(r.paired) * 1000).toISOString());
  const shared = Math.min(now.length, before.length);
  expect(paired.slice(0, shared)).toEqual(now.slice(0, shared).map((d) => d.toISOString()));
  // Comparison buckets past the range's last one face none of its buckets.
  const starts = new Set(now.map((d) => d.toISOString()));
  for (const extra of paired.slice(shared)) expect(starts.has(extra)).toBe(false);
});
