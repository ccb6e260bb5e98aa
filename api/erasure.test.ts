import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISITOR_TABLES, WEBSITE_TABLES } from '../clickhouse/erasure.ts';
import { runQuery } from '../clickhouse/query.ts';
import { sql, toClickHouseDateTime } from '../clickhouse/sql.ts';
import { eventRow } from '../clickhouse/test-support.ts';
import { startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { type Api, createApi } from './server.ts';
import {
  createTenant,
  type GraphQLResponse,
  issueKey,
  ok,
  refusalCode,
  type Tenant,
  withoutCost,
} from './test-support.ts';

// The API on the same migrated stores as a real ingest: erasure reaches every ClickHouse table.
let t: TestIngest;
let api: Api;
let owner: Tenant;
let other: Tenant;
let secondSite: string;

beforeAll(async () => {
  t = await startTestIngest();
  api = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'));
  owner = await createTenant(t.prisma, 'owner');
  other = await createTenant(t.prisma, 'other');
  secondSite = (
    await t.prisma.website.create({ data: { organizationId: owner.organizationId, domain: 'second.test' } })
  ).id;
});
afterAll(() => t.close());

async function graphql(query: string, key: string | null): Promise<GraphQLResponse> {
  const response = await api.fetch('http://api.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const result =
  '{ __typename ... on MutationDeleteWebsiteSuccess { data { websiteId anonymousId } } ... on Error { code } }';
const eraseResult =
  '{ __typename ... on MutationEraseVisitorSuccess { data { websiteId anonymousId } } ... on Error { code } }';
const deleteWebsite = (id: string, key: string | null) =>
  graphql(`mutation { deleteWebsite(id: "${id}") ${result} }`, key);
const eraseVisitor = (websiteId: string, anonymousId: string, key: string | null) =>
  graphql(`mutation { eraseVisitor(websiteId: "${websiteId}", anonymousId: "${anonymousId}") ${eraseResult} }`, key);

const now = () => toClickHouseDateTime(new Date());

/**
 * Rows of one visitor on one website in every raw table (the MVs fill visits, daily_pageviews
 * and error_hourly from events and error_spans).
 */
async function seed(websiteId: string, organizationId: string, anonymousId: string) {
  const session = `${anonymousId}-session`;
  const insert = (table: string, values: Record<string, unknown>[]) =>
    t.clickhouse.insert({ table, values, format: 'JSONEachRow' });
  await insert('analytics.events', [
    eventRow({ client_id: websiteId, time: now(), anonymous_id: anonymousId, session_id: session }),
    eventRow({ client_id: websiteId, time: now(), anonymous_id: anonymousId, session_id: session, path: '/b' }),
  ]);
  await insert('analytics.error_spans', [
    {
      client_id: websiteId,
      anonymous_id: anonymousId,
      session_id: session,
      timestamp: now(),
      path: '/',
      message: 'boom',
      error_type: 'Error',
    },
  ]);
  await insert('analytics.web_vitals', [
    {
      client_id: websiteId,
      anonymous_id: anonymousId,
      session_id: session,
      timestamp: now(),
      metric_name: 'LCP',
      metric_value: 1200,
      path: '/',
      view_id: `${anonymousId}-view`,
    },
  ]);
  await insert('analytics.custom_events', [
    {
      owner_id: organizationId,
      website_id: websiteId,
      timestamp: now(),
      event_name: 'signup',
      anonymous_id: anonymousId,
    },
  ]);
  await insert('analytics.revenue', [
    {
      owner_id: organizationId,
      website_id: websiteId,
      transaction_id: `pi_${websiteId}_${anonymousId}`,
      provider: 'stripe',
      type: 'sale',
      status: 'completed',
      amount: 10,
      original_amount: 10,
      currency: 'USD',
      original_currency: 'USD',
      anonymous_id: anonymousId,
      metadata: '{}',
      created: now(),
      synced_at: now(),
    },
  ]);
  await insert('analytics.link_clicks', [
    { link_id: `link_${websiteId}`, owner_id: organizationId, website_id: websiteId, timestamp: now() },
  ]);
  await insert('uptime.checks', [
    { monitor_id: `mon_${websiteId}`, owner_id: organizationId, website_id: websiteId, timestamp: now(), total_ms: 5 },
  ]);
}

/** Rows per table naming the website (and the visitor, when given). */
async function counts(websiteId: string, anonymousId?: string): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(WEBSITE_TABLES)
      .filter(([table]) => !anonymousId || (VISITOR_TABLES as readonly string[]).includes(table))
      .map(async ([table, column]) => {
        const [row] = await runQuery<{ n: number }>(t.clickhouse, {
          name: 'test_erasure_count',
          query: sql`SELECT count() AS n FROM ${sql.identifier(table, [table])}
            WHERE ${sql.identifier(column, [column])} = ${websiteId}
            ${anonymousId ? sql`AND anonymous_id = ${anonymousId}` : sql``}`,
        });
        return [table, row?.n ?? 0] as const;
      }),
  );
  return Object.fromEntries(entries);
}

const rollups = (websiteId: string) =>
  runQuery<{ pageviews: number; visitors: number; affected: number }>(t.clickhouse, {
    name: 'test_erasure_rollups',
    query: sql`SELECT
        (SELECT sum(pageviews) FROM analytics.daily_pageviews WHERE client_id = ${websiteId}) AS pageviews,
        (SELECT uniqMerge(visitors) FROM analytics.daily_pageviews WHERE client_id = ${websiteId}) AS visitors,
        (SELECT uniqMerge(affected_users) FROM analytics.error_hourly WHERE client_id = ${websiteId}) AS affected`,
  });

describe('erasure', () => {
  beforeAll(async () => {
    for (const visitor of ['alice', 'bob']) {
      await seed(owner.websiteId, owner.organizationId, visitor);
      await seed(secondSite, owner.organizationId, visitor);
      await seed(other.websiteId, other.organizationId, visitor);
    }
  });

  it('lists every ClickHouse table that names a website or a visitor', async () => {
    const columns = await runQuery<{ table: string; name: string }>(t.clickhouse, {
      name: 'test_erasure_columns',
      query: sql`SELECT concat(database, '.', table) AS table, name FROM system.columns
        WHERE database IN ('analytics', 'uptime', 'observability')
          AND name IN ('client_id', 'website_id', 'anonymous_id')`,
    });
    const views = await runQuery<{ table: string }>(t.clickhouse, {
      name: 'test_erasure_views',
      query: sql`SELECT concat(database, '.', name) AS table FROM system.tables WHERE engine = 'MaterializedView'`,
    });
    const stored = columns.filter((c) => !views.some((v) => v.table === c.table));
    const naming = (name: string) => [...new Set(stored.filter((c) => c.name === name).map((c) => c.table))].sort();
    expect([...naming('client_id'), ...naming('website_id')].sort()).toEqual(Object.keys(WEBSITE_TABLES).sort());
    // Rollups count visitors without their ids (and are rebuilt); every table with the id is erased.
    expect(naming('anonymous_id')).toEqual([...VISITOR_TABLES].sort());
  });

  it('eraseVisitor deletes one visitor of one website and rebuilds the rollups without them', async () => {
    expect(Object.values(await counts(owner.websiteId, 'alice')).every((n) => n > 0)).toBe(true);
    expect(await rollups(owner.websiteId)).toEqual([{ pageviews: 4, visitors: 2, affected: 2 }]);
    const otherSite = await counts(secondSite);
    const otherOrganization = await counts(other.websiteId);

    expect(ok(await eraseVisitor(owner.websiteId, 'alice', owner.adminKey), 'eraseVisitor')).toEqual({
      websiteId: owner.websiteId,
      anonymousId: 'alice',
    });

    expect(Object.values(await counts(owner.websiteId, 'alice')).every((n) => n === 0)).toBe(true);
    expect(Object.values(await counts(owner.websiteId, 'bob')).every((n) => n > 0)).toBe(true);
    expect(await rollups(owner.websiteId)).toEqual([{ pageviews: 2, visitors: 1, affected: 1 }]);
    // The same visitor id on another website (of this or another organization) is untouched.
    expect(await counts(secondSite)).toEqual(otherSite);
    expect(await counts(other.websiteId)).toEqual(otherOrganization);
    expect(await rollups(secondSite)).toEqual([{ pageviews: 4, visitors: 2, affected: 2 }]);
  });

  it('deleteWebsite deletes the website, its records and every row of its data, and nothing else', async () => {
    const { prisma } = t;
    const website = owner.websiteId;
    await prisma.goal.create({ data: { websiteId: website, name: 'g', type: 'EVENT', target: 'signup' } });
    await prisma.link.create({
      data: { organizationId: owner.organizationId, websiteId: website, slug: 'gone', targetUrl: 'https://a.test' },
    });
    const restrictedKey = await issueKey(prisma, owner.organizationId, ['READ_ANALYTICS'], { websiteId: website });
    const otherSite = await counts(secondSite);
    const otherOrganization = await counts(other.websiteId);

    expect(ok(await deleteWebsite(website, owner.adminKey), 'deleteWebsite')).toEqual({
      websiteId: website,
      anonymousId: null,
    });

    expect(Object.values(await counts(website)).every((n) => n === 0)).toBe(true);
    expect(await prisma.website.findUnique({ where: { id: website } })).toBeNull();
    expect(await prisma.goal.count({ where: { websiteId: website } })).toBe(0);
    expect(await prisma.link.count({ where: { slug: 'gone' } })).toBe(0);
    expect(refusalCode(await graphql('{ me { id } }', restrictedKey), 'me')).toBe('UNAUTHENTICATED');
    expect(await counts(secondSite)).toEqual(otherSite);
    expect(await counts(other.websiteId)).toEqual(otherOrganization);
    // Gone means gone: a second call finds nothing.
    expect(refusalCode(await deleteWebsite(website, owner.adminKey), 'deleteWebsite')).toBe('NOT_FOUND');
  });

  it('answers another organization’s website exactly like one that does not exist, and changes nothing', async () => {
    const before = await counts(other.websiteId);
    for (const [real, none] of [
      [await deleteWebsite(other.websiteId, owner.adminKey), await deleteWebsite('does-not-exist', owner.adminKey)],
      [
        await eraseVisitor(other.websiteId, 'bob', owner.adminKey),
        await eraseVisitor('does-not-exist', 'bob', owner.adminKey),
      ],
    ] as const) {
      expect(withoutCost(real.body)).toEqual(withoutCost(none.body));
      expect(JSON.stringify(real.body)).toContain('NOT_FOUND');
    }
    expect(await counts(other.websiteId)).toEqual(before);
    expect(await t.prisma.website.findUnique({ where: { id: other.websiteId } })).not.toBeNull();
  });

  it('needs an organization admin key: not a write key, nor an admin key restricted to the website', async () => {
    const before = await counts(secondSite);
    const writer = await issueKey(t.prisma, owner.organizationId, ['WRITE_METADATA', 'READ_ANALYTICS']);
    const restrictedAdmin = await issueKey(t.prisma, owner.organizationId, ['ADMIN'], { websiteId: secondSite });
    for (const key of [writer, restrictedAdmin]) {
      expect(refusalCode(await deleteWebsite(secondSite, key), 'deleteWebsite')).toBe('FORBIDDEN');
      expect(refusalCode(await eraseVisitor(secondSite, 'bob', key), 'eraseVisitor')).toBe('FORBIDDEN');
    }
    expect(refusalCode(await deleteWebsite(secondSite, null), 'deleteWebsite')).toBe('UNAUTHENTICATED');
    expect(refusalCode(await eraseVisitor(secondSite, '', owner.adminKey), 'eraseVisitor')).toBe('BAD_USER_INPUT');
    expect(await counts(secondSite)).toEqual(before);
  });
});
