import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toClickHouseDateTime } from '../clickhouse/sql.ts';
import { eventRow } from '../clickhouse/test-support.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { hashToken } from '../prisma/tokens.ts';
import { SIGN_IN_LIMITS } from './schema/auth.ts';
import { accessToken, SHARE_ACCESS_TTL_MS } from './share-links.ts';
import { createTenant, ok, refusalCode, startTestApi, type Tenant, type TestApi, withoutCost } from './test-support.ts';

// Share links: one website, read as its public dashboard, nothing changed, revocable, optionally
// behind a password, embeddable only where the owner allows.

const RANGE = 'range: { preset: LAST_7_DAYS }';
const SUMMARY = `{ sharedWebsite { id domain name analytics(${RANGE}) { summary { current { visitors pageviews } } } } }`;
const CREATE = 'mutation($w: ID!, $p: String) { createShareLink(websiteId: $w, password: $p) { id url token } }';

describe.each(postgresTargets)('share links on $name', (target) => {
  let t: TestApi;
  let acme: Tenant;
  let globex: Tenant;
  let secondSite: string;
  let publicSite: string;

  const shared = (token: string, query: string, variables?: Record<string, unknown>) =>
    t.graphql(query, { headers: { 'x-tidemark-share': token }, variables });
  const createLink = async (websiteId: string, password?: string, key = acme.adminKey) =>
    ok(await t.graphql(CREATE, { key, variables: { w: websiteId, p: password } }), 'createShareLink') as {
      id: string;
      url: string;
      token: string;
    };

  beforeAll(async () => {
    t = await startTestApi(target, { migrateClickHouse: true });
    acme = await createTenant(t.prisma, 'acme');
    globex = await createTenant(t.prisma, 'globex');
    secondSite = (
      await t.prisma.website.create({ data: { organizationId: acme.organizationId, domain: 'second.test' } })
    ).id;
    publicSite = (
      await t.prisma.website.create({
        data: { organizationId: globex.organizationId, domain: 'pub.test', isPublic: true },
      })
    ).id;
    const at = (minutes: number) => toClickHouseDateTime(new Date(Date.now() - minutes * 60_000));
    await t.clickhouse.insert({
      table: 'analytics.events',
      format: 'JSONEachRow',
      values: [
        eventRow({ client_id: acme.websiteId, anonymous_id: 'v1', session_id: 's1', time: at(30), path: '/' }),
        eventRow({ client_id: acme.websiteId, anonymous_id: 'v1', session_id: 's1', time: at(29), path: '/pricing' }),
        eventRow({ client_id: acme.websiteId, anonymous_id: 'v2', session_id: 's2', time: at(20), path: '/' }),
        eventRow({ client_id: secondSite, anonymous_id: 'v9', session_id: 's9', time: at(20), path: '/secret' }),
      ],
    });
  });
  afterAll(() => t?.close());

  it('is created with a random token stored hashed, and listed without it', async () => {
    const link = await createLink(acme.websiteId);
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`http://api.test/share/${link.token}`);
    const stored = await t.prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(stored.tokenHash).toBe(hashToken(link.token));
    expect(JSON.stringify(stored)).not.toContain(link.token);
    const listed = ok(
      await t.graphql(`{ shareLinks(websiteId: "${acme.websiteId}") { id websiteId passwordProtected } }`, {
        key: acme.adminKey,
      }),
      'shareLinks',
    );
    expect(listed).toContainEqual({ id: link.id, websiteId: acme.websiteId, passwordProtected: false });
  });

  it('reads its website’s dashboard with the same figures the owner sees', async () => {
    const { token } = await createLink(acme.websiteId);
    const view = ok(await shared(token, SUMMARY), 'sharedWebsite');
    expect(view).toMatchObject({ id: acme.websiteId, domain: 'acme.test' });
    const owner = ok(
      await t.graphql(
        `{ website(id: "${acme.websiteId}") { analytics(${RANGE}) { summary { current { visitors pageviews } } } } }`,
        { key: acme.adminKey },
      ),
      'website',
    );
    expect(view.analytics).toEqual(owner.analytics);
    expect(view.analytics.summary.current).toEqual({ visitors: 2, pageviews: 3 });
    // The same website through website(id) too.
    expect(ok(await shared(token, `{ website(id: "${acme.websiteId}") { id } }`), 'website').id).toBe(acme.websiteId);
  });

  it('cannot read another website: same answer as a website that does not exist', async () => {
    const { token } = await createLink(acme.websiteId);
    const missing = await shared(token, '{ website(id: "does-not-exist") { id domain } }');
    expect(refusalCode(missing, 'website')).toBe('NOT_FOUND');
    // Another website of the same organization, and another organization's public website.
    for (const id of [secondSite, publicSite, globex.websiteId]) {
      const other = await shared(token, `{ website(id: "${id}") { id domain } }`);
      expect(withoutCost(other.body), id).toEqual(withoutCost(missing.body));
      expect(other.status).toBe(missing.status);
    }
    for (const query of [
      '{ organization { id websites { totalCount } } }',
      '{ me { id } }',
      `{ shareLinks(websiteId: "${acme.websiteId}") { id } }`,
      '{ sessions { id } }',
      `{ evaluateFlags(websiteId: "${acme.websiteId}", context: { anonymousId: "a" }) { key } }`,
    ]) {
      const refused = await shared(token, query);
      expect(refusalCode(refused, query.split(/[ ({]/).filter(Boolean)[0] as string), query).toBe('FORBIDDEN');
      expect(JSON.stringify(refused.body)).not.toMatch(/second\.test|acme\.test/);
    }
    expect((await shared(token, '{ viewer { role } }')).body.data).toEqual({ viewer: null });
  });

  it('reads no private field: sessions, visitor ids, property values, link URLs, error stacks, settings', async () => {
    const { token } = await createLink(acme.websiteId);
    for (const field of [
      'status',
      'allowedOrigins',
      'frameAncestors',
      'settings',
      'paymentWebhooks',
      'createdAt',
      'goals { totalCount }',
      'funnels { totalCount }',
      'annotations { totalCount }',
      `analytics(${RANGE}) { sessions { id } }`,
      `analytics(${RANGE}) { recentErrors { stack } }`,
      `analytics(${RANGE}) { eventProperties(name: "signup") { value } }`,
      `analytics(${RANGE}, filters: [{ field: PROPERTY, key: "email", op: IS, value: ["a@b.c"] }]) { customEvents { name } }`,
      `analytics(${RANGE}, filters: [{ field: OUTGOING_LINK, op: CONTAINS, value: ["token"] }]) { summary { current { visitors } } }`,
      `analytics(${RANGE}) { breakdown(dimension: OUTGOING_LINK) { value } }`,
    ]) {
      const closed = await shared(token, `{ sharedWebsite { id ${field} } }`);
      expect(refusalCode(closed, 'sharedWebsite'), field).toBe('FORBIDDEN');
      expect(JSON.stringify(closed.body), field).not.toMatch(/"s1"|"v1"/);
      // Exactly what an anonymous reader of a public website is refused (the isPublic rules).
      const anonymous = await t.graphql(`{ website(id: "${publicSite}") { id ${field} } }`);
      expect(refusalCode(anonymous, 'website'), field).toBe('UNAUTHENTICATED');
    }
  });

  it('changes nothing: its own website’s mutations are refused too', async () => {
    const { id, token } = await createLink(acme.websiteId);
    const before = await t.prisma.website.findUniqueOrThrow({ where: { id: acme.websiteId } });
    for (const [field, mutation] of [
      ['updateWebsite', `updateWebsite(id: "${acme.websiteId}", input: { isPublic: true }) { __typename }`],
      ['createShareLink', `createShareLink(websiteId: "${acme.websiteId}") { token }`],
      ['revokeShareLink', `revokeShareLink(id: "${id}")`],
      [
        'createGoal',
        `createGoal(websiteId: "${acme.websiteId}", input: { name: "g", type: EVENT, target: "x" }) { __typename }`,
      ],
      ['signIn', 'signIn(email: "owner@acme.test", password: "whatever1") { role }'],
      ['signOut', 'signOut'],
    ] as const) {
      expect(refusalCode(await shared(token, `mutation { ${mutation} }`), field), field).toBe('FORBIDDEN');
    }
    expect(await t.prisma.website.findUniqueOrThrow({ where: { id: acme.websiteId } })).toEqual(before);
    expect(await t.prisma.shareLink.count({ where: { id } })).toBe(1);
  });

  it('stops working when revoked, with its access tokens', async () => {
    const link = await createLink(acme.websiteId, 'open sesame');
    const access = ok(
      await t.graphql('mutation($t: String!) { unlockShareLink(token: $t, password: "open sesame") }', {
        variables: { t: link.token },
      }),
      'unlockShareLink',
    );
    expect(ok(await shared(access, '{ sharedWebsite { id } }'), 'sharedWebsite').id).toBe(acme.websiteId);
    const revoked = await t.graphql(`mutation { revokeShareLink(id: "${link.id}") }`, { key: acme.adminKey });
    expect(revoked.body.data?.revokeShareLink).toBe(true);
    for (const token of [link.token, access]) {
      const refused = await shared(token, '{ sharedWebsite { id } }');
      expect(refusalCode(refused, 'sharedWebsite')).toBe('UNAUTHENTICATED');
      expect(refused.body.data ?? null).toBeNull();
    }
  });

  describe('with a password', () => {
    let link: { id: string; token: string };
    const unlock = (token: string, password: string, address?: string) =>
      t.graphql('mutation($t: String!, $p: String!) { unlockShareLink(token: $t, password: $p) }', {
        variables: { t: token, p: password },
        address,
      });
    beforeAll(async () => {
      link = await createLink(acme.websiteId, 'correct horse');
    });

    it('the token alone gets SHARE_PASSWORD_REQUIRED; unlocking gives an access token that reads', async () => {
      for (const query of ['{ sharedWebsite { id } }', `{ website(id: "${acme.websiteId}") { id } }`]) {
        const locked = await shared(link.token, query);
        expect(refusalCode(locked, query.includes('shared') ? 'sharedWebsite' : 'website')).toBe(
          'SHARE_PASSWORD_REQUIRED',
        );
        expect(JSON.stringify(locked.body)).not.toContain('acme.test');
      }
      const listed = ok(
        await t.graphql(`{ shareLinks(websiteId: "${acme.websiteId}") { id passwordProtected } }`, {
          key: acme.adminKey,
        }),
        'shareLinks',
      );
      expect(listed).toContainEqual({ id: link.id, passwordProtected: true });
      expect(refusalCode(await unlock(link.token, 'wrong horse'), 'unlockShareLink')).toBe('UNAUTHENTICATED');
      const access = ok(await unlock(link.token, 'correct horse'), 'unlockShareLink') as string;
      expect(access).not.toContain(link.token);
      expect(ok(await shared(access, SUMMARY), 'sharedWebsite').analytics.summary.current.visitors).toBe(2);
      // Unlocking changes nothing stored.
      expect((await t.prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } })).passwordHash).toMatch(
        /^\$scrypt\$/,
      );
    });

    it('a tampered, foreign or expired access token does not read', async () => {
      const access = ok(await unlock(link.token, 'correct horse'), 'unlockShareLink') as string;
      const [id, expiry, mac] = access.split('.') as [string, string, string];
      const later = (Number.parseInt(expiry, 36) + 86_400_000).toString(36);
      const other = await createLink(secondSite, 'another one');
      for (const forged of [
        `${id}.${later}.${mac}`,
        `${other.id}.${expiry}.${mac}`,
        `${id}.${expiry}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`,
        `${id}.${expiry}.`,
      ]) {
        expect(refusalCode(await shared(forged, '{ sharedWebsite { id } }'), 'sharedWebsite'), forged).toBe(
          'UNAUTHENTICATED',
        );
      }
      // Signed right but expired: the password is asked again.
      const stored = await t.prisma.shareLink.findUniqueOrThrow({ where: { id: link.id } });
      const expired = accessToken(stored, Date.now() - SHARE_ACCESS_TTL_MS - 1000);
      expect(refusalCode(await shared(expired, '{ sharedWebsite { id } }'), 'sharedWebsite')).toBe(
        'SHARE_PASSWORD_REQUIRED',
      );
      // An access token of one link never reads another link's website.
      const otherAccess = ok(await unlock(other.token, 'another one'), 'unlockShareLink') as string;
      const crossed = await shared(otherAccess, `{ website(id: "${acme.websiteId}") { id } }`);
      expect(refusalCode(crossed, 'website')).toBe('NOT_FOUND');
    });

    it(`refuses unlocking after ${SIGN_IN_LIMITS.perAccount} wrong passwords for a link`, async () => {
      const target = await createLink(acme.websiteId, 'guess me if you can');
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
        expect(refusalCode(await unlock(target.token, `guess ${i}`, `192.0.2.${i}`), 'unlockShareLink')).toBe(
          'UNAUTHENTICATED',
        );
      }
      expect(refusalCode(await unlock(target.token, 'guess me if you can', '192.0.2.200'), 'unlockShareLink')).toBe(
        'RATE_LIMITED',
      );
    }, 300_000);
  });

  it('is embeddable only where the website allows: frame-ancestors on /share/<token>', async () => {
    const { token } = await createLink(acme.websiteId);
    const framing = async (path: string) =>
      // The share link's policy, after the dashboard page's own (policies join with ", ").
      (await t.api.fetch(`http://api.test${path}`)).headers.get('content-security-policy')?.split(', ').at(-1);
    expect(await framing(`/share/${token}`)).toBe("frame-ancestors 'none'");
    const update = (input: string) =>
      t.graphql(`mutation { updateWebsite(id: "${acme.websiteId}", input: ${input}) { __typename } }`, {
        key: acme.adminKey,
      });
    expect(refusalCode(await update('{ frameAncestors: ["javascript:alert(1)"] }'), 'updateWebsite')).toBe(
      'BAD_USER_INPUT',
    );
    expect(refusalCode(await update(`{ frameAncestors: ["https://a.test 'unsafe-inline'"] }`), 'updateWebsite')).toBe(
      'BAD_USER_INPUT',
    );
    ok(await update('{ frameAncestors: ["https://blog.example.com", "http://localhost:3000"] }'), 'updateWebsite');
    expect(await framing(`/share/${token}`)).toBe('frame-ancestors https://blog.example.com http://localhost:3000');
    // `settings` neither shows nor overrides it.
    ok(await update('{ settings: { frameAncestors: ["https://evil.test"], theme: "dark" } }'), 'updateWebsite');
    const site = ok(
      await t.graphql(`{ website(id: "${acme.websiteId}") { frameAncestors settings } }`, { key: acme.adminKey }),
      'website',
    );
    expect(site).toEqual({
      frameAncestors: ['https://blog.example.com', 'http://localhost:3000'],
      settings: { theme: 'dark' },
    });
    for (const path of ['/share/unknown', `/share/${'A'.repeat(43)}`, '/share/%E0%A4%A', '/share/']) {
      expect(await framing(path), path).toBe("frame-ancestors 'none'");
    }
    expect(await framing('/graphql?query={version}')).toBeUndefined();
  });

  it('another organization’s website or link answers like one that does not exist', async () => {
    const link = await createLink(acme.websiteId);
    for (const [query, field] of [
      [`{ shareLinks(websiteId: "%") { id } }`, 'shareLinks'],
      [`mutation { createShareLink(websiteId: "%") { id } }`, 'createShareLink'],
      [`mutation { revokeShareLink(id: "%") }`, 'revokeShareLink'],
    ] as const) {
      const target = field === 'revokeShareLink' ? link.id : acme.websiteId;
      const foreign = await t.graphql(query.replace('%', target), { key: globex.adminKey });
      const none = await t.graphql(query.replace('%', 'does-not-exist'), { key: globex.adminKey });
      expect(refusalCode(foreign, field), field).toBe('NOT_FOUND');
      expect(withoutCost(foreign.body)).toEqual(withoutCost(none.body));
    }
    expect(await t.prisma.shareLink.count({ where: { id: link.id } })).toBe(1);
  });

  it('refuses hostile tokens and passwords with typed errors', async () => {
    for (const token of ['garbage', 'x'.repeat(10_000), 'a.b.c', `${'A'.repeat(43)}`, '..', ' ']) {
      const response = await shared(token, '{ sharedWebsite { id } }');
      expect(refusalCode(response, 'sharedWebsite'), token.slice(0, 12)).toBe('UNAUTHENTICATED');
    }
    const unlock = (token: string, password: string) =>
      t.graphql('mutation($t: String!, $p: String!) { unlockShareLink(token: $t, password: $p) }', {
        variables: { t: token, p: password },
      });
    expect(refusalCode(await unlock('x'.repeat(1000), 'p'), 'unlockShareLink')).toBe('BAD_USER_INPUT');
    expect(refusalCode(await unlock('A'.repeat(43), 'x'.repeat(100_000)), 'unlockShareLink')).toBe('BAD_USER_INPUT');
    expect(refusalCode(await unlock('A'.repeat(43), 'nul\0'), 'unlockShareLink')).toBe('BAD_USER_INPUT');
    for (const password of ['', 'x'.repeat(257), 'a\0b']) {
      const response = await t.graphql(CREATE, { key: acme.adminKey, variables: { w: acme.websiteId, p: password } });
      expect(refusalCode(response, 'createShareLink'), password.slice(0, 5)).toBe('BAD_USER_INPUT');
    }
  });
});
