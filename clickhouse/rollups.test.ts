import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from './query.ts';
import { sql, toClickHouseDateTime } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

// Rows must be recent: rows older than a table's TTL vanish at insert.
const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
const at = (minute: number) => toClickHouseDateTime(new Date(hour.getTime() + minute * 60_000));

/** A deterministic skewed sample, so p50 and p75 differ a lot from the average. */
function sample(count: number, seed: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const u = state / 2 ** 31;
    return Math.round(200 + 12_000 * u ** 4);
  });
}

describe('rollups stay correct after parts merge', () => {
  let ch: TestClickHouse;
  beforeAll(async () => {
    ch = await freshClickHouse();
  });
  afterAll(() => ch.close());

  it('web_vitals_hourly percentiles equal the raw quantiles after OPTIMIZE FINAL', async () => {
    // Several inserts make several parts (and several partial states per key) to merge.
    for (let batch = 0; batch < 5; batch++) {
      await ch.client.insert({
        table: 'analytics.web_vitals_spans',
        format: 'JSONEachRow',
        values: sample(400, batch + 1).map((value, i) => ({
          client_id: 'site-a',
          anonymous_id: `v${i % 50}`,
          session_id: `s${i % 80}`,
          timestamp: at(i % 60),
          path: batch % 2 ? '/pricing' : '/',
          metric_name: 'LCP',
          metric_value: value,
        })),
      });
    }
    await ch.client.command({ query: 'OPTIMIZE TABLE analytics.web_vitals_hourly FINAL' });

    const query = (table: 'raw' | 'rollup') =>
      runQuery<{ path: string; n: number; p50: number; p75: number; p95: number; mn: number; mx: number; avg: number }>(
        ch.client,
        {
          name: `vitals_${table}`,
          query:
            table === 'raw'
              ? sql`SELECT path, count() AS n, quantile(0.5)(metric_value) AS p50, quantile(0.75)(metric_value) AS p75,
                  quantile(0.95)(metric_value) AS p95, min(metric_value) AS mn, max(metric_value) AS mx, avg(metric_value) AS avg
                  FROM analytics.web_vitals_spans WHERE client_id = 'site-a' GROUP BY path ORDER BY path`
              : sql`SELECT path, sum(sample_count) AS n, quantilesMerge(0.5, 0.75, 0.9, 0.95, 0.99)(percentiles) AS q,
                  q[1] AS p50, q[2] AS p75, q[4] AS p95, min(min_value) AS mn, max(max_value) AS mx, avgMerge(avg_value) AS avg
                  FROM analytics.web_vitals_hourly WHERE client_id = 'site-a' GROUP BY path ORDER BY path`,
        },
      );
    const raw = await query('raw');
    const rollup = (await query('rollup')).map(({ q: _, ...rest }: Record<string, unknown>) => rest);
    expect(raw).toHaveLength(2);
    expect(raw[0]?.p75).toBeGreaterThan((raw[0]?.p50 ?? 0) * 1.5);
    for (const [i, row] of raw.entries()) {
      expect(rollup[i]).toMatchObject({
        path: row.path,
        n: row.n,
        p50: row.p50,
        p75: row.p75,
        p95: row.p95,
        mn: row.mn,
        mx: row.mx,
      });
      expect(rollup[i]?.avg).toBeCloseTo(row.avg, 6);
    }
  });

  it('error_hourly counts and affected users add up across merged parts', async () => {
    for (let batch = 0; batch < 3; batch++) {
      await ch.client.insert({
        table: 'analytics.error_spans',
        format: 'JSONEachRow',
        values: Array.from({ length: 10 }, (_, i) => ({
          client_id: 'site-a',
          anonymous_id: `v${(batch * 10 + i) % 7}`,
          session_id: `s${batch}-${i % 3}`,
          timestamp: at(batch * 10 + i),
          path: '/checkout',
          message: 'TypeError: x is undefined',
          error_type: 'TypeError',
        })),
      });
    }
    await ch.client.command({ query: 'OPTIMIZE TABLE analytics.error_hourly FINAL' });
    const rows = await runQuery<{ errors: number; users: number; sessions: number; message: string }>(ch.client, {
      name: 'error_rollup',
      query: sql`SELECT sum(error_count) AS errors, uniqMerge(affected_users) AS users,
        uniqMerge(affected_sessions) AS sessions, any(sample_message) AS message
        FROM analytics.error_hourly WHERE client_id = 'site-a'`,
    });
    expect(rows).toEqual([{ errors: 30, users: 7, sessions: 9, message: 'TypeError: x is undefined' }]);
  });

  it('daily_pageviews counts only page views, with distinct visitors and sessions', async () => {
    for (let batch = 0; batch < 3; batch++) {
      await ch.client.insert({
        table: 'analytics.events',
        format: 'JSONEachRow',
        values: Array.from({ length: 20 }, (_, i) => ({
          id: crypto.randomUUID(),
          client_id: 'site-b',
          event_name: i % 4 === 0 ? 'page_exit' : 'screen_view',
          anonymous_id: `v${i % 5}`,
          session_id: `s${batch}-${i % 2}`,
          time: at(batch),
          url: 'https://example.com/',
          path: '/',
          ip: '',
          user_agent: '',
        })),
      });
    }
    await ch.client.command({ query: 'OPTIMIZE TABLE analytics.daily_pageviews FINAL' });
    const rows = await runQuery<{ pageviews: number; visitors: number; sessions: number }>(ch.client, {
      name: 'daily_rollup',
      query: sql`SELECT sum(pageviews) AS pageviews, uniqMerge(visitors) AS visitors, uniqMerge(sessions) AS sessions
        FROM analytics.daily_pageviews WHERE client_id = 'site-b'`,
    });
    // 15 of every 20 events are page views; visitors v0..v4 all view (i%5 covers every residue among i%4!=0).
    expect(rows).toEqual([{ pageviews: 45, visitors: 5, sessions: 6 }]);
  });
});
