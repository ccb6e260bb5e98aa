import { z } from 'zod';
import { LINK_DIMENSIONS, type LinkDimension } from '../analytics/families/links.ts';
import type { DateRange } from '../analytics/range.ts';
import { checkWebsiteRestriction, ownRecords, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { NotFoundError, unlessDuplicate } from '../errors.ts';
import { readsAnalytics } from './analytics.ts';
import { DateRangeInput, enumOf, parseRange } from './analytics-inputs.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

/** An absolute http(s) URL; other schemes (javascript:, data:, file:) would make a redirect a weapon. */
export const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2048);

const LinkRef = builder.prismaObject('Link', {
  description: 'A short link: ingest redirects /l/<slug> to the target and counts the click.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Link id.' }),
    slug: t.exposeString('slug', { description: 'Public path segment, unique across the instance.' }),
    targetUrl: t.exposeString('targetUrl', { description: 'Where the link redirects (http or https).' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Disabled links answer 410 Gone.' }),
    permanent: t.exposeBoolean('permanent', { description: '301 instead of 302.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When it stops redirecting.' }),
    websiteId: t.exposeID('websiteId', { nullable: true, description: 'Website the clicks are attributed to.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.prismaObjectField('Organization', 'links', (t) =>
  t.relatedConnection('links', {
    description: 'Short links of the organization, newest first.',
    authScopes: { readMetadata: true },
    cursor: 'id',
    totalCount: true,
    query: (_args, ctx) => ({
      where: ownRecords(requireAuth(ctx.auth)),
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    }),
  }),
);

const LinkInput = builder.inputType('LinkInput', {
  description: 'A short link’s fields.',
  fields: (t) => ({
    slug: t.string({
      required: true,
      validate: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '1-64 letters, digits, - or _'),
      description: 'Public path segment.',
    }),
    targetUrl: t.string({ required: true, validate: httpUrl, description: 'Where to redirect (http or https).' }),
    name: t.string({ validate: z.string().min(1).max(100), description: 'Display name.' }),
    enabled: t.boolean({ defaultValue: true, description: 'Whether it redirects.' }),
    permanent: t.boolean({ defaultValue: false, description: '301 instead of 302.' }),
    expiresAt: t.field({ type: 'DateTime', description: 'When it stops redirecting.' }),
    websiteId: t.id({ description: 'Website the clicks are attributed to.' }),
  }),
});

async function linkData(ctx: Context, input: typeof LinkInput.$inferInput) {
  const websiteId = input.websiteId ? (await findOwnWebsite(ctx, String(input.websiteId))).id : null;
  checkWebsiteRestriction(requireAuth(ctx.auth), websiteId);
  return {
    slug: input.slug,
    targetUrl: input.targetUrl,
    name: input.name ?? null,
    enabled: input.enabled ?? true,
    permanent: input.permanent ?? false,
    expiresAt: input.expiresAt ?? null,
    websiteId,
  };
}

async function findOwnLink(ctx: Context, id: string) {
  const link = await ctx.prisma.link.findFirst({ where: { id, ...ownRecords(requireAuth(ctx.auth)) } });
  if (!link) throw new NotFoundError('Link');
  return link;
}

const SLUG_TAKEN = 'This slug is taken.';

builder.mutationFields((t) => ({
  createLink: t.field({
    type: LinkRef,
    description: 'Creates a short link.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: LinkInput, required: true, description: 'The link.' }) },
    resolve: async (_root, { input }, ctx) => {
      const data = await linkData(ctx, input);
      const { organizationId, userId } = requireAuth(ctx.auth);
      return unlessDuplicate(
        ctx.prisma.link.create({ data: { ...data, organizationId, createdBy: userId } }),
        SLUG_TAKEN,
      );
    },
  }),
  updateLink: t.field({
    type: LinkRef,
    description: 'Replaces a short link’s fields.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Link id.' }),
      input: t.arg({ type: LinkInput, required: true, description: 'The new fields.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const link = await findOwnLink(ctx, String(id));
      const data = await linkData(ctx, input);
      return unlessDuplicate(ctx.prisma.link.update({ where: { id: link.id }, data }), SLUG_TAKEN);
    },
  }),
  deleteLink: t.field({
    type: LinkRef,
    description: 'Deletes a short link; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Link id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const link = await findOwnLink(ctx, String(id));
      return ctx.prisma.link.delete({ where: { id: link.id } });
    },
  }),
}));

const LinkDimensionRef = enumOf(
  'LinkDimension',
  Object.keys(LINK_DIMENSIONS) as LinkDimension[],
  'What link clicks group by.',
  (d) => `By ${d.toLowerCase()}.`,
);

const LinkValue = builder.objectRef<{ value: string; clicks: number; clickers: number }>('LinkClickCount').implement({
  description: 'Clicks with one value of a dimension.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The value (empty when unknown).' }),
    clicks: t.exposeInt('clicks', { description: 'Clicks.' }),
    clickers: t.exposeInt('clickers', { description: 'Unique clickers (per day).' }),
  }),
});

const LinkDay = builder.objectRef<{ time: Date; clicks: number }>('LinkClicksPoint').implement({
  description: 'Clicks in one local day.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'Day start.', resolve: (p) => p.time }),
    clicks: t.exposeInt('clicks', { description: 'Clicks.' }),
  }),
});

const LinkStats = builder.objectRef<{ linkId: string; range: DateRange }>('LinkStats').implement({
  description: 'Clicks on a short link over a range (bots excluded, no IP addresses kept).',
  fields: (t) => ({
    clicks: t.int({
      description: 'Clicks.',
      resolve: async (s, _, ctx) => (await ctx.analytics.linkStats.load({ ownerId: s.linkId, range: s.range })).clicks,
    }),
    uniqueClickers: t.int({
      description: 'Unique clickers (daily salted hashes, so someone clicking on two days counts twice).',
      resolve: async (s, _, ctx) =>
        (await ctx.analytics.linkStats.load({ ownerId: s.linkId, range: s.range })).clickers,
    }),
    breakdown: t.field({
      type: [LinkValue],
      description: 'Clicks by referrer domain, country, device or browser.',
      args: { dimension: t.arg({ type: LinkDimensionRef, required: true, description: 'Group by.' }) },
      resolve: (s, { dimension }, ctx) =>
        ctx.analytics.linkBreakdown.load({ ownerId: s.linkId, range: s.range, dimension }),
    }),
    daily: t.field({
      type: [LinkDay],
      description: 'Clicks per local day, empty days included.',
      resolve: (s, _, ctx) => ctx.analytics.linkTimeseries.load({ ownerId: s.linkId, range: s.range }),
    }),
  }),
});

builder.prismaObjectFields('Link', (t) => ({
  stats: t.field({
    type: LinkStats,
    description: 'Click analytics over a range. Needs read:analytics.',
    authScopes: readsAnalytics,
    args: { range: t.arg({ type: DateRangeInput, required: true, description: 'The period.' }) },
    resolve: (link, { range }) => ({ linkId: link.id, range: parseRange(range) }),
  }),
}));
