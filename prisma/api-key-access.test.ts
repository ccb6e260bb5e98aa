import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../api/server.ts';
import { startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { RateLimiter } from '../runtime/rate-limit.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { DEFAULT_KEY_RATE_LIMIT, judgeApiKey, keyRateLimit, presentedKey } from './api-key-access.ts';
import { generateApiKey } from './api-keys.ts';
import type { Prisma } from './generated/client.ts';

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

async function makeKey(extra: Partial<Prisma.ApiKeyUncheckedCreateInput> = {}) {
  const { key, ...stored } = generateApiKey();
  const created = await t.prisma.apiKey.create({
    data: { ...stored, name: 'table', organizationId: t.organizationId, scopes: ['TRACK_EVENTS'], ...extra },
  });
  return { key, id: created.id };
}

/** What a service decided, read from its own error shape: `ALLOWED` or `<code>: <message>`. */
type Outcome = string;

/** The seconds to wait depend on when the request ran: compared as N. */
const outcome = (code?: string, message?: string) => `${code}: ${message?.replace(/retry in \d+ s/, 'retry in N s')}`;

async function viaApi(headers: Record<string, string>): Promise<Outcome> {
  const response = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ me { id } }' }),
  });
  const body = (await response.json()) as { data?: { me?: { id: string } }; errors?: Record<string, never>[] };
  const error = body.errors?.[0] as { message: string; extensions: { code: string } } | undefined;
  return body.data?.me?.id ? 'ALLOWED' : outcome(error?.extensions.code, error?.message);
}

async function viaIngest(headers: Record<string, string>): Promise<Outcome> {
  const response = await fetch(`${t.url}/v1/track`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'key_table' }),
  });
  const body = (await response.json()) as { error?: { code: string; message: string } };
  return response.ok ? 'ALLOWED' : outcome(body.error?.code, body.error?.message);
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
const past = new Date(Date.now() - 60_000);

/** Each row: how the key is made and presented, and what both services must decide, request by request. */
const TABLE: {
  name: string;
  headers: () => Promise<Record<string, string>>;
  expected: Outcome[];
}[] = [
  { name: 'a valid key', headers: async () => bearer((await makeKey()).key), expected: ['ALLOWED'] },
  {
    name: 'a valid key in x-api-key',
    headers: async () => ({ 'x-api-key': (await makeKey()).key }),
    expected: ['ALLOWED'],
  },
  {
    name: 'a lower-case bearer scheme',
    headers: async () => ({ authorization: `bearer ${(await makeKey()).key}` }),
    expected: ['ALLOWED'],
  },
  {
    name: 'an unknown key',
    headers: async () => bearer(`${generateApiKey().key}`),
    expected: ['UNAUTHENTICATED: API key is invalid.'],
  },
  {
    name: 'a string that is no key',
    headers: async () => bearer('hunter2'),
    expected: ['UNAUTHENTICATED: API key is invalid.'],
  },
  {
    name: 'a revoked key',
    headers: async () => bearer((await makeKey({ revokedAt: past })).key),
    expected: ['UNAUTHENTICATED: API key is revoked.'],
  },
  {
    name: 'a disabled key',
    headers: async () => bearer((await makeKey({ enabled: false })).key),
    expected: ['UNAUTHENTICATED: API key is disabled.'],
  },
  {
    name: 'an expired key',
    headers: async () => bearer((await makeKey({ expiresAt: past })).key),
    expected: ['UNAUTHENTICATED: API key is expired.'],
  },
  {
    // The schema's defaults: limit on, no window of its own (the API used to leave this unlimited).
    name: 'a key limited to 2 with the default window',
    headers: async () => bearer((await makeKey({ rateLimitMax: 2 })).key),
    expected: ['ALLOWED', 'ALLOWED', 'RATE_LIMITED: Rate limit of this API key exceeded; retry in N s.'],
  },
  {
    name: 'a key with its limit off',
    headers: async () => bearer((await makeKey({ rateLimitEnabled: false, rateLimitMax: 1 })).key),
    expected: ['ALLOWED', 'ALLOWED', 'ALLOWED'],
  },
];

describe('one judgement of API keys for the API and ingest', () => {
  it.each(TABLE)('$name: both services decide the same', async ({ headers, expected }) => {
    const presented = await headers();
    const api: Outcome[] = [];
    const ingest: Outcome[] = [];
    for (let i = 0; i < expected.length; i++) {
      api.push(await viaApi(presented));
      ingest.push(await viaIngest(presented));
    }
    expect({ api, ingest }).toEqual({ api: expected, ingest: expected });
  });

  it('no key: the API serves the request anonymously, which may not read `me`; ingest refuses it', async () => {
    const anonymous: Record<string, string>[] = [{}, { 'x-api-key': ' ' }, { authorization: 'Basic dXNlcjpwdw==' }];
    for (const headers of anonymous) {
      expect(await viaApi(headers)).toMatch(/^UNAUTHENTICATED: /);
      expect(await viaIngest(headers)).toBe('UNAUTHENTICATED: Send an API key: Authorization: Bearer <key>.');
    }
  });
});

describe('judgeApiKey', () => {
  it('finds the key in Authorization: Bearer first, then x-api-key', () => {
    const headers = (values: Record<string, string>) => (name: string) => values[name];
    expect(presentedKey(headers({ authorization: 'Bearer a', 'x-api-key': 'b' }))).toBe('a');
    expect(presentedKey(headers({ authorization: 'Basic a', 'x-api-key': ' b ' }))).toBe('b');
    expect(presentedKey(headers({ authorization: 'Bearer ' }))).toBeNull();
    expect(presentedKey(headers({}))).toBeNull();
  });

  it('refuses a key without the scope a request needs, unless it is an admin key', async () => {
    const { key: llmOnly } = await makeKey({ scopes: ['WRITE_LLM'] });
    const { key: admin } = await makeKey({ scopes: ['ADMIN'] });
    const judge = (key: string) =>
      judgeApiKey(t.prisma, new RateLimiter(), () => `Bearer ${key}`, { scope: 'TRACK_EVENTS' });
    expect(await judge(llmOnly)).toMatchObject({ allowed: false, refusal: 'MISSING_SCOPE' });
    expect(await judge(admin)).toMatchObject({ allowed: true });
  });

  it('gives a new key (schema defaults) the default limit, and a key its own figures', async () => {
    const { id } = await makeKey();
    const stored = await t.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(keyRateLimit(stored)).toEqual(DEFAULT_KEY_RATE_LIMIT);
    expect(keyRateLimit({ ...stored, rateLimitMax: 5, rateLimitTimeWindow: 1000 })).toEqual({ max: 5, windowMs: 1000 });
    expect(keyRateLimit({ ...stored, rateLimitEnabled: false })).toBeNull();
  });
});
