import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresTargets } from '../prisma/test-support.ts';
import {
  createPerson,
  createTenant,
  type GraphQLOptions,
  issueKey,
  ok,
  sessionHeaders,
  signIn,
  startTestApi,
  type Tenant,
  type TestApi,
} from './test-support.ts';

/** FORBIDDEN says what the caller is: a key's scopes, a session's role, or a share link. */
describe.each(postgresTargets)('FORBIDDEN names the caller’s kind on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  beforeAll(async () => {
    t = await startTestApi(target);
    tenant = await createTenant(t.prisma, 'forbidden');
  });
  afterAll(() => t?.close());

  const CREATE_KEY = 'mutation { createApiKey(input: { name: "k", scopes: [READ_ANALYTICS] }) { __typename } }';
  const refusal = async (options: GraphQLOptions) => {
    const response = await t.graphql(CREATE_KEY, options);
    const error = response.body.errors?.[0];
    expect(error?.extensions?.code).toBe('FORBIDDEN');
    return error?.message;
  };

  it('an API key: its scopes', async () => {
    const key = await issueKey(t.prisma, tenant.organizationId, ['READ_ANALYTICS']);
    expect(await refusal({ key })).toBe('This API key’s scopes do not allow that.');
  });

  it('a signed-in member: their role, never an API key', async () => {
    await createPerson(t.prisma, tenant.organizationId, 'vi@forbidden.test', 'correct horse battery', 'VIEWER');
    const headers = sessionHeaders(await signIn(t, 'vi@forbidden.test', 'correct horse battery'));
    const message = await refusal({ headers });
    expect(message).toBe('Your role in this organization (VIEWER) does not allow that.');
    expect(message).not.toMatch(/key/i);
  });

  it('a share link: what a share link allows, never an API key', async () => {
    const { token } = ok(
      await t.graphql('mutation($w: ID!) { createShareLink(websiteId: $w) { token } }', {
        key: tenant.adminKey,
        variables: { w: tenant.websiteId },
      }),
      'createShareLink',
    ) as { token: string };
    const message = await refusal({ headers: { 'x-tidemark-share': token } });
    expect(message).toBe('A share link only reads its website’s dashboard; it does not allow that.');
    expect(message).not.toMatch(/key/i);
  });
});
