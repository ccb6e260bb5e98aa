// GraphiQL in a real Chromium with every request outside the product blocked: it must load from
// the product alone, open on the example query, and run it with a key typed into its headers.
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { parse, validate } from 'graphql';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { launchTestBrowser } from '../runtime/test-browser.ts';
import { schema } from './executable-schema.ts';
import { GRAPHIQL_OPTIONS } from './graphiql.ts';
import { createApiServer } from './server.ts';

/** What an editor shows (Monaco renders spaces as no-break spaces). */
const textOf = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');

let t: TestIngest;
let api: Server;
let apiOrigin: string;
let browser: Browser;

beforeAll(async () => {
  t = await startTestIngest();
  api = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    http: t.ingest.context.config.http,
  });
  apiOrigin = `http://127.0.0.1:${await listen(api, 0, '127.0.0.1')}`;
  browser = await launchTestBrowser();
  // A first page view, as the README's first-run guide has one before opening GraphiQL.
  const response = await fetch(`${t.url}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://example.com', 'user-agent': CHROME_DESKTOP },
    body: JSON.stringify({
      clientId: t.siteId,
      events: [{ type: 'screen_view', eventId: randomUUID(), anonymousId: 'first', url: 'https://example.com/hello' }],
    }),
  });
  expect(response.status).toBe(200);
  await t.ingest.context.writer.flush();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (api) await closeServer(api);
  await t?.close();
});

it('opens on an example query that fits the schema, and does not persist headers', () => {
  expect(validate(schema, parse(GRAPHIQL_OPTIONS.defaultQuery as string))).toEqual([]);
  expect(GRAPHIQL_OPTIONS.shouldPersistHeaders).toBe(false);
  expect(JSON.parse(GRAPHIQL_OPTIONS.headers as string)).toEqual({ Authorization: 'Bearer ' });
});

it('loads with nothing but the product reachable, runs the example query with a key and shows the result', async () => {
  const context = await browser.newContext();
  const blocked: string[] = [];
  const served: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === apiOrigin) {
      served.push(url);
      return route.continue();
    }
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${apiOrigin}/graphql`);

  // The query editor shows the example; the headers editor the template.
  await expect
    .poll(() => textOf(page.locator('.graphiql-query-editor')), { timeout: 30_000 })
    .toContain('query Overview');
  await page.getByRole('button', { name: 'Headers', exact: true }).click();
  const headers = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden)');
  await expect.poll(() => textOf(headers)).toContain('"Authorization": "Bearer "');

  // Type the key after "Bearer " (its closing quote is the line's last character) and run.
  await headers.getByText('Bearer').click();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.insertText(t.apiKey);
  await page.getByRole('button', { name: /Execute query/ }).click();

  const result = page.locator('.graphiql-response');
  await expect.poll(() => textOf(result), { timeout: 30_000 }).toContain('"pageviews": 1');
  const text = await textOf(result);
  expect(text).toContain('"domain": "example.com"');
  expect(text).toContain('"value": "/hello"');
  expect(text).not.toContain('errors');

  expect(pageErrors).toEqual([]);
  expect(blocked).toEqual([]);
  expect(served.filter((url) => url.endsWith('/graphql')).length).toBeGreaterThan(1);
  // The key stays out of the browser's storage.
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain(t.apiKey);
  await context.close();
}, 120_000);
