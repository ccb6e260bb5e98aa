import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../client/client.ts';
import * as generated from '../client/generated/graphql.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { PERSISTED_DOCUMENTS } from './persisted-operations.ts';
import { DOCUMENT_LIMITS } from './request-limits.ts';
import { createApiServer } from './server.ts';
import {
  createPerson,
  createTenant,
  ok,
  sessionHeaders,
  signIn,
  startTestApi,
  type Tenant,
  type TestApi,
} from './test-support.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (document: unknown) => ((document as { __meta__: { hash: string } }).__meta__.hash ?? '').slice(7);
const HTTP = { headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, keepAliveTimeoutMs: 1_000, maxConnections: 64 };

describe('the persisted-documents manifest', () => {
  it('holds every generated operation under the SHA-256 of its text', () => {
    const documents = Object.values(generated).filter(
      (value) =>
        typeof value === 'object' &&
        value !== null &&
        '__meta__' in value &&
        (value as { definitions: readonly { kind: string }[] }).definitions.some(
          (d) => d.kind === 'OperationDefinition',
        ),
    );
    expect(documents.length).toBeGreaterThan(40);
    for (const document of documents) {
      const text = PERSISTED_DOCUMENTS[`sha256:${hashOf(document)}`];
      expect(text).toBeDefined();
      expect(sha256(text as string)).toBe(hashOf(document));
    }
    for (const [id, text] of Object.entries(PERSISTED_DOCUMENTS)) expect(id).toBe(`sha256:${sha256(text)}`);
  });
});

describe.each(postgresTargets)('persisted operations over HTTP on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  let server: Server;
  let url: string;
  let now = 1_000_000;
  // Past the alias limit: request limits hold for persisted documents too.
  const tooWide = `query TooWide { ${Array.from({ length: DOCUMENT_LIMITS.aliases + 1 }, (_, i) => `a${i}: version`).join(' ')} }`;
  beforeAll(async () => {
    t = await startTestApi(target);
    tenant = await createTenant(t.prisma, 'persisted');
    server = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
      http: HTTP,
      pointBudget: { max: 100, windowMs: 60_000 },
      now: () => now,
      persistedDocuments: { ...PERSISTED_DOCUMENTS, [`sha256:${sha256(tooWide)}`]: tooWide },
    });
    url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/graphql`;
  });
  afterAll(async () => {
    if (server) await closeServer(server, 100);
    await t?.close();
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: assertions walk the response.
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };
  const persisted = (document: unknown, variables?: Record<string, unknown>) => ({
    extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(document) } },
    variables,
  });
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

  it('runs an operation sent by hash, with its cost counted like any other', async () => {
    const response = await post(persisted(generated.DashboardWebsiteDocument, { id: tenant.websiteId }), {
      ...bearer(tenant.adminKey),
    });
    expect(response.status).toBe(200);
    expect(response.body.data.website).toMatchObject({ id: tenant.websiteId, domain: 'persisted.test' });
    expect(response.body.extensions.cost).toMatchObject({ requested: 5, actual: 5, limit: 100, remaining: 95 });
    expect(response.headers.get('x-ratelimit-remaining')).toBe('95');
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, and a request with neither text nor hash with BAD_USER_INPUT', async () => {
    const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ version }') } } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.body.data).toBeUndefined();
    for (const hash of ['__proto__', 'constructor', 'x'.repeat(10_000)]) {
      const hostile = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(hostile.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    }
    const empty = await post({ variables: {} });
    expect(empty.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('applies the request limits to persisted documents', async () => {
    const response = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(tooWide) } } });
    expect(response.body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.body.data).toBeUndefined();
  });

  it('refuses a query text from a persisted-only key before it runs or costs points; its hashes run', async () => {
    const created = ok(
      await t.graphql(
        `mutation { createApiKey(input: { name: "ci", scopes: [WRITE_METADATA], persistedOnly: true }) {
          __typename ... on MutationCreateApiKeySuccess { data { secret apiKey { persistedOnly } } } } }`,
        { key: tenant.adminKey },
      ),
      'createApiKey',
    );
    expect(created.apiKey.persistedOnly).toBe(true);
    const key: string = created.secret;

    const before = await t.prisma.website.count();
    const text = await post(
      { query: 'mutation { createWebsite(input: { domain: "sneaky.test" }) { __typename } }' },
      bearer(key),
    );
    expect(text.status).toBe(403);
    expect(text.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    expect(text.body.data).toBeUndefined();
    expect(await t.prisma.website.count()).toBe(before);
    // Sending a hash alongside the text does not help: the text is what would run.
    const both = await post({ query: '{ version }', ...persisted(generated.ApiVersionDocument) }, bearer(key));
    expect(both.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');

    const hashed = await post(persisted(generated.DashboardWebsiteDocument, { id: tenant.websiteId }), bearer(key));
    expect(hashed.body.data.website.id).toBe(tenant.websiteId);
    // Its whole budget is left but the one persisted operation: the refused texts cost nothing.
    expect(hashed.body.extensions.cost).toMatchObject({ requested: 5, remaining: 95 });

    // Other keys keep sending texts.
    const other = await post({ query: '{ version }' }, bearer(tenant.adminKey));
    expect(other.body).toMatchObject({ data: { version: expect.any(String) } });
  });

  it('charges persisted operations against the point budget and refuses them past it', async () => {
    const other = await createTenant(t.prisma, 'persisted-budget');
    const request = () =>
      post(persisted(generated.DashboardWebsiteDocument, { id: other.websiteId }), bearer(other.adminKey));
    for (let i = 0; i < 20; i++) expect((await request()).status).toBe(200);
    const refused = await request();
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(refused.body.extensions.cost).toMatchObject({ requested: 5, actual: 0, remaining: 0 });
    now += 60_000;
    expect((await request()).status).toBe(200);
  });

  it('serves the dashboard client, which sends hashes only, to a session and a share link', async () => {
    await createPerson(t.prisma, tenant.organizationId, 'dash@persisted.test', 'correct horse battery');
    const session = sessionHeaders(await signIn(t, 'dash@persisted.test', 'correct horse battery'));
    const bodies: unknown[] = [];
    const sending = (headers: Record<string, string>) =>
      createClient({
        url,
        persisted: true,
        fetch: (input, init) => {
          bodies.push(JSON.parse(String(init.body)));
          return fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
        },
      });
    const viewer = await sending(session).request(generated.ViewerDocument);
    expect(viewer.viewer).toMatchObject({ user: { email: 'dash@persisted.test' } });

    const share = ok(
      await t.graphql(`mutation { createShareLink(websiteId: "${tenant.websiteId}") { token } }`, {
        key: tenant.adminKey,
      }),
      'createShareLink',
    );
    const shared = await sending({ 'x-tidemark-share': share.token }).request(generated.SharedWebsiteDocument);
    expect(shared.sharedWebsite.id).toBe(tenant.websiteId);
    expect(bodies).toEqual([
      { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(generated.ViewerDocument) } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(generated.SharedWebsiteDocument) } } },
    ]);
    // Sessions and share links are not persisted-only (README "Persisted operations").
    const text = await post({ query: '{ viewer { role } }' }, session);
    expect(text.body, JSON.stringify(text.body)).toMatchObject({ data: { viewer: { role: 'OWNER' } } });
  });
});
