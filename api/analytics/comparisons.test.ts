import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow } from '../../clickhouse/test-support.ts';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { type GraphQLBody, graphqlOver } from './test-support.ts';

// Comparisons against known answers: visits sent through the real ingest in two consecutive
// weeks (the range and its previous period), and the same week a year before written straight
// to ClickHouse (ingest clamps events older than 364 days to that age: the tables keep a year).
const DAY = 86_400_000;
const today = Math.floor(Date.now() / DAY) * DAY;
const day = (daysAgo: number) => new Date(today - daysAgo * DAY).toISOString().slice(0, 10);
const RANGE = `{ from: "${day(7)}", to: "${day(1)}" }`;

interface Visit {
  source: string;
  /** Days before today (1–7: the range; 8–14: the previous period). */
  daysAgo: number;
  pages: number;
}
// utm_source → visits in each week; "news" only now, "bing" only before.
const VISITS: Visit[] = [
  ...[1, 2, 3].map((d) => ({ source: 'google', daysAgo: d, pages: 2 })),
  { source: 'news', daysAgo: 4, pages: 1 },
  { source: 'google', daysAgo: 9, pages: 3 },
  ...[10, 12].map((d) => ({ source: 'bing', daysAgo: d, pages: 1 })),
];
const YEAR_AGO = [
  { source: 'google', pages: 1 },
  { source: 'google', pages: 1 },
  { source: 'google', pages: 4 },
  { source: 'bing', pages: 1 },
];

let t: TestIngest;
let graphql: (query: string) => Promise<GraphQLBody>;
beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  for (const [i, visit] of VISITS.entries()) {
    const start = today - visit.daysAgo * DAY + 10 * 3_600_000;
    const events = Array.from({ length: visit.pages }, (_, p) => ({
      type: 'screen_view',
      eventId: randomUUID(),
      anonymousId: `visitor-${i}`,
      sessionId: `session-${i}`,
      timestamp: start + p * 60_000,
      url: `https://example.com/p${p}${p === 0 ? `?utm_source=${visit.source}` : ''}`,
    }));
    const response = await fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://example.com', 'user-agent': CHROME_DESKTOP },
      body: JSON.stringify({ clientId: t.siteId, events }),
    });
    expect(response.status).toBe(200);
  }
  // A year before the range's third day (same UTC date a year earlier).
  const yearAgo = new Date(`${day(3)}T10:00:00Z`);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  await t.ingest.context.writer.flush(); // what ingest acknowledged, first
  await t.clickhouse.insert({
    table: 'analytics.events',
    format: 'JSONEachRow',
    values: YEAR_AGO.flatMap((visit, i) =>
      Array.from({ length: visit.pages }, (_, p) =>
        eventRow({
          client_id: t.siteId,
          anonymous_id: `old-${i}`,
          session_id: `old-session-${i}`,
          time: toClickHouseDateTime(new Date(yearAgo.getTime() + p * 60_000)),
          path: `/p${p}`,
          utm_source: p === 0 ? visit.source : null,
        }),
      ),
    ),
  });
});
afterAll(() => t.close());

/** Visitors and page views by source of the visits of a week (an independent count). */
function bySource(visits: { source: string; pages: number }[]) {
  const figures = new Map<string, { visitors: number; pageviews: number }>();
  for (const visit of visits) {
    const f = figures.get(visit.source) ?? { visitors: 0, pageviews: 0 };
    figures.set(visit.source, { visitors: f.visitors + 1, pageviews: f.pageviews + visit.pages });
  }
  return figures;
}
const total = (visits: { pages: number }[]) => ({
  visitors: visits.length,
  pageviews: visits.reduce((sum, v) => sum + v.pages, 0),
});
const change = (now: number, before: number | undefined) => (before ? (now - before) / before : null);

