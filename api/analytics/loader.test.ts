import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type QueryOptions, runQuery } from '../../clickhouse/query.ts';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { groupBy } from './batching.ts';
import { PROPERTY_LIMITS } from './families/custom-events.ts';
import { createAnalyticsLoaders } from './loader.ts';
import { resolveRange } from './range.ts';
import { bucketStarts } from './time.ts';

// Known answers: events placed at fixed offsets from a recent UTC midnight.
const day0 = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3 * 86_400_000);
const at = (hours: number) => toClickHouseDateTime(new Date(day0.getTime() + hours * 3_600_000));
const range = resolveRange({ from: day0.toISOString(), to: new Date(day0.getTime() + 3 * 86_400_000).toISOString() });

let ch: TestClickHouse;
let queries: string[];
const counting = (options: QueryOptions) => {
  queries.push(options.name);
  return runQuery<never>(ch.client, options);
};

const event = (site: string, session: string, visitor: string, hours: number, name = 'screen_view', extra = {}) =>
  eventRow({
    client_id: site,
    event_name: name,
    anonymous_id: visitor,
    session_id: session,
    time: at(hours),
    ...extra,
  });

beforeAll(async () => {
  ch = await freshClickHouse();
  await ch.client.insert({
    table: 'analytics.events',
    format: 'JSONEachRow',
    values: [
      // site-a: visitor v1 has two sessions (3 views + a bounce), v2 one bounce; day 1 and day 2.
      event('site-a', 's1', 'v1', 1, 'screen_view', { path: '/', country: 'DE' }),
      event('site-a', 's1', 'v1', 1.5, 'screen_view', { path: '/pricing', country: 'DE' }),
      event('site-a', 's1', 'v1', 1.75, 'page_exit', { path: '/pricing', time_on_page: 30 }),
      event('site-a', 's1', 'v1', 2, 'screen_view', { path: '/docs', country: 'DE' }),
      event('site-a', 's2', 'v1', 30, 'screen_view', { path: '/docs', country: 'DE' }),
      event('site-a', 's3', 'v2', 31, 'screen_view', { path: '/pricing', country: 'FR' }),
      event('site-a', 's3', 'v2', 31.2, 'page_exit', { path: '/pricing', time_on_page: 10 }),
      event('site-a', 's4', 'v3', 32, 'signup'),
      // site-b: one visitor, one bounce.
      event('site-b', 't1', 'w1', 5),
      // Outside the range: ignored.
      event('site-a', 's9', 'v9', 80),
      // site-c: an OS with and one without a known version.
      event('site-c', 'c1', 'x1', 3, 'screen_view', { os_name: 'Linux', browser_name: 'Firefox' }),
      event('site-c', 'c2', 'x2', 3, 'screen_view', { os_name: 'iOS', os_version: '17.1' }),
    ],
  });
});
afterAll(() => ch.close());

