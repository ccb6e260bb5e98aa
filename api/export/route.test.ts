import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { sql } from '../../clickhouse/sql.ts';
import { CHROME_DESKTOP, GEO, IPHONE_SAFARI, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { generateApiKey } from '../../prisma/api-keys.ts';
import { createLogger } from '../../runtime/log.ts';
import { closeServer, listen } from '../../runtime/service.ts';
import { graphqlOver } from '../analytics/test-support.ts';
import { createApiServer } from '../server.ts';
import { exportZip } from './route.ts';
import { SCRATCH_DATABASE, scratchPages } from './scratch.ts';
import { MAX_EXPORT_ROWS, TABLE_NAMES, TABLES, type Table } from './tables.ts';
import { unzip } from './test-support.ts';

// GET /export/<websiteId>.zip over real HTTP: every file equals the `csv` field of the same
// table (itself the family's rows), callers refused exactly as GraphQL refuses them.
const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
const from = new Date(dayStart).toISOString();
const to = new Date(dayStart + 2 * 86_400_000).toISOString();

let t: TestIngest;
let api: Server;
let url: string;
let readKey: string;
let otherSite: string;
let graphql: ReturnType<typeof graphqlOver>;

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  api = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    http: t.ingest.context.config.http,
  });
  url = `http://127.0.0.1:${await listen(api, 0, '127.0.0.1')}`;
  const { key, ...stored } = generateApiKey();
  await t.prisma.apiKey.create({
    data: { ...stored, name: 'reader', organizationId: t.organizationId, scopes: ['READ_ANALYTICS'] },
  });
  readKey = key;
  const other = await t.prisma.organization.create({ data: { name: 'Other', slug: 'other' } });
  otherSite = (await t.prisma.website.create({ data: { organizationId: other.id, domain: 'other.test' } })).id;
  await t.prisma.goal.create({ data: { websiteId: t.siteId, name: 'Pricing', type: 'PAGE_VIEW', target: '/pricing' } });
  const paths = ['/', '/pricing', '/docs', '/a,"b"'];
  for (let v = 0; v < 12; v++) {
    const events: Record<string, unknown>[] = paths.slice(0, 1 + (v % 4)).map((path, p) => ({
      eventId: randomUUID(),
      type: 'screen_view',
      anonymousId: `v${v}`,
      sessionId: `v${v}-s`,
      url: `https://example.com${path}${p === 0 && v % 3 === 0 ? '?utm_source=news&utm_campaign=launch' : ''}`,
      timestamp: dayStart + v * 3_600_000 + p * 60_000,
      ...(p === 0 && v % 3 === 1 ? { referrer: 'https://www.google.com/search' } : {}),
    }));
    if (v % 2) events.push({ ...(events[0] as object), eventId: randomUUID(), type: 'custom', name: '=signup' });
    const response = await fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://example.com',
        'user-agent': v % 2 ? IPHONE_SAFARI : CHROME_DESKTOP,
        'x-forwarded-for': v % 2 ? GEO.linkoping : GEO.london,
      },
      body: JSON.stringify({ clientId: t.siteId, events }),
    });
    expect(response.status).toBe(200);
  }
  await t.ingest.context.writer.flush();
}, 60_000);
afterAll(async () => {
  await closeServer(api);
  await t?.close();
});

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined)).toString();

