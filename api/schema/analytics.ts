import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { z } from 'zod';
import { runQuery } from '../../clickhouse/query.ts';
import { COMPARISONS, type CompareInput, change, comparisonRange } from '../analytics/compare.ts';
import { type Condition, conditionOf } from '../analytics/conditions.ts';
import type { GoalTarget } from '../analytics/conversions.ts';
import { DIMENSION_NAMES, DIMENSIONS } from '../analytics/dimensions.ts';
import {
  type Behaviour,
  caseSensitiveByDefault,
  checkFilters,
  LIMITS as FILTER_LIMITS,
  FILTER_OPS,
  type FilterNode,
  InvalidFilterError,
  leaves,
} from '../analytics/filters.ts';
import {
  type CurrencyAmount,
  type GoalConversion,
  type GoalFigures,
  goalConversions,
  goalFigures,
  goalTargets,
} from '../analytics/goals.ts';
import {
  type AiUsageRow,
  type BreakdownRow,
  type ErrorGroup,
  type ErrorOccurrence,
  type FunnelStepResult,
  INCIDENT_THRESHOLD,
  type Incident,
  type RevenueRow,
  type SessionRow,
  type Summary,
  sessionTimeline,
  type TimeseriesPoint,
  type VitalStats,
} from '../analytics/loader.ts';
import {
  BREAKDOWN_SORTS,
  COSTLY_FIGURES,
  LINK_DIMENSIONS,
  type LinkDimension,
  MAX_BREAKDOWN_ROWS,
  REVENUE_GROUPS,
  VITAL_DIMENSIONS,
} from '../analytics/queries.ts';
import { type DateRange, InvalidRangeError, PRESETS, type RangeInput, resolveRange } from '../analytics/range.ts';
import { assertBuckets, INTERVALS } from '../analytics/time.ts';
import { type Auth, can, ownsWebsite, readsPublicDashboard, visibleSegments } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ForbiddenError, InputError, NotFoundError, UnauthenticatedError } from '../errors.ts';

const PROPERTY_FILTERS = 'Event properties and outgoing-link URLs need a key that reads this website’s analytics.';
/**
 * Dimensions whose values are the owner's: custom properties and full outgoing-link URLs (which can
 * carry tokens). A public reader may neither group by them nor filter on them (one guess at a time).
 */
export const OWNER_ONLY_DIMENSIONS: ReadonlySet<string> = new Set(['PROPERTY', 'OUTGOING_LINK']);
export const ownerOnly = (ctx: { auth?: unknown }) =>
  ctx.auth ? new ForbiddenError(PROPERTY_FILTERS) : new UnauthenticatedError(PROPERTY_FILTERS);

/**
 * Website.analytics: every analytics family of one website over one range with filters. The
 * stages are parse (inputs → range and filter AST, here), plan and SQL (analytics/queries.ts,
 * analytics/plan.ts) and run (analytics/loader.ts, batched across websites per request).
 */

export interface AnalyticsScope {
  websiteId: string;
  range: DateRange;
  filters: FilterNode[];
  /** The caller owns the website: individual sessions are shown to owners only, not on public dashboards. */
  owner?: boolean;
  /** The range figures are compared with (the `compare` argument); null within a comparison itself. */
  comparison?: DateRange | null;
}

const enumOf = <T extends string>(
  name: string,
  values: readonly T[],
  description: string,
  describe: (v: T) => string,
) =>
  builder.enumType(name, {
    description,
    values: Object.fromEntries(values.map((value) => [value, { value, description: describe(value) }])) as Record<
      T,
      { value: T; description: string }
    >,
  });

const PresetRef = enumOf('DateRangePreset', PRESETS, 'A range relative to now, in local days.', (p) =>
  p.toLowerCase().replaceAll('_', ' '),
);
const FilterOpRef = enumOf('AnalyticsFilterOperator', FILTER_OPS, 'How a filter compares.', (op) =>
  op.toLowerCase().replaceAll('_', ' '),
);
export const IntervalRef = enumOf(
  'AnalyticsInterval',
  INTERVALS,
  'Timeseries bucket size, in the range’s timezone.',
  (i) => `One ${i.toLowerCase()}.`,
);
const DimensionRef = enumOf(
  'AnalyticsDimension',
  DIMENSION_NAMES,
  'What filters compare and breakdowns group by. A visit dimension (marked "visit") is fixed at the start of a ' +
    'visit: a filter on it selects whole visits, and every event of those visits counts. An event dimension ' +
    '(marked "event") belongs to each event: a filter on it selects events, and for visit figures (visitors, ' +
    'visits, bounce rate, duration, entry and exit pages, sessions, journeys, goals, funnels, retention) the ' +
    'visits containing a matching event. A family that cannot apply a filter refuses it with UNSUPPORTED_FILTER.',
  (d) => {
    const def = DIMENSIONS[d];
    const use = def.filter && def.group ? '' : def.filter ? ' Filters only.' : ' Groups only.';
    return `${def.description}${use}`;
  },
);
const SortRef = enumOf(
  'BreakdownSort',
  BREAKDOWN_SORTS,
  'Breakdown order (descending).',
  (s) => `By ${s.toLowerCase().replaceAll('_', ' ')}.`,
);
const VitalDimensionRef = enumOf(
  'VitalDimension',
  Object.keys(VITAL_DIMENSIONS) as (keyof typeof VITAL_DIMENSIONS)[],
  'What vitals group by.',
  (d) => (d === 'NONE' ? 'Overall.' : `By ${d.toLowerCase()}.`),
);
const RevenueGroupRef = enumOf(
  'RevenueGroup',
  Object.keys(REVENUE_GROUPS) as (keyof typeof REVENUE_GROUPS)[],
  'What revenue groups by (always per currency).',
  (g) => (g === 'NONE' ? 'Totals.' : `By ${g.toLowerCase()}.`),
);

const DateRangeInput = builder.inputType('DateRangeInput', {
  description: 'A preset, or from/to (YYYY-MM-DD local days, or ISO instants), in a timezone.',
  fields: (t) => ({
    preset: t.field({ type: PresetRef, required: false, description: 'A range relative to now.' }),
    from: t.string({ required: false, description: 'First day (inclusive) or instant.' }),
    to: t.string({ required: false, description: 'Last day (inclusive) or instant (exclusive).' }),
    timezone: t.string({ required: false, defaultValue: 'UTC', description: 'IANA timezone for day boundaries.' }),
  }),
});

const ComparisonRef = enumOf(
  'AnalyticsComparison',
  COMPARISONS,
  'What a range is compared with.',
  (c) =>
    ({
      PREVIOUS_PERIOD:
        'The period of the same length just before: as many local days for a range of whole days (DST changes included), else the same duration.',
      YEAR_OVER_YEAR:
        'The same local dates and times a year before (29 February faces 28 February; a range ending on 1 March ends on 1 March). Raw events are kept one year and the daily rollup two: a year back, only figures the rollup answers (unfiltered daily or coarser page views, visitors and sessions in UTC days) have data.',
      CUSTOM: 'The range given in `range`.',
    })[c],
);

const CompareInputRef = builder.inputType('AnalyticsCompareInput', {
  description: 'What the figures are compared with.',
  fields: (t) => ({
    period: t.field({ type: ComparisonRef, required: true, description: 'The kind of comparison.' }),
    range: t.field({ type: DateRangeInput, required: false, description: 'The range, for CUSTOM only.' }),
    matchDayOfWeek: t.boolean({
      required: false,
      defaultValue: false,
      description:
        'Move the comparison back by whole weeks so each day faces the same weekday (PREVIOUS_PERIOD: the smallest whole number of weeks covering the range; YEAR_OVER_YEAR: 52 weeks).',
    }),
  }),
});

const CASE_SENSITIVE =
  'Compare letter case. Default: false for CONTAINS and NOT_CONTAINS, true for the other operators.';

