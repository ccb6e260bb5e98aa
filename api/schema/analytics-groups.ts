import {
  type FieldNode,
  GraphQLBoolean,
  GraphQLID,
  GraphQLNonNull,
  type GraphQLResolveInfo,
  GraphQLString,
  Kind,
  type SelectionSetNode,
  valueFromAST,
} from 'graphql';
import { z } from 'zod';
import { change } from '../analytics/compare.ts';
import type { GoalFigure } from '../analytics/conversions.ts';
import { DIMENSIONS, type Dimension } from '../analytics/dimensions.ts';
import { goalTargets } from '../analytics/goals.ts';
import {
  checkFill,
  dimensionField,
  dimensionId,
  GROUP_DIMENSIONS,
  GROUP_LIMITS,
  type GroupDimension,
  type GroupMetric,
  type GroupRow,
  type GroupsPlan,
  type GroupsRequest,
  InvalidGroupsError,
  METRIC_NAMES,
  METRICS,
  planGroups,
  timeField,
} from '../analytics/groups.ts';
import { type DateRange, InvalidRangeError } from '../analytics/range.ts';
import { INTERVALS, type Interval } from '../analytics/time.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError } from '../errors.ts';
import { Analytics, type AnalyticsScope, GOAL_FIGURE_DOCS, OWNER_ONLY_DIMENSIONS, ownerOnly } from './analytics.ts';

/**
 * WebsiteAnalytics.groups: the dimension fields a client selects inside `dimensions` are the
 * GROUP BY, the metric fields inside `metrics` the aggregates (Cloudflare's `*Groups` datasets).
 * This file reads the selection and exposes the types; analytics/groups.ts plans and builds the SQL.
 */

const value = (row: GroupRow, id: string) => {
  const found = row.values[id];
  // The resolver groups by every selected dimension field, so a missing one is a bug, not input.
  if (found === undefined) throw new Error(`Dimension ${id} was not grouped by`);
  return found;
};

const GroupDimensions = builder.objectRef<GroupRow>('AnalyticsGroupDimensions').implement({
  description:
    'The values of the group: each field selected here is a GROUP BY key (at most ' +
    `${GROUP_LIMITS.dimensions}, property keys included). Visit dimensions are those of the visit (see AnalyticsDimension); ` +
    'time fields are bucket starts in the range’s timezone (visits in the bucket they started in, events in their own).',
  fields: (t) => ({
    ...Object.fromEntries(
      GROUP_DIMENSIONS.map((d: Dimension) => [
        dimensionField(d),
        t.string({
          description: `${DIMENSIONS[d].description} Empty when unknown.`,
          resolve: (row) => value(row, d) as string,
        }),
      ]),
    ),
    ...Object.fromEntries(
      INTERVALS.map((interval: Interval) => [
        timeField(interval),
        t.field({
          type: 'DateTime',
          description: `Start of the ${interval.toLowerCase()} (weeks start on Monday), in the range’s timezone.`,
          resolve: (row) => value(row, `time:${interval}`) as Date,
        }),
      ]),
    ),
    property: t.string({
      description:
        'A custom event property by key (groups then count the custom events carrying every selected key). ' +
        'Several keys: one field per key with aliases, e.g. `plan: property(key: "plan") tier: property(key: "tier")`. ' +
        `Keys have 1 to ${GROUP_LIMITS.propertyKeyLength} characters. Owners only (not on public dashboards).`,
      args: { key: t.arg.string({ required: true, description: 'Property key.' }) },
      resolve: (row, { key }) => value(row, `property:${key}`) as string,
    }),
  }),
});

/** A goal metric's identity in a request and its GroupRow (the figure and the goal argument). */
export const goalKey = (figure: GoalFigure, goal: unknown) => `${figure}:${goal == null ? '' : String(goal)}`;
const goalValue = (row: GroupRow, figure: GoalFigure, goal: unknown) => {
  const found = row.goals[goalKey(figure, goal)];
  if (found === undefined) throw new Error(`Goal metric ${goalKey(figure, goal)} was not computed`);
  return found;
};
const GOAL_METRICS = 'conversions, conversionRate and revenue';
const GOAL_ARG = `${GOAL_FIGURE_DOCS.goal} At most ${GROUP_LIMITS.goals} goals per groups field.`;
const goalGrouping =
  'A visit metric: by time, in the bucket the visit started in; by path, of the visits entering on it; refused ' +
  '(UNSUPPORTED_GROUPING) with another event dimension. Not orderable.';

