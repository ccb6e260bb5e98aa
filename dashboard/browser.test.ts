// The dashboard in a real Chromium against the running product (API + ingest on embedded
// stores), on data sent through the real ingest. Every request outside the product is aborted;
// the figures on the page are read and compared with the API's answers to the same queries.
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../api/export/test-support.ts';
import { createApiServer } from '../api/server.ts';
import { withoutCost } from '../api/test-support.ts';
import { createClient } from '../client/client.ts';
import {
  AcceptInvitationDocument,
  type AnalyticsFilterInput,
  CreateShareLinkDocument,
  DashboardBreakdownDocument,
  DashboardCustomEventsDocument,
  DashboardErrorsDocument,
  DashboardEventPropertiesDocument,
  DashboardFunnelDocument,
  DashboardGoalsDocument,
  DashboardOverviewDocument,
  DashboardSessionsDocument,
  DashboardVitalsDocument,
  DashboardWebsitesDocument,
  type DateRangeInput,
  ManageFlagsDocument,
  ManageGoalsDocument,
  ManageLinksDocument,
  ManageMembersDocument,
  ManageMonitorsDocument,
  ManageWebsiteDocument,
  SegmentsDocument,
} from '../client/generated/graphql.ts';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { toCsv } from '../runtime/csv.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { launchTestBrowser } from '../runtime/test-browser.ts';
import { distIsCurrent, writeDist } from './build.ts';
import { countryName, formatChange, formatDuration, formatInt, formatNumber, formatPercent } from './src/format.ts';

const SCREENSHOTS = new URL('./screenshots/', import.meta.url);

let t: TestIngest;
let api: Server;
let origin: string;
let browser: Browser;
let siteId: string;
let otherSiteId: string;
let funnelId: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface VisitSpec {
  ua: string;
  ip: string;
  ago: number;
  pages: string[];
  referrer?: string;
  query?: string;
  custom?: string;
  properties?: Record<string, string>;
  lcp?: number;
  error?: boolean;
  domain?: string;
  clientId?: string;
}

/** One visit sent through the real ingest as the tracker sends it. */
async function sendVisit(v: VisitSpec) {
  const domain = v.domain ?? 'example.com';
  const anonymousId = randomUUID();
  const sessionId = randomUUID();
  const start = Date.now() - v.ago;
  const events: Record<string, unknown>[] = [];
  v.pages.forEach((path, n) => {
    const context = {
      anonymousId,
      sessionId,
      sessionStartTime: start,
      timestamp: start + n * 30_000,
      url: `https://${domain}${path}${n === 0 && v.query ? v.query : ''}`,
      referrer: n === 0 ? v.referrer : undefined,
      screenResolution: v.ua === IPHONE_SAFARI ? '390x844' : '1920x1080',
      language: v.ua === IPHONE_SAFARI ? 'sv-SE' : 'en-GB',
    };
    const viewId = randomUUID();
    events.push({ type: 'screen_view', eventId: viewId, ...context });
    if (n === 0 && v.lcp) {
      events.push({ type: 'vital', eventId: randomUUID(), ...context, metric: 'LCP', value: v.lcp, viewId });
    }
    if (n === 0 && v.custom) {
      events.push({ type: 'custom', eventId: randomUUID(), ...context, name: v.custom, properties: v.properties });
    }
    if (n === 0 && v.error) {
      events.push({
        type: 'error',
        eventId: randomUUID(),
        ...context,
        errorType: 'TypeError',
        message: "TypeError: Cannot read properties of undefined (reading 'price')",
      });
    }
  });
  const response = await fetch(`${t.url}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: `https://${domain}`,
      'user-agent': v.ua,
      'x-forwarded-for': v.ip,
    },
    body: JSON.stringify({ clientId: v.clientId ?? siteId, events }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

const owner = () => createClient({ url: `${origin}/graphql`, apiKey: t.apiKey });
const anonymous = () => createClient({ url: `${origin}/graphql` });
/** A program reading as a share link does: its token in x-tidemark-share. */
const sharer = (token: string) =>
  createClient({
    url: `${origin}/graphql`,
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init.headers, 'x-tidemark-share': token } }),
  });

/** The API as a browser of the session cookie `session` calls it (the cookie and the CSRF header). */
async function asSession(session: string, query: string) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tidemark-csrf': '1', cookie: `tidemark_session=${session}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: { extensions?: { code?: string } }[] };
}

/** A member with a password, made as people are: an invitation link, accepted (both through the API). */
const MEMBER = { email: 'ada@example.com', password: 'analytical engine 1843' };

async function invitation(role: 'ADMIN' | 'VIEWER') {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
    body: JSON.stringify({ query: `mutation { createInvitation(role: ${role}) { url token } }` }),
  });
  const body = (await response.json()) as { data: { createInvitation: { url: string; token: string } } };
  return body.data.createInvitation;
}

async function mutate(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, { __typename?: string; data?: { id: string } }> };
  const result = Object.values(body.data ?? {})[0];
  expect(result?.__typename, JSON.stringify(body)).toMatch(/Success$/);
  return result?.data?.id as string;
}

beforeAll(async () => {
  if (!distIsCurrent()) await writeDist();
  mkdirSync(SCREENSHOTS, { recursive: true });
  t = await startTestIngest();
  siteId = t.siteId;
  api = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    http: t.ingest.context.config.http,
    // One signed-in member drives every test within a minute or two, far past what a person
    // clicks: a budget past that load (the budget itself is tested in api/cost.test.ts).
    pointBudget: { max: 100_000_000, windowMs: 60_000 },
  });
  origin = `http://127.0.0.1:${await listen(api, 0, '127.0.0.1')}`;
  browser = await launchTestBrowser();
  const { token } = await invitation('ADMIN');
  const accepted = await anonymous().request(AcceptInvitationDocument, { token, name: 'Ada', ...MEMBER });
  expect(accepted.acceptInvitation).toBeTruthy();
  // Its members count days in Tokyo; anonymous readers cannot read settings and count UTC days.
  await t.prisma.website.update({
    where: { id: siteId },
    data: { isPublic: true, name: 'Example', settings: { allowedOrigins: [], timezone: 'Asia/Tokyo' } },
  });
  otherSiteId = await mutate(
    'mutation($input: CreateWebsiteInput!) { createWebsite(input: $input) { __typename ... on MutationCreateWebsiteSuccess { data { id } } } }',
    { input: { domain: 'second.example.org', name: 'Second site' } },
  );
  const goal = (input: Record<string, unknown>) =>
    mutate(
      'mutation($id: ID!, $input: GoalInput!) { createGoal(websiteId: $id, input: $input) { __typename ... on MutationCreateGoalSuccess { data { id } } } }',
      { id: siteId, input },
    );
  await goal({ name: 'Saw pricing', type: 'PAGE_VIEW', target: '/pricing' });
  await goal({ name: 'Signed up', type: 'EVENT', target: 'signup' });
  funnelId = await mutate(
    'mutation($id: ID!, $input: FunnelInput!) { createFunnel(websiteId: $id, input: $input) { __typename ... on MutationCreateFunnelSuccess { data { id } } } }',
    {
      id: siteId,
      input: {
        name: 'Home to pricing',
        steps: [
          { type: 'PAGE_VIEW', target: '/' },
          { type: 'PAGE_VIEW', target: '/pricing' },
        ],
      },
    },
  );
  await mutate(
    'mutation($id: ID!, $input: AnnotationInput!) { createAnnotation(websiteId: $id, input: $input) { __typename ... on MutationCreateAnnotationSuccess { data { id } } } }',
    { id: siteId, input: { text: 'Launch', startsAt: new Date(Date.now() - 4 * DAY).toISOString(), isPublic: true } },
  );
  const visits: VisitSpec[] = [
    {
      ua: CHROME_DESKTOP,
      ip: GEO.london,
      ago: 10 * DAY,
      pages: ['/', '/pricing'],
      referrer: 'https://www.google.com/',
      custom: 'signup',
      properties: { plan: 'pro' },
      lcp: 1800,
    },
    { ua: IPHONE_SAFARI, ip: GEO.linkoping, ago: 3 * DAY, pages: ['/', '/docs'], error: true, lcp: 3100 },
    {
      ua: CHROME_DESKTOP,
      ip: GEO.linkoping,
      ago: HOUR,
      pages: ['/', '/pricing', '/docs'],
      query: '?utm_source=newsletter&utm_medium=email',
    },
    {
      ua: IPHONE_SAFARI,
      ip: GEO.london,
      ago: 2 * HOUR,
      pages: ['/docs'],
      referrer: 'https://www.google.com/',
      custom: 'signup',
      lcp: 2200,
    },
    {
      ua: CHROME_DESKTOP,
      ip: GEO.tokyoV6,
      ago: 5 * DAY,
      pages: ['/'],
      referrer: 'https://news.ycombinator.com/item?id=1',
    },
    {
      ua: CHROME_DESKTOP,
      ip: GEO.london,
      ago: 20 * DAY,
      pages: ['/pricing', '/'],
      referrer: 'https://www.google.com/',
    },
    { ua: CHROME_DESKTOP, ip: GEO.london, ago: 30_000, pages: ['/'] },
    {
      ua: CHROME_DESKTOP,
      ip: GEO.london,
      ago: 2 * DAY,
      pages: ['/'],
      domain: 'second.example.org',
      clientId: otherSiteId,
    },
  ];
  for (const visit of visits) await sendVisit(visit);
  await t.ingest.context.writer.flush();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (api) await closeServer(api);
  await t?.close();
});

interface Product {
  context: BrowserContext;
  page: Page;
  blocked: string[];
  graphqlHeaders: Record<string, string>[];
  problems: string[];
}

