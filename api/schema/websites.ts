import { z } from 'zod';
import type { Prisma } from '../../prisma/generated/client.ts';
import type { WebsiteStatus } from '../../prisma/generated/enums.ts';
import {
  readWebsiteIntegrations,
  readWebsiteSettings,
  type WebsiteSettings,
  websiteSettings,
} from '../../prisma/website-settings.ts';
import { checkWebsiteRestriction, ownsWebsite, ownWebsites, readableWebsites, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, unlessDuplicate } from '../errors.ts';
import { mutationErrors } from './errors.ts';

/** A hostname such as example.com or www.example.co.uk (no scheme, path or port). */
const domainSchema = z
  .string()
  .max(253)
  .regex(/^(?=.{1,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+[a-z]{2,63}$/i, 'must be a domain name such as example.com');

/** An origin such as https://app.example.com or http://localhost:3000, exactly as browsers send it. */
const originSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}, 'must be an origin such as https://example.com (scheme, host and optional port only)');

/** Settings a client stores: the typed ones checked, any other key kept as JSON. */
const settingsSchema = websiteSettings.catchall(z.json());

/** The settings without the entries that are changed only through their own fields. */
const untypedSettings = (settings: WebsiteSettings) => {
  const { allowedOrigins: _, frameAncestors: __, ...rest } = settings;
  return rest;
};

const WebsiteStatusRef = builder.enumType('WebsiteStatus', {
  description: 'Lifecycle of a website.',
  values: {
    ACTIVE: { description: 'Tracked.' },
    INACTIVE: { description: 'Paused by its owner.' },
    ARCHIVED: { description: 'Retired: hidden from default lists and from anonymous readers; its data is kept.' },
  } satisfies Record<WebsiteStatus, { description: string }>,
});

const PROVIDERS = ['STRIPE', 'PADDLE'] as const;
type PaymentProvider = (typeof PROVIDERS)[number];

const PaymentProviderRef = builder.enumType('PaymentProvider', {
  description: 'A payment provider whose signed webhooks ingest turns into revenue.',
  values: {
    STRIPE: { description: 'Stripe (Stripe-Signature, HMAC-SHA256 of the timestamped body).' },
    PADDLE: { description: 'Paddle Billing (Paddle-Signature, HMAC-SHA256 of the timestamped body).' },
  } satisfies Record<PaymentProvider, { description: string }>,
});

const webhookSecretOf = (integrations: unknown, provider: PaymentProvider) =>
  readWebsiteIntegrations(integrations)[provider === 'STRIPE' ? 'stripe' : 'paddle']?.webhookSecret !== undefined;

/** Private fields: only a key of the owning organization (or of this website) with a read scope sees them. */
const ownerOnly = (website: { id: string; organizationId: string }, _args: object, ctx: Context) =>
  ownsWebsite(ctx.auth, website);

const WebsiteRef = builder.prismaObject('Website', {
  description:
    'A tracked site. Public websites (isPublic) expose id, domain, name and their analytics to anyone; every other field needs a key of the owning organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Stable id; the tracker sends it as its client id.' }),
    domain: t.exposeString('domain', { description: 'Hostname the site is served on, e.g. example.com.' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
    isPublic: t.exposeBoolean('isPublic', { description: 'Whether anyone may read the analytics without a key.' }),
    status: t.expose('status', { type: WebsiteStatusRef, authScopes: ownerOnly, description: 'Lifecycle status.' }),
    allowedOrigins: t.stringList({
      authScopes: ownerOnly,
      description: 'Origins allowed to send events besides the domain itself; empty means the domain only.',
      resolve: (website) => readWebsiteSettings(website.settings).allowedOrigins ?? [],
    }),
    respectDoNotTrack: t.boolean({
      authScopes: ownerOnly,
      description:
        'Whether events from browsers sending DNT: 1 or Sec-GPC: 1 are dropped (settings.respectDoNotTrack).',
      resolve: (website) => readWebsiteSettings(website.settings).respectDoNotTrack ?? false,
    }),
    allowBots: t.boolean({
      authScopes: ownerOnly,
      description:
        'Whether events of automated browsers that the tracker declares (data-allow-bots) are kept (settings.allowBots).',
      resolve: (website) => readWebsiteSettings(website.settings).allowBots ?? false,
    }),
    frameAncestors: t.stringList({
      authScopes: ownerOnly,
      description:
        "Origins allowed to embed this website's share links in a frame (Content-Security-Policy frame-ancestors of /share/<token>); empty means none.",
      resolve: (website) => readWebsiteSettings(website.settings).frameAncestors ?? [],
    }),
    settings: t.field({
      type: 'JSON',
      authScopes: ownerOnly,
      description: 'Other tracking settings as a JSON object (allowed origins and frame ancestors excluded).',
      resolve: (website) => untypedSettings(readWebsiteSettings(website.settings)),
    }),
    paymentWebhooks: t.field({
      type: [PaymentProviderRef],
      authScopes: ownerOnly,
      description:
        'Payment providers whose webhooks this website accepts (a signing secret is set; secrets are never returned). Point the provider at /v1/webhooks/stripe?websiteId=<id> (or /paddle) on ingest.',
      resolve: (website) => PROVIDERS.filter((provider) => webhookSecretOf(website.integrations, provider)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: ownerOnly, description: 'When it was added.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', authScopes: ownerOnly, description: 'Last change.' }),
  }),
});

