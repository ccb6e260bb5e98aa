import { z } from 'zod';
import {
  evaluateFlags,
  type FlagResult,
  type FlagRule,
  type FlagVariant,
  findDependencyCycle,
  flagRule,
  flagVariant,
} from '../../flags/evaluate.ts';
import { loadWebsiteFlags, toEvaluable } from '../../flags/load.ts';
import type { FlagStatus, FlagType } from '../../prisma/generated/enums.ts';
import { actorId, checkWebsiteRestriction, ownRecords, requireAuth } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError, NotFoundError, unlessDuplicate } from '../errors.ts';
import { mutationErrors } from './errors.ts';
import { findOwnWebsite } from './websites.ts';

const FlagTypeRef = builder.enumType('FlagType', {
  description: 'BOOLEAN: on/off by rules; ROLLOUT: a percentage of visitors; MULTIVARIANT: weighted variants.',
  values: {
    BOOLEAN: { description: 'On for visitors a rule matches, else the default value.' },
    ROLLOUT: { description: 'On for rule matches and for rolloutPercentage % of the other visitors.' },
    MULTIVARIANT: { description: 'Each visitor gets one of the variants, by weight (or by rule).' },
  } satisfies Record<FlagType, { description: string }>,
});
const FlagStatusRef = builder.enumType('FlagStatus', {
  description: 'Only ACTIVE flags turn on; ARCHIVED ones are not evaluated at all.',
  values: {
    ACTIVE: { description: 'Evaluated normally.' },
    INACTIVE: { description: 'Off for everyone (reason DISABLED).' },
    ARCHIVED: { description: 'Not evaluated at all.' },
  } satisfies Record<FlagStatus, { description: string }>,
});

const FlagRuleAttributeRef = builder.enumType('FlagRuleAttribute', {
  description: 'What a targeting rule looks at.',
  values: {
    USER_ID: { description: 'The context’s userId.' },
    EMAIL: { description: 'The context’s email (else properties.email), compared case-insensitively.' },
    PROPERTY: { description: 'The context property named by the rule’s `property`.' },
  } as const,
});

const FlagRuleOperatorRef = builder.enumType('FlagRuleOperator', {
  description: 'How a rule compares the attribute with its values (non-string attributes compare as JSON text).',
  values: {
    EQUALS: { description: 'Equals one of the values.' },
    CONTAINS: { description: 'Contains one of the values.' },
    STARTS_WITH: { description: 'Starts with one of the values.' },
    ENDS_WITH: { description: 'Ends with one of the values.' },
    IN: { description: 'Is one of the values (same as EQUALS).' },
    NOT_IN: { description: 'Is missing or none of the values.' },
    EXISTS: { description: 'Is present and not empty; values are ignored.' },
  } as const,
});

const FlagRuleRef = builder.objectRef<FlagRule>('FlagRule').implement({
  description: 'A targeting rule: visitors it matches get its value (or variant).',
  fields: (t) => ({
    attribute: t.field({ type: FlagRuleAttributeRef, description: 'What it looks at.', resolve: (r) => r.attribute }),
    property: t.exposeString('property', { nullable: true, description: 'Property name (PROPERTY rules).' }),
    operator: t.field({ type: FlagRuleOperatorRef, description: 'How it compares.', resolve: (r) => r.operator }),
    values: t.exposeStringList('values', { description: 'Values to compare with.' }),
    value: t.expose('value', { type: 'JSON', nullable: true, description: 'Value served on a match (default true).' }),
    variant: t.exposeString('variant', { nullable: true, description: 'Variant served on a match (MULTIVARIANT).' }),
  }),
});

const FlagVariantRef = builder.objectRef<FlagVariant>('FlagVariant').implement({
  description: 'A variant of a MULTIVARIANT flag.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Variant key.' }),
    weight: t.exposeFloat('weight', { description: 'Share of visitors in percent; a flag’s weights add up to 100.' }),
    value: t.expose('value', { type: 'JSON', nullable: true, description: 'Value served (default: the key).' }),
  }),
});

