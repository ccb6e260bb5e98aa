import { z } from 'zod';
import type { GoalType } from '../../prisma/generated/enums.ts';
import { ownsWebsite, ownWebsites, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

export const GoalTypeRef = builder.enumType('GoalType', {
  description: 'What completes a goal or funnel step: a page view matching a path pattern, or a named event.',
  values: {
    PAGE_VIEW: { description: 'A page view whose path matches the target pattern (`*` wildcards).' },
    EVENT: { description: 'A custom event whose name equals the target.' },
  } satisfies Record<GoalType, { description: string }>,
});

/** A path pattern (`/pricing`, `/blog/*`) or an event name. */
export const targetSchema = z.string().trim().min(1).max(500);

const GoalRef = builder.prismaObject('Goal', {
  description: 'A conversion to count: a page view or an event.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Goal id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'Longer explanation.' }),
    type: t.expose('type', { type: GoalTypeRef, description: 'Page view or event.' }),
    target: t.exposeString('target', { description: 'Path pattern (`*` wildcards) or event name.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Disabled goals are not reported.' }),
    website: t.relation('website', { description: 'Website the goal belongs to.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
  }),
});

builder.prismaObjectField('Website', 'goals', (t) =>
  t.relatedConnection('goals', {
    description: 'Goals of the website, oldest first.',
    authScopes: (website, _args, ctx) => ownsWebsite(ctx.auth, website),
    cursor: 'id',
    totalCount: true,
    query: { where: { deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  }),
);

const GoalInput = builder.inputType('GoalInput', {
  description: 'A goal’s fields.',
  fields: (t) => ({
    name: t.string({ required: true, validate: z.string().min(1).max(100), description: 'Display name.' }),
    description: t.string({ validate: z.string().max(1000), description: 'Longer explanation.' }),
    type: t.field({ type: GoalTypeRef, required: true, description: 'Page view or event.' }),
    target: t.string({ required: true, validate: targetSchema, description: 'Path pattern or event name.' }),
    enabled: t.boolean({ defaultValue: true, description: 'Whether it is reported.' }),
  }),
});

async function findOwnGoal(ctx: Context, id: string) {
  const goal = await ctx.prisma.goal.findFirst({
    where: { id, deletedAt: null, website: ownWebsites(requireAuth(ctx.auth)) },
  });
  if (!goal) throw new NotFoundError('Goal');
  return goal;
}

builder.mutationFields((t) => ({
  createGoal: t.field({
    type: GoalRef,
    description: 'Adds a goal to a website.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      input: t.arg({ type: GoalInput, required: true, description: 'The goal.' }),
    },
    resolve: async (_root, { websiteId, input }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      return ctx.prisma.goal.create({ data: { ...input, enabled: input.enabled ?? true, websiteId: website.id } });
    },
  }),
  updateGoal: t.field({
    type: GoalRef,
    description: 'Replaces a goal’s fields.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Goal id.' }),
      input: t.arg({ type: GoalInput, required: true, description: 'The new fields.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const goal = await findOwnGoal(ctx, String(id));
      return ctx.prisma.goal.update({ where: { id: goal.id }, data: { ...input, enabled: input.enabled ?? true } });
    },
  }),
  deleteGoal: t.field({
    type: GoalRef,
    description: 'Deletes a goal; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Goal id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const goal = await findOwnGoal(ctx, String(id));
      return ctx.prisma.goal.update({ where: { id: goal.id }, data: { deletedAt: new Date() } });
    },
  }),
}));
