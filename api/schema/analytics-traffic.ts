import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { change, comparisonRange } from '../analytics/compare.ts';
import type { GoalTarget } from '../analytics/conversions.ts';
import { DIMENSIONS } from '../analytics/dimensions.ts';
import type { BreakdownRow } from '../analytics/families/breakdown.ts';
import { BREAKDOWN_SORTS, COSTLY_FIGURES } from '../analytics/families/breakdown.ts';
import type { Summary } from '../analytics/families/summary.ts';
import type { TimeseriesPoint } from '../analytics/families/timeseries.ts';
import { LIMITS as FILTER_LIMITS } from '../analytics/filters.ts';
import { type GoalFigures, goalFigures, goalTargets } from '../analytics/goals.ts';
import type { DateRange } from '../analytics/range.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { InputError } from '../errors.ts';
import {
  Analytics,
  CurrencyAmountRef,
  count,
  GOAL_FIGURE_DOCS,
  OWNER_ONLY_DIMENSIONS,
  ownerOnly,
  PAGE_LIMITS,
} from './analytics.ts';
import { checkedInterval, DimensionRef, enumOf, IntervalRef } from './analytics-inputs.ts';

/** WebsiteAnalytics's traffic: headline figures, timeseries, breakdowns, entry and exit pages, realtime visitors. */

const SortRef = enumOf(
  'BreakdownSort',
  BREAKDOWN_SORTS,
  'Breakdown order (descending).',
  (s) => `By ${s.toLowerCase().replaceAll('_', ' ')}.`,
);

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

builder.objectFields(Analytics, (t) => ({
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
}));
