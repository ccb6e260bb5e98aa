import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../prisma/client.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { createApi } from './server.ts';
import {
  createTenant,
  type GraphQLResponse,
  issueKey,
  ok,
  refusalCode,
  startTestApi,
  type Tenant,
  type TestApi,
} from './test-support.ts';

describe.each(postgresTargets)('GraphQL API on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  beforeAll(async () => {
    t = await startTestApi(target);
    tenant = await createTenant(t.prisma, 'acme');
  });
  afterAll(() => t?.close());

  const run = (query: string, variables?: Record<string, unknown>, key: string | null = tenant.adminKey) =>
    t.graphql(query, { variables, key });

  /** A mutation with its result union spelled out: the success's `data` or an error's code. */
  const mutate = (field: string, args: string, selection: string, variables?: Record<string, unknown>) => {
    const success = `Mutation${field[0]?.toUpperCase()}${field.slice(1)}Success`;
    const vars = variables
      ? `(${Object.keys(variables)
          .map((name) => `$${name}: ${varTypes[name]}`)
          .join(', ')})`
      : '';
    return run(
      `mutation${vars} { ${field}${args ? `(${args})` : ''} { __typename ... on Error { code message } ... on ${success} { data ${selection} } } }`,
      variables,
    );
  };
  const varTypes: Record<string, string> = { input: 'FlagInput!', rules: 'JSON', variants: 'JSON' };
  const inputIssues = (response: GraphQLResponse) => {
    expect(refusalCode(response, '')).toBe('BAD_USER_INPUT');
    return response.body.errors?.[0]?.extensions?.issues as { path: string[]; message: string }[];
  };

  describe('transport', () => {
    it('answers /health, GraphiQL, and tags every response with a request id', async () => {
      expect((await t.api.fetch('http://api.test/health')).status).toBe(200);
      const page = await t.api.fetch('http://api.test/graphql', { headers: { accept: 'text/html' } });
      expect(await page.text()).toContain('GraphiQL');
      const fresh = await run('{ version }');
      expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const echoed = await t.api.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'trace-42' },
        body: JSON.stringify({ query: '{ version }' }),
      });
      expect(echoed.headers.get('x-request-id')).toBe('trace-42');
    });

    it('gives GraphQL’s own request errors codes too', async () => {
      expect(refusalCode(await run('{ version'), '')).toBe('GRAPHQL_PARSE_FAILED');
      expect(refusalCode(await run('{ nope }'), '')).toBe('GRAPHQL_VALIDATION_FAILED');
      const badVariable = await run('query($n: Int) { organization { websites(first: $n) { totalCount } } }', {
        n: 'x',
      });
      expect(refusalCode(badVariable, '')).toBe('BAD_USER_INPUT');
    });

    it('accepts the key as x-api-key too', async () => {
      const response = await t.api.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': tenant.adminKey },
        body: JSON.stringify({ query: '{ organization { name } }' }),
      });
      expect((await response.json()).data).toEqual({ organization: { name: 'acme' } });
    });

    it('rate-limits a key by its own limit fields with RATE_LIMITED and Retry-After', async () => {
      const key = await issueKey(t.prisma, tenant.organizationId, ['READ_ANALYTICS'], {
        rateLimitMax: 2,
        rateLimitTimeWindow: 60_000,
      });
      expect(ok(await run('{ version }', {}, key), 'version')).toBe('0.1.0');
      expect(ok(await run('{ version }', {}, key), 'version')).toBe('0.1.0');
      const limited = await run('{ version }', {}, key);
      expect(limited.status).toBe(429);
      expect(refusalCode(limited, 'version')).toBe('RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('rejects an abusive query by complexity before running it', async () => {
      const before = t.sqlCount();
      const deep =
        '{ organization { websites(first: 100) { edges { node { goals(first: 100) { edges { node { website { funnels(first: 100) { edges { node { steps { id } } } } } } } } } } } } }';
      const response = await run(deep);
      expect(refusalCode(response, 'organization')).toBe('QUERY_TOO_COMPLEX');
      expect(response.body.errors?.[0]?.message).toMatch(/exceeds the limit/);
      // Only the key lookup ran.
      expect(t.sqlCount() - before).toBeLessThanOrEqual(1);
    });

    it('masks unexpected errors with code INTERNAL_SERVER_ERROR and logs them with the request id', async () => {
      // A database nobody listens on: the failure is real, its details must not reach the client.
      const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
      const capture = (level: string) => (message: string, fields?: Record<string, unknown>) => {
        lines.push({ level, message, fields });
      };
      const log = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
      const broken = createApi(
        { prisma: createPrisma('postgresql://postgres@127.0.0.1:1/none', 1), clickhouse: t.clickhouse },
        log,
      );
      const ask = async (headers: Record<string, string>) => {
        const response = await broken.fetch('http://api.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ website(id: "w") { id } }' }),
        });
        const body = await response.json();
        expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|reach|prisma/i);
        expect(body.errors[0]).toMatchObject({
          message: 'Unexpected error.',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        });
      };
      await ask({ 'x-request-id': 'trace-broken' }); // fails inside a resolver
      await ask({ authorization: `Bearer ${tenant.adminKey}`, 'x-request-id': 'trace-auth' }); // fails while authenticating
      const logged = lines.filter((line) => line.level === 'error');
      expect(logged[0]).toMatchObject({
        message: 'unexpected error',
        fields: { requestId: 'trace-broken', path: 'website' },
      });
      expect(String(logged[0]?.fields?.error)).toMatch(/reach database server/);
      expect(logged[1]).toMatchObject({
        message: 'unexpected error',
        fields: { requestId: 'trace-auth', during: 'authentication' },
      });
      expect(logged).toHaveLength(2);
      expect(lines.filter((line) => line.message === 'request')).toHaveLength(2);
    });
  });

  describe('organization and members', () => {
    it('me, organization, members, and their changes', async () => {
      const me = ok(await run('{ me { name scopes websiteId organization { id } user { email } } }'), 'me');
      expect(me).toEqual({
        name: 'test',
        scopes: ['ADMIN'],
        websiteId: null,
        organization: { id: tenant.organizationId },
        user: { email: 'owner@acme.test' },
      });

      expect(
        ok(
          await mutate('updateOrganization', 'name: "Acme Inc", slug: "acme-inc"', '{ name slug }'),
          'updateOrganization',
        ),
      ).toEqual({ name: 'Acme Inc', slug: 'acme-inc' });
      expect(inputIssues(await mutate('updateOrganization', 'slug: "Not A Slug"', '{ id }'))[0]?.path).toEqual([
        'slug',
      ]);

      const added = ok(
        await mutate(
          'addMember',
          'input: { email: "Bea@Acme.test", name: "Bea", role: MEMBER }',
          '{ id role user { email } }',
        ),
        'addMember',
      );
      expect(added).toMatchObject({ role: 'MEMBER', user: { email: 'bea@acme.test' } });
      expect(
        refusalCode(
          await mutate('addMember', 'input: { email: "bea@acme.test", name: "Bea", role: ADMIN }', '{ id }'),
          'addMember',
        ),
      ).toBe('CONFLICT');
      expect(
        inputIssues(await mutate('addMember', 'input: { email: "nope", name: "x", role: ADMIN }', '{ id }'))[0]?.path,
      ).toEqual(['input', 'email']);

      expect(
        ok(await mutate('updateMemberRole', `id: "${added.id}", role: ADMIN`, '{ role }'), 'updateMemberRole'),
      ).toEqual({ role: 'ADMIN' });
      const owner = await t.prisma.member.findFirstOrThrow({
        where: { organizationId: tenant.organizationId, role: 'OWNER' },
      });
      expect(inputIssues(await mutate('removeMember', `id: "${owner.id}"`, '{ id }'))[0]?.message).toMatch(
        /last owner/,
      );
      expect(ok(await mutate('removeMember', `id: "${added.id}"`, '{ id }'), 'removeMember')).toEqual({ id: added.id });

      const members = ok(
        await run('{ organization { members { totalCount edges { node { role user { name } } } } } }'),
        'organization',
      );
      expect(members.members).toEqual({
        totalCount: 1,
        edges: [{ node: { role: 'OWNER', user: { name: 'acme owner' } } }],
      });
    });
  });

  describe('websites', () => {
    it('creates with domain validation, updates settings and origins, archives', async () => {
      for (const domain of ['not a domain', 'https://example.com', 'example', '-bad.com', `${'a'.repeat(64)}.com`]) {
        const issues = inputIssues(
          await mutate('createWebsite', `input: { domain: ${JSON.stringify(domain)} }`, '{ id }'),
        );
        expect(issues[0]?.path, domain).toEqual(['input', 'domain']);
      }
      const created = ok(
        await mutate(
          'createWebsite',
          'input: { domain: "Shop.Example.com", name: "Shop", allowedOrigins: ["https://checkout.example.com"] }',
          '{ id domain name isPublic status allowedOrigins settings }',
        ),
        'createWebsite',
      );
      expect(created).toMatchObject({
        domain: 'shop.example.com',
        name: 'Shop',
        isPublic: false,
        status: 'ACTIVE',
        allowedOrigins: ['https://checkout.example.com'],
        settings: {},
      });
      expect(
        refusalCode(await mutate('createWebsite', 'input: { domain: "shop.example.com" }', '{ id }'), 'createWebsite'),
      ).toBe('CONFLICT');

      expect(
        inputIssues(
          await mutate(
            'updateWebsite',
            `id: "${created.id}", input: { allowedOrigins: ["https://x.com/path"] }`,
            '{ id }',
          ),
        )[0]?.path,
      ).toEqual(['input', 'allowedOrigins', '0']);
      const updated = ok(
        await mutate(
          'updateWebsite',
          `id: "${created.id}", input: { isPublic: true, allowedOrigins: ["http://localhost:3000"], settings: { respectDnt: true } }`,
          '{ isPublic allowedOrigins settings }',
        ),
        'updateWebsite',
      );
      expect(updated).toEqual({
        isPublic: true,
        allowedOrigins: ['http://localhost:3000'],
        settings: { respectDnt: true },
      });
      const unchanged = await t.prisma.website.findUniqueOrThrow({ where: { id: created.id } });
      expect(unchanged.settings).toEqual({ respectDnt: true, allowedOrigins: ['http://localhost:3000'] });

      expect(ok(await mutate('archiveWebsite', `id: "${created.id}"`, '{ status }'), 'archiveWebsite')).toEqual({
        status: 'ARCHIVED',
      });
      const list = async (extra: string) =>
        ok(await run(`{ organization { websites${extra} { totalCount edges { node { id } } } } }`), 'organization')
          .websites.totalCount;
      expect(await list('')).toBe(1);
      expect(await list('(includeArchived: true)')).toBe(2);
      // Archived public websites are no longer readable without a key.
      expect(refusalCode(await run(`{ website(id: "${created.id}") { id } }`, {}, null), 'website')).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('sets and removes payment webhook secrets without ever returning them', async () => {
      const site = await t.prisma.website.create({
        data: {
          organizationId: tenant.organizationId,
          domain: 'pay.test',
          integrations: { paddle: { webhookSecret: 'pdl_kept_secret' } },
        },
      });
      const set = (provider: string, secret: string | null) =>
        mutate(
          'setPaymentWebhookSecret',
          `websiteId: "${site.id}", provider: ${provider}, secret: ${JSON.stringify(secret)}`,
          '{ paymentWebhooks }',
        );
      expect(inputIssues(await set('STRIPE', 'short'))[0]?.path).toEqual(['secret']);
      expect(ok(await set('STRIPE', ' whsec_0123456789 '), 'setPaymentWebhookSecret')).toEqual({
        paymentWebhooks: ['STRIPE', 'PADDLE'],
      });
      const stored = async () => (await t.prisma.website.findUniqueOrThrow({ where: { id: site.id } })).integrations;
      expect(await stored()).toEqual({
        stripe: { webhookSecret: 'whsec_0123456789' },
        paddle: { webhookSecret: 'pdl_kept_secret' },
      });
      const everything = JSON.stringify(
        await run(`{ website(id: "${site.id}") { id domain name settings allowedOrigins paymentWebhooks } }`),
      );
      expect(everything).not.toContain('whsec_');
      expect(everything).not.toContain('pdl_kept');
      expect(ok(await set('PADDLE', null), 'setPaymentWebhookSecret')).toEqual({ paymentWebhooks: ['STRIPE'] });
      expect(await stored()).toEqual({ stripe: { webhookSecret: 'whsec_0123456789' }, paddle: {} });
    });

    it('pages through websites with cursors', async () => {
      for (const n of [1, 2, 3])
        await t.prisma.website.create({ data: { organizationId: tenant.organizationId, domain: `page${n}.test` } });
      const page = async (after?: string) =>
        ok(
          await run(
            'query($after: String) { organization { websites(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { domain } } } } }',
            { after },
          ),
          'organization',
        ).websites;
      const first = await page();
      const second = await page(first.pageInfo.endCursor);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const domains = [...first.edges, ...second.edges].map((edge: { node: { domain: string } }) => edge.node.domain);
      expect(new Set(domains).size).toBe(4);
    });

    it('loads nested relations without N+1 queries', async () => {
      let added = 0;
      const addWebsites = async (count: number) => {
        for (let n = 0; n < count; n++) {
          await t.prisma.website.create({
            data: {
              organizationId: tenant.organizationId,
              domain: `nested${added++}.test`,
              goals: { create: { name: 'g', type: 'EVENT', target: 'x' } },
              funnels: { create: { name: 'f', steps: { create: [{ position: 0, type: 'EVENT', target: 'a' }] } } },
            },
          });
        }
      };
      const query =
        '{ organization { websites(first: 50) { edges { node { id goals { edges { node { name } } } funnels { edges { node { steps { target } } } } } } } } }';
      const cost = async () => {
        const before = t.sqlCount();
        ok(await run(query), 'organization');
        return t.sqlCount() - before;
      };
      await addWebsites(2);
      const few = await cost();
      await addWebsites(10);
      expect(await cost()).toBe(few);
    });
  });

  describe('API keys', () => {
    it('creates (secret shown once), lists, rotates and revokes', async () => {
      const fields = '{ secret apiKey { id name prefix start scopes websiteId expiresAt rateLimitMax } }';
      const created = ok(
        await mutate(
          'createApiKey',
          `input: { name: "CI", scopes: [READ_ANALYTICS, READ_ANALYTICS], websiteId: "${tenant.websiteId}", expiresAt: "2099-01-01T00:00:00Z", rateLimitMax: 100, rateLimitTimeWindow: 60000 }`,
          fields,
        ),
        'createApiKey',
      );
      expect(created.secret).toMatch(/^tmk_[\w-]{43}$/);
      expect(created.apiKey).toMatchObject({
        name: 'CI',
        prefix: 'tmk_',
        start: created.secret.slice(4, 10),
        scopes: ['READ_ANALYTICS'],
        websiteId: tenant.websiteId,
        rateLimitMax: 100,
      });
      const stored = await t.prisma.apiKey.findUniqueOrThrow({ where: { id: created.apiKey.id } });
      expect(JSON.stringify(stored)).not.toContain(created.secret);
      expect(ok(await run('{ me { name } }', {}, created.secret), 'me')).toEqual({ name: 'CI' });

      const listed = ok(
        await run('{ organization { apiKeys { totalCount edges { node { id start lastUsedAt } } } } }'),
        'organization',
      ).apiKeys;
      expect(
        listed.edges.find((edge: { node: { id: string } }) => edge.node.id === created.apiKey.id).node.lastUsedAt,
      ).not.toBeNull();
      expect(JSON.stringify(listed)).not.toContain(created.secret);

      expect(inputIssues(await mutate('createApiKey', 'input: { name: "x", scopes: [] }', fields))[0]?.path).toEqual([
        'input',
        'scopes',
      ]);
      expect(
        inputIssues(
          await mutate(
            'createApiKey',
            'input: { name: "x", scopes: [ADMIN], expiresAt: "2001-01-01T00:00:00Z" }',
            fields,
          ),
        )[0]?.path,
      ).toEqual(['input', 'expiresAt']);
      expect(
        refusalCode(
          await mutate('createApiKey', 'input: { name: "x", scopes: [ADMIN], websiteId: "nope" }', fields),
          'createApiKey',
        ),
      ).toBe('NOT_FOUND');

      const rotated = ok(await mutate('rotateApiKey', `id: "${created.apiKey.id}"`, fields), 'rotateApiKey');
      expect(rotated.apiKey.id).toBe(created.apiKey.id);
      expect(refusalCode(await run('{ me { name } }', {}, created.secret), 'me')).toBe('UNAUTHENTICATED');
      expect(ok(await run('{ me { name } }', {}, rotated.secret), 'me')).toEqual({ name: 'CI' });

      const revoked = ok(await mutate('revokeApiKey', `id: "${created.apiKey.id}"`, '{ revokedAt }'), 'revokeApiKey');
      expect(revoked.revokedAt).not.toBeNull();
      const refused = await run('{ me { name } }', {}, rotated.secret);
      expect(refused.status).toBe(401);
      expect(refused.body.errors?.[0]).toMatchObject({
        message: 'API key is revoked.',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    });
  });

  describe('goals, funnels, annotations', () => {
    it('goals', async () => {
      const w = tenant.websiteId;
      const goal = ok(
        await mutate(
          'createGoal',
          `websiteId: "${w}", input: { name: "Signup", type: EVENT, target: "signup" }`,
          '{ id name type target enabled }',
        ),
        'createGoal',
      );
      expect(goal).toMatchObject({ name: 'Signup', type: 'EVENT', target: 'signup', enabled: true });
      expect(
        inputIssues(
          await mutate('createGoal', `websiteId: "${w}", input: { name: "", type: EVENT, target: "x" }`, '{ id }'),
        )[0]?.path,
      ).toEqual(['input', 'name']);
      expect(
        ok(
          await mutate(
            'updateGoal',
            `id: "${goal.id}", input: { name: "Pricing", type: PAGE_VIEW, target: "/pricing*", enabled: false }`,
            '{ type target enabled }',
          ),
          'updateGoal',
        ),
      ).toEqual({ type: 'PAGE_VIEW', target: '/pricing*', enabled: false });
      expect(ok(await mutate('deleteGoal', `id: "${goal.id}"`, '{ id }'), 'deleteGoal')).toEqual({ id: goal.id });
      expect(refusalCode(await mutate('deleteGoal', `id: "${goal.id}"`, '{ id }'), 'deleteGoal')).toBe('NOT_FOUND');
      const listed = ok(await run(`{ website(id: "${w}") { goals { edges { node { id } } } } }`), 'website');
      expect(listed.goals.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(goal.id);
    });

    it('funnels keep their steps in order', async () => {
      const steps =
        '[{ type: PAGE_VIEW, target: "/" }, { name: "Cart", type: EVENT, target: "add_to_cart" }, { type: PAGE_VIEW, target: "/thanks" }]';
      const funnel = ok(
        await mutate(
          'createFunnel',
          `websiteId: "${tenant.websiteId}", input: { name: "Buy", windowSeconds: 3600, steps: ${steps} }`,
          '{ id windowSeconds steps { position name target } }',
        ),
        'createFunnel',
      );
      expect(funnel.steps.map((s: { target: string }) => s.target)).toEqual(['/', 'add_to_cart', '/thanks']);
      expect(funnel.steps.map((s: { position: number }) => s.position)).toEqual([0, 1, 2]);
      const updated = ok(
        await mutate(
          'updateFunnel',
          `id: "${funnel.id}", input: { name: "Buy", steps: [{ type: EVENT, target: "b" }, { type: EVENT, target: "a" }] }`,
          '{ windowSeconds steps { target } }',
        ),
        'updateFunnel',
      );
      expect(updated).toEqual({ windowSeconds: 86400, steps: [{ target: 'b' }, { target: 'a' }] });
      expect(
        inputIssues(
          await mutate(
            'updateFunnel',
            `id: "${funnel.id}", input: { name: "x", steps: [{ type: EVENT, target: "a" }] }`,
            '{ id }',
          ),
        )[0]?.path,
      ).toEqual(['input', 'steps']);
      expect(ok(await mutate('deleteFunnel', `id: "${funnel.id}"`, '{ id }'), 'deleteFunnel')).toEqual({
        id: funnel.id,
      });
    });

    it('annotations over a time range', async () => {
      const input =
        'input: { startsAt: "2026-03-01T00:00:00Z", endsAt: "2026-03-02T00:00:00Z", text: "Launch", color: "#ff0000", tags: ["release"] }';
      const note = ok(
        await mutate(
          'createAnnotation',
          `websiteId: "${tenant.websiteId}", ${input}`,
          '{ id startsAt endsAt text color tags author { email } }',
        ),
        'createAnnotation',
      );
      expect(note).toMatchObject({
        startsAt: '2026-03-01T00:00:00.000Z',
        endsAt: '2026-03-02T00:00:00.000Z',
        tags: ['release'],
        author: { email: 'owner@acme.test' },
      });
      expect(
        inputIssues(
          await mutate(
            'updateAnnotation',
            `id: "${note.id}", input: { startsAt: "2026-03-02T00:00:00Z", endsAt: "2026-03-01T00:00:00Z", text: "x" }`,
            '{ id }',
          ),
        )[0]?.path,
      ).toEqual(['input', 'endsAt']);
      expect(
        refusalCode(
          await mutate('updateAnnotation', `id: "${note.id}", input: { startsAt: "yesterday", text: "x" }`, '{ id }'),
          '',
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        ok(
          await mutate(
            'updateAnnotation',
            `id: "${note.id}", input: { startsAt: "2026-03-05T10:00:00+02:00", text: "Moved" }`,
            '{ startsAt endsAt text }',
          ),
          'updateAnnotation',
        ),
      ).toEqual({ startsAt: '2026-03-05T08:00:00.000Z', endsAt: null, text: 'Moved' });
      expect(ok(await mutate('deleteAnnotation', `id: "${note.id}"`, '{ id }'), 'deleteAnnotation')).toEqual({
        id: note.id,
      });
    });
  });

  describe('links and uptime monitors', () => {
    it('links: slug, http(s) target, expiry', async () => {
      const link = ok(
        await mutate(
          'createLink',
          `input: { slug: "spring-sale", targetUrl: "https://shop.example.com/sale?utm_source=x", expiresAt: "2027-01-01T00:00:00Z", websiteId: "${tenant.websiteId}" }`,
          '{ id slug targetUrl expiresAt websiteId permanent enabled }',
        ),
        'createLink',
      );
      expect(link).toMatchObject({
        slug: 'spring-sale',
        expiresAt: '2027-01-01T00:00:00.000Z',
        websiteId: tenant.websiteId,
        permanent: false,
        enabled: true,
      });
      for (const target of ['javascript:alert(1)', 'ftp://example.com', 'data:text/html,x', '/relative']) {
        expect(
          inputIssues(
            await mutate('createLink', `input: { slug: "x", targetUrl: ${JSON.stringify(target)} }`, '{ id }'),
          )[0]?.path,
          target,
        ).toEqual(['input', 'targetUrl']);
      }
      expect(
        inputIssues(await mutate('createLink', 'input: { slug: "has space", targetUrl: "https://a.com" }', '{ id }'))[0]
          ?.path,
      ).toEqual(['input', 'slug']);
      expect(
        refusalCode(
          await mutate('createLink', 'input: { slug: "spring-sale", targetUrl: "https://a.com" }', '{ id }'),
          'createLink',
        ),
      ).toBe('CONFLICT');
      expect(
        ok(
          await mutate(
            'updateLink',
            `id: "${link.id}", input: { slug: "spring", targetUrl: "http://a.com", permanent: true }`,
            '{ slug permanent expiresAt websiteId }',
          ),
          'updateLink',
        ),
      ).toEqual({ slug: 'spring', permanent: true, expiresAt: null, websiteId: null });
      const listed = ok(await run('{ organization { links { totalCount } } }'), 'organization');
      expect(listed.links.totalCount).toBe(1);
      expect(ok(await mutate('deleteLink', `id: "${link.id}"`, '{ id }'), 'deleteLink')).toEqual({ id: link.id });
    });

    it('uptime monitors', async () => {
      const monitor = ok(
        await mutate(
          'createUptimeMonitor',
          'input: { name: "Home", url: "https://example.com/health", intervalSeconds: 300, expectedStatus: 204 }',
          '{ id name url method intervalSeconds timeoutMs expectedStatus enabled }',
        ),
        'createUptimeMonitor',
      );
      expect(monitor).toMatchObject({
        method: 'GET',
        intervalSeconds: 300,
        timeoutMs: 10000,
        expectedStatus: 204,
        enabled: true,
      });
      expect(
        inputIssues(
          await mutate(
            'createUptimeMonitor',
            'input: { name: "x", url: "https://a.com", intervalSeconds: 5 }',
            '{ id }',
          ),
        )[0]?.path,
      ).toEqual(['input', 'intervalSeconds']);
      // Loopback, private and metadata targets are refused (SSRF), in creation and in updates…
      for (const url of [
        'http://127.0.0.1:8080/',
        'http://localhost/',
        'http://[::ffff:127.0.0.1]/',
        'http://169.254.169.254/latest/meta-data/',
        'http://10.0.0.7/',
      ]) {
        for (const [field, args] of [
          ['createUptimeMonitor', ''],
          ['updateUptimeMonitor', `id: "${monitor.id}", `],
        ]) {
          const refused = inputIssues(
            await mutate(field as string, `${args}input: { name: "x", url: "${url}" }`, '{ id }'),
          );
          expect(refused[0], url).toMatchObject({ path: ['input', 'url'], message: expect.stringMatching(/private/) });
        }
      }
      // …unless the instance allows them (UPTIME_ALLOW_PRIVATE_TARGETS) for intranet monitoring.
      const intranet = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
        uptimeAllowPrivateTargets: true,
      });
      const allowed = await intranet.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.adminKey}` },
        body: JSON.stringify({
          query: `mutation { updateUptimeMonitor(id: "${monitor.id}", input: { name: "Home", url: "http://10.0.0.7/" }) { __typename } }`,
        }),
      });
      expect((await allowed.json()).data.updateUptimeMonitor.__typename).toBe('MutationUpdateUptimeMonitorSuccess');
      expect(
        ok(
          await mutate(
            'updateUptimeMonitor',
            `id: "${monitor.id}", input: { name: "Home", url: "https://example.com", method: "HEAD", enabled: false }`,
            '{ method enabled expectedStatus }',
          ),
          'updateUptimeMonitor',
        ),
      ).toEqual({ method: 'HEAD', enabled: false, expectedStatus: null });
      expect(
        ok(await run('{ organization { uptimeMonitors { totalCount } } }'), 'organization').uptimeMonitors.totalCount,
      ).toBe(1);
      expect(ok(await mutate('deleteUptimeMonitor', `id: "${monitor.id}"`, '{ id }'), 'deleteUptimeMonitor')).toEqual({
        id: monitor.id,
      });
    });
  });

  describe('feature flags', () => {
    const fields =
      '{ id key name description type status defaultValue payload rules { attribute property operator values value variant } rolloutPercentage rolloutBy variants { key weight value } dependencies persistAcrossAuth environment websiteId }';
    const createFlag = (input: Record<string, unknown>) => mutate('createFlag', 'input: $input', fields, { input });

    it('stores every field, rejects bad rules, variants and dependency cycles', async () => {
      const betaInput = {
        key: 'beta',
        name: 'Beta',
        description: 'Beta features',
        defaultValue: false,
        payload: { banner: 'hi' },
        rules: [{ attribute: 'EMAIL', operator: 'ENDS_WITH', values: ['@acme.test'] }],
        persistAcrossAuth: true,
      };
      const beta = ok(await createFlag(betaInput), 'createFlag');
      expect(beta).toMatchObject({
        key: 'beta',
        type: 'BOOLEAN',
        status: 'ACTIVE',
        payload: { banner: 'hi' },
        persistAcrossAuth: true,
        environment: null,
        websiteId: null,
      });
      expect(beta.rules).toEqual([
        {
          attribute: 'EMAIL',
          property: null,
          operator: 'ENDS_WITH',
          values: ['@acme.test'],
          value: null,
          variant: null,
        },
      ]);
      const rollout = ok(
        await createFlag({
          key: 'new-ui',
          type: 'ROLLOUT',
          rolloutPercentage: 30,
          rolloutBy: 'anonymous',
          dependencies: ['beta'],
          websiteId: tenant.websiteId,
          environment: 'production',
        }),
        'createFlag',
      );
      expect(rollout).toMatchObject({
        rolloutPercentage: 30,
        rolloutBy: 'anonymous',
        dependencies: ['beta'],
        websiteId: tenant.websiteId,
        environment: 'production',
      });
      ok(
        await createFlag({
          key: 'pricing',
          type: 'MULTIVARIANT',
          variants: [
            { key: 'a', weight: 50 },
            { key: 'b', weight: 50, value: { price: 9 } },
          ],
          rules: [{ attribute: 'USER_ID', operator: 'IN', values: ['vip'], variant: 'b' }],
        }),
        'createFlag',
      );

      expect(refusalCode(await createFlag({ key: 'beta' }), 'createFlag')).toBe('CONFLICT');
      expect(inputIssues(await createFlag({ key: 'bad key!' }))[0]?.path).toEqual(['input', 'key']);
      expect(
        inputIssues(
          await createFlag({ key: 'x', rules: [{ attribute: 'PROPERTY', operator: 'EQUALS', values: ['a'] }] }),
        )[0]?.message,
      ).toMatch(/property name/);
      // Wrong enum values fail GraphQL's own variable checks, before any resolver.
      expect(
        refusalCode(
          await createFlag({ key: 'x', rules: [{ attribute: 'AGE', operator: 'EQUALS', values: ['a'] }] }),
          '',
        ),
      ).toBe('BAD_USER_INPUT');
      expect(
        inputIssues(
          await createFlag({
            key: 'x',
            type: 'MULTIVARIANT',
            variants: [
              { key: 'a', weight: 50 },
              { key: 'b', weight: 40 },
            ],
          }),
        )[0]?.message,
      ).toMatch(/add up to 100/);
      expect(inputIssues(await createFlag({ key: 'x', rolloutPercentage: 101 }))[0]?.path).toEqual([
        'input',
        'rolloutPercentage',
      ]);
      expect(inputIssues(await createFlag({ key: 'x', dependencies: ['missing'] }))[0]?.message).toMatch(
        /unknown flags: missing/,
      );
      // beta → new-ui → beta would loop.
      const cycle = await mutate('updateFlag', `id: "${beta.id}", input: $input`, fields, {
        input: { key: 'beta', dependencies: ['new-ui'] },
      });
      expect(inputIssues(cycle)[0]?.message).toBe('dependency cycle: beta → new-ui → beta');
      expect((await t.prisma.flag.findUniqueOrThrow({ where: { id: beta.id } })).dependencies).toEqual([]);

      const updated = ok(
        await mutate('updateFlag', `id: "${beta.id}", input: $input`, fields, {
          input: { ...betaInput, status: 'INACTIVE' },
        }),
        'updateFlag',
      );
      expect(updated.status).toBe('INACTIVE');
      expect(ok(await run('{ organization { flags { totalCount } } }'), 'organization').flags.totalCount).toBe(3);
    });

    it('evaluates per website, environment, rules, rollout, variants and dependencies', async () => {
      await t.prisma.flag.updateMany({ where: { key: 'beta' }, data: { status: 'ACTIVE' } });
      const evaluate = async (context: Record<string, unknown>) => {
        const response = await run(
          'query($w: ID!, $c: FlagContextInput!) { evaluateFlags(websiteId: $w, context: $c) { key enabled value variant payload reason } }',
          { w: tenant.websiteId, c: context },
        );
        return Object.fromEntries(ok(response, 'evaluateFlags').map((r: { key: string }) => [r.key, r]));
      };
      const staff = await evaluate({ anonymousId: 'anon-1', email: 'ann@acme.test', environment: 'production' });
      expect(staff.beta).toMatchObject({ enabled: true, value: true, reason: 'RULE_MATCH', payload: { banner: 'hi' } });
      expect(['ROLLOUT_INCLUDED', 'ROLLOUT_EXCLUDED']).toContain(staff['new-ui'].reason);
      expect(staff.pricing.variant).toMatch(/^[ab]$/);

      const outsider = await evaluate({ anonymousId: 'anon-1', email: 'someone@else.test', environment: 'production' });
      expect(outsider.beta).toMatchObject({ enabled: false, reason: 'DEFAULT', payload: null });
      expect(outsider['new-ui']).toMatchObject({ enabled: false, reason: 'DEPENDENCY_NOT_MET' });

      const vip = await evaluate({ userId: 'vip' });
      expect(vip.pricing).toMatchObject({ variant: 'b', value: { price: 9 }, reason: 'RULE_MATCH' });
      // The production-only flag does not exist in other environments.
      expect(vip['new-ui']).toBeUndefined();

      const roundTrip = await evaluate({ anonymousId: 'anon-1', email: 'ann@acme.test', environment: 'production' });
      expect(roundTrip).toEqual(staff);
      expect(refusalCode(await run('{ evaluateFlags(websiteId: "nope", context: {}) { key } }'), 'evaluateFlags')).toBe(
        'NOT_FOUND',
      );
    });

    it('prefers a website’s own flag to an organization-wide one of the same key, and deletes', async () => {
      const orgWide = await t.prisma.flag.findFirstOrThrow({ where: { key: 'pricing' } });
      const own = ok(
        await createFlag({ key: 'pricing', defaultValue: 'site', websiteId: tenant.websiteId }),
        'createFlag',
      );
      const evaluated = ok(
        await run('query($w: ID!) { evaluateFlags(websiteId: $w, context: { userId: "vip" }) { key value reason } }', {
          w: tenant.websiteId,
        }),
        'evaluateFlags',
      );
      expect(evaluated.find((r: { key: string }) => r.key === 'pricing')).toEqual({
        key: 'pricing',
        value: 'site',
        reason: 'DEFAULT',
      });
      for (const flag of [own, orgWide]) {
        expect(ok(await mutate('deleteFlag', `id: "${flag.id}"`, '{ key }'), 'deleteFlag')).toEqual({ key: 'pricing' });
      }
      expect(await t.prisma.flag.count({ where: { key: 'pricing' } })).toBe(0);
    });
  });
});
