import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from './query.ts';
import { sql, toClickHouseDateTime } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

// Rows must be recent: rows older than a table's TTL vanish at insert.
const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);
const at = (minute: number) => toClickHouseDateTime(new Date(hour.getTime() + minute * 60_000));

describe('rollups stay correct after parts merge', () => {
  let ch: TestClickHouse;
  beforeAll(async () => {
    ch = await freshClickHouse();
  });
  afterAll(() => ch.close());

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
