import { z } from 'zod';
import { ownsWebsite, ownWebsites, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { mutationErrors } from './errors.ts';
import { checkCondition, GoalTypeRef, targetSchema } from './goals.ts';
import { findOwnWebsite } from './websites.ts';

builder.prismaObject('FunnelStep', {
  description: 'One step of a funnel: a page view or an event.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Step id.' }),
    position: t.exposeInt('position', { description: '0-based order in the funnel.' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
    type: t.expose('type', { type: GoalTypeRef, description: 'What completes it (no SCROLL_DEPTH).' }),
    target: t.exposeString('target', { description: 'What the type matches (see GoalType).' }),
  }),
});

const FunnelRef = builder.prismaObject('Funnel', {
  description: 'An ordered sequence of steps a visitor completes within a time window.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Funnel id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'Longer explanation.' }),
    windowSeconds: t.exposeInt('windowSeconds', { description: 'Time allowed from the first step to the last.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Disabled funnels are not reported.' }),
    steps: t.relation('steps', { description: 'Steps in order.', query: { orderBy: { position: 'asc' } } }),
    website: t.relation('website', { description: 'Website the funnel belongs to.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.prismaObjectField('Website', 'funnels', (t) =>
  t.relatedConnection('funnels', {
    description: 'Funnels of the website, oldest first.',
    authScopes: (website, _args, ctx) => ownsWebsite(ctx.auth, website),
    cursor: 'id',
    totalCount: true,
    query: { where: { deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  }),
);

const FunnelStepInput = builder.inputType('FunnelStepInput', {
  description: 'One step; steps are ordered as given.',
  fields: (t) => ({
    name: t.string({ validate: z.string().min(1).max(100), description: 'Display name.' }),
    type: t.field({
      type: GoalTypeRef,
      required: true,
      description: 'What completes it (see GoalType; not SCROLL_DEPTH).',
    }),
    target: t.string({ required: true, validate: targetSchema, description: 'What the type matches (see GoalType).' }),
  }),
});

const FunnelInput = builder.inputType('FunnelInput', {
  description: 'A funnel’s fields and steps.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().min(1).max(100), description: 'Display name.' }),
    description: t.string({ validate: z.string().max(1000), description: 'Longer explanation.' }),
    windowSeconds: t.int({
      defaultValue: 86_400,
      validate: z
        .number()
        .int()
        .min(60)
        .max(90 * 86_400),
      description: 'Time allowed to complete the funnel (1 minute to 90 days).',
    }),
    enabled: t.boolean({ defaultValue: true, description: 'Whether it is reported.' }),
    steps: t.field({
      type: [FunnelStepInput],
      required: true,
      validate: z.array(z.unknown()).min(2, 'a funnel needs at least 2 steps').max(20),
      description: 'The steps, in order (2 to 20).',
    }),
  }),
});

type FunnelFields = typeof FunnelInput.$inferInput;

/** The funnel's fields for Prisma, once each step passed its kind's rules (BAD_USER_INPUT otherwise). */
const funnelData = (input: FunnelFields) => {
  for (const [i, step] of input.steps.entries()) checkCondition(step, ['input', 'steps', String(i)], true);
  return funnelFields(input);
};

const funnelFields = (input: FunnelFields) => ({
  name: input.name,
  description: input.description,
  windowSeconds: input.windowSeconds ?? 86_400,
  enabled: input.enabled ?? true,
  steps: {
    create: input.steps.map((step, position) => ({ position, name: step.name, type: step.type, target: step.target })),
  },
});

async function findOwnFunnel(ctx: Context, id: string) {
  const funnel = await ctx.prisma.funnel.findFirst({
    where: { id, deletedAt: null, website: ownWebsites(requireAuth(ctx.auth)) },
  });
  if (!funnel) throw new NotFoundError('Funnel');
  return funnel;
}

builder.mutationFields((t) => ({
  createFunnel: t.field({
    type: FunnelRef,
    description: 'Adds a funnel with its ordered steps to a website.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      input: t.arg({ type: FunnelInput, required: true, description: 'The funnel.' }),
    },
    resolve: async (_root, { websiteId, input }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      return ctx.prisma.funnel.create({ data: { ...funnelData(input), websiteId: website.id } });
    },
  }),
  updateFunnel: t.field({
    type: FunnelRef,
    description: 'Replaces a funnel’s fields and steps.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Funnel id.' }),
      input: t.arg({ type: FunnelInput, required: true, description: 'The new fields and steps.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const funnel = await findOwnFunnel(ctx, String(id));
      const [, updated] = await ctx.prisma.$transaction([
        ctx.prisma.funnelStep.deleteMany({ where: { funnelId: funnel.id } }),
        ctx.prisma.funnel.update({ where: { id: funnel.id }, data: funnelData(input) }),
      ]);
      return updated;
    },
  }),
  deleteFunnel: t.field({
    type: FunnelRef,
    description: 'Deletes a funnel; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Funnel id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const funnel = await findOwnFunnel(ctx, String(id));
      return ctx.prisma.funnel.update({ where: { id: funnel.id }, data: { deletedAt: new Date() } });
    },
  }),
}));
