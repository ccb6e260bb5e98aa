import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { generateApiKey } from '../../prisma/api-keys.ts';
import { createLogger } from '../../runtime/log.ts';
import { createApi } from '../server.ts';
import { GROUP_LIMITS } from './groups.ts';
import { type GraphQLBody, graphqlOver } from './test-support.ts';

/**
 * Typed groups, exact: seeded traffic goes through the real ingest, groups come back through
 * GraphQL, and each is checked against a plain TypeScript computation over the same events.
 */

let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

const PAGES = ['/', '/pricing', '/docs', '/blog'];
const PLANS = ['free', 'pro'];
const TIERS = ['a', 'b', 'c'];
const PEOPLE = [
  { ip: GEO.london, ua: CHROME_DESKTOP, country: 'GB', device: 'desktop' },
  { ip: GEO.linkoping, ua: IPHONE_SAFARI, country: 'SE', device: 'mobile' },
  { ip: GEO.tokyoV6, ua: CHROME_DESKTOP, country: 'JP', device: 'desktop' },
  { ip: GEO.london, ua: IPHONE_SAFARI, country: 'GB', device: 'mobile' },
];

interface View {
  path: string;
  at: number;
  day: number;
  timeOnPage: number;
}
interface Visit {
  session: string;
  visitor: string;
  country: string;
  device: string;
  day: number;
  views: View[];
  /** Every event time of the visit, for its duration. */
  times: number[];
  upgrades: { plan: string; tier: string }[];
}

const DAY = 86_400_000;
const dayStart = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const range = { from: new Date(dayStart).toISOString(), to: new Date(dayStart + 3 * DAY).toISOString() };
const visits: Visit[] = [];
let t: TestIngest;
let graphql: (query: string) => Promise<GraphQLBody>;
let readKey: string;

