import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTargets } from '../prisma/test-support.ts';
import { schema } from './executable-schema.ts';
import { createTenant, issueKey, refusalCode, startTestApi, type Tenant, type TestApi } from './test-support.ts';

/** Ids of one record of every kind in the victim organization. */
interface VictimIds {
  websiteId: string;
  goalId: string;
  funnelId: string;
  annotationId: string;
  linkId: string;
  monitorId: string;
  flagId: string;
  memberId: string;
  apiKeyId: string;
}

type Needs = 'authenticated' | 'read' | 'write' | 'admin' | 'evaluate';
interface Operation {
  field: string;
  needs: Needs;
  /** Whether it names a victim record (another organization gets NOT_FOUND) or only acts on the caller's own organization. */
  addressesRecord: boolean;
  query: (ids: VictimIds) => string;
}

const union = '{ __typename ... on Error { code message } }';
const goal = '{ name: "g", type: EVENT, target: "signup" }';
const funnel = '{ name: "f", steps: [{ type: PAGE_VIEW, target: "/a" }, { type: EVENT, target: "b" }] }';
const annotation = '{ startsAt: "2026-01-01T00:00:00Z", text: "t" }';
const link = (slug: string) => `{ slug: "${slug}", targetUrl: "https://example.com" }`;
const monitor = '{ name: "m", url: "https://example.com" }';