const GroupMetrics = builder.objectRef<GroupRow>('AnalyticsGroupMetrics').implement({
  description: `Figures of the group, each defined below; only the selected ones are computed. ${GOAL_METRICS} take a goal and may be selected several times with aliases.`,
  fields: (t) => ({
    conversions: t.int({
      description: `${GOAL_FIGURE_DOCS.conversions} ${goalGrouping}`,
      args: { goal: t.arg.id({ required: false, description: GOAL_ARG }) },
      resolve: (row, args) => goalValue(row, 'conversions', args.goal) as number,
    }),
    conversionRate: t.float({
      nullable: true,
      description: `${GOAL_FIGURE_DOCS.conversionRate} ${goalGrouping}`,
      args: { goal: t.arg.id({ required: false, description: GOAL_ARG }) },
      resolve: (row, args) => goalValue(row, 'conversionRate', args.goal) as number | null,
    }),
    revenue: t.float({
      description: `${GOAL_FIGURE_DOCS.revenue} In the one currency asked (0 when none). ${goalGrouping}`,
      args: {
        goal: t.arg.id({ required: false, description: GOAL_ARG }),
        currency: t.arg.string({
          required: true,
          validate: z.string().regex(/^[A-Za-z]{3}$/, 'An ISO currency code such as "USD"'),
          description: 'ISO currency code (revenue in other currencies is not converted, nor added).',
        }),
      },
      resolve: (row, args) =>
        (goalValue(row, 'revenue', args.goal) as Record<string, number>)[args.currency.toUpperCase()] ?? 0,
    }),
    ...Object.fromEntries(
      METRIC_NAMES.map((metric: GroupMetric) => {
        const read = (row: GroupRow) => {
          const found = row.metrics[metric];
          if (found === undefined) throw new Error(`Metric ${metric} was not computed`);
          return found;
        };
        return [
          metric,
          METRICS[metric].ratio
            ? t.float({
                nullable: true,
                description: `${METRICS[metric].description} (${METRICS[metric].scope} metric)`,
                resolve: read,
              })
            : t.int({
                description: `${METRICS[metric].description} (${METRICS[metric].scope} metric)`,
                resolve: (row) => read(row) ?? 0,
              }),
        ];
      }),
    ),
  }),
});

const GroupChange = builder.objectRef<GroupRow>('AnalyticsGroupChange').implement({
  description:
    'Relative change of each figure from the comparison range, (now − before) ÷ before, for ratios too; null when ' +
    'the group had no figures then or the figure was null or 0 then.',
  fields: (t) =>
    Object.fromEntries(
      METRIC_NAMES.map((metric: GroupMetric) => [
        metric,
        t.float({
          nullable: true,
          description: `Change of ${metric}.`,
          resolve: (row) => change(row.metrics[metric] ?? null, row.comparison?.metrics[metric] ?? null),
        }),
      ]),
    ),
});

const Group = builder.objectRef<GroupRow>('AnalyticsGroup').implement({
  description: 'One group: its dimension values and its metrics.',
  fields: (t) => ({
    dimensions: t.field({ type: GroupDimensions, description: 'The group keys.', resolve: (row) => row }),
    metrics: t.field({ type: GroupMetrics, description: 'The figures.', resolve: (row) => row }),
    comparison: t.field({
      type: GroupMetrics,
      nullable: true,
      description:
        'The same group’s figures over the comparison range (the `compare` argument of analytics; the previous period ' +
        'by default), with the same filters, in the same query. A time key is paired by position: the i-th bucket of ' +
        'the range faces the i-th bucket of the comparison (minutes and hours by elapsed time from the first bucket, ' +
        'days and weeks by local days, months by months). Null when the group had no figures then, past the ' +
        'comparison’s last bucket, and within `comparison` itself; with time as the only dimension, an empty ' +
        'comparison bucket has zeros like an empty bucket of the range.',
      resolve: (row) => (row.comparison ? { values: row.values, ...row.comparison } : null),
    }),
    change: t.field({
      type: GroupChange,
      description: 'Relative change of each figure from `comparison`.',
      resolve: (row) => row,
    }),
  }),
});

const ORDER_FIELDS = [
  ...METRIC_NAMES,
  ...GROUP_DIMENSIONS.map(dimensionField),
  ...INTERVALS.map(timeField),
  'property',
] as const;
export const OrderRef = builder.enumType('AnalyticsGroupsOrder', {
  description:
    'Order of groups by a metric or a selected dimension, ascending or descending (Cloudflare’s `field_ASC` / ' +
    '`field_DESC`). `property_*` orders by the selected property keys in selection order. Nulls come last.',
  values: Object.fromEntries(
    ORDER_FIELDS.flatMap((field) => [
      [`${field}_ASC`, { value: `${field}_ASC`, description: `By ${field}, ascending.` }],
      [`${field}_DESC`, { value: `${field}_DESC`, description: `By ${field}, descending.` }],
    ]),
  ) as Record<string, { value: string; description: string }>,
});