builder.prismaObjectField('Organization', 'websites', (t) =>
  t.relatedConnection('websites', {
    description: 'Websites of the organization (only its one website for a website-restricted key), newest first.',
    authScopes: { readMetadata: true },
    args: { includeArchived: t.arg.boolean({ defaultValue: false, description: 'Include archived websites.' }) },
    totalCount: true,
    cursor: 'id',
    query: (args, ctx) => ({
      where: {
        ...ownWebsites(requireAuth(ctx.auth)),
        ...(args.includeArchived ? {} : { status: { not: 'ARCHIVED' } }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  }),
);

builder.queryField('website', (t) =>
  t.prismaField({
    type: 'Website',
    description:
      "A website of the caller's organization, or any public website (readable without a key); for a share link, its website only. Otherwise NOT_FOUND (UNAUTHENTICATED without a key), whether or not it exists.",
    // Anonymous callers reach public websites only; keys and sessions need a read scope.
    authScopes: { $any: { anonymous: true, shareViewer: true, readMetadata: true } },
    args: { id: t.arg.id({ required: true, description: 'Website id.' }) },
    resolve: async (query, _root, { id }, ctx) => {
      const website = await ctx.prisma.website.findFirst({
        ...query,
        where: { AND: [{ id: String(id) }, readableWebsites(ctx.auth)] },
      });
      // Without a key, a private website and a missing one look alike: both need a key.
      if (!website) throw ctx.auth ? new NotFoundError('Website') : new UnauthenticatedError();
      return website;
    },
  }),
);

/** Finds a website the key owns, or fails exactly as for a website that does not exist. */
export async function findOwnWebsite(ctx: Context, id: string) {
  const website = await ctx.prisma.website.findFirst({ where: { AND: [{ id }, ownWebsites(requireAuth(ctx.auth))] } });
  if (!website) throw new NotFoundError('Website');
  return website;
}

const CreateWebsiteInput = builder.inputType('CreateWebsiteInput', {
  description: 'A new website.',
  fields: (t) => ({
    domain: t.string({ required: true, validate: domainSchema, description: 'Hostname, e.g. example.com.' }),
    name: t.string({ validate: z.string().min(1).max(100), description: 'Display name.' }),
    isPublic: t.boolean({ defaultValue: false, description: 'Whether anyone may read its analytics.' }),
    allowedOrigins: t.stringList({
      validate: z.array(originSchema).max(50),
      description: 'Extra origins allowed to send events.',
    }),
  }),
});

const UpdateWebsiteInput = builder.inputType('UpdateWebsiteInput', {
  description: 'Changes to a website; omitted fields stay as they are.',
  fields: (t) => ({
    domain: t.string({ validate: domainSchema, description: 'New hostname.' }),
    name: t.string({ validate: z.string().min(1).max(100), description: 'New display name.' }),
    isPublic: t.boolean({ description: 'Whether anyone may read its analytics.' }),
    status: t.field({
      type: WebsiteStatusRef,
      validate: z.enum(['ACTIVE', 'INACTIVE']),
      description: 'ACTIVE or INACTIVE (use archiveWebsite to archive).',
    }),
    allowedOrigins: t.stringList({
      validate: z.array(originSchema).max(50),
      description: 'Replaces the extra origins allowed to send events.',
    }),
    frameAncestors: t.stringList({
      validate: z.array(originSchema).max(50),
      description: 'Replaces the origins allowed to embed share links of this website in a frame.',
    }),
    settings: t.field({
      type: 'JSON',
      validate: settingsSchema,
      description:
        'Replaces the other tracking settings (a JSON object; respectDoNotTrack and allowBots, when present, are booleans).',
    }),
  }),
});

const DOMAIN_TAKEN = 'A website with this domain already exists in this organization.';

builder.mutationFields((t) => ({
  createWebsite: t.field({
    type: WebsiteRef,
    description: 'Adds a website to the organization.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateWebsiteInput, required: true, description: 'The website.' }) },
    resolve: async (_root, { input }, ctx) => {
      const auth = requireAuth(ctx.auth);
      // A website-restricted key cannot create other websites.
      checkWebsiteRestriction(auth, null);
      return unlessDuplicate(
        ctx.prisma.website.create({
          data: {
            organizationId: auth.organizationId,
            domain: input.domain.toLowerCase(),
            name: input.name,
            isPublic: input.isPublic ?? false,
            settings: { allowedOrigins: input.allowedOrigins ?? [] },
          },
        }),
        DOMAIN_TAKEN,
      );
    },
  }),
  updateWebsite: t.field({
    type: WebsiteRef,
    description: 'Changes a website’s name, domain, visibility, status, allowed origins or settings.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Website id.' }),
      input: t.arg({ type: UpdateWebsiteInput, required: true, description: 'The changes.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const website = await findOwnWebsite(ctx, String(id));
      // Domains are unique within the organization: a website-restricted key changing its domain
      // would learn from CONFLICT which domains the websites it cannot see have.
      if (requireAuth(ctx.auth).websiteId && input.domain && input.domain.toLowerCase() !== website.domain) {
        throw new ForbiddenError('A website-restricted API key cannot change the domain.');
      }
      const current = readWebsiteSettings(website.settings);
      // Allowed origins and frame ancestors live in settings but are only changed through their own fields.
      const rest = untypedSettings(input.settings ? readWebsiteSettings(input.settings) : current);
      return unlessDuplicate(
        ctx.prisma.website.update({
          where: { id: website.id },
          data: {
            domain: input.domain?.toLowerCase() ?? undefined,
            name: input.name ?? undefined,
            isPublic: input.isPublic ?? undefined,
            status: input.status ?? undefined,
            settings: {
              ...rest,
              allowedOrigins: input.allowedOrigins ?? current.allowedOrigins ?? [],
              ...(input.frameAncestors || current.frameAncestors
                ? { frameAncestors: input.frameAncestors ?? current.frameAncestors }
                : {}),
            },
          },
        }),
        DOMAIN_TAKEN,
      );
    },
  }),
  setPaymentWebhookSecret: t.field({
    type: WebsiteRef,
    description:
      "Sets (or with a null secret, removes) the signing secret of a payment provider's webhooks for a website: Stripe's endpoint secret (whsec_…) or Paddle's notification destination secret.",
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      provider: t.arg({ type: PaymentProviderRef, required: true, description: 'The provider.' }),
      secret: t.arg.string({
        validate: z.string().trim().min(8).max(512),
        description: 'The signing secret, or null to stop accepting this provider’s webhooks.',
      }),
    },
    resolve: async (_root, { websiteId, provider, secret }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      const integrations = readWebsiteIntegrations(website.integrations);
      const key = provider === 'STRIPE' ? 'stripe' : 'paddle';
      const { webhookSecret: _, ...rest } = integrations[key] ?? {};
      return ctx.prisma.website.update({
        where: { id: website.id },
        data: {
          integrations: {
            ...integrations,
            [key]: secret ? { ...rest, webhookSecret: secret.trim() } : rest,
          } as Prisma.InputJsonObject,
        },
      });
    },
  }),
  archiveWebsite: t.field({
    type: WebsiteRef,
    description: 'Archives a website: it stops accepting events and leaves default lists; its data is kept.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Website id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const website = await findOwnWebsite(ctx, String(id));
      return ctx.prisma.website.update({ where: { id: website.id }, data: { status: 'ARCHIVED' } });
    },
  }),
}));
