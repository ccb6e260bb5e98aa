import { randomUUID } from 'node:crypto';
import { getOperationAST, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { hashApiKey } from '../prisma/api-keys.ts';
import { ConfigError, parseEnv } from '../runtime/config.ts';
import { createLogger } from '../runtime/log.ts';
import { apiEnv } from './config.ts';
import { schema } from './executable-schema.ts';
import { readsOnlyAnalytics } from './response-cache.ts';
import { type Api, createApi } from './server.ts';
import { createTenant, type GraphQLResponse, issueKey, ok, type Tenant } from './test-support.ts';

// The response cache through the real HTTP handling (yoga.fetch), over events sent through the
// real ingest: two organizations, their keys and share links. The API's clock is the test's, so
// answers expire by moving it rather than by sleeping.
const TTL_MS = 10_000;
const RANGE = '{ preset: LAST_7_DAYS }';
let t: TestIngest;
let api: Api;
let now = 1_000_000;
/** The second organization (the first is the ingest's own: t.organizationId, t.siteId on example.com). */
let other: Tenant;

type Caller = { key: string } | { share: string };

async function graphql(caller: Caller, query: string, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
  const response = await api.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...('key' in caller ? { authorization: `Bearer ${caller.key}` } : { 'x-tidemark-share': caller.share }),
      ...headers,
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** Page views of new visitors through the real ingest, an hour ago, then flushed to ClickHouse. */
async function visit(websiteId: string, domain: string, paths: string[]) {
  const events = paths.map((path) => {
    const visitor = randomUUID();
    return {
      type: 'screen_view',
      eventId: randomUUID(),
      anonymousId: visitor,
      sessionId: visitor,
      timestamp: Date.now() - 3_600_000,
      url: `https://${domain}${path}`,
    };
  });
  const response = await fetch(`${t.url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: `https://${domain}`, 'user-agent': CHROME_DESKTOP },
    body: JSON.stringify({ clientId: websiteId, events }),
  });
  expect(response.status).toBe(200);
  await t.ingest.context.writer.flush();
}

const summary = (websiteId: string, args = '') =>
  `{ website(id: "${websiteId}") { id analytics(range: ${RANGE}${args}) { summary { current { visitors pageviews } } } } }`;
const visitors = (response: GraphQLResponse) => {
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.website.analytics.summary.current.visitors as number;
};
const cacheOf = (response: GraphQLResponse) => response.body.extensions?.responseCache;

async function shareToken(key: string, websiteId: string): Promise<string> {
  const created = await graphql({ key }, `mutation { createShareLink(websiteId: "${websiteId}") { token } }`);
  return ok(created, 'createShareLink').token;
}

beforeAll(async () => {
  t = await startTestIngest();
  other = await createTenant(t.prisma, 'othercorp');
  api = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    responseCache: { ttlMs: TTL_MS, maxBytes: 1_000_000 },
    now: () => now,
    pointBudget: { max: 1_000_000, windowMs: 3_600_000 },
  });
  await visit(t.siteId, 'example.com', ['/pricing', '/blog/a']);
  await visit(other.websiteId, 'othercorp.test', ['/']);
});
afterAll(() => t?.close());