it('streams a ZIP whose files are the csv field of every table, filters applied', async () => {
  // The same filter as the query parameter (JSON) and as a GraphQL literal.
  const cases = [
    { param: undefined, literal: '[]' },
    {
      param: JSON.stringify([{ field: 'DEVICE', op: 'IS', value: ['desktop'] }]),
      literal: '[{ field: DEVICE, op: IS, value: ["desktop"] }]',
    },
  ];
  for (const { param, literal } of cases) {
    const response = await fetch(
      `${url}/export/${t.siteId}.zip?${query({ from, to, ...(param ? { filters: param } : {}) })}`,
      {
        headers: { authorization: `Bearer ${readKey}` },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="tidemark-.*\.zip"$/);
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()]).toEqual([...TABLE_NAMES.map((n) => TABLES[n].file), 'files.csv']);
    const fields = TABLE_NAMES.map((n) => `${n}: csv(table: ${n}, first: 10000)`).join(' ');
    const answer = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "${from}", to: "${to}" }, filters: ${literal}) { ${fields} } } }`,
      readKey,
    );
    expect(answer.errors).toBeUndefined();
    for (const name of TABLE_NAMES)
      expect(files.get(TABLES[name].file), name).toBe(answer.data.website.analytics[name]);
    expect(files.get('pages.csv')?.split('\r\n').length).toBeGreaterThan(2);
    expect(files.get('files.csv')).toContain('pages.csv,');
  }
  const all = await unzip(
    Buffer.from(
      await (
        await fetch(`${url}/export/${t.siteId}.zip?${query({ from, to })}`, {
          headers: { authorization: `Bearer ${readKey}` },
        })
      ).arrayBuffer(),
    ),
  );
  expect(all.get('custom-events.csv')).toContain("'=signup,6,6");
  expect(all.get('goals.csv')).toMatch(/,Pricing,12,9,0\.75,\r\n$/);
  expect(all.get('devices.csv')).toMatch(/^device,/);
  expect(await scratchTables()).toEqual([]);
});

it('applies a saved segment as analytics(segment:) does, and refuses one the caller cannot see (404)', async () => {
  const filter = { field: 'DEVICE', op: 'IS', value: ['mobile'] };
  const segment = await t.prisma.segment.create({
    data: { organizationId: t.organizationId, ownerId: 'someone', name: 'Mobile', filter, visibility: 'ORGANIZATION' },
  });
  const hidden = await t.prisma.segment.create({
    data: { organizationId: t.organizationId, ownerId: 'someone', name: 'Private', filter, visibility: 'PRIVATE' },
  });
  const response = await fetch(`${url}/export/${t.siteId}.zip?${query({ from, to, segment: segment.id })}`, {
    headers: { authorization: `Bearer ${readKey}` },
  });
  expect(response.status).toBe(200);
  const files = await unzip(Buffer.from(await response.arrayBuffer()));
  const answer = await graphql(
    `{ website(id: "${t.siteId}") { analytics(range: { from: "${from}", to: "${to}" }, segment: "${segment.id}") { devices: csv(table: DEVICES) all: csv(table: PAGES) } } }`,
    readKey,
  );
  expect(answer.errors).toBeUndefined();
  expect(files.get('devices.csv')).toBe(answer.data.website.analytics.devices);
  expect(files.get('devices.csv')).toMatch(/^device,[^\r]*\r\nmobile,[^\r]*\r\n$/);
  expect(files.get('pages.csv')).toBe(answer.data.website.analytics.all);
  for (const id of [hidden.id, 'nonexistent']) {
    const refused = await fetch(`${url}/export/${t.siteId}.zip?${query({ from, to, segment: id })}`, {
      headers: { authorization: `Bearer ${readKey}` },
    });
    expect(refused.status).toBe(404);
    expect((await refused.json()).errors[0].extensions.code).toBe('NOT_FOUND');
  }
});

it('refuses without credentials (401), another organization’s website like a missing one (404), a bad range (400)', async () => {
  const anonymous = await fetch(`${url}/export/${t.siteId}.zip?${query({ from, to })}`);
  expect(anonymous.status).toBe(401);
  expect((await anonymous.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  for (const id of [otherSite, 'nonexistent']) {
    const response = await fetch(`${url}/export/${id}.zip?${query({ from, to })}`, {
      headers: { authorization: `Bearer ${readKey}` },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Website not found.', extensions: { code: 'NOT_FOUND' } }],
    });
  }
  for (const params of [
    { from: to, to: from },
    { from: '2020-01-01', to: '2026-01-01' },
    { from, to, filters: '{' },
    { from, to, interval: 'YEAR' },
  ]) {
    const response = await fetch(`${url}/export/${t.siteId}.zip?${query(params)}`, {
      headers: { authorization: `Bearer ${readKey}` },
    });
    expect(response.status, JSON.stringify(params)).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');
  }
});

const download = (params: Record<string, string | undefined>, id = t.siteId) =>
  fetch(`${url}/export/${id}.zip?${query(params)}`, { headers: { authorization: `Bearer ${readKey}` } });

it('takes filter, segment, compare and groups as the analytics arguments: files equal the GraphQL CSV of the same', async () => {
  const segment = await t.prisma.segment.create({
    data: {
      organizationId: t.organizationId,
      ownerId: 'someone',
      name: 'Desktop',
      visibility: 'ORGANIZATION',
      filter: { field: 'DEVICE', op: 'IS', value: ['desktop'] },
    },
  });
  const filter = {
    or: [{ field: 'PATH', op: 'IS', value: ['/docs'] }, { not: { field: 'COUNTRY', op: 'IS', value: ['SE'] } }],
  };
  const groups = { dimensions: [{ field: 'path' }, { field: 'day' }], metrics: ['visits', 'pageviews'], compare: true };
  const response = await download({
    from,
    to,
    filter: JSON.stringify(filter),
    segment: segment.id,
    compare: 'PREVIOUS_PERIOD',
    groups: JSON.stringify(groups),
  });
  expect(response.status).toBe(200);
  const files = await unzip(Buffer.from(await response.arrayBuffer()));
  const families = TABLE_NAMES.map((n) => TABLES[n].file);
  expect([...files.keys()]).toEqual([
    ...families,
    'groups.csv',
    ...families.map((f) => `comparison/${f}`),
    'files.csv',
  ]);
  const fields = TABLE_NAMES.map((n) => `${n}: csv(table: ${n}, first: 10000)`).join(' ');
  // Every table twice is past one operation's complexity (a CSV costs 10 points a column): two requests.
  const ask = async (selection: string) => {
    const answer = await graphql(
      `{ website(id: "${t.siteId}") { analytics(range: { from: "${from}", to: "${to}" }, segment: "${segment.id}",
        filter: { or: [{ field: PATH, op: IS, value: ["/docs"] }, { not: { field: COUNTRY, op: IS, value: ["SE"] } }] },
        compare: { period: PREVIOUS_PERIOD }) { ${selection} } } }`,
      readKey,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data.website.analytics;
  };
  const analytics = await ask(`${fields}
    groupsCsv(query: { dimensions: [{ field: path }, { field: day }], metrics: [visits, pageviews], compare: true }, first: 10000)`);
  const { comparison } = await ask(`comparison { range { from } ${fields} }`);
  for (const name of TABLE_NAMES) {
    expect(files.get(TABLES[name].file), name).toBe(analytics[name]);
    expect(files.get(`comparison/${TABLES[name].file}`), name).toBe(comparison[name]);
  }
  expect(files.get('groups.csv')).toBe(analytics.groupsCsv);
  // Known answers: the segment keeps the 6 desktop visitors (London), the filter keeps them all;
  // visits per path among them (1 or 3 pages each): / 6, /docs 3, /pricing 3; nothing the two days before.
  const day = `${from.slice(0, 10)}T00:00:00.000Z`;
  expect(files.get('groups.csv')).toBe(
    'path,day,visits,pageviews,comparison.visits,comparison.pageviews,change.visits,change.pageviews\r\n' +
      `/,${day},6,6,,,,\r\n/docs,${day},3,3,,,,\r\n/pricing,${day},3,3,,,,\r\n`,
  );
  expect(files.get('comparison/pages.csv')?.split('\r\n')).toEqual([
    'path,visitors,visits,pageviews,bounceRate,avgTimeOnPage,avgScrollDepth,outgoingClicks',
    '',
  ]);
  expect(files.get('files.csv')).toContain('groups.csv,3,false\r\n');
  // A bare period and its JSON are the same parameter.
  const json = await download({
    from,
    to,
    compare: JSON.stringify({ period: 'PREVIOUS_PERIOD', matchDayOfWeek: true }),
  });
  expect(json.status).toBe(200);
  expect([...(await unzip(Buffer.from(await json.arrayBuffer()))).keys()]).toContain('comparison/pages.csv');
});

it('groups.csv takes goal figures: the GraphQL groupsCsv of the same query', async () => {
  const goal = await t.prisma.goal.create({
    data: { websiteId: t.siteId, name: 'Docs', type: 'PAGE_VIEW', target: '/docs' },
  });
  const groups = {
    dimensions: [{ field: 'path' }],
    goals: [{ goal: goal.id, metrics: ['CONVERSIONS', 'CONVERSION_RATE', 'REVENUE'], currency: 'EUR' }],
  };
  const response = await download({ from, to, groups: JSON.stringify(groups) });
  expect(response.status).toBe(200);
  const files = await unzip(Buffer.from(await response.arrayBuffer()));
  const answer = await graphql(
    `{ website(id: "${t.siteId}") { analytics(range: { from: "${from}", to: "${to}" }) {
      groupsCsv(first: 10000, query: { dimensions: [{ field: path }],
        goals: [{ goal: "${goal.id}", metrics: [CONVERSIONS, CONVERSION_RATE, REVENUE], currency: "EUR" }] })
      groups(limit: 1000) { dimensions { path } metrics { conversions(goal: "${goal.id}") } }
    } } }`,
    readKey,
  );
  expect(answer.errors).toBeUndefined();
  const { groupsCsv, groups: rows } = answer.data.website.analytics;
  expect(files.get('groups.csv')).toBe(groupsCsv);
  expect(groupsCsv.split('\r\n')[0]).toBe(
    `path,conversions:${goal.id},conversionRate:${goal.id},revenue:${goal.id}:EUR`,
  );
  // Every visit enters on /; the 6 of 12 visitors that went on to /docs convert (v % 4 ≥ 2), and pay nothing.
  expect(groupsCsv).toContain('\r\n/,6,0.5,0\r\n');
  const root = rows.find((r: { dimensions: { path: string } }) => r.dimensions.path === '/');
  expect(root.metrics.conversions).toBe(6);
  await t.prisma.goal.delete({ where: { id: goal.id } });
});

it('refuses each hostile parameter with a typed error and no file', async () => {
  const other = await t.prisma.organization.create({
    data: { name: 'Segments elsewhere', slug: 'segments-elsewhere' },
  });
  const foreign = await t.prisma.segment.create({
    data: {
      organizationId: other.id,
      ownerId: 'x',
      name: 'victim-segment',
      visibility: 'ORGANIZATION',
      filter: { field: 'COUNTRY', op: 'IS', value: ['SE'] },
    },
  });
  const victimGoal = await t.prisma.goal.create({
    data: { websiteId: otherSite, name: 'victim-goal', type: 'PAGE_VIEW', target: '/' },
  });
  const deep = (n: number): unknown => (n === 0 ? { field: 'PATH', op: 'IS', value: ['/'] } : { not: deep(n - 1) });
  const cases: [Record<string, string>, number, string][] = [
    [{ filter: '{"or": [' }, 400, 'BAD_USER_INPUT'],
    [{ filter: JSON.stringify(deep(40)) }, 400, 'BAD_USER_INPUT'],
    [{ filter: JSON.stringify(deep(6)) }, 400, 'BAD_USER_INPUT'],
    [{ filter: JSON.stringify({ field: 'NOPE', op: 'IS', value: ['/'] }) }, 400, 'BAD_USER_INPUT'],
    [{ filter: JSON.stringify({ and: [], field: 'PATH' }) }, 400, 'BAD_USER_INPUT'],
    [{ filters: JSON.stringify([{ field: 'PATH', op: 'MATCHES', value: ['/'] }]) }, 400, 'BAD_USER_INPUT'],
    [{ segment: foreign.id }, 404, 'NOT_FOUND'],
    [{ segment: 'missing' }, 404, 'NOT_FOUND'],
    [{ compare: 'LAST_CENTURY' }, 400, 'BAD_USER_INPUT'],
    [{ compare: JSON.stringify({ period: 'CUSTOM' }) }, 400, 'BAD_USER_INPUT'],
    [{ compare: '{' }, 400, 'BAD_USER_INPUT'],
    [
      {
        interval: 'MINUTE',
        compare: JSON.stringify({ period: 'CUSTOM', range: { from: '2026-01-01', to: '2026-03-01' } }),
      },
      400,
      'BAD_USER_INPUT',
    ],
    [{ groups: '[' }, 400, 'BAD_USER_INPUT'],
    [{ groups: JSON.stringify({ goals: [{ goal: victimGoal.id, metrics: ['CONVERSIONS'] }] }) }, 404, 'NOT_FOUND'],
    [{ groups: JSON.stringify({ goals: [{ goal: 'missing', metrics: ['CONVERSIONS'] }] }) }, 404, 'NOT_FOUND'],
    [{ groups: JSON.stringify({ goals: [{ metrics: ['REVENUE'] }] }) }, 400, 'BAD_USER_INPUT'],
    [{ groups: JSON.stringify({ goals: [{ metrics: ['PROFIT'] }] }) }, 400, 'BAD_USER_INPUT'],
    [{ groups: JSON.stringify({ dimensions: [{ field: 'path', property: 'plan' }] }) }, 400, 'BAD_USER_INPUT'],
    [{ groups: JSON.stringify({ metrics: ['secrets'] }) }, 400, 'BAD_USER_INPUT'],
    [
      { groups: JSON.stringify({ dimensions: [{ field: 'path' }], metrics: ['visitDuration'] }) },
      400,
      'UNSUPPORTED_GROUPING',
    ],
  ];
  for (const [params, status, code] of cases) {
    const response = await download({ from, to, ...params });
    const text = await response.text();
    expect(response.status, JSON.stringify(params)).toBe(status);
    expect(response.headers.get('content-type'), text).toMatch(/^application\/json/);
    expect(JSON.parse(text).errors[0].extensions.code, JSON.stringify(params)).toBe(code);
    expect(text).not.toContain('victim');
  }
  // Another organization's segment answers exactly as a missing one.
  const [foreignAnswer, missingAnswer] = await Promise.all(
    [foreign.id, 'missing'].map(async (segment) => (await download({ from, to, segment })).json()),
  );
  expect(foreignAnswer).toEqual(missingAnswer);
});

/** Scratch tables of exports (scratch.ts) that exist now. */
const scratchTables = async () =>
  (
    await runQuery<{ name: string }>(t.clickhouse, {
      name: 'test_scratch_tables',
      query: sql`SELECT name FROM system.tables WHERE database = ${SCRATCH_DATABASE}`,
    })
  ).map((r) => r.name);

/** Polls until no scratch table is left (a drop after an abort runs once the paused entry is destroyed). */
async function scratchTablesLeft(): Promise<string[]> {
  for (let i = 0; i < 100 && (await scratchTables()).length; i++) await new Promise((r) => setTimeout(r, 50));
  return scratchTables();
}

/** A table of `count` numbered rows of 64 incompressible hex characters, read through a scratch table. */
function numbersTable(count: number, fail = false): Table<{ n: number; x: string }> {
  return {
    file: 'numbers.csv',
    family: 'test',
    columns: [{ name: 'x', value: (r) => r.x }],
    rows: async () => [],
    async *pages(clickhouse, _scope, limit, signal) {
      const numbered = sql`SELECT number + 1 AS n, concat(hex(cityHash64(number)), hex(cityHash64(number, 1)),
          hex(cityHash64(number, 2)), hex(cityHash64(number, 3))) AS x
        FROM numbers(${sql.param(count, 'UInt64')}) ORDER BY n LIMIT ${sql.param(limit, 'UInt64')}`;
      for await (const rows of scratchPages<{ n: number; x: string }>(clickhouse, numbered, 5_000, signal)) {
        yield rows;
        if (fail) throw new Error('a query failed');
      }
    },
  };
}

const emptyScope = () => ({
  websiteId: 'no-such-site',
  range: { from: new Date(from), to: new Date(to), timezone: 'UTC' },
  filters: [],
  interval: 'DAY' as const,
});
const stores = () => ({ prisma: t.prisma, clickhouse: t.clickhouse });

it('drops the scratch table of a file when the client goes away mid-download', async () => {
  const output = exportZip(stores(), emptyScope(), createLogger('export-test', 'error'), 'test', {
    compare: false,
    groups: numbersTable(40_000) as never,
  });
  let seen: string[] = [];
  // Read until the numbers file's scratch table exists (the ZIP then stalls on the unread output).
  for await (const _chunk of output) {
    seen = await scratchTables();
    if (seen.length) break; // leaving the loop destroys the output, as a closed connection does
  }
  expect(seen).toHaveLength(1);
  expect(await scratchTablesLeft()).toEqual([]);
});

it('drops the scratch table when a query fails mid-file, and cuts the download off', async () => {
  const output = exportZip(stores(), emptyScope(), createLogger('export-test', 'error'), 'test', {
    compare: false,
    groups: numbersTable(20_000, true) as never,
  });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await expect(pipeline(output, sink)).rejects.toThrow('a query failed');
  expect(await scratchTablesLeft()).toEqual([]);
  // A statement failing inside the materialisation leaves nothing either.
  const failing = scratchPages(
    t.clickhouse,
    sql`SELECT number + 1 AS n, throwIf(number = 3, 'boom') AS x FROM numbers(10)`,
    5,
    new AbortController().signal,
  );
  await expect(failing.next()).rejects.toThrow(/boom/);
  expect(await scratchTables()).toEqual([]);
});

it('reports a file cut at MAX_EXPORT_ROWS in files.csv, and one of exactly that many as whole', async () => {
  for (const [count, truncated] of [
    [MAX_EXPORT_ROWS, false],
    [MAX_EXPORT_ROWS + 1, true],
  ] as const) {
    const chunks: Buffer[] = [];
    await pipeline(
      exportZip(stores(), emptyScope(), createLogger('export-test', 'error'), 'test', {
        compare: false,
        groups: numbersTable(count) as never,
      }),
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          chunks.push(chunk);
          done();
        },
      }),
    );
    const files = await unzip(Buffer.concat(chunks));
    const lines = files.get('numbers.csv')?.split('\r\n') ?? [];
    expect(lines.length).toBe(MAX_EXPORT_ROWS + 2); // header, rows, the empty string after the last CRLF
    expect(files.get('files.csv')).toContain(`numbers.csv,${MAX_EXPORT_ROWS},${truncated}\r\n`);
  }
  expect(await scratchTables()).toEqual([]);
});