beforeAll(async () => {
  t = await startTestIngest();
  const query = graphqlOver(t);
  const { key, ...stored } = generateApiKey();
  await t.prisma.apiKey.create({
    data: { ...stored, name: 'reader', organizationId: t.organizationId, scopes: ['READ_ANALYTICS'] },
  });
  readKey = key;
  graphql = (text) => query(text, key);
  for (let v = 0; v < 30; v++) {
    const visitor = `visitor-${v}`;
    const person = pick(PEOPLE);
    for (let s = 0; s < 1 + Math.floor(random() * 2); s++) {
      const day = Math.floor(random() * 3);
      const start = dayStart + day * DAY + Math.floor(random() * 20) * 3_600_000;
      const visit: Visit = {
        session: `${visitor}-s${s}`,
        visitor,
        country: person.country,
        device: person.device,
        day,
        views: [],
        times: [],
        upgrades: [],
      };
      visits.push(visit);
      const events: Record<string, unknown>[] = [];
      for (let p = 0; p < 1 + Math.floor(random() * 4); p++) {
        const path = pick(PAGES);
        const at = start + p * 60_000;
        const timeOnPage = 5 + Math.floor(random() * 40);
        const base = { anonymousId: visitor, sessionId: visit.session, url: `https://example.com${path}` };
        events.push({ ...base, eventId: randomUUID(), type: 'screen_view', timestamp: at });
        events.push({
          ...base,
          eventId: randomUUID(),
          type: 'page_exit',
          timestamp: at + 30_000,
          timeOnPage,
          scrollDepth: 50,
          interactionCount: 1,
          pageCount: p + 1,
        });
        visit.views.push({ path, at, day, timeOnPage });
        visit.times.push(at, at + 30_000);
        if (random() < 0.3) {
          const upgrade = { plan: pick(PLANS), tier: pick(TIERS) };
          events.push({
            ...base,
            eventId: randomUUID(),
            type: 'custom',
            name: 'upgrade',
            timestamp: at + 10_000,
            properties: upgrade,
          });
          visit.upgrades.push(upgrade);
          visit.times.push(at + 10_000);
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
  await t.ingest.context.writer.flush();
});
afterAll(() => t.close());

const groups = (selection: string, args = '', filters = '[]') =>
  graphql(
    `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filters: ${filters}) {
      groups${args ? `(${args})` : ''} { ${selection} } } } }`,
  );
const rowsOf = (body: GraphQLBody) => {
  expect(body.errors).toBeUndefined();
  return body.data.website.analytics.groups as {
    dimensions: Record<string, string>;
    metrics: Record<string, number>;
  }[];
};

const uniq = <T>(items: T[]) => new Set(items).size;
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
const groupBy = <T>(items: T[], key: (item: T) => string) => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};
/** Figures of a set of visits, as visit rows give them. */
const visitFigures = (list: Visit[]) => ({
  visitors: uniq(list.map((x) => x.visitor)),
  visits: list.length,
  pageviews: list.reduce((n, x) => n + x.views.length, 0),
  bounceRate: list.filter((x) => x.views.length === 1).length / list.length,
  visitDuration: mean(list.map((x) => (Math.max(...x.times) - Math.min(...x.times)) / 1000)),
  viewsPerVisit: list.reduce((n, x) => n + x.views.length, 0) / list.length,
});
const byKey = <R extends { dimensions: Record<string, string> }>(rows: R[], ...fields: string[]) =>
  new Map(rows.map((r) => [fields.map((f) => r.dimensions[f]).join('|'), r]));
const dayIso = (day: number) => new Date(dayStart + day * DAY).toISOString();

describe('groups through ingest and GraphQL equal an independent computation', () => {
  it('country × device with visit metrics and page views (visit rows)', async () => {
    const rows = rowsOf(
      await groups(
        'dimensions { country device } metrics { visitors visits pageviews bounceRate visitDuration viewsPerVisit }',
      ),
    );
    const want = groupBy(visits, (x) => `${x.country}|${x.device}`);
    expect(rows).toHaveLength(want.size);
    const got = byKey(rows, 'country', 'device');
    for (const [k, list] of want) {
      const metrics = got.get(k)?.metrics as Record<string, number>;
      const expected = visitFigures(list);
      expect(metrics, k).toEqual({ ...expected, visitDuration: expect.closeTo(expected.visitDuration as number, 6) });
    }
  });

  it('time as the only dimension: every day, visits by their start, page views by their own day', async () => {
    const rows = rowsOf(await groups('dimensions { day } metrics { visits pageviews }'));
    expect(rows.map((r) => r.dimensions.day)).toEqual([0, 1, 2].map(dayIso));
    for (const [day, row] of rows.entries()) {
      expect(row.metrics).toEqual({
        visits: visits.filter((x) => x.day === day).length,
        pageviews: visits.flatMap((x) => x.views).filter((v) => v.day === day).length,
      });
    }
    // Empty buckets are answered too: hours of the range with nothing in them are zeros.
    const hours = rowsOf(await groups('dimensions { hour } metrics { visits }', 'limit: 1000'));
    expect(hours).toHaveLength(72);
    expect(hours.reduce((n, r) => n + (r.metrics.visits ?? 0), 0)).toBe(visits.length);
  });

  it('time × country, both scopes joined on the keys', async () => {
    const rows = rowsOf(await groups('dimensions { day country } metrics { visitors pageviews timeOnPage }'));
    const keys = new Set<string>();
    for (const x of visits) {
      keys.add(`${dayIso(x.day)}|${x.country}`);
      for (const v of x.views) keys.add(`${dayIso(v.day)}|${x.country}`);
    }
    expect(rows).toHaveLength(keys.size);
    for (const row of rows) {
      const { day, country } = row.dimensions;
      const started = visits.filter((x) => dayIso(x.day) === day && x.country === country);
      const viewed = visits
        .filter((x) => x.country === country)
        .flatMap((x) => x.views)
        .filter((v) => dayIso(v.day) === day);
      expect(row.metrics).toEqual({
        visitors: uniq(started.map((x) => x.visitor)),
        pageviews: viewed.length,
        timeOnPage: expect.closeTo(mean(viewed.map((v) => v.timeOnPage)) as number, 6),
      });
    }
    // Ordered by time first, by default.
    const days = rows.map((r) => r.dimensions.day);
    expect(days).toEqual([...days].sort());
  });

  it('path × country: event groups with their visits’ attributes, bounce rate of the visits entering on the page', async () => {
    const rows = rowsOf(
      await groups(
        'dimensions { path country } metrics { visitors visits pageviews bounceRate timeOnPage }',
        'limit: 1000',
      ),
    );
    const views = visits.flatMap((x) => x.views.map((v) => ({ ...v, visit: x })));
    const want = groupBy(views, (v) => `${v.path}|${v.visit.country}`);
    expect(rows).toHaveLength(want.size);
    const got = byKey(rows, 'path', 'country');
    for (const [k, list] of want) {
      const [path, country] = k.split('|');
      const entering = visits.filter((x) => x.views[0]?.path === path && x.country === country);
      expect(got.get(k)?.metrics, k).toEqual({
        visitors: uniq(list.map((v) => v.visit.visitor)),
        visits: uniq(list.map((v) => v.visit.session)),
        pageviews: list.length,
        bounceRate: entering.length ? entering.filter((x) => x.views.length === 1).length / entering.length : null,
        timeOnPage: expect.closeTo(mean(list.map((v) => v.timeOnPage)) as number, 6),
      });
    }
  });

  it('property keys by aliases (and a visit dimension beside them)', async () => {
    const rows = rowsOf(
      await groups(
        'dimensions { plan: property(key: "plan") tier: property(key: "tier") device } metrics { visitors visits }',
      ),
    );
    const upgrades = visits.flatMap((x) => x.upgrades.map((u) => ({ ...u, visit: x })));
    const want = groupBy(upgrades, (u) => `${u.plan}|${u.tier}|${u.visit.device}`);
    expect(upgrades.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(want.size);
    const got = byKey(rows, 'plan', 'tier', 'device');
    for (const [k, list] of want) {
      expect(got.get(k)?.metrics, k).toEqual({
        visitors: uniq(list.map((u) => u.visit.visitor)),
        visits: uniq(list.map((u) => u.visit.session)),
      });
    }
  });

  it('filters apply as in the families (a visit filter selects whole visits)', async () => {
    const rows = rowsOf(
      await groups('dimensions { path } metrics { pageviews }', '', '[{ field: DEVICE, op: IS, value: ["mobile"] }]'),
    );
    const want = groupBy(
      visits.filter((x) => x.device === 'mobile').flatMap((x) => x.views),
      (v) => v.path,
    );
    expect(new Map(rows.map((r) => [r.dimensions.path, r.metrics.pageviews]))).toEqual(
      new Map([...want].map(([path, list]) => [path, list.length])),
    );
  });

  it('no dimension: one group of totals', async () => {
    const rows = rowsOf(await groups('metrics { visitors visits pageviews }'));
    const { visitors, visits: count, pageviews } = visitFigures(visits);
    expect(rows).toEqual([{ metrics: { visitors, visits: count, pageviews } }]);
  });

  it('orderBy and limit/offset', async () => {
    const rows = rowsOf(
      await groups(
        'dimensions { country device } metrics { visits }',
        'orderBy: [visits_DESC, country_ASC], limit: 2, offset: 1',
      ),
    );
    const all = [...groupBy(visits, (x) => `${x.country}|${x.device}`)]
      .map(([k, list]) => {
        const [country, device] = k.split('|');
        return { dimensions: { country, device }, metrics: { visits: list.length } };
      })
      .sort(
        (a, b) =>
          b.metrics.visits - a.metrics.visits ||
          (a.dimensions.country as string).localeCompare(b.dimensions.country as string) ||
          (a.dimensions.device as string).localeCompare(b.dimensions.device as string),
      );
    expect(rows).toEqual(all.slice(1, 3));
    // property_* orders by the selected keys in selection order.
    const byProperty = rowsOf(
      await groups(
        'dimensions { tier: property(key: "tier") plan: property(key: "plan") } metrics { visits }',
        'orderBy: [property_DESC]',
      ),
    );
    const pairs = byProperty.map((r) => `${r.dimensions.tier}|${r.dimensions.plan}`);
    expect(pairs.length).toBeGreaterThan(1);
    expect(pairs).toEqual([...pairs].sort().reverse());
    // A metric not selected can still order; time only: ordered after filling.
    const byViews = rowsOf(await groups('dimensions { day } metrics { visits }', 'orderBy: [pageviews_ASC], limit: 1'));
    const perDay = [0, 1, 2].map((d) => visits.flatMap((x) => x.views).filter((v) => v.day === d).length);
    expect(byViews[0]?.dimensions.day).toBe(dayIso(perDay.indexOf(Math.min(...perDay))));
  });

  it('refuses a metric with no meaning for a dimension, naming both (UNSUPPORTED_GROUPING)', async () => {
    for (const [selection, metric, dimension] of [
      ['dimensions { plan: property(key: "plan") } metrics { bounceRate }', 'bounceRate', 'property'],
      ['dimensions { path country } metrics { visits visitDuration }', 'visitDuration', 'path'],
      ['dimensions { outgoingLink } metrics { viewsPerVisit }', 'viewsPerVisit', 'outgoingLink'],
    ] as const) {
      const { data, errors } = await groups(selection);
      expect(data?.website?.analytics ?? null, selection).toBeNull();
      expect(errors?.[0]?.extensions, selection).toMatchObject({ code: 'UNSUPPORTED_GROUPING', metric, dimension });
      expect(errors?.[0]?.message).toContain(metric);
    }
  });

  it('refuses hostile inputs with BAD_USER_INPUT: too many dimensions, property key sizes, bounds, unselected order', async () => {
    const five = 'dimensions { country device browser os day } metrics { visits }';
    expect((await groups(five)).errors).toBeUndefined();
    for (const [selection, args, path] of [
      ['dimensions { country device browser os day hour } metrics { visits }', '', 'dimensions'],
      [
        'dimensions { a: property(key: "a") b: property(key: "b") c: property(key: "c") d: property(key: "d") e: property(key: "e") f: property(key: "f") } metrics { visits }',
        '',
        'dimensions',
      ],
      ['dimensions { property(key: "") } metrics { visits }', '', 'dimensions'],
      [
        `dimensions { property(key: "${'k'.repeat(GROUP_LIMITS.propertyKeyLength + 1)}") } metrics { visits }`,
        '',
        'dimensions',
      ],
      ['dimensions { country } metrics { visits }', 'orderBy: [device_ASC]', 'orderBy'],
      ['dimensions { country } metrics { visits }', 'limit: 1001', 'limit'],
      ['dimensions { country } metrics { visits }', 'offset: -1', 'offset'],
    ] as const) {
      const { data, errors } = await groups(selection, args);
      expect(data?.website?.analytics ?? null, selection).toBeNull();
      expect(errors?.[0]?.extensions, `${selection} ${args}`).toMatchObject({ code: 'BAD_USER_INPUT' });
      const { issues } = (errors?.[0]?.extensions ?? {}) as unknown as { issues?: { path: string[] }[] };
      expect(issues?.[0]?.path, `${selection} ${args}`).toEqual([path]);
    }
    // A property key of the longest size is fine (and finds nothing).
    const long = await groups(`dimensions { property(key: "${'k'.repeat(128)}") } metrics { visits }`);
    expect(rowsOf(long)).toEqual([]);
  });

  it('a public dashboard groups by visit dimensions but not by properties (owners only)', async () => {
    await t.prisma.website.update({ where: { id: t.siteId }, data: { isPublic: true } });
    try {
      const anonymous = (selection: string) =>
        graphqlOver(t)(
          `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }) { groups { ${selection} } } } }`,
          null,
        );
      expect((await anonymous('dimensions { country } metrics { visits }')).errors).toBeUndefined();
      const refused = await anonymous('dimensions { property(key: "plan") } metrics { visits }');
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await t.prisma.website.update({ where: { id: t.siteId }, data: { isPublic: false } });
    }
  });

  it('the client operations run, with a property key from a variable and @skip honoured', async () => {
    const api = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'));
    const post = async (query: string, variables: Record<string, unknown>, operationName?: string) =>
      (
        await api.fetch('http://api.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${readKey}` },
          body: JSON.stringify({ query, variables, operationName }),
        })
      ).json() as Promise<GraphQLBody>;
    const document = readFileSync(new URL('../../client/operations/groups.graphql', import.meta.url), 'utf8');
    const variables = { id: t.siteId, range, key: 'plan' };
    const { data, errors } = await post(document, variables, 'GroupsDailyPagesAndPlans');
    expect(errors).toBeUndefined();
    const plans = new Map<string, number>();
    for (const x of visits) for (const u of x.upgrades) plans.set(u.plan, 0);
    expect(
      new Set(data.website.analytics.plans.map((r: { dimensions: { plan: string } }) => r.dimensions.plan)),
    ).toEqual(new Set(plans.keys()));
    expect((await post(document, variables, 'GroupsCountryDevice')).errors).toBeUndefined();
    // A skipped dimension is not a group key: grouped by country alone.
    const skipped = await post(
      `query ($id: ID!, $range: DateRangeInput!, $skip: Boolean!) { website(id: $id) { analytics(range: $range) {
        groups { dimensions { country device @skip(if: $skip) } metrics { visits } } } } }`,
      { id: t.siteId, range, skip: true },
    );
    expect(skipped.errors).toBeUndefined();
    expect(skipped.data.website.analytics.groups).toHaveLength(uniq(visits.map((x) => x.country)));
  });

  it('the README examples run', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf('### Groups');
    const section = readme.slice(start, readme.indexOf('\n### ', start + 1));
    const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(examples).toHaveLength(2);
    const answers = await Promise.all(examples.map((example) => graphql(example.replace('"…"', `"${t.siteId}"`))));
    for (const { errors } of answers) expect(errors).toBeUndefined();
    expect(answers[0]?.data.website.analytics.daily.length).toBeGreaterThanOrEqual(30);
    // The comparison example: every day of the last 7 faces a day of the 7 before.
    const daily = answers[1]?.data.website.analytics.daily as { comparison: { visitors: number } | null }[];
    expect(daily).toHaveLength(7);
    for (const day of daily) expect(day.comparison).not.toBeNull();
  });
});