describe('response cache', () => {
  it('serves an answer again within the TTL without reading ClickHouse, and afresh after it', async () => {
    now += TTL_MS + 1; // every earlier answer expired
    const first = await graphql({ key: t.apiKey }, summary(t.siteId));
    expect(visitors(first)).toBe(2);
    expect(cacheOf(first)).toEqual({ hit: false, didCache: true, ttl: TTL_MS });

    await visit(t.siteId, 'example.com', ['/new']);
    const [stored] = await t.rows<{ n: number }>(
      sql`SELECT uniqExact(anonymous_id) AS n FROM analytics.events WHERE client_id = ${t.siteId}`,
    );
    expect(stored?.n).toBe(3);

    now += TTL_MS;
    const cached = await graphql({ key: t.apiKey }, summary(t.siteId));
    expect(visitors(cached)).toBe(2);
    expect(cacheOf(cached)).toEqual({ hit: true });

    now += 1;
    const fresh = await graphql({ key: t.apiKey }, summary(t.siteId));
    expect(visitors(fresh)).toBe(3);
    expect(cacheOf(fresh)).toMatchObject({ hit: false });
  });

  it('never answers one organization with the other’s answer, for the same query text', async () => {
    now += TTL_MS + 1; // every earlier answer expired
    const mine = summary(t.siteId);
    const theirs = summary(other.websiteId);
    for (let round = 0; round < 2; round++) {
      // Each asks for its own website and for the other's, twice: the second round is answered from the cache.
      expect(visitors(await graphql({ key: t.apiKey }, mine))).toBe(3);
      expect(visitors(await graphql({ key: other.adminKey }, theirs))).toBe(1);
      for (const [key, query] of [
        [other.adminKey, mine],
        [t.apiKey, theirs],
      ] as const) {
        const refused = await graphql({ key }, query);
        expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
        expect(refused.body.data).toBeNull();
        expect(cacheOf(refused)).toEqual({ hit: false, didCache: false });
      }
    }
    expect(cacheOf(await graphql({ key: t.apiKey }, mine))).toEqual({ hit: true });

    // One query text that names no website: each share link's own.
    const shared = `{ sharedWebsite { id analytics(range: ${RANGE}) { summary { current { visitors } } } } }`;
    const links = [
      { share: await shareToken(t.apiKey, t.siteId), websiteId: t.siteId, visitors: 3 },
      { share: await shareToken(other.adminKey, other.websiteId), websiteId: other.websiteId, visitors: 1 },
    ];
    for (let round = 0; round < 2; round++) {
      for (const link of links) {
        const response = await graphql({ share: link.share }, shared);
        expect(response.body.data?.sharedWebsite).toEqual({
          id: link.websiteId,
          analytics: { summary: { current: { visitors: link.visitors } } },
        });
        expect(cacheOf(response)?.hit).toBe(round === 1);
      }
    }
  });

  it('answers afresh after any mutation: a goal changed, a website renamed in another organization', async () => {
    now += TTL_MS + 1; // every earlier answer expired
    const created = await graphql(
      { key: t.apiKey },
      `mutation { createGoal(websiteId: "${t.siteId}", input: { name: "paid", type: PAGE_VIEW, target: "/pricing" }) {
        ... on MutationCreateGoalSuccess { data { id } } } }`,
    );
    const goalId = ok(created, 'createGoal').id;
    const goals = `{ website(id: "${t.siteId}") { analytics(range: ${RANGE}) { goals { goalId conversions } } } }`;
    const conversions = async () => {
      const response = await graphql({ key: t.apiKey }, goals);
      return [response.body.data?.website.analytics.goals, cacheOf(response)?.hit];
    };
    expect(await conversions()).toEqual([[{ goalId, conversions: 1 }], false]);
    expect(await conversions()).toEqual([[{ goalId, conversions: 1 }], true]);

    const updated = await graphql(
      { key: t.apiKey },
      `mutation { updateGoal(id: "${goalId}", input: { name: "read", type: PAGE_VIEW, target: "/*" }) { __typename } }`,
    );
    expect(updated.body.data?.updateGoal.__typename).toBe('MutationUpdateGoalSuccess');
    expect(await conversions()).toEqual([[{ goalId, conversions: 3 }], false]);

    // A mutation of another organization's caller moves the generation too (one per process).
    expect(await conversions()).toEqual([[{ goalId, conversions: 3 }], true]);
    await graphql(
      { key: other.adminKey },
      `mutation { updateWebsite(id: "${other.websiteId}", input: { name: "x" }) { __typename } }`,
    );
    expect((await conversions())[1]).toBe(false);
  });

  it('keeps a share link’s and a segment’s answers apart from every other caller’s', async () => {
    now += TTL_MS + 1; // every earlier answer expired
    const created = await graphql(
      { key: t.apiKey },
      `mutation { createSegment(websiteId: "${t.siteId}", input: { name: "pricing", filter: { field: PATH, op: IS, value: ["/pricing"] } }) {
        ... on MutationCreateSegmentSuccess { data { id } } } }`,
    );
    const segmented = summary(t.siteId, `, segment: "${ok(created, 'createSegment').id}"`);
    const whole = summary(t.siteId);
    const share = { share: await shareToken(t.apiKey, t.siteId) };
    const colleague = { key: await issueKey(t.prisma, t.organizationId, ['READ_ANALYTICS']) };

    for (let round = 0; round < 2; round++) {
      expect(visitors(await graphql({ key: t.apiKey }, segmented))).toBe(1);
      expect(visitors(await graphql({ key: t.apiKey }, whole))).toBe(3);
      // The segment is its owner's (private): others asking the same text are refused, not served the owner's copy.
      for (const caller of [share, colleague]) {
        const refused = await graphql(caller, segmented);
        expect(refused.body.data).toBeNull();
        expect(refused.body.errors?.[0]?.extensions?.code).toMatch(/^(NOT_FOUND|FORBIDDEN)$/);
      }
      const unsegmented = await graphql(share, whole);
      expect(visitors(unsegmented)).toBe(3);
      expect(cacheOf(unsegmented)?.hit).toBe(round === 1);
    }
  });

  it('charges a cached answer in full and reports that request’s own cost', async () => {
    now += TTL_MS + 1; // every earlier answer expired
    const key = await issueKey(t.prisma, t.organizationId, ['READ_ANALYTICS']);
    const miss = await graphql({ key }, summary(t.siteId));
    const hit = await graphql({ key }, summary(t.siteId));
    expect(cacheOf(hit)).toEqual({ hit: true });
    const spent = miss.body.extensions?.cost.requested as number;
    expect(spent).toBeGreaterThan(0);
    expect(miss.body.extensions?.cost).toMatchObject({ actual: spent, remaining: 1_000_000 - spent });
    expect(hit.body.extensions?.cost).toMatchObject({
      requested: spent,
      actual: spent,
      remaining: 1_000_000 - 2 * spent,
    });
    expect(hit.headers.get('x-ratelimit-remaining')).toBe(String(1_000_000 - 2 * spent));

    // The same key with its budget turned off (behind the API's back, so its answer stays cached)
    // gets no cost at all, not the copy the kept answer would carry.
    await t.prisma.apiKey.update({ where: { keyHash: hashApiKey(key) }, data: { rateLimitEnabled: false } });
    const unmetered = await graphql({ key }, summary(t.siteId));
    expect(unmetered.body.extensions).toEqual({ responseCache: { hit: true } });
    expect(unmetered.headers.get('x-ratelimit-remaining')).toBeNull();
  });

  it('keeps no error, no metadata and no live count, and answers If-None-Match in full', async () => {
    now += TTL_MS + 1; // every earlier answer expired
    // A website that does not exist yet, then does (made behind the API's back: no mutation).
    const id = 'cache-test-late-website';
    const missing = await graphql({ key: t.apiKey }, summary(id));
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await t.prisma.website.create({ data: { id, organizationId: t.organizationId, domain: 'late.test' } });
    expect(visitors(await graphql({ key: t.apiKey }, summary(id)))).toBe(0);

    const named = `{ website(id: "${id}") { name analytics(range: ${RANGE}) { summary { current { visitors } } } } }`;
    expect((await graphql({ key: t.apiKey }, named)).body.data?.website.name).toBeNull();
    await t.prisma.website.update({ where: { id }, data: { name: 'Late' } });
    const renamed = await graphql({ key: t.apiKey }, named);
    expect(renamed.body.data?.website.name).toBe('Late');
    expect(cacheOf(renamed)).toBeUndefined();

    const live = `{ website(id: "${t.siteId}") { analytics(range: ${RANGE}) { realtimeVisitors } } }`;
    expect(cacheOf(await graphql({ key: t.apiKey }, live))).toBeUndefined();

    // No ETag is handed out, and a conditional request is answered whole (a 304 would come before authentication).
    const cached = await graphql({ key: t.apiKey }, summary(t.siteId));
    expect(cached.headers.get('etag')).toBeNull();
    const conditional = await graphql({ key: other.adminKey }, summary(t.siteId), { 'if-none-match': '*' });
    expect(conditional.status).toBe(200);
    expect(conditional.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const own = await graphql({ key: t.apiKey }, summary(t.siteId), { 'if-none-match': '*' });
    expect([own.status, visitors(own), cacheOf(own)]).toEqual([200, 3, { hit: true }]);
  });

  it('leaves anonymous readers of a public website uncached', async () => {
    await t.prisma.website.update({ where: { id: other.websiteId }, data: { isPublic: true } });
    const response = await api.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: summary(other.websiteId) }),
    });
    const body = await response.json();
    expect(body.data.website.analytics.summary.current.visitors).toBe(1);
    expect(body.extensions?.responseCache).toBeUndefined();
  });
});