const FilterInput = builder.inputType('AnalyticsFilterInput', {
  description: 'One filter; all filters must hold.',
  fields: (t) => ({
    field: t.field({ type: DimensionRef, required: true, description: 'What to compare.' }),
    op: t.field({ type: FilterOpRef, required: true, description: 'How to compare.' }),
    value: t.stringList({ required: true, description: 'The value (several for IN / NOT_IN).' }),
    key: t.string({ required: false, description: 'Property key, for field PROPERTY.' }),
    caseSensitive: t.boolean({ required: false, description: CASE_SENSITIVE }),
  }),
});

export interface FilterTreeShape {
  and?: FilterTreeShape[] | null;
  or?: FilterTreeShape[] | null;
  not?: FilterTreeShape | null;
  field?: string | null;
  op?: string | null;
  value?: string[] | null;
  key?: string | null;
  caseSensitive?: boolean | null;
  hasDone?: BehaviourShape | null;
  hasNotDone?: BehaviourShape | null;
}

interface BehaviourShape {
  event?: string | null;
  goalId?: string | number | null;
  per?: 'VISIT' | 'VISITOR' | null;
}

const BehaviourPerRef = builder.enumType('AnalyticsBehaviourScope', {
  description: 'Who must have done it: the visit itself, or its visitor in any of their visits.',
  values: {
    VISIT: { value: 'VISIT', description: 'The visit.' },
    VISITOR: { value: 'VISITOR', description: 'The visit’s visitor, in any visit, within the range.' },
  } as const,
});

const BehaviourInput = builder.inputType('AnalyticsBehaviourInput', {
  description:
    'Something done in the range: a browser event of a name (custom events, screen_view, outgoing_link…), or ' +
    'what one of the website’s goals counts (by id; BAD_USER_INPUT for a goal the website does not have). Give ' +
    'exactly one. Server-side events (POST /v1/track) are not looked at.',
  fields: (t) => ({
    event: t.string({ required: false, description: 'Event name.' }),
    goalId: t.id({ required: false, description: 'Goal of the website.' }),
    per: t.field({ type: BehaviourPerRef, defaultValue: 'VISIT', description: 'The visit or its visitor.' }),
  }),
});

export const FilterTreeInput = builder.inputRef<FilterTreeShape>('AnalyticsFilterTreeInput').implement({
  description:
    'A boolean filter tree: set exactly one of `and`, `or`, `not`, or the leaf fields (`field`, `op`, `value`, ' +
    '`key`, `caseSensitive`); anything else is BAD_USER_INPUT. Limits: 20 leaves in all, nesting depth 5 (a leaf ' +
    'alone is depth 1), values of 1000 characters, regular expressions of 200. ' +
    'Semantics, one rule for every tree: it is evaluated on each event together with the attributes of its visit ' +
    '(visit dimensions) and the event’s own (event dimensions). Event figures (page views, time on page, scroll ' +
    'depth, link clicks, custom events, vitals, errors) count the events for which it holds; visit figures ' +
    '(visitors, visits, bounce rate, duration, entry/exit pages, sessions, journeys, goals, funnels, retention) count ' +
    'the visits that contain such an event in the range. So a tree of visit dimensions only selects whole visits; ' +
    '`{ or: [country IS FR, path IS /pricing] }` counts the page views of French visits plus the /pricing views of ' +
    'the others, and the visits from France or that viewed /pricing; `{ not: path IS /pricing }` counts the views of ' +
    'other pages and the visits with a view of another page (not the visits that never viewed /pricing). Revenue ' +
    'refuses event dimensions anywhere in the tree (UNSUPPORTED_FILTER). ' +
    'Behavioural leaves `hasDone` / `hasNotDone` select the visits whose visit (or visitor) did / did not do an ' +
    'event or reach a goal in the range: they are visit attributes for these rules (a tree of them and visit ' +
    'dimensions selects whole visits).',
  fields: (t) => ({
    and: t.field({ type: [FilterTreeInput], required: false, description: 'All of these hold (at least one).' }),
    or: t.field({ type: [FilterTreeInput], required: false, description: 'One of these holds (at least one).' }),
    not: t.field({ type: FilterTreeInput, required: false, description: 'This does not hold.' }),
    field: t.field({ type: DimensionRef, required: false, description: 'Leaf: what to compare.' }),
    op: t.field({ type: FilterOpRef, required: false, description: 'Leaf: how to compare.' }),
    value: t.stringList({ required: false, description: 'Leaf: the value (several for IN / NOT_IN).' }),
    key: t.string({ required: false, description: 'Leaf: property key, for field PROPERTY.' }),
    caseSensitive: t.boolean({ required: false, description: `Leaf: ${CASE_SENSITIVE.toLowerCase()}` }),
    hasDone: t.field({ type: BehaviourInput, required: false, description: 'Behavioural leaf: did it.' }),
    hasNotDone: t.field({ type: BehaviourInput, required: false, description: 'Behavioural leaf: did not.' }),
  }),
});

/** Goal ids named by hasDone / hasNotDone leaves of a tree input (not yet checked). */
export function goalIdsOf(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  const node = input as FilterTreeShape;
  return [
    ...[node.hasDone?.goalId, node.hasNotDone?.goalId].filter((id) => id != null).map(String),
    ...[...(Array.isArray(node.and) ? node.and : []), ...(Array.isArray(node.or) ? node.or : []), node.not].flatMap(
      goalIdsOf,
    ),
  ];
}

/** Finds a goal's condition by id; undefined when the website has no such goal. */
export type GoalLookup = (id: string) => Condition | undefined;

type LeafShape = { field: string; op: string; value: string[]; key?: string | null; caseSensitive?: boolean | null };

/** A leaf input → a filter AST leaf (case sensitivity made explicit). */
function leafOf(f: LeafShape): FilterNode {
  const op = f.op as (typeof FILTER_OPS)[number];
  return {
    field: f.field,
    op,
    // A single-value operator given none or several is refused by checkFilters, not cut to one.
    value: f.op === 'IN' || f.op === 'NOT_IN' || f.value.length !== 1 ? f.value : f.value[0],
    key: f.key ?? undefined,
    caseSensitive: f.caseSensitive ?? caseSensitiveByDefault(op),
  } as FilterNode;
}

function behaviourOf(b: BehaviourShape, goals: GoalLookup): Behaviour {
  if (typeof b !== 'object' || b === null) throw new InvalidFilterError('hasDone / hasNotDone take an object');
  if ((b.event == null) === (b.goalId == null)) {
    throw new InvalidFilterError('hasDone / hasNotDone name exactly one of event and goalId');
  }
  const per = b.per ?? 'VISIT';
  if (b.event != null) return { per, event: b.event };
  const goal = goals(String(b.goalId));
  if (!goal) throw new InvalidFilterError('No such goal for this website');
  return { per, goal };
}

/** A tree input → a filter AST, checking that each node sets exactly one of and/or/not/hasDone/hasNotDone/leaf. */
function treeOf(input: FilterTreeShape, goals: GoalLookup): FilterNode {
  if (typeof input !== 'object' || input === null) throw new InvalidFilterError('A filter is an object');
  const leafFields = ['field', 'op', 'value', 'key', 'caseSensitive'] as const;
  const set = (['and', 'or', 'not', 'hasDone', 'hasNotDone'] as const).filter((k) => input[k] != null);
  const leaf = leafFields.some((k) => input[k] != null);
  if (set.length + (leaf ? 1 : 0) !== 1) {
    throw new InvalidFilterError(
      'A filter node sets exactly one of and, or, not, hasDone, hasNotDone, or the leaf fields',
    );
  }
  const children = (list: unknown) => {
    if (!Array.isArray(list)) throw new InvalidFilterError('and / or take a list');
    return list.map((child) => treeOf(child, goals));
  };
  if (input.and) return { and: children(input.and) };
  if (input.or) return { or: children(input.or) };
  if (input.not) return { not: treeOf(input.not, goals) };
  if (input.hasDone) return { hasDone: behaviourOf(input.hasDone, goals) };
  if (input.hasNotDone) return { hasNotDone: behaviourOf(input.hasNotDone, goals) };
  if (input.field == null || input.op == null || !Array.isArray(input.value)) {
    throw new InvalidFilterError('A filter leaf needs field, op and value');
  }
  return leafOf(input as LeafShape);
}

/**
 * A tree input (an argument, or a saved segment's JSON) → a checked filter AST; throws
 * InvalidFilterError. `goals` resolves the goals behavioural leaves name.
 */