// Every query and mutation of the schema (a test below fails when one is missing from this list).
const operations: Operation[] = [
  { field: 'me', needs: 'authenticated', addressesRecord: false, query: () => '{ me { id organization { id } } }' },
  {
    field: 'organization',
    needs: 'authenticated',
    addressesRecord: false,
    query: () => '{ organization { id name } }',
  },
  {
    field: 'website',
    needs: 'read',
    addressesRecord: true,
    query: (v) => `{ website(id: "${v.websiteId}") { id domain } }`,
  },
  {
    field: 'evaluateFlags',
    needs: 'evaluate',
    addressesRecord: true,
    query: (v) => `{ evaluateFlags(websiteId: "${v.websiteId}", context: { anonymousId: "a" }) { key value } }`,
  },
  { field: 'version', needs: 'authenticated', addressesRecord: false, query: () => '{ version }' },
  {
    field: 'updateOrganization',
    needs: 'admin',
    addressesRecord: false,
    query: () => `mutation { updateOrganization(name: "x") ${union} }`,
  },
  {
    field: 'addMember',
    needs: 'admin',
    addressesRecord: false,
    query: () => `mutation { addMember(input: { email: "new@x.test", name: "n", role: MEMBER }) ${union} }`,
  },
  {
    field: 'updateMemberRole',
    needs: 'admin',
    addressesRecord: true,
    query: (v) => `mutation { updateMemberRole(id: "${v.memberId}", role: VIEWER) ${union} }`,
  },
  {
    field: 'removeMember',
    needs: 'admin',
    addressesRecord: true,
    query: (v) => `mutation { removeMember(id: "${v.memberId}") ${union} }`,
  },
  {
    field: 'createWebsite',
    needs: 'write',
    addressesRecord: false,
    query: () => `mutation { createWebsite(input: { domain: "new.test" }) ${union} }`,
  },
  {
    field: 'updateWebsite',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateWebsite(id: "${v.websiteId}", input: { name: "x" }) ${union} }`,
  },
  {
    field: 'setPaymentWebhookSecret',
    needs: 'write',
    addressesRecord: true,
    query: (v) =>
      `mutation { setPaymentWebhookSecret(websiteId: "${v.websiteId}", provider: STRIPE, secret: "whsec_intruder") ${union} }`,
  },
  {
    field: 'archiveWebsite',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { archiveWebsite(id: "${v.websiteId}") ${union} }`,
  },
  {
    field: 'createApiKey',
    needs: 'admin',
    addressesRecord: false,
    query: () => `mutation { createApiKey(input: { name: "k", scopes: [READ_ANALYTICS] }) ${union} }`,
  },
  {
    field: 'revokeApiKey',
    needs: 'admin',
    addressesRecord: true,
    query: (v) => `mutation { revokeApiKey(id: "${v.apiKeyId}") ${union} }`,
  },
  {
    field: 'rotateApiKey',
    needs: 'admin',
    addressesRecord: true,
    query: (v) => `mutation { rotateApiKey(id: "${v.apiKeyId}") ${union} }`,
  },
  {
    field: 'createGoal',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { createGoal(websiteId: "${v.websiteId}", input: ${goal}) ${union} }`,
  },
  {
    field: 'updateGoal',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateGoal(id: "${v.goalId}", input: ${goal}) ${union} }`,
  },
  {
    field: 'deleteGoal',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteGoal(id: "${v.goalId}") ${union} }`,
  },
  {
    field: 'createFunnel',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { createFunnel(websiteId: "${v.websiteId}", input: ${funnel}) ${union} }`,
  },
  {
    field: 'updateFunnel',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateFunnel(id: "${v.funnelId}", input: ${funnel}) ${union} }`,
  },
  {
    field: 'deleteFunnel',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteFunnel(id: "${v.funnelId}") ${union} }`,
  },
  {
    field: 'createAnnotation',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { createAnnotation(websiteId: "${v.websiteId}", input: ${annotation}) ${union} }`,
  },
  {
    field: 'updateAnnotation',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateAnnotation(id: "${v.annotationId}", input: ${annotation}) ${union} }`,
  },
  {
    field: 'deleteAnnotation',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteAnnotation(id: "${v.annotationId}") ${union} }`,
  },
  {
    field: 'createLink',
    needs: 'write',
    addressesRecord: false,
    query: () => `mutation { createLink(input: ${link('mine')}) ${union} }`,
  },
  {
    field: 'updateLink',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateLink(id: "${v.linkId}", input: ${link('other')}) ${union} }`,
  },
  {
    field: 'deleteLink',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteLink(id: "${v.linkId}") ${union} }`,
  },
  {
    field: 'createUptimeMonitor',
    needs: 'write',
    addressesRecord: false,
    query: () => `mutation { createUptimeMonitor(input: ${monitor}) ${union} }`,
  },
  {
    field: 'updateUptimeMonitor',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateUptimeMonitor(id: "${v.monitorId}", input: ${monitor}) ${union} }`,
  },
  {
    field: 'deleteUptimeMonitor',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteUptimeMonitor(id: "${v.monitorId}") ${union} }`,
  },
  {
    field: 'createFlag',
    needs: 'write',
    addressesRecord: false,
    query: () => `mutation { createFlag(input: { key: "mine" }) ${union} }`,
  },
  {
    field: 'updateFlag',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateFlag(id: "${v.flagId}", input: { key: "x" }) ${union} }`,
  },
  {
    field: 'deleteFlag',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteFlag(id: "${v.flagId}") ${union} }`,
  },
];

describe.each(postgresTargets)('tenancy on $name', (target) => {
  let t: TestApi;
  let victim: Tenant;
  let ids: VictimIds;
  let snapshot: () => Promise<unknown>;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApi(target);
    victim = await createTenant(t.prisma, 'victim');
    const attacker = await createTenant(t.prisma, 'attacker');
    const { prisma } = t;
    const w = victim.websiteId;
    const member = await prisma.member.findFirstOrThrow({ where: { organizationId: victim.organizationId } });
    ids = {
      websiteId: w,
      goalId: (await prisma.goal.create({ data: { websiteId: w, name: 'g', type: 'EVENT', target: 'x' } })).id,
      funnelId: (await prisma.funnel.create({ data: { websiteId: w, name: 'f' } })).id,
      annotationId: (await prisma.annotation.create({ data: { websiteId: w, startsAt: new Date(), text: 't' } })).id,
      linkId: (
        await prisma.link.create({
          data: { organizationId: victim.organizationId, slug: 'v', targetUrl: 'https://v.test' },
        })
      ).id,
      monitorId: (
        await prisma.uptimeMonitor.create({
          data: { organizationId: victim.organizationId, name: 'm', url: 'https://v.test' },
        })
      ).id,
      flagId: (await prisma.flag.create({ data: { organizationId: victim.organizationId, key: 'v', createdBy: 'x' } }))
        .id,
      memberId: member.id,
      apiKeyId: (await prisma.apiKey.findFirstOrThrow({ where: { organizationId: victim.organizationId } })).id,
    };
    keys.otherOrganization = attacker.adminKey;
    keys.revoked = await issueKey(prisma, victim.organizationId, ['ADMIN'], { revokedAt: new Date() });
    keys.expired = await issueKey(prisma, victim.organizationId, ['ADMIN'], { expiresAt: new Date(Date.now() - 1000) });
    keys.missingScope = await issueKey(prisma, victim.organizationId, ['WRITE_LLM']);
    // Everything the victim owns, to prove no refused call changed anything.
    snapshot = async () => {
      const where = { organizationId: victim.organizationId };
      return {
        organization: await prisma.organization.findUnique({ where: { id: victim.organizationId } }),
        websites: await prisma.website.findMany({
          where,
          include: { goals: true, funnels: { include: { steps: true } }, annotations: true },
        }),
        members: await prisma.member.findMany({ where }),
        keys: await prisma.apiKey.findMany({ where, omit: { lastUsedAt: true, updatedAt: true } }),
        links: await prisma.link.findMany({ where }),
        monitors: await prisma.uptimeMonitor.findMany({ where }),
        flags: await prisma.flag.findMany({ where }),
      };
    };
  });
  afterAll(() => t?.close());

  it('the list covers every query and mutation of the schema', () => {
    const fields = [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
      Object.keys(type?.getFields() ?? {}),
    );
    expect(operations.map((op) => op.field).sort()).toEqual(fields.sort());
  });

  const refusals: [string, string, (op: Operation) => string | null][] = [
    ['no key', 'none', (op) => (op.field === 'version' ? null : 'UNAUTHENTICATED')],
    ['a revoked key', 'revoked', () => 'UNAUTHENTICATED'],
    ['an expired key', 'expired', () => 'UNAUTHENTICATED'],
    ['a key missing the scope', 'missingScope', (op) => (op.needs === 'authenticated' ? null : 'FORBIDDEN')],
    ['a key of another organization', 'otherOrganization', (op) => (op.addressesRecord ? 'NOT_FOUND' : null)],
  ];

  it.each(refusals)(
    'with %s, every operation is refused or stays inside the caller’s organization',
    async (_label, keyName, expected) => {
      const before = await snapshot();
      for (const op of operations) {
        const response = await t.graphql(op.query(ids), { key: keys[keyName] ?? null });
        const code = expected(op);
        if (code) {
          expect(refusalCode(response, op.field), `${op.field}: ${JSON.stringify(response.body)}`).toBe(code);
          // Nothing of the victim's leaks: neither its records nor the data of the refused field.
          expect(JSON.stringify(response.body)).not.toMatch(/victim/);
        } else if (keyName === 'otherOrganization') {
          expect(JSON.stringify(response.body), op.field).not.toContain(victim.organizationId);
        }
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it('another organization’s id is refused exactly like an id that does not exist', async () => {
    for (const op of operations.filter((o) => o.addressesRecord)) {
      const real = await t.graphql(op.query(ids), { key: keys.otherOrganization });
      const random = Object.fromEntries(Object.keys(ids).map((k) => [k, 'does-not-exist'])) as unknown as VictimIds;
      const missing = await t.graphql(op.query(random), { key: keys.otherOrganization });
      expect(real.body, op.field).toEqual(missing.body);
    }
  });

  it('a website-restricted key reaches only its website', async () => {
    const other = await t.prisma.website.create({
      data: { organizationId: victim.organizationId, domain: 'second.test' },
    });
    const restricted = await issueKey(t.prisma, victim.organizationId, ['ADMIN'], { websiteId: victim.websiteId });
    const own = await t.graphql(`{ website(id: "${victim.websiteId}") { id } }`, { key: restricted });
    expect(own.body.data?.website.id).toBe(victim.websiteId);
    const second = await t.graphql(`{ website(id: "${other.id}") { id } }`, { key: restricted });
    expect(refusalCode(second, 'website')).toBe('NOT_FOUND');
    const list = await t.graphql('{ organization { websites { edges { node { id } } } } }', { key: restricted });
    expect(list.body.data?.organization.websites.edges).toEqual([{ node: { id: victim.websiteId } }]);
    const keysList = await t.graphql('{ organization { apiKeys { totalCount } } }', { key: restricted });
    expect(refusalCode(keysList, 'organization')).toBe('FORBIDDEN');
  });

  it('a public website is readable without a key, but only its public fields', async () => {
    await t.prisma.website.update({ where: { id: victim.websiteId }, data: { isPublic: true } });
    const open = await t.graphql(`{ website(id: "${victim.websiteId}") { id domain name isPublic } }`);
    expect(open.body.data?.website).toMatchObject({ id: victim.websiteId, isPublic: true });
    for (const field of [
      'allowedOrigins',
      'settings',
      'status',
      'goals { totalCount }',
      'flags: funnels { totalCount }',
    ]) {
      const closed = await t.graphql(`{ website(id: "${victim.websiteId}") { id ${field} } }`);
      expect(refusalCode(closed, 'website'), field).toBe('UNAUTHENTICATED');
    }
    const foreign = await t.graphql(`{ website(id: "${victim.websiteId}") { goals { totalCount } } }`, {
      key: keys.otherOrganization,
    });
    expect(refusalCode(foreign, 'website')).toBe('FORBIDDEN');
    await t.prisma.website.update({ where: { id: victim.websiteId }, data: { isPublic: false } });
  });
});