describe('which operations are cached', () => {
  const cached = (query: string) => {
    const document = parse(query);
    const operation = getOperationAST(document);
    return !!operation && readsOnlyAnalytics(schema, document, operation);
  };
  const analytics = `analytics(range: ${RANGE}) { summary { current { visitors } } }`;

  it('only analytics under the website, share and organization fields, with nothing but ids beside', () => {
    expect(cached(`{ website(id: "w") { ${analytics} } }`)).toBe(true);
    expect(
      cached(`{ __typename a: website(id: "w") { id __typename ${analytics} } sharedWebsite { ${analytics} } }`),
    ).toBe(true);
    expect(cached(`{ organization { id aiUsage(range: ${RANGE}) { byModel { calls } } } }`)).toBe(true);
    expect(
      cached(`query { website(id: "w") { ...F ... on Website { id } } } fragment F on Website { ${analytics} }`),
    ).toBe(true);

    expect(cached(`{ website(id: "w") { id } }`)).toBe(false);
    expect(cached(`{ website(id: "w") { name ${analytics} } }`)).toBe(false);
    expect(cached(`{ website(id: "w") { ...F } } fragment F on Website { domain ${analytics} }`)).toBe(false);
    expect(cached(`{ website(id: "w") { goals { edges { node { id } } } ${analytics} } }`)).toBe(false);
    expect(cached(`{ organization { websites { edges { node { ${analytics} } } } } }`)).toBe(false);
    expect(cached(`{ version website(id: "w") { ${analytics} } }`)).toBe(false);
    expect(cached(`{ website(id: "w") { analytics(range: ${RANGE}) { realtimeVisitors } } }`)).toBe(false);
    expect(cached(`{ website(id: "w") { analytics(range: ${RANGE}) { comparison { realtimeVisitors } } } }`)).toBe(
      false,
    );
    expect(cached(`mutation { signOut }`)).toBe(false);
  });
});

describe('RESPONSE_CACHE_TTL_MS', () => {
  const parseApi = (env: Record<string, string>) => parseEnv({ api: apiEnv }, env).api.responseCache;

  it('defaults to 10 seconds, turns off at 0, and refuses what is not a duration up to 5 minutes', () => {
    expect(parseApi({})).toEqual({ ttlMs: 10_000, maxBytes: 64 * 1024 * 1024 });
    expect(parseApi({ RESPONSE_CACHE_TTL_MS: '0' })).toBeUndefined();
    expect(parseApi({ RESPONSE_CACHE_TTL_MS: '2500', RESPONSE_CACHE_MAX_BYTES: '1000' })).toEqual({
      ttlMs: 2500,
      maxBytes: 1000,
    });
    for (const bad of ['-1', '1.5', 'soon', '300001']) {
      expect(() => parseApi({ RESPONSE_CACHE_TTL_MS: bad })).toThrow(ConfigError);
    }
    expect(() => parseApi({ RESPONSE_CACHE_MAX_BYTES: '0' })).toThrow(ConfigError);
  });
});
