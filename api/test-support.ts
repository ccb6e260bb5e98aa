import { PrismaPg } from '@prisma/adapter-pg';
import type { ClickHouseClient } from '../clickhouse/client.ts';
import { freshClickHouse } from '../clickhouse/test-support.ts';
import { generateApiKey } from '../prisma/api-keys.ts';
import { type PrismaClient, refuseUnstorableText } from '../prisma/client.ts';
import type { ApiScope, Prisma } from '../prisma/generated/client.ts';
import { PrismaClient as LoggingPrismaClient } from '../prisma/generated/client.ts';
import { migratePostgres } from '../prisma/migrate.ts';
import { hashPassword } from '../prisma/passwords.ts';
import type { PostgresTarget, TestDatabase } from '../prisma/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { type Api, type ApiOptions, createApi } from './server.ts';

// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary response shapes.
type Json = any;

export interface GraphQLResponse {
  status: number;
  headers: Headers;
  body: {
    data?: Record<string, Json> | null;
    errors?: { message: string; extensions?: Record<string, Json> }[];
    extensions?: Record<string, Json>;
  };
}

export interface GraphQLOptions {
  variables?: Record<string, unknown>;
  key?: string | null;
  /** Extra request headers (a session cookie, x-tidemark-csrf, x-tidemark-share). */
  headers?: Record<string, string>;
  /** The client's socket address (sign-in limits count per address); none by default. */
  address?: string;
  /** Scheme and host the request is made to (https://… for Secure cookies). */
  origin?: string;
}

export interface TestApi {
  api: Api;
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
  /** SQL statements Prisma has sent so far (to prove relations are batched, not N+1). */
  sqlCount(): number;
  /** POST /graphql through yoga.fetch: the real HTTP handling, no socket. */
  graphql(query: string, options?: GraphQLOptions): Promise<GraphQLResponse>;
  close(): Promise<void>;
}

/**
 * The API over a fresh, migrated database of `target` and a real embedded ClickHouse (its
 * analytics tables created only with `migrateClickHouse`: metadata tests do not read them).
 */
export async function startTestApi(
  target: PostgresTarget,
  { migrateClickHouse = false, ...options }: ApiOptions & { migrateClickHouse?: boolean } = {},
): Promise<TestApi> {
  const database: TestDatabase = await target.create();
  await migratePostgres(database.url);
  const logging = new LoggingPrismaClient({
    adapter: new PrismaPg({ connectionString: database.url, max: 4 }),
    log: [{ emit: 'event', level: 'query' }],
  });
  let statements = 0;
  logging.$on('query', () => {
    statements++;
  });
  const prisma = refuseUnstorableText(logging);
  const clickhouse = await freshClickHouse({ migrate: migrateClickHouse });
  const api = createApi({ prisma, clickhouse: clickhouse.client }, createLogger('api-test', 'error'), options);
  return {
    api,
    prisma,
    clickhouse: clickhouse.client,
    sqlCount: () => statements,
    async graphql(query, { variables, key, headers, address, origin = 'http://api.test' } = {}) {
      const response = await api.fetch(
        `${origin}/graphql`,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(key ? { authorization: `Bearer ${key}` } : {}),
            ...headers,
          },
          body: JSON.stringify({ query, variables }),
        },
        address ? { req: { socket: { remoteAddress: address }, headers: {} } as never } : {},
      );
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    async close() {
      await prisma.$disconnect();
      await clickhouse.close();
      await database.close();
    },
  };
}

export interface Tenant {
  organizationId: string;
  userId: string;
  websiteId: string;
  /** An unrestricted key with every scope. */
  adminKey: string;
}

export async function issueKey(
  prisma: PrismaClient,
  organizationId: string,
  scopes: ApiScope[],
  extra: Partial<Prisma.ApiKeyUncheckedCreateInput> = {},
): Promise<string> {
  const { key, ...stored } = generateApiKey();
  await prisma.apiKey.create({ data: { ...stored, name: 'test', organizationId, scopes, ...extra } });
  return key;
}

/** An organization with an owner, one website and an admin key. */
export async function createTenant(prisma: PrismaClient, name: string): Promise<Tenant> {
  const user = await prisma.user.create({ data: { name: `${name} owner`, email: `owner@${name}.test` } });
  const organization = await prisma.organization.create({
    data: { name, slug: name, members: { create: { userId: user.id, name: user.name, role: 'OWNER' } } },
  });
  const website = await prisma.website.create({ data: { organizationId: organization.id, domain: `${name}.test` } });
  const adminKey = await issueKey(prisma, organization.id, ['ADMIN'], { userId: user.id });
  return { organizationId: organization.id, userId: user.id, websiteId: website.id, adminKey };
}

/** The data of a field that must have succeeded; a mutation's success member is unwrapped. */
export function ok(response: GraphQLResponse, field: string): Json {
  if (response.body.errors) throw new Error(`${field} failed: ${JSON.stringify(response.body.errors)}`);
  const value = response.body.data?.[field];
  if (value && typeof value === 'object' && 'code' in value)
    throw new Error(`${field} failed: ${JSON.stringify(value)}`);
  return value && typeof value === 'object' && 'data' in value ? value.data : value;
}

/** The code of a refusal: a top-level error's extensions.code, or the error member of a mutation's result union. */
export function refusalCode(response: GraphQLResponse, field: string): string | undefined {
  const top = response.body.errors?.[0]?.extensions?.code;
  if (top) return top;
  const result = response.body.data?.[field];
  return result && typeof result === 'object' && 'code' in result ? String(result.code) : undefined;
}

/** The session token a response's Set-Cookie carries (undefined if none; '' when it removes the cookie). */
export function sessionTokenOf(response: GraphQLResponse): string | undefined {
  const cookie = response.headers.get('set-cookie') ?? '';
  return /(?:^|[,\s])tidemark_session=([^;]*)/.exec(cookie)?.[1];
}

/** Headers of a dashboard request with a session: the cookie and the CSRF header. */
export const sessionHeaders = (token: string) => ({ cookie: `tidemark_session=${token}`, 'x-tidemark-csrf': '1' });

/** A user with a password, member of an organization with a role. */
export async function createPerson(
  prisma: PrismaClient,
  organizationId: string,
  email: string,
  password: string,
  role: 'OWNER' | 'ADMIN' | 'MEMBER' | 'VIEWER' = 'OWNER',
) {
  const user = await prisma.user.upsert({
    where: { email },
    create: { email, name: email.split('@')[0] ?? email, passwordHash: await hashPassword(password) },
    update: {},
  });
  await prisma.member.create({ data: { organizationId, userId: user.id, name: user.name, role } });
  return user;
}

/** Signs in through the API and returns the session token from the cookie. */
export async function signIn(t: TestApi, email: string, password: string): Promise<string> {
  const response = await t.graphql('mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role } }', {
    variables: { e: email, p: password },
  });
  ok(response, 'signIn');
  const token = sessionTokenOf(response);
  if (!token) throw new Error('signIn set no cookie');
  return token;
}

/**
 * A response body without its `extensions.cost` (api/cost.ts), whose remaining points differ
 * from one request to the next: for tests that compare two answers.
 */
export function withoutCost(body: GraphQLResponse['body']): GraphQLResponse['body'] {
  const { extensions, ...rest } = body;
  const { cost: _cost, ...others } = extensions ?? {};
  return Object.keys(others).length ? { ...rest, extensions: others } : rest;
}
