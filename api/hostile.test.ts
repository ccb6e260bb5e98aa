import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateClickHouse } from '../clickhouse/migrator.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { DOCUMENT_LIMITS } from './request-limits.ts';
import {
  createTenant,
  type GraphQLResponse,
  ok,
  refusalCode,
  startTestApi,
  type Tenant,
  type TestApi,
} from './test-support.ts';

/**
 * Hostile input, per kind of GraphQL argument: each case answers a coded error (never
 * INTERNAL_SERVER_ERROR), stores nothing, and the service keeps answering.
 */
describe.each(postgresTargets)('hostile input on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  beforeAll(async () => {
    t = await startTestApi(target);
    await migrateClickHouse({ client: t.clickhouse });
    tenant = await createTenant(t.prisma, 'acme');
  });
  afterAll(() => t?.close());

  /** Variables are sent as JSON text: JSON.stringify itself overflows on the deepest ones. */
  const run = async (query: string, variables?: string) => {
    const response = await t.api.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.adminKey}` },
      body: `{"query": ${JSON.stringify(query)}, "variables": ${variables ?? 'null'}}`,
    });
    return { status: response.status, headers: response.headers, body: await response.json() } as GraphQLResponse;
  };
  /** Rows of every table a refused request could have written. */
  const stored = async () => ({
    websites: await t.prisma.website.count(),
    goals: await t.prisma.goal.count(),
    annotations: await t.prisma.annotation.count(),
    flags: await t.prisma.flag.count(),
    apiKeys: await t.prisma.apiKey.count(),
    members: await t.prisma.member.count(),
    users: await t.prisma.user.count(),
    links: await t.prisma.link.count(),
    settings: (await t.prisma.website.findUniqueOrThrow({ where: { id: tenant.websiteId } })).settings,
  });

  /** JSON text nesting `levels` objects and lists around `leaf`. */
  const deep = (levels: number, leaf = '1') => `${'{"a":['.repeat(levels / 2)}${leaf}${']}'.repeat(levels / 2)}`;
  const w = () => tenant.websiteId;
  const analytics = (args: string, field = 'summary { current { pageviews } }') =>
    `{ website(id: "${w()}") { analytics(${args}) { ${field} } } }`;
  const regex = (pattern: string) =>
    analytics(
      `range: { preset: LAST_7_DAYS }, filters: [{ field: PATH, op: REGEX, value: [${JSON.stringify(pattern)}] }]`,
    );

  type Case = [kind: string, name: string, code: string, query: () => string, variables?: () => string];
  const NUL = 'W\u0000';
  const cases: Case[] = [
    ['ID', 'NUL in website(id)', 'BAD_USER_INPUT', () => `{ website(id: ${JSON.stringify(NUL)}) { id } }`],
    [
      'ID',
      'NUL in evaluateFlags(websiteId)',
      'BAD_USER_INPUT',
      () => `{ evaluateFlags(websiteId: "W\\u0000", context: {}) { key } }`,
    ],
    [
      'ID',
      'NUL in updateWebsite(id)',
      'BAD_USER_INPUT',
      () => `mutation { updateWebsite(id: "W\\u0000", input: { name: "x" }) { __typename } }`,
    ],
    [
      'String',
      'NUL in a website name',
      'BAD_USER_INPUT',
      () => `mutation { createWebsite(input: { domain: "nul.example", name: "a\\u0000b" }) { __typename } }`,
    ],
    [
      'String',
      'NUL in a goal name',
      'BAD_USER_INPUT',
      () =>
        `mutation { createGoal(websiteId: "${w()}", input: { name: "a\\u0000", type: PAGE_VIEW, target: "/" }) { __typename } }`,
    ],
    [
      'String',
      'NUL in an annotation text',
      'BAD_USER_INPUT',
      () =>
        `mutation { createAnnotation(websiteId: "${w()}", input: { startsAt: "2026-01-01T00:00:00Z", text: "\\u0000" }) { __typename } }`,
    ],
    [
      'String',
      'NUL in an API key name',
      'BAD_USER_INPUT',
      () => 'mutation { createApiKey(input: { name: "k\\u0000", scopes: [READ_ANALYTICS] }) { __typename } }',
    ],
    [
      'String',
      'NUL in a member name',
      'BAD_USER_INPUT',
      () => 'mutation { addMember(input: { email: "nul@acme.test", name: "\\u0000", role: MEMBER }) { __typename } }',
    ],
    [
      'String',
      'NUL in a link target',
      'BAD_USER_INPUT',
      () =>
        `mutation { createLink(input: { slug: "nul-link", targetUrl: "https://acme.test/\\u0000", websiteId: "${w()}" }) { __typename } }`,
    ],
    [
      'String',
      'NUL in a flag description',
      'BAD_USER_INPUT',
      () => 'mutation { createFlag(input: { key: "nul-flag", description: "\\u0000" }) { __typename } }',
    ],
    [
      'JSON',
      'NUL in a flag payload',
      'BAD_USER_INPUT',
      () => 'mutation { createFlag(input: { key: "nul-payload", payload: { a: "\\u0000" } }) { __typename } }',
    ],
    ['Int', 'first: -1', 'BAD_USER_INPUT', () => '{ organization { websites(first: -1) { totalCount } } }'],
    ['Int', 'last: -5', 'BAD_USER_INPUT', () => '{ organization { websites(last: -5) { totalCount } } }'],
    [
      'Int',
      'first beyond Int',
      'GRAPHQL_VALIDATION_FAILED',
      () => '{ organization { websites(first: 99999999999) { totalCount } } }',
    ],
    [
      'Int',
      'first as a string variable',
      'BAD_USER_INPUT',
      () => 'query($n: Int) { organization { websites(first: $n) { totalCount } } }',
      () => '{"n": "ten"}',
    ],
    [
      'DateTime',
      'year 275760',
      'BAD_USER_INPUT',
      () =>
        `mutation { createAnnotation(websiteId: "${w()}", input: { startsAt: "+275760-09-13T00:00:00Z", text: "x" }) { __typename } }`,
    ],
    [
      'DateTime',
      'year −271821',
      'BAD_USER_INPUT',
      () =>
        `mutation { createAnnotation(websiteId: "${w()}", input: { startsAt: "-271821-04-20T00:00:00Z", text: "x" }) { __typename } }`,
    ],
    [
      'DateTime',
      'year 0000',
      'BAD_USER_INPUT',
      () =>
        `mutation { createAnnotation(websiteId: "${w()}", input: { startsAt: "0000-01-01T00:00:00Z", text: "x" }) { __typename } }`,
    ],
    [
      'JSON',
      '20,000 levels of settings (variable)',
      'BAD_USER_INPUT',
      () => `mutation($s: JSON) { updateWebsite(id: "${w()}", input: { settings: $s }) { __typename } }`,
      () => `{"s": ${deep(20_000)}}`,
    ],
    [
      'JSON',
      '20,000 levels of flag properties (variable)',
      'BAD_USER_INPUT',
      () => `query($p: JSON) { evaluateFlags(websiteId: "${w()}", context: { properties: $p }) { key } }`,
      () => `{"p": ${deep(20_000)}}`,
    ],
    [
      'JSON',
      '33 levels of settings (literal)',
      'BAD_USER_INPUT',
      () =>
        `mutation { updateWebsite(id: "${w()}", input: { settings: ${'{a: '.repeat(33)}1${'}'.repeat(33)} }) { __typename } }`,
    ],
    [
      'JSON',
      'NUL in a settings key',
      'BAD_USER_INPUT',
      () => `mutation($s: JSON) { updateWebsite(id: "${w()}", input: { settings: $s }) { __typename } }`,
      () => '{"s": {"W\\u0000": 1}}',
    ],
    [
      'JSON',
      'NUL in a settings value',
      'BAD_USER_INPUT',
      () => `mutation($s: JSON) { updateWebsite(id: "${w()}", input: { settings: $s }) { __typename } }`,
      () => '{"s": {"note": "W\\u0000"}}',
    ],
    ['enum', 'unknown enum literal', 'GRAPHQL_VALIDATION_FAILED', () => analytics('range: { preset: FOREVER }')],
    [
      'enum',
      'unknown enum variable',
      'BAD_USER_INPUT',
      () =>
        `query($p: DateRangePreset) { website(id: "${w()}") { analytics(range: { preset: $p }) { summary { current { pageviews } } } } }`,
      () => '{"p": "FOREVER"}',
    ],
    [
      'filter value',
      'value over 1,000 characters',
      'BAD_USER_INPUT',
      () =>
        analytics(`range: { preset: LAST_7_DAYS }, filters: [{ field: PATH, op: IS, value: ["${'x'.repeat(1001)}"] }]`),
    ],
    [
      'filter value',
      'property filter without a key',
      'BAD_USER_INPUT',
      () => analytics('range: { preset: LAST_7_DAYS }, filters: [{ field: PROPERTY, op: IS, value: ["x"] }]'),
    ],
    ...[
      '(',
      '[',
      '*',
      'a{2,1}',
      'a{1000}{1000}',
      '(?:a{100}){100}',
      '(a)\\1',
      'a(?=b)',
      'a(?!b)',
      '(?<=a)b',
      '(?<!a)b',
      '\\p{Nope}',
      '\\',
      '\\pL{1000}',
    ].map((pattern): Case => ['regex', pattern, 'BAD_USER_INPUT', () => regex(pattern)]),
    [
      'cursor',
      'garbage after',
      'BAD_USER_INPUT',
      () => '{ organization { websites(first: 2, after: "garbage") { totalCount } } }',
    ],
    [
      'cursor',
      'garbage before',
      'BAD_USER_INPUT',
      () => '{ organization { websites(last: 2, before: "garbage") { totalCount } } }',
    ],
    [
      'range',
      'year 0000 (previous period in year −1)',
      'BAD_USER_INPUT',
      () => analytics('range: { from: "0000-01-01T00:00:00Z", to: "0000-03-01T00:00:00Z" }'),
    ],
    [
      'range',
      'year 275760',
      'BAD_USER_INPUT',
      () => analytics('range: { from: "+275760-09-12T00:00:00Z", to: "+275760-09-13T00:00:00Z" }'),
    ],
    [
      'range',
      'year −271821',
      'BAD_USER_INPUT',
      () => analytics('range: { from: "-271821-04-20T00:00:00Z", to: "-271821-04-21T00:00:00Z" }'),
    ],
    [
      'range',
      'previous period before 1900',
      'BAD_USER_INPUT',
      () => analytics('range: { from: "1900-01-01", to: "1900-01-31" }'),
    ],
    [
      'range',
      'NUL in the timezone',
      'BAD_USER_INPUT',
      () => analytics('range: { preset: TODAY, timezone: "UTC\\u0000" }'),
    ],
    ['document', 'subscription', 'GRAPHQL_VALIDATION_FAILED', () => 'subscription { version }'],
    ['document', 'syntax error', 'GRAPHQL_PARSE_FAILED', () => '{ version'],
    ['document', '6,000 levels of selections', 'QUERY_TOO_COMPLEX', () => `${'{ a '.repeat(6000)}${'}'.repeat(6000)}`],
    [
      'document',
      '20,000 levels of list literal',
      'QUERY_TOO_COMPLEX',
      () =>
        `{ evaluateFlags(websiteId: "x", context: { properties: ${'['.repeat(20_000)}${']'.repeat(20_000)} }) { key } }`,
    ],
    [
      'document',
      '20,000 levels of object literal',
      'QUERY_TOO_COMPLEX',
      () =>
        `{ evaluateFlags(websiteId: "x", context: { properties: ${'{a:'.repeat(20_000)}1${'}'.repeat(20_000)} }) { key } }`,
    ],
    ['document', 'too many tokens', 'QUERY_TOO_COMPLEX', () => `{ ${'version '.repeat(DOCUMENT_LIMITS.tokens)} }`],
    [
      'document',
      '100,000 __typename aliases',
      'QUERY_TOO_COMPLEX',
      () => `{ ${Array.from({ length: 100_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    ],
    [
      'document',
      '101 __typename aliases',
      'QUERY_TOO_COMPLEX',
      () => `{ ${Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    ],
    [
      'document',
      '2 aliased __schema',
      'QUERY_TOO_COMPLEX',
      () => '{ a: __schema { queryType { name } } b: __schema { queryType { name } } }',
    ],
    [
      'document',
      'fragments multiplying selections',
      'QUERY_TOO_COMPLEX',
      () =>
        `{ ...F3 } fragment F3 on Query { ${'...F2 '.repeat(1)} o: organization { name } } fragment F2 on Query { ${Array.from({ length: 40 }, (_, i) => `f${i}: organization { ...F1 }`).join(' ')} } fragment F1 on Organization { ${'__typename '.repeat(40)} }`,
    ],
  ];

  it.each(cases)('%s: %s → %s', async (_kind, _name, code, query, variables) => {
    const before = await stored();
    const response = await run(query(), variables?.());
    expect(
      refusalCode(response, Object.keys(response.body.data ?? {})[0] ?? ''),
      JSON.stringify(response.body).slice(0, 500),
    ).toBe(code);
    expect(response.status).toBeLessThan(500);
    expect(await stored()).toEqual(before);
    expect(ok(await run('{ version }'), 'version')).toBeTypeOf('string');
  });

  it('still answers what is allowed at the limits', async () => {
    const introspection = await run('{ __schema { queryType { name } } }');
    expect(ok(introspection, '__schema')).toEqual({ queryType: { name: 'Query' } });
    const aliases = Array.from({ length: DOCUMENT_LIMITS.aliases }, (_, i) => `a${i}: __typename`).join(' ');
    const wide = await run(`{ ${aliases} }`);
    expect(Object.keys(wide.body.data ?? {})).toHaveLength(DOCUMENT_LIMITS.aliases);
    // The oldest and newest ranges the tables hold, the previous period included.
    for (const range of ['from: "1900-01-02", to: "1900-01-02"', 'from: "2299-12-30", to: "2299-12-31"']) {
      const response = await run(analytics(`range: { ${range} }`));
      expect(ok(response, 'website').analytics.summary.current.pageviews, range).toBe(0);
    }
    const settings = ok(
      await run(
        `mutation($s: JSON) { updateWebsite(id: "${w()}", input: { settings: $s }) { ... on MutationUpdateWebsiteSuccess { data { settings } } } }`,
        `{"s": {"nested": ${deep(30, '"ok"')}}}`,
      ),
      'updateWebsite',
    );
    expect(settings.settings.nested).toEqual(JSON.parse(deep(30, '"ok"')));
    for (const pattern of ['^/blog/[a-z-]+$', '(?i)PRICING', '\\d{4}', '\\\\']) {
      expect(ok(await run(regex(pattern)), 'website'), pattern).toBeTruthy();
    }
  });
});
