import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { generateApiKey } from '../../prisma/api-keys.ts';
import { withoutCost } from '../test-support.ts';
import { FILTER_FIELDS } from './filters.ts';
import { graphqlOver } from './test-support.ts';

/**
 * Exact numbers: seeded synthetic traffic goes through the real ingest, the figures come back
 * through GraphQL, and each is checked against a plain TypeScript computation over the same
 * events. Everything here is exact (uniqExact, quantiles below 8192 samples).
 */

// Deterministic randomness.
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

const PAGES = ['/', '/pricing', '/docs', '/docs/install', '/blog/launch'];
const SOURCES = [undefined, 'newsletter', 'twitter'];
const REFERRERS = [undefined, 'https://www.google.com/search', 'https://news.ycombinator.com/item'];
const PEOPLE = [
  { ip: GEO.london, ua: CHROME_DESKTOP, country: 'GB', device: 'desktop' },
  { ip: GEO.linkoping, ua: IPHONE_SAFARI, country: 'SE', device: 'mobile' },
  { ip: GEO.tokyoV6, ua: CHROME_DESKTOP, country: 'JP', device: 'desktop' },
];

interface View {
  visitor: string;
  session: string;
  path: string;
  day: number;
  at: number;
  source?: string;
  country: string;
  device: string;
}

/** What the independent computation knows of each visit. Source, UTM and referrer are on its first page view only. */
interface Visit {
  session: string;
  visitor: string;
  country: string;
  device: string;
  utmSource: string;
  referrerDomain: string;
  start: number;
  views: View[];
  lcp: { path: string; value: number }[];
  errors: string[];
  signups: number;
  serverEvents: number;
}

const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3 * 86_400_000;
const range = { from: new Date(dayStart).toISOString(), to: new Date(dayStart + 3 * 86_400_000).toISOString() };

let t: TestIngest;
let graphql: ReturnType<typeof graphqlOver>;
let readKey: string;
let funnelId: string;
const views: View[] = [];
const lcp: number[] = [];
const errorsByMessage = new Map<string, { count: number; visitors: Set<string> }>();
const signups = new Map<string, Set<string>>();
const visits: Visit[] = [];
/** Revenue: one USD payment per paying visitor, of 10 × (visitor number + 1). */
const payments = new Map<string, number>();

