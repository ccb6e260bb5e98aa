import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { type GraphQLBody, graphqlOver } from './test-support.ts';

// Every goal kind against known answers: four visits sent through the real ingest, each doing a
// different mix of page views, link clicks, downloads, a 404 and scrolling; one goal per case.
let t: TestIngest;
let graphql: (query: string) => Promise<GraphQLBody>;
const range = '{ preset: LAST_7_DAYS }';

type Event = Record<string, unknown> & { type: string; path: string };
const VISITS: Event[][] = [
  [
    { type: 'screen_view', path: '/blog/a' },
    { type: 'outgoing_link', path: '/blog/a', href: 'https://github.com/tidemark/x', text: 'GitHub' },
    { type: 'page_exit', path: '/blog/a', timeOnPage: 30, scrollDepth: 80 },
  ],
  [
    { type: 'screen_view', path: '/pricing' },
    {
      type: 'custom',
      path: '/pricing',
      name: 'file_download',
      properties: { href: 'https://example.com/files/a.PDF' },
    },
    { type: 'custom', path: '/pricing', name: 'purchase', properties: { plan: 'pro' } },
  ],
  [
    { type: 'screen_view', path: '/missing' },
    { type: 'custom', path: '/missing', name: '404' },
    { type: 'outgoing_link', path: '/missing', href: 'https://cdn.other.test/app.zip?v=2', text: 'App' },
    { type: 'page_exit', path: '/missing', timeOnPage: 5, scrollDepth: 30 },
  ],
  [
    { type: 'screen_view', path: '/blog/b' },
    { type: 'custom', path: '/blog/b', name: 'purchase', properties: { plan: 'free' } },
    { type: 'page_exit', path: '/blog/b', timeOnPage: 60, scrollDepth: 95 },
  ],
];

/** goal input → the visits (by index) that reach it, counted independently from VISITS above. */
const GOALS: [string, string, number[]][] = [
  ['blog', 'type: PAGE_VIEW, target: "/blog/*"', [0, 3]],
  ['purchase', 'type: EVENT, target: "purchase"', [1, 3]],
  ['pro', 'type: EVENT, target: "purchase", propertyKey: "plan", propertyValue: "pro"', [1]],
  ['any link', 'type: OUTGOING_LINK, target: "*"', [0, 2]],
  ['github', 'type: OUTGOING_LINK, target: "https://github.com/*"', [0]],
  ['downloads', 'type: FILE_DOWNLOAD, target: "*"', [1, 2]],
  ['zips', 'type: FILE_DOWNLOAD, target: "zip, dmg"', [2]],
  ['404', 'type: NOT_FOUND, target: "*"', [2]],
  ['read blog', 'type: SCROLL_DEPTH, target: "/blog/*", scrollPercent: 75', [0, 3]],
  ['read blog to the end', 'type: SCROLL_DEPTH, target: "/blog/*", scrollPercent: 90', [3]],
];

const mutation = (field: string, args: string) =>
  graphql(`mutation { ${field}(${args}) { __typename ... on Error { code } } }`);

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  const start = Date.now() - 3_600_000;
  for (const [v, events] of VISITS.entries()) {
    const body = events.map(({ path, ...event }, i) => ({
      ...event,
      eventId: randomUUID(),
      anonymousId: `visitor-${v}`,
      sessionId: `session-${v}`,
      timestamp: start + v * 600_000 + i * 10_000,
      url: `https://example.com${path}`,
    }));
    const response = await fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://example.com', 'user-agent': CHROME_DESKTOP },
      body: JSON.stringify({ clientId: t.siteId, events: body }),
    });
    expect(response.status).toBe(200);
  }
  await t.ingest.context.writer.flush();
  for (const [name, fields] of GOALS) {
    const created = await mutation('createGoal', `websiteId: "${t.siteId}", input: { name: "${name}", ${fields} }`);
    expect(created.data?.createGoal.__typename).toBe('MutationCreateGoalSuccess');
  }
});
afterAll(() => t.close());

describe('goal kinds', () => {
  it('counts each kind’s converting visitors and rate', async () => {
    const body = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: ${range}) { goals { name conversions visitors rate } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.website.analytics.goals).toEqual(
      GOALS.map(([name, , reached]) => ({
        name,
        conversions: reached.length,
        visitors: VISITS.length,
        rate: reached.length / VISITS.length,
      })),
    );
  });

  it('uses the same kinds as funnel steps', async () => {
    const steps = '[{ type: PAGE_VIEW, target: "/blog/*" }, { type: OUTGOING_LINK, target: "*" }]';
    const created =
      await graphql(`mutation { createFunnel(websiteId: "${t.siteId}", input: { name: "Read then leave", steps: ${steps} }) {
      ... on MutationCreateFunnelSuccess { data { id } } } }`);
    const funnelId = created.data.createFunnel.data.id;
    const body = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: ${range}) { funnel(funnelId: "${funnelId}") { visitors } } } }`,
    );
    // Visits 0 and 3 read the blog; of them, visit 0 then clicked a link to another site.
    expect(body.data.website.analytics.funnel.map((s: { visitors: number }) => s.visitors)).toEqual([2, 1]);
  });

  it.each([
    ['a threshold missing', 'type: SCROLL_DEPTH, target: "/blog/*"', 'scrollPercent'],
    ['a threshold on another kind', 'type: PAGE_VIEW, target: "/", scrollPercent: 50', 'scrollPercent'],
    ['a threshold out of range', 'type: SCROLL_DEPTH, target: "/", scrollPercent: 101', 'scrollPercent'],
    [
      'a property match on a page goal',
      'type: PAGE_VIEW, target: "/", propertyKey: "a", propertyValue: "b"',
      'propertyKey',
    ],
    ['a property key without its value', 'type: EVENT, target: "x", propertyKey: "a"', 'propertyKey'],
    ['extensions that are not', 'type: FILE_DOWNLOAD, target: "p.df!"', 'target'],
    ['a path pattern without its slash', 'type: NOT_FOUND, target: "missing"', 'target'],
  ])('refuses %s with BAD_USER_INPUT and creates nothing', async (_, fields, field) => {
    const before = await t.prisma.goal.count();
    const body = await mutation('createGoal', `websiteId: "${t.siteId}", input: { name: "x", ${fields} }`);
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const extensions = body.errors?.[0]?.extensions as unknown as { issues?: { path: string[] }[] } | undefined;
    expect(extensions?.issues?.[0]?.path).toEqual(['input', field]);
    expect(await t.prisma.goal.count()).toBe(before);
  });

  it('refuses a scroll-depth funnel step', async () => {
    const steps = '[{ type: PAGE_VIEW, target: "/" }, { type: SCROLL_DEPTH, target: "/" }]';
    const body =
      await graphql(`mutation { createFunnel(websiteId: "${t.siteId}", input: { name: "x", steps: ${steps} }) {
      __typename } }`);
    expect(body.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
