import { z } from 'zod';
import { generateApiKey } from '../../prisma/api-keys.ts';
import type { ApiKeyType, ApiScope } from '../../prisma/generated/enums.ts';
import { can, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ForbiddenError, InputError, NotFoundError } from '../errors.ts';
import { mutationErrors } from './errors.ts';
import { asMemberOf, UserRef } from './organization.ts';
import { findOwnWebsite } from './websites.ts';

const ApiScopeRef = builder.enumType('ApiScope', {
  description:
    'What a key may do: READ_ANALYTICS (read:analytics), WRITE_METADATA (write:metadata), TRACK_EVENTS (track:events), WRITE_LLM (write:llm), ADMIN (admin: everything in its organization, including members and keys), INSTANCE_ADMIN (instance:admin: create and list organizations).',
  values: {
    READ_ANALYTICS: { description: 'read:analytics — read analytics and metadata, evaluate flags.' },
    WRITE_METADATA: { description: 'write:metadata — also create, change and delete metadata.' },
    TRACK_EVENTS: { description: 'track:events — send events to ingest and evaluate flags.' },
    WRITE_LLM: { description: 'write:llm — send LLM spans to ingest.' },
    ADMIN: { description: 'admin — everything, including members and API keys (when not restricted to a website).' },
    INSTANCE_ADMIN: {
      description:
        'instance:admin — create and list the organizations of this instance (not restricted to a website); only a key holding it can grant it.',
    },
  } satisfies Record<ApiScope, { description: string }>,
});

const ApiKeyTypeRef = builder.enumType('ApiKeyType', {
  description: 'Who uses a key: a person, an SDK embedded in an app, or an automation.',
  values: {
    USER: { description: 'Used by a person, e.g. from scripts or the dashboard.' },
    SDK: { description: 'Embedded in an application (browser or server SDK).' },
    AUTOMATION: { description: 'Used by an automation such as CI.' },
  } satisfies Record<ApiKeyType, { description: string }>,
});

const PERSISTED_ONLY =
  'Runs persisted operations only (sent by hash, README "Persisted operations"): a query text sent with this key ' +
  'is refused with PERSISTED_QUERY_ONLY (HTTP 403) and does not run.';

const ApiKeyRef = builder.prismaObject('ApiKey', {
  description:
    'An API key. The secret itself is shown once, when the key is created or rotated; only its hash is kept.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Key id.' }),
    name: t.exposeString('name', { description: 'What the key is for.' }),
    prefix: t.exposeString('prefix', { description: 'Fixed prefix of every key (tmk_).' }),
    start: t.exposeString('start', { description: 'First characters after the prefix, to recognise the key.' }),
    type: t.expose('type', { type: ApiKeyTypeRef, description: 'Who uses the key.' }),
    scopes: t.expose('scopes', { type: [ApiScopeRef], description: 'What the key may do.' }),
    websiteId: t.exposeID('websiteId', { nullable: true, description: 'The only website the key works for, if any.' }),
    organization: t.relation('organization', { description: 'Organization the key belongs to.' }),
    user: t.field({
      type: UserRef,
      nullable: true,
      description: 'User who owns the key, if any, as a member of the key’s organization (see Member.user).',
      select: {
        organizationId: true,
        user: {
          select: {
            id: true,
            email: true,
            memberships: { select: { organizationId: true, name: true, createdAt: true } },
          },
        },
      },
      resolve: (key) =>
        key.user
          ? asMemberOf(
              key.user,
              key.user.memberships.find((m) => m.organizationId === key.organizationId),
            )
          : null,
    }),
    enabled: t.exposeBoolean('enabled', { description: 'False for disabled keys.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When it stops working.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'Last use, to the minute.',
    }),
    rateLimitMax: t.exposeInt('rateLimitMax', {
      nullable: true,
      description: 'Requests allowed per window; null for no limit.',
    }),
    rateLimitTimeWindow: t.exposeInt('rateLimitTimeWindow', {
      nullable: true,
      description: 'Rate-limit window in milliseconds.',
    }),
    persistedOnly: t.exposeBoolean('persistedOnly', { description: PERSISTED_ONLY }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.prismaObjectField('Organization', 'apiKeys', (t) =>
  t.relatedConnection('apiKeys', {
    description: 'API keys of the organization, newest first (revoked ones included).',
    authScopes: { manageOrganization: true },
    cursor: 'id',
    totalCount: true,
    query: { orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] },
  }),
);

interface IssuedKey {
  apiKey: { id: string };
  secret: string;
}