/** A browser context that reaches the product only; page errors and CSP violations are collected. */
async function open(path: string, options: { viewport?: { width: number; height: number } } = {}) {
  // A browser's own locale: Chromium started under LANG=C reports navigator.language "en-US@posix",
  // which is no BCP 47 tag (Intl throws on it, and uPlot formats numbers with it when it loads).
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'en-GB',
    acceptDownloads: true,
  });
  const product: Product = {
    context,
    page: undefined as unknown as Page,
    blocked: [],
    graphqlHeaders: [],
    problems: [],
  };
  await context.route('**/*', (route) => {
    const request = route.request();
    if (new URL(request.url()).origin !== origin) {
      product.blocked.push(request.url());
      return route.abort('blockedbyclient');
    }
    if (new URL(request.url()).pathname === '/graphql') {
      product.graphqlHeaders.push(request.headers());
      // The dashboard sends persisted operations (their hashes), never a query text.
      const text = (request.postDataJSON() as { query?: unknown } | null)?.query;
      if (text) product.problems.push(`query text sent: ${String(text).slice(0, 80)}`);
    }
    return route.continue();
  });
  const page = await context.newPage();
  product.page = page;
  page.on('pageerror', (error) => product.problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) product.problems.push(message.text());
  });
  await page.goto(`${origin}${path}`);
  return product;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical findings on the page as it is (every finding is printed). */
async function seriousViolations(page: Page, what: string) {
  await page.evaluate(axeSource);
  const { passes, violations } = await page.evaluate(async () => {
    type Finding = { id: string; impact: string; nodes: unknown[] };
    type Axe = { run: () => Promise<{ passes: Finding[]; violations: Finding[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run();
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
    };
  });
  console.log(`axe on ${what}: ${passes} rules passed, violations ${JSON.stringify(violations)}`);
  // axe ran its rules on the page (a page it could not read would pass nothing).
  expect(passes).toBeGreaterThan(10);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Waits for a value to match: pages answer within a second when the machine is idle, but the
 * test files share two cores, so give them time (no wall-clock limit is asserted).
 */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000, interval: 100 });

/** Waits until no panel is loading any more. */
const settled = (page: Page) => poll(() => page.getByText('Loading…').count()).toBe(0);

const range30: DateRangeInput = { preset: 'LAST_30_DAYS', timezone: 'UTC' };

/** Signs in on the sign-in page as a person does, and waits for the websites list. */
async function signIn(page: Page, { email, password }: { email: string; password: string }) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await poll(() => new URL(page.url()).pathname).toBe('/');
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/** The session cookie the browser holds, if any. */
const sessionCookieOf = async (context: BrowserContext) =>
  (await context.cookies(origin)).find((cookie) => cookie.name === 'tidemark_session');

/** The rows of a panel as shown: [label, ...figures]. */
const panelRows = (page: Page, panel: string) =>
  page
    .locator(`[data-panel="${panel}"] .scroll > table > tbody > tr`)
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );

const cardFigures = (page: Page) =>
  page
    .locator('[data-figure]')
    .evaluateAll((cells) =>
      Object.fromEntries(cells.map((cell) => [(cell as HTMLElement).dataset.figure, cell.textContent?.trim()])),
    );

async function expectedCards(
  range: DateRangeInput,
  filters: AnalyticsFilterInput[] = [],
  as: { client: ReturnType<typeof createClient>; id: string; segment?: string } = { client: anonymous(), id: siteId },
) {
  const { website } = await as.client.request(DashboardOverviewDocument, {
    id: as.id,
    range,
    filters,
    segment: as.segment,
    interval: 'DAY',
  });
  const { current } = website.analytics.summary;
  return {
    visitors: formatInt(current.visitors),
    pageviews: formatInt(current.pageviews),
    sessions: formatInt(current.sessions),
    bounceRate: formatPercent(current.bounceRate),
    avgSessionSeconds: formatDuration(current.avgSessionSeconds),
    pagesPerSession: formatNumber(current.pagesPerSession),
  };
}

const withoutRealtime = (figures: Record<string, string | undefined>) => {
  const { realtime: _, p75: __, ...rest } = figures;
  return rest;
};

async function expectedBreakdown(
  dimension: 'SOURCE' | 'CHANNEL' | 'COUNTRY' | 'PATH' | 'BROWSER' | 'DEVICE',
  filters: AnalyticsFilterInput[] = [],
  as: { client: ReturnType<typeof createClient>; range: DateRangeInput; segment?: string } = {
    client: anonymous(),
    range: range30,
  },
) {
  const { website } = await as.client.request(DashboardBreakdownDocument, {
    id: siteId,
    range: as.range,
    filters,
    segment: as.segment,
    dimension,
    first: 10,
  });
  return website.analytics.breakdown.map((row) => [
    dimension === 'COUNTRY' ? countryName(row.value) : row.value || '(none)',
    formatInt(row.visitors),
    formatInt(row.visits),
    formatInt(row.pageviews),
    formatPercent(row.bounceRate),
  ]);
}