const FlagRef = builder.prismaObject('Flag', {
  description: 'A feature flag, for one website or (websiteId null) the whole organization.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Flag id.' }),
    key: t.exposeString('key', { description: 'Key the code asks for.' }),
    name: t.exposeString('name', { nullable: true, description: 'Display name.' }),
    description: t.exposeString('description', { nullable: true, description: 'What the flag controls.' }),
    type: t.expose('type', { type: FlagTypeRef, description: 'How the flag decides.' }),
    status: t.expose('status', { type: FlagStatusRef, description: 'Lifecycle status.' }),
    defaultValue: t.expose('defaultValue', { type: 'JSON', description: 'Value when no rule matches (BOOLEAN).' }),
    payload: t.expose('payload', { type: 'JSON', nullable: true, description: 'Data served with the flag when on.' }),
    rules: t.field({
      type: [FlagRuleRef],
      description: 'Targeting rules; the first match wins.',
      resolve: (flag) => toEvaluable(flag).rules,
    }),
    rolloutPercentage: t.exposeInt('rolloutPercentage', { description: 'Share of visitors on, 0-100 (ROLLOUT).' }),
    rolloutBy: t.exposeString('rolloutBy', {
      nullable: true,
      description: 'What a rollout buckets by: "user" (user id, else anonymous id; the default) or "anonymous".',
    }),
    variants: t.field({
      type: [FlagVariantRef],
      description: 'Variants (MULTIVARIANT).',
      resolve: (flag) => toEvaluable(flag).variants,
    }),
    dependencies: t.exposeStringList('dependencies', { description: 'Keys of flags that must be on first.' }),
    targetGroupIds: t.exposeStringList('targetGroupIds', { description: 'Target groups (reserved).' }),
    persistAcrossAuth: t.exposeBoolean('persistAcrossAuth', {
      description: 'Keep the anonymous visitor’s value after sign-in.',
    }),
    environment: t.exposeString('environment', { nullable: true, description: 'Environment; null for all.' }),
    websiteId: t.exposeID('websiteId', { nullable: true, description: 'Website; null for organization-wide.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'Last change.' }),
  }),
});

builder.prismaObjectField('Organization', 'flags', (t) =>
  t.relatedConnection('flags', {
    description: 'Feature flags of the organization, by key.',
    authScopes: { readMetadata: true },
    cursor: 'id',
    totalCount: true,
    query: (_args, ctx) => ({
      where: { ...ownRecords(requireAuth(ctx.auth)), deletedAt: null },
      orderBy: [{ key: 'asc' }, { id: 'asc' }],
    }),
  }),
);

// Loose: as the input type's validator its output replaces the input, so the other fields must pass through.
const flagInputSchema = z
  .looseObject({
    type: z.enum(['BOOLEAN', 'ROLLOUT', 'MULTIVARIANT']).default('BOOLEAN'),
    rules: flagRule.array().max(100).default([]),
    variants: flagVariant.array().max(20).default([]),
  })
  .refine((flag) => flag.type !== 'MULTIVARIANT' || flag.variants.length >= 2, {
    message: 'a multivariant flag needs at least 2 variants',
    path: ['variants'],
  })
  .refine((flag) => flag.variants.length === 0 || flag.variants.reduce((sum, v) => sum + v.weight, 0) === 100, {
    message: 'variant weights must add up to 100',
    path: ['variants'],
  })
  .refine((flag) => new Set(flag.variants.map((v) => v.key)).size === flag.variants.length, {
    message: 'variant keys must be unique',
    path: ['variants'],
  })
  .refine((flag) => flag.rules.every((rule) => !rule.variant || flag.variants.some((v) => v.key === rule.variant)), {
    message: 'a rule names a variant that does not exist',
    path: ['rules'],
  });

const FlagRuleInput = builder.inputType('FlagRuleInput', {
  description: 'A targeting rule.',
  fields: (t) => ({
    attribute: t.field({ type: FlagRuleAttributeRef, required: true, description: 'What it looks at.' }),
    property: t.string({ description: 'Property name, required for PROPERTY rules.' }),
    operator: t.field({ type: FlagRuleOperatorRef, required: true, description: 'How it compares.' }),
    values: t.stringList({ description: 'Values to compare with (at least one unless EXISTS).' }),
    value: t.field({ type: 'JSON', description: 'Value served on a match (default true).' }),
    variant: t.string({ description: 'Variant served on a match (MULTIVARIANT).' }),
  }),
});

const FlagVariantInput = builder.inputType('FlagVariantInput', {
  description: 'A variant of a MULTIVARIANT flag.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Variant key.' }),
    weight: t.float({ required: true, description: 'Share of visitors in percent.' }),
    value: t.field({ type: 'JSON', description: 'Value served (default: the key).' }),
  }),
});

