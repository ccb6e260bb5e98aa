import { afterAll, beforeAll, expect, it } from 'vitest';
import { pglite } from '../prisma/test-support.ts';
import { startTestApi, type TestApi } from './test-support.ts';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi(pglite);
});
afterAll(() => t?.close());

it('answers /health with JSON, as ingest does', async () => {
  const response = await t.api.fetch('http://api.test/health');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(await response.json()).toEqual({ status: 'ok' });
});

it('answers / with a page that points to GraphiQL, and other paths with 404', async () => {
  const home = await t.api.fetch('http://api.test/');
  expect(home.status).toBe(200);
  expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await home.text();
  expect(html).toContain('<a href="/graphql">GraphiQL</a>');
  expect(html).toContain('npm run admin-key');
  expect((await t.api.fetch('http://api.test/elsewhere', { headers: { accept: 'text/html' } })).status).toBe(404);
  expect((await t.api.fetch('http://api.test/', { method: 'POST' })).status).toBe(404);
});