describe('a public website, read anonymously', () => {
  let product: Product;
  beforeAll(async () => {
    product = await open(`/w/${siteId}`);
    await product.page.locator('.chart canvas').first().waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(() => product?.context.close());

  it('loads from the product alone, with the CSRF header on every GraphQL request, and measures the first chart', async () => {
    const { page } = product;
    const firstChart = await page.evaluate(() => performance.getEntriesByName('tidemark:first-chart')[0]?.startTime);
    console.log(
      `dashboard: first chart rendered ${Math.round(firstChart ?? Number.NaN)} ms after navigation (test data)`,
    );
    expect(firstChart).toBeGreaterThan(0);
    expect(await page.title()).toBe('Example · Tidemark');
    await settled(page);
    await page.screenshot({ path: new URL('website.png', SCREENSHOTS).pathname, fullPage: true });
    expect(product.blocked).toEqual([]);
    expect(product.problems).toEqual([]);
    expect(product.graphqlHeaders.length).toBeGreaterThan(5);
    for (const headers of product.graphqlHeaders) {
      expect(headers['content-type']).toBe('application/json');
      expect(headers['x-tidemark-csrf']).toBe('1');
      expect(headers['x-tidemark-share']).toBeUndefined();
    }
  });

  it('shows the API’s figures: summary cards, breakdown panels, goals, custom events, vitals, realtime', async () => {
    const { page } = product;
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(await expectedCards(range30));
    await poll(() => panelRows(page, 'sources')).toEqual(await expectedBreakdown('SOURCE'));
    await poll(() => panelRows(page, 'pages')).toEqual(await expectedBreakdown('PATH'));
    await poll(() => panelRows(page, 'locations')).toEqual(await expectedBreakdown('COUNTRY'));
    await poll(() => panelRows(page, 'devices')).toEqual(await expectedBreakdown('DEVICE'));
    await page.locator('[data-panel="devices"]').getByRole('button', { name: 'Browser', exact: true }).click();
    await poll(() => panelRows(page, 'devices')).toEqual(await expectedBreakdown('BROWSER'));

    const { website: goals } = await anonymous().request(DashboardGoalsDocument, {
      id: siteId,
      range: range30,
      filters: [],
    });
    const goalRows = goals.analytics.goals.map((g) => [
      g.name,
      formatInt(g.conversions),
      formatInt(g.visitors),
      formatPercent(g.rate),
    ]);
    expect(goalRows.length).toBe(2);
    await poll(() => panelRows(page, 'goals')).toEqual(goalRows);

    const { website: events } = await anonymous().request(DashboardCustomEventsDocument, {
      id: siteId,
      range: range30,
      filters: [],
    });
    const eventRows = events.analytics.customEvents.map((e) => [
      e.name,
      formatInt(e.visitors),
      formatInt(e.occurrences),
    ]);
    expect(eventRows).toEqual([['signup', '2', '2']]);
    await poll(() => panelRows(page, 'events')).toEqual(eventRows);

    const { website: vitals } = await anonymous().request(DashboardVitalsDocument, {
      id: siteId,
      range: range30,
      filters: [],
    });
    const lcp = vitals.analytics.overall.find((v) => v.metric === 'LCP');
    expect(lcp?.samples).toBe(3);
    await poll(async () => (await cardFigures(page)).p75).toBe(`${formatInt(lcp?.p75 ?? 0)} ms`);

    const { website: errors } = await anonymous().request(DashboardErrorsDocument, {
      id: siteId,
      range: range30,
      filters: [],
      interval: 'DAY',
    });
    const errorRows = errors.analytics.errors.map((e) => [e.message, formatInt(e.occurrences), formatInt(e.visitors)]);
    expect(errorRows.length).toBe(1);
    await poll(() => panelRows(page, 'errors')).toEqual(errorRows);
    // Its trend is drawn above the groups.
    expect(errors.analytics.errorTrend.reduce((sum, p) => sum + p.errors, 0)).toBe(1);
    await poll(() => page.locator('[data-panel="errors"] .chart canvas').count()).toBe(1);

    // Single visits are for members only: no sessions panel here.
    expect(await page.locator('[data-panel="sessions"]').count()).toBe(0);
    // The visit 30 s ago is the one in the last five minutes.
    await poll(async () => (await cardFigures(page)).realtime).toBe('1');
  });

  it('filters the whole dashboard by a clicked value, and the back button undoes it', async () => {
    const { page } = product;
    const unfiltered = await expectedCards(range30);
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(unfiltered);
    const source = page.locator('[data-panel="sources"] tbody tr[data-key="google.com"] button.pick');
    await source.click();
    await poll(() => new URL(page.url()).searchParams.getAll('f')).toEqual(['SOURCE:IS:google.com']);
    const filters: AnalyticsFilterInput[] = [{ field: 'SOURCE', op: 'IS', value: ['google.com'] }];
    const filtered = await expectedCards(range30, filters);
    expect(filtered.visitors).not.toBe(unfiltered.visitors);
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(filtered);
    await poll(() => panelRows(page, 'pages')).toEqual(await expectedBreakdown('PATH', filters));
    await poll(() => page.getByRole('list', { name: 'Filters' }).textContent()).toContain('google.com');

    await page.goBack();
    await poll(() => new URL(page.url()).search).toBe('');
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(unfiltered);
    // Forward brings the filter back; its remove button takes it away as a new step.
    await page.goForward();
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(filtered);
    await page.getByRole('button', { name: 'Remove filter Source google.com' }).click();
    await poll(() => new URL(page.url()).search).toBe('');
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(unfiltered);
  });

  it('shades the countries with visitors on a world map, and a click on one filters by it', async () => {
    const { page } = product;
    const { website } = await anonymous().request(DashboardBreakdownDocument, {
      id: siteId,
      range: range30,
      filters: [],
      dimension: 'COUNTRY',
      first: 300,
    });
    const visitors = new Map(website.analytics.breakdown.map((row) => [row.value, row.visitors]));
    const map = page.locator('[data-panel="locations"] svg.world-map');
    await map.waitFor();
    const drawn = await map.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')));
    expect(drawn.length).toBeGreaterThan(150);
    // Every country the API counts visitors for (that the 1:110m map draws) is shaded, no other.
    const expected = [...visitors.keys()].filter((code) => drawn.includes(code)).sort();
    expect(expected.length).toBeGreaterThan(0);
    const shaded = map.locator('path.has-value');
    // The map follows the panel's answer for this view (the previous test's filter may still be leaving).
    await poll(() => shaded.evaluateAll((paths) => paths.map((p) => p.getAttribute('data-code')).sort())).toEqual(
      expected,
    );
    const top = expected.reduce((a, b) => ((visitors.get(b) ?? 0) > (visitors.get(a) ?? 0) ? b : a));
    expect(await map.locator(`path[data-code="${top}"]`).getAttribute('fill-opacity')).toBe('1.000');
    expect(await map.locator(`path[data-code="${top}"] title`).textContent()).toBe(
      `${countryName(top)}: ${formatInt(visitors.get(top) ?? 0)} visitors`,
    );

    await map.locator(`path[data-code="${top}"]`).click();
    await poll(() => new URL(page.url()).searchParams.getAll('f')).toEqual([`COUNTRY:IS:${top}`]);
    const filters: AnalyticsFilterInput[] = [{ field: 'COUNTRY', op: 'IS', value: [top] }];
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(await expectedCards(range30, filters));
    await page.goBack();
    await poll(() => new URL(page.url()).search).toBe('');
  });

  it('changes the range by preset and by custom days, each a URL of its own', async () => {
    const { page } = product;
    await page.getByLabel('Range', { exact: true }).selectOption('7d');
    await poll(() => new URL(page.url()).searchParams.get('range')).toBe('7d');
    const week = await expectedCards({ preset: 'LAST_7_DAYS', timezone: 'UTC' });
    expect(week.visitors).not.toBe((await expectedCards(range30)).visitors);
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(week);

    const day = (ago: number) => new Date(Date.now() - ago * DAY).toISOString().slice(0, 10);
    await page.getByLabel('Range', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill(day(12));
    await page.getByLabel('To', { exact: true }).fill(day(4));
    await page.getByRole('button', { name: 'Apply' }).click();
    await poll(() => new URL(page.url()).searchParams.get('from')).toBe(day(12));
    const custom = await expectedCards({ from: day(12), to: day(4), timezone: 'UTC' });
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(custom);

    await page.goBack();
    await poll(() => new URL(page.url()).searchParams.get('range')).toBe('7d');
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(week);
    await page.goBack();
    await poll(() => new URL(page.url()).search).toBe('');
  });

  it('compares with the previous period: the API’s changes and previous figures, a second series on the chart', async () => {
    const { page } = product;
    const range7: DateRangeInput = { preset: 'LAST_7_DAYS', timezone: 'UTC' };
    await page.goto(`${origin}/w/${siteId}?range=7d`);
    const { website } = await anonymous().request(DashboardOverviewDocument, {
      id: siteId,
      range: range7,
      filters: [],
      interval: 'DAY',
    });
    const { summary } = website.analytics;
    // The visit of 10 days ago falls in the 7 days before the last 7.
    expect(summary.previous.visitors).toBe(1);
    await poll(() => page.locator('[data-change="visitors"]').textContent()).toBe(formatChange(summary.visitorsChange));
    expect(await page.locator('[data-change="pageviews"]').textContent()).toBe(formatChange(summary.pageviewsChange));
    expect(await page.locator('.before').count()).toBe(0);
    await page.getByLabel('Compare with previous period').check();
    await poll(() => new URL(page.url()).searchParams.get('compare')).toBe('previous');
    await poll(() => page.locator('[data-card="visitors"] .before').textContent()).toBe(
      ` from ${formatInt(summary.previous.visitors)}`,
    );
    await poll(() => page.locator('[data-panel="overview"] .u-legend').textContent()).toContain(
      'Visitors (previous period)',
    );
    await page.goBack();
    await poll(() => page.locator('.before').count()).toBe(0);
  });

  it('shows channels beside sources, and a click on a channel filters by it', async () => {
    const { page } = product;
    await page.goto(`${origin}/w/${siteId}`);
    await page.locator('[data-panel="sources"] tbody tr').first().waitFor();
    await page.locator('[data-panel="sources"]').getByRole('button', { name: 'Channel', exact: true }).click();
    const channels = await expectedBreakdown('CHANNEL');
    // Google, Hacker News (a social site to GA4's rules), the newsletter, no referrer.
    expect(channels.map((row) => row[0]).sort()).toEqual(['Direct', 'Email', 'Organic Search', 'Organic Social']);
    await poll(() => panelRows(page, 'sources')).toEqual(channels);
    await page.locator('[data-panel="sources"] tbody tr[data-key="Organic Search"] button.pick').click();
    await poll(() => new URL(page.url()).searchParams.getAll('f')).toEqual(['CHANNEL:IS:Organic Search']);
    const filters: AnalyticsFilterInput[] = [{ field: 'CHANNEL', op: 'IS', value: ['Organic Search'] }];
    const filtered = await expectedCards(range30, filters);
    expect(filtered.visitors).not.toBe((await expectedCards(range30)).visitors);
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(filtered);
    await poll(() => panelRows(page, 'pages')).toEqual(await expectedBreakdown('PATH', filters));
    expect(await page.locator('.filters').textContent()).toContain('Channel is Organic Search');
    expect(product.problems).toEqual([]);
  });

  it('exports a panel as CSV with the API’s values', async () => {
    const { page } = product;
    await page.goto(`${origin}/w/${siteId}`);
    await page.locator('[data-panel="sources"] tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV of Sources' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('sources-source.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    const { website } = await anonymous().request(DashboardBreakdownDocument, {
      id: siteId,
      range: range30,
      filters: [],
      dimension: 'SOURCE',
      first: 10,
    });
    const rows = website.analytics.breakdown;
    expect(rows.length).toBeGreaterThan(2);
    expect(csv).toBe(
      toCsv(
        ['Source', 'Visitors', 'Visits', 'Page views', 'Bounce rate'],
        rows.map((r) => [r.value, r.visitors, r.visits, r.pageviews, r.bounceRate]),
      ),
    );
  });

  it('is usable by keyboard, and axe finds no serious or critical violations', async () => {
    const { page } = product;
    await page.goto(`${origin}/w/${siteId}`);
    await page.locator('[data-panel="sources"] tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    await poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // Tab on to the first value of the Sources panel and choose it with Enter.
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () =>
          !!document.activeElement?.closest('[data-panel="sources"]') &&
          document.activeElement?.classList.contains('pick'),
      );
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await poll(() => new URL(page.url()).searchParams.getAll('f').length).toBe(1);
    await page.goBack();
    await settled(page);

    expect(await seriousViolations(page, 'the website view')).toEqual([]);
  });
});

it('fits a mobile-width viewport', async () => {
  const product = await open(`/w/${siteId}`, { viewport: { width: 390, height: 844 } });
  const { page } = product;
  await page.locator('.chart canvas').first().waitFor({ timeout: 60_000 });
  await page.locator('[data-panel="sources"] tbody tr').first().waitFor();
  await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(await expectedCards(range30));
  // Nothing wider than the screen (wide tables scroll inside their panel).
  const wider = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter(
        (element) => element.getBoundingClientRect().right > window.innerWidth + 0.5 && !element.closest('.scroll'),
      )
      .map((element) => `${element.tagName}.${element.className}`),
  );
  expect(wider).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await settled(page);
  await page.screenshot({ path: new URL('website-mobile.png', SCREENSHOTS).pathname, fullPage: true });
  expect(product.problems).toEqual([]);
  expect(product.blocked).toEqual([]);
  await product.context.close();
}, 120_000);

it('lists the organization’s websites with their visitors from one request', async () => {
  const product = await open('/sign-in');
  const { page } = product;
  await signIn(page, MEMBER);
  const { organization } = await owner().request(DashboardWebsitesDocument, { range: range30 });
  const expected = organization.websites.edges.map(({ node }) => [
    node.id,
    formatInt(node.analytics.summary.current.visitors),
  ]);
  expect(expected.length).toBe(2);
  await poll(() =>
    page
      .locator('tr[data-website]')
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row as HTMLElement).dataset.website,
          row.querySelector('[data-figure="visitors"]')?.textContent,
        ]),
      ),
  ).toEqual(expected);
  await poll(() => page.locator('tr[data-website] svg.sparkline polyline').count()).toBe(2);
  expect(product.graphqlHeaders.filter((h) => h['x-tidemark-csrf'] === '1').length).toBeGreaterThanOrEqual(1);
  await page.screenshot({ path: new URL('websites.png', SCREENSHOTS).pathname, fullPage: true });
  expect(await seriousViolations(page, 'the websites list')).toEqual([]);
  await page.getByRole('link', { name: 'Example' }).click();
  await poll(() => new URL(page.url()).pathname).toBe(`/w/${siteId}`);
  await page.locator('.chart canvas').first().waitFor({ timeout: 60_000 });
  // A member's days are the website's (settings.timezone): the figures are the API's for Tokyo days.
  const tokyo: DateRangeInput = { preset: 'LAST_30_DAYS', timezone: 'Asia/Tokyo' };
  const { website } = await owner().request(DashboardOverviewDocument, {
    id: siteId,
    range: tokyo,
    filters: [],
    interval: 'DAY',
  });
  const { current } = website.analytics.summary;
  await poll(async () => [(await cardFigures(page)).visitors, (await cardFigures(page)).pageviews]).toEqual([
    formatInt(current.visitors),
    formatInt(current.pageviews),
  ]);
  await page.getByLabel('Range', { exact: true }).selectOption('custom');
  expect(await page.locator('.controls .hint').textContent()).toBe('days in Asia/Tokyo');
  // The funnel (its list is for members) shows the API's steps.
  const { website: funnel } = await owner().request(DashboardFunnelDocument, {
    id: siteId,
    range: tokyo,
    filters: [],
    funnelId,
  });
  const steps = funnel.analytics.funnel.map((step) => [
    step.name,
    formatInt(step.visitors),
    formatPercent(step.conversion),
    formatPercent(step.dropOff),
  ]);
  expect(steps.length).toBe(2);
  await poll(() => panelRows(page, 'funnels')).toEqual(steps);
  // So are custom events' properties; choosing one filters by it.
  await page.locator('[data-panel="events"]').getByRole('button', { name: 'Properties of signup' }).click();
  const { website: props } = await owner().request(DashboardEventPropertiesDocument, {
    id: siteId,
    range: tokyo,
    filters: [],
    name: 'signup',
  });
  const propertyRows = props.analytics.eventProperties.map((p) => [`${p.key}=${p.value}`, formatInt(p.occurrences)]);
  expect(propertyRows).toEqual([['plan=pro', '1']]);
  await poll(() => panelRows(page, 'events')).toEqual(propertyRows);
  await page.locator('[data-panel="events"] tr[data-key="plan=pro"] button.pick').click();
  await poll(() => new URL(page.url()).searchParams.getAll('f')).toEqual(['PROPERTY.plan:IS:pro']);
  const { website: withPlan } = await owner().request(DashboardOverviewDocument, {
    id: siteId,
    range: tokyo,
    filters: [{ field: 'PROPERTY', key: 'plan', op: 'IS', value: ['pro'] }],
    interval: 'DAY',
  });
  expect(withPlan.analytics.summary.current.visitors).toBe(1);
  await poll(async () => (await cardFigures(page)).visitors).toBe('1');
  await page.goBack();

  // The latest errors and a stack are for members.
  await page.locator('[data-panel="errors"]').getByRole('button', { name: 'Latest', exact: true }).click();
  await poll(() => page.locator('[data-panel="errors"] .scroll tbody th').first().textContent()).toBe(
    "TypeError: Cannot read properties of undefined (reading 'price')",
  );
  // The latest visits are for members: the API's, and a chosen visit's events in order.
  const { website: visits } = await owner().request(DashboardSessionsDocument, {
    id: siteId,
    range: tokyo,
    filters: [],
  });
  const sessions = visits.analytics.sessions;
  expect(sessions.length).toBeGreaterThan(3);
  await poll(() =>
    page.locator('[data-panel="sessions"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key'))),
  ).toEqual(sessions.map((v) => v.id));
  const longest = sessions.find((v) => v.pageviews === 3);
  expect(longest?.entryPage).toBe('/');
  const search = new URL(page.url()).search;
  await page.locator(`[data-panel="sessions"] tr[data-key="${longest?.id}"] button.pick`).click();
  await poll(() => page.locator('[data-panel="sessions"] .timeline li code').allTextContents()).toEqual([
    '/',
    '/pricing',
    '/docs',
  ]);
  // Choosing a visit does not filter the dashboard.
  expect(new URL(page.url()).search).toBe(search);
  // A member also sees the annotations (owners only) and the organization's panels.
  await poll(() => page.locator('.annotations li').first().textContent()).toContain('Launch');
  await poll(() => page.locator('[data-panel="uptime"]').count()).toBe(1);
  expect(product.problems).toEqual([]);
  expect(product.blocked).toEqual([]);
  await product.context.close();
}, 120_000);

