import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrateClickHouse } from './migrator.ts';
import { runQuery } from './query.ts';
import { sql, toClickHouseDateTime } from './sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from './test-support.ts';

/** The visit rows of one website, as queries read them (FINAL merges each visit's partial rows). */
const visitsOf = (ch: TestClickHouse, site: string) =>
  runQuery<VisitRow>(ch.client, {
    name: 'test_visits',
    query: sql`SELECT session_id, anonymous_id, toString(start_time) AS started, toString(end_time) AS ended,
        tupleElement(entry_view, 'page') AS entry_page, tupleElement(entry_view, 'referrer') AS referrer,
        tupleElement(entry_view, 'utm_source') AS utm_source, tupleElement(exit_view, 'page') AS exit_page,
        pageviews, events, country, time_on_page_sum, scroll_depth_count
      FROM analytics.visits FINAL WHERE client_id = ${site}
      ORDER BY session_id`,
  });

interface VisitRow {
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
}

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

describe('0014 on an existing installation', () => {
  it('gives visits written before it their entry and exit pages, and merges later events into them', async () => {
    const ch = await freshClickHouse({ migrate: false });
    const before = mkdtempSync(join(tmpdir(), 'tidemark-ch-0013-'));
    try {
      for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f < '0014')) {
        copyFileSync(join(MIGRATIONS_DIR, file), join(before, file));
      }
      await migrateClickHouse({ client: ch.client, dir: before });
      const insert = (rows: Record<string, unknown>[]) =>
        ch.client.insert({ table: 'analytics.events', format: 'JSONEachRow', values: rows });
      const base = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
      const at = (minute: number) => toClickHouseDateTime(new Date(base + minute * 60_000));
      const common = { client_id: 'site-upgrade', anonymous_id: 'v1', session_id: 's1' };
      // Before: a landing view with its referrer, then (another part) a second view and an exit.
      await insert([eventRow({ ...common, time: at(0), path: '/', referrer: 'https://google.com/' })]);
      await insert([
        eventRow({ ...common, time: at(3), path: '/docs' }),
        eventRow({ ...common, time: at(4), path: '/docs', event_name: 'page_exit' }),
      ]);
      await insert([eventRow({ ...common, session_id: 's2', time: at(1), path: '/x', event_name: 'page_exit' })]);

      await migrateClickHouse({ client: ch.client });
      expect(await visitsOf(ch, 'site-upgrade')).toMatchObject([
        { session_id: 's1', entry_page: '/', referrer: 'https://google.com/', exit_page: '/docs', pageviews: 2 },
        // A visit without a page view has no entry or exit page.
        { session_id: 's2', entry_page: '', exit_page: '', pageviews: 0 },
      ]);
      // After: a later view of s1 and an earlier one of s2 arrive, through the replaced view.
      await insert([eventRow({ ...common, time: at(8), path: '/pricing' })]);
      await insert([eventRow({ ...common, session_id: 's2', time: at(0), path: '/start' })]);
      const expected = [
        { session_id: 's1', entry_page: '/', referrer: 'https://google.com/', exit_page: '/pricing', pageviews: 3 },
        { session_id: 's2', entry_page: '/start', exit_page: '/start', pageviews: 1 },
      ];
      expect(await visitsOf(ch, 'site-upgrade')).toMatchObject(expected);
      await ch.client.command({ query: 'OPTIMIZE TABLE analytics.visits FINAL' });
      expect(await visitsOf(ch, 'site-upgrade')).toMatchObject(expected);
      const columns = await runQuery<{ name: string }>(ch.client, {
        name: 'test_visit_columns',
        query: sql`SELECT name FROM system.columns WHERE database = 'analytics' AND table = 'visits'
          AND name IN ('landing', 'exit_state')`,
      });
      expect(columns).toEqual([]);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await ch.close();
    }
  });
});