describe('comparisons', () => {
  const now = VISITS.filter((v) => v.daysAgo <= 7);
  const before = VISITS.filter((v) => v.daysAgo >= 8 && v.daysAgo <= 14);

  it('pairs each breakdown row and the summary with the previous period, and exposes every family there', async () => {
    const body =
      await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${RANGE}, compare: { period: PREVIOUS_PERIOD }) {
      summary { current { visitors pageviews } previous { visitors pageviews } visitorsChange pageviewsChange }
      breakdown(dimension: UTM_SOURCE) { value visitors pageviews visitorsChange pageviewsChange comparison { value visitors pageviews visits } }
      comparison { range { from to } breakdown(dimension: UTM_SOURCE) { value visitors } timeseries(interval: DAY) { visitors } comparison { range { from } }
        groups { dimensions { utmSource } metrics { visitors } } }
    } } }`);
    expect(body.errors).toBeUndefined();
    const analytics = body.data.website.analytics;
    expect(analytics.summary).toEqual({
      current: total(now),
      previous: total(before),
      visitorsChange: change(now.length, before.length),
      pageviewsChange: change(total(now).pageviews, total(before).pageviews),
    });
    const current = bySource(now);
    const previous = bySource(before);
    const rows = analytics.breakdown as { value: string }[];
    expect(rows.map((r) => r.value).sort()).toEqual([...current.keys()].sort());
    for (const row of rows) {
      const was = previous.get(row.value);
      const is = current.get(row.value);
      expect(row).toEqual({
        value: row.value,
        ...is,
        visitorsChange: change(is?.visitors ?? 0, was?.visitors),
        pageviewsChange: change(is?.pageviews ?? 0, was?.pageviews),
        comparison: was ? { value: row.value, ...was, visits: was.visitors } : null,
      });
    }
    // "news" is new: nothing to compare with.
    expect(rows.find((r) => r.value === 'news')).toMatchObject({ comparison: null, visitorsChange: null });
    // The comparison scope: the seven days before, every family, and no comparison of its own.
    expect(analytics.comparison.range).toEqual({
      from: `${day(14)}T00:00:00.000Z`,
      to: `${day(7)}T00:00:00.000Z`,
    });
    expect(
      Object.fromEntries(
        analytics.comparison.breakdown.map((r: { value: string; visitors: number }) => [r.value, r.visitors]),
      ),
    ).toEqual(Object.fromEntries([...previous].map(([source, f]) => [source, f.visitors])));
    const daily = analytics.comparison.timeseries.map((p: { visitors: number }) => p.visitors);
    expect(daily).toEqual([14, 13, 12, 11, 10, 9, 8].map((d) => before.filter((v) => v.daysAgo === d).length));
    expect(analytics.comparison.comparison).toBeNull();
    // groups too: the selected dimensions over the comparison range.
    expect(
      Object.fromEntries(
        analytics.comparison.groups.map((g: { dimensions: { utmSource: string }; metrics: { visitors: number } }) => [
          g.dimensions.utmSource,
          g.metrics.visitors,
        ]),
      ),
    ).toEqual(Object.fromEntries([...previous].map(([source, f]) => [source, f.visitors])));
  });

  it('pairs each group with the same keys over the previous period, time buckets by position', async () => {
    const body =
      await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${RANGE}, compare: { period: PREVIOUS_PERIOD }) {
      bySource: groups { dimensions { utmSource } metrics { visitors } comparison { visitors pageviews } change { visitors pageviews } }
      byDay: groups { dimensions { day } metrics { visitors pageviews } comparison { visitors pageviews } change { visitors } }
      byDayAndSource: groups(orderBy: [day_ASC]) { dimensions { day utmSource } comparison { visitors pageviews } }
      comparison { groups { dimensions { utmSource } comparison { visitors } change { visitors } } }
    } } }`);
    expect(body.errors).toBeUndefined();
    const analytics = body.data.website.analytics;
    const current = bySource(now);
    const previous = bySource(before);
    expect(analytics.bySource).toHaveLength(current.size);
    for (const group of analytics.bySource) {
      const source = group.dimensions.utmSource;
      const [is, was] = [current.get(source), previous.get(source)];
      expect(group, source).toEqual({
        dimensions: { utmSource: source },
        metrics: { visitors: is?.visitors },
        comparison: was ?? null,
        change: {
          visitors: change(is?.visitors ?? 0, was?.visitors),
          pageviews: change(is?.pageviews ?? 0, was?.pageviews),
        },
      });
    }
    // google: 3 visits now, 1 before (3 pages): +200 % visitors, 6 vs 3 page views.
    expect(
      analytics.bySource.find((g: { dimensions: { utmSource: string } }) => g.dimensions.utmSource === 'google'),
    ).toMatchObject({ comparison: { visitors: 1, pageviews: 3 }, change: { visitors: 2, pageviews: 1 } });
    // Every day of the range faces the day seven days before it (positions 0…6), empty days as zeros.
    const daily = (visits: Visit[], days: number[]) => days.map((d) => total(visits.filter((v) => v.daysAgo === d)));
    const nowDays = [7, 6, 5, 4, 3, 2, 1];
    expect(analytics.byDay.map((g: { dimensions: { day: string } }) => g.dimensions.day)).toEqual(
      nowDays.map((d) => `${day(d)}T00:00:00.000Z`),
    );
    expect(analytics.byDay.map((g: { metrics: unknown }) => g.metrics)).toEqual(daily(now, nowDays));
    expect(analytics.byDay.map((g: { comparison: unknown }) => g.comparison)).toEqual(
      daily(before, [14, 13, 12, 11, 10, 9, 8]),
    );
    const beforeDays = daily(before, [14, 13, 12, 11, 10, 9, 8]);
    expect(analytics.byDay.map((g: { change: { visitors: number | null } }) => g.change.visitors)).toEqual(
      daily(now, nowDays).map((d, i) => change(d.visitors, beforeDays[i]?.visitors)),
    );
    expect(analytics.byDay[2].change.visitors).toBe(-1); // one visit on day 12, none on day 5
    // Day × source: google on day 2 (position 5) faces google on day 9; day 3 faces day 10 (bing only).
    expect(
      analytics.byDayAndSource.map((g: { dimensions: { day: string; utmSource: string }; comparison: unknown }) => [
        g.dimensions.day.slice(0, 10),
        g.dimensions.utmSource,
        g.comparison,
      ]),
    ).toEqual([
      [day(4), 'news', null],
      [day(3), 'google', null],
      [day(2), 'google', { visitors: 1, pageviews: 3 }],
      [day(1), 'google', null],
    ]);
    // Within the comparison scope there is nothing to compare with.
    for (const group of analytics.comparison.groups) {
      expect(group).toMatchObject({ comparison: null, change: { visitors: null } });
    }
  });

  it('compares year over year and with a custom range', async () => {
    const yoy =
      await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${RANGE}, compare: { period: YEAR_OVER_YEAR }) {
      comparison { range { from to } timeseries(interval: DAY) { visitors pageviews } }
      summary { previous { visitors } }
    } } }`);
    expect(yoy.errors).toBeUndefined();
    const analytics = yoy.data.website.analytics;
    const lastYear = (d: string) => `${Number(d.slice(0, 4)) - 1}${d.slice(4)}`;
    expect(analytics.comparison.range).toEqual({
      from: `${lastYear(day(7))}T00:00:00.000Z`,
      to: `${lastYear(day(0))}T00:00:00.000Z`,
    });
    // Daily figures a year back come from the daily rollup (kept two years): the visits of the
    // range's fifth day a year before (the third day before today).
    const daily = analytics.comparison.timeseries.map((p: { visitors: number; pageviews: number }) => [
      p.visitors,
      p.pageviews,
    ]);
    expect(daily).toEqual(
      [7, 6, 5, 4, 3, 2, 1].map((d) => (d === 3 ? [YEAR_AGO.length, total(YEAR_AGO).pageviews] : [0, 0])),
    );
    // Raw events are kept one year (TTL): figures that need them have nothing that far back.
    expect(analytics.summary.previous.visitors).toBe(0);

    const custom = await graphql(`{ website(id: "${t.siteId}") { analytics(range: ${RANGE},
      compare: { period: CUSTOM, range: { from: "${day(14)}", to: "${day(8)}" } }) { summary { previous { visitors pageviews } } } } }`);
    expect(custom.data.website.analytics.summary.previous).toEqual(total(before));
  });

  it.each([
    ['CUSTOM without a range', '{ period: CUSTOM }', /needs its range/],
    ['a range for another comparison', '{ period: PREVIOUS_PERIOD, range: { preset: TODAY } }', /Only a CUSTOM/],
    [
      'a custom range that ends before it starts',
      `{ period: CUSTOM, range: { from: "${day(1)}", to: "${day(3)}" } }`,
      /ends before/,
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_, compare, message) => {
    const body = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: ${RANGE}, compare: ${compare}) { summary { current { visitors } } } } }`,
    );
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(message);
  });
});
