import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { generateApiKey } from '../../prisma/api-keys.ts';
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

const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 3 * 86_400_000;
const range = { from: new Date(dayStart).toISOString(), to: new Date(dayStart + 3 * 86_400_000).toISOString() };

let t: TestIngest;
let graphql: ReturnType<typeof graphqlOver>;
let readKey: string;
const views: View[] = [];
const lcp: number[] = [];
const errorsByMessage = new Map<string, { count: number; visitors: Set<string> }>();
const signups = new Map<string, Set<string>>();

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
      const pages = 1 + Math.floor(random() * 4);
      const events: Record<string, unknown>[] = [];
      for (let p = 0; p < pages; p++) {
        const path = pick(PAGES);
        const at = start + p * 60_000;
        const url = `https://example.com${path}${p === 0 && source ? `?utm_source=${source}` : ''}`;
        const base = { eventId: randomUUID(), anonymousId: visitor, sessionId: session, url, timestamp: at };
        events.push({ ...base, type: 'screen_view' });
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
        if (random() < 0.15) {
          const message = pick(['TypeError: a is undefined', 'Error: boom']);
          events.push({ ...base, eventId: randomUUID(), type: 'error', message, errorType: message.split(':')[0] });
          const group = errorsByMessage.get(message) ?? { count: 0, visitors: new Set() };
          group.count++;
          group.visitors.add(visitor);
          errorsByMessage.set(message, group);
        }
        if (random() < 0.1) {
          events.push({ ...base, eventId: randomUUID(), type: 'custom', name: 'signup' });
          signups.set('signup', (signups.get('signup') ?? new Set()).add(visitor));
        }
      }
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
  }
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
    const expected = (key: (v: View) => string) => {
      const groups = new Map<string, View[]>();
      for (const v of views) groups.set(key(v), [...(groups.get(key(v)) ?? []), v]);
      const sessionViews = new Map<string, number>();
      for (const v of views) sessionViews.set(v.session, (sessionViews.get(v.session) ?? 0) + 1);
      return new Map(
        [...groups].map(([value, list]) => {
          const sessions = new Set(list.map((v) => v.session));
          const bounced = [...sessions].filter((s) => sessionViews.get(s) === 1).length;
          const counts = {
            visitors: uniq(list.map((v) => v.visitor)),
            pageviews: list.length,
            bounceRate: bounced / sessions.size,
          };
          return [value, counts];
        }),
      );
    };
    const check = (rows: { value: string; visitors?: number; pageviews?: number }[], key: (v: View) => string) => {
      const want = expected(key);
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
    check(data.website.analytics.pages, (v) => v.path);
    check(data.website.analytics.countries, (v) => v.country);
    check(data.website.analytics.devices, (v) => v.device);
    check(data.website.analytics.sources, (v) => v.source ?? '');
  });

  it('filtered summary and daily timeseries', async () => {
    const filter = '[{ field: country, op: IS, value: ["GB"] }]';
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
    expect(a.customEvents).toEqual(
      signedUp.size ? [{ name: 'signup', occurrences: expect.any(Number), visitors: signedUp.size }] : [],
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
      analytics('summary { current { pageviews } }', `[{ field: path, op: REGEX, value: ["${'a'.repeat(300)}"] }]`),
    );
    expect(regex.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    const hostile = await graphql(
      analytics('summary { current { pageviews } }', `[{ field: path, op: IS, value: ["/' OR 1=1 --"] }]`),
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
    // One query for the range and one for the previous period, for all 50 websites.
    expect(queries).toBe(2);
  });
});