const IssuedApiKeyRef = builder.objectRef<IssuedKey>('IssuedApiKey').implement({
  description: 'A key with its secret. The secret is not stored and cannot be shown again.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'The full key: send it as `Authorization: Bearer <key>`.' }),
    apiKey: t.prismaField({
      type: 'ApiKey',
      description: 'The key’s details.',
      resolve: (query, issued, _args, ctx) =>
        ctx.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: issued.apiKey.id } }),
    }),
  }),
});

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  description: 'A new API key.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().min(1).max(100), description: 'What the key is for.' }),
    type: t.field({ type: ApiKeyTypeRef, defaultValue: 'USER', description: 'Who uses the key.' }),
    scopes: t.field({
      type: [ApiScopeRef],
      required: true,
      validate: z.array(z.string()).min(1, 'a key needs at least one scope'),
      description: 'What the key may do.',
    }),
    websiteId: t.id({ description: 'Restrict the key to this website.' }),
    expiresAt: t.field({
      type: 'DateTime',
      validate: z.date().refine((date) => date.getTime() > Date.now(), 'must be in the future'),
      description: 'When the key stops working.',
    }),
    rateLimitMax: t.int({ validate: z.number().int().min(1).max(1_000_000), description: 'Requests per window.' }),
    rateLimitTimeWindow: t.int({
      validate: z.number().int().min(1000).max(86_400_000),
      description: 'Window in milliseconds (1 s to 1 day).',
    }),
    persistedOnly: t.boolean({ defaultValue: false, description: `${PERSISTED_ONLY} Default false.` }),
  }),
});

/** A key of the caller's organization to revoke or rotate; an instance administrator's only by another. */
async function findOwnKey(ctx: Context, id: string) {
  const auth = requireAuth(ctx.auth);
  const key = await ctx.prisma.apiKey.findFirst({ where: { id, organizationId: auth.organizationId } });
  if (!key) throw new NotFoundError('ApiKey');
  if (key.scopes.includes('INSTANCE_ADMIN') && !can(auth, 'manageInstance')) {
    throw new ForbiddenError('Only an instance administrator (their key or session) can revoke or rotate this key.');
  }
  return key;
}

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: IssuedApiKeyRef,
    description: 'Creates an API key and returns its secret, once.',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateApiKeyInput, required: true, description: 'The key.' }) },
    resolve: async (_root, { input }, ctx) => {
      const auth = requireAuth(ctx.auth);
      if (input.websiteId) await findOwnWebsite(ctx, String(input.websiteId));
      if (input.scopes.includes('INSTANCE_ADMIN') && !can(auth, 'manageInstance')) {
        throw new ForbiddenError('Only an instance administrator (their key or session) can grant INSTANCE_ADMIN.');
      }
      if ((input.rateLimitMax == null) !== (input.rateLimitTimeWindow == null)) {
        throw InputError.at(['input', 'rateLimitMax'], 'rateLimitMax and rateLimitTimeWindow go together');
      }
      const { key, ...stored } = generateApiKey();
      const apiKey = await ctx.prisma.apiKey.create({
        data: {
          ...stored,
          name: input.name,
          type: input.type ?? 'USER',
          scopes: [...new Set(input.scopes)],
          organizationId: auth.organizationId,
          userId: auth.userId,
          websiteId: input.websiteId ? String(input.websiteId) : null,
          expiresAt: input.expiresAt,
          rateLimitMax: input.rateLimitMax,
          rateLimitTimeWindow: input.rateLimitTimeWindow,
          persistedOnly: input.persistedOnly ?? false,
        },
      });
      return { apiKey, secret: key };
    },
  }),
  revokeApiKey: t.field({
    type: ApiKeyRef,
    description: 'Revokes a key for good: requests with it fail with UNAUTHENTICATED.',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Key id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const key = await findOwnKey(ctx, String(id));
      return ctx.prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: key.revokedAt ?? new Date() } });
    },
  }),
  rotateApiKey: t.field({
    type: IssuedApiKeyRef,
    description: 'Replaces a key’s secret, keeping its settings; the old secret stops working at once.',
    authScopes: { manageOrganization: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Key id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const existing = await findOwnKey(ctx, String(id));
      if (existing.revokedAt) throw InputError.at(['id'], 'a revoked key cannot be rotated');
      const { key, ...stored } = generateApiKey();
      const apiKey = await ctx.prisma.apiKey.update({ where: { id: existing.id }, data: stored });
      return { apiKey, secret: key };
    },
  }),
}));