export function parseFilterTree(input: unknown, goals: GoalLookup): FilterNode {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new InvalidFilterError('A filter is an object');
  }
  const tree = treeOf(input as FilterTreeShape, goals);
  checkFilters([tree]);
  return tree;
}

/** Parse stage: GraphQL inputs → a checked range and filter AST, or BAD_USER_INPUT. */
/** A DateRangeInput as GraphQL gives it. */
type RangeArg = { preset?: string | null; from?: string | null; to?: string | null; timezone?: string | null };
/** A DateRangeInput → what resolveRange reads (GraphQL's nulls as absent). */
const rangeInputOf = (range: RangeArg): RangeInput => ({
  preset: (range.preset ?? undefined) as RangeInput['preset'],
  from: range.from ?? undefined,
  to: range.to ?? undefined,
  timezone: range.timezone ?? undefined,
});

function parseScope(
  websiteId: string,
  range: RangeArg,
  filters: LeafShape[],
  filter?: FilterTreeShape | null,
  goals: GoalLookup = () => undefined,
): AnalyticsScope {
  let at = 'range';
  try {
    const resolved = resolveRange(rangeInputOf(range));
    at = 'filters';
    const list = filters.map(leafOf);
    checkFilters(list); // validates every filter now, before any query runs
    at = 'filter';
    const tree = filter ? [parseFilterTree(filter, goals)] : [];
    return { websiteId, range: resolved, filters: [...list, ...tree] };
  } catch (error) {
    if (error instanceof InvalidRangeError) throw InputError.at(['range'], error.message);
    if (error instanceof InvalidFilterError) throw InputError.at([at], error.message);
    throw error;
  }
}

/** A row count or offset argument: 0 to `max`. */
const count = (max: number) => z.number().int().min(0).max(max);

/**
 * Page sizes of WebsiteAnalytics's lists: the most rows `first` may ask for and `offset` may skip
 * (BAD_USER_INPUT beyond). Read by the arguments below and by the `limits` query.
 */
export const PAGE_LIMITS = {
  breakdown: { first: MAX_BREAKDOWN_ROWS, offset: 100_000 },
  entryPages: { first: MAX_BREAKDOWN_ROWS },
  exitPages: { first: MAX_BREAKDOWN_ROWS },
  errorsByPage: { first: MAX_BREAKDOWN_ROWS },
  errors: { first: MAX_BREAKDOWN_ROWS },
  recentErrors: { first: 100 },
  sessions: { first: MAX_BREAKDOWN_ROWS, offset: 100_000 },
  journeys: { first: MAX_BREAKDOWN_ROWS },
} as const;

const ResolvedRange = builder.objectRef<DateRange>('ResolvedRange').implement({
  description: 'The range analytics covered, as UTC instants.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Start (inclusive).', resolve: (r) => r.from }),
    to: t.field({ type: 'DateTime', description: 'End (exclusive).', resolve: (r) => r.to }),
    timezone: t.exposeString('timezone', { description: 'Timezone of day boundaries.' }),
  }),
});

export const CurrencyAmountRef = builder.objectRef<CurrencyAmount>('CurrencyAmount').implement({
  description: 'An amount in one currency (currencies are never added up: there are no exchange rates offline).',
  fields: (t) => ({
    currency: t.exposeString('currency', { description: 'ISO currency code, upper case.' }),
    amount: t.exposeFloat('amount', { description: 'Amount kept, after refunds, in major units.' }),
  }),
});

/**
 * The definitions of goal figures, shared by the summary, breakdown rows and groups metrics
 * (computed in api/analytics/conversions.ts).
 */
export const GOAL_FIGURE_DOCS = {
  goal:
    'A goal of this website (NOT_FOUND for any other id, including disabled and deleted goals); omitted: any ' +
    'enabled goal of the website.',
  conversions:
    'Converting visitors: visitors with a visit in the group (started in the range, as `visitors` counts them) ' +
    'that has an event in the range completing the goal (see GoalType).',
  conversionRate: 'Converting visitors ÷ visitors of the same visits, 0–1 (null without visitors).',
  revenue:
    'Revenue of the converting visitors: payments (Stripe/Paddle webhooks, a refund replacing its sale) created in ' +
    'the range that name the visitor (its anonymous id), each visitor counted once, per currency.',
} as const;

/** Goal fields of the summary and breakdown rows: `goal` is set by the field that asked for them. */
const goalFigure = <K extends keyof GoalFigures>(figures: GoalFigures | undefined, figure: K): GoalFigures[K] => {
  // The summary and breakdown resolvers compute goal figures whenever one is selected.
  if (!figures) throw new Error('Goal figures were not computed');
  return figures[figure];
};
const GOAL_FIELDS = ['conversions', 'conversionRate', 'revenue', 'conversionRateChange'];

/** The `goal` argument of the summary or a breakdown: what goal figures count when one is selected (a given id is checked even when none is). */
async function goalTargetOf(
  ctx: Context,
  websiteId: string,
  arg: string | number | null | undefined,
  selected: ReadonlySet<string>,
): Promise<GoalTarget | undefined> {
  const goal = arg == null ? null : String(arg);
  const asked = GOAL_FIELDS.some((name) => selected.has(name));
  if (!asked && goal === null) return undefined;
  const target = (await goalTargets(ctx.prisma, websiteId, [goal])).get(goal);
  return asked ? target : undefined;
}

const SummaryRef = builder.objectRef<Summary & { goal?: GoalFigures }>('AnalyticsSummary').implement({
  description:
    'Headline figures (exact counts: distinct visitors and visits are counted by a 64-bit hash of their ids, ' +
    'which miscounts only if two ids collide, odds about 3e-8 at a million ids). Visit figures count the visits (sessions) that started in the range with a ' +
    'page view; page views, scroll depth and link clicks count the events in the range.',
  fields: (t) => ({
    pageviews: t.exposeInt('pageviews', { description: 'Page views.' }),
    visitors: t.exposeInt('visitors', { description: 'Unique visitors.' }),
    sessions: t.exposeInt('sessions', { description: 'Visits with at least one page view.' }),
    bounceRate: t.exposeFloat('bounceRate', { description: 'Share of visits with one page view, 0–1.' }),
    avgSessionSeconds: t.exposeFloat('avgSessionSeconds', {
      description: 'Mean visit duration (first to last event).',
    }),
    pagesPerSession: t.exposeFloat('pagesPerSession', { description: 'Page views per visit.' }),
    avgScrollDepth: t.exposeFloat('avgScrollDepth', {
      nullable: true,
      description: 'Mean scroll depth when leaving a page, 0–100 (null without measurements).',
    }),
    outgoingClicks: t.exposeInt('outgoingClicks', { description: 'Clicks on links to other sites.' }),
    conversions: t.int({
      description: `Of the summary's \`goal\`. ${GOAL_FIGURE_DOCS.conversions}`,
      resolve: (s) => goalFigure(s.goal, 'conversions'),
    }),
    conversionRate: t.float({
      nullable: true,
      description: `Of the summary's \`goal\`. ${GOAL_FIGURE_DOCS.conversionRate}`,
      resolve: (s) => goalFigure(s.goal, 'conversionRate'),
    }),
    revenue: t.field({
      type: [CurrencyAmountRef],
      description: `Of the summary's \`goal\`, largest first. ${GOAL_FIGURE_DOCS.revenue}`,
      resolve: (s) => goalFigure(s.goal, 'revenue'),
    }),
  }),
});

