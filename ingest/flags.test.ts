import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestIngest, type TestIngest } from './test-support.ts';

let t: TestIngest;
beforeAll(async () => {
  t = await startTestIngest();
  const flag = (data: object) =>
    t.prisma.flag.create({ data: { organizationId: t.organizationId, createdBy: 'test', ...data } as never });
  await flag({ key: 'new-nav', type: 'BOOLEAN', defaultValue: true, websiteId: t.siteId });
  await flag({
    key: 'beta',
    type: 'BOOLEAN',
    defaultValue: false,
    rules: [{ attribute: 'EMAIL', operator: 'ENDS_WITH', values: ['@example.com'], value: true }],
  });
  await flag({ key: 'half', type: 'ROLLOUT', rolloutPercentage: 50 });
});
afterAll(() => t.close());

const headers = { origin: 'https://example.com', 'content-type': 'application/json' };

it('evaluates a website’s flags for a visitor (GET and POST)', async () => {
  const get = await fetch(`${t.url}/v1/flags?clientId=${t.siteId}&anonymousId=visitor-1`, { headers });
  expect(get.status).toBe(200);
  expect(get.headers.get('access-control-allow-origin')).toBe('https://example.com');
  const body = await get.json();
  expect(body.flags['new-nav']).toMatchObject({ enabled: true, reason: 'DEFAULT' });
  expect(body.flags.beta).toMatchObject({ enabled: false });
  expect(typeof body.flags.half.enabled).toBe('boolean');

  const post = await fetch(`${t.url}/v1/flags`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ clientId: t.siteId, userId: 'u1', email: 'ana@example.com' }),
  });
  expect((await post.json()).flags.beta).toMatchObject({ enabled: true, reason: 'RULE_MATCH' });
});

it('buckets a visitor the same way every time', async () => {
  const ask = async () =>
    (await (await fetch(`${t.url}/v1/flags?clientId=${t.siteId}&anonymousId=stable-visitor`, { headers })).json()).flags
      .half.enabled;
  expect(await ask()).toBe(await ask());
});

it('refuses foreign origins, unknown websites and bad input', async () => {
  const foreign = await fetch(`${t.url}/v1/flags?clientId=${t.siteId}`, {
    headers: { origin: 'https://evil.example.org' },
  });
  expect(foreign.status).toBe(403);
  expect((await fetch(`${t.url}/v1/flags?clientId=nope`, { headers })).status).toBe(403);
  const bad = await fetch(`${t.url}/v1/flags`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ clientId: t.siteId, properties: 'x' }),
  });
  expect(bad.status).toBe(400);
  expect((await bad.json()).error.code).toBe('INVALID_REQUEST');
});
