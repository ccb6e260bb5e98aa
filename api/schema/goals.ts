import { z } from 'zod';
import type { GoalType } from '../../prisma/generated/enums.ts';
import { DOWNLOAD_EXTENSIONS } from '../../tracker/downloads.ts';
import { downloadExtensions, FILE_DOWNLOAD_EVENT, NOT_FOUND_EVENT } from '../analytics/conditions.ts';
import { ownsWebsite, ownWebsites, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError } from '../errors.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

export const GoalTypeRef = builder.enumType('GoalType', {
  description:
    'What completes a goal or funnel step (api/analytics/conditions.ts). Patterns use `*` for any run of characters.',
  values: {
    PAGE_VIEW: { description: 'A page view whose path matches the target pattern, e.g. `/blog/*`.' },
    EVENT: {
      description:
        'A custom event whose name equals the target; with `propertyKey`, only events whose property has `propertyValue`.',
    },
    OUTGOING_LINK: {
      description: 'A click on a link to another site whose URL matches the target pattern (`*`: any link).',
    },
    FILE_DOWNLOAD: {
      description: `A click on a link to a file whose extension is in the target list (comma-separated; \`*\`: ${DOWNLOAD_EXTENSIONS.join(' ')}), on the site (the tracker sends \`${FILE_DOWNLOAD_EVENT}\`) or on another host (an outgoing link).`,
    },
    NOT_FOUND: {
      description: `A visit to a page that does not exist, on paths matching the target: the site's 404 page calls \`tidemark.track('${NOT_FOUND_EVENT}')\` (the tracker cannot tell a 404 by itself).`,
    },
    SCROLL_DEPTH: {
      description: 'A page matching the target scrolled past `scrollPercent` % before the visitor left it.',
    },
  } satisfies Record<GoalType, { description: string }>,
});

/** A path pattern (`/pricing`, `/blog/*`), an event name, a URL pattern or a list of extensions. */
export const targetSchema = z.string().trim().min(1).max(500);

const PATH_KINDS: readonly GoalType[] = ['PAGE_VIEW', 'NOT_FOUND', 'SCROLL_DEPTH'];

/**
 * A kind's own rules, beyond each field's (BAD_USER_INPUT naming the field). `step`: a funnel
 * step, which has no property match nor threshold.
 */
export function checkCondition(
  input: {
    type: GoalType;
    target: string;
    propertyKey?: string | null;
    propertyValue?: string | null;
    scrollPercent?: number | null;
  },
  path: string[],
  step = false,
): void {
  const refuse = (field: string, message: string) => {
    throw InputError.at([...path, field], message);
  };
  const { type, target } = input;
  if (PATH_KINDS.includes(type) && target !== '*' && !target.startsWith('/')) {
    refuse('target', 'A path pattern starts with / (or is *)');
  }
  if (
    type === 'FILE_DOWNLOAD' &&
    target !== '*' &&
    !downloadExtensions(target).every((e) => /^[a-z0-9]{1,10}$/.test(e))
  ) {
    refuse('target', 'List file extensions such as "pdf, zip" (letters and digits), or *');
  }
  const property = input.propertyKey != null || input.propertyValue != null;
  if (property && (type !== 'EVENT' || step)) refuse('propertyKey', 'A property match is for EVENT goals only');
  if (property && (!input.propertyKey || input.propertyValue == null)) {
    refuse('propertyKey', 'Give both propertyKey and propertyValue');
  }
  if (type === 'SCROLL_DEPTH' && step) refuse('type', 'SCROLL_DEPTH is a goal, not a funnel step');
  if (type === 'SCROLL_DEPTH' && input.scrollPercent == null)
    refuse('scrollPercent', 'SCROLL_DEPTH needs scrollPercent');
  if (type !== 'SCROLL_DEPTH' && input.scrollPercent != null)
    refuse('scrollPercent', 'scrollPercent is for SCROLL_DEPTH');
}

const GoalRef = builder.prismaObject('Goal', {
  description: 'A conversion to count: a page view or an event.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Goal id.' }),
    name: t.exposeString('name', { description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'Longer explanation.' }),
    type: t.expose('type', { type: GoalTypeRef, description: 'What completes it.' }),
    target: t.exposeString('target', {
      description: 'Path pattern, event name, URL pattern or file extensions, by type (see GoalType).',
    }),
    propertyKey: t.exposeString('propertyKey', { nullable: true, description: 'EVENT: the property matched.' }),
    propertyValue: t.exposeString('propertyValue', { nullable: true, description: 'EVENT: its value.' }),
    scrollPercent: t.exposeInt('scrollPercent', { nullable: true, description: 'SCROLL_DEPTH: % scrolled past.' }),
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
    type: t.field({ type: GoalTypeRef, required: true, description: 'What completes it (see GoalType).' }),
    target: t.string({ required: true, validate: targetSchema, description: 'What the type matches (see GoalType).' }),
    propertyKey: t.string({ validate: z.string().min(1).max(128), description: 'EVENT: a property to match.' }),
    propertyValue: t.string({ validate: z.string().max(1000), description: 'EVENT: the value it must have.' }),
    scrollPercent: t.int({ validate: z.number().int().min(1).max(100), description: 'SCROLL_DEPTH: 1–100.' }),
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
      checkCondition(input, ['input']);
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
      checkCondition(input, ['input']);
      const goal = await findOwnGoal(ctx, String(id));
      // Every field is replaced: a match or threshold left out is cleared.
      const data = {
        propertyKey: null,
        propertyValue: null,
        scrollPercent: null,
        ...input,
        enabled: input.enabled ?? true,
      };
      return ctx.prisma.goal.update({ where: { id: goal.id }, data });
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