type GoalSummary = Summary & { goal?: GoalFigures };
const SummaryComparison = builder
  .objectRef<{ current: GoalSummary; previous: GoalSummary }>('AnalyticsSummaryComparison')
  .implement({
    description:
      'Figures for the range, for the comparison range (the `compare` argument of analytics: the previous period by default), and the relative change, (now − before) ÷ before.',
    fields: (t) => ({
      current: t.field({ type: SummaryRef, description: 'The range.', resolve: (s) => s.current }),
      previous: t.field({ type: SummaryRef, description: 'The comparison range.', resolve: (s) => s.previous }),
      pageviewsChange: t.float({
        nullable: true,
        description: 'Relative change of page views (null when there were none before).',
        resolve: (s) => change(s.current.pageviews, s.previous.pageviews),
      }),
      visitorsChange: t.float({
        nullable: true,
        description: 'Relative change of visitors.',
        resolve: (s) => change(s.current.visitors, s.previous.visitors),
      }),
      sessionsChange: t.float({
        nullable: true,
        description: 'Relative change of sessions.',
        resolve: (s) => change(s.current.sessions, s.previous.sessions),
      }),
      bounceRateChange: t.float({
        nullable: true,
        description: 'Relative change of the bounce rate.',
        resolve: (s) => change(s.current.bounceRate, s.previous.bounceRate),
      }),
      avgSessionSecondsChange: t.float({
        nullable: true,
        description: 'Relative change of session duration.',
        resolve: (s) => change(s.current.avgSessionSeconds, s.previous.avgSessionSeconds),
      }),
      conversionRateChange: t.float({
        nullable: true,
        description: 'Relative change of the goal’s conversion rate (null when there was none, or 0, before).',
        resolve: (s) =>
          change(goalFigure(s.current.goal, 'conversionRate') ?? 0, goalFigure(s.previous.goal, 'conversionRate')),
      }),
    }),
  });

const Point = builder.objectRef<TimeseriesPoint>('TimeseriesPoint').implement({
  description: 'One bucket; empty buckets are zeros.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
    pageviews: t.exposeInt('pageviews', { description: 'Page views.' }),
    visitors: t.exposeInt('visitors', { description: 'Unique visitors in the bucket.' }),
    sessions: t.exposeInt('sessions', { description: 'Visits active in the bucket.' }),
  }),
});

/** A breakdown row, with the row of the same value in the comparison range when it was asked for. */
type ComparedRow = BreakdownRow & { comparison?: ComparedRow | null; goal?: GoalFigures };

const Breakdown = builder.objectRef<ComparedRow>('BreakdownRow');
Breakdown.implement({
  description:
    'One value of a dimension. For a visit dimension the figures are those of the visits with this value ' +
    '(page views included); for an event dimension those of the events with this value.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'The value (empty when unknown).' }),
    visitors: t.exposeInt('visitors', { description: 'Unique visitors.' }),
    pageviews: t.exposeInt('pageviews', { description: 'Page views.' }),
    visits: t.int({
      description: 'Visits.',
      resolve: (r) => {
        // The breakdown resolver asks for visits whenever this field is selected.
        if (r.visits === null) throw new Error('Breakdown visits were not computed');
        return r.visits;
      },
    }),
    bounceRate: t.exposeFloat('bounceRate', {
      nullable: true,
      description:
        'Share of the visits that viewed one page only. For PATH: of the visits entering on the page (null when ' +
        'none did); null for other event dimensions.',
    }),
    avgTimeOnPage: t.exposeFloat('avgTimeOnPage', {
      nullable: true,
      description: 'Mean visible seconds on page, from engagement events.',
    }),
    avgScrollDepth: t.exposeFloat('avgScrollDepth', {
      nullable: true,
      description: 'Mean scroll depth when leaving a page, 0–100.',
    }),
    outgoingClicks: t.exposeInt('outgoingClicks', { description: 'Clicks on links to other sites.' }),
    conversions: t.int({
      description: `Of the breakdown's \`goal\`, among this value's visits (for PATH: the visits entering on the page, as bounceRate). ${GOAL_FIGURE_DOCS.conversions}`,
      resolve: (r) => goalFigure(r.goal, 'conversions'),
    }),
    conversionRate: t.float({
      nullable: true,
      description: `Of the breakdown's \`goal\` (for PATH: of the visits entering on the page). ${GOAL_FIGURE_DOCS.conversionRate}`,
      resolve: (r) => goalFigure(r.goal, 'conversionRate'),
    }),
    revenue: t.field({
      type: [CurrencyAmountRef],
      description: `Of the breakdown's \`goal\`, largest first. ${GOAL_FIGURE_DOCS.revenue}`,
      resolve: (r) => goalFigure(r.goal, 'revenue'),
    }),
    comparison: t.field({
      type: Breakdown,
      nullable: true,
      description:
        'The same value’s figures in the comparison range (the `compare` argument of analytics), with the same filters; null when the value had none then, within a comparison itself, or for a value longer than a filter value may be.',
      resolve: (r) => r.comparison ?? null,
    }),
    visitorsChange: t.float({
      nullable: true,
      description:
        'Relative change of visitors from the comparison range, (now − before) ÷ before; null without visitors before.',
      resolve: (r) => change(r.visitors, r.comparison?.visitors ?? null),
    }),
    pageviewsChange: t.float({
      nullable: true,
      description: 'Relative change of page views from the comparison range; null without page views before.',
      resolve: (r) => change(r.pageviews, r.comparison?.pageviews ?? null),
    }),
  }),
});

const EntryExit = builder
  .objectRef<{ value: string; sessions: number; visitors: number; bounceRate: number }>('EntryExitPage')
  .implement({
    description: 'A page sessions start or end on.',
    fields: (t) => ({
      value: t.exposeString('value', { description: 'Path.' }),
      sessions: t.exposeInt('sessions', { description: 'Sessions.' }),
      visitors: t.exposeInt('visitors', { description: 'Unique visitors.' }),
      bounceRate: t.exposeFloat('bounceRate', { description: 'Share of those sessions with one page view.' }),
    }),
  });

const Vital = builder.objectRef<VitalStats>('VitalStats').implement({
  description:
    'A web vital’s distribution over page views, each counted once with its latest report (quantiles: exact below 8192 page views, a close estimate above).',
  fields: (t) => ({
    metric: t.exposeString('metric', { description: 'LCP, FCP, CLS, INP, TTFB or FPS.' }),
    value: t.exposeString('value', { description: 'The dimension’s value (empty without one).' }),
    samples: t.exposeInt('samples', { description: 'Page views measured.' }),
    p50: t.exposeFloat('p50', { description: 'Median.' }),
    p75: t.exposeFloat('p75', { description: '75th percentile (what Google rates).' }),
    p90: t.exposeFloat('p90', { description: '90th percentile.' }),
    p95: t.exposeFloat('p95', { description: '95th percentile.' }),
    p99: t.exposeFloat('p99', { description: '99th percentile.' }),
    good: t.exposeFloat('good', {
      nullable: true,
      description: 'Share rated good by Google’s thresholds (null for FPS).',
    }),
    needsImprovement: t.exposeFloat('needsImprovement', {
      nullable: true,
      description: 'Share rated needs improvement.',
    }),
    poor: t.exposeFloat('poor', { nullable: true, description: 'Share rated poor.' }),
  }),
});

const ErrorGroupRef = builder.objectRef<ErrorGroup>('ErrorGroup').implement({
  description: 'Errors with the same type and message.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'Error type, e.g. TypeError.' }),
    message: t.exposeString('message', { description: 'Message.' }),
    occurrences: t.exposeInt('occurrences', { description: 'How often it happened.' }),
    visitors: t.exposeInt('visitors', { description: 'Affected visitors (uniq: ≈1% beyond tens of thousands).' }),
    sessions: t.exposeInt('sessions', { description: 'Affected sessions.' }),
    lastSeen: t.field({ type: 'DateTime', description: 'Latest occurrence.', resolve: (e) => e.lastSeen }),
  }),
});

const Occurrence = builder.objectRef<ErrorOccurrence>('ErrorOccurrence').implement({
  description: 'One error as it happened.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'When.', resolve: (e) => e.time }),
    type: t.exposeString('type', { description: 'Error type.' }),
    message: t.exposeString('message', { description: 'Message.' }),
    path: t.exposeString('path', { description: 'Page path.' }),
    filename: t.exposeString('filename', { nullable: true, description: 'Script URL.' }),
    lineno: t.exposeInt('lineno', { nullable: true, description: 'Line.' }),
    colno: t.exposeInt('colno', { nullable: true, description: 'Column.' }),
    stack: t.exposeString('stack', { nullable: true, description: 'Stack trace (trimmed by the tracker).' }),
    browser: t.exposeString('browser', { description: 'Browser.' }),
    country: t.exposeString('country', { description: 'Country code.' }),
  }),
});

