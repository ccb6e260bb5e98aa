import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { MAX_JSON_DEPTH } from '../runtime/json-depth.ts';
import { startTestIngest, type TestIngest } from './test-support.ts';

/**
 * Values PostgreSQL cannot take (NUL in an id it looks up) and JSON nested past MAX_JSON_DEPTH:
 * each route answers 400 with a code, stores nothing, and keeps serving.
 */
let t: TestIngest;
beforeAll(async () => {
  t = await startTestIngest();
});
afterAll(() => t.close());

const NUL = 'W\u0000';
const browser = { origin: 'https://example.com', 'content-type': 'application/json' };
const deep = (levels: number) => `${'{"a":['.repeat(levels / 2)}1${']}'.repeat(levels / 2)}`;

const cases: [name: string, path: string, init: () => RequestInit, code: string][] = [
  [
    'batch clientId',
    '/v1/batch',
    () => ({
      method: 'POST',
      headers: browser,
      body: JSON.stringify({
        clientId: NUL,
        events: [{ type: 'screen_view', eventId: 'e1', url: 'https://example.com/' }],
      }),
    }),
    'INVALID_TEXT',
  ],
  ['pixel clientId', `/v1/px.gif?clientId=${encodeURIComponent(NUL)}`, () => ({ headers: browser }), 'INVALID_TEXT'],
  [
    'flags clientId (GET)',
    `/v1/flags?clientId=${encodeURIComponent(NUL)}`,
    () => ({ headers: browser }),
    'INVALID_TEXT',
  ],
  [
    'flags clientId (POST)',
    '/v1/flags',
    () => ({ method: 'POST', headers: browser, body: JSON.stringify({ clientId: NUL }) }),
    'INVALID_TEXT',
  ],
  [
    'flags environment',
    `/v1/flags?clientId={site}&environment=${encodeURIComponent(NUL)}`,
    () => ({ headers: browser }),
    'INVALID_TEXT',
  ],
  [
    'track websiteId',
    '/v1/track',
    () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
      body: JSON.stringify({ name: 'x', websiteId: NUL }),
    }),
    'INVALID_TEXT',
  ],
  [
    'stripe websiteId',
    `/v1/webhooks/stripe?websiteId=${encodeURIComponent(NUL)}`,
    () => ({ method: 'POST', body: '{}' }),
    'INVALID_TEXT',
  ],
  [
    'paddle websiteId',
    `/v1/webhooks/paddle?websiteId=${encodeURIComponent(NUL)}`,
    () => ({ method: 'POST', body: '{}' }),
    'INVALID_TEXT',
  ],
  [
    'flags properties 2,000 levels deep',
    '/v1/flags',
    () => ({ method: 'POST', headers: browser, body: `{"clientId": "${t.siteId}", "properties": ${deep(2_000)}}` }),
    'INVALID_JSON',
  ],
  [
    'track properties 20,000 levels deep',
    '/v1/track',
    () => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
      body: `{"name": "x", "properties": ${deep(20_000)}}`,
    }),
    'INVALID_JSON',
  ],
  [
    'batch properties nested past the bound',
    '/v1/batch',
    () => ({
      method: 'POST',
      headers: browser,
      body: `{"clientId": "${t.siteId}", "events": [{"type": "custom", "name": "x", "properties": ${deep(MAX_JSON_DEPTH)}}]}`,
    }),
    'INVALID_JSON',
  ],
];

it.each(cases)('%s → 400 %s, nothing stored', async (_name, path, init, code) => {
  const response = await fetch(`${t.url}${path.replace('{site}', t.siteId)}`, init());
  expect(response.status).toBe(400);
  expect((await response.json()).error.code).toBe(code);
  for (const table of ['analytics.events', 'analytics.custom_events', 'analytics.revenue']) {
    expect(await t.rows(sql`SELECT count() AS n FROM ${sql.identifier(table, [table])}`)).toEqual([{ n: 0 }]);
  }
  expect((await fetch(`${t.url}/health`)).status).toBe(200);
});

it('still takes a flag request nested within the bound', async () => {
  const response = await fetch(`${t.url}/v1/flags`, {
    method: 'POST',
    headers: browser,
    body: `{"clientId": "${t.siteId}", "properties": {"plan": ${deep(MAX_JSON_DEPTH - 2)}}}`,
  });
  expect(response.status).toBe(200);
});
