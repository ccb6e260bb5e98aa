import type { Server } from 'node:http';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { Lexer, parse, Source, TokenKind } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from '../clickhouse/client.ts';
import { runQuery } from '../clickhouse/query.ts';
import { sql } from '../clickhouse/sql.ts';
import { eventRow } from '../clickhouse/test-support.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { LIMITS as FILTER_LIMITS } from './analytics/filters.ts';
import { GROUP_LIMITS } from './analytics/groups.ts';
import { MAX_RANGE_DAYS } from './analytics/range.ts';
import { MAX_BUCKETS } from './analytics/time.ts';
import { QUERY_LIMITS } from './builder.ts';
import { schema } from './executable-schema.ts';
import { MAX_EXPORT_ROWS } from './export/tables.ts';
import { DOCUMENT_LIMITS, MAX_REQUEST_BYTES } from './request-limits.ts';
import { MAX_CSV_BYTES } from './schema/export.ts';
import { createApiServer } from './server.ts';
import { createTenant, type GraphQLResponse, startTestApi, type Tenant, type TestApi } from './test-support.ts';

const LIMITS = `{ limits {
  range { maxDays maxBuckets }
  datasets { table ttl retentionDays maxRangeDays }
  pages { field sizeArgument maxSize offsetArgument maxOffset }
  filters { leaves depth values valueLength regexLength }
  groups { dimensions propertyKeyLength }
  export { csvBytes fileRows }
  request { bodyBytes tokens nesting selections aliases introspection responseBytes complexity depth breadth }
  budget { limit remaining restoreRate resetSeconds }
} }`;

const code = (response: GraphQLResponse) => response.body.errors?.[0]?.extensions?.code;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// biome-ignore lint/suspicious/noExplicitAny: the answer is walked as JSON.
type Json = any;