/** `@skip` / `@include` of a selection, so a skipped field groups nothing. */
function included(
  node: { directives?: readonly { name: { value: string }; arguments?: readonly unknown[] }[] },
  info: GraphQLResolveInfo,
) {
  for (const directive of (node as FieldNode).directives ?? []) {
    const condition = directive.arguments?.find((a) => a.name.value === 'if');
    if (!condition) continue;
    const holds = valueFromAST(condition.value, new GraphQLNonNull(GraphQLBoolean), info.variableValues);
    if (directive.name.value === 'skip' && holds === true) return false;
    if (directive.name.value === 'include' && holds === false) return false;
  }
  return true;
}

/** The fields of selection sets, through fragments. */
function fieldsOf(sets: readonly (SelectionSetNode | undefined)[], info: GraphQLResolveInfo): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection, info)) continue;
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

export const REGISTRY_BY_FIELD = new Map(GROUP_DIMENSIONS.map((d) => [dimensionField(d), d]));
export const TIME_BY_FIELD = new Map(INTERVALS.map((i) => [timeField(i), i]));

/** The parse stage: the selected dimension and metric fields of this groups field. */
function readSelection(info: GraphQLResolveInfo): {
  dimensions: GroupDimension[];
  metrics: GroupMetric[];
  compared: boolean;
  goalMetrics: { figure: GoalFigure; goal: string | null }[];
} {
  const top = fieldsOf(
    info.fieldNodes.map((node) => node.selectionSet),
    info,
  );
  const under = (name: string) =>
    fieldsOf(
      top.filter((f) => f.name.value === name).map((f) => f.selectionSet),
      info,
    );
  const dimensions: GroupDimension[] = [];
  for (const field of under('dimensions')) {
    const name = field.name.value;
    const registry = REGISTRY_BY_FIELD.get(name);
    const interval = TIME_BY_FIELD.get(name);
    if (registry) dimensions.push({ kind: 'registry', dimension: registry });
    else if (interval) dimensions.push({ kind: 'time', interval });
    else if (name === 'property') {
      const arg = field.arguments?.find((a) => a.name.value === 'key');
      const key = arg && valueFromAST(arg.value, new GraphQLNonNull(GraphQLString), info.variableValues);
      dimensions.push({ kind: 'property', key: typeof key === 'string' ? key : '' });
    }
  }
  // Figures asked for under comparison and change are computed on both sides.
  const metricFields = [...under('metrics'), ...under('comparison'), ...under('change')];
  const metrics = metricFields
    .map((f) => f.name.value)
    .filter((name): name is GroupMetric => Object.hasOwn(METRICS, name));
  const goalMetrics = metricFields.flatMap((field) => {
    const figure = field.name.value;
    if (figure !== 'conversions' && figure !== 'conversionRate' && figure !== 'revenue') return [];
    const arg = field.arguments?.find((a) => a.name.value === 'goal');
    const goal = arg ? valueFromAST(arg.value, GraphQLID, info.variableValues) : null;
    return [{ figure, goal: goal == null ? null : String(goal) } as const];
  });
  // Distinct: a field selected twice (or a key under two aliases) is one group key.
  return {
    dimensions: [...new Map(dimensions.map((d) => [dimensionId(d), d])).values()],
    metrics: [...new Set(metrics)],
    compared: top.some((f) => f.name.value === 'comparison' || f.name.value === 'change'),
    goalMetrics,
  };
}

/**
 * The plan stage of a groups request over an analytics scope, with the groups field's refusals:
 * owner-only dimensions for public readers, BAD_USER_INPUT for a request or a bucket count that
 * cannot be planned, UNSUPPORTED_GROUPING. `comparison` is the range to pair groups with when
 * `compared` (null within a comparison itself). The CSV of groups (api/schema/export.ts) plans here too.
 */
