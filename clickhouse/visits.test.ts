import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from './query.ts';
import { sql, toClickHouseDateTime } from './sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from './test-support.ts';

/** The finalised visit rows of one website, as queries read them (GROUP BY the sort key, no FINAL). */
const visitsOf = (ch: TestClickHouse, site: string) =>
  runQuery<{
    session_id: string;
    anonymous_id: string;
    started: string;
    ended: string;
    entry_page: string;
    referrer: string;
    utm_source: string;
    exit_page: string;
    pageviews: number;
    events: number;
    country: string;
    time_on_page_sum: number;
    scroll_depth_count: number;
  }>(ch.client, {
    name: 'test_visits',
    query: sql`SELECT session_id, any(anonymous_id) AS anonymous_id,
        toString(min(start_time)) AS started, toString(max(end_time)) AS ended,
        tupleElement(argMinIfMerge(landing), 1) AS entry_page, tupleElement(argMinIfMerge(landing), 2) AS referrer,
        tupleElement(argMinIfMerge(landing), 3) AS utm_source,
        argMaxIfMerge(exit_state) AS exit_page, sum(pageviews) AS pageviews, sum(events) AS events,
        any(country) AS country, sum(time_on_page_sum) AS time_on_page_sum, sum(scroll_depth_count) AS scroll_depth_count
      FROM analytics.visits WHERE client_id = ${site}
      GROUP BY client_id, session_id ORDER BY session_id`,
  });

describe('analytics.visits (kept by a materialized view from analytics.events)', () => {
  let ch: TestClickHouse;
  beforeAll(async () => {
    ch = await freshClickHouse();
  });
  afterAll(() => ch.close());

  const insert = (rows: Record<string, unknown>[]) =>
    ch.client.insert({ table: 'analytics.events', format: 'JSONEachRow', values: rows });

  it('merges late and out-of-order events into one visit, attributes from the first page view', async () => {
    // Recent rows: older ones fall out of the TTL at insert.
    const base = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 2 * 3_600_000;
    const at = (minute: number) => toClickHouseDateTime(new Date(base + minute * 60_000));
    const common = { client_id: 'site-late', anonymous_id: 'v1', session_id: 's1', country: 'GB' };
    // Second page view and its exit arrive first (a retry of the landing view comes later).
    await insert([
      eventRow({ ...common, time: at(5), path: '/pricing' }),
      eventRow({ ...common, time: at(9), path: '/pricing', event_name: 'page_exit', time_on_page: 240 }),
    ]);
    await insert([eventRow({ ...common, time: at(0), path: '/', referrer: 'https://google.com/', utm_source: 'ads' })]);
    // The landing page's exit, sent after the next view.
    await insert([
      eventRow({ ...common, time: at(4), path: '/', event_name: 'page_exit', time_on_page: 200, scroll_depth: 80 }),
    ]);
    const expected = [
      {
        session_id: 's1',
        anonymous_id: 'v1',
        started: at(0).replace('T', ' '),
        ended: at(9).replace('T', ' '),
        entry_page: '/',
        referrer: 'https://google.com/',
        utm_source: 'ads',
        exit_page: '/pricing',
        pageviews: 2,
        events: 4,
        country: 'GB',
        time_on_page_sum: 440,
        scroll_depth_count: 1,
      },
    ];
    expect(await visitsOf(ch, 'site-late')).toEqual(expected);
    // The same after the parts merge into one row.
    await ch.client.command({ query: 'OPTIMIZE TABLE analytics.visits FINAL' });
    expect(await visitsOf(ch, 'site-late')).toEqual(expected);
  });

  it('keeps a visit crossing midnight and a month boundary as one visit', async () => {
    // The last midnight that started a month and is inside the TTL: the first of this month.
    const now = new Date();
    const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
    const at = (minutes: number) => toClickHouseDateTime(new Date(monthStart + minutes * 60_000));
    const common = { client_id: 'site-midnight', anonymous_id: 'v2', session_id: 's2' };
    await insert([eventRow({ ...common, time: at(-10), path: '/a' })]);
    await insert([eventRow({ ...common, time: at(5), path: '/b' })]);
    await ch.client.command({ query: 'OPTIMIZE TABLE analytics.visits FINAL' });
    const [visit, ...rest] = await visitsOf(ch, 'site-midnight');
    expect(rest).toEqual([]);
    expect(visit).toMatchObject({ entry_page: '/a', exit_page: '/b', pageviews: 2, events: 2 });
    const rows = await runQuery<{ n: number }>(ch.client, {
      name: 'test_visit_rows',
      query: sql`SELECT count() AS n FROM analytics.visits FINAL WHERE client_id = 'site-midnight'`,
    });
    expect(rows).toEqual([{ n: 1 }]);
  });
});
