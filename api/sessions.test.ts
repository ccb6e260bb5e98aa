import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../prisma/bootstrap.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { hashToken } from '../prisma/tokens.ts';
import { createLogger } from '../runtime/log.ts';
import { SIGN_IN_LIMITS } from './schema/auth.ts';
import { createApi } from './server.ts';
import {
  createPerson,
  createTenant,
  ok,
  refusalCode,
  sessionHeaders,
  sessionTokenOf,
  signIn,
  startTestApi,
  type Tenant,
  type TestApi,
  withoutCost,
} from './test-support.ts';

// Sign-in with email and password, session cookies and their CSRF rule, roles, several
// organizations, invitations and the first start's setup link, through the real HTTP handling.

const VIEWER = '{ viewer { user { email name } organization { id name } role organizations { id role } } }';
const SIGN_IN = 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role organization { id } } }';
const PASSWORD = 'correct horse battery';

describe.each(postgresTargets)('sign-in and sessions on $name', (target) => {
  let t: TestApi;
  let acme: Tenant;
  let globex: Tenant;
  let setupToken: string;

  const as = (token: string, query: string, variables?: Record<string, unknown>) =>
    t.graphql(query, { headers: sessionHeaders(token), variables });
  const signInAttempt = (email: string, password: string, address?: string) =>
    t.graphql(SIGN_IN, { variables: { e: email, p: password }, address });

  beforeAll(async () => {
    t = await startTestApi(target);
    setupToken = (await bootstrap(t.prisma))?.setupToken as string;
    acme = await createTenant(t.prisma, 'acme');
    globex = await createTenant(t.prisma, 'globex');
    await createPerson(t.prisma, acme.organizationId, 'ann@acme.test', PASSWORD, 'OWNER');
    await createPerson(t.prisma, acme.organizationId, 'vic@acme.test', PASSWORD, 'VIEWER');
    await createPerson(t.prisma, acme.organizationId, 'mem@acme.test', PASSWORD, 'MEMBER');
    // Gus belongs to both organizations: owner of globex, viewer of acme.
    await createPerson(t.prisma, globex.organizationId, 'gus@globex.test', PASSWORD, 'OWNER');
    await createPerson(t.prisma, acme.organizationId, 'gus@globex.test', PASSWORD, 'VIEWER');
  });
  afterAll(() => t?.close());

  describe('signIn', () => {
    it('sets an HttpOnly, SameSite=Lax session cookie and returns the viewer', async () => {
      const response = await signInAttempt('Ann@Acme.test ', PASSWORD);
      expect(ok(response, 'signIn')).toEqual({ role: 'OWNER', organization: { id: acme.organizationId } });
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^tidemark_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=2592000$/);
      const token = sessionTokenOf(response) as string;
      // Only the token's hash is stored.
      const stored = await t.prisma.session.findMany({ where: { tokenHash: hashToken(token) } });
      expect(stored).toHaveLength(1);
      expect(JSON.stringify(await t.prisma.session.findMany())).not.toContain(token);
      const viewer = ok(await as(token, VIEWER), 'viewer');
      expect(viewer).toMatchObject({
        user: { email: 'ann@acme.test' },
        organization: { id: acme.organizationId, name: 'acme' },
        role: 'OWNER',
      });
    });

    it('marks the cookie Secure over https, and behind a trusted proxy that says https', async () => {
      const https = await t.graphql(SIGN_IN, {
        variables: { e: 'ann@acme.test', p: PASSWORD },
        origin: 'https://api.test',
      });
      expect(https.headers.get('set-cookie')).toMatch(/; Secure$/);
      // Without TRUST_PROXY, a client cannot claim https (nor, below, pick its address).
      const claimed = await t.graphql(SIGN_IN, {
        variables: { e: 'ann@acme.test', p: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(claimed.headers.get('set-cookie')).not.toMatch(/Secure/);
      // The same stores behind a proxy the operator trusts (TRUST_PROXY=1).
      const proxied = createApi({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('test', 'error'), {
        trustProxyHops: 1,
      });
      const behind = await proxied.fetch('http://api.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ query: SIGN_IN, variables: { e: 'ann@acme.test', p: PASSWORD } }),
      });
      expect(behind.headers.get('set-cookie')).toMatch(/; Secure$/);
    });

    it('answers a wrong password and an unknown email alike', async () => {
      const wrong = await signInAttempt('vic@acme.test', 'not the password');
      const unknown = await signInAttempt('nobody@acme.test', 'not the password');
      expect(refusalCode(wrong, 'signIn')).toBe('UNAUTHENTICATED');
      expect(withoutCost(wrong.body)).toEqual(withoutCost(unknown.body));
      expect(wrong.status).toBe(unknown.status);
      expect(wrong.headers.get('set-cookie')).toBeNull();
      // A user without a password (added by addMember) cannot sign in with any.
      const passwordless = await signInAttempt('owner@acme.test', '');
      expect(withoutCost(passwordless.body)).toEqual(withoutCost((await signInAttempt('nobody@acme.test', '')).body));
    });

    it(`refuses an email after ${SIGN_IN_LIMITS.perAccount} failures, even with the right password`, async () => {
      await createPerson(t.prisma, acme.organizationId, 'target@acme.test', PASSWORD, 'VIEWER');
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
        expect(refusalCode(await signInAttempt('target@acme.test', `guess ${i}`, '198.51.100.1'), 'signIn')).toBe(
          'UNAUTHENTICATED',
        );
      }
      const limited = await signInAttempt('target@acme.test', PASSWORD, '198.51.100.2');
      expect(refusalCode(limited, 'signIn')).toBe('RATE_LIMITED');
      expect(limited.body.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
      expect(limited.headers.get('set-cookie')).toBeNull();
      // Successes do not count: another account signs in again and again.
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount + 2; i++) {
        expect(sessionTokenOf(await signInAttempt('mem@acme.test', PASSWORD, '198.51.100.3'))).toBeTruthy();
      }
    }, 300_000);

    it(`refuses an address after ${SIGN_IN_LIMITS.perAddress} failures across emails`, async () => {
      const address = '203.0.113.9';
      for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
        await signInAttempt(`spray${i}@acme.test`, 'password', address);
      }
      expect(refusalCode(await signInAttempt('ann@acme.test', PASSWORD, address), 'signIn')).toBe('RATE_LIMITED');
      // Another address is not affected.
      expect(sessionTokenOf(await signInAttempt('ann@acme.test', PASSWORD, '203.0.113.10'))).toBeTruthy();
    }, 300_000);

    it('refuses hostile input with typed errors and hashes nothing huge', async () => {
      const huge = await signInAttempt('ann@acme.test', 'x'.repeat(100_000));
      expect(refusalCode(huge, 'signIn')).toBe('BAD_USER_INPUT');
      const longEmail = await signInAttempt(`${'a'.repeat(300)}@acme.test`, PASSWORD);
      expect(refusalCode(longEmail, 'signIn')).toBe('BAD_USER_INPUT');
      const nul = await signInAttempt('ann@acme.test\0', PASSWORD);
      expect(refusalCode(nul, 'signIn')).toBe('BAD_USER_INPUT');
      expect(nul.headers.get('set-cookie')).toBeNull();
    });
  });

  describe('the session cookie', () => {
    let token: string;
    beforeAll(async () => {
      token = await signIn(t, 'ann@acme.test', PASSWORD);
    });

    it('counts only with the x-tidemark-csrf header: without it the caller is anonymous', async () => {
      const cookieOnly = { cookie: `tidemark_session=${token}` };
      expect((await t.graphql(VIEWER, { headers: cookieOnly })).body.data?.viewer).toBeNull();
      const create = 'mutation { createWebsite(input: { domain: "csrf.test" }) { __typename } }';
      expect(refusalCode(await t.graphql(create, { headers: cookieOnly }), 'createWebsite')).toBe('UNAUTHENTICATED');
      expect(
        refusalCode(await t.graphql(create, { headers: { ...cookieOnly, 'x-tidemark-csrf': '0' } }), 'createWebsite'),
      ).toBe('UNAUTHENTICATED');
      expect(await t.prisma.website.count({ where: { domain: 'csrf.test' } })).toBe(0);
    });

    it('cannot be used by a cross-site form post of any content type, nor by a GET', async () => {
      const mutation = 'mutation { createWebsite(input: { domain: "forged.test" }) { __typename } }';
      const read = '{ viewer { user { email } } organization { name } }';
      const forms: [string, BodyInit][] = [
        ['application/x-www-form-urlencoded', new URLSearchParams({ query: mutation }).toString()],
        ['text/plain', JSON.stringify({ query: mutation })],
        ['text/plain', JSON.stringify({ query: read })],
        ['application/x-www-form-urlencoded', new URLSearchParams({ query: read }).toString()],
      ];
      const multipart = new FormData();
      multipart.set('operations', JSON.stringify({ query: mutation }));
      multipart.set('map', '{}');
      const requests: Request[] = [
        ...forms.map(
          ([type, body]) =>
            new Request('http://api.test/graphql', {
              method: 'POST',
              headers: { 'content-type': type, cookie: `tidemark_session=${token}`, origin: 'https://evil.test' },
              body,
            }),
        ),
        new Request('http://api.test/graphql', {
          method: 'POST',
          headers: { cookie: `tidemark_session=${token}`, origin: 'https://evil.test' },
          body: multipart,
        }),
        new Request(`http://api.test/graphql?query=${encodeURIComponent(read)}`, {
          headers: { cookie: `tidemark_session=${token}`, accept: 'application/json' },
        }),
      ];
      for (const request of requests) {
        const response = await t.api.fetch(request);
        const text = await response.text();
        expect(text, request.headers.get('content-type') ?? 'GET').not.toContain('ann@acme.test');
        expect(text).not.toMatch(/"name":"acme"/);
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
      }
      expect(await t.prisma.website.count({ where: { domain: 'forged.test' } })).toBe(0);
    });

    it('is not granted to other origins by CORS: a preflight answers without Allow-Credentials', async () => {
      const preflight = await t.api.fetch('http://api.test/graphql', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://evil.test',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, x-tidemark-csrf',
        },
      });
      expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
      // Programs in browsers still call the API with a key from any origin.
      expect(preflight.headers.get('access-control-allow-origin')).toBe('https://evil.test');
    });

    it('ignores a garbage, unknown or expired cookie (anonymous, not an error)', async () => {
      for (const value of ['garbage', 'x'.repeat(5000), 'A'.repeat(43), '%00', '']) {
        const response = await t.graphql(VIEWER, { headers: sessionHeaders(value) });
        expect(response.body, value.slice(0, 10)).toEqual({ data: { viewer: null } });
      }
      const expiring = await signIn(t, 'mem@acme.test', PASSWORD);
      await t.prisma.session.update({
        where: { tokenHash: hashToken(expiring) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      expect((await as(expiring, VIEWER)).body.data?.viewer).toBeNull();
    });

    it('signOut ends the session and removes the cookie', async () => {
      const own = await signIn(t, 'mem@acme.test', PASSWORD);
      const out = await as(own, 'mutation { signOut }');
      expect(out.body.data?.signOut).toBe(true);
      expect(sessionTokenOf(out)).toBe('');
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await as(own, VIEWER)).body.data?.viewer).toBeNull();
      expect(await t.prisma.session.count({ where: { tokenHash: hashToken(own) } })).toBe(0);
      // Anonymous: nothing to end, and no cookie touched (no sign-out by another site).
      const anonymous = await t.graphql('mutation { signOut }');
      expect(anonymous.body.data?.signOut).toBe(false);
      expect(anonymous.headers.get('set-cookie')).toBeNull();
    });

    it('lists the user’s own sessions and revokes them; another user’s session is NOT_FOUND', async () => {
      const laptop = await signIn(t, 'vic@acme.test', PASSWORD);
      const phone = await signIn(t, 'vic@acme.test', PASSWORD);
      const listed = ok(await as(laptop, '{ sessions { id current } }'), 'sessions') as {
        id: string;
        current: boolean;
      }[];
      expect(listed.filter((s) => s.current)).toHaveLength(1);
      const phoneId = listed.find((s) => !s.current)?.id as string;
      const annSession = (await t.prisma.session.findFirstOrThrow({ where: { user: { email: 'ann@acme.test' } } })).id;
      const foreign = await as(laptop, `mutation { revokeSession(id: "${annSession}") }`);
      const missing = await as(laptop, 'mutation { revokeSession(id: "nope") }');
      expect(refusalCode(foreign, 'revokeSession')).toBe('NOT_FOUND');
      expect(withoutCost(foreign.body)).toEqual(withoutCost(missing.body));
      expect(await t.prisma.session.count({ where: { id: annSession } })).toBe(1);
      expect((await as(laptop, `mutation { revokeSession(id: "${phoneId}") }`)).body.data?.revokeSession).toBe(true);
      expect((await as(phone, VIEWER)).body.data?.viewer).toBeNull();
      expect(ok(await as(laptop, VIEWER), 'viewer').user.email).toBe('vic@acme.test');
      // A key has no sessions of its own.
      expect(refusalCode(await t.graphql('{ sessions { id } }', { key: acme.adminKey }), 'sessions')).toBe('FORBIDDEN');
    });
  });

  describe('rights come from the member role', () => {
    it('a viewer reads but changes nothing; a member writes metadata but manages no one', async () => {
      const viewer = await signIn(t, 'vic@acme.test', PASSWORD);
      const read = await as(viewer, `{ website(id: "${acme.websiteId}") { id status goals { totalCount } } }`);
      expect(ok(read, 'website')).toMatchObject({ id: acme.websiteId, status: 'ACTIVE' });
      const create = 'mutation { createWebsite(input: { domain: "role.test" }) { __typename } }';
      expect(refusalCode(await as(viewer, create), 'createWebsite')).toBe('FORBIDDEN');
      const member = await signIn(t, 'mem@acme.test', PASSWORD);
      expect((await as(member, create)).body.data?.createWebsite.__typename).toBe('MutationCreateWebsiteSuccess');
      const key = 'mutation { createApiKey(input: { name: "k", scopes: [ADMIN] }) { __typename } }';
      expect(refusalCode(await as(member, key), 'createApiKey')).toBe('FORBIDDEN');
      expect(
        refusalCode(await as(member, 'mutation { createInvitation(role: OWNER) { url } }'), 'createInvitation'),
      ).toBe('FORBIDDEN');
      // `me` is the API key of a request: a session has none.
      expect(refusalCode(await as(member, '{ me { id } }'), 'me')).toBe('FORBIDDEN');
    });

    it('a role change or a removal applies to the open session at once', async () => {
      await createPerson(t.prisma, acme.organizationId, 'temp@acme.test', PASSWORD, 'ADMIN');
      const session = await signIn(t, 'temp@acme.test', PASSWORD);
      const members = '{ organization { members { totalCount } } }';
      expect(ok(await as(session, members), 'organization').members.totalCount).toBeGreaterThan(1);
      await t.prisma.member.updateMany({ where: { user: { email: 'temp@acme.test' } }, data: { role: 'VIEWER' } });
      expect(ok(await as(session, VIEWER), 'viewer').role).toBe('VIEWER');
      const invite = 'mutation { createInvitation(role: ADMIN) { url } }';
      expect(refusalCode(await as(session, invite), 'createInvitation')).toBe('FORBIDDEN');
      await t.prisma.member.deleteMany({ where: { user: { email: 'temp@acme.test' } } });
      expect((await as(session, VIEWER)).body.data?.viewer).toBeNull();
      expect(refusalCode(await as(session, members), 'organization')).toBe('UNAUTHENTICATED');
    });

    it('a session reaches its current organization only; switchOrganization moves it among the user’s own', async () => {
      const gus = await signIn(t, 'gus@globex.test', PASSWORD);
      const first = ok(await as(gus, VIEWER), 'viewer');
      expect(first.organization.id).toBe(globex.organizationId);
      expect(first.organizations.map((o: { role: string }) => o.role)).toEqual(['OWNER', 'VIEWER']);
      const acmeSite = `{ website(id: "${acme.websiteId}") { id domain } }`;
      const missing = '{ website(id: "does-not-exist") { id domain } }';
      expect(refusalCode(await as(gus, acmeSite), 'website')).toBe('NOT_FOUND');
      expect(withoutCost((await as(gus, acmeSite)).body)).toEqual(withoutCost((await as(gus, missing)).body));

      const switched = ok(
        await as(gus, `mutation { switchOrganization(id: "${acme.organizationId}") { role organization { id } } }`),
        'switchOrganization',
      );
      expect(switched).toEqual({ role: 'VIEWER', organization: { id: acme.organizationId } });
      expect(ok(await as(gus, acmeSite), 'website').domain).toBe('acme.test');
      // As a viewer of acme now, not as globex's owner.
      const write = `mutation { updateWebsite(id: "${acme.websiteId}", input: { name: "x" }) { __typename } }`;
      expect(refusalCode(await as(gus, write), 'updateWebsite')).toBe('FORBIDDEN');
      expect(refusalCode(await as(gus, `{ website(id: "${globex.websiteId}") { id } }`), 'website')).toBe('NOT_FOUND');

      // An organization the user is not in answers like one that does not exist.
      const other = await t.prisma.organization.create({ data: { name: 'other' } });
      const foreign = await as(gus, `mutation { switchOrganization(id: "${other.id}") { role } }`);
      const none = await as(gus, 'mutation { switchOrganization(id: "nope") { role } }');
      expect(refusalCode(foreign, 'switchOrganization')).toBe('NOT_FOUND');
      expect(withoutCost(foreign.body)).toEqual(withoutCost(none.body));
      expect(ok(await as(gus, VIEWER), 'viewer').organization.id).toBe(acme.organizationId);
    });
  });

  describe('invitations', () => {
    const ACCEPT =
      'mutation($t: String!, $n: String!, $p: String!, $e: String) { acceptInvitation(token: $t, name: $n, password: $p, email: $e) { role organization { id } user { email } } }';
    const invite = async (role: string, email?: string) => {
      const response = await t.graphql(
        `mutation { createInvitation(role: ${role}${email ? `, email: "${email}"` : ''}) { url token expiresAt role email } }`,
        { key: acme.adminKey },
      );
      return ok(response, 'createInvitation') as { url: string; token: string; expiresAt: string };
    };
    const accept = (token: string, email?: string, password = PASSWORD, name = 'New') =>
      t.graphql(ACCEPT, { variables: { t: token, n: name, p: password, e: email } });

    it('creates the account with the invited role and signs in, once', async () => {
      const invitation = await invite('MEMBER');
      expect(invitation.url).toBe(`http://api.test/invite/${invitation.token}`);
      expect(new Date(invitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
      expect(JSON.stringify(await t.prisma.invitation.findMany())).not.toContain(invitation.token);
      const accepted = await accept(invitation.token, 'newbie@acme.test');
      expect(ok(accepted, 'acceptInvitation')).toEqual({
        role: 'MEMBER',
        organization: { id: acme.organizationId },
        user: { email: 'newbie@acme.test' },
      });
      const session = sessionTokenOf(accepted) as string;
      expect(ok(await as(session, VIEWER), 'viewer').role).toBe('MEMBER');
      // The link works once; the account signs in with its password from now on.
      const again = await accept(invitation.token, 'second@acme.test');
      expect(refusalCode(again, 'acceptInvitation')).toBe('UNAUTHENTICATED');
      expect(await t.prisma.user.count({ where: { email: 'second@acme.test' } })).toBe(0);
      await signIn(t, 'newbie@acme.test', PASSWORD);
    });

    it('two requests racing with one link: exactly one joins', async () => {
      const invitation = await invite('VIEWER');
      const results = await Promise.all([
        accept(invitation.token, 'race1@acme.test'),
        accept(invitation.token, 'race2@acme.test'),
      ]);
      expect(results.filter((r) => !r.body.errors)).toHaveLength(1);
      expect(await t.prisma.member.count({ where: { user: { email: { startsWith: 'race' } } } })).toBe(1);
    });

    it('stops working when it expires', async () => {
      const invitation = await invite('VIEWER');
      await t.prisma.invitation.update({
        where: { tokenHash: hashToken(invitation.token) },
        data: { expiresAt: new Date(Date.now() - 1) },
      });
      expect(refusalCode(await accept(invitation.token, 'late@acme.test'), 'acceptInvitation')).toBe('UNAUTHENTICATED');
    });

    it('bound to an email, only that address may accept', async () => {
      const invitation = await invite('VIEWER', 'Bound@Acme.test');
      expect(refusalCode(await accept(invitation.token, 'other@acme.test'), 'acceptInvitation')).toBe('BAD_USER_INPUT');
      expect(ok(await accept(invitation.token), 'acceptInvitation').user.email).toBe('bound@acme.test');
    });

    it('an existing account joins only with its own password', async () => {
      await createPerson(t.prisma, globex.organizationId, 'hal@globex.test', PASSWORD, 'MEMBER');
      const invitation = await invite('ADMIN');
      // Hal has a password: a wrong one is refused like a wrong sign-in, and the link stays usable.
      const wrong = await accept(invitation.token, 'hal@globex.test', 'somebody else pw');
      expect(refusalCode(wrong, 'acceptInvitation')).toBe('UNAUTHENTICATED');
      // Gus is a member already: CONFLICT, and the link stays usable.
      expect(refusalCode(await accept(invitation.token, 'gus@globex.test'), 'acceptInvitation')).toBe('CONFLICT');
      const joined = ok(await accept(invitation.token, 'hal@globex.test'), 'acceptInvitation');
      expect(joined).toMatchObject({ role: 'ADMIN', organization: { id: acme.organizationId } });
    });

    it('cannot be used to guess an account’s password past the sign-in limit', async () => {
      await createPerson(t.prisma, globex.organizationId, 'ida@globex.test', PASSWORD, 'MEMBER');
      const invitation = await invite('VIEWER');
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
        const guess = await accept(invitation.token, 'ida@globex.test', `guess number ${i}`);
        expect(refusalCode(guess, 'acceptInvitation')).toBe('UNAUTHENTICATED');
      }
      expect(refusalCode(await accept(invitation.token, 'ida@globex.test'), 'acceptInvitation')).toBe('RATE_LIMITED');
      // The same count as signIn's.
      expect(refusalCode(await signInAttempt('ida@globex.test', PASSWORD), 'signIn')).toBe('RATE_LIMITED');
    }, 300_000);

    it('cannot take over a passwordless account that belongs to another organization', async () => {
      // globex's owner account has no password (made by createTenant) and is in globex only.
      const invitation = await invite('VIEWER', 'owner@globex.test');
      const taken = await accept(invitation.token, undefined, 'attacker chosen pw');
      expect(refusalCode(taken, 'acceptInvitation')).toBe('UNAUTHENTICATED');
      const owner = await t.prisma.user.findUniqueOrThrow({ where: { email: 'owner@globex.test' } });
      expect(owner.passwordHash).toBeNull();
    });

    it('refuses hostile input with typed errors', async () => {
      const invitation = await invite('VIEWER');
      const cases: [string, string | undefined, string, string][] = [
        ['garbage', 'h@acme.test', PASSWORD, 'UNAUTHENTICATED'],
        ['x'.repeat(10_000), 'h@acme.test', PASSWORD, 'BAD_USER_INPUT'],
        [setupToken, 'h@acme.test', PASSWORD, 'UNAUTHENTICATED'], // a setup token is no invitation
        [invitation.token, 'h@acme.test', 'short', 'BAD_USER_INPUT'],
        [invitation.token, 'h@acme.test', 'x'.repeat(257), 'BAD_USER_INPUT'],
        [invitation.token, 'h@acme.test', 'pass\0word!', 'BAD_USER_INPUT'],
        [invitation.token, 'not an email', PASSWORD, 'BAD_USER_INPUT'],
        [invitation.token, undefined, PASSWORD, 'BAD_USER_INPUT'],
      ];
      for (const [token, email, password, code] of cases) {
        expect(
          refusalCode(await accept(token, email, password), 'acceptInvitation'),
          `${token.slice(0, 9)} ${password}`,
        ).toBe(code);
      }
      expect(refusalCode(await accept(invitation.token, 'h@acme.test', PASSWORD, 'n\0me'), 'acceptInvitation')).toBe(
        'BAD_USER_INPUT',
      );
      expect(await t.prisma.user.count({ where: { email: 'h@acme.test' } })).toBe(0);
      // None of them used the link.
      expect(ok(await accept(invitation.token, 'h@acme.test'), 'acceptInvitation').role).toBe('VIEWER');
    });
  });

  describe('the setup link of the first start', () => {
    const SETUP =
      'mutation($t: String!, $e: String!, $p: String!) { completeSetup(token: $t, email: $e, name: "Olga", password: $p) { role organization { name } user { email name } } }';
    const complete = (token: string, email = 'olga@example.com', password = PASSWORD) =>
      t.graphql(SETUP, { variables: { t: token, e: email, p: password } });

    it('is stored hashed, makes the owner account a person’s, signs in, and works once', async () => {
      expect(setupToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(JSON.stringify(await t.prisma.invitation.findMany())).not.toContain(setupToken);
      expect(refusalCode(await complete(setupToken, 'olga@example.com', 'short'), 'completeSetup')).toBe(
        'BAD_USER_INPUT',
      );
      const done = await complete(setupToken);
      expect(ok(done, 'completeSetup')).toEqual({
        role: 'OWNER',
        organization: { name: 'Default' },
        user: { email: 'olga@example.com', name: 'Olga' },
      });
      const session = sessionTokenOf(done) as string;
      // The owner of the first organization is the instance administrator.
      expect(ok(await as(session, '{ organizations { totalCount } }'), 'organizations').totalCount).toBeGreaterThan(0);
      expect(refusalCode(await complete(setupToken, 'mallory@example.com'), 'completeSetup')).toBe('UNAUTHENTICATED');
      await signIn(t, 'olga@example.com', PASSWORD);
      expect(refusalCode(await complete('A'.repeat(43)), 'completeSetup')).toBe('UNAUTHENTICATED');
    });

    it('an invitation token is no setup token, and an expired setup link is refused', async () => {
      const invitation = ok(
        await t.graphql('mutation { createInvitation(role: OWNER) { token } }', { key: acme.adminKey }),
        'createInvitation',
      );
      expect(refusalCode(await complete(invitation.token, 'x@example.com'), 'completeSetup')).toBe('UNAUTHENTICATED');
      const stale = await t.prisma.invitation.create({
        data: {
          kind: 'SETUP',
          tokenHash: hashToken('S'.repeat(43)),
          organizationId: acme.organizationId,
          userId: acme.userId,
          role: 'OWNER',
          expiresAt: new Date(Date.now() - 1),
        },
      });
      expect(refusalCode(await complete('S'.repeat(43), 'y@example.com'), 'completeSetup')).toBe('UNAUTHENTICATED');
      expect((await t.prisma.user.findUniqueOrThrow({ where: { id: acme.userId } })).email).toBe('owner@acme.test');
      await t.prisma.invitation.delete({ where: { id: stale.id } });
    });
  });
});