const FlagInput = builder.inputType('FlagInput', {
  description: 'A feature flag’s fields.',
  validate: flagInputSchema,
  fields: (t) => ({
    key: t.string({
      required: true,
      validate: z.string().regex(/^[a-zA-Z0-9][\w.-]{0,99}$/, '1-100 letters, digits, _ . or -'),
      description: 'Key the code asks for.',
    }),
    name: t.string({ validate: z.string().max(100), description: 'Display name.' }),
    description: t.string({ validate: z.string().max(1000), description: 'What the flag controls.' }),
    type: t.field({ type: FlagTypeRef, defaultValue: 'BOOLEAN', description: 'How the flag decides.' }),
    status: t.field({ type: FlagStatusRef, defaultValue: 'ACTIVE', description: 'Lifecycle status.' }),
    defaultValue: t.field({ type: 'JSON', description: 'Value when no rule matches (default false).' }),
    payload: t.field({ type: 'JSON', description: 'Data served with the flag when on.' }),
    rules: t.field({ type: [FlagRuleInput], description: 'Targeting rules; the first match wins.' }),
    rolloutPercentage: t.int({
      defaultValue: 0,
      validate: z.number().int().min(0).max(100),
      description: 'Share of visitors on (ROLLOUT).',
    }),
    rolloutBy: t.string({ validate: z.enum(['user', 'anonymous']), description: '"user" (default) or "anonymous".' }),
    variants: t.field({
      type: [FlagVariantInput],
      description: 'Variants of a MULTIVARIANT flag; weights add up to 100.',
    }),
    dependencies: t.stringList({ validate: z.array(z.string()).max(20), description: 'Keys of prerequisite flags.' }),
    persistAcrossAuth: t.boolean({ defaultValue: false, description: 'Keep the anonymous value after sign-in.' }),
    environment: t.string({
      validate: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'lowercase name such as production'),
      description: 'Environment (e.g. production); omit for all.',
    }),
    websiteId: t.id({ description: 'Website; omit for organization-wide.' }),
  }),
});

type FlagFields = typeof FlagInput.$inferInput;

/**
 * Dependencies must name flags the key can see and must not loop back (cycles rejected on save).
 * Only visible flags are consulted: a website-restricted key learns nothing of other websites'
 * flag keys (one it cannot see is "unknown", exactly like one that does not exist); a cycle
 * through flags it cannot see is still harmless, since evaluation turns cyclic flags off.
 */
async function checkDependencies(ctx: Context, input: FlagFields, flagId: string | null) {
  const dependencies = [...new Set(input.dependencies ?? [])];
  const flags = await ctx.prisma.flag.findMany({
    where: { ...ownRecords(requireAuth(ctx.auth)), deletedAt: null, NOT: flagId ? { id: flagId } : {} },
    select: { key: true, dependencies: true },
  });
  const graph = new Map<string, string[]>();
  for (const flag of flags) graph.set(flag.key, [...(graph.get(flag.key) ?? []), ...flag.dependencies]);
  const missing = dependencies.filter((key) => key !== input.key && !graph.has(key));
  if (missing.length) throw InputError.at(['input', 'dependencies'], `unknown flags: ${missing.join(', ')}`);
  graph.set(input.key, [...(graph.get(input.key) ?? []), ...dependencies]);
  const cycle = findDependencyCycle(graph, input.key);
  if (cycle) throw InputError.at(['input', 'dependencies'], `dependency cycle: ${cycle.join(' → ')}`);
  return dependencies;
}

async function flagData(ctx: Context, input: FlagFields, flagId: string | null) {
  const websiteId = input.websiteId ? (await findOwnWebsite(ctx, String(input.websiteId))).id : null;
  checkWebsiteRestriction(requireAuth(ctx.auth), websiteId);
  const { rules, variants } = flagInputSchema.parse(input);
  return {
    key: input.key,
    name: input.name ?? null,
    description: input.description ?? null,
    type: input.type ?? 'BOOLEAN',
    status: input.status ?? 'ACTIVE',
    defaultValue: (input.defaultValue ?? false) as object,
    payload: (input.payload ?? undefined) as object | undefined,
    rules,
    variants,
    rolloutPercentage: input.rolloutPercentage ?? 0,
    rolloutBy: input.rolloutBy ?? null,
    dependencies: await checkDependencies(ctx, input, flagId),
    persistAcrossAuth: input.persistAcrossAuth ?? false,
    environment: input.environment ?? null,
    websiteId,
  };
}

async function findOwnFlag(ctx: Context, id: string) {
  const flag = await ctx.prisma.flag.findFirst({
    where: { id, deletedAt: null, ...ownRecords(requireAuth(ctx.auth)) },
  });
  if (!flag) throw new NotFoundError('Flag');
  return flag;
}

const KEY_TAKEN = 'A flag with this key already exists for this website and environment.';

