import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshClickHouse, type TestClickHouse } from '../clickhouse/test-support.ts';
import { type MigratedDatabase, migratedDatabase, pglite, postgresTargets } from '../prisma/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { metricValue } from '../runtime/test-support.ts';
import { MAX_OPERATION_NAMES } from './metrics.ts';
import { createApi, createApiServer } from './server.ts';
import { createTenant, type Tenant } from './test-support.ts';

const HTTP = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnections: 100 };
const log = createLogger('api-test', 'error');

describe.each(postgresTargets)('GET /metrics of the API on $name, over HTTP on this machine', (target) => {
  let db: MigratedDatabase;
  let ch: TestClickHouse;
  let server: Server;
  let url: string;
  let tenant: Tenant;
  beforeAll(async () => {
    db = await migratedDatabase(target, 3);
    ch = await freshClickHouse();
    tenant = await createTenant(db.prisma, 'acme');
    server = createApiServer({ prisma: db.prisma, clickhouse: ch.client }, log, { http: HTTP });
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  });
  afterAll(async () => {
    await closeServer(server);
    await db?.close();
    await ch?.close();
  });

  const graphql = async (query: string, key: string | null = tenant.adminKey) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: await response.json() };
  };
  const scrape = async () => {
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const requests = (text: string, operation: string, outcome: string) =>
    metricValue(text, `tidemark_api_requests_total{operation="${operation}",outcome="${outcome}"}`) ?? 0;

  it('counts requests and their latency by operation and outcome, ClickHouse queries by name, the pool and the process', async () => {
    const summary = `website(id: "${tenant.websiteId}") { analytics(range: { preset: LAST_7_DAYS }) { summary { current { pageviews } } } }`;
    expect((await graphql(`query Dashboard { ${summary} }`)).body.errors).toBeUndefined();
    expect((await graphql(`query Dashboard { ${summary} }`)).body.errors).toBeUndefined();
    expect((await graphql('{ __typename }')).body.errors).toBeUndefined();
    // Errors: a field that does not exist (never runs), a key that does not exist (never runs).
    expect((await graphql('query Broken { nothingHere }')).body.errors).toHaveLength(1);
    expect((await graphql('query Dashboard { __typename }', 'tm_not_a_key')).body.errors).toHaveLength(1);

    const text = await scrape();
    expect(requests(text, 'Dashboard', 'ok')).toBe(2);
    expect(metricValue(text, 'tidemark_api_request_duration_seconds_count{operation="Dashboard",outcome="ok"}')).toBe(
      2,
    );
    expect(
      metricValue(text, 'tidemark_api_request_duration_seconds_bucket{le="+Inf",operation="Dashboard",outcome="ok"}'),
    ).toBe(2);
    expect(
      metricValue(text, 'tidemark_api_request_duration_seconds_sum{operation="Dashboard",outcome="ok"}'),
    ).toBeGreaterThan(0);
    expect(requests(text, 'anonymous', 'ok')).toBe(1);
    expect(requests(text, 'none', 'error')).toBe(2);
    // The summary ran its ClickHouse query (this and the previous period, batched by DataLoader).
    expect(
      metricValue(text, 'tidemark_clickhouse_query_duration_seconds_count{query="analytics_summary",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(2);
    expect(metricValue(text, 'tidemark_postgres_pool_connections{state="total"}')).toBeGreaterThan(0);
    expect(metricValue(text, 'tidemark_postgres_pool_connections{state="waiting"}')).toBe(0);
    expect(metricValue(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(metricValue(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    // The GraphiQL page, /health and /metrics itself are not GraphQL requests.
    await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    await fetch(`${url}/health`);
    const again = await scrape();
    const total = (t: string) =>
      t
        .split('\n')
        .filter((l) => l.startsWith('tidemark_api_requests_total{'))
        .reduce((sum, l) => sum + Number(l.split(' ')[1]), 0);
    expect(total(again)).toBe(total(text));
  });

  it('keeps the operation series bounded whatever names clients invent', async () => {
    // Without a key, a new name never gets a series.
    for (let i = 0; i < 5; i++) await graphql(`query Stranger${i} { __typename }`, null);
    let text = await scrape();
    expect(text).not.toContain('operation="Stranger0"');
    expect(requests(text, 'other', 'ok')).toBe(5);
    // With a key, names get series until MAX_OPERATION_NAMES are taken; the rest count as `other`.
    for (let i = 0; i < MAX_OPERATION_NAMES + 20; i++) await graphql(`query Invented${i} { __typename }`);
    await graphql(`query ${'L'.repeat(65)} { __typename }`);
    text = await scrape();
    const operations = new Set(
      text
        .split('\n')
        .filter((l) => l.startsWith('tidemark_api_requests_total{'))
        .map((l) => /operation="([^"]*)"/.exec(l)?.[1]),
    );
    expect(operations.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 3); // + anonymous, none, other
    // Dashboard (earlier) and Invented0..98 took the 100 names; Invented99..119 and the long name are `other`.
    expect(operations.has(`Invented${MAX_OPERATION_NAMES - 2}`)).toBe(true);
    expect(operations.has(`Invented${MAX_OPERATION_NAMES - 1}`)).toBe(false);
    expect(operations.has('L'.repeat(65))).toBe(false);
    expect(requests(text, 'other', 'ok')).toBe(5 + 21 + 1);
    // A name that has a series keeps it for everyone.
    await graphql('query Invented0 { __typename }', null);
    expect(requests(await scrape(), 'Invented0', 'ok')).toBe(2);
  });

  it('refuses what a proxy forwards when no METRICS_TOKEN is set', async () => {
    const forwarded = await fetch(`${url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwarded.status).toBe(403);
    expect((await forwarded.json()).errors[0].extensions.code).toBe('METRICS_REFUSED');
  });
});

describe('GET /metrics of the API with METRICS_TOKEN', () => {
  let db: MigratedDatabase;
  let ch: TestClickHouse;
  beforeAll(async () => {
    db = await migratedDatabase(pglite, 2);
    ch = await freshClickHouse({ migrate: false });
  });
  afterAll(async () => {
    await db?.close();
    await ch?.close();
  });

  it('needs the token, and without one answers no remote client', async () => {
    const token = 'metrics-token-0123456789';
    const stores = { prisma: db.prisma, clickhouse: ch.client };
    const guarded = createApi(stores, log, { metricsToken: token });
    const get = (headers: Record<string, string> = {}) => guarded.fetch('http://api.test/metrics', { headers });
    expect((await get()).status).toBe(401);
    expect((await get({ authorization: `Bearer ${token}0` })).status).toBe(401);
    const granted = await get({ authorization: `Bearer ${token}` });
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain('# TYPE tidemark_api_requests_total counter');
    // Without a token and without a connection from this machine (here: no socket at all), refused.
    expect((await createApi(stores, log).fetch('http://api.test/metrics')).status).toBe(403);
  });
});
