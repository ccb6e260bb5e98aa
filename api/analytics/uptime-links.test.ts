import { afterAll, beforeAll, expect, it } from 'vitest';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { generateApiKey } from '../../prisma/api-keys.ts';
import { graphqlOver } from './test-support.ts';

// Uptime availability, latency and incidents, and short-link click analytics, through GraphQL.
const start = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
const at = (minutes: number) => toClickHouseDateTime(new Date(start + minutes * 60_000));
const range = `{ from: "${new Date(start).toISOString()}", to: "${new Date(start + 2 * 86_400_000).toISOString()}" }`;

let t: TestIngest;
let graphql: ReturnType<typeof graphqlOver>;
let monitorId: string;
let reader: string;

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  const { key, ...stored } = generateApiKey();
  await t.prisma.apiKey.create({
    data: { ...stored, name: 'meta', organizationId: t.organizationId, scopes: ['WRITE_METADATA'] },
  });
  reader = key;
  monitorId = (
    await t.prisma.uptimeMonitor.create({
      data: { organizationId: t.organizationId, name: 'site', url: 'https://example.com/' },
    })
  ).id;
  // up, down, down, up (incident 1), down, up (a blip), degraded, down, down (ongoing incident).
  const statuses = ['up', 'down', 'down', 'up', 'down', 'up', 'degraded', 'down', 'down'];
  await t.clickhouse.insert({
    table: 'uptime.checks',
    format: 'JSONEachRow',
    values: statuses.map((status, i) => ({
      monitor_id: monitorId,
      owner_id: t.organizationId,
      timestamp: at(i),
      region: 'local',
      url: 'https://example.com/',
      status,
      http_status: status === 'down' ? 503 : 200,
      total_ms: (i + 1) * 100,
      error: status === 'down' ? `down ${i}` : null,
    })),
  });
  const link = await t.prisma.link.create({
    data: { slug: 'go', targetUrl: 'https://example.com/', organizationId: t.organizationId },
  });
  await t.clickhouse.insert({
    table: 'analytics.link_clicks',
    format: 'JSONEachRow',
    values: [
      ['a', 'https://news.ycombinator.com/item', 'GB'],
      ['a', 'https://news.ycombinator.com/item', 'GB'],
      ['b', null, 'SE'],
    ].map(([visitor, referrer, country], i) => ({
      link_id: link.id,
      owner_id: t.organizationId,
      timestamp: at(i),
      visitor_hash: visitor,
      referrer,
      country,
    })),
  });
});
afterAll(() => t.close());

it('reports availability, latency percentiles and incidents per monitor', async () => {
  const { data, errors } = await graphql(`{ organization { uptimeMonitors { edges { node { stats(range: ${range}) {
    checks availability degradedChecks latencyP50Ms incidents { started ended failures lastError } } } } } } }`);
  expect(errors).toBeUndefined();
  const stats = data?.organization.uptimeMonitors.edges[0].node.stats;
  expect(stats).toMatchObject({ checks: 9, availability: 4 / 9, degradedChecks: 1, latencyP50Ms: 500 });
  expect(stats.incidents).toEqual([
    { started: new Date(start + 7 * 60_000).toISOString(), ended: null, failures: 2, lastError: 'down 8' },
    {
      started: new Date(start + 60_000).toISOString(),
      ended: new Date(start + 3 * 60_000).toISOString(),
      failures: 2,
      lastError: 'down 2',
    },
  ]);
});

it('reports link clicks, clickers, sources and days', async () => {
  const { data, errors } = await graphql(`{ organization { links { edges { node { stats(range: ${range}) {
    clicks uniqueClickers referrers: breakdown(dimension: REFERRER) { value clicks clickers }
    countries: breakdown(dimension: COUNTRY) { value clicks } daily { clicks } } } } } } }`);
  expect(errors).toBeUndefined();
  const stats = data?.organization.links.edges[0].node.stats;
  expect(stats).toMatchObject({
    clicks: 3,
    uniqueClickers: 2,
    referrers: [
      { value: 'news.ycombinator.com', clicks: 2, clickers: 1 },
      { value: '', clicks: 1, clickers: 1 },
    ],
    countries: [
      { value: 'GB', clicks: 2 },
      { value: 'SE', clicks: 1 },
    ],
  });
  expect(stats.daily.map((d: { clicks: number }) => d.clicks)).toEqual([3, 0]);
});

it('needs read:analytics', async () => {
  const { errors } = await graphql(
    `{ organization { links { edges { node { stats(range: ${range}) { clicks } } } } } }`,
    reader,
  );
  expect(errors?.[0]?.extensions.code).toBe('FORBIDDEN');
});