export function planScopeGroups(
  s: AnalyticsScope,
  ctx: { auth?: unknown },
  request: {
    dimensions: GroupDimension[];
    metrics: GroupMetric[];
    /** AnalyticsGroupsOrder values, e.g. `visitors_DESC`. */
    orderBy: readonly string[];
    limit: number;
    offset: number;
    compared: boolean;
  } & Pick<GroupsRequest, 'goals' | 'goalMetrics'>, // the goal metrics and the goals they count (goalsOf)
): { plan: GroupsPlan; comparison: DateRange | null } {
  const ownerOnlyDimension = request.dimensions.some(
    (d) => d.kind === 'property' || (d.kind === 'registry' && OWNER_ONLY_DIMENSIONS.has(d.dimension)),
  );
  if (!s.owner && ownerOnlyDimension) throw ownerOnly(ctx);
  let at = 'dimensions';
  try {
    const plan = planGroups({
      ...request,
      orderBy: request.orderBy.map((value) => {
        const split = value.lastIndexOf('_');
        return { field: value.slice(0, split), desc: value.slice(split + 1) === 'DESC' };
      }),
    });
    checkFill(plan, s.range);
    const comparison = request.compared ? (s.comparison ?? null) : null;
    at = 'compare';
    if (comparison) checkFill(plan, comparison);
    return { plan, comparison };
  } catch (error) {
    if (error instanceof InvalidGroupsError) throw InputError.at([error.argument], error.message);
    if (error instanceof InvalidRangeError) throw InputError.at([at], error.message);
    throw error;
  }
}

/**
 * The goals of the selected goal metrics: each goal id (or null: any enabled goal) resolved on the
 * scope's website (NOT_FOUND for one that is not an enabled goal of it), at most GROUP_LIMITS.goals
 * (BAD_USER_INPUT at `at`). The CSV of groups (api/schema/export.ts) resolves its goals here too.
 */
export async function goalsOf(
  s: Pick<AnalyticsScope, 'websiteId'>,
  ctx: Pick<Context, 'prisma'>,
  goalMetrics: readonly { figure: GoalFigure; goal: string | null }[],
  at: readonly string[] = ['metrics'],
): Promise<Pick<GroupsRequest, 'goals' | 'goalMetrics'>> {
  const goalIds = [...new Set(goalMetrics.map((m) => m.goal))];
  if (goalIds.length > GROUP_LIMITS.goals) {
    throw InputError.at([...at], `At most ${GROUP_LIMITS.goals} goals (got ${goalIds.length})`);
  }
  const targets = goalIds.length ? await goalTargets(ctx.prisma, s.websiteId, goalIds) : new Map();
  return {
    goals: goalIds.map((id) => targets.get(id)),
    goalMetrics: goalMetrics.map(({ figure, goal }) => ({
      figure,
      goal: goalIds.indexOf(goal),
      key: goalKey(figure, goal),
    })),
  };
}

const bounded = (max: number) => z.number().int().min(0).max(max);

builder.objectField(Analytics, 'groups', (t) =>
  t.field({
    type: [Group],
    description:
      'Figures grouped by the dimensions selected inside `dimensions` (any registry dimension of either scope, time ' +
      'buckets, custom properties by key; at most ' +
      `${GROUP_LIMITS.dimensions}), with the metrics selected inside \`metrics\`, in one ClickHouse query. The analytics ` +
      'filters apply as in every family. With no dimension, one group of totals; with time as the only dimension, ' +
      'every bucket of the range, empty ones included. A metric that has no meaning for a dimension is refused with ' +
      'UNSUPPORTED_GROUPING (extensions name the metric and the dimension).',
    args: {
      orderBy: t.arg({
        type: [OrderRef],
        required: false,
        description:
          'Sort keys, first first. Default: time dimensions ascending, then the first metric descending; ties by ' +
          'every dimension ascending. Metrics not selected are computed for ordering; dimensions must be selected.',
      }),
      limit: t.arg.int({
        defaultValue: 100,
        validate: bounded(GROUP_LIMITS.rows),
        description: `Groups (≤ ${GROUP_LIMITS.rows}).`,
      }),
      offset: t.arg.int({
        defaultValue: 0,
        validate: bounded(GROUP_LIMITS.offset),
        description: `Groups to skip (≤ ${GROUP_LIMITS.offset}).`,
      }),
    },
    resolve: async (s, args, ctx, info) => {
      const { dimensions, metrics, compared, goalMetrics } = readSelection(info);
      const { plan, comparison } = planScopeGroups(s, ctx, {
        dimensions,
        metrics,
        ...(await goalsOf(s, ctx, goalMetrics)),
        orderBy: args.orderBy ?? [],
        limit: args.limit ?? 100,
        offset: args.offset ?? 0,
        compared,
      });
      return ctx.analytics.groups.load({
        websiteId: s.websiteId,
        range: s.range,
        filters: s.filters,
        plan,
        comparison,
      });
    },
  }),
);
