import { afterAll, beforeAll, expect, it } from 'vitest';
import { distIsCurrent, writeDist } from '../dashboard/build.ts';
import { pglite } from '../prisma/test-support.ts';
import { startTestApi, type TestApi } from './test-support.ts';

let t: TestApi;
beforeAll(async () => {
  // npm ci and npm start build it; a test run after editing the dashboard rebuilds it.
  if (!distIsCurrent()) await writeDist();
  t = await startTestApi(pglite);
});
afterAll(() => t?.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  t.api.fetch(`http://api.test${path}`, { headers: { accept: 'text/html', ...headers } });

it('answers /health with JSON, as ingest does', async () => {
  const response = await t.api.fetch('http://api.test/health');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/json');
  expect(await response.json()).toEqual({ status: 'ok' });
});

it('answers / and every client-side route with the dashboard page, other paths with 404', async () => {
  const home = await get('/');
  expect(home.status).toBe(200);
  expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(home.headers.get('cache-control')).toBe('no-cache');
  const html = await home.text();
  expect(html).toMatch(/<script type="module" src="\/assets\/app-[\w]+\.js"><\/script>/);
  expect(html).not.toMatch(/<script>|<style|style=/);
  for (const path of [
    '/w/site1',
    '/share/tok_abc',
    '/setup/tok',
    '/invite/tok',
    '/sign-in',
    '/manage',
    '/manage/websites/site1/goals',
  ]) {
    const page = await get(path);
    expect(page.status, path).toBe(200);
    expect(await page.text(), path).toBe(html);
  }
  for (const path of [
    '/elsewhere',
    '/w/',
    '/w/a/b',
    '/share/a/b',
    '/manage/',
    '/manage/a/b/c/d',
    '/assets/none.js',
    '/assets/../package.json',
  ]) {
    expect((await get(path)).status, path).toBe(404);
  }
  expect((await t.api.fetch('http://api.test/', { method: 'POST' })).status).toBe(404);
  // The API itself is unchanged: GraphiQL on /graphql.
  expect(await (await get('/graphql')).text()).toContain('graphiql');
});

it('serves hashed assets for a year, gzipped when asked, and HEAD without a body', async () => {
  const html = await (await get('/')).text();
  const script = /src="(\/assets\/app-\w+\.js)"/.exec(html)?.[1] as string;
  const style = /href="(\/assets\/app-\w+\.css)"/.exec(html)?.[1] as string;
  const plain = await get(script, { 'accept-encoding': 'identity' });
  expect(plain.status).toBe(200);
  expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(plain.headers.get('content-encoding')).toBeNull();
  const body = await plain.text();
  const zipped = await get(script, { 'accept-encoding': 'gzip, br' });
  expect(zipped.headers.get('content-encoding')).toBe('gzip');
  expect(Number(zipped.headers.get('content-length'))).toBeLessThan(body.length / 2);
  expect((await get(style)).headers.get('content-type')).toBe('text/css; charset=utf-8');
  const head = await t.api.fetch(`http://api.test${script}`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(await head.text()).toBe('');
});

it('sends the security headers on every dashboard response, leaving frame-ancestors to share links', async () => {
  const html = await (await get('/')).text();
  const script = /src="(\/assets\/app-\w+\.js)"/.exec(html)?.[1] as string;
  for (const path of ['/', '/w/x', '/sign-in', '/setup/t', '/invite/t', script, '/assets/missing.js', '/share/t']) {
    const response = await get(path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp, path).toContain("default-src 'none'");
    expect(csp, path).toContain("script-src 'self';");
    expect(csp, path).toContain("style-src 'self';");
    expect(csp, path).toContain("connect-src 'self'");
    expect(csp, path).not.toContain('unsafe-inline');
    expect(csp, path).not.toMatch(/https?:/);
    expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
    // Several policies arrive joined by ", " and are all enforced. The page's own leaves framing of
    // /share/* to the share link's policy (api/share-links.ts), which an unknown token denies.
    const [own, ...others] = csp.split(', ');
    if (path.startsWith('/share/')) {
      expect(own, path).not.toContain('frame-ancestors');
      expect(others, path).toEqual(["frame-ancestors 'none'"]);
    } else expect(own, path).toContain("frame-ancestors 'none'");
  }
});
