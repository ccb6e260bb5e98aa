import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../prisma/bootstrap.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { schema } from './executable-schema.ts';
import {
  createPerson,
  ok,
  refusalCode,
  sessionHeaders,
  signIn,
  startTestApi,
  type TestApi,
  withoutCost,
} from './test-support.ts';

// Two organizations created by an instance administrator through createOrganization, every record
// and key made through the public API, and every operation tried across the boundary with every
// kind of caller (keys, a session, a share link): each answers exactly as for a record that does
// not exist. (Prisma only reads, to prove that refused calls changed nothing; the people signing
// in are made with Prisma, as no API creates a password without a link.)

/** Ids of one record of every kind in the victim organization. */
interface VictimIds {
  websiteId: string;
  goalId: string;
  funnelId: string;
  annotationId: string;
  segmentId: string;
  linkId: string;
  monitorId: string;
  flagId: string;
  memberId: string;
  apiKeyId: string;
  shareLinkId: string;
  sessionId: string;
  organizationId: string;
}

/**
 * `anyone`: never refused for its scope; `key`: an API key's own; `session`: a signed-in session's
 * own; `share`: a share link's own; `token`: proves a secret in its arguments (the tests give a
 * wrong one, refused with UNAUTHENTICATED).
 */
type Needs =
  | 'anyone'
  | 'authenticated'
  | 'key'
  | 'session'
  | 'share'
  | 'token'
  | 'read'
  | 'write'
  | 'admin'
  | 'evaluate'
  | 'instance';
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
const segment = '{ name: "s", visibility: ORGANIZATION, filter: { field: COUNTRY, op: IS, value: ["SE"] } }';
const link = (slug: string) => `{ slug: "${slug}", targetUrl: "https://example.com" }`;
const monitor = '{ name: "m", url: "https://example.com" }';

// Every query and mutation of the schema (a test below fails when one is missing from this list).
const operations: Operation[] = [
  { field: 'me', needs: 'key', addressesRecord: false, query: () => '{ me { id organization { id } } }' },
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
  { field: 'version', needs: 'anyone', addressesRecord: false, query: () => '{ version }' },
  { field: 'limits', needs: 'authenticated', addressesRecord: false, query: () => '{ limits { range { maxDays } } }' },
  { field: 'viewer', needs: 'anyone', addressesRecord: false, query: () => '{ viewer { role organization { id } } }' },
  { field: 'sessions', needs: 'session', addressesRecord: false, query: () => '{ sessions { id } }' },
  { field: 'sharedWebsite', needs: 'share', addressesRecord: false, query: () => '{ sharedWebsite { id domain } }' },
  {
    field: 'shareLinks',
    needs: 'read',
    addressesRecord: true,
    query: (v) => `{ shareLinks(websiteId: "${v.websiteId}") { id } }`,
  },
  {
    field: 'signIn',
    needs: 'token',
    addressesRecord: false,
    query: () => 'mutation { signIn(email: "owner@victim.test", password: "not the password") { role } }',
  },
  {
    field: 'acceptInvitation',
    needs: 'token',
    addressesRecord: false,
    query: () =>
      `mutation { acceptInvitation(token: "${'A'.repeat(43)}", name: "n", password: "password1", email: "n@n.test") { role } }`,
  },
  {
    field: 'completeSetup',
    needs: 'token',
    addressesRecord: false,
    query: () =>
      `mutation { completeSetup(token: "${'A'.repeat(43)}", email: "n@n.test", name: "n", password: "password1") { role } }`,
  },
  {
    field: 'unlockShareLink',
    needs: 'token',
    addressesRecord: false,
    query: () => `mutation { unlockShareLink(token: "${'A'.repeat(43)}", password: "p") }`,
  },
  {
    field: 'revokeSession',
    needs: 'session',
    addressesRecord: true,
    query: (v) => `mutation { revokeSession(id: "${v.sessionId}") }`,
  },
  {
    field: 'switchOrganization',
    needs: 'session',
    addressesRecord: true,
    query: (v) => `mutation { switchOrganization(id: "${v.organizationId}") { role } }`,
  },
  {
    field: 'createInvitation',
    needs: 'admin',
    addressesRecord: false,
    query: () => 'mutation { createInvitation(role: OWNER) { expiresAt } }',
  },
  {
    field: 'createShareLink',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { createShareLink(websiteId: "${v.websiteId}") { id } }`,
  },
  {
    field: 'revokeShareLink',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { revokeShareLink(id: "${v.shareLinkId}") }`,
  },
  {
    field: 'organizations',
    needs: 'instance',
    addressesRecord: false,
    query: () => '{ organizations { totalCount edges { node { id name } } } }',
  },
  {
    field: 'createOrganization',
    needs: 'instance',
    addressesRecord: false,
    query: () =>
      `mutation { createOrganization(input: { name: "x", ownerEmail: "x@x.test", ownerName: "x" }) ${union} }`,
  },
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
    field: 'deleteWebsite',
    needs: 'admin',
    addressesRecord: true,
    query: (v) => `mutation { deleteWebsite(id: "${v.websiteId}") ${union} }`,
  },
  {
    field: 'eraseVisitor',
    needs: 'admin',
    addressesRecord: true,
    query: (v) => `mutation { eraseVisitor(websiteId: "${v.websiteId}", anonymousId: "visitor-1") ${union} }`,
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
    field: 'segments',
    needs: 'read',
    addressesRecord: true,
    query: (v) => `{ segments(websiteId: "${v.websiteId}") { id name } }`,
  },
  {
    field: 'segment',
    needs: 'read',
    addressesRecord: true,
    query: (v) => `{ segment(id: "${v.segmentId}") { id name filter } }`,
  },
  {
    field: 'createSegment',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { createSegment(websiteId: "${v.websiteId}", input: ${segment}) ${union} }`,
  },
  {
    field: 'updateSegment',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { updateSegment(id: "${v.segmentId}", input: ${segment}) ${union} }`,
  },
  {
    field: 'deleteSegment',
    needs: 'write',
    addressesRecord: true,
    query: (v) => `mutation { deleteSegment(id: "${v.segmentId}") ${union} }`,
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
  // Last: a session caller is signed out by it.
  { field: 'signOut', needs: 'anyone', addressesRecord: false, query: () => 'mutation { signOut }' },
];