const EventCount = builder
  .objectRef<{ name: string; occurrences: number; visitors: number }>('CustomEventCount')
  .implement({
    description: 'A custom event (tracker or server-side).',
    fields: (t) => ({
      name: t.exposeString('name', { description: 'Event name.' }),
      occurrences: t.exposeInt('occurrences', { description: 'How often it was sent.' }),
      visitors: t.exposeInt('visitors', { description: 'Unique visitors who sent it.' }),
    }),
  });

const PropertyCount = builder
  .objectRef<{ key: string; value: string; occurrences: number }>('PropertyValueCount')
  .implement({
    description: 'How often a property took a value.',
    fields: (t) => ({
      key: t.exposeString('key', { description: 'Property key.' }),
      value: t.exposeString('value', { description: 'Value (as text).' }),
      occurrences: t.exposeInt('occurrences', { description: 'Events with it.' }),
    }),
  });

const SessionRef = builder.objectRef<SessionRow>('AnalyticsSession').implement({
  description: 'One visit.',
  fields: (t) => ({
    id: t.exposeID('sessionId', { description: 'Session id (from the tracker).' }),
    visitor: t.exposeString('visitor', { description: 'Anonymous visitor id.' }),
    started: t.field({ type: 'DateTime', description: 'First event.', resolve: (s) => s.started }),
    ended: t.field({ type: 'DateTime', description: 'Last event.', resolve: (s) => s.ended }),
    durationSeconds: t.exposeFloat('durationSeconds', { description: 'From first to last event.' }),
    pageviews: t.exposeInt('pageviews', { description: 'Page views.' }),
    entryPage: t.exposeString('entryPage', { description: 'First page.' }),
    exitPage: t.exposeString('exitPage', { description: 'Last page.' }),
    referrer: t.exposeString('referrer', { description: 'External referrer.' }),
    country: t.exposeString('country', { description: 'Country code.' }),
    browser: t.exposeString('browser', { description: 'Browser.' }),
    device: t.exposeString('device', { description: 'Device type.' }),
  }),
});

const TimelineEvent = builder
  .objectRef<{ time: Date; name: string; path: string; title: string; properties: string }>('SessionEvent')
  .implement({
    description: 'One event of a session.',
    fields: (t) => ({
      time: t.field({ type: 'DateTime', description: 'When.', resolve: (e) => e.time }),
      name: t.exposeString('name', { description: 'Event name.' }),
      path: t.exposeString('path', { description: 'Page path.' }),
      title: t.exposeString('title', { description: 'Page title.' }),
      properties: t.field({
        type: 'JSON',
        description: 'Custom properties.',
        resolve: (e) => JSON.parse(e.properties || '{}'),
      }),
    }),
  });

const PageTransition = builder.objectRef<{ from: string; to: string; sessions: number }>('PageTransition').implement({
  description: 'Visitors going from one page to the next.',
  fields: (t) => ({
    from: t.exposeString('from', { description: 'From path.' }),
    to: t.exposeString('to', { description: 'To path.' }),
    sessions: t.exposeInt('sessions', { description: 'Times it happened.' }),
  }),
});

const GoalResult = builder.objectRef<GoalConversion>('GoalConversion').implement({
  description: 'A goal’s conversions and revenue over the range and filters.',
  fields: (t) => ({
    goalId: t.exposeID('goalId', { description: 'The goal.' }),
    name: t.exposeString('name', { description: 'Goal name.' }),
    visitors: t.exposeInt('visitors', {
      description: 'Visitors of the visits that started in the range with a page view (the summary’s visitors).',
    }),
    conversions: t.exposeInt('conversions', { description: GOAL_FIGURE_DOCS.conversions }),
    rate: t.exposeFloat('rate', { description: 'conversions ÷ visitors, 0–1 (0 without visitors).' }),
    revenue: t.field({
      type: [CurrencyAmountRef],
      description: `Per currency, largest first. ${GOAL_FIGURE_DOCS.revenue}`,
      resolve: (g) => g.revenue,
    }),
  }),
});

const FunnelStepRef = builder.objectRef<FunnelStepResult & { name: string }>('FunnelStepResult').implement({
  description: 'One step of a funnel (steps must happen in order, within the funnel’s window).',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Step name or target.' }),
    visitors: t.exposeInt('visitors', { description: 'Visitors who reached the step.' }),
    conversion: t.exposeFloat('conversion', { description: 'Share of the first step.' }),
    dropOff: t.exposeFloat('dropOff', { description: 'Share of the previous step lost here.' }),
  }),
});

const Cohort = builder.objectRef<{ cohort: Date; visitors: number[] }>('RetentionCohort').implement({
  description: 'Visitors first seen in one week, and how many came back in later weeks.',
  fields: (t) => ({
    week: t.field({ type: 'DateTime', description: 'Cohort week (Monday, local).', resolve: (c) => c.cohort }),
    visitors: t.intList({
      description: 'Active visitors by weeks since the first visit (index 0 = the cohort).',
      resolve: (c) => c.visitors,
    }),
  }),
});

const Revenue = builder.objectRef<RevenueRow>('RevenueRow').implement({
  description: 'Revenue in one currency (currencies are never added up).',
  fields: (t) => ({
    currency: t.exposeString('currency', { description: 'ISO currency code.' }),
    value: t.exposeString('value', { description: 'Group value (empty for totals).' }),
    revenue: t.exposeFloat('revenue', { description: 'Amount kept, after refunds.' }),
    transactions: t.exposeInt('transactions', { description: 'Sales and subscription payments.' }),
    refunds: t.exposeInt('refunds', { description: 'Refunded transactions.' }),
    refunded: t.exposeFloat('refunded', { description: 'Amount refunded.' }),
  }),
});

const VitalPoint = builder.objectRef<{ time: Date; p75: number | null; samples: number }>('VitalPoint').implement({
  description: 'A vital in one bucket.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
    p75: t.exposeFloat('p75', { nullable: true, description: '75th percentile (null without samples).' }),
    samples: t.exposeInt('samples', { description: 'Page views measured (in the bucket of their latest report).' }),
  }),
});

const ErrorPoint = builder.objectRef<{ time: Date; errors: number }>('ErrorPoint').implement({
  description: 'Errors in one bucket.',
  fields: (t) => ({
    time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
    errors: t.exposeInt('errors', { description: 'Errors.' }),
  }),
});

const ErrorPage = builder.objectRef<{ value: string; errors: number; visitors: number }>('ErrorPage').implement({
  description: 'Errors on one page.',
  fields: (t) => ({
    value: t.exposeString('value', { description: 'Path.' }),
    errors: t.exposeInt('errors', { description: 'Errors.' }),
    visitors: t.exposeInt('visitors', { description: 'Affected visitors (uniq).' }),
  }),
});

export const checkedInterval = (range: DateRange, interval: (typeof INTERVALS)[number]) => {
  try {
    assertBuckets(range, interval);
  } catch (error) {
    throw InputError.at(['interval'], (error as Error).message);
  }
  return interval;
};

