import { z } from 'zod';
import { InvalidFilterError } from '../analytics/filters.ts';
import { actorId, requireAuth, visibleSegments } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { FilterTreeInput, type FilterTreeShape, parseFilterTree } from './analytics-inputs.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

/**
 * Segments: saved analytics filter trees, for one website or for every website of the
 * organization, private to their owner or shared with the organization. `Website.analytics(segment:)`
 * applies one, ANDed with the request's own filters.
 */

const VisibilityRef = builder.enumType('SegmentVisibility', {
  description: 'Who sees a segment.',
  values: {
    PRIVATE: { value: 'PRIVATE', description: 'Its owner only.' },
    ORGANIZATION: { value: 'ORGANIZATION', description: 'Everyone of the organization who reads metadata.' },
  } as const,
});

const SegmentRef = builder.prismaObject('Segment', {
  description: 'A saved analytics filter tree.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Segment id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    websiteId: t.exposeID('websiteId', {
      nullable: true,
      description: 'The website it belongs to; null for every website of the organization.',
    }),
    filter: t.field({
      type: 'JSON',
      description: 'The filter tree, as an AnalyticsFilterTreeInput (pass it as `filter` to reuse it).',
      resolve: (s) => s.filter,
    }),
    visibility: t.field({ type: VisibilityRef, description: 'Who sees it.', resolve: (s) => s.visibility }),
    owned: t.boolean({
      description: 'Whether the caller created it.',
      resolve: (s, _, ctx) => s.ownerId === actorId(requireAuth(ctx.auth)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
  }),
});

const SegmentInput = builder.inputType('SegmentInput', {
  description: 'A segment’s fields.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().trim().min(1).max(100), description: 'Display name.' }),
    filter: t.field({
      type: FilterTreeInput,
      required: true,
      description: 'The filter tree (same rules and limits as `Website.analytics(filter:)`).',
    }),
    visibility: t.field({ type: VisibilityRef, defaultValue: 'PRIVATE', description: 'Who sees it.' }),
  }),
});

/** The input's tree as stored: checked by the parser analytics uses, kept in its input shape. */
function storedFilter(filter: FilterTreeShape) {
  try {
    // Goals are resolved where the segment is used (an organization-wide one, on each website).
    parseFilterTree(filter, () => ({ type: 'EVENT', target: '' }));
  } catch (error) {
    if (error instanceof InvalidFilterError) throw InputError.at(['input', 'filter'], error.message);
    throw error;
  }
  return JSON.parse(JSON.stringify(filter)) as object;
}

/** A segment the caller sees, else NOT_FOUND (another organization's, or another user's private one). */
async function findVisibleSegment(ctx: Context, id: string) {
  const segment = await ctx.prisma.segment.findFirst({
    where: { AND: [{ id }, visibleSegments(requireAuth(ctx.auth))] },
  });
  if (!segment) throw new NotFoundError('Segment');
  return segment;
}

builder.queryFields((t) => ({
  segments: t.prismaField({
    type: ['Segment'],
    description:
      'Segments the caller sees, by name: organization-wide ones and, with `websiteId`, those of that website ' +
      '(without it, all of them).',
    authScopes: { readMetadata: true },
    args: { websiteId: t.arg.id({ required: false, description: 'Only those usable on this website.' }) },
    resolve: async (query, _root, { websiteId }, ctx) => {
      const website = websiteId == null ? null : await findOwnWebsite(ctx, String(websiteId));
      return ctx.prisma.segment.findMany({
        ...query,
        where: {
          AND: [
            visibleSegments(requireAuth(ctx.auth)),
            ...(website ? [{ OR: [{ websiteId: null }, { websiteId: website.id }] }] : []),
          ],
        },
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        take: 500,
      });
    },
  }),
  segment: t.prismaField({
    type: 'Segment',
    description: 'One segment the caller sees (NOT_FOUND otherwise).',
    authScopes: { readMetadata: true },
    args: { id: t.arg.id({ required: true, description: 'Segment id.' }) },
    resolve: async (query, _root, { id }, ctx) => {
      const segment = await findVisibleSegment(ctx, String(id));
      return ctx.prisma.segment.findUniqueOrThrow({ ...query, where: { id: segment.id } });
    },
  }),
}));

builder.mutationFields((t) => ({
  createSegment: t.field({
    type: SegmentRef,
    description: 'Saves a filter tree as a segment, for a website or (without websiteId) organization-wide.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      websiteId: t.arg.id({ required: false, description: 'Website id; omit for every website of the organization.' }),
      input: t.arg({ type: SegmentInput, required: true, description: 'The segment.' }),
    },
    resolve: async (_root, { websiteId, input }, ctx) => {
      const auth = requireAuth(ctx.auth);
      const website = websiteId == null ? null : await findOwnWebsite(ctx, String(websiteId));
      if (!website && auth.websiteId) {
        throw InputError.at(['websiteId'], 'A website-restricted key saves segments of its website only');
      }
      return ctx.prisma.segment.create({
        data: {
          organizationId: auth.organizationId,
          websiteId: website?.id ?? null,
          ownerId: actorId(auth),
          name: input.name,
          filter: storedFilter(input.filter),
          visibility: input.visibility ?? 'PRIVATE',
        },
      });
    },
  }),
  updateSegment: t.field({
    type: SegmentRef,
    description: 'Replaces a segment’s name, filter and visibility (a segment the caller sees).',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Segment id.' }),
      input: t.arg({ type: SegmentInput, required: true, description: 'The new fields.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const segment = await findVisibleSegment(ctx, String(id));
      return ctx.prisma.segment.update({
        where: { id: segment.id },
        data: { name: input.name, filter: storedFilter(input.filter), visibility: input.visibility ?? 'PRIVATE' },
      });
    },
  }),
  deleteSegment: t.field({
    type: SegmentRef,
    description: 'Deletes a segment the caller sees; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Segment id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const segment = await findVisibleSegment(ctx, String(id));
      return ctx.prisma.segment.delete({ where: { id: segment.id } });
    },
  }),
}));
