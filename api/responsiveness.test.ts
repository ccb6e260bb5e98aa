import type { Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { DOCUMENT_LIMITS } from './request-limits.ts';
import { createApiServer } from './server.ts';

/**
 * The embedded mode (npm start): API and ingest in one process, on one event loop. A request
 * bomb sent to the API is refused before it runs, and ingest answers meanwhile.
 */
let t: TestIngest;
let api: Server;
let apiUrl: string;
beforeAll(async () => {
  t = await startTestIngest();
  api = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    http: t.ingest.context.config.http,
  });
  apiUrl = `http://127.0.0.1:${await listen(api, 0, '127.0.0.1')}`;
});
afterAll(async () => {
  await closeServer(api);
  await t.close();
});

const graphql = async (query: string) => {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${t.apiKey}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: await response.json() };
};

const BOMBS = {
  '50,000 __typename aliases (0.9 MB, within the body limit)': `{ ${Array.from({ length: 50_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
  '100 aliased __schema': `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: __schema { types { name fields { name type { name } } } }`).join(' ')} }`,
};

it.each(Object.entries(BOMBS))('refuses %s before executing it while ingest keeps answering', async (_name, bomb) => {
  const [refused, health, event] = await Promise.all([
    graphql(bomb),
    fetch(`${t.url}/health`),
    fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: { origin: 'https://example.com', 'content-type': 'application/json', 'user-agent': CHROME_DESKTOP },
      body: JSON.stringify({
        clientId: t.siteId,
        events: [{ type: 'screen_view', eventId: crypto.randomUUID(), url: 'https://example.com/' }],
      }),
    }),
  ]);
  expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  // No `data` at all: the operation failed validation and never ran (GraphQL spec, "Response").
  expect(refused.body).not.toHaveProperty('data');
  expect(health.status).toBe(200);
  expect(event.status).toBe(200);
  expect(await event.json()).toMatchObject({ accepted: 1 });
  // And the API itself is still there.
  expect((await graphql('{ version }')).body.data.version).toBeTypeOf('string');
});

it('answers one introspection query (what GraphiQL and codegen send)', async () => {
  const response = await graphql('{ __schema { types { name } } }');
  expect(response.body.data.__schema.types.length).toBeGreaterThan(10);
  expect(DOCUMENT_LIMITS.introspection).toBe(1);
});