/** Names of the fields selected under the resolved field (fragments included), so costly figures are computed only when read. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value);
        // A breakdown row's comparison row computes the same figures; the summary's ranges too.
        if (['comparison', 'current', 'previous'].includes(selection.name.value)) visit(selection.selectionSet);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

export const Analytics = builder.objectRef<AnalyticsScope>('WebsiteAnalytics');
Analytics.implement({
  description: 'Analytics of one website over a range, with filters (every family applies them or refuses them).',
  fields: (t) => ({
    range: t.field({ type: ResolvedRange, description: 'The range covered.', resolve: (s) => s.range }),
    comparison: t.field({
      type: Analytics,
      nullable: true,
      description:
        'Every family over the comparison range (the `compare` argument; the previous period by default) with the same filters, for figures without a paired comparison field (timeseries buckets pair by position). Null within a comparison.',
      resolve: (s) => (s.comparison ? { ...s, range: s.comparison, comparison: null } : null),
    }),
    summary: t.field({
      type: SummaryComparison,
      description: 'Headline figures, compared with the comparison range (the previous period by default).',
      args: { goal: t.arg.id({ required: false, description: `For the goal figures. ${GOAL_FIGURE_DOCS.goal}` }) },
      resolve: async (s, args, ctx, info) => {
        const ranges = [s.range, s.comparison ?? comparisonRange(s.range)];
        const selected = selectedFields(info);
        const target = await goalTargetOf(ctx, s.websiteId, args.goal, selected);
        const [current, previous] = await Promise.all(
          ranges.map(async (range) => {
            const [summary, figures] = await Promise.all([
              ctx.analytics.summary.load({ ...s, range }),
              target && goalFigures(ctx.analytics, { ...s, range }, target, { revenue: selected.has('revenue') }),
            ]);
            return { ...summary, goal: figures?.get('') };
          }),
        );
        return { current: current as GoalSummary, previous: previous as GoalSummary };
      },
    }),
    realtimeVisitors: t.int({
      description: 'Visitors active in the last five minutes (ignores range and filters).',
      resolve: (s, _, ctx) => ctx.analytics.realtime.load({ websiteId: s.websiteId }),
    }),
    timeseries: t.field({
      type: [Point],
      description: 'Page views, visitors and sessions per bucket, empty buckets included.',
      args: { interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }) },
      resolve: (s, { interval }, ctx) =>
        ctx.analytics.timeseries.load({ ...s, interval: checkedInterval(s.range, interval) }),
    }),
    breakdown: t.field({
      type: [Breakdown],
      description: 'Visitors, page views, visits, bounce rate and engagement by a dimension.',
      args: {
        dimension: t.arg({ type: DimensionRef, required: true, description: 'Group by.' }),
        sort: t.arg({ type: SortRef, defaultValue: 'VISITORS', description: 'Order.' }),
        first: t.arg.int({
          defaultValue: 10,
          validate: count(PAGE_LIMITS.breakdown.first),
          description: `Rows (≤ ${PAGE_LIMITS.breakdown.first}).`,
        }),
        offset: t.arg.int({
          defaultValue: 0,
          validate: count(PAGE_LIMITS.breakdown.offset),
          description: `Rows to skip (≤ ${PAGE_LIMITS.breakdown.offset}).`,
        }),
        goal: t.arg.id({
          required: false,
          description: `For the goal figures of each row (conversions, conversionRate, revenue). ${GOAL_FIGURE_DOCS.goal}`,
        }),
      },
      resolve: async (s, args, ctx, info) => {
        if (!DIMENSIONS[args.dimension].group) throw InputError.at(['dimension'], `${args.dimension} does not group`);
        if (!s.owner && OWNER_ONLY_DIMENSIONS.has(args.dimension)) throw ownerOnly(ctx);
        const selected = selectedFields(info);
        const sort = args.sort ?? 'VISITORS';
        const costly = COSTLY_FIGURES.filter((figure) => selected.has(figure));
        // Goal figures per row, from the groups engine for exactly the rows' values.
        const target = await goalTargetOf(ctx, s.websiteId, args.goal, selected);
        const withGoal = async (rows: ComparedRow[], range: DateRange): Promise<ComparedRow[]> => {
          if (!target) return rows;
          const figures = await goalFigures(ctx.analytics, { ...s, range }, target, {
            revenue: selected.has('revenue'),
            by: { dimension: { kind: 'registry', dimension: args.dimension }, values: rows.map((r) => r.value) },
          });
          return rows.map((row) => ({ ...row, goal: figures.get(row.value) }));
        };
        const rows = await withGoal(
          await ctx.analytics.breakdown.load({
            ...s,
            dimension: args.dimension,
            page: { sort, limit: args.first ?? 10, offset: args.offset ?? 0 },
            costly,
          }),
          s.range,
        );
        const compared = ['comparison', 'visitorsChange', 'pageviewsChange'].some((name) => selected.has(name));
        if (!compared || !s.comparison || rows.length === 0) return rows;
        // The comparison rows of exactly these values: the same breakdown over the comparison
        // range, filtered to them (IN takes a bounded number of values, so in chunks).
        const values = rows.map((row) => row.value).filter((value) => value.length <= FILTER_LIMITS.valueLength);
        const chunks = Array.from({ length: Math.ceil(values.length / FILTER_LIMITS.values) }, (_, i) =>
          values.slice(i * FILTER_LIMITS.values, (i + 1) * FILTER_LIMITS.values),
        );
        const before = (
          await Promise.all(
            chunks.map((chunk) =>
              ctx.analytics.breakdown.load({
                ...s,
                range: s.comparison as DateRange,
                filters: [...s.filters, { field: args.dimension, op: 'IN', value: chunk }],
                dimension: args.dimension,
                page: { sort, limit: chunk.length, offset: 0 },
                costly,
              }),
            ),
          )
        ).flat();
        const byValue = new Map((await withGoal(before, s.comparison)).map((row) => [row.value, row]));
        return rows.map((row) => ({ ...row, comparison: byValue.get(row.value) ?? null }));
      },
    }),
    entryPages: t.field({
      type: [EntryExit],
      description: 'Pages sessions start on.',
      args: {
        first: t.arg.int({
          defaultValue: 10,
          validate: count(PAGE_LIMITS.entryPages.first),
          description: `Rows (≤ ${PAGE_LIMITS.entryPages.first}).`,
        }),
      },
      resolve: (s, { first }, ctx) => ctx.analytics.entryExit.load({ ...s, which: 'ENTRY', limit: first ?? 10 }),
    }),
    exitPages: t.field({
      type: [EntryExit],
      description: 'Pages sessions end on.',
      args: {
        first: t.arg.int({
          defaultValue: 10,
          validate: count(PAGE_LIMITS.exitPages.first),
          description: `Rows (≤ ${PAGE_LIMITS.exitPages.first}).`,
        }),
      },
      resolve: (s, { first }, ctx) => ctx.analytics.entryExit.load({ ...s, which: 'EXIT', limit: first ?? 10 }),
    }),
    vitals: t.field({
      type: [Vital],
      description: 'Web vitals percentiles and ratings of the page views the filters select.',
      args: {
        dimension: t.arg({ type: VitalDimensionRef, defaultValue: 'NONE', description: 'Group by.' }),
        path: t.arg.string({ required: false, description: 'Only this page.' }),
      },
      resolve: (s, { dimension, path }, ctx) =>
        ctx.analytics.vitals.load({ ...s, dimension: dimension ?? 'NONE', path: path ?? undefined }),
    }),
    vitalsTimeseries: t.field({
      type: [VitalPoint],
      description: 'A vital’s p75 per bucket.',
      args: {
        metric: t.arg.string({ required: true, description: 'LCP, FCP, CLS, INP, TTFB or FPS.' }),
        interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }),
      },
      resolve: (s, { metric, interval }, ctx) =>
        ctx.analytics.vitalsTimeseries.load({ ...s, metric, interval: checkedInterval(s.range, interval) }),
    }),
    errorTrend: t.field({
      type: [ErrorPoint],
      description: 'Errors per bucket (from the hourly rollup when the range is hour-aligned and unfiltered).',
      args: { interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }) },
      resolve: (s, { interval }, ctx) =>
        ctx.analytics.errorTrend.load({ ...s, interval: checkedInterval(s.range, interval) }),
    }),
    errorsByPage: t.field({
      type: [ErrorPage],
      description: 'Pages with the most errors.',
      args: {
        first: t.arg.int({
          defaultValue: 10,
          validate: count(PAGE_LIMITS.errorsByPage.first),
          description: `Pages (≤ ${PAGE_LIMITS.errorsByPage.first}).`,
        }),
      },
      resolve: (s, { first }, ctx) => ctx.analytics.errorsByPage.load({ ...s, limit: first ?? 10 }),
    }),
    errors: t.field({
      type: [ErrorGroupRef],
      description: 'Errors grouped by type and message, most frequent first.',
      args: {
        search: t.arg.string({ required: false, description: 'Message substring (case-insensitive).' }),
        first: t.arg.int({
          defaultValue: 20,
          validate: count(PAGE_LIMITS.errors.first),
          description: `Groups (≤ ${PAGE_LIMITS.errors.first}).`,
        }),
      },
      resolve: (s, { search, first }, ctx) =>
        ctx.analytics.errorGroups.load({
          ...s,
          search: search ?? undefined,
          limit: first ?? 20,
        }),
    }),
    recentErrors: t.field({
      type: [Occurrence],
      authScopes: (scope) => scope.owner === true,
      description: 'The latest errors with their stacks (owners only: not on public dashboards).',
      args: {
        search: t.arg.string({ required: false, description: 'Message substring (case-insensitive).' }),
        first: t.arg.int({
          defaultValue: 20,
          validate: count(PAGE_LIMITS.recentErrors.first),
          description: `Errors (≤ ${PAGE_LIMITS.recentErrors.first}).`,
        }),
      },
      resolve: (s, { search, first }, ctx) =>
        ctx.analytics.recentErrors.load({
          ...s,
          search: search ?? undefined,
          limit: first ?? 20,
        }),
    }),
    customEvents: t.field({
      type: [EventCount],
      description: 'Custom events by name.',
      resolve: (s, _, ctx) => ctx.analytics.customEvents.load(s),
    }),
    eventProperties: t.field({
      type: [PropertyCount],
      authScopes: (scope) => scope.owner === true,
      description: 'Property values of one custom event (owners only: not on public dashboards).',
      args: { name: t.arg.string({ required: true, description: 'Event name.' }) },
      resolve: (s, { name }, ctx) => ctx.analytics.eventProperties.load({ ...s, eventName: name }),
    }),
    sessions: t.field({
      type: [SessionRef],
      authScopes: (scope) => scope.owner === true,
      description: 'Sessions, newest first (owners only: not on public dashboards).',
      args: {
        first: t.arg.int({
          defaultValue: 20,
          validate: count(PAGE_LIMITS.sessions.first),
          description: `Sessions (≤ ${PAGE_LIMITS.sessions.first}).`,
        }),
        offset: t.arg.int({
          defaultValue: 0,
          validate: count(PAGE_LIMITS.sessions.offset),
          description: `Sessions to skip (≤ ${PAGE_LIMITS.sessions.offset}).`,
        }),
      },
      resolve: (s, { first, offset }, ctx) =>
        ctx.analytics.sessions.load({
          ...s,
          limit: first ?? 20,
          offset: offset ?? 0,
        }),
    }),
    sessionTimeline: t.field({
      type: [TimelineEvent],
      authScopes: (scope) => scope.owner === true,
      description: 'Every event of one session, in order (owners only).',
      args: { sessionId: t.arg.id({ required: true, description: 'Session id.' }) },
      resolve: (s, { sessionId }, ctx) =>
        sessionTimeline((o) => runQuery(ctx.clickhouse, o), s.websiteId, String(sessionId)),
    }),
    journeys: t.field({
      type: [PageTransition],
      description: 'The most common moves from one page to the next.',
      args: {
        first: t.arg.int({
          defaultValue: 20,
          validate: count(PAGE_LIMITS.journeys.first),
          description: `Transitions (≤ ${PAGE_LIMITS.journeys.first}).`,
        }),
      },
      resolve: (s, { first }, ctx) => ctx.analytics.transitions.load({ ...s, limit: first ?? 20 }),
    }),
    goals: t.field({
      type: [GoalResult],
      description: 'Conversions of the website’s enabled goals.',
      resolve: (s, _, ctx) => goalConversions(ctx, s),
    }),
    funnel: t.field({
      type: [FunnelStepRef],
      description: 'A funnel’s steps (computed with ClickHouse’s windowFunnel).',
      args: { funnelId: t.arg.id({ required: true, description: 'Funnel of this website.' }) },
      resolve: async (s, { funnelId }, ctx) => {
        const funnel = await ctx.prisma.funnel.findFirst({
          where: { id: String(funnelId), websiteId: s.websiteId, deletedAt: null },
          include: { steps: { orderBy: { position: 'asc' } } },
        });
        if (!funnel) throw InputError.at(['funnelId'], 'No such funnel for this website');
        const steps = await ctx.analytics.funnel.load({
          ...s,
          steps: funnel.steps.map((step) => ({ type: step.type, target: step.target })),
          windowSeconds: funnel.windowSeconds,
        });
        return steps.map((step, i) => ({ ...step, name: funnel.steps[i]?.name ?? funnel.steps[i]?.target ?? '' }));
      },
    }),
    retention: t.field({
      type: [Cohort],
      description: 'Weekly cohorts by first visit in the range.',
      resolve: (s, _, ctx) => ctx.analytics.retention.load(s),
    }),
    revenue: t.field({
      type: [Revenue],
      description: 'Revenue per currency, optionally grouped.',
      args: { groupBy: t.arg({ type: RevenueGroupRef, defaultValue: 'NONE', description: 'Group by.' }) },
      resolve: (s, { groupBy }, ctx) => ctx.analytics.revenue.load({ ...s, group: groupBy ?? 'NONE' }),
    }),
  }),
});

builder.prismaObjectFields('Website', (t) => ({
  analytics: t.field({
    type: Analytics,
    description:
      'Analytics over a range with filters. Needs read:analytics unless the website is public or shared with the caller (then as a public dashboard shows it).',
    complexity: 5,
    // Anyone for a public website, a share link for its website; with read:analytics for the owner.
    authScopes: (website, _args, ctx) => readsWebsiteAnalytics(ctx.auth, website),
    args: {
      range: t.arg({ type: DateRangeInput, required: true, description: 'The period.' }),
      filters: t.arg({
        type: [FilterInput],
        defaultValue: [],
        description: 'Conditions that must all hold (see AnalyticsDimension for visit and event scopes).',
      }),
      filter: t.arg({
        type: FilterTreeInput,
        required: false,
        description: 'A boolean filter tree (see AnalyticsFilterTreeInput); ANDed with `filters` when both are given.',
      }),
      segment: t.arg.id({
        required: false,
        description:
          'A saved segment (of this website or organization-wide) whose filter tree is ANDed with `filter` and ' +
          '`filters`. Owners only; NOT_FOUND for a segment the caller cannot see.',
      }),
      compare: t.arg({
        type: CompareInputRef,
        required: false,
        description:
          'What figures are compared with (summary, breakdown rows, group comparisons, `comparison`); the previous period by default.',
      }),
    },
    resolve: (website, args, ctx) => openAnalytics(ctx, website, args),
  }),
}));

/** The arguments of Website.analytics as GraphQL takes them. */
export interface AnalyticsArgs {
  range: Parameters<typeof parseScope>[1];
  filters?: Parameters<typeof parseScope>[2] | null;
  filter?: Parameters<typeof parseScope>[3];
  segment?: string | number | null;
  compare?: Parameters<typeof parseComparison>[1];
}