builder.mutationFields((t) => ({
  createFlag: t.field({
    type: FlagRef,
    description: 'Creates a feature flag.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { input: t.arg({ type: FlagInput, required: true, description: 'The flag.' }) },
    resolve: async (_root, { input }, ctx) => {
      const data = await flagData(ctx, input, null);
      const auth = requireAuth(ctx.auth);
      // createdBy names a user; a key without one (an automation) is recorded by its own id.
      return unlessDuplicate(
        ctx.prisma.flag.create({
          data: { ...data, organizationId: auth.organizationId, userId: auth.userId, createdBy: actorId(auth) },
        }),
        KEY_TAKEN,
      );
    },
  }),
  updateFlag: t.field({
    type: FlagRef,
    description: 'Replaces a feature flag’s fields.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: {
      id: t.arg.id({ required: true, description: 'Flag id.' }),
      input: t.arg({ type: FlagInput, required: true, description: 'The new fields.' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const flag = await findOwnFlag(ctx, String(id));
      const data = await flagData(ctx, input, flag.id);
      return unlessDuplicate(ctx.prisma.flag.update({ where: { id: flag.id }, data }), KEY_TAKEN);
    },
  }),
  deleteFlag: t.field({
    type: FlagRef,
    description: 'Deletes a feature flag; returns it as it was.',
    authScopes: { writeMetadata: true },
    errors: mutationErrors,
    args: { id: t.arg.id({ required: true, description: 'Flag id.' }) },
    resolve: async (_root, { id }, ctx) => {
      const flag = await findOwnFlag(ctx, String(id));
      return ctx.prisma.flag.delete({ where: { id: flag.id } });
    },
  }),
}));

const FlagReasonRef = builder.enumType('FlagReason', {
  description: 'Why a flag has its value.',
  values: {
    DISABLED: { description: 'The flag is not ACTIVE.' },
    DEPENDENCY_NOT_MET: { description: 'A flag it depends on is off.' },
    RULE_MATCH: { description: 'A targeting rule matched.' },
    DEFAULT: { description: 'No rule matched: the default value.' },
    ROLLOUT_INCLUDED: { description: 'The visitor is inside the rollout percentage.' },
    ROLLOUT_EXCLUDED: { description: 'The visitor is outside the rollout percentage.' },
    NO_IDENTITY: { description: 'Neither user id nor anonymous id was given, so the visitor cannot be bucketed.' },
    VARIANT: { description: 'A variant was picked by weight.' },
  } as const,
});

const FlagEvaluationRef = builder.objectRef<FlagResult>('FlagEvaluation').implement({
  description: 'One flag’s outcome for one visitor.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Flag key.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether the flag is on (value neither false nor null).' }),
    value: t.expose('value', { type: 'JSON', nullable: true, description: 'The value served.' }),
    variant: t.exposeString('variant', { nullable: true, description: 'Variant key (MULTIVARIANT).' }),
    payload: t.expose('payload', { type: 'JSON', nullable: true, description: 'The flag’s payload when on.' }),
    reason: t.field({ type: FlagReasonRef, description: 'Why.', resolve: (result) => result.reason }),
  }),
});

const FlagContextInput = builder.inputType('FlagContextInput', {
  description: 'Who is asking: at least an anonymous id or a user id, for rollouts and variants.',
  fields: (t) => ({
    userId: t.string({ validate: z.string().max(200), description: 'Signed-in user id.' }),
    anonymousId: t.string({ validate: z.string().max(200), description: 'The tracker’s anonymous visitor id.' }),
    email: t.string({ validate: z.string().max(254), description: 'Email, for EMAIL rules.' }),
    properties: t.field({
      type: 'JSON',
      validate: z.record(z.string(), z.json()),
      description: 'Properties for PROPERTY rules, a JSON object.',
    }),
    environment: t.string({ validate: z.string().max(50), description: 'Environment, e.g. production.' }),
  }),
});

builder.queryField('evaluateFlags', (t) =>
  t.field({
    type: [FlagEvaluationRef],
    description: 'Evaluates every flag of a website (its own and organization-wide ones) for one visitor.',
    authScopes: { evaluateFlags: true },
    args: {
      websiteId: t.arg.id({ required: true, description: 'Website id.' }),
      context: t.arg({ type: FlagContextInput, required: true, description: 'The visitor.' }),
    },
    resolve: async (_root, { websiteId, context }, ctx) => {
      const website = await findOwnWebsite(ctx, String(websiteId));
      const flags = await loadWebsiteFlags(ctx.prisma, website, context.environment ?? null);
      return evaluateFlags(flags, { ...context, properties: context.properties as Record<string, unknown> | null });
    },
  }),
);
