import { z } from 'zod';
import { ownsWebsite, ownWebsites, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

const AnnotationRef = builder.prismaObject('Annotation', {
  description: 'A note on a website’s charts, at a point in time or over a time range.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Annotation id.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime', description: 'Start (or the point in time).' }),
    endsAt: t.expose('endsAt', { type: 'DateTime', nullable: true, description: 'End; null for a point in time.' }),
    text: t.exposeString('text', { description: 'The note.' }),
    color: t.exposeString('color', { nullable: true, description: 'Display colour, #rrggbb.' }),
    tags: t.exposeStringList('tags', { description: 'Free-form tags.' }),
    isPublic: t.exposeBoolean('isPublic', { description: 'Whether it may be shown on a public dashboard.' }),
    author: t.relation('author', { nullable: true, description: 'User who wrote it, if known.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.prismaObjectField('Website', 'annotations', (t) =>
  t.relatedConnection('annotations', {
    description: 'Annotations of the website, in time order.',
    authScopes: (website, _args, ctx) => ownsWebsite(ctx.auth, website),
    cursor: 'id',
    totalCount: true,
    query: { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] },
  }),
);

const AnnotationInput = builder.inputType('AnnotationInput', {
  description: 'An annotation’s fields.',
  fields: (t) => ({
    startsAt: t.field({ type: 'DateTime', required: true, description: 'Start (or the point in time).' }),
    endsAt: t.field({ type: 'DateTime', description: 'End, not before the start; omit for a point in time.' }),
    text: t.string({ required: true, validate: z.string().trim().min(1).max(2000), description: 'The note.' }),
    color: t.string({ validate: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be #rrggbb'), description: 'Colour.' }),
    tags: t.stringList({ validate: z.array(z.string().min(1).max(50)).max(20), description: 'Tags.' }),
    isPublic: t.boolean({ defaultValue: false, description: 'Show on public dashboards.' }),
  }),
});

function annotationData(input: typeof AnnotationInput.$inferInput) {
  if (input.endsAt && input.endsAt < input.startsAt)
    throw InputError.at(['input', 'endsAt'], 'must not be before startsAt');
  return {
    startsAt: input.startsAt,
    endsAt: input.endsAt ?? null,
    text: input.text,
    color: input.color ?? null,
    tags: input.tags ?? [],
    isPublic: input.isPublic ?? false,
  };
}

async function findOwnAnnotation(ctx: Context, id: string) {
  const annotation = await ctx.prisma.annotation.findFirst({
    where: { id, website: ownWebsites(requireAuth(ctx.auth)) },
  });
  if (!annotation) throw new NotFoundError('Annotation');
  return annotation;
}

builder.mutationFields((t) => ({
  createAnnotation: t.field({
    type: AnnotationRef,
    description: 'Adds an annotation to a website.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      input: t.arg({ type: AnnotationInput, required: true, description: 'The annotation.' }),
    },
    resolve: async (_root, { websiteId, input }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      const authorId = requireAuth(ctx.auth).userId;
      return ctx.prisma.annotation.create({ data: { ...annotationData(input), websiteId: website.id, authorId } });
    },
  }),
  updateAnnotation: t.field({
    type: AnnotationRef,
    description: 'Replaces an annotation’s fields.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Annotation id.' }),
      input: t.arg({ type: AnnotationInput, required: true, description: 'The new fields.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const annotation = await findOwnAnnotation(ctx, String(id));
      return ctx.prisma.annotation.update({ where: { id: annotation.id }, data: annotationData(input) });
    },
  }),
  deleteAnnotation: t.field({
    type: AnnotationRef,
    description: 'Deletes an annotation; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Annotation id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const annotation = await findOwnAnnotation(ctx, String(id));
      return ctx.prisma.annotation.delete({ where: { id: annotation.id } });
    },
  }),
}));