describe('analytics loaders', () => {
  it('computes summaries exactly', async () => {
    queries = [];
    const loaders = createAnalyticsLoaders(ch.client, counting);
    const [a, b, none] = await Promise.all(
      ['site-a', 'site-b', 'site-none'].map((websiteId) => loaders.summary.load({ websiteId, range, filters: [] })),
    );
    // site-a sessions with views: s1 (3 views, 1 h), s2 (1, 0 s), s3 (1 view + exit, 12 min); s4 has no page view.
    expect(a).toEqual({
      pageviews: 5,
      visitors: 2,
      sessions: 3,
      bounceRate: 2 / 3,
      avgSessionSeconds: (3600 + 0 + 720) / 3,
      pagesPerSession: 5 / 3,
      avgScrollDepth: null,
      outgoingClicks: 0,
    });
    expect(b).toMatchObject({ pageviews: 1, visitors: 1, sessions: 1, bounceRate: 1 });
    expect(none).toMatchObject({ pageviews: 0, visitors: 0, sessions: 0 });
    expect(queries).toEqual(['analytics_summary']);
  });

  it('answers several periods of the same filters in one query, each its own figures', async () => {
    queries = [];
    const loaders = createAnalyticsLoaders(ch.client, counting);
    const day = (d: number) =>
      resolveRange({
        from: new Date(day0.getTime() + d * 86_400_000).toISOString(),
        to: new Date(day0.getTime() + (d + 1) * 86_400_000).toISOString(),
      });
    const [first, second, whole] = await Promise.all(
      [day(0), day(1), range].map((r) => loaders.summary.load({ websiteId: 'site-a', range: r, filters: [] })),
    );
    expect(queries).toEqual(['analytics_summary']);
    // Day 0: s1 (3 views); day 1: s2 and s3 (one view each); the whole range: all three.
    expect(first).toMatchObject({ pageviews: 3, visitors: 1, sessions: 1 });
    expect(second).toMatchObject({ pageviews: 2, visitors: 2, sessions: 2 });
    expect(whole).toMatchObject({ pageviews: 5, visitors: 2, sessions: 3 });
  });

  it('applies filters', async () => {
    const loaders = createAnalyticsLoaders(ch.client);
    const summary = await loaders.summary.load({
      websiteId: 'site-a',
      range,
      filters: [{ field: 'COUNTRY', op: 'IS', value: 'DE' }],
    });
    expect(summary).toMatchObject({ pageviews: 4, visitors: 1, sessions: 2 });
  });

  it('batches 50 website summaries into one query', async () => {
    queries = [];
    const loaders = createAnalyticsLoaders(ch.client, counting);
    const ids = Array.from({ length: 50 }, (_, i) => (i === 0 ? 'site-a' : `site-${i}`));
    const results = await Promise.all(ids.map((websiteId) => loaders.summary.load({ websiteId, range, filters: [] })));
    expect(queries).toEqual(['analytics_summary']);
    expect(results[0]?.pageviews).toBe(5);
    expect(results.slice(1).every((r) => r.pageviews === 0)).toBe(true);
  });

  it('fills empty buckets in timeseries', async () => {
    const loaders = createAnalyticsLoaders(ch.client);
    const days = await loaders.timeseries.load({ websiteId: 'site-a', range, filters: [], interval: 'DAY' });
    expect(days.map((d) => [d.time.toISOString().slice(0, 10), d.pageviews, d.visitors])).toEqual([
      [day0.toISOString().slice(0, 10), 3, 1],
      [new Date(day0.getTime() + 86_400_000).toISOString().slice(0, 10), 2, 2],
      [new Date(day0.getTime() + 2 * 86_400_000).toISOString().slice(0, 10), 0, 0],
    ]);
    // Same answer from raw events (a filter that keeps everything forces them) as from the rollup.
    const raw = await loaders.timeseries.load({
      websiteId: 'site-a',
      range,
      filters: [{ field: 'PATH', op: 'STARTS_WITH', value: '/' }],
      interval: 'DAY',
    });
    expect(raw).toEqual(days);
    const hours = await loaders.timeseries.load({ websiteId: 'site-a', range, filters: [], interval: 'HOUR' });
    expect(hours).toHaveLength(72);
    expect(hours.reduce((sum, h) => sum + h.pageviews, 0)).toBe(5);
  });

  it('breaks down by dimension, sorted and paginated per website', async () => {
    const loaders = createAnalyticsLoaders(ch.client);
    const page = { sort: 'PAGEVIEWS' as const, limit: 2, offset: 0 };
    const rows = await loaders.breakdown.load({ websiteId: 'site-a', range, filters: [], dimension: 'PATH', page });
    expect(rows).toEqual([
      // A page's bounce rate is that of the visits entering on it: s2 on /docs, s3 on /pricing (both bounced).
      {
        value: '/docs',
        visitors: 1,
        pageviews: 2,
        visits: 2,
        bounceRate: 1,
        avgTimeOnPage: null,
        avgScrollDepth: null,
        outgoingClicks: 0,
      },
      {
        value: '/pricing',
        visitors: 2,
        pageviews: 2,
        visits: 2,
        bounceRate: 1,
        avgTimeOnPage: 20,
        avgScrollDepth: null,
        outgoingClicks: 0,
      },
    ]);
    const next = await loaders.breakdown.load({
      websiteId: 'site-a',
      range,
      filters: [],
      dimension: 'PATH',
      page: { ...page, offset: 2 },
    });
    expect(next.map((r) => [r.value, r.bounceRate])).toEqual([['/', 0]]);
    const countries = await loaders.breakdown.load({
      websiteId: 'site-a',
      range,
      filters: [],
      dimension: 'COUNTRY',
      page: { ...page, sort: 'VISITORS' },
    });
    expect(countries.map((r) => [r.value, r.visitors])).toEqual([
      ['DE', 1],
      ['FR', 1],
    ]);
  });
});

