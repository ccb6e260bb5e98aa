import { afterAll, beforeAll, expect, it } from 'vitest';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { createAnalyticsLoaders } from './loader.ts';
import { resolveRange } from './range.ts';

// Revenue (with a refund replacing its sale, two currencies, attribution) and LLM usage.
const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000);
const at = (hours: number) => toClickHouseDateTime(new Date(start.getTime() + hours * 3_600_000));
const range = resolveRange({ from: start.toISOString(), to: new Date(start.getTime() + 2 * 86_400_000).toISOString() });

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await freshClickHouse();
  const view = (visitor: string, hours: number, extra: object) =>
    eventRow({ client_id: 'shop', anonymous_id: visitor, session_id: visitor, time: at(hours), ...extra });
  await ch.client.insert({
    table: 'analytics.events',
    format: 'JSONEachRow',
    values: [
      view('v1', 1, { utm_source: 'newsletter' }),
      view('v1', 5, { referrer: 'https://www.google.com/' }),
      view('v2', 2, { referrer: 'https://www.google.com/search' }),
      view('v3', 3, {}),
    ],
  });
  const sale = (
    id: string,
    visitor: string | null,
    amount: number,
    currency: string,
    hours: number,
    extra: object = {},
  ) => ({
    owner_id: 'org',
    website_id: 'shop',
    transaction_id: id,
    provider: 'stripe',
    type: 'sale',
    status: 'completed',
    amount,
    original_amount: amount,
    original_currency: currency,
    currency,
    anonymous_id: visitor,
    product_name: 'Pro',
    created: at(hours).slice(0, 19),
    synced_at: at(hours).slice(0, 19),
    ...extra,
  });
  await ch.client.insert({
    table: 'analytics.revenue',
    format: 'JSONEachRow',
    values: [
      sale('t1', 'v1', 49.99, 'USD', 6),
      sale('t2', 'v2', 20, 'USD', 7, { product_name: 'Basic', provider: 'paddle' }),
      sale('t3', 'v3', 5000, 'JPY', 8),
      sale('t4', null, 10, 'USD', 9),
    ],
  });
  // t2 is refunded in full: a later row replaces the sale.
  await ch.client.insert({
    table: 'analytics.revenue',
    format: 'JSONEachRow',
    values: [
      sale('t2', 'v2', 0, 'USD', 10, {
        type: 'refund',
        status: 'refunded',
        provider: 'paddle',
        product_name: 'Basic',
        created: at(7).slice(0, 19),
        metadata: '{"gross":20,"refunded":20}',
      }),
    ],
  });
  await ch.client.insert({
    table: 'observability.ai_call_spans',
    format: 'JSONEachRow',
    values: [100, 200, 300, 400].map((duration, i) => ({
      owner_id: 'org',
      timestamp: at(1 + i),
      type: 'generate',
      model: 'gpt-4o-mini',
      provider: 'openai',
      input_tokens: 1000,
      output_tokens: 100,
      total_tokens: 1100,
      total_token_cost_usd: 0.001,
      tool_call_count: 0,
      tool_result_count: 0,
      tool_call_names: [],
      duration_ms: duration,
      http_status: i === 3 ? 529 : 200,
    })),
  });
});
afterAll(() => ch.close());

const scope = { websiteId: 'shop', range, filters: [] };

it('totals revenue per currency, with refunds replacing their sales', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  expect(await loaders.revenue.load({ ...scope, group: 'NONE' })).toEqual([
    { currency: 'JPY', value: '', revenue: 5000, transactions: 1, refunds: 0, refunded: 0 },
    { currency: 'USD', value: '', revenue: 59.99, transactions: 2, refunds: 1, refunded: 20 },
  ]);
  const byProvider = await loaders.revenue.load({ ...scope, group: 'PROVIDER' });
  expect(byProvider.filter((r) => r.currency === 'USD').map((r) => [r.value, r.revenue])).toEqual([
    ['stripe', 59.99],
    ['paddle', 0],
  ]);
});

it('attributes revenue to the paying visitor’s first source', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  const bySource = await loaders.revenue.load({ ...scope, group: 'SOURCE' });
  expect(bySource.map((r) => [r.currency, r.value, r.revenue])).toEqual([
    ['JPY', 'direct', 5000],
    ['USD', 'newsletter', 49.99],
    ['USD', '(unattributed)', 10],
    ['USD', 'google.com', 0],
  ]);
});

it('summarises LLM usage by provider and model', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  const [usage] = await loaders.aiUsage.load({ ownerId: 'org', range });
  expect(usage).toMatchObject({
    provider: 'openai',
    model: 'gpt-4o-mini',
    calls: 4,
    errors: 1,
    inputTokens: 4000,
    totalTokens: 4400,
  });
  expect(usage?.costUsd).toBeCloseTo(0.004, 10);
  expect(usage?.latencyP50Ms).toBe(250);
  const hourly = await loaders.aiTimeseries.load({ ownerId: 'org', range, interval: 'HOUR' });
  expect(hourly).toHaveLength(48);
  expect(hourly.slice(0, 5).map((p) => p.calls)).toEqual([0, 1, 1, 1, 1]);
  expect(hourly.reduce((sum, p) => sum + p.tokens, 0)).toBe(4400);
});