describe.each(postgresTargets)('the limits query on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  let limits: Json;
  beforeAll(async () => {
    t = await startTestApi(target, { migrateClickHouse: true });
    tenant = await createTenant(t.prisma, 'limits');
    const response = await t.graphql(LIMITS, { key: tenant.adminKey });
    expect(response.body.errors).toBeUndefined();
    limits = response.body.data?.limits;
  });
  afterAll(() => t?.close());

  /** An analytics field of the tenant's website, as its admin key asks for it. */
  const analytics = (args: string, selection: string, variables?: Record<string, unknown>, vars = '') =>
    t.graphql(`query($id: ID!${vars}) { website(id: $id) { analytics(${args}) { ${selection} } } }`, {
      key: tenant.adminKey,
      variables: { id: tenant.websiteId, ...variables },
    });
  const LAST_30 = 'range: { preset: LAST_30_DAYS }';

  it('answers the values the code enforces, and the caller’s budget as extensions.cost says', async () => {
    expect(limits.range).toEqual({ maxDays: MAX_RANGE_DAYS, maxBuckets: MAX_BUCKETS });
    expect(limits.filters).toEqual({
      leaves: FILTER_LIMITS.filters,
      depth: FILTER_LIMITS.depth,
      values: FILTER_LIMITS.values,
      valueLength: FILTER_LIMITS.valueLength,
      regexLength: FILTER_LIMITS.regexLength,
    });
    expect(limits.groups).toEqual({
      dimensions: GROUP_LIMITS.dimensions,
      propertyKeyLength: GROUP_LIMITS.propertyKeyLength,
    });
    expect(limits.export).toEqual({ csvBytes: MAX_CSV_BYTES, fileRows: MAX_EXPORT_ROWS });
    expect(limits.request).toEqual({ bodyBytes: MAX_REQUEST_BYTES, ...DOCUMENT_LIMITS, ...QUERY_LIMITS });
    const datasets = Object.fromEntries(limits.datasets.map((d: Json) => [d.table, d]));
    expect(datasets['analytics.events']).toEqual({
      table: 'analytics.events',
      ttl: 'toDateTime(time) + toIntervalYear(1)',
      retentionDays: 365,
      maxRangeDays: MAX_RANGE_DAYS,
    });
    expect(datasets['analytics.daily_pageviews']).toMatchObject({ retentionDays: 730 });
    expect(datasets['analytics.revenue']).toMatchObject({ ttl: null, retentionDays: null });
    expect(datasets['uptime.checks']).toMatchObject({ retentionDays: 365 });
    expect(datasets['analytics.schema_migrations']).toBeUndefined();
    expect(limits.pages.map((p: Json) => p.field)).toContain('WebsiteAnalytics.groups');

    const again = await t.graphql('{ limits { budget { limit remaining restoreRate resetSeconds } } }', {
      key: tenant.adminKey,
    });
    const cost = again.body.extensions?.cost;
    expect(again.body.data?.limits.budget).toEqual({
      limit: cost.limit,
      remaining: cost.remaining,
      restoreRate: cost.restoreRate,
      resetSeconds: cost.resetSeconds,
    });
  });

  it('needs a caller (UNAUTHENTICATED anonymously, nothing read) and charges it the points of its fields', async () => {
    const anonymous = await t.graphql('{ limits { datasets { table } } }');
    expect(code(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.body.data).toBeNull();
    // limits 1 + datasets 1 + its list of 10 × table 1: 12 points, as any other field costs.
    const query = '{ limits { datasets { table } } }';
    const measured = complexityFromQuery(parse(query), { schema, ctx: {} }).complexity;
    expect(measured).toBe(12);
    const first = await t.graphql(query, { key: tenant.adminKey });
    const second = await t.graphql(query, { key: tenant.adminKey });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.extensions?.cost).toMatchObject({ requested: 12, actual: 12 });
    expect(second.body.extensions?.cost.remaining).toBe(first.body.extensions?.cost.remaining - 12);
  });

  it('range: maxDays days are answered, one more is BAD_USER_INPUT', async () => {
    const { maxDays } = limits.range;
    const to = Date.now() - 2 * DAY;
    const ask = (days: number) =>
      analytics(
        'range: $range',
        'range { from }',
        { range: { from: isoDay(to - (days - 1) * DAY), to: isoDay(to) } },
        ', $range: DateRangeInput!',
      );
    expect((await ask(maxDays)).body.errors).toBeUndefined();
    expect(code(await ask(maxDays + 1))).toBe('BAD_USER_INPUT');
  });

  it('range: maxBuckets buckets are answered, one more is BAD_USER_INPUT', async () => {
    const { maxBuckets } = limits.range;
    const to = Math.floor(Date.now() / 60_000) * 60_000;
    const ask = (minutes: number) =>
      analytics(
        'range: $range',
        'timeseries(interval: MINUTE) { time }',
        { range: { from: new Date(to - minutes * 60_000).toISOString(), to: new Date(to).toISOString() } },
        ', $range: DateRangeInput!',
      );
    const within = await ask(maxBuckets);
    expect(within.body.errors).toBeUndefined();
    expect(within.body.data?.website.analytics.timeseries).toHaveLength(maxBuckets);
    expect(code(await ask(maxBuckets + 1))).toBe('BAD_USER_INPUT');
  });

  // What each paged field needs besides its page arguments.
  const PAGED: Record<string, { args?: string; selection?: string }> = {
    'WebsiteAnalytics.breakdown': { args: 'dimension: PATH', selection: '{ value }' },
    'WebsiteAnalytics.groups': { selection: '{ metrics { visitors } }' },
    'WebsiteAnalytics.csv': { args: 'table: PAGES', selection: '' },
  };

  it('pages: each list field takes maxSize and maxOffset, and refuses one more with BAD_USER_INPUT', async () => {
    expect(limits.pages.length).toBeGreaterThanOrEqual(10);
    for (const page of limits.pages as Json[]) {
      const name = page.field.replace('WebsiteAnalytics.', '');
      const { args, selection = '{ __typename }' } = PAGED[page.field] ?? {};
      const ask = (argument: string, value: number) =>
        analytics(LAST_30, `${name}(${[args, `${argument}: ${value}`].filter(Boolean).join(', ')}) ${selection}`);
      const within = await ask(page.sizeArgument, page.maxSize);
      expect(within.body.errors, page.field).toBeUndefined();
      const over = await ask(page.sizeArgument, page.maxSize + 1);
      expect(code(over), page.field).toBe('BAD_USER_INPUT');
      expect(over.body.errors?.[0]?.extensions?.issues?.[0]?.path, page.field).toContain(page.sizeArgument);
      if (page.offsetArgument) {
        expect((await ask(page.offsetArgument, page.maxOffset)).body.errors, page.field).toBeUndefined();
        expect(code(await ask(page.offsetArgument, page.maxOffset + 1)), page.field).toBe('BAD_USER_INPUT');
      }
    }
  });

  it('filters: each bound is taken, one more is BAD_USER_INPUT', async () => {
    const { leaves, depth, values, valueLength, regexLength } = limits.filters;
    const ask = (filter: unknown) =>
      analytics(
        'range: { preset: LAST_7_DAYS }, filter: $filter',
        'summary { current { visitors } }',
        { filter },
        ', $filter: AnalyticsFilterTreeInput',
      );
    const leaf = (value: string[] = ['/a'], op = 'IS') => ({ field: 'PATH', op, value });
    const nested = (levels: number) => {
      let tree: unknown = leaf();
      for (let i = 1; i < levels; i++) tree = { not: tree };
      return tree;
    };
    const cases: [string, (n: number) => unknown, number][] = [
      ['leaves', (n) => ({ and: Array.from({ length: n }, () => leaf()) }), leaves],
      ['depth', nested, depth],
      [
        'values',
        (n) =>
          leaf(
            Array.from({ length: n }, (_, i) => `/${i}`),
            'IN',
          ),
        values,
      ],
      ['valueLength', (n) => leaf([`/${'a'.repeat(n - 1)}`]), valueLength],
      ['regexLength', (n) => leaf(['a'.repeat(n)], 'REGEX'), regexLength],
    ];
    for (const [name, make, bound] of cases) {
      expect((await ask(make(bound))).body.errors, name).toBeUndefined();
      expect(code(await ask(make(bound + 1))), name).toBe('BAD_USER_INPUT');
    }
  });

  it('groups: dimensions and property key length are taken, one more is BAD_USER_INPUT', async () => {
    const { dimensions, propertyKeyLength } = limits.groups;
    const ask = (keys: string[]) =>
      analytics(
        LAST_30,
        `groups { dimensions { ${keys.map((key, i) => `p${i}: property(key: "${key}")`).join(' ')} } metrics { visitors } }`,
      );
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
    expect((await ask(keys(dimensions))).body.errors).toBeUndefined();
    expect(code(await ask(keys(dimensions + 1)))).toBe('BAD_USER_INPUT');
    expect((await ask(['k'.repeat(propertyKeyLength)])).body.errors).toBeUndefined();
    expect(code(await ask(['k'.repeat(propertyKeyLength + 1)]))).toBe('BAD_USER_INPUT');
  });

  it('request: tokens, nesting, selections, aliases and introspection are taken, one more is QUERY_TOO_COMPLEX', async () => {
    const { tokens, nesting, selections, aliases, introspection } = limits.request;
    const tokenCount = (text: string) => {
      const lexer = new Lexer(new Source(text));
      let n = 0;
      while (lexer.advance().kind !== TokenKind.EOF) n++;
      return n;
    };
    // An unused variable's default list: one token per element (validation refuses the unused variable).
    const withTokens = (n: number) => {
      const base = tokenCount('query Q($v: [Int] = []) { version }');
      return `query Q($v: [Int] = [${' 1'.repeat(n - base)}]) { version }`;
    };
    // ( and k brackets inside the variable's default.
    const withNesting = (n: number) => `query Q($v: Int = ${'['.repeat(n - 1)}1${']'.repeat(n - 1)}) { version }`;
    const cases: [string, (n: number) => string, number][] = [
      ['tokens', withTokens, tokens],
      ['nesting', withNesting, nesting],
      ['selections', (n) => `{ ${'__typename '.repeat(n)}}`, selections],
      ['aliases', (n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: version`).join(' ')} }`, aliases],
      [
        'introspection',
        (n) => `{ ${Array.from({ length: n }, (_, i) => `t${i}: __type(name: "Query") { name }`).join(' ')} }`,
        introspection,
      ],
    ];
    for (const [name, make, bound] of cases) {
      if (name === 'tokens') expect(tokenCount(make(bound))).toBe(bound);
      expect(code(await t.graphql(make(bound), { key: tenant.adminKey })), name).not.toBe('QUERY_TOO_COMPLEX');
      expect(code(await t.graphql(make(bound + 1), { key: tenant.adminKey })), name).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('request: complexity, depth and breadth (as Pothos measures them) are taken, one more is QUERY_TOO_COMPLEX', async () => {
    const { complexity, depth, breadth } = limits.request;
    const measure = (query: string) => complexityFromQuery(parse(query), { schema, ctx: {}, variables: {} });
    // Units of known weight: nested lists multiply (233 points in 8 fields), a flat list less (12 in 3).
    const goals = 'organization { websites { edges { node { goals { edges { node { id } } } } } } }';
    const pages = 'limits { pages { field } }';
    const weighing = (points: number) => {
      const heavy = Math.floor(points / measure(`{ ${goals} }`).complexity);
      const rest = points - heavy * measure(`{ ${goals} }`).complexity;
      const light = Math.floor(rest / measure(`{ ${pages} }`).complexity);
      const ones = rest - light * measure(`{ ${pages} }`).complexity;
      return `{ ${`${goals} `.repeat(heavy)}${`${pages} `.repeat(light)}${'version '.repeat(ones)}}`;
    };
    const chain = (levels: number) =>
      `{ website(id: "${tenant.websiteId}") { analytics(${LAST_30}) { ${'comparison { '.repeat(levels - 4)}range { from }${' }'.repeat(levels - 4)} } } }`;
    const wide = (fields: number) => `{ ${'version '.repeat(fields)}}`;
    const cases: [keyof ReturnType<typeof measure>, (n: number) => string, number][] = [
      ['complexity', weighing, complexity],
      ['depth', chain, depth],
      ['breadth', wide, breadth],
    ];
    for (const [name, make, bound] of cases) {
      expect(measure(make(bound))[name], name).toBe(bound);
      expect(measure(make(bound + 1))[name], name).toBe(bound + 1);
      const within = await t.graphql(make(bound), { key: tenant.adminKey });
      expect(within.body.errors, name).toBeUndefined();
      const over = await t.graphql(make(bound + 1), { key: tenant.adminKey });
      expect(code(over), name).toBe('QUERY_TOO_COMPLEX');
      expect(over.body.errors?.[0]?.message, name).toContain(name);
    }
  });

  it('datasets: rows older than retentionDays are not kept, younger ones are', async () => {
    const events = limits.datasets.find((d: Json) => d.table === 'analytics.events');
    const client = `retention-${crypto.randomUUID()}`;
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().replace('T', ' ').slice(0, 19);
    await insertRows(t.clickhouse, 'analytics.events', [
      eventRow({ client_id: client, time: at(events.retentionDays - 2), path: '/kept' }),
      eventRow({ client_id: client, time: at(events.retentionDays + 2), path: '/gone' }),
    ]);
    await t.clickhouse.command({ query: 'OPTIMIZE TABLE analytics.events FINAL' });
    const rows = await runQuery<{ path: string }>(t.clickhouse, {
      name: 'limits_test_retention',
      query: sql`SELECT path FROM analytics.events WHERE client_id = ${client}`,
    });
    expect(rows.map((row) => row.path)).toEqual(['/kept']);
  });

  it('export and responses: a csv within csvBytes and a response within responseBytes are given, larger ones refused', async () => {
    const { csvBytes } = limits.export;
    // Rows of ~265 bytes (a 246-character path and the figures): 7,000 are under the bound, 9,500 over it.
    const at = new Date(Date.now() - DAY).toISOString().replace('T', ' ').slice(0, 19);
    const rows = Array.from({ length: 9_500 }, (_, i) =>
      eventRow({ client_id: tenant.websiteId, time: at, path: `/${String(i).padStart(5, '0')}${'x'.repeat(240)}` }),
    );
    for (let i = 0; i < rows.length; i += 5_000)
      await insertRows(t.clickhouse, 'analytics.events', rows.slice(i, i + 5_000));
    const ask = (first: number) => analytics(LAST_30, `csv(table: PAGES, first: ${first})`);
    const within = await ask(7_000);
    expect(within.body.errors).toBeUndefined();
    expect(Buffer.byteLength(within.body.data?.website.analytics.csv)).toBeLessThanOrEqual(csvBytes);
    const over = await ask(9_500);
    expect(code(over)).toBe('RESULT_TOO_LARGE');
    expect(over.body.errors?.[0]?.extensions?.limit).toBe(csvBytes);

    // The same rows make responses on either side of responseBytes (JSON characters).
    const { responseBytes } = limits.request;
    const large = await analytics(LAST_30, 'a: csv(table: PAGES, first: 7000) b: csv(table: PAGES, first: 7000)');
    expect(large.body.errors).toBeUndefined();
    expect(JSON.stringify(large.body).length).toBeLessThanOrEqual(responseBytes);
    const larger = await analytics(
      LAST_30,
      'a: csv(table: PAGES, first: 7000) b: csv(table: PAGES, first: 7000) c: csv(table: PAGES, first: 1500)',
    );
    expect(JSON.stringify(larger.body).length).toBeLessThan(1000);
    expect(code(larger)).toBe('QUERY_TOO_COMPLEX');
    expect(larger.body.errors?.[0]?.message).toContain(String(responseBytes));
  });

  describe('over a socket', () => {
    let server: Server;
    let url: string;
    beforeAll(async () => {
      const http = { headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 1_000, maxConnections: 16 };
      server = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
        http,
      });
      url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/graphql`;
    });
    afterAll(() => server && closeServer(server, 100));

    it('request: a body of bodyBytes is read, one more byte is PAYLOAD_TOO_LARGE (413)', async () => {
      const { bodyBytes } = limits.request;
      // `{ version }` padded with insignificant spaces to the exact size.
      const body = (bytes: number) => {
        const head = '{"query":"{ version }';
        const tail = '"}';
        return `${head}${' '.repeat(bytes - head.length - tail.length)}${tail}`;
      };
      const post = (text: string) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      const within = await post(body(bodyBytes));
      expect(within.status).toBe(200);
      expect(await within.json()).toMatchObject({ data: { version: expect.any(String) } });
      const over = await post(body(bodyBytes + 1));
      expect(over.status).toBe(413);
      expect(await over.json()).toMatchObject({ errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    });
  });
});