describe('breakdowns by visit dimensions', () => {
  it('run as one query per scope and page, each answering as it would alone', async () => {
    const page = { sort: 'VISITORS' as const, limit: 10, offset: 0 };
    const dimensions = ['COUNTRY', 'OS', 'OS_VERSION', 'BROWSER'] as const;
    const load = (loaders: ReturnType<typeof createAnalyticsLoaders>, dimension: (typeof dimensions)[number]) =>
      Promise.all(
        ['site-a', 'site-c'].map((websiteId) =>
          loaders.breakdown.load({ websiteId, range, filters: [], dimension, page }),
        ),
      );
    queries = [];
    const together = await Promise.all(dimensions.map((d) => load(createAnalyticsLoaders(ch.client, counting), d)));
    expect(queries).toHaveLength(dimensions.length);
    queries = [];
    const batched = createAnalyticsLoaders(ch.client, counting);
    expect(await Promise.all(dimensions.map((d) => load(batched, d)))).toEqual(together);
    expect(queries).toEqual(['analytics_breakdown']);
    expect(together[2]?.[1]?.map((r) => [r.value, r.visitors])).toEqual([
      ['Linux', 1],
      ['iOS 17.1', 1],
    ]);
    expect(together[0]?.[0]?.map((r) => [r.value, r.visits, r.pageviews, r.bounceRate])).toEqual([
      ['DE', 2, 4, 0.5],
      ['FR', 1, 1, 1],
      // s4 has no page view: not a visit.
    ]);
  });
});

describe('bucket starts', () => {
  it('follows local days across DST and refuses too many buckets', () => {
    const berlin = resolveRange({ from: '2026-03-28', to: '2026-03-30', timezone: 'Europe/Berlin' });
    expect(bucketStarts(berlin, 'DAY').map((d) => d.toISOString())).toEqual([
      '2026-03-27T23:00:00.000Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T22:00:00.000Z',
    ]);
    expect(bucketStarts(berlin, 'HOUR')).toHaveLength(71);
    expect(
      bucketStarts(resolveRange({ from: '2026-01-14', to: '2026-03-02' }), 'MONTH').map((d) =>
        d.toISOString().slice(0, 10),
      ),
    ).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(bucketStarts(resolveRange({ from: '2026-11-25', to: '2026-11-30' }), 'WEEK')[0]?.toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
    expect(() => bucketStarts(resolveRange({ from: '2026-01-01', to: '2026-03-01' }), 'MINUTE')).toThrow(/coarser/);
  });
});

describe('run stage at realistic sizes', () => {
  it('groups 20k rows in one pass (linear work)', () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ client_id: `site-${i % 3}`, i }));
    const work = { steps: 0 };
    const groups = groupBy(rows, (row) => row.client_id, work);
    expect(work.steps).toBe(rows.length);
    expect([...groups.values()].map((g) => g.length)).toEqual([6667, 6667, 6666]);
    expect(
      groups
        .get('site-1')
        ?.slice(0, 2)
        .map((r) => r.i),
    ).toEqual([1, 4]);
  });

  it('caps the property keys and values of a custom event', async () => {
    // 20k events over 300 keys, each key with 67 distinct values.
    const values = Array.from({ length: 20_000 }, (_, i) =>
      event('site-props', `p${i}`, `pv${i}`, 4, 'purchase', {
        event_type: 'custom',
        properties: JSON.stringify({ [`k${i % 300}`]: `v${Math.floor(i / 300)}` }),
      }),
    );
    await ch.client.insert({ table: 'analytics.events', format: 'JSONEachRow', values });
    const loaders = createAnalyticsLoaders(ch.client);
    const rows = await loaders.eventProperties.load({
      websiteId: 'site-props',
      range,
      filters: [],
      eventName: 'purchase',
    });
    const keys = groupBy(rows, (r) => r.key);
    expect(keys.size).toBe(PROPERTY_LIMITS.keys);
    expect(Math.max(...[...keys.values()].map((list) => list.length))).toBe(PROPERTY_LIMITS.values);
  });

  it('names an OS or browser without a known version without a trailing space', async () => {
    const loaders = createAnalyticsLoaders(ch.client);
    const page = { sort: 'VISITORS' as const, limit: 10, offset: 0 };
    const os = await loaders.breakdown.load({ websiteId: 'site-c', range, filters: [], dimension: 'OS_VERSION', page });
    expect(os.map((r) => r.value).sort()).toEqual(['Linux', 'iOS 17.1']);
    const browser = await loaders.breakdown.load({
      websiteId: 'site-c',
      range,
      filters: [],
      dimension: 'BROWSER_VERSION',
      page,
    });
    expect(browser.map((r) => r.value).sort()).toEqual(['', 'Firefox']);
  });
});