beforeAll(async () => {
  t = await startTestIngest();
  const query = graphqlOver(t);
  graphql = (text, key = readKey) => query(text, key);
  const { key, ...stored } = generateApiKey();
  await t.prisma.apiKey.create({
    data: { ...stored, name: 'reader', organizationId: t.organizationId, scopes: ['READ_ANALYTICS'] },
  });
  readKey = key;
  await t.prisma.goal.create({
    data: { websiteId: t.siteId, name: 'Docs reader', type: 'PAGE_VIEW', target: '/docs*' },
  });
  await t.prisma.goal.create({ data: { websiteId: t.siteId, name: 'Signed up', type: 'EVENT', target: 'signup' } });

  for (let v = 0; v < 40; v++) {
    const visitor = `visitor-${v}`;
    const person = pick(PEOPLE);
    const sessions = 1 + Math.floor(random() * 2);
    for (let s = 0; s < sessions; s++) {
      const session = `${visitor}-s${s}`;
      const day = Math.floor(random() * 3);
      const start = dayStart + day * 86_400_000 + Math.floor(random() * 20) * 3_600_000;
      const source = pick(SOURCES);
      const referrer = pick(REFERRERS);
      const pages = 1 + Math.floor(random() * 4);
      const events: Record<string, unknown>[] = [];
      const visit: Visit = {
        session,
        visitor,
        country: person.country,
        device: person.device,
        utmSource: source ?? '',
        referrerDomain: referrer ? new URL(referrer).hostname.replace(/^www\./, '') : '',
        start,
        views: [],
        lcp: [],
        errors: [],
        signups: 0,
        serverEvents: 0,
      };
      visits.push(visit);
      for (let p = 0; p < pages; p++) {
        const path = pick(PAGES);
        const at = start + p * 60_000;
        const url = `https://example.com${path}${p === 0 && source ? `?utm_source=${source}` : ''}`;
        const base = { eventId: randomUUID(), anonymousId: visitor, sessionId: session, url, timestamp: at };
        events.push({ ...base, type: 'screen_view', ...(p === 0 && referrer ? { referrer } : {}) });
        visit.views.push({
          visitor,
          session,
          path,
          day,
          at,
          source: p === 0 ? source : undefined,
          country: person.country,
          device: person.device,
        });
        views.push({
          visitor,
          session,
          path,
          day,
          at,
          source: p === 0 ? source : undefined,
          country: person.country,
          device: person.device,
        });
        const value = Math.round(500 + random() * 4000);
        events.push({ ...base, eventId: randomUUID(), type: 'vital', metric: 'LCP', value });
        lcp.push(value);
        visit.lcp.push({ path, value });
        if (random() < 0.15) {
          const message = pick(['TypeError: a is undefined', 'Error: boom']);
          events.push({ ...base, eventId: randomUUID(), type: 'error', message, errorType: message.split(':')[0] });
          const group = errorsByMessage.get(message) ?? { count: 0, visitors: new Set() };
          group.count++;
          group.visitors.add(visitor);
          errorsByMessage.set(message, group);
          visit.errors.push(message);
        }
        if (random() < 0.1) {
          events.push({ ...base, eventId: randomUUID(), type: 'custom', name: 'signup' });
          signups.set('signup', (signups.get('signup') ?? new Set()).add(visitor));
          visit.signups++;
        }
      }
      if (random() < 0.3) visit.serverEvents++;
      const response = await fetch(`${t.url}/v1/batch`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://example.com',
          'user-agent': person.ua,
          'x-forwarded-for': person.ip,
        },
        body: JSON.stringify({ clientId: t.siteId, events }),
      });
      expect(response.status).toBe(200);
    }
    if (v % 4 === 0) payments.set(visitor, 10 * (v + 1));
  }
  // Server-side events (POST /v1/track) tied to their visits, and one naming no visitor at all.
  const serverEvents = visits.flatMap((visit) =>
    Array.from({ length: visit.serverEvents }, () => ({
      name: 'invoice_sent',
      websiteId: t.siteId,
      anonymousId: visit.visitor,
      sessionId: visit.session,
      timestamp: visit.start + 30_000,
      properties: { note: 'tidemark "self-hosted"', dir: 'C:\\Users\\me' },
    })),
  );
  serverEvents.push({ ...(serverEvents[0] as (typeof serverEvents)[number]), anonymousId: '', sessionId: '' });
  const tracked = await fetch(`${t.url}/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
    body: JSON.stringify(
      serverEvents.map(({ anonymousId, sessionId, ...e }) => ({
        ...e,
        ...(anonymousId ? { anonymousId, sessionId } : {}),
      })),
    ),
  });
  expect(tracked.status).toBe(200);
  // Payments (webhooks are tested on their own): written as the revenue ledger stores them.
  await t.clickhouse.insert({
    table: 'analytics.revenue',
    format: 'JSONEachRow',
    values: [...payments].map(([visitor, amount], i) => ({
      owner_id: t.organizationId,
      website_id: t.siteId,
      transaction_id: `tx${i}`,
      provider: 'stripe',
      type: 'sale',
      status: 'completed',
      amount,
      original_amount: amount,
      original_currency: 'USD',
      currency: 'USD',
      anonymous_id: visitor,
      created: new Date(dayStart + 2 * 86_400_000 + 23 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
      synced_at: new Date(dayStart + 2 * 86_400_000 + 23 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '),
    })),
  });
  const funnel = await t.prisma.funnel.create({
    data: {
      websiteId: t.siteId,
      name: 'Home to pricing',
      steps: {
        create: [
          { position: 0, type: 'PAGE_VIEW', target: '/' },
          { position: 1, type: 'PAGE_VIEW', target: '/pricing' },
        ],
      },
    },
  });
  funnelId = funnel.id;
  // Acknowledged events reach ClickHouse behind the responses.
  await t.ingest.context.writer.flush();
});
afterAll(() => t.close());

const uniq = <T>(items: T[]) => new Set(items).size;
const analytics = (fields: string, filters = '[]') =>
  `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filters: ${filters}) { ${fields} } } }`;

/** ClickHouse's quantile on a full sample: linear interpolation at (n - 1) * level. */
function quantile(values: number[], level: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = (sorted.length - 1) * level;
  const low = Math.floor(index);
  return (
    (sorted[low] as number) +
    ((sorted[Math.min(low + 1, sorted.length - 1)] as number) - (sorted[low] as number)) * (index - low)
  );
}

describe('analytics figures through ingest and GraphQL equal an independent computation', () => {
  it('summary', async () => {
    const { data } = await graphql(
      analytics('summary { current { pageviews visitors sessions bounceRate pagesPerSession } }'),
    );
    const sessions = new Map<string, number>();
    for (const v of views) sessions.set(v.session, (sessions.get(v.session) ?? 0) + 1);
    expect(data.website.analytics.summary.current).toEqual({
      pageviews: views.length,
      visitors: uniq(views.map((v) => v.visitor)),
      sessions: sessions.size,
      bounceRate: [...sessions.values()].filter((n) => n === 1).length / sessions.size,
      pagesPerSession: views.length / sessions.size,
    });
  });

  it('breakdowns by page, country, device and source', async () => {
    const { data } = await graphql(
      analytics(`
        pages: breakdown(dimension: PATH, sort: PAGEVIEWS, first: 100) { value visitors pageviews bounceRate }
        countries: breakdown(dimension: COUNTRY, first: 100) { value visitors pageviews bounceRate }
        devices: breakdown(dimension: DEVICE, first: 100) { value visitors }
        sources: breakdown(dimension: UTM_SOURCE, first: 100) { value pageviews }`),
    );
    // Pages: events by path, bounce rate of the visits entering on the page. Visit dimensions:
    // visits by their value, with all their page views.
    const expected = (key: (v: View) => string, scope: 'event' | 'visit') => {
      const groups = new Map<string, View[]>();
      for (const v of views) groups.set(key(v), [...(groups.get(key(v)) ?? []), v]);
      return new Map(
        [...groups].map(([value, list]) => {
          const bouncing = (group: Visit[]) => group.filter((x) => x.views.length === 1).length / group.length;
          const entering = visits.filter((x) => x.views[0]?.path === value);
          const counts = {
            visitors: uniq(list.map((v) => v.visitor)),
            pageviews: list.length,
            bounceRate:
              scope === 'event'
                ? entering.length
                  ? bouncing(entering)
                  : null
                : bouncing(visits.filter((x) => list.some((v) => v.session === x.session))),
          };
          return [value, counts];
        }),
      );
    };
    const check = (
      rows: { value: string; visitors?: number; pageviews?: number }[],
      key: (v: View) => string,
      scope: 'event' | 'visit' = 'visit',
    ) => {
      const want = expected(key, scope);
      expect(rows).toHaveLength(want.size);
      for (const row of rows) {
        const counts = want.get(row.value);
        expect(row).toEqual(
          Object.fromEntries(
            Object.keys(row).map((k) => [
              k,
              k === 'value' ? row.value : counts?.[k as 'visitors' | 'pageviews' | 'bounceRate'],
            ]),
          ),
        );
      }
    };
    check(data.website.analytics.pages, (v) => v.path, 'event');
    check(data.website.analytics.countries, (v) => v.country);
    check(data.website.analytics.devices, (v) => v.device);
    // The UTM source is on a visit's first page view only, yet every page view of the visit counts.
    const sourceOf = new Map(visits.map((x) => [x.session, x.utmSource]));
    check(data.website.analytics.sources, (v) => sourceOf.get(v.session) ?? '');
  });

  it('computes a page breakdown’s visits and bounce rate when selected, through fragments too', async () => {
    const { data, errors } = await graphql(
      `${analytics(`
        plain: breakdown(dimension: PATH, sort: PAGEVIEWS, first: 100) { value visitors }
        spread: breakdown(dimension: PATH, sort: PAGEVIEWS, first: 100) { value ...Costly }
        inline: breakdown(dimension: PATH, sort: PAGEVIEWS, first: 100) { value ... on BreakdownRow { visits } }`)}
      fragment Costly on BreakdownRow { visits bounceRate }`,
    );
    expect(errors).toBeUndefined();
    const { plain, spread, inline } = data.website.analytics;
    expect(plain.map((r: { value: string }) => r.value)).toEqual(spread.map((r: { value: string }) => r.value));
    for (const row of spread as { value: string; visits: number; bounceRate: number | null }[]) {
      const entering = visits.filter((x) => x.views[0]?.path === row.value);
      expect(row).toEqual({
        value: row.value,
        visits: uniq(views.filter((v) => v.path === row.value).map((v) => v.session)),
        bounceRate: entering.length ? entering.filter((x) => x.views.length === 1).length / entering.length : null,
      });
      expect(inline.find((r: { value: string }) => r.value === row.value)).toEqual({
        value: row.value,
        visits: row.visits,
      });
    }
  });

  it('refuses row counts and offsets out of bounds, naming the argument', async () => {
    for (const [fields, path, bound] of [
      ['breakdown(dimension: COUNTRY, first: 1001) { value }', 'first', 1000],
      ['breakdown(dimension: COUNTRY, offset: -1) { value }', 'offset', 0],
      ['recentErrors(first: 101) { message }', 'first', 100],
      ['sessions(offset: 100001) { id }', 'offset', 100_000],
    ] as const) {
      const { data, errors } = await graphql(analytics(fields));
      expect(data?.website?.analytics ?? null, fields).toBeNull();
      expect(errors?.[0]?.extensions, fields).toMatchObject({ code: 'BAD_USER_INPUT' });
      const { issues } = (errors?.[0]?.extensions ?? {}) as unknown as {
        issues?: { path: string[]; message: string }[];
      };
      const issue = issues?.[0];
      expect(issue?.path, fields).toEqual([path]);
      expect(issue?.message, fields).toContain(String(bound));
    }
  });

  it('filtered summary and daily timeseries', async () => {
    const filter = '[{ field: COUNTRY, op: IS, value: ["GB"] }]';
    const { data } = await graphql(
      analytics('summary { current { pageviews visitors } } timeseries(interval: DAY) { pageviews visitors }', filter),
    );
    const gb = views.filter((v) => v.country === 'GB');
    expect(data.website.analytics.summary.current).toEqual({
      pageviews: gb.length,
      visitors: uniq(gb.map((v) => v.visitor)),
    });
    expect(data.website.analytics.timeseries).toEqual(
      [0, 1, 2].map((day) => {
        const list = gb.filter((v) => v.day === day);
        return { pageviews: list.length, visitors: uniq(list.map((v) => v.visitor)) };
      }),
    );
  });

  it('web vitals, errors, custom events and goals', async () => {
    const { data } = await graphql(
      analytics(`
        vitals { metric samples p50 p75 p95 }
        errors(first: 10) { message occurrences visitors }
        customEvents { name occurrences visitors }
        goals { name conversions visitors }`),
    );
    const a = data.website.analytics;
    expect(a.vitals).toEqual([
      {
        metric: 'LCP',
        samples: lcp.length,
        p50: quantile(lcp, 0.5),
        p75: quantile(lcp, 0.75),
        p95: quantile(lcp, 0.95),
      },
    ]);
    expect(new Map(a.errors.map((e: { message: string }) => [e.message, e]))).toEqual(
      new Map(
        [...errorsByMessage].map(([message, g]) => [
          message,
          { message, occurrences: g.count, visitors: g.visitors.size },
        ]),
      ),
    );
    const signedUp = signups.get('signup') ?? new Set();
    const invoiced = visits.filter((x) => x.serverEvents > 0);
    expect(new Set(a.customEvents)).toEqual(
      new Set([
        { name: 'signup', occurrences: visits.reduce((n, x) => n + x.signups, 0), visitors: signedUp.size },
        // The server event without an anonymous id is an occurrence but no visitor.
        {
          name: 'invoice_sent',
          occurrences: invoiced.reduce((n, x) => n + x.serverEvents, 0) + 1,
          visitors: uniq(invoiced.map((x) => x.visitor)),
        },
      ]),
    );
    const visitors = uniq(views.map((v) => v.visitor));
    expect(a.goals).toEqual([
      {
        name: 'Docs reader',
        conversions: uniq(views.filter((v) => v.path.startsWith('/docs')).map((v) => v.visitor)),
        visitors,
      },
      { name: 'Signed up', conversions: signedUp.size, visitors },
    ]);
  });
});

describe('visit and event scopes: every family under visit and event filters equals an independent computation', () => {
  /** A filter both as GraphQL text and as the visits and events it selects. */
  interface Case {
    name: string;
    graphql: string;
    /** The visits a visit figure counts. */
    visits: Visit[];
    /** The page views an event figure counts. */
    views: View[];
    /** The LCP samples (by page) vitals count. */
    lcp: number[];
  }
  const visitCase = (name: string, graphql: string, keep: (x: Visit) => boolean): Case => {
    const kept = visits.filter(keep);
    return {
      name,
      graphql,
      visits: kept,
      views: kept.flatMap((x) => x.views),
      lcp: kept.flatMap((x) => x.lcp.map((l) => l.value)),
    };
  };
  const cases = (): Case[] => [
    visitCase(
      'utm_source (on the landing page only)',
      '{ field: UTM_SOURCE, op: IS, value: ["newsletter"] }',
      (x) => x.utmSource === 'newsletter',
    ),
    visitCase(
      'referrer domain',
      '{ field: REFERRER_DOMAIN, op: IS, value: ["google.com"] }',
      (x) => x.referrerDomain === 'google.com',
    ),
    visitCase('source', '{ field: SOURCE, op: IS, value: ["direct"] }', (x) => !x.utmSource && !x.referrerDomain),
    visitCase('entry page', '{ field: ENTRY_PAGE, op: STARTS_WITH, value: ["/docs"] }', (x) =>
      (x.views[0] as View).path.startsWith('/docs'),
    ),
    {
      // Event scope: page views of /pricing; visit figures count the visits containing one.
      ...visitCase('page (event)', '{ field: PATH, op: IS, value: ["/pricing"] }', (x) =>
        x.views.some((v) => v.path === '/pricing'),
      ),
      views: views.filter((v) => v.path === '/pricing'),
      lcp: visits.flatMap((x) => x.lcp.filter((l) => l.path === '/pricing').map((l) => l.value)),
    },
  ];
  const query = (c: Case, fields: string) => graphql(analytics(fields, `[${c.graphql}]`));

  it('each case selects some visits but not all', () => {
    for (const c of cases()) {
      expect(c.visits.length, c.name).toBeGreaterThan(0);
      expect(c.visits.length, c.name).toBeLessThan(visits.length);
    }
  });

  it('summary', async () => {
    for (const c of cases()) {
      const { data, errors } = await query(c, 'summary { current { pageviews visitors sessions bounceRate } }');
      expect(errors, c.name).toBeUndefined();
      expect(data.website.analytics.summary.current, c.name).toEqual({
        pageviews: c.views.length,
        visitors: uniq(c.visits.map((x) => x.visitor)),
        sessions: c.visits.length,
        bounceRate: c.visits.length ? c.visits.filter((x) => x.views.length === 1).length / c.visits.length : 0,
      });
    }
  });

  it('goals, funnels, entry pages, journeys, sessions and retention count the selected visits', async () => {
    for (const c of cases()) {
      const { data, errors } = await query(
        c,
        `goals { name visitors conversions }
        funnel(funnelId: "${funnelId}") { visitors }
        entryPages(first: 100) { value sessions visitors }
        journeys(first: 1000) { from to sessions }
        sessions(first: 1000) { id }
        retention { visitors }`,
      );
      expect(errors, c.name).toBeUndefined();
      const a = data.website.analytics;
      const selectedViews = c.visits.flatMap((x) => x.views);
      const visitors = uniq(c.visits.map((x) => x.visitor));
      expect(a.goals, c.name).toEqual([
        {
          name: 'Docs reader',
          visitors,
          conversions: uniq(selectedViews.filter((v) => v.path.startsWith('/docs')).map((v) => v.visitor)),
        },
        { name: 'Signed up', visitors, conversions: uniq(c.visits.filter((x) => x.signups > 0).map((x) => x.visitor)) },
      ]);
      // windowFunnel per visitor over the selected visits' page views: '/' then '/pricing' within a day.
      const byVisitor = new Map<string, View[]>();
      for (const v of selectedViews) byVisitor.set(v.visitor, [...(byVisitor.get(v.visitor) ?? []), v]);
      let first = 0;
      let second = 0;
      for (const list of byVisitor.values()) {
        const sorted = [...list].sort((p, q) => p.at - q.at);
        const starts = sorted.filter((v) => v.path === '/');
        if (starts.length) first++;
        if (starts.some((s) => sorted.some((v) => v.path === '/pricing' && v.at > s.at && v.at - s.at <= 86_400_000)))
          second++;
      }
      expect(
        a.funnel.map((s: { visitors: number }) => s.visitors),
        c.name,
      ).toEqual([first, second]);
      const entries = new Map<string, Visit[]>();
      for (const x of c.visits) {
        const entry = (x.views[0] as View).path;
        entries.set(entry, [...(entries.get(entry) ?? []), x]);
      }
      expect(new Set(a.entryPages), c.name).toEqual(
        new Set(
          [...entries].map(([value, list]) => ({
            value,
            sessions: list.length,
            visitors: uniq(list.map((x) => x.visitor)),
          })),
        ),
      );
      const moves = new Map<string, number>();
      for (const x of c.visits) {
        for (let i = 1; i < x.views.length; i++) {
          const [from, to] = [(x.views[i - 1] as View).path, (x.views[i] as View).path];
          if (from !== to) moves.set(`${from} ${to}`, (moves.get(`${from} ${to}`) ?? 0) + 1);
        }
      }
      expect(
        new Map(
          a.journeys.map((j: { from: string; to: string; sessions: number }) => [`${j.from} ${j.to}`, j.sessions]),
        ),
        c.name,
      ).toEqual(moves);
      expect(new Set(a.sessions.map((x: { id: string }) => x.id)), c.name).toEqual(
        new Set(c.visits.map((x) => x.session)),
      );
      // Every selected visitor is in exactly one cohort, at week 0.
      expect(
        a.retention.reduce((n: number, r: { visitors: number[] }) => n + (r.visitors[0] ?? 0), 0),
        c.name,
      ).toBe(visitors);
    }
  });

  it('vitals, errors, custom events (browser and server-side) and revenue', async () => {
    for (const c of cases()) {
      const event = c.name.includes('(event)');
      const { data, errors } = await query(
        c,
        `vitals { metric samples p50 p75 }
        errors(first: 10) { message occurrences }
        customEvents { name occurrences }
        ${event ? '' : 'revenue { currency revenue transactions }'}`,
      );
      expect(errors, c.name).toBeUndefined();
      const a = data.website.analytics;
      expect(a.vitals, c.name).toEqual(
        c.lcp.length
          ? [{ metric: 'LCP', samples: c.lcp.length, p50: quantile(c.lcp, 0.5), p75: quantile(c.lcp, 0.75) }]
          : [],
      );
      if (event) continue; // error spans and custom events carry their page; checked under visit filters here.
      const messages = new Map<string, number>();
      for (const m of c.visits.flatMap((x) => x.errors)) messages.set(m, (messages.get(m) ?? 0) + 1);
      expect(
        new Map(a.errors.map((e: { message: string; occurrences: number }) => [e.message, e.occurrences])),
        c.name,
      ).toEqual(messages);
      const expectedEvents = [
        ['signup', c.visits.reduce((n, x) => n + x.signups, 0)],
        ['invoice_sent', c.visits.reduce((n, x) => n + x.serverEvents, 0)],
      ].filter(([, n]) => n);
      expect(
        new Map(a.customEvents.map((e: { name: string; occurrences: number }) => [e.name, e.occurrences])),
        c.name,
      ).toEqual(new Map(expectedEvents as [string, number][]));
      // A payment belongs to the paying visitor's first visit.
      const firstVisit = new Map<string, Visit>();
      for (const x of [...visits].sort((p, q) => p.start - q.start))
        if (!firstVisit.has(x.visitor)) firstVisit.set(x.visitor, x);
      const paid = [...payments].filter(([visitor]) => c.visits.includes(firstVisit.get(visitor) as Visit));
      expect(a.revenue, c.name).toEqual(
        paid.length
          ? [{ currency: 'USD', revenue: paid.reduce((n, [, amount]) => n + amount, 0), transactions: paid.length }]
          : [],
      );
    }
  });

  it('breaks revenue down by the source of the paying visitor’s first visit', async () => {
    const { data } = await graphql(analytics('revenue(groupBy: SOURCE) { value revenue }'));
    const firstVisit = new Map<string, Visit>();
    for (const x of [...visits].sort((p, q) => p.start - q.start))
      if (!firstVisit.has(x.visitor)) firstVisit.set(x.visitor, x);
    const bySource = new Map<string, number>();
    for (const [visitor, amount] of payments) {
      const x = firstVisit.get(visitor) as Visit;
      const source = x.utmSource || x.referrerDomain || 'direct';
      bySource.set(source, (bySource.get(source) ?? 0) + amount);
    }
    expect(
      new Map(data.website.analytics.revenue.map((r: { value: string; revenue: number }) => [r.value, r.revenue])),
    ).toEqual(bySource);
  });

  it('decodes custom property values (JSON escapes) and filters events by name and property', async () => {
    const { data, errors } = await graphql(
      analytics(
        'eventProperties(name: "invoice_sent") { key value } customEvents { name }',
        '[{ field: EVENT_NAME, op: IS, value: ["invoice_sent"] }, { field: PROPERTY, key: "note", op: CONTAINS, value: ["self-hosted"] }]',
      ),
    );
    expect(errors).toBeUndefined();
    expect(data.website.analytics.eventProperties).toEqual([
      { key: 'dir', value: 'C:\\Users\\me' },
      { key: 'note', value: 'tidemark "self-hosted"' },
    ]);
    expect(data.website.analytics.customEvents).toEqual([{ name: 'invoice_sent' }]);
  });
});

describe('every family applies every filter of the registry or refuses it with UNSUPPORTED_FILTER', () => {
  // Each family with a test of "nothing selected": a filter matching no value must empty it.
  const families: [string, string, (a: Record<string, unknown>) => boolean][] = [
    [
      'summary',
      'summary { current { pageviews visitors sessions } }',
      (a) => Object.values((a.summary as { current: Record<string, number> }).current).every((n) => n === 0),
    ],
    [
      'timeseries',
      'timeseries(interval: DAY) { pageviews visitors }',
      (a) =>
        (a.timeseries as { pageviews: number; visitors: number }[]).every((p) => p.pageviews === 0 && p.visitors === 0),
    ],
    ['breakdown (visit)', 'breakdown(dimension: COUNTRY) { value }', (a) => (a.breakdown as []).length === 0],
    ['breakdown (event)', 'breakdown(dimension: PATH) { value }', (a) => (a.breakdown as []).length === 0],
    ['entry pages', 'entryPages { value }', (a) => (a.entryPages as []).length === 0],
    ['exit pages', 'exitPages { value }', (a) => (a.exitPages as []).length === 0],
    ['journeys', 'journeys { from }', (a) => (a.journeys as []).length === 0],
    ['sessions', 'sessions { id }', (a) => (a.sessions as []).length === 0],
    [
      'goals',
      'goals { visitors conversions }',
      (a) =>
        (a.goals as { visitors: number; conversions: number }[]).every((g) => g.visitors === 0 && g.conversions === 0),
    ],
    ['funnel', 'FUNNEL', (a) => (a.funnel as { visitors: number }[]).every((s) => s.visitors === 0)],
    ['retention', 'retention { visitors }', (a) => (a.retention as []).length === 0],
    ['custom events', 'customEvents { name }', (a) => (a.customEvents as []).length === 0],
    [
      'event properties',
      'eventProperties(name: "invoice_sent") { key }',
      (a) => (a.eventProperties as []).length === 0,
    ],
    ['vitals', 'vitals { samples }', (a) => (a.vitals as []).length === 0],
    [
      'vitals timeseries',
      'vitalsTimeseries(metric: "LCP", interval: DAY) { samples }',
      (a) => (a.vitalsTimeseries as { samples: number }[]).every((p) => p.samples === 0),
    ],
    ['errors', 'errors { occurrences }', (a) => (a.errors as []).length === 0],
    ['recent errors', 'recentErrors { message }', (a) => (a.recentErrors as []).length === 0],
    [
      'error trend',
      'errorTrend(interval: DAY) { errors }',
      (a) => (a.errorTrend as { errors: number }[]).every((p) => p.errors === 0),
    ],
    ['errors by page', 'errorsByPage { value }', (a) => (a.errorsByPage as []).length === 0],
    ['revenue', 'revenue { revenue }', (a) => (a.revenue as []).length === 0],
  ];
  const fieldsOf = (selection: string) =>
    selection === 'FUNNEL' ? `funnel(funnelId: "${funnelId}") { visitors }` : selection;

  it('each family has data to filter', async () => {
    for (const [name, selection, empty] of families) {
      const { data, errors } = await graphql(analytics(fieldsOf(selection)));
      expect(errors, name).toBeUndefined();
      expect(empty(data.website.analytics), name).toBe(false);
    }
  });

  it.each(FILTER_FIELDS)('%s', async (field) => {
    const filter = `[{ field: ${field}, op: IS, value: ["zz-matches-nothing"], key: "note" }]`;
    const outcomes: string[] = [];
    for (const [name, selection, empty] of families) {
      const { data, errors } = await graphql(analytics(fieldsOf(selection), filter));
      if (errors) {
        expect(errors[0]?.extensions.code, `${name} × ${field}`).toBe('UNSUPPORTED_FILTER');
        expect((errors[0]?.extensions as { fields?: string[] } | undefined)?.fields, `${name} × ${field}`).toEqual([
          field,
        ]);
        outcomes.push(`${name}: refused`);
      } else {
        expect(empty(data.website.analytics), `${name} × ${field} ignored the filter`).toBe(true);
      }
    }
    // What is refused, and only that: payments are not events; spans carry no event name, properties or links;
    // server events no link targets.
    const event = ['PATH', 'EVENT_NAME', 'PROPERTY', 'OUTGOING_LINK'].includes(field);
    const refused = [
      ...(event ? ['revenue: refused'] : []),
      ...(['EVENT_NAME', 'PROPERTY', 'OUTGOING_LINK'].includes(field)
        ? ['vitals', 'vitals timeseries', 'errors', 'recent errors', 'error trend', 'errors by page'].map(
            (n) => `${n}: refused`,
          )
        : []),
      ...(field === 'OUTGOING_LINK' ? ['custom events: refused', 'event properties: refused'] : []),
    ];
    expect(new Set(outcomes)).toEqual(new Set(refused));
  });
});

describe('analytics access and abuse', () => {
  it('needs read:analytics for a private website and refuses other organizations', async () => {
    expect((await graphql(analytics('summary { current { pageviews } }'), null)).errors?.[0]?.extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    const { key, ...stored } = generateApiKey();
    await t.prisma.apiKey.create({
      data: { ...stored, name: 'writer', organizationId: t.organizationId, scopes: ['WRITE_METADATA'] },
    });
    expect((await graphql(analytics('summary { current { pageviews } }'), key)).errors?.[0]?.extensions.code).toBe(
      'FORBIDDEN',
    );
    const other = await t.prisma.organization.create({ data: { name: 'Other' } });
    const foreign = generateApiKey();
    await t.prisma.apiKey.create({
      data: { ...foreign, key: undefined, name: 'x', organizationId: other.id, scopes: ['READ_ANALYTICS'] } as never,
    });
    expect(
      (await graphql(analytics('summary { current { pageviews } }'), foreign.key)).errors?.[0]?.extensions.code,
    ).toBe('NOT_FOUND');
  });

  it('serves a public website’s analytics without a key', async () => {
    await t.prisma.website.update({ where: { id: t.siteId }, data: { isPublic: true } });
    const { data, errors } = await graphql(analytics('summary { current { pageviews } }'), null);
    expect(errors).toBeUndefined();
    expect(data.website.analytics.summary.current.pageviews).toBe(views.length);
    // Individual sessions stay private on a public dashboard.
    const sessions = await graphql(analytics('sessions(first: 1) { id }'), null);
    expect(sessions.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await graphql(analytics('sessions(first: 1) { id }'))).data.website.analytics.sessions).toHaveLength(1);
    await t.prisma.website.update({ where: { id: t.siteId }, data: { isPublic: false } });
  });

  it('refuses bad ranges and filters with BAD_USER_INPUT and keeps hostile values as values', async () => {
    const bad = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "2001-01-01", to: "2026-01-01" }) { summary { current { pageviews } } } } }`,
    );
    expect(bad.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const regex = await graphql(
      analytics('summary { current { pageviews } }', `[{ field: PATH, op: REGEX, value: ["${'a'.repeat(300)}"] }]`),
    );
    expect(regex.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const hostile = await graphql(
      analytics('summary { current { pageviews } }', `[{ field: PATH, op: IS, value: ["/' OR 1=1 --"] }]`),
    );
    expect(hostile.data.website.analytics.summary.current.pageviews).toBe(0);
    const tooMany = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { preset: LAST_30_DAYS }) { timeseries(interval: MINUTE) { pageviews } } } }`,
    );
    expect(tooMany.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('batches the summaries of many websites into one ClickHouse query', async () => {
    const ids = [t.siteId];
    for (let i = 0; i < 49; i++) {
      ids.push(
        (await t.prisma.website.create({ data: { domain: `site${i}.example`, organizationId: t.organizationId } })).id,
      );
    }
    let queries = 0;
    const query = t.clickhouse.query.bind(t.clickhouse);
    t.clickhouse.query = ((params: Parameters<typeof query>[0]) => {
      queries++;
      return query(params);
    }) as typeof query;
    const { data, errors } = await graphql(`{ organization { websites(first: 50) { edges { node { id
      analytics(range: { from: "${range.from}", to: "${range.to}" }) { summary { current { pageviews } } } } } } } }`);
    t.clickhouse.query = query;
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const edges: { node: { id: string; analytics: { summary: { current: { pageviews: number } } } } }[] =
      data.organization.websites.edges;
    expect(edges).toHaveLength(50);
    expect(edges.find((e) => e.node.id === t.siteId)?.node.analytics.summary.current.pageviews).toBe(views.length);
    // One query for the range and the previous period, for all 50 websites.
    expect(queries).toBe(1);
  });
});

describe('boolean filter trees equal an independent computation', () => {
  /** A tree as GraphQL text, and per view (with its visit) whether it holds: the rule of AnalyticsFilterTreeInput. */
  interface TreeCase {
    name: string;
    filter: string;
    holds: (view: View, visit: Visit) => boolean;
    lcpHolds: (path: string, visit: Visit) => boolean;
  }
  const tree = (name: string, filter: string, holds: (path: string, visit: Visit) => boolean): TreeCase => ({
    name,
    filter,
    holds: (v, x) => holds(v.path, x),
    lcpHolds: holds,
  });
  const cases: TreeCase[] = [
    tree(
      'or of visit leaves',
      '{ or: [{ field: COUNTRY, op: IS, value: ["GB"] }, { field: DEVICE, op: IS, value: ["mobile"] }] }',
      (_, x) => x.country === 'GB' || x.device === 'mobile',
    ),
    tree(
      'or of a visit leaf and an event leaf',
      '{ or: [{ field: COUNTRY, op: IS, value: ["SE"] }, { field: PATH, op: IS, value: ["/pricing"] }] }',
      (path, x) => x.country === 'SE' || path === '/pricing',
    ),
    tree(
      'not of an event leaf',
      '{ not: { field: PATH, op: IS, value: ["/pricing"] } }',
      (path) => path !== '/pricing',
    ),
    tree(
      'and of a negated visit leaf and a mixed or',
      `{ and: [{ not: { field: COUNTRY, op: IS, value: ["GB"] } },
        { or: [{ field: PATH, op: STARTS_WITH, value: ["/docs"] }, { field: UTM_SOURCE, op: IS, value: ["newsletter"] }] }] }`,
      (path, x) => x.country !== 'GB' && (path.startsWith('/docs') || x.utmSource === 'newsletter'),
    ),
    tree(
      'not of a mixed and',
      '{ not: { and: [{ field: DEVICE, op: IS, value: ["desktop"] }, { field: PATH, op: IS, value: ["/"] }] } }',
      (path, x) => !(x.device === 'desktop' && path === '/'),
    ),
  ];
  const query = (filter: string, fields: string, filters = '[]') =>
    graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filters: ${filters}, filter: ${filter}) { ${fields} } } }`,
    );

  it('summary, sessions, goals and vitals: events for which the tree holds, visits containing one', async () => {
    for (const c of cases) {
      const { data, errors } = await query(
        c.filter,
        `summary { current { pageviews visitors sessions bounceRate } }
        sessions(first: 1000) { id }
        goals { name visitors conversions }
        vitals { metric samples }`,
      );
      expect(errors, c.name).toBeUndefined();
      const kept = visits.flatMap((x) => x.views.filter((v) => c.holds(v, x)));
      const selected = visits.filter((x) => x.views.some((v) => c.holds(v, x)));
      expect(kept.length, c.name).toBeGreaterThan(0);
      const a = data.website.analytics;
      expect(a.summary.current, c.name).toEqual({
        pageviews: kept.length,
        visitors: uniq(selected.map((x) => x.visitor)),
        sessions: selected.length,
        bounceRate: selected.filter((x) => x.views.length === 1).length / selected.length,
      });
      expect(new Set(a.sessions.map((s: { id: string }) => s.id)), c.name).toEqual(
        new Set(selected.map((x) => x.session)),
      );
      // Goals count the selected visits' visitors and those converting in them.
      const docs = selected.filter((x) => x.views.some((v) => v.path.startsWith('/docs')));
      const signedUp = selected.filter((x) => x.signups > 0);
      expect(a.goals, c.name).toEqual([
        {
          name: 'Docs reader',
          visitors: uniq(selected.map((x) => x.visitor)),
          conversions: uniq(docs.map((x) => x.visitor)),
        },
        {
          name: 'Signed up',
          visitors: uniq(selected.map((x) => x.visitor)),
          conversions: uniq(signedUp.map((x) => x.visitor)),
        },
      ]);
      // Vitals are events (one per page view here): those on a page for which the tree holds.
      const samples = visits.flatMap((x) => x.lcp.filter((l) => c.lcpHolds(l.path, x)));
      expect(a.vitals, c.name).toEqual([{ metric: 'LCP', samples: samples.length }]);
    }
  });

  it('combines `filter` with `filters` by AND', async () => {
    const { data, errors } = await query(
      '{ or: [{ field: COUNTRY, op: IS, value: ["SE"] }, { field: PATH, op: IS, value: ["/pricing"] }] }',
      'summary { current { pageviews sessions } }',
      '[{ field: DEVICE, op: IS, value: ["desktop"] }]',
    );
    expect(errors).toBeUndefined();
    const desktop = visits.filter((x) => x.device === 'desktop');
    const kept = desktop.flatMap((x) => x.views.filter((v) => x.country === 'SE' || v.path === '/pricing'));
    const selected = desktop.filter((x) => x.views.some((v) => x.country === 'SE' || v.path === '/pricing'));
    expect(data.website.analytics.summary.current).toEqual({ pageviews: kept.length, sessions: selected.length });
  });

  it('compares case as asked: CONTAINS ignores it by default, IS respects it by default', async () => {
    const pageviews = async (filter: string) => {
      const { data, errors } = await query(filter, 'summary { current { pageviews } }');
      expect(errors, filter).toBeUndefined();
      return data.website.analytics.summary.current.pageviews;
    };
    const pricing = views.filter((v) => v.path === '/pricing').length;
    expect(pricing).toBeGreaterThan(0);
    expect(await pageviews('{ field: PATH, op: CONTAINS, value: ["PRICING"] }')).toBe(pricing);
    expect(await pageviews('{ field: PATH, op: CONTAINS, value: ["PRICING"], caseSensitive: true }')).toBe(0);
    expect(await pageviews('{ field: PATH, op: IS, value: ["/PRICING"] }')).toBe(0);
    expect(await pageviews('{ field: PATH, op: IS, value: ["/PRICING"], caseSensitive: false }')).toBe(pricing);
  });

  it('refuses revenue under a tree with an event leaf, and accepts one of visit leaves', async () => {
    const refused = await query(
      '{ or: [{ field: COUNTRY, op: IS, value: ["SE"] }, { field: PATH, op: IS, value: ["/pricing"] }] }',
      'revenue { revenue }',
    );
    expect(refused.errors?.[0]?.extensions.code).toBe('UNSUPPORTED_FILTER');
    const accepted = await query('{ not: { field: COUNTRY, op: IS, value: ["ZZ"] } }', 'revenue { revenue }');
    expect(accepted.errors).toBeUndefined();
  });

  it.each([
    ['two kinds in one node', '{ not: { field: PATH, op: IS, value: ["/"] }, field: PATH, op: IS, value: ["/"] }'],
    ['an empty node', '{}'],
    ['a leaf without op', '{ field: PATH, value: ["/"] }'],
    ['an empty or', '{ or: [] }'],
    ['depth 6', `{ not: { not: { not: { not: { not: { field: PATH, op: IS, value: ["/"] } } } } } }`],
    ['21 leaves', `{ or: [${Array(21).fill('{ field: PATH, op: IS, value: ["/"] }').join(', ')}] }`],
    ['an overlong value', `{ or: [{ field: PATH, op: IS, value: ["${'a'.repeat(1001)}"] }] }`],
    ['an overlong regex', `{ not: { field: PATH, op: REGEX, value: ["${'a'.repeat(201)}"] } }`],
  ])('refuses %s with BAD_USER_INPUT', async (_, filter) => {
    const { errors } = await query(filter, 'summary { current { pageviews } }');
    expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toBeTruthy();
  });

  it('accepts depth 5 and 20 leaves', async () => {
    const five = '{ not: { not: { not: { not: { field: PATH, op: IS, value: ["/"] } } } } }';
    expect((await query(five, 'summary { current { pageviews } }')).errors).toBeUndefined();
    const twenty = `{ or: [${Array(20).fill('{ field: PATH, op: IS, value: ["/"] }').join(', ')}] }`;
    expect((await query(twenty, 'summary { current { pageviews } }')).errors).toBeUndefined();
  });
});

