import { COMPARISONS } from '../analytics/compare.ts';
import type { Condition } from '../analytics/conditions.ts';
import { DIMENSION_NAMES, DIMENSIONS } from '../analytics/dimensions.ts';
import {
  type Behaviour,
  caseSensitiveByDefault,
  checkFilters,
  FILTER_OPS,
  type FilterNode,
  InvalidFilterError,
} from '../analytics/filters.ts';
import { type DateRange, InvalidRangeError, PRESETS, type RangeInput, resolveRange } from '../analytics/range.ts';
import { assertBuckets, INTERVALS } from '../analytics/time.ts';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';

/**
 * The arguments of analytics (Website.analytics, link, monitor and AI usage stats): range,
 * comparison, filter and interval inputs, and their parsing into what the analytics stages read.
 */

/** A GraphQL enum of `values`, each described by `describe`. */
export const enumOf = <T extends string>(
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
export const DimensionRef = enumOf(
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

export const DateRangeInput = builder.inputType('DateRangeInput', {
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

export const CompareInputRef = builder.inputType('AnalyticsCompareInput', {
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

export const FilterInput = builder.inputType('AnalyticsFilterInput', {
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

export type LeafShape = {
  field: string;
  op: string;
  value: string[];
  key?: string | null;
  caseSensitive?: boolean | null;
};

/** A leaf input → a filter AST leaf (case sensitivity made explicit). */
export function leafOf(f: LeafShape): FilterNode {
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

/** A DateRangeInput as GraphQL gives it. */
export type RangeArg = { preset?: string | null; from?: string | null; to?: string | null; timezone?: string | null };
/** A DateRangeInput → what resolveRange reads (GraphQL's nulls as absent). */
export const rangeInputOf = (range: RangeArg): RangeInput => ({
  preset: (range.preset ?? undefined) as RangeInput['preset'],
  from: range.from ?? undefined,
  to: range.to ?? undefined,
  timezone: range.timezone ?? undefined,
});

/** Range input → checked range (BAD_USER_INPUT otherwise). */
export function parseRange(range: RangeArg): DateRange {
  try {
    return resolveRange(rangeInputOf(range));
  } catch (error) {
    if (error instanceof InvalidRangeError) throw InputError.at(['range'], error.message);
    throw error;
  }
}

/** An `interval` argument, checked against the range's bucket limit (BAD_USER_INPUT beyond). */
export const checkedInterval = (range: DateRange, interval: (typeof INTERVALS)[number]) => {
  try {
    assertBuckets(range, interval);
  } catch (error) {
    throw InputError.at(['interval'], (error as Error).message);
  }
  return interval;
};
