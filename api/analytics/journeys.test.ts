import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { sessionTimeline } from './families/sessions.ts';
import { planGroups } from './groups.ts';
import { createAnalyticsLoaders } from './loader.ts';
import { resolveRange } from './range.ts';

// Sessions, entry/exit pages, journeys, goals, funnels and retention against known answers.
const monday = (() => {
  const d = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 21 * 86_400_000);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000); // a Monday, three weeks back
})();
const at = (days: number, minutes = 0) =>
  toClickHouseDateTime(new Date(monday.getTime() + days * 86_400_000 + minutes * 60_000));
const range = resolveRange({
  from: monday.toISOString(),
  to: new Date(monday.getTime() + 21 * 86_400_000).toISOString(),
});

let ch: TestClickHouse;
const view = (visitor: string, session: string, day: number, minute: number, path: string) =>
  eventRow({ client_id: 'j', anonymous_id: visitor, session_id: session, time: at(day, minute), path });
const custom = (visitor: string, session: string, day: number, minute: number, name: string) => ({
  ...view(visitor, session, day, minute, '/checkout'),
  event_name: name,
  event_type: 'custom',
});

beforeAll(async () => {
  ch = await freshClickHouse();
  await ch.client.insert({
    table: 'analytics.events',
    format: 'JSONEachRow',
    values: [
      // a: / → /pricing → /checkout → purchase (week 0), returns in week 1 and week 2.
      view('a', 'a1', 0, 0, '/'),
      view('a', 'a1', 0, 1, '/pricing'),
      view('a', 'a1', 0, 2, '/checkout'),
      custom('a', 'a1', 0, 3, 'purchase'),
      view('a', 'a2', 8, 0, '/blog/post-1'),
      view('a', 'a3', 15, 0, '/'),
      // b: / → /pricing, leaves (week 0), returns week 2.
      view('b', 'b1', 1, 0, '/'),
      view('b', 'b1', 1, 1, '/pricing'),
      view('b', 'b2', 16, 0, '/pricing'),
      // c: lands on a blog post and bounces (week 1).
      view('c', 'c1', 9, 0, '/blog/post-2'),
      // d: / → /checkout two days later (outside a one-day funnel window), then purchase.
      view('d', 'd1', 2, 0, '/'),
      view('d', 'd2', 4, 0, '/checkout'),
      custom('d', 'd2', 4, 1, 'purchase'),
    ],
  });
});
afterAll(() => ch.close());

const loaders = () => createAnalyticsLoaders(ch.client);
const scope = { websiteId: 'j', range, filters: [] };

it('lists sessions with entry and exit pages, and a session’s timeline', async () => {
  const sessions = await loaders().sessions.load({ ...scope, limit: 3, offset: 0 });
  expect(sessions.map((s) => s.sessionId)).toEqual(['b2', 'a3', 'c1']);
  const all = await loaders().sessions.load({ ...scope, limit: 100, offset: 0 });
  expect(all.find((s) => s.sessionId === 'a1')).toMatchObject({
    visitor: 'a',
    pageviews: 3,
    entryPage: '/',
    exitPage: '/checkout',
    durationSeconds: 180,
  });
  const timeline = await sessionTimeline((o) => runQuery(ch.client, o), 'j', 'a1');
  expect(timeline.map((e) => [e.name, e.path])).toEqual([
    ['screen_view', '/'],
    ['screen_view', '/pricing'],
    ['screen_view', '/checkout'],
    ['purchase', '/checkout'],
  ]);
});

it('ranks entry and exit pages with bounce rates, and page-to-page journeys', async () => {
  const entries = await loaders().entryExit.load({ ...scope, which: 'ENTRY', limit: 10 });
  expect(entries).toEqual([
    { value: '/', sessions: 4, visitors: 3, bounceRate: 0.5 },
    { value: '/blog/post-1', sessions: 1, visitors: 1, bounceRate: 1 },
    { value: '/blog/post-2', sessions: 1, visitors: 1, bounceRate: 1 },
    { value: '/checkout', sessions: 1, visitors: 1, bounceRate: 1 },
    { value: '/pricing', sessions: 1, visitors: 1, bounceRate: 1 },
  ]);
  const exits = await loaders().entryExit.load({ ...scope, which: 'EXIT', limit: 1 });
  expect(exits).toEqual([{ value: '/', sessions: 2, visitors: 2, bounceRate: 1 }]);
  expect(await loaders().transitions.load({ ...scope, limit: 10 })).toEqual([
    { from: '/', to: '/pricing', sessions: 2 },
    { from: '/pricing', to: '/checkout', sessions: 1 },
  ]);
});

it('measures goals and funnels within their window', async () => {
  // Goal figures as the goals family asks them: one groups query, no dimension.
  const goals = [
    { type: 'EVENT' as const, target: 'purchase' },
    { type: 'PAGE_VIEW' as const, target: '/blog/*' },
    { type: 'PAGE_VIEW' as const, target: '/pricing' },
  ];
  const plan = planGroups({
    dimensions: [],
    metrics: ['visitors'],
    goals: goals.map((goal) => ({ conditions: [goal] })),
    goalMetrics: goals.map((_, i) => ({ figure: 'conversions', goal: i, key: String(i) })),
    orderBy: [],
    limit: 1,
    offset: 0,
  });
  const [totals] = await loaders().groups.load({ ...scope, plan });
  expect(totals?.metrics.visitors).toBe(4);
  expect(totals?.goals).toEqual({ 0: 2, 1: 2, 2: 2 });
  const steps = [
    { type: 'PAGE_VIEW' as const, target: '/' },
    { type: 'PAGE_VIEW' as const, target: '/checkout' },
    { type: 'EVENT' as const, target: 'purchase' },
  ];
  const oneDay = await loaders().funnel.load({ ...scope, steps, windowSeconds: 86_400 });
  expect(oneDay.map((s) => s.visitors)).toEqual([3, 1, 1]);
  expect(oneDay[1]?.conversion).toBeCloseTo(1 / 3, 10);
  expect(oneDay[1]?.dropOff).toBeCloseTo(2 / 3, 10);
  const week = await loaders().funnel.load({ ...scope, steps, windowSeconds: 7 * 86_400 });
  expect(week.map((s) => s.visitors)).toEqual([3, 2, 2]);
});

it('builds weekly retention cohorts by first visit', async () => {
  const cohorts = await loaders().retention.load(scope);
  expect(cohorts.map((c) => [c.cohort.toISOString().slice(0, 10), c.visitors])).toEqual([
    [monday.toISOString().slice(0, 10), [3, 1, 2]],
    [new Date(monday.getTime() + 7 * 86_400_000).toISOString().slice(0, 10), [1]],
  ]);
});