describe('segments: saved trees applied by id, ANDed with the request’s filters', () => {
  const SE_OR_PRICING =
    '{ or: [{ field: COUNTRY, op: IS, value: ["SE"] }, { field: PATH, op: IS, value: ["/pricing"] }] }';
  const keys: Record<'ana' | 'ben', string> = { ana: '', ben: '' };
  beforeAll(async () => {
    for (const name of ['ana', 'ben'] as const) {
      const user = await t.prisma.user.create({ data: { name, email: `${name}@segments.test` } });
      const { key, ...stored } = generateApiKey();
      await t.prisma.apiKey.create({
        data: { ...stored, name, organizationId: t.organizationId, userId: user.id, scopes: ['ADMIN'] },
      });
      keys[name] = key;
    }
  });
  const create = async (key: string, input: string, websiteId: string | null = t.siteId) => {
    const { data, errors } = await graphql(
      `mutation { createSegment(${websiteId ? `websiteId: "${websiteId}", ` : ''}input: ${input}) {
        __typename ... on Error { code message } ... on MutationCreateSegmentSuccess { data { id name filter visibility owned websiteId } } } }`,
      key,
    );
    expect(errors).toBeUndefined();
    return data.createSegment;
  };
  const summary = (segment: string, key: string, filters = '[]') =>
    graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filters: ${filters}, segment: "${segment}") { summary { current { pageviews sessions } } } } }`,
      key,
    );

  it('a segment’s figures equal the same tree given as `filter`, ANDed with `filters`', async () => {
    const saved = await create(keys.ana, `{ name: "SE or pricing", filter: ${SE_OR_PRICING} }`, null);
    expect(saved.data).toMatchObject({ name: 'SE or pricing', visibility: 'PRIVATE', owned: true, websiteId: null });
    const { data, errors } = await summary(saved.data.id, keys.ana, '[{ field: DEVICE, op: IS, value: ["desktop"] }]');
    expect(errors).toBeUndefined();
    const desktop = visits.filter((x) => x.device === 'desktop');
    const holds = (x: Visit, v: View) => x.country === 'SE' || v.path === '/pricing';
    expect(data.website.analytics.summary.current).toEqual({
      pageviews: desktop.flatMap((x) => x.views.filter((v) => holds(x, v))).length,
      sessions: desktop.filter((x) => x.views.some((v) => holds(x, v))).length,
    });
  });

  it('a private segment is its owner’s only; an organization one is everyone’s', async () => {
    const own = await create(keys.ana, `{ name: "mine", filter: ${SE_OR_PRICING} }`);
    const shared = await create(keys.ana, `{ name: "ours", visibility: ORGANIZATION, filter: ${SE_OR_PRICING} }`);
    const missing = await summary('does-not-exist', keys.ben);
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    const hidden = await summary(own.data.id, keys.ben);
    expect(withoutCost(hidden)).toEqual(withoutCost(missing));
    expect((await graphql(`{ segment(id: "${own.data.id}") { id } }`, keys.ben)).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    const listed = await graphql(`{ segments(websiteId: "${t.siteId}") { id owned } }`, keys.ben);
    expect(listed.data.segments.map((s: { id: string }) => s.id)).toContain(shared.data.id);
    expect(listed.data.segments.map((s: { id: string }) => s.id)).not.toContain(own.data.id);
    expect((await summary(shared.data.id, keys.ben)).errors).toBeUndefined();
    // Another organization's segment, shared with everyone there: exactly like one that does not exist.
    const other = await t.prisma.organization.create({ data: { name: 'other', slug: 'other-segments' } });
    const foreign = await t.prisma.segment.create({
      data: {
        organizationId: other.id,
        ownerId: 'x',
        name: 'victim',
        visibility: 'ORGANIZATION',
        filter: { field: 'COUNTRY', op: 'IS', value: ['SE'] },
      },
    });
    expect(withoutCost(await summary(foreign.id, keys.ben))).toEqual(withoutCost(missing));
    expect(JSON.stringify(await graphql(`{ segment(id: "${foreign.id}") { id name } }`, keys.ben))).not.toContain(
      'victim',
    );
    const refused = await graphql(
      `mutation { deleteSegment(id: "${own.data.id}") { __typename ... on Error { code } } }`,
      keys.ben,
    );
    expect(refused.data.deleteSegment.code).toBe('NOT_FOUND');
  });

  it('validates the saved tree with the analytics parser, and the limits over segment and filters together', async () => {
    const bad = await graphql(
      'mutation { createSegment(input: { name: "bad", filter: { or: [] } }) { __typename ... on Error { code } } }',
      keys.ana,
    );
    expect(bad.errors?.[0]?.extensions.code ?? bad.data?.createSegment.code).toBe('BAD_USER_INPUT');
    const leaves = (n: number) => `{ or: [${Array(n).fill('{ field: PATH, op: IS, value: ["/"] }').join(', ')}] }`;
    const fifteen = await create(keys.ana, `{ name: "fifteen", filter: ${leaves(15)} }`);
    expect(
      (await summary(fifteen.data.id, keys.ana, `[${Array(5).fill('{ field: PATH, op: IS, value: ["/"] }')}]`)).errors,
    ).toBeUndefined();
    const over = await summary(
      fifteen.data.id,
      keys.ana,
      `[${Array(6).fill('{ field: PATH, op: IS, value: ["/"] }')}]`,
    );
    expect(over.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('behavioural filters (hasDone / hasNotDone) equal an independent computation', () => {
  const summary = (filter: string) =>
    graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filter: ${filter}) {
        summary { current { pageviews visitors sessions } } sessions(first: 1000) { id } } } }`,
    );
  const expectVisits = async (filter: string, holds: (x: Visit, v: View) => boolean) => {
    const { data, errors } = await summary(filter);
    expect(errors, filter).toBeUndefined();
    const selected = visits.filter((x) => x.views.some((v) => holds(x, v)));
    expect(selected.length, filter).toBeGreaterThan(0);
    expect(selected.length, filter).toBeLessThan(visits.length);
    expect(data.website.analytics.summary.current, filter).toEqual({
      pageviews: visits.flatMap((x) => x.views.filter((v) => holds(x, v))).length,
      visitors: uniq(selected.map((x) => x.visitor)),
      sessions: selected.length,
    });
    expect(new Set(data.website.analytics.sessions.map((s: { id: string }) => s.id)), filter).toEqual(
      new Set(selected.map((x) => x.session)),
    );
  };
  const goalId = async (name: string) => (await t.prisma.goal.findFirstOrThrow({ where: { name } })).id;
  const signedUpVisitors = () => new Set(visits.filter((x) => x.signups > 0).map((x) => x.visitor));

  it('visits that did / did not do a custom event', async () => {
    await expectVisits('{ hasDone: { event: "signup" } }', (x) => x.signups > 0);
    await expectVisits('{ hasNotDone: { event: "signup" } }', (x) => x.signups === 0);
  });

  it('visits of visitors that did / did not do it in any visit of the range', async () => {
    const signed = signedUpVisitors();
    await expectVisits('{ hasDone: { event: "signup", per: VISITOR } }', (x) => signed.has(x.visitor));
    await expectVisits('{ hasNotDone: { event: "signup", per: VISITOR } }', (x) => !signed.has(x.visitor));
  });

  it('visits that reached / did not reach a goal', async () => {
    const docs = await goalId('Docs reader');
    const reached = (x: Visit) => x.views.some((v) => v.path.startsWith('/docs'));
    await expectVisits(`{ hasDone: { goalId: "${docs}" } }`, reached);
    await expectVisits(`{ hasNotDone: { goalId: "${docs}" } }`, (x) => !reached(x));
    const signup = await goalId('Signed up');
    await expectVisits(`{ hasDone: { goalId: "${signup}" } }`, (x) => x.signups > 0);
  });

  it('combine with dimensions under the tree rule', async () => {
    // A behavioural leaf is a visit attribute: OR with an event leaf counts the views of visits that
    // signed up, plus the /pricing views of the others.
    await expectVisits(
      '{ or: [{ hasDone: { event: "signup" } }, { field: PATH, op: IS, value: ["/pricing"] }] }',
      (x, v) => x.signups > 0 || v.path === '/pricing',
    );
    await expectVisits(
      '{ and: [{ hasNotDone: { event: "signup" } }, { not: { field: COUNTRY, op: IS, value: ["GB"] } }] }',
      (x) => x.signups === 0 && x.country !== 'GB',
    );
  });

  it('apply to revenue (attributed visits), which refuses event dimensions only', async () => {
    const { errors } = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filter: { hasNotDone: { event: "signup" } }) { revenue { revenue } } } }`,
    );
    expect(errors).toBeUndefined();
  });

  it.each([
    ['an unknown goal', '{ hasDone: { goalId: "does-not-exist" } }'],
    ['both event and goal', '{ hasDone: { event: "signup", goalId: "x" } }'],
    ['neither', '{ hasDone: { per: VISIT } }'],
    ['a behaviour beside a leaf', '{ hasDone: { event: "signup" }, field: PATH, op: IS, value: ["/"] }'],
    ['an overlong event name', `{ hasDone: { event: "${'e'.repeat(1001)}" } }`],
  ])('refuses %s with BAD_USER_INPUT', async (_, filter) => {
    const { errors } = await summary(filter);
    expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