describe.each(postgresTargets)('tenancy on $name', (target) => {
  let t: TestApi;
  let instanceKey: string;
  let ids: VictimIds;
  let victimAdmin: string;
  let victimSecondWebsite: string;
  let victimOrganizationId: string;
  let attackerWebsite: string;
  let snapshot: () => Promise<unknown>;
  /** Callers by name: an API key, or the headers of a session or a share link. */
  const keys: Record<string, string | Record<string, string> | null> = {};

  const call = (query: string, key: string | Record<string, string> | null) =>
    t.graphql(query, typeof key === 'string' || key === null ? { key } : { headers: key });
  /** Runs a mutation that must succeed and returns its record's id. */
  const create = async (field: string, args: string, key: string): Promise<string> => {
    const success = `Mutation${field[0]?.toUpperCase()}${field.slice(1)}Success`;
    const response = await call(
      `mutation { ${field}(${args}) ${union.slice(0, -1)} ... on ${success} { data { id } } } }`,
      key,
    );
    return ok(response, field).id;
  };
  const newOrganization = async (name: string, ownerEmail: string) => {
    const response = await call(
      `mutation { createOrganization(input: { name: "${name}", slug: "${name}", ownerEmail: "${ownerEmail}", ownerName: "${name} owner" }) ${union.slice(0, -1)} ... on MutationCreateOrganizationSuccess { data { organization { id name } adminKeyId adminKey } } } }`,
      instanceKey,
    );
    return ok(response, 'createOrganization') as { organization: { id: string }; adminKeyId: string; adminKey: string };
  };
  const newKey = async (admin: string, input: string): Promise<{ id: string; secret: string }> => {
    const response = await call(
      `mutation { createApiKey(input: { name: "k", ${input} }) ${union.slice(0, -1)} ... on MutationCreateApiKeySuccess { data { secret apiKey { id } } } } }`,
      admin,
    );
    const issued = ok(response, 'createApiKey');
    return { id: issued.apiKey.id, secret: issued.secret };
  };

  beforeAll(async () => {
    t = await startTestApi(target);
    // As `npm start` does on an empty database: the bootstrap key is the instance administrator.
    instanceKey = (await bootstrap(t.prisma))?.apiKey as string;
    const victim = await newOrganization('victim', 'owner@victim.test');
    const attacker = await newOrganization('attacker', 'owner@attacker.test');
    victimAdmin = victim.adminKey;
    victimOrganizationId = victim.organization.id;
    const w = await create('createWebsite', 'input: { domain: "victim.test" }', victimAdmin);
    victimSecondWebsite = await create('createWebsite', 'input: { domain: "second.test" }', victimAdmin);
    await create('createFlag', `input: { key: "b-flag", websiteId: "${victimSecondWebsite}" }`, victimAdmin);
    const memberId = await create(
      'addMember',
      'input: { email: "bea@victim.test", name: "Bea", role: MEMBER }',
      victimAdmin,
    );
    ids = {
      websiteId: w,
      goalId: await create('createGoal', `websiteId: "${w}", input: ${goal}`, victimAdmin),
      funnelId: await create('createFunnel', `websiteId: "${w}", input: ${funnel}`, victimAdmin),
      annotationId: await create('createAnnotation', `websiteId: "${w}", input: ${annotation}`, victimAdmin),
      segmentId: await create('createSegment', `websiteId: "${w}", input: ${segment}`, victimAdmin),
      linkId: await create('createLink', `input: ${link('v')}`, victimAdmin),
      monitorId: await create('createUptimeMonitor', `input: ${monitor}`, victimAdmin),
      flagId: await create('createFlag', `input: { key: "v", websiteId: "${w}" }`, victimAdmin),
      memberId,
      apiKeyId: victim.adminKeyId,
      shareLinkId: ok(
        await call(`mutation { createShareLink(websiteId: "${w}") { id } }`, victimAdmin),
        'createShareLink',
      ).id,
      sessionId: '',
      organizationId: victimOrganizationId,
    };
    await createPerson(t.prisma, victimOrganizationId, 'vera@victim.test', 'victim password');
    await signIn(t, 'vera@victim.test', 'victim password');
    ids.sessionId = (await t.prisma.session.findFirstOrThrow({ where: { user: { email: 'vera@victim.test' } } })).id;

    const admin = attacker.adminKey;
    attackerWebsite = await create('createWebsite', 'input: { domain: "attacker.test", isPublic: true }', admin);
    keys.otherOrganization = admin;
    keys.restricted = (await newKey(admin, `scopes: [ADMIN], websiteId: "${attackerWebsite}"`)).secret;
    keys.readOnly = (await newKey(admin, 'scopes: [READ_ANALYTICS]')).secret;
    keys.missingScope = (await newKey(admin, 'scopes: [WRITE_LLM]')).secret;
    const revoked = await newKey(admin, 'scopes: [ADMIN]');
    ok(await call(`mutation { revokeApiKey(id: "${revoked.id}") { __typename } }`, admin), 'revokeApiKey');
    keys.revoked = revoked.secret;
    const expiring = await newKey(admin, `scopes: [ADMIN], expiresAt: "${new Date(Date.now() + 1500).toISOString()}"`);
    while (refusalCode(await call('{ me { id } }', expiring.secret), 'me') !== 'UNAUTHENTICATED') {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    keys.expired = expiring.secret;
    keys.none = null;
    // The attacker organization's owner signed in, and a share link of its public website.
    await createPerson(t.prisma, attacker.organization.id, 'mal@attacker.test', 'attacker password');
    keys.session = sessionHeaders(await signIn(t, 'mal@attacker.test', 'attacker password'));
    keys.sessionForIds = sessionHeaders(await signIn(t, 'mal@attacker.test', 'attacker password'));
    keys.share = {
      'x-tidemark-share': ok(
        await call(`mutation { createShareLink(websiteId: "${attackerWebsite}") { token } }`, admin),
        'createShareLink',
      ).token,
    };

    // Everything the victim owns, to prove no refused call changed anything.
    const { prisma } = t;
    snapshot = async () => {
      const where = { organizationId: victimOrganizationId };
      return {
        // Every organization but the attacker's own, which its admin key may change.
        organizations: await prisma.organization.findMany({
          where: { id: { not: attacker.organization.id } },
          orderBy: { createdAt: 'asc' },
        }),
        websites: await prisma.website.findMany({
          where,
          include: { goals: true, funnels: { include: { steps: true } }, annotations: true },
        }),
        members: await prisma.member.findMany({ where }),
        keys: await prisma.apiKey.findMany({ where, omit: { lastUsedAt: true, updatedAt: true } }),
        links: await prisma.link.findMany({ where }),
        monitors: await prisma.uptimeMonitor.findMany({ where }),
        flags: await prisma.flag.findMany({ where }),
        shareLinks: await prisma.shareLink.findMany({ where: { website: where } }),
        sessions: await prisma.session.findMany({ where, omit: { lastSeenAt: true } }),
        invitations: await prisma.invitation.findMany({ where }),
        segments: await prisma.segment.findMany({ where }),
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

  /** What a caller of another organization gets: its own answers, refusals, and NOT_FOUND for the victim's records. */
  const ofAnotherOrganization =
    (kind: 'key' | 'session') =>
    (op: Operation): string | null => {
      if (op.needs === 'token') return 'UNAUTHENTICATED';
      if (op.needs === 'instance' || op.needs === 'share') return 'FORBIDDEN';
      if (op.needs === 'key' || op.needs === 'session')
        return op.needs === kind ? (op.addressesRecord ? 'NOT_FOUND' : null) : 'FORBIDDEN';
      return op.addressesRecord ? 'NOT_FOUND' : null;
    };

  const refusals: [string, string, (op: Operation) => string | null][] = [
    ['no key', 'none', (op) => (op.needs === 'anyone' ? null : 'UNAUTHENTICATED')],
    ['a revoked key', 'revoked', () => 'UNAUTHENTICATED'],
    ['an expired key', 'expired', () => 'UNAUTHENTICATED'],
    [
      'a key missing the scope',
      'missingScope',
      (op) =>
        ['anyone', 'authenticated', 'key'].includes(op.needs)
          ? null
          : op.needs === 'token'
            ? 'UNAUTHENTICATED'
            : 'FORBIDDEN',
    ],
    ['an admin key of another organization', 'otherOrganization', ofAnotherOrganization('key')],
    ['an owner’s session of another organization', 'session', ofAnotherOrganization('session')],
    [
      'a share link of another organization’s website',
      'share',
      // It reads its own website only, and changes nothing (unlocking a link changes nothing either).
      (op) =>
        op.field === 'website'
          ? 'NOT_FOUND'
          : ['version', 'viewer', 'sharedWebsite', 'limits'].includes(op.field)
            ? null
            : op.field === 'unlockShareLink'
              ? 'UNAUTHENTICATED'
              : 'FORBIDDEN',
    ],
  ];

  it.each(refusals)(
    'with %s, every operation is refused or stays inside the caller’s organization',
    async (_label, keyName, expected) => {
      const before = await snapshot();
      for (const op of operations) {
        const response = await call(op.query(ids), keys[keyName] ?? null);
        const code = expected(op);
        if (code) {
          expect(refusalCode(response, op.field), `${op.field}: ${JSON.stringify(response.body)}`).toBe(code);
          // Nothing of the victim's leaks: neither its records nor the data of the refused field.
          expect(JSON.stringify(response.body)).not.toMatch(/victim/);
        } else if (keyName === 'otherOrganization' || keyName === 'session' || keyName === 'share') {
          expect(JSON.stringify(response.body), op.field).not.toContain(victimOrganizationId);
        }
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each([
    'otherOrganization',
    'restricted',
    'readOnly',
    'missingScope',
    'revoked',
    'expired',
    'none',
    'sessionForIds',
    'share',
  ])('with the %s key, another organization’s id answers exactly like an id that does not exist', async (keyName) => {
    const before = await snapshot();
    const missing = Object.fromEntries(Object.keys(ids).map((k) => [k, 'does-not-exist'])) as unknown as VictimIds;
    for (const op of operations.filter((o) => o.addressesRecord)) {
      const real = await call(op.query(ids), keys[keyName] ?? null);
      const none = await call(op.query(missing), keys[keyName] ?? null);
      expect(withoutCost(real.body), op.field).toEqual(withoutCost(none.body));
      expect(real.status, op.field).toBe(none.status);
    }
    expect(await snapshot()).toEqual(before);
  });

  describe('a website-restricted key of the same organization', () => {
    let restricted: string;
    beforeAll(async () => {
      restricted = (await newKey(victimAdmin, `scopes: [ADMIN], websiteId: "${ids.websiteId}"`)).secret;
    });

    it('reaches only its website', async () => {
      const own = await call(`{ website(id: "${ids.websiteId}") { id } }`, restricted);
      expect(own.body.data?.website.id).toBe(ids.websiteId);
      const second = await call(`{ website(id: "${victimSecondWebsite}") { id } }`, restricted);
      expect(withoutCost(second.body)).toEqual(
        withoutCost((await call('{ website(id: "does-not-exist") { id } }', restricted)).body),
      );
      const list = await call('{ organization { websites { edges { node { id } } } } }', restricted);
      expect(list.body.data?.organization.websites.edges).toEqual([{ node: { id: ids.websiteId } }]);
      const flags = await call('{ organization { flags { edges { node { key } } } } }', restricted);
      expect(flags.body.data?.organization.flags.edges).toEqual([{ node: { key: 'v' } }]);
      for (const field of ['apiKeys { totalCount }', 'members { edges { node { user { email } } } }']) {
        const refused = await call(`{ organization { ${field} } }`, restricted);
        expect(refusalCode(refused, 'organization'), field).toBe('FORBIDDEN');
        expect(JSON.stringify(refused.body)).not.toContain('bea@');
      }
    });

    it('cannot tell a flag of another website from a flag that does not exist', async () => {
      const attempt = (dependency: string) =>
        call(
          `mutation { createFlag(input: { key: "mine", websiteId: "${ids.websiteId}", dependencies: ["${dependency}"] }) ${union} }`,
          restricted,
        );
      const hidden = await attempt('b-flag');
      const missing = await attempt('zz-flag');
      expect(refusalCode(hidden, 'createFlag')).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(withoutCost(hidden.body)).replaceAll('b-flag', 'zz-flag')).toBe(
        JSON.stringify(withoutCost(missing.body)),
      );
    });

    it('cannot probe the domains of other websites by changing its own', async () => {
      const attempt = (domain: string) =>
        call(`mutation { updateWebsite(id: "${ids.websiteId}", input: { domain: "${domain}" }) ${union} }`, restricted);
      const taken = await attempt('second.test');
      const free = await attempt('free.test');
      expect(refusalCode(taken, 'updateWebsite')).toBe('FORBIDDEN');
      expect(withoutCost(taken.body)).toEqual(withoutCost(free.body));
      // Everything else of its own website it may still change.
      const renamed = await call(
        `mutation { updateWebsite(id: "${ids.websiteId}", input: { name: "Renamed" }) ${union} }`,
        restricted,
      );
      expect(renamed.body.data?.updateWebsite.__typename).toBe('MutationUpdateWebsiteSuccess');
    });
  });

  it('adding a member answers the same whether or not the email is used elsewhere on the instance', async () => {
    const add = async (email: string) => {
      const response = await call(
        `mutation { addMember(input: { email: "${email}", name: "Guest", role: VIEWER }) ${union.slice(0, -1)} ... on MutationAddMemberSuccess { data { id role name user { id email name image } } } } }`,
        victimAdmin,
      );
      const member = ok(response, 'addMember');
      return { ...member, id: '…', user: { ...member.user, id: '…', email: '…' } };
    };
    // owner@attacker.test is the attacker organization's owner (stored name "attacker owner").
    expect(await add('owner@attacker.test')).toEqual(await add('fresh@victim.test'));
    const members = await call(
      '{ organization { members { edges { node { name user { email name } } } } } }',
      victimAdmin,
    );
    const listed = JSON.stringify(members.body);
    expect(listed).toContain('owner@attacker.test');
    expect(listed).not.toContain('attacker owner');
    // The user is one person in two organizations, each seeing the name it gave.
    const attackerMembers = await call(
      '{ organization { members { edges { node { name } } } } }',
      keys.otherOrganization ?? null,
    );
    expect(JSON.stringify(attackerMembers.body)).toContain('attacker owner');
  });

  it('a public website shows anonymous readers no property values, link URLs, error stacks or private fields', async () => {
    const readable = await call(`{ website(id: "${attackerWebsite}") { id domain isPublic } }`, null);
    expect(readable.body.data?.website).toEqual({ id: attackerWebsite, domain: 'attacker.test', isPublic: true });
    const range = 'range: { preset: LAST_7_DAYS }';
    for (const field of [
      'allowedOrigins',
      'settings',
      'status',
      'goals { totalCount }',
      `analytics(${range}) { recentErrors { stack } }`,
      `analytics(${range}) { eventProperties(name: "signup") { value } }`,
      `analytics(${range}, filters: [{ field: PROPERTY, key: "email", op: IS, value: ["a@b.c"] }]) { customEvents { name } }`,
      `analytics(${range}, filters: [{ field: OUTGOING_LINK, op: CONTAINS, value: ["token"] }]) { summary { current { visitors } } }`,
      `analytics(${range}) { breakdown(dimension: OUTGOING_LINK) { value } }`,
      `analytics(${range}) { sessions { id } }`,
    ]) {
      const closed = await call(`{ website(id: "${attackerWebsite}") { id ${field} } }`, null);
      expect(refusalCode(closed, 'website'), field).toBe('UNAUTHENTICATED');
      // A key of another organization is refused the same fields.
      const foreign = await call(`{ website(id: "${attackerWebsite}") { id ${field} } }`, victimAdmin);
      expect(refusalCode(foreign, 'website'), field).toBe('FORBIDDEN');
    }
  });

  describe('instance administration', () => {
    it('lists organizations and creates them for the instance administrator only', async () => {
      const list = ok(
        await call('{ organizations { totalCount edges { node { name slug } } } }', instanceKey),
        'organizations',
      );
      expect(list.totalCount).toBe(3);
      expect(list.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual(['default', 'victim', 'attacker']);
      const taken = await call(
        `mutation { createOrganization(input: { name: "Again", slug: "victim", ownerEmail: "a@b.test", ownerName: "A" }) ${union} }`,
        instanceKey,
      );
      expect(refusalCode(taken, 'createOrganization')).toBe('CONFLICT');
      for (const key of [victimAdmin, keys.otherOrganization ?? null]) {
        expect(refusalCode(await call('{ organizations { totalCount } }', key), 'organizations')).toBe('FORBIDDEN');
      }
    });

    it('only an instance administrator grants, rotates or revokes the instance scope', async () => {
      const grant = await call(
        `mutation { createApiKey(input: { name: "up", scopes: [INSTANCE_ADMIN] }) ${union} }`,
        victimAdmin,
      );
      expect(refusalCode(grant, 'createApiKey')).toBe('FORBIDDEN');
      // An ordinary admin key of the instance administrator's own organization…
      const sibling = (await newKey(instanceKey, 'scopes: [ADMIN]')).secret;
      const me = ok(await call('{ me { id } }', instanceKey), 'me');
      for (const mutation of ['rotateApiKey', 'revokeApiKey']) {
        const attempt = await call(`mutation { ${mutation}(id: "${me.id}") ${union} }`, sibling);
        expect(refusalCode(attempt, mutation), mutation).toBe('FORBIDDEN');
      }
      expect(ok(await call('{ organizations { totalCount } }', instanceKey), 'organizations').totalCount).toBe(3);
    });

    it('a new organization’s admin key works in that organization only, and its owner may own several', async () => {
      const created = await newOrganization('third', 'owner@victim.test');
      const org = ok(
        await call('{ organization { id name members { totalCount } } }', created.adminKey),
        'organization',
      );
      expect(org).toEqual({ id: created.organization.id, name: 'third', members: { totalCount: 1 } });
      const reach = await call(`{ website(id: "${ids.websiteId}") { id } }`, created.adminKey);
      expect(refusalCode(reach, 'website')).toBe('NOT_FOUND');
      // Its owner's account was created for the victim organization; the new one sees only its own view.
      const keyUsers = await call(
        '{ me { user { name email } } organization { apiKeys { edges { node { user { name createdAt } } } } } }',
        created.adminKey,
      );
      expect(keyUsers.body.data?.me.user).toEqual({ name: 'third owner', email: 'owner@victim.test' });
      expect(JSON.stringify(keyUsers.body)).not.toContain('victim owner');
      const owners = await t.prisma.member.findMany({ where: { user: { email: 'owner@victim.test' } } });
      expect(owners.map((m) => m.name).sort()).toEqual(['third owner', 'victim owner']);
    });
  });
});