/**
 * The scope of Website.analytics for a caller already allowed to read it (its authScopes, or
 * `readsWebsiteAnalytics`): the segment loaded, goals of behavioural leaves looked up, owner-only
 * filters refused to public readers, range, filters and comparison parsed. GET /export
 * (api/export/route.ts) opens its scope here too.
 */
export async function openAnalytics(
  { auth, prisma }: Pick<Context, 'auth' | 'prisma'>,
  website: { id: string; organizationId: string },
  { range, filters, filter, segment, compare }: AnalyticsArgs,
): Promise<AnalyticsScope> {
  const owner = ownsWebsite(auth, website, 'readAnalytics');
  let saved: { filter: unknown } | null = null;
  if (segment != null) {
    saved =
      owner && auth
        ? await prisma.segment.findFirst({
            where: {
              AND: [
                { id: String(segment) },
                visibleSegments(auth),
                { OR: [{ websiteId: null }, { websiteId: website.id }] },
              ],
            },
          })
        : null;
    if (!saved) throw new NotFoundError('Segment');
  }
  // Goals named by behavioural leaves: this website's enabled ones.
  const goalIds = [...new Set([...goalIdsOf(filter), ...goalIdsOf(saved?.filter)])];
  const goals = goalIds.length
    ? await prisma.goal.findMany({
        where: { id: { in: goalIds }, websiteId: website.id, enabled: true, deletedAt: null },
      })
    : [];
  const lookup: GoalLookup = (id) => {
    const goal = goals.find((g) => g.id === id);
    return goal && conditionOf(goal);
  };
  const scope = parseScope(website.id, range, filters ?? [], filter, lookup);
  try {
    // A saved tree (stored as its AnalyticsFilterTreeInput) is parsed like an argument; the limits
    // hold for filters, filter and segment together (compiling checks the same).
    if (saved) scope.filters.push(parseFilterTree(saved.filter, lookup));
    checkFilters(scope.filters);
  } catch (error) {
    if (error instanceof InvalidFilterError)
      throw InputError.at([segment == null ? 'filter' : 'segment'], error.message);
    throw error;
  }
  if (!owner && leaves(scope.filters).some((f) => OWNER_ONLY_DIMENSIONS.has(f.field))) throw ownerOnly({ auth });
  return { ...scope, owner, comparison: parseComparison(scope.range, compare) };
}