it('asks an anonymous visitor of / to sign in', async () => {
  const product = await open('/');
  const { page } = product;
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
  await page.getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in to Tidemark' }).waitFor();
  expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
  await page.screenshot({ path: new URL('sign-in.png', SCREENSHOTS).pathname });
  expect(await seriousViolations(page, 'the sign-in page')).toEqual([]);
  expect(product.problems).toEqual([]);
  await product.context.close();
}, 120_000);

describe('signing in with a session cookie', () => {
  it('signs in with email and password, loads the dashboard, and signing out ends the session', async () => {
    const product = await open('/sign-in');
    const { page, context } = product;
    await signIn(page, MEMBER);
    expect(await page.locator('.viewer').textContent()).toContain(MEMBER.email);
    // The organization's websites, read with the cookie alone (no key in the browser).
    await poll(() => page.locator('tr[data-website]').count()).toBe(2);
    const cookie = await sessionCookieOf(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('tidemark_session');
    for (const headers of product.graphqlHeaders) expect(headers['x-tidemark-csrf']).toBe('1');
    const session = cookie?.value ?? '';
    expect((await asSession(session, '{ viewer { user { email } } }')).data?.viewer).toEqual({
      user: { email: MEMBER.email },
    });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Tidemark' }).waitFor();
    expect(await sessionCookieOf(context)).toBeUndefined();
    // The session itself is over, not only the browser's cookie.
    expect((await asSession(session, '{ viewer { user { email } } }')).data?.viewer).toBeNull();
    await page.goto(`${origin}/`);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.locator('tr[data-website]').count()).toBe(0);
    expect(product.problems).toEqual([]);
    expect(product.blocked).toEqual([]);
    await context.close();
  }, 120_000);

  it('says so for a wrong password, and sets no cookie', async () => {
    const product = await open('/sign-in');
    const { page, context } = product;
    await page.getByLabel('Email').fill(MEMBER.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('Wrong email or password.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await sessionCookieOf(context)).toBeUndefined();
    await context.close();
  }, 120_000);

  it('makes the first admin with the first start’s setup link, which then works no more', async () => {
    expect(t.setupToken).toBeTruthy();
    const product = await open(`/setup/${t.setupToken}`);
    const { page, context } = product;
    await page.getByRole('heading', { name: 'Set up your Tidemark account' }).waitFor();
    expect(await seriousViolations(page, 'the setup page')).toEqual([]);
    await page.getByLabel('Name').fill('Grace');
    await page.getByLabel('Email').fill('grace@example.com');
    await page.getByLabel('Password').fill('compiler of 1952');
    await page.getByRole('button', { name: 'Create account' }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/');
    await poll(() => page.locator('.viewer').textContent()).toContain('grace@example.com');
    await poll(() => page.locator('tr[data-website]').count()).toBe(2);
    const session = (await sessionCookieOf(context))?.value ?? '';
    expect((await asSession(session, '{ viewer { role } }')).data?.viewer).toEqual({ role: 'OWNER' });
    await context.close();

    const again = await open(`/setup/${t.setupToken}`);
    await again.page.getByLabel('Name').fill('Mallory');
    await again.page.getByLabel('Email').fill('mallory@example.com');
    await again.page.getByLabel('Password').fill('not my instance');
    await again.page.getByRole('button', { name: 'Create account' }).click();
    await poll(() => again.page.getByRole('alert').textContent()).toBe('This setup link is invalid, used or expired.');
    expect(await sessionCookieOf(again.context)).toBeUndefined();
    await again.context.close();
  }, 120_000);

  it('lets an invited person join with the invitation’s role and signs them in', async () => {
    const { url } = await invitation('VIEWER');
    const product = await open(new URL(url).pathname);
    const { page, context } = product;
    await page.getByRole('heading', { name: 'Join your team on Tidemark' }).waitFor();
    await page.getByLabel('Name').fill('Katherine');
    await page.getByLabel('Email').fill('katherine@example.com');
    await page.getByLabel('Password').fill('orbital mechanics');
    await page.getByRole('button', { name: 'Accept invitation' }).click();
    await poll(() => new URL(page.url()).pathname).toBe('/');
    await poll(() => page.locator('.viewer').textContent()).toContain('katherine@example.com');
    await poll(() => page.locator('tr[data-website]').count()).toBe(2);
    const session = (await sessionCookieOf(context))?.value ?? '';
    expect((await asSession(session, '{ viewer { role } }')).data?.viewer).toEqual({ role: 'VIEWER' });
    expect(product.problems).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('a share link', () => {
  /** A share link of the second website (not public: only the link opens it). */
  const share = async (password?: string) => {
    const { createShareLink } = await owner().request(CreateShareLinkDocument, {
      websiteId: otherSiteId,
      password: password ?? null,
    });
    return createShareLink;
  };

  /** The website as the share link shows it, with the API's figures for the link. */
  async function expectShared(product: Product, token: string) {
    const { page } = product;
    await page.getByRole('heading', { name: /Second site/ }).waitFor({ timeout: 60_000 });
    expect(await page.title()).toBe('Second site · Tidemark');
    const expected = await expectedCards(range30, [], { client: sharer(token), id: otherSiteId });
    expect(expected.visitors).toBe('1');
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(expected);
    await settled(page);
    // Read-only and public figures only: no visits (sessions), no organization panels, nobody signed in.
    for (const panel of ['sessions', 'uptime', 'links']) {
      expect(await page.locator(`[data-panel="${panel}"]`).count(), panel).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.locator('[data-panel="sources"]').count()).toBe(1);
    expect(product.problems).toEqual([]);
    expect(product.blocked).toEqual([]);
  }

  it('without a password shows its website read-only', async () => {
    const link = await share();
    expect(link.passwordProtected).toBe(false);
    const product = await open(new URL(link.url).pathname);
    await expectShared(product, link.token);
    for (const headers of product.graphqlHeaders) {
      expect(headers['x-tidemark-share']).toBe(link.token);
      expect(headers['x-tidemark-csrf']).toBe('1');
    }
    await product.page.screenshot({ path: new URL('share.png', SCREENSHOTS).pathname, fullPage: true });
    expect(await seriousViolations(product.page, 'a shared dashboard')).toEqual([]);
    await product.context.close();
  }, 120_000);

  it('with a password asks for it, then shows the website', async () => {
    const link = await share('correct horse battery');
    expect(link.passwordProtected).toBe(true);
    const product = await open(new URL(link.url).pathname);
    const { page } = product;
    await page.getByRole('heading', { name: 'This dashboard is protected' }).waitFor();
    expect(await page.locator('[data-figure]').count()).toBe(0);
    await page.getByLabel('Password').fill('wrong horse');
    await page.getByRole('button', { name: 'Open dashboard' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('Wrong share link or password.');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Open dashboard' }).click();
    product.graphqlHeaders.length = 0;
    await page.getByRole('heading', { name: /Second site/ }).waitFor({ timeout: 60_000 });
    // The dashboard's requests carry the access token the password unlocked, not the link's token.
    const access = product.graphqlHeaders.at(-1)?.['x-tidemark-share'] ?? '';
    expect(access).toMatch(/^[a-z0-9]+\.[a-z0-9]+\.[\w-]{43}$/);
    await expectShared(product, access);
    // The tab keeps it: a reload asks for no password.
    await page.reload();
    await expectShared(product, access);
    expect(await page.getByLabel('Password').count()).toBe(0);
    await product.context.close();
  }, 120_000);

  it('cannot read another website from its page: refused like a website that does not exist', async () => {
    const link = await share();
    const product = await open(new URL(link.url).pathname);
    const { page } = product;
    await page.getByRole('heading', { name: /Second site/ }).waitFor({ timeout: 60_000 });
    // What the shared page could send: its token and the CSRF header, from its own origin.
    const read = (id: string) =>
      page.evaluate(
        async ({ id, token }) => {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-tidemark-csrf': '1', 'x-tidemark-share': token },
            body: JSON.stringify({ query: `{ website(id: "${id}") { id domain } }` }),
          });
          return { status: response.status, body: await response.json() };
        },
        { id, token: link.token },
      );
    const missing = await read('does-not-exist');
    expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
    // The first website is public, yet a share link of another reads nothing of it.
    // (Each answer's cost differs: compare all but extensions.cost.)
    expect(withoutCost((await read(siteId)).body)).toEqual(withoutCost(missing.body));
    expect((await read(otherSiteId)).body.data.website.id).toBe(otherSiteId);
    // Nor the visits of its own website.
    const visits = await sharer(link.token)
      .request(DashboardSessionsDocument, { id: otherSiteId, range: range30, filters: [] })
      .then(
        () => 'read',
        (error: Error & { code?: string }) => error.code,
      );
    expect(visits).toBe('FORBIDDEN');
    await product.context.close();
  }, 120_000);
});

describe('management screens', () => {
  /** The form of a management screen, by its heading. */
  const form = (page: Page, name: string) => page.getByRole('form', { name });

  /** The rows of a management list: [first cell, …] (the actions' cell left out). */
  const listed = (page: Page) =>
    page
      .locator('table.manage > tbody > tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('th, td:not(.actions)')].map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );

  /** Waits until the management screen has its answers. */
  const settledManage = (page: Page) => poll(() => page.getByText(/^(Loading|Checking)/).count()).toBe(0);

  /** Deletes a listed record as a person does: Delete, then Confirm. */
  async function deleteListed(page: Page, name: string, verb = 'Delete') {
    await page.getByRole('button', { name: `${verb} ${name}`, exact: true }).click();
    await page.getByRole('button', { name: `Confirm ${verb.toLowerCase()} ${name}`, exact: true }).click();
  }

  /** A member signed in as people are, on the management screen at `path`. */
  async function manage(path: string, as = MEMBER) {
    const product = await open('/sign-in');
    await signIn(product.page, as);
    await product.page.getByRole('link', { name: 'Manage', exact: true }).click();
    await poll(() => new URL(product.page.url()).pathname).toBe('/manage');
    await product.page.goto(`${origin}${path}`);
    return product;
  }

  it('adds a website: the snippet to copy, waiting for the first event, then receiving it through the ingest', async () => {
    const product = await manage('/manage/websites');
    const { page } = product;
    const add = form(page, 'Add a website');
    // The API's BAD_USER_INPUT is shown beside the field it names, and nothing is created.
    await add.getByLabel('Domain').fill('not a domain');
    await add.getByRole('button', { name: 'Add website' }).click();
    await poll(() => add.locator('.field-error').textContent()).toBe('must be a domain name such as example.com');
    expect(await add.getByLabel('Domain').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('table.manage tbody tr').count()).toBe(2);
    await add.getByLabel('Domain').fill('fresh.example.net');
    await add.getByLabel('Name').fill('Fresh site');
    // From the keyboard: Enter in a field submits its form.
    await add.getByLabel('Name').press('Enter');
    await poll(() => new URL(page.url()).pathname).toMatch(/^\/manage\/websites\/[^/]+$/);
    const id = new URL(page.url()).pathname.split('/')[3] as string;
    const { website } = await owner().request(ManageWebsiteDocument, { id });
    expect(website).toMatchObject({ domain: 'fresh.example.net', name: 'Fresh site', status: 'ACTIVE' });
    await page.getByRole('heading', { name: /Fresh site/ }).waitFor();
    // The snippet loads the tracker from ingest (the address is an input: the API does not know it).
    await page.getByLabel('Ingest address (where tracker.js is served)').fill(t.url);
    expect(await page.getByLabel('Snippet', { exact: true }).inputValue()).toBe(
      `<script defer src="${t.url}/tracker.js" data-client-id="${id}"></script>`,
    );
    await poll(() => page.locator('.first-event').getAttribute('data-state')).toBe('waiting');
    expect(await page.locator('.first-event').textContent()).toContain('Waiting for the first event');
    await page.screenshot({ path: new URL('manage-website.png', SCREENSHOTS).pathname, fullPage: true });
    expect(await seriousViolations(page, 'a website’s settings')).toEqual([]);
    // The first event, through the real ingest: the page asks again until the API counts it.
    await sendVisit({
      ua: CHROME_DESKTOP,
      ip: GEO.london,
      ago: 60_000,
      pages: ['/'],
      domain: 'fresh.example.net',
      clientId: id,
    });
    await t.ingest.context.writer.flush();
    await poll(() => page.locator('.first-event').getAttribute('data-state')).toBe('receiving');
    expect(await page.locator('.first-event').textContent()).toBe('Receiving events.');
    // A phone's width: nothing wider than the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: new URL('manage-website-mobile.png', SCREENSHOTS).pathname, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    // Changed and archived from the same page, as the API then answers.
    const change = form(page, 'Change the website');
    await change.getByLabel('Name').fill('Fresh site, renamed');
    await change.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: /Fresh site, renamed/ }).waitFor();
    await page.getByRole('button', { name: 'Archive website' }).click();
    await page.getByRole('button', { name: 'Confirm archive' }).click();
    await poll(async () => (await owner().request(ManageWebsiteDocument, { id })).website.status).toBe('ARCHIVED');
    expect(product.problems).toEqual([]);
    expect(product.blocked).toEqual([]);
    await product.context.close();
  }, 180_000);

  it('creates a goal on the goals screen and shows it in the dashboard’s goals panel with the API’s figure', async () => {
    const id = await mutate(
      'mutation($input: CreateWebsiteInput!) { createWebsite(input: $input) { __typename ... on MutationCreateWebsiteSuccess { data { id } } } }',
      { input: { domain: 'goals.example.net', name: 'Goals site' } },
    );
    const product = await manage(`/manage/websites/${id}/goals`);
    const { page } = product;
    const add = form(page, 'Add a goal');
    await add.getByLabel('Name').fill('Brochure as PDF');
    // Every kind the API has is offered; each asks for what it needs.
    const kinds = await add
      .getByLabel('Completed by')
      .locator('option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(kinds.sort()).toEqual(['EVENT', 'FILE_DOWNLOAD', 'NOT_FOUND', 'OUTGOING_LINK', 'PAGE_VIEW', 'SCROLL_DEPTH']);
    await add.getByLabel('Completed by').selectOption('SCROLL_DEPTH');
    await add.getByLabel('Scrolled past (%)').waitFor();
    await add.getByLabel('Completed by').selectOption('EVENT');
    expect(await add.getByLabel('Scrolled past (%)').count()).toBe(0);
    await add.getByLabel('Event name').fill('brochure');
    await add.getByLabel('Property (optional)').fill('format');
    await add.getByLabel('Property value').fill('pdf');
    await add.getByRole('button', { name: 'Add goal' }).click();
    await poll(() => listed(page)).toEqual([['Brochure as PDF', 'Event', 'brochure, format = pdf', 'Yes']]);
    // A path goal whose target is no path: the API's refusal beside the target.
    await add.getByLabel('Name').fill('Pricing');
    await add.getByLabel('Completed by').selectOption('PAGE_VIEW');
    await add.getByLabel('Path pattern').fill('pricing');
    await add.getByRole('button', { name: 'Add goal' }).click();
    await poll(() => add.locator('.field-error').textContent()).toBe('A path pattern starts with / (or is *)');
    expect(await seriousViolations(page, 'the goals screen')).toEqual([]);
    await page.screenshot({ path: new URL('manage-goals.png', SCREENSHOTS).pathname, fullPage: true });
    // Two visits send the event, one of them with the property that completes the goal.
    const visit = { ua: CHROME_DESKTOP, ip: GEO.london, pages: ['/'], domain: 'goals.example.net', clientId: id };
    await sendVisit({ ...visit, ago: 2 * HOUR, custom: 'brochure', properties: { format: 'pdf' } });
    await sendVisit({ ...visit, ago: HOUR, custom: 'brochure', properties: { format: 'doc' } });
    await t.ingest.context.writer.flush();
    const { website } = await owner().request(DashboardGoalsDocument, { id, range: range30, filters: [] });
    const goals = website.analytics.goals.map((g) => [
      g.name,
      formatInt(g.conversions),
      formatInt(g.visitors),
      formatPercent(g.rate),
    ]);
    // One of the two visitors completed it (the other's event had another format).
    expect(website.analytics.goals.map((g) => [g.name, g.conversions, g.rate])).toEqual([['Brochure as PDF', 1, 0.5]]);
    await page.getByRole('link', { name: 'Open its dashboard' }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/w/${id}`);
    await poll(() => panelRows(page, 'goals')).toEqual(goals);
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 180_000);

  it('creates an API key with scopes, shows its secret once, and the key works against /graphql until revoked', async () => {
    const product = await manage('/manage/keys');
    const { page } = product;
    const add = form(page, 'Create an API key');
    await add.getByLabel('Name').fill('Nightly export');
    // Read analytics is checked by default; add write:metadata.
    await add.getByLabel(/write:metadata/).check();
    await add.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByLabel('Secret', { exact: true }).inputValue();
    expect(secret).toMatch(/^tmk_/);
    await page.getByRole('button', { name: 'Copy Secret' }).waitFor();
    await page.screenshot({ path: new URL('manage-keys.png', SCREENSHOTS).pathname, fullPage: true });
    expect(await seriousViolations(page, 'the API keys screen')).toEqual([]);
    const row = page.locator('table.manage tbody tr', { hasText: 'Nightly export' });
    await poll(() => row.locator('td').nth(1).textContent()).toBe('READ_ANALYTICS, WRITE_METADATA');
    expect(secret.startsWith((await row.locator('td').first().textContent())?.replace('…', '') ?? '-')).toBe(true);
    // Never shown again: not after a reload, and the API has no field for it.
    await page.reload();
    await row.waitFor();
    expect(await page.getByLabel('Secret', { exact: true }).count()).toBe(0);
    expect(await page.content()).not.toContain(secret);
    // The key works for programs, with its scopes.
    const scopesOf = async (key: string) => {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: '{ me { scopes } }' }),
      });
      const body = (await response.json()) as {
        data?: { me: { scopes: string[] } };
        errors?: { extensions: { code: string } }[];
      };
      return body.data?.me.scopes.sort() ?? body.errors?.[0]?.extensions.code;
    };
    expect(await scopesOf(secret)).toEqual(['READ_ANALYTICS', 'WRITE_METADATA']);
    const { organization } = await createClient({ url: `${origin}/graphql`, apiKey: secret }).request(
      DashboardWebsitesDocument,
      { range: range30 },
    );
    expect(organization.websites.edges.length).toBeGreaterThan(0);
    // Rotated: a new secret, shown once; the old one stops working at once.
    await page.getByRole('button', { name: 'Rotate Nightly export', exact: true }).click();
    await page.getByRole('heading', { name: 'New secret of “Nightly export”' }).waitFor();
    const rotated = await page.getByLabel('Secret', { exact: true }).inputValue();
    expect(rotated).not.toBe(secret);
    expect(await scopesOf(secret)).toBe('UNAUTHENTICATED');
    expect(await scopesOf(rotated)).toEqual(['READ_ANALYTICS', 'WRITE_METADATA']);
    await deleteListed(page, 'Nightly export', 'Revoke');
    await poll(() => row.locator('td').nth(5).textContent()).toMatch(/^Revoked/);
    expect(await scopesOf(rotated)).toBe('UNAUTHENTICATED');
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 180_000);

  it('invites a member with a role, changes the role and removes the member', async () => {
    const product = await manage('/manage/members');
    const { page } = product;
    const invite = form(page, 'Invite someone');
    await invite.getByLabel('Role').selectOption('VIEWER');
    await invite.getByLabel('Email (optional)').fill('barbara@example.com');
    await invite.getByRole('button', { name: 'Create invitation link' }).click();
    const url = await page.getByLabel('Invitation link', { exact: true }).inputValue();
    expect(url).toMatch(new RegExp(`^${origin}/invite/`));
    expect(await seriousViolations(page, 'the members screen')).toEqual([]);
    await page.screenshot({ path: new URL('manage-members.png', SCREENSHOTS).pathname, fullPage: true });
    const token = new URL(url).pathname.split('/')[2] as string;
    await anonymous().request(AcceptInvitationDocument, {
      token,
      name: 'Barbara',
      email: 'barbara@example.com',
      password: 'liskov substitution 1987',
    });
    const roleOf = async () =>
      (await owner().request(ManageMembersDocument)).organization.members.edges.find((e) => e.node.name === 'Barbara')
        ?.node.role;
    expect(await roleOf()).toBe('VIEWER');
    await page.reload();
    await page.getByLabel('Role of Barbara').selectOption('MEMBER');
    // Choosing changes nothing until the button says so.
    expect(await roleOf()).toBe('VIEWER');
    await page.getByRole('button', { name: 'Change role of Barbara' }).click();
    await poll(roleOf).toBe('MEMBER');
    await deleteListed(page, 'Barbara', 'Remove');
    await poll(roleOf).toBeUndefined();
    await poll(() => page.locator('table.manage tbody tr', { hasText: 'Barbara' }).count()).toBe(0);
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 180_000);

  it('shows a viewer no create or delete actions, and the API’s FORBIDDEN where the role may not read', async () => {
    const { token } = await invitation('VIEWER');
    const viewer = { email: 'vera@example.com', password: 'read only, really' };
    await anonymous().request(AcceptInvitationDocument, { token, name: 'Vera', ...viewer });
    const product = await manage(`/manage/websites/${siteId}/goals`, viewer);
    const { page } = product;
    await poll(() => listed(page)).toEqual([
      ['Saw pricing', 'Page view', '/pricing', 'Yes'],
      ['Signed up', 'Event', 'signup', 'Yes'],
    ]);
    expect(await page.getByRole('form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    for (const path of ['/manage/websites', '/manage/segments', '/manage/flags', '/manage/links', '/manage/monitors']) {
      await page.goto(`${origin}${path}`);
      await page.locator('h1').first().waitFor();
      await settledManage(page);
      expect(await page.getByRole('form').count(), path).toBe(0);
    }
    // API keys are the admins': the API refuses the list, and the page says so with its code.
    await page.goto(`${origin}/manage/keys`);
    await poll(() => page.locator('[data-code]').getAttribute('data-code')).toBe('FORBIDDEN');
    expect(await page.getByRole('alert').textContent()).toContain('Your role does not allow this');
    expect(await page.getByRole('form').count()).toBe(0);
    await page.screenshot({ path: new URL('manage-viewer.png', SCREENSHOTS).pathname, fullPage: true });
    expect(await seriousViolations(page, 'a viewer’s API keys screen')).toEqual([]);
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 180_000);

  it('creates funnels, segments, annotations, links, monitors and flags through their forms, lists and deletes them', async () => {
    const product = await manage(`/manage/websites/${siteId}/funnels`);
    const { page } = product;
    /** Submits a form, waits for its record in the list, checks axe, deletes it, waits for it to go. */
    async function roundTrip(what: string, formName: string, submit: string, name: string, listedAs: string[]) {
      await form(page, formName).getByRole('button', { name: submit }).click();
      await poll(() => listed(page).then((rows) => rows.find((row) => row[0] === name))).toEqual(listedAs);
      expect(await seriousViolations(page, `the ${what} screen`)).toEqual([]);
      await page.screenshot({ path: new URL(`manage-${what}.png`, SCREENSHOTS).pathname, fullPage: true });
      await deleteListed(page, name);
      await poll(() => listed(page).then((rows) => rows.some((row) => row[0] === name))).toBe(false);
    }

    let add = form(page, 'Add a funnel');
    await add.getByLabel('Name').fill('Docs to signup');
    await add.getByLabel('Step 1: path pattern').fill('/docs');
    await add.getByRole('button', { name: 'Add a step' }).click();
    await add.getByLabel('Step 2: path pattern').fill('/pricing');
    await add.getByLabel('Step 3: completed by').selectOption('EVENT');
    await add.getByLabel('Step 3: event name').fill('signup');
    await roundTrip('funnels', 'Add a funnel', 'Add funnel', 'Docs to signup', [
      'Docs to signup',
      'Page view /docsPage view /pricingEvent signup',
      '1 d',
    ]);

    await page.getByRole('link', { name: 'Annotations' }).click();
    add = form(page, 'Add an annotation');
    await add.getByLabel('Note').fill('Pricing change');
    await add.getByLabel('Starts (your time)').fill('2026-03-01T09:30');
    await roundTrip('annotations', 'Add an annotation', 'Add annotation', 'Pricing change', [
      'Pricing change',
      new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date('2026-03-01T09:30'),
      ),
      'No',
    ]);

    await page.getByRole('link', { name: 'Segments' }).click();
    add = form(page, 'Add a segment');
    await add.getByLabel('Name').fill('Swedish visitors');
    await add.getByLabel('Website').selectOption(siteId);
    await add.getByLabel('Condition 1: dimension').selectOption('COUNTRY');
    await add.getByLabel('Condition 1: value').fill('SE');
    await roundTrip('segments', 'Add a segment', 'Add segment', 'Swedish visitors', [
      'Swedish visitors',
      'Example',
      'You',
      'Country is SE',
    ]);

    await page.getByRole('link', { name: 'Short links' }).click();
    add = form(page, 'Add a short link');
    await add.getByLabel('Slug').fill('spring-sale');
    await add.getByLabel('Target URL').fill('https://example.com/sale');
    await add.getByLabel('Clicks count for').selectOption(siteId);
    await roundTrip('links', 'Add a short link', 'Add link', 'spring-sale', [
      'spring-sale',
      'https://example.com/sale',
      '',
      'Yes',
      'Example',
    ]);

    await page.getByRole('link', { name: 'Uptime monitors' }).click();
    add = form(page, 'Add an uptime monitor');
    await add.getByLabel('Name').fill('Home page');
    await add.getByLabel(/^URL/).fill('https://example.com/');
    await add.getByLabel('Every (seconds)').fill('300');
    await roundTrip('monitors', 'Add an uptime monitor', 'Add monitor', 'Home page', [
      'Home page',
      'GET https://example.com/',
      '5 min',
      'Yes',
      'All websites',
    ]);

    await page.getByRole('link', { name: 'Feature flags' }).click();
    add = form(page, 'Add a feature flag');
    await add.getByLabel('Key').fill('new-checkout');
    await add.getByLabel('Decides by').selectOption('ROLLOUT');
    await add.getByLabel('Share of visitors on (%)').fill('25');
    await roundTrip('flags', 'Add a feature flag', 'Add flag', 'new-checkout', [
      'new-checkout',
      '',
      '25 % of visitors',
      'Active',
      'All websites',
    ]);
    // A taken key: the API's CONFLICT, and nothing added.
    await add.getByLabel('Key').fill('dup-flag');
    await add.getByRole('button', { name: 'Add flag' }).click();
    await poll(() => listed(page).then((rows) => rows.length)).toBe(1);
    await add.getByLabel('Key').fill('dup-flag');
    await add.getByRole('button', { name: 'Add flag' }).click();
    await poll(() => add.getByRole('alert').getAttribute('data-code')).toBe('CONFLICT');
    expect(await listed(page).then((rows) => rows.length)).toBe(1);
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 240_000);

  /** Opens a listed record's Edit form; the keyboard lands on its first field. */
  async function editListed(page: Page, name: string, formName: string) {
    await page.getByRole('button', { name: `Edit ${name}`, exact: true }).press('Enter');
    const edit = form(page, formName);
    await poll(() => edit.evaluate((f) => f.contains(document.activeElement) && document.activeElement?.tagName)).toBe(
      'INPUT',
    );
    return edit;
  }

  it('edits a goal: the API’s refusal inline changes nothing, the saved edit is the API’s and the dashboard’s goal', async () => {
    const id = await mutate(
      'mutation($input: CreateWebsiteInput!) { createWebsite(input: $input) { __typename ... on MutationCreateWebsiteSuccess { data { id } } } }',
      { input: { domain: 'edit-goals.example.net', name: 'Edited goals site' } },
    );
    await mutate(
      'mutation($websiteId: ID!, $input: GoalInput!) { createGoal(websiteId: $websiteId, input: $input) { __typename } }',
      {
        websiteId: id,
        input: {
          name: 'Brochure as PDF',
          type: 'EVENT',
          target: 'brochure',
          propertyKey: 'format',
          propertyValue: 'pdf',
        },
      },
    );
    const goalsOf = async () =>
      (await owner().request(ManageGoalsDocument, { id })).website.goals.edges.map(({ node }) => node);
    const before = await goalsOf();
    // Three visits send the event: one as PDF, two as DOC.
    const visit = { ua: CHROME_DESKTOP, ip: GEO.london, pages: ['/'], domain: 'edit-goals.example.net', clientId: id };
    await sendVisit({ ...visit, ago: 3 * HOUR, custom: 'brochure', properties: { format: 'pdf' } });
    await sendVisit({ ...visit, ip: GEO.linkoping, ago: 2 * HOUR, custom: 'brochure', properties: { format: 'doc' } });
    await sendVisit({ ...visit, ip: GEO.tokyoV6, ago: HOUR, custom: 'brochure', properties: { format: 'doc' } });
    await t.ingest.context.writer.flush();
    const product = await manage(`/manage/websites/${id}/goals`);
    const { page } = product;
    await poll(() => listed(page)).toEqual([['Brochure as PDF', 'Event', 'brochure, format = pdf', 'Yes']]);
    const edit = await editListed(page, 'Brochure as PDF', 'Edit goal Brochure as PDF');
    // The form opens with the goal's values.
    expect(await edit.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Brochure as PDF');
    expect(await edit.getByLabel('Completed by').inputValue()).toBe('EVENT');
    expect(await edit.getByLabel('Property value').inputValue()).toBe('pdf');
    // A path goal whose target is no path: refused beside the field, and the goal is as it was.
    await edit.getByLabel('Completed by').selectOption('PAGE_VIEW');
    await edit.getByLabel('Path pattern').fill('pricing');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => edit.locator('.field-error').textContent()).toBe('A path pattern starts with / (or is *)');
    expect(await edit.getByLabel('Path pattern').getAttribute('aria-invalid')).toBe('true');
    expect(await edit.getByRole('alert').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await goalsOf()).toEqual(before);
    // Saved from the keyboard.
    await edit.getByLabel('Completed by').selectOption('EVENT');
    await edit.getByLabel('Event name').fill('brochure');
    await edit.getByLabel('Property value').fill('doc');
    await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('Brochure as DOC');
    await edit.getByRole('textbox', { name: 'Name', exact: true }).press('Enter');
    await poll(() => listed(page)).toEqual([['Brochure as DOC', 'Event', 'brochure, format = doc', 'Yes']]);
    expect(await form(page, 'Add a goal').count()).toBe(1);
    const [goal] = await goalsOf();
    expect(goal).toMatchObject({ id: before[0]?.id, name: 'Brochure as DOC', propertyValue: 'doc', enabled: true });
    // The website's view counts the edited goal: two of the three visitors sent a DOC.
    const { website } = await owner().request(DashboardGoalsDocument, { id, range: range30, filters: [] });
    expect(website.analytics.goals.map((g) => [g.name, g.conversions, g.rate])).toEqual([
      ['Brochure as DOC', 2, 2 / 3],
    ]);
    await page.getByRole('link', { name: 'Open its dashboard' }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/w/${id}`);
    await poll(() => panelRows(page, 'goals')).toEqual([
      ['Brochure as DOC', formatInt(2), formatInt(3), formatPercent(2 / 3)],
    ]);
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 180_000);

  it('edits segments, links, monitors and flags: each saved through its update, a refusal inline changing nothing', async () => {
    const product = await manage('/manage/segments');
    const { page } = product;

    let add = form(page, 'Add a segment');
    await add.getByLabel('Name').fill('Swedes');
    await add.getByLabel('Visible to').selectOption('ORGANIZATION');
    await add.getByLabel('Condition 1: dimension').selectOption('COUNTRY');
    await add.getByLabel('Condition 1: value').fill('SE');
    await add.getByRole('button', { name: 'Add segment' }).click();
    let edit = await editListed(page, 'Swedes', 'Edit segment Swedes');
    expect(await edit.getByLabel('Condition 1: value').inputValue()).toBe('SE');
    await edit.getByRole('button', { name: 'Add a condition' }).click();
    await edit.getByLabel('Condition 2: dimension').selectOption('COUNTRY');
    await edit.getByLabel('Condition 2: value').fill('NO');
    await edit.getByLabel('Visits matching').selectOption('or');
    await edit.getByRole('textbox', { name: 'Name', exact: true }).fill('Scandinavians');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => listed(page).then((rows) => rows.find((row) => row[0] === 'Scandinavians'))).toEqual([
      'Scandinavians',
      'All websites',
      'The organization',
      '(Country is SE) or (Country is NO)',
    ]);
    const segment = (await owner().request(SegmentsDocument, {})).segments.find((s) => s.name === 'Scandinavians');
    expect(segment?.filter).toEqual({
      or: [
        { field: 'COUNTRY', op: 'IS', value: ['SE'] },
        { field: 'COUNTRY', op: 'IS', value: ['NO'] },
      ],
    });

    await page.getByRole('link', { name: 'Short links' }).click();
    add = form(page, 'Add a short link');
    await add.getByLabel('Slug').fill('edit-me');
    await add.getByLabel('Target URL').fill('https://example.com/old');
    await add.getByRole('button', { name: 'Add link' }).click();
    const links = async () =>
      (await owner().request(ManageLinksDocument, {})).organization.links.edges.map(({ node }) => node);
    edit = await editListed(page, 'edit-me', 'Edit short link edit-me');
    const linksBefore = await links();
    await edit.getByLabel('Target URL').fill('not a url');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => edit.getByLabel('Target URL').getAttribute('aria-invalid')).toBe('true');
    expect(await edit.getByRole('alert').getAttribute('data-code')).toBe('BAD_USER_INPUT');
    expect(await links()).toEqual(linksBefore);
    await edit.getByLabel('Target URL').fill('https://example.com/new');
    await edit.getByLabel('Redirects').uncheck();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => listed(page).then((rows) => rows.find((row) => row[0] === 'edit-me'))).toEqual([
      'edit-me',
      'https://example.com/new',
      '',
      'No',
      'All websites',
    ]);
    expect((await links()).find((l) => l.slug === 'edit-me')).toMatchObject({
      targetUrl: 'https://example.com/new',
      enabled: false,
    });

    await page.getByRole('link', { name: 'Uptime monitors' }).click();
    add = form(page, 'Add an uptime monitor');
    await add.getByLabel('Name').fill('Status page');
    await add.getByLabel(/^URL/).fill('https://example.com/status');
    await add.getByRole('button', { name: 'Add monitor' }).click();
    const monitors = async () =>
      (await owner().request(ManageMonitorsDocument, {})).organization.uptimeMonitors.edges.map(({ node }) => node);
    edit = await editListed(page, 'Status page', 'Edit uptime monitor Status page');
    expect(await edit.getByLabel('Every (seconds)').inputValue()).toBe('60');
    const monitorsBefore = await monitors();
    await edit.getByLabel('Every (seconds)').fill('1');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => edit.getByLabel('Every (seconds)').getAttribute('aria-invalid')).toBe('true');
    expect(await monitors()).toEqual(monitorsBefore);
    await edit.getByLabel('Every (seconds)').fill('600');
    await edit.getByLabel('Method').selectOption('HEAD');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => listed(page).then((rows) => rows.find((row) => row[0] === 'Status page'))).toEqual([
      'Status page',
      'HEAD https://example.com/status',
      '10 min',
      'Yes',
      'All websites',
    ]);
    expect((await monitors()).find((m) => m.name === 'Status page')).toMatchObject({
      intervalSeconds: 600,
      method: 'HEAD',
    });

    await page.getByRole('link', { name: 'Feature flags' }).click();
    add = form(page, 'Add a feature flag');
    await add.getByLabel('Key').fill('edited-flag');
    await add.getByRole('button', { name: 'Add flag' }).click();
    const flags = async () =>
      (await owner().request(ManageFlagsDocument, {})).organization.flags.edges.map(({ node }) => node);
    edit = await editListed(page, 'edited-flag', 'Edit feature flag edited-flag');
    const flagsBefore = await flags();
    await edit.getByLabel('Decides by').selectOption('ROLLOUT');
    await edit.getByLabel('Share of visitors on (%)').fill('150');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => edit.getByLabel('Share of visitors on (%)').getAttribute('aria-invalid')).toBe('true');
    expect(await flags()).toEqual(flagsBefore);
    await edit.getByLabel('Share of visitors on (%)').fill('40');
    await edit.getByLabel('Status').selectOption('INACTIVE');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await poll(() => listed(page).then((rows) => rows.find((row) => row[0] === 'edited-flag'))).toEqual([
      'edited-flag',
      '',
      '40 % of visitors',
      'Inactive',
      'All websites',
    ]);
    expect((await flags()).find((f) => f.key === 'edited-flag')).toMatchObject({
      type: 'ROLLOUT',
      rolloutPercentage: 40,
      status: 'INACTIVE',
    });
    expect(await seriousViolations(page, 'a feature flag’s edit')).toEqual([]);
    expect(product.problems).toEqual([]);
    await product.context.close();
  }, 240_000);
});

describe('a member’s segments and range export', () => {
  // A member's days are the website's (settings.timezone).
  const tokyo: DateRangeInput = { preset: 'LAST_30_DAYS', timezone: 'Asia/Tokyo' };
  const asOwner = (segment?: string) => ({ client: owner(), id: siteId, range: tokyo, segment });
  let product: Product;
  let mobileId: string;
  beforeAll(async () => {
    mobileId = await mutate(
      'mutation($id: ID!, $input: SegmentInput!) { createSegment(websiteId: $id, input: $input) { __typename ... on MutationCreateSegmentSuccess { data { id } } } }',
      {
        id: siteId,
        input: {
          name: 'Mobile visitors',
          visibility: 'ORGANIZATION',
          filter: { field: 'DEVICE', op: 'IS', value: ['mobile'] },
        },
      },
    );
    product = await open('/sign-in');
    // signIn's checks poll, which only a test may: here the form alone.
    await product.page.getByLabel('Email').fill(MEMBER.email);
    await product.page.getByLabel('Password').fill(MEMBER.password);
    await product.page.getByRole('button', { name: 'Sign in' }).click();
    await product.page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(() => product?.context.close());

  it('picks a segment: the API’s figures with it on every panel, in the URL, and the back button restores', async () => {
    const { page } = product;
    await page.goto(`${origin}/w/${siteId}`);
    await page.locator('.chart canvas').first().waitFor({ timeout: 60_000 });
    const all = await expectedCards(tokyo, [], asOwner());
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(all);
    await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Mobile visitors' });
    await poll(() => new URL(page.url()).searchParams.get('segment')).toBe(mobileId);
    const mobile = await expectedCards(tokyo, [], asOwner(mobileId));
    expect(mobile.visitors).not.toBe(all.visitors);
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(mobile);
    for (const [panel, dimension] of [
      ['sources', 'SOURCE'],
      ['pages', 'PATH'],
      ['devices', 'DEVICE'],
    ] as const) {
      const rows = await expectedBreakdown(dimension, [], asOwner(mobileId));
      await poll(() => panelRows(page, panel)).toEqual(rows);
    }
    expect((await panelRows(page, 'devices')).map((row) => row[0])).toEqual(['mobile']);
    // Goals too: every panel asks with the segment.
    const { website: goals } = await owner().request(DashboardGoalsDocument, {
      id: siteId,
      range: tokyo,
      filters: [],
      segment: mobileId,
    });
    await poll(() => panelRows(page, 'goals')).toEqual(
      goals.analytics.goals.map((g) => [
        g.name,
        formatInt(g.conversions),
        formatInt(g.visitors),
        formatPercent(g.rate),
      ]),
    );
    // A link carries it.
    const shared = await open('/sign-in');
    await signIn(shared.page, MEMBER);
    await shared.page.goto(`${origin}/w/${siteId}?segment=${mobileId}`);
    await poll(async () => withoutRealtime(await cardFigures(shared.page))).toEqual(mobile);
    expect(await shared.page.getByLabel('Segment', { exact: true }).inputValue()).toBe(mobileId);
    await shared.context.close();
    await page.goBack();
    await poll(() => new URL(page.url()).searchParams.get('segment')).toBeNull();
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(all);
    expect(await page.getByLabel('Segment', { exact: true }).inputValue()).toBe('');
    expect(product.problems).toEqual([]);
  }, 120_000);

  it('saves the filters as a segment that shows the same figures', async () => {
    const { page } = product;
    await page.goto(`${origin}/w/${siteId}?f=SOURCE:IS:google.com`);
    const filters: AnalyticsFilterInput[] = [{ field: 'SOURCE', op: 'IS', value: ['google.com'] }];
    const filtered = await expectedCards(tokyo, filters, asOwner());
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(filtered);
    await page.getByRole('button', { name: 'Save filters as a segment' }).click();
    await page.getByLabel('Segment name').fill('From Google');
    await page.screenshot({ path: new URL('segment-save.png', SCREENSHOTS).pathname });
    expect(await seriousViolations(page, 'saving a segment')).toEqual([]);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get('segment')).toBeTruthy();
    const url = new URL(page.url());
    expect(url.searchParams.getAll('f')).toEqual([]);
    // Private: the member who saved it sees it (through the session), the organization's key does not.
    const session = (await sessionCookieOf(product.context))?.value ?? '';
    const mine = await asSession(session, `{ segments(websiteId: "${siteId}") { id name visibility filter } }`);
    const saved = ((mine.data?.segments ?? []) as { id: string }[]).find(
      (s) => s.id === url.searchParams.get('segment'),
    );
    expect(saved).toMatchObject({ name: 'From Google', visibility: 'PRIVATE', filter: { and: filters } });
    const { segments } = await owner().request(SegmentsDocument, { websiteId: siteId });
    // (Other tests add organization segments of their own: the key sees those, never this private one.)
    expect(segments.map((s) => s.name)).toContain('Mobile visitors');
    expect(segments.map((s) => s.name)).not.toContain('From Google');
    // The member's own segment: the API's figures with it equal those of the filters it was saved from.
    await poll(async () => withoutRealtime(await cardFigures(page))).toEqual(filtered);
    expect(await page.getByLabel('Segment', { exact: true }).inputValue()).toBe(saved?.id);
    expect(product.problems).toEqual([]);
  }, 120_000);

  it('exports the range as a ZIP with the CSRF header, its CSVs the API’s for the same range, filters and segment', async () => {
    const { page } = product;
    await page.goto(`${origin}/w/${siteId}?segment=${mobileId}&f=PATH:IS:%2Fdocs`);
    await page.locator('[data-panel="sources"] tbody tr').first().waitFor({ timeout: 60_000 });
    const [download, request] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForRequest((r) => new URL(r.url()).pathname === `/export/${siteId}.zip`),
      page.getByRole('button', { name: 'Export range (ZIP)' }).click(),
    ]);
    // A session cookie alone is not enough: the CSRF header goes with it (a plain link could not send it).
    expect(request.headers()['x-tidemark-csrf']).toBe('1');
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^tidemark-${siteId}-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.zip$`),
    );
    const files = await unzip(readFileSync(await download.path()));
    const filters: AnalyticsFilterInput[] = [{ field: 'PATH', op: 'IS', value: ['/docs'] }];
    // The same tables through GraphQL's csv field (a program's query: the dashboard has no use for it).
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
      body: JSON.stringify({
        query: `query($id: ID!, $range: DateRangeInput!, $filters: [AnalyticsFilterInput!], $segment: ID) {
          website(id: $id) { analytics(range: $range, filters: $filters, segment: $segment) {
            sources: csv(table: SOURCES, first: 10000) channels: csv(table: CHANNELS, first: 10000)
            timeseries: csv(table: TIMESERIES, first: 10000, interval: DAY) } } }`,
        variables: { id: siteId, range: tokyo, filters, segment: mobileId },
      }),
    });
    const answer = (await response.json()) as { data: { website: { analytics: Record<string, string> } } };
    const { sources = '', channels, timeseries } = answer.data.website.analytics;
    expect(files.get('sources.csv')).toBe(sources);
    expect(files.get('channels.csv')).toBe(channels);
    expect(files.get('timeseries.csv')).toBe(timeseries);
    // Filtered and segmented: the mobile visits that saw /docs, not every visit.
    const visitors = (csv: string) =>
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .reduce((sum, line) => sum + Number(line.split(',')[1]), 0);
    const { website } = await owner().request(DashboardOverviewDocument, {
      id: siteId,
      range: tokyo,
      filters,
      segment: mobileId,
      interval: 'DAY',
    });
    const { website: unfiltered } = await owner().request(DashboardOverviewDocument, {
      id: siteId,
      range: tokyo,
      filters: [],
      interval: 'DAY',
    });
    expect(visitors(sources)).toBe(website.analytics.summary.current.visitors);
    expect(visitors(sources)).toBeGreaterThan(0);
    expect(visitors(sources)).toBeLessThan(unfiltered.analytics.summary.current.visitors);
    expect(product.problems).toEqual([]);
  }, 120_000);
});
