import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { CHROME_DESKTOP, GEO, startTestIngest, type TestIngest } from './test-support.ts';

let t: TestIngest;
beforeAll(async () => {
  t = await startTestIngest();
  const link = (slug: string, targetUrl: string, extra: object = {}) =>
    t.prisma.link.create({
      data: { slug, targetUrl, organizationId: t.organizationId, websiteId: t.siteId, ...extra },
    });
  await link('launch', 'https://example.com/blog/launch?utm_source=short');
  await link('docs', 'https://docs.example.com/', { permanent: true });
  await link('old', 'https://example.com/old', { expiresAt: new Date(Date.now() - 1000) });
  await link('off', 'https://example.com/off', { enabled: false });
  await link('evil', 'javascript:alert(1)');
});
afterAll(() => t.close());

const follow = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, {
    redirect: 'manual',
    headers: { 'user-agent': CHROME_DESKTOP, 'x-forwarded-for': GEO.london, ...headers },
  });

it('redirects to the target and records the click without the address', async () => {
  const response = await follow('/l/launch', { referer: 'https://news.ycombinator.com/item?id=1' });
  expect(response.status).toBe(302);
  expect(response.headers.get('location')).toBe('https://example.com/blog/launch?utm_source=short');
  await follow('/l/launch');
  const clicks = await t.rows<Record<string, unknown>>(sql`SELECT * FROM analytics.link_clicks ORDER BY timestamp`);
  expect(clicks).toHaveLength(2);
  expect(clicks[0]).toMatchObject({
    owner_id: t.organizationId,
    website_id: t.siteId,
    referrer: 'https://news.ycombinator.com/item',
    browser_name: 'Chrome',
    device_type: 'desktop',
    country: 'GB',
  });
  expect(clicks[0]?.visitor_hash).toBe(clicks[1]?.visitor_hash);
  expect(JSON.stringify(clicks)).not.toContain(GEO.london);
});

it('answers 301 for permanent links, 404 for unknown or expired ones, 410 for disabled ones', async () => {
  expect((await follow('/l/docs')).status).toBe(301);
  for (const path of [
    '/l/nope',
    '/l/old',
    '/l/evil',
    '/l/',
    "/l/x'%20OR%201=1",
    '/l/%2e%2e%2fadmin',
    '/l/%E0%A4%A',
    '/l/%6Cau%6Ech',
  ]) {
    const response = await follow(path);
    expect(response.status, path).toBe(404);
    expect(response.headers.get('location')).toBeNull();
  }
  expect((await follow('/l/off')).status).toBe(410);
});

it('never redirects anywhere the link does not say, and does not count bots', async () => {
  const clicks = async () => (await t.rows<{ n: number }>(sql`SELECT count() AS n FROM analytics.link_clicks`))[0]?.n;
  const before = await clicks();
  const response = await follow('/l/launch?to=https://evil.example.org', {
    'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)',
  });
  expect(response.headers.get('location')).toBe('https://example.com/blog/launch?utm_source=short');
  expect(await clicks()).toBe(before);
});