/** Whether a caller may read a website's analytics: as its owner, or as its public dashboard. */
export const readsWebsiteAnalytics = (
  auth: Auth | null,
  website: { id: string; organizationId: string; isPublic: boolean },
) => readsPublicDashboard(auth, website) || ownsWebsite(auth, website, 'readAnalytics');

/** Compare input → the comparison range (BAD_USER_INPUT otherwise). */
function parseComparison(
  range: DateRange,
  compare:
    | { period: CompareInput['period']; range?: RangeArg | null; matchDayOfWeek?: boolean | null }
    | null
    | undefined,
): DateRange {
  try {
    if (!compare) return comparisonRange(range);
    const custom = compare.range;
    return comparisonRange(range, {
      period: compare.period,
      matchDayOfWeek: compare.matchDayOfWeek ?? false,
      range: custom ? rangeInputOf({ ...custom, timezone: custom.timezone ?? range.timezone }) : undefined,
    });
  } catch (error) {
    if (error instanceof InvalidRangeError) throw InputError.at(['compare'], error.message);
    throw error;
  }
}

/** Range input → checked range (BAD_USER_INPUT otherwise), for the stats of links and monitors. */
function parseRange(range: RangeArg) {
  return parseScope('', range, []).range;
}

/** Link and monitor stats need read:analytics (their objects are reachable by their organization only). */
const readsAnalytics = (_parent: unknown, _args: unknown, ctx: Context) => can(ctx.auth, 'readAnalytics');

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

const IncidentRef = builder.objectRef<Incident>('UptimeIncident').implement({
  description: `At least ${INCIDENT_THRESHOLD} consecutive failed checks; a successful check ends it.`,
  fields: (t) => ({
    started: t.field({ type: 'DateTime', description: 'First failed check.', resolve: (i) => i.started }),
    ended: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'First successful check after it; null while ongoing.',
      resolve: (i) => i.ended,
    }),
    failures: t.exposeInt('failures', { description: 'Failed checks in it.' }),
    lastError: t.exposeString('lastError', { description: 'Error of the last failed check.' }),
  }),
});

const UptimeStatsRef = builder.objectRef<{ monitorId: string; range: DateRange }>('UptimeStats').implement({
  description: 'Availability, latency and incidents of a monitor over a range.',
  fields: (t) => {
    const stats = (s: { monitorId: string; range: DateRange }, ctx: Context) =>
      ctx.analytics.uptime.load({ ownerId: s.monitorId, range: s.range });
    return {
      checks: t.int({ description: 'Checks made.', resolve: async (s, _, ctx) => (await stats(s, ctx)).checks }),
      availability: t.float({
        nullable: true,
        description: 'Share of checks up or degraded, 0–1 (null without checks).',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).availability,
      }),
      degradedChecks: t.int({
        description: 'Checks that answered but slowly (over half the timeout).',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).degraded,
      }),
      latencyP50Ms: t.float({
        nullable: true,
        description: 'Median total time.',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).latencyP50Ms,
      }),
      latencyP95Ms: t.float({
        nullable: true,
        description: '95th percentile total time.',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).latencyP95Ms,
      }),
      latencyP99Ms: t.float({
        nullable: true,
        description: '99th percentile total time.',
        resolve: async (s, _, ctx) => (await stats(s, ctx)).latencyP99Ms,
      }),
      incidents: t.field({
        type: [IncidentRef],
        description: 'Incidents, newest first.',
        resolve: (s, _, ctx) => ctx.analytics.incidents.load({ ownerId: s.monitorId, range: s.range }),
      }),
    };
  },
});

builder.prismaObjectFields('UptimeMonitor', (t) => ({
  stats: t.field({
    type: UptimeStatsRef,
    description: 'Uptime analytics over a range. Needs read:analytics.',
    authScopes: readsAnalytics,
    args: { range: t.arg({ type: DateRangeInput, required: true, description: 'The period.' }) },
    resolve: (monitor, { range }) => ({ monitorId: monitor.id, range: parseRange(range) }),
  }),
}));

const AiUsage = builder.objectRef<AiUsageRow>('AiUsage').implement({
  description: 'LLM calls of one provider and model.',
  fields: (t) => ({
    provider: t.exposeString('provider', { description: 'Provider, e.g. openai.' }),
    model: t.exposeString('model', { description: 'Model.' }),
    calls: t.exposeInt('calls', { description: 'Calls.' }),
    errors: t.exposeInt('errors', { description: 'Failed calls (an error or HTTP status ≥ 400).' }),
    inputTokens: t.exposeFloat('inputTokens', { description: 'Input tokens.' }),
    outputTokens: t.exposeFloat('outputTokens', { description: 'Output tokens.' }),
    totalTokens: t.exposeFloat('totalTokens', { description: 'All tokens.' }),
    costUsd: t.exposeFloat('costUsd', { description: 'Cost in US dollars, as reported.' }),
    latencyP50Ms: t.exposeFloat('latencyP50Ms', { description: 'Median duration.' }),
    latencyP95Ms: t.exposeFloat('latencyP95Ms', { description: '95th percentile duration.' }),
    latencyP99Ms: t.exposeFloat('latencyP99Ms', { description: '99th percentile duration.' }),
  }),
});

const AiPoint = builder
  .objectRef<{ time: Date; calls: number; tokens: number; costUsd: number }>('AiUsagePoint')
  .implement({
    description: 'LLM usage in one bucket.',
    fields: (t) => ({
      time: t.field({ type: 'DateTime', description: 'Bucket start.', resolve: (p) => p.time }),
      calls: t.exposeInt('calls', { description: 'Calls.' }),
      tokens: t.exposeFloat('tokens', { description: 'Tokens.' }),
      costUsd: t.exposeFloat('costUsd', { description: 'Cost in US dollars.' }),
    }),
  });

const AiUsageReport = builder.objectRef<{ organizationId: string; range: DateRange }>('AiUsageReport').implement({
  description: 'LLM usage of the organization (POST /v1/llm) over a range.',
  fields: (t) => ({
    byModel: t.field({
      type: [AiUsage],
      description: 'Totals by provider and model, busiest first.',
      resolve: (r, _, ctx) => ctx.analytics.aiUsage.load({ ownerId: r.organizationId, range: r.range }),
    }),
    timeseries: t.field({
      type: [AiPoint],
      description: 'Calls, tokens and cost per bucket.',
      args: { interval: t.arg({ type: IntervalRef, required: true, description: 'Bucket size.' }) },
      resolve: (r, { interval }, ctx) =>
        ctx.analytics.aiTimeseries.load({
          ownerId: r.organizationId,
          range: r.range,
          interval: checkedInterval(r.range, interval),
        }),
    }),
  }),
});

builder.prismaObjectFields('Organization', (t) => ({
  aiUsage: t.field({
    type: AiUsageReport,
    description: 'LLM usage over a range. Needs read:analytics and a key not restricted to one website.',
    authScopes: (_org, _args, ctx) => can(ctx.auth, 'readAnalytics') && !ctx.auth?.websiteId,
    args: { range: t.arg({ type: DateRangeInput, required: true, description: 'The period.' }) },
    resolve: (org, { range }) => ({ organizationId: org.id, range: parseRange(range) }),
  }),
}));
