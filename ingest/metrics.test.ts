import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { metricValue } from '../runtime/test-support.ts';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from './test-support.ts';

const TOKEN = 'metrics-token-0123456789';

describe('GET /metrics of ingest', () => {
  let t: TestIngest;
  beforeAll(async () => {
    t = await startTestIngest();
  });
  afterAll(() => t.close());

  const post = (events: unknown[], headers: Record<string, string> = {}) =>
    fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://example.com',
        'user-agent': CHROME_DESKTOP,
        'x-forwarded-for': '198.51.100.7',
        ...headers,
      },
      body: JSON.stringify({ clientId: t.siteId, events }),
    });
  const scrape = async () => (await fetch(`${t.url}/metrics`)).text();

  it('counts drops by the step that made them, accepted events, ClickHouse queries and the process', async () => {
    const view = () => ({ type: 'screen_view', eventId: randomUUID(), url: 'https://example.com/', title: 'Home' });
    const twice = view();
    expect((await post([view(), twice, twice, { type: 'nonsense' }, view()])).status).toBe(200);
    expect((await post([view()], { 'user-agent': 'curl/8.5.0' })).status).toBe(200);
    await t.rows(sql`SELECT 1`);

    const text = await scrape();
    expect(metricValue(text, 'tidemark_ingest_accepted_total{table="analytics.events"}')).toBe(3);
    expect(metricValue(text, 'tidemark_ingest_dropped_total{step="validate",reason="invalid"}')).toBe(1);
    expect(metricValue(text, 'tidemark_ingest_dropped_total{step="dedupe",reason="duplicate"}')).toBe(1);
    expect(metricValue(text, 'tidemark_ingest_dropped_total{step="bot",reason="bot"}')).toBe(1);
    expect(metricValue(text, 'tidemark_ingest_flushed_rows_total{table="analytics.events"}')).toBe(3);
    expect(
      metricValue(text, 'tidemark_clickhouse_query_duration_seconds_count{query="test_rows",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    expect(metricValue(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(metricValue(text, 'tidemark_postgres_pool_connections{state="total"}')).toBeGreaterThan(0);
  });

  it('answers only this machine, and not what a proxy forwards', async () => {
    expect((await fetch(`${t.url}/metrics`)).status).toBe(200);
    const forwarded = await fetch(`${t.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwarded.status).toBe(403);
    expect((await forwarded.json()).error.code).toBe('METRICS_REFUSED');
    expect((await fetch(`${t.url}/metrics`, { headers: { forwarded: 'for=203.0.113.9' } })).status).toBe(403);
  });
});

describe('GET /metrics of ingest with METRICS_TOKEN', () => {
  let t: TestIngest;
  beforeAll(async () => {
    t = await startTestIngest({ METRICS_TOKEN: TOKEN });
  });
  afterAll(() => t.close());

  it('needs the token, from anywhere', async () => {
    const get = (headers: Record<string, string>) => fetch(`${t.url}/metrics`, { headers });
    expect((await get({})).status).toBe(401);
    expect((await get({ authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await get({ authorization: TOKEN })).status).toBe(401);
    const granted = await get({ authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.9' });
    expect(granted.status).toBe(200);
    expect(await granted.text()).toContain('# TYPE tidemark_ingest_accepted_total counter');
  });
});
