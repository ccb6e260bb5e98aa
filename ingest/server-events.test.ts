import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { UNKNOWN_KEYS_PER_MINUTE } from '../prisma/api-key-access.ts';
import { generateApiKey } from '../prisma/api-keys.ts';
import type { ApiScope } from '../prisma/generated/client.ts';
import { startTestIngest, type TestIngest } from './test-support.ts';

let t: TestIngest;
let otherOrgSite: string;
let archivedSite: string;
beforeAll(async () => {
  t = await startTestIngest();
  const other = await t.prisma.organization.create({ data: { name: 'Other' } });
  otherOrgSite = (await t.prisma.website.create({ data: { domain: 'other.org', organizationId: other.id } })).id;
  archivedSite = (
    await t.prisma.website.create({
      data: {
        domain: 'old.example.com',
        organizationId: t.organizationId,
        status: 'ARCHIVED',
      },
    })
  ).id;
});
afterAll(() => t.close());

async function makeKey(scopes: ApiScope[], extra: Record<string, unknown> = {}) {
  const { key, ...stored } = generateApiKey();
  await t.prisma.apiKey.create({
    data: { ...stored, name: 'test', organizationId: t.organizationId, scopes, ...extra },
  });
  return key;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('POST /v1/track', () => {
  it('stores server-side events under the key’s organization', async () => {
    const key = await makeKey(['TRACK_EVENTS']);
    const response = await post(
      '/v1/track',
      [
        {
          name: 'invoice_sent',
          namespace: 'billing',
          properties: { total: 99 },
          websiteId: t.siteId,
          anonymousId: 'a1',
        },
        { name: 'job_done', eventId: 'job-1' },
      ],
      bearer(key),
    );
    expect(response).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 0 } });
    expect(
      await t.rows(sql`SELECT owner_id, website_id, event_name, namespace, properties, anonymous_id, source
        FROM analytics.custom_events ORDER BY event_name`),
    ).toEqual([
      {
        owner_id: t.organizationId,
        website_id: t.siteId,
        event_name: 'invoice_sent',
        namespace: 'billing',
        properties: '{"total":99}',
        anonymous_id: 'a1',
        source: 'server',
      },
      {
        owner_id: t.organizationId,
        website_id: null,
        event_name: 'job_done',
        namespace: null,
        properties: '{}',
        anonymous_id: null,
        source: 'server',
      },
    ]);
  });

  it('accepts x-api-key, and stores a retried event id once', async () => {
    const key = await makeKey(['TRACK_EVENTS']);
    const event = { name: 'retry_me', eventId: 'same-id' };
    expect((await post('/v1/track', event, { 'x-api-key': key })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await post('/v1/track', event, { 'x-api-key': key })).body).toEqual({ accepted: 0, duplicates: 1 });
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.custom_events WHERE event_name = 'retry_me'`)).toEqual([
      { n: 1 },
    ]);
  });

  it('refuses bad keys, missing scopes, foreign websites and bad payloads, storing nothing', async () => {
    const before = await t.rows(sql`SELECT count() AS n FROM analytics.custom_events`);
    const valid = await makeKey(['TRACK_EVENTS']);
    const cases: [Record<string, string>, unknown, number, string][] = [
      [{}, { name: 'x' }, 401, 'UNAUTHENTICATED'],
      [bearer('tmk_not-a-real-key'), { name: 'x' }, 401, 'UNAUTHENTICATED'],
      [bearer(await makeKey(['TRACK_EVENTS'], { revokedAt: new Date() })), { name: 'x' }, 401, 'UNAUTHENTICATED'],
      [
        bearer(await makeKey(['TRACK_EVENTS'], { expiresAt: new Date(Date.now() - 1) })),
        { name: 'x' },
        401,
        'UNAUTHENTICATED',
      ],
      [bearer(await makeKey(['READ_ANALYTICS'])), { name: 'x' }, 403, 'FORBIDDEN'],
      [bearer(valid), { name: 'x', websiteId: otherOrgSite }, 403, 'FORBIDDEN'],
      [bearer(valid), { name: 'x', websiteId: 'does-not-exist' }, 403, 'FORBIDDEN'],
      [bearer(valid), { name: 'x', websiteId: archivedSite }, 403, 'FORBIDDEN'],
      [
        bearer(await makeKey(['TRACK_EVENTS'], { websiteId: t.siteId })),
        { name: 'x', websiteId: undefined, namespace: 'n' },
        200,
        '',
      ],
      [bearer(valid), { name: '' }, 400, 'INVALID_EVENTS'],
      [bearer(valid), Array(101).fill({ name: 'x' }), 400, 'INVALID_EVENTS'],
      [bearer(valid), { name: 'x', properties: { big: 'y'.repeat(9000) } }, 400, 'INVALID_EVENTS'],
    ];
    let stored = 0;
    for (const [headers, body, status, code] of cases) {
      const response = await post('/v1/track', body, headers);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (status === 200) stored++;
      else expect(response.body.error.code).toBe(code);
    }
    const after = await t.rows<{ n: number }>(sql`SELECT count() AS n FROM analytics.custom_events`);
    expect(after[0]?.n).toBe((before[0] as { n: number }).n + stored);
    // A key bound to a website stores its events under that website.
    expect(await t.rows(sql`SELECT website_id FROM analytics.custom_events WHERE namespace = 'n'`)).toEqual([
      { website_id: t.siteId },
    ]);
  });

  it('applies the key’s own rate limit with 429 and Retry-After', async () => {
    const key = await makeKey(['TRACK_EVENTS'], { rateLimitMax: 3, rateLimitTimeWindow: 60_000 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await post('/v1/track', { name: 'limited' }, bearer(key)));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(statuses[3]?.body.error.code).toBe('RATE_LIMITED');
    expect(Number(statuses[3]?.headers.get('retry-after'))).toBeGreaterThan(50);
    const unlimited = await makeKey(['TRACK_EVENTS'], { rateLimitEnabled: false, rateLimitMax: 1 });
    for (let i = 0; i < 3; i++) expect((await post('/v1/track', { name: 'free' }, bearer(unlimited))).status).toBe(200);
  });

  it('stops an address that keeps sending unknown keys before looking its keys up', async () => {
    const from = (ip: string, key: string) => ({ ...bearer(key), 'x-forwarded-for': ip });
    // A revoked key an old deployment still sends is a known key: it does not count.
    const revoked = await makeKey(['TRACK_EVENTS'], { revokedAt: new Date() });
    for (let i = 0; i < UNKNOWN_KEYS_PER_MINUTE + 5; i++) {
      expect((await post('/v1/track', { name: 'x' }, from('192.0.2.76', revoked))).status).toBe(401);
    }
    // Guesses sent all at once are counted before their lookups: none slips past the limit.
    const guesses = await Promise.all(
      Array.from({ length: UNKNOWN_KEYS_PER_MINUTE + 5 }, (_, i) =>
        post('/v1/track', { name: 'x' }, from('192.0.2.77', `tmk_guess-${i}`)),
      ),
    );
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(UNKNOWN_KEYS_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const valid = await makeKey(['TRACK_EVENTS']);
    const blocked = await post('/v1/llm', { name: 'x' }, from('192.0.2.77', valid));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(50);
    expect((await post('/v1/track', { name: 'x' }, from('192.0.2.78', valid))).status).toBe(200);
    expect((await post('/v1/track', { name: 'x' }, from('192.0.2.76', valid))).status).toBe(200);
  });
});

describe('POST /v1/llm', () => {
  it('stores LLM call spans with derived totals', async () => {
    const key = await makeKey(['WRITE_LLM']);
    const call = {
      model: 'claude-sonnet-4',
      provider: 'Anthropic',
      inputTokens: 1200,
      outputTokens: 300,
      inputTokenCostUsd: 0.0036,
      outputTokenCostUsd: 0.0045,
      durationMs: 2100,
      toolCallNames: ['search', 'fetch'],
      finishReason: 'stop',
    };
    expect((await post('/v1/llm', call, bearer(key))).body).toEqual({ accepted: 1, duplicates: 0 });
    const [row] = await t.rows<Record<string, unknown>>(sql`SELECT * FROM observability.ai_call_spans`);
    expect(row).toMatchObject({
      owner_id: t.organizationId,
      model: 'claude-sonnet-4',
      provider: 'anthropic',
      total_tokens: 1500,
      tool_call_count: 2,
      tool_call_names: ['search', 'fetch'],
      duration_ms: 2100,
      type: 'generate',
    });
    expect(row?.total_token_cost_usd).toBeCloseTo(0.0081, 10);
  });

  it('needs the write:llm scope and a valid span', async () => {
    expect(
      (await post('/v1/llm', { model: 'x', provider: 'y', durationMs: 1 }, bearer(await makeKey(['TRACK_EVENTS']))))
        .status,
    ).toBe(403);
    expect(
      (await post('/v1/llm', { model: 'x', provider: 'y', durationMs: -1 }, bearer(await makeKey(['WRITE_LLM']))))
        .status,
    ).toBe(400);
  });
});
