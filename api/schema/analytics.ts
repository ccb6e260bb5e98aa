import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';
import { z } from 'zod';
import { runQuery } from '../../clickhouse/query.ts';
import { DIMENSION_NAMES, DIMENSIONS } from '../analytics/dimensions.ts';
import { checkFilters, FILTER_OPS, type Filter, InvalidFilterError } from '../analytics/filters.ts';
import { type GoalConversion, goalConversions } from '../analytics/goals.ts';
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
  REVENUE_GROUPS,
  VITAL_DIMENSIONS,
} from '../analytics/queries.ts';
import { type DateRange, InvalidRangeError, PRESETS, previousPeriod, resolveRange } from '../analytics/range.ts';
import { assertBuckets, INTERVALS } from '../analytics/time.ts';
import { type Auth, can, ownsWebsite, readsPublicDashboard } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ForbiddenError, InputError, UnauthenticatedError } from '../errors.ts';

const PROPERTY_FILTERS = 'Event properties and outgoing-link URLs need a key that reads this website’s analytics.';
/**
 * Dimensions whose values are the owner's: custom properties and full outgoing-link URLs (which can
 * carry tokens). A public reader may neither group by them nor filter on them (one guess at a time).
 */
const OWNER_ONLY_DIMENSIONS: ReadonlySet<string> = new Set(['PROPERTY', 'OUTGOING_LINK']);
const ownerOnly = (ctx: { auth?: unknown }) =>
  ctx.auth ? new ForbiddenError(PROPERTY_FILTERS) : new UnauthenticatedError(PROPERTY_FILTERS);

/**
 * Website.analytics: every analytics family of one website over one range with filters. The
 * stages are parse (inputs → range and filter AST, here), plan and SQL (analytics/queries.ts,
 * analytics/plan.ts) and run (analytics/loader.ts, batched across websites per request).
 */

export interface AnalyticsScope {
  websiteId: string;
  range: DateRange;
  filters: Filter[];
  /** The caller owns the website: individual sessions are shown to owners only, not on public dashboards. */
  owner?: boolean;
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

const FilterInput = builder.inputType('AnalyticsFilterInput', {
  description: 'One filter; all filters must hold.',
  fields: (t) => ({
    field: t.field({ type: DimensionRef, required: true, description: 'What to compare.' }),
    op: t.field({ type: FilterOpRef, required: true, description: 'How to compare.' }),
    value: t.stringList({ required: true, description: 'The value (several for IN / NOT_IN).' }),
    key: t.string({ required: false, description: 'Property key, for field PROPERTY.' }),
  }),
});

/** Parse stage: GraphQL inputs → a checked range and filter AST, or BAD_USER_INPUT. */
function parseScope(
  websiteId: string,
  range: { preset?: string | null; from?: string | null; to?: string | null; timezone?: string | null },
  filters: { field: string; op: string; value: string[]; key?: string | null }[],
): AnalyticsScope {
  try {
    const resolved = resolveRange({
      preset: (range.preset ?? undefined) as (typeof PRESETS)[number] | undefined,
      from: range.from ?? undefined,
      to: range.to ?? undefined,
      timezone: range.timezone ?? undefined,
    });
    const ast = filters.map((f) => ({
      field: f.field,
      op: f.op,
      // A single-value operator given none or several is refused by checkFilters, not cut to one.
      value: f.op === 'IN' || f.op === 'NOT_IN' || f.value.length !== 1 ? f.value : f.value[0],
      key: f.key ?? undefined,
    })) as Filter[];
    checkFilters(ast); // validates every filter now, before any query runs
    return { websiteId, range: resolved, filters: ast };
  } catch (error) {
    if (error instanceof InvalidRangeError) throw InputError.at(['range'], error.message);
    if (error instanceof InvalidFilterError) throw InputError.at(['filters'], error.message);
    throw error;
  }
}

/** A row count or offset argument: 0 to `max`. */
const count = (max: number) => z.number().int().min(0).max(max);

const ResolvedRange = builder.objectRef<DateRange>('ResolvedRange').implement({
  description: 'The range analytics covered, as UTC instants.',
  fields: (t) => ({
    from: t.field({ type: 'DateTime', description: 'Start (inclusive).', resolve: (r) => r.from }),
    to: t.field({ type: 'DateTime', description: 'End (exclusive).', resolve: (r) => r.to }),
    timezone: t.exposeString('timezone', { description: 'Timezone of day boundaries.' }),
  }),
});

const SummaryRef = builder.objectRef<Summary>('AnalyticsSummary').implement({
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
  }),
});

const change = (now: number, before: number) => (before === 0 ? null : (now - before) / before);

const SummaryComparison = builder
  .objectRef<{ current: Summary; previous: Summary }>('AnalyticsSummaryComparison')
  .implement({
    description: 'Figures for the range, the period of the same length before it, and the relative change.',
    fields: (t) => ({
      current: t.field({ type: SummaryRef, description: 'The range.', resolve: (s) => s.current }),
      previous: t.field({ type: SummaryRef, description: 'The period before.', resolve: (s) => s.previous }),
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

const Breakdown = builder.objectRef<BreakdownRow>('BreakdownRow').implement({
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
  description: 'A goal’s conversions.',
  fields: (t) => ({
    goalId: t.exposeID('goalId', { description: 'The goal.' }),
    name: t.exposeString('name', { description: 'Goal name.' }),
    visitors: t.exposeInt('visitors', { description: 'Visitors in the range.' }),
    conversions: t.exposeInt('conversions', { description: 'Visitors who reached the goal.' }),
    rate: t.exposeFloat('rate', { description: 'conversions / visitors.' }),
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
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return names;
}

export const Analytics = builder.objectRef<AnalyticsScope>('WebsiteAnalytics').implement({
  description: 'Analytics of one website over a range, with filters (every family applies them or refuses them).',
  fields: (t) => ({
    range: t.field({ type: ResolvedRange, description: 'The range covered.', resolve: (s) => s.range }),
    summary: t.field({
      type: SummaryComparison,
      description: 'Headline figures, compared with the previous period of the same length.',
      resolve: async (s, _, ctx) => {
        const [current, previous] = await Promise.all([
          ctx.analytics.summary.load(s),
          ctx.analytics.summary.load({ ...s, range: previousPeriod(s.range) }),
        ]);
        return { current, previous };
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
        first: t.arg.int({ defaultValue: 10, validate: count(1000), description: 'Rows (≤ 1000).' }),
        offset: t.arg.int({ defaultValue: 0, validate: count(100_000), description: 'Rows to skip.' }),
      },
      resolve: (s, args, ctx, info) => {
        if (!DIMENSIONS[args.dimension].group) throw InputError.at(['dimension'], `${args.dimension} does not group`);
        if (!s.owner && OWNER_ONLY_DIMENSIONS.has(args.dimension)) throw ownerOnly(ctx);
        return ctx.analytics.breakdown.load({
          ...s,
          dimension: args.dimension,
          page: {
            sort: args.sort ?? 'VISITORS',
            limit: args.first ?? 10,
            offset: args.offset ?? 0,
          },
          costly: COSTLY_FIGURES.filter((figure) => selectedFields(info).has(figure)),
        });
      },
    }),
    entryPages: t.field({
      type: [EntryExit],
      description: 'Pages sessions start on.',
      args: { first: t.arg.int({ defaultValue: 10, validate: count(1000), description: 'Rows (≤ 1000).' }) },
      resolve: (s, { first }, ctx) => ctx.analytics.entryExit.load({ ...s, which: 'ENTRY', limit: first ?? 10 }),
    }),
    exitPages: t.field({
      type: [EntryExit],
      description: 'Pages sessions end on.',
      args: { first: t.arg.int({ defaultValue: 10, validate: count(1000), description: 'Rows (≤ 1000).' }) },
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
      args: { first: t.arg.int({ defaultValue: 10, validate: count(1000), description: 'Pages (≤ 1000).' }) },
      resolve: (s, { first }, ctx) => ctx.analytics.errorsByPage.load({ ...s, limit: first ?? 10 }),
    }),
    errors: t.field({
      type: [ErrorGroupRef],
      description: 'Errors grouped by type and message, most frequent first.',
      args: {
        search: t.arg.string({ required: false, description: 'Message substring (case-insensitive).' }),
        first: t.arg.int({ defaultValue: 20, validate: count(1000), description: 'Groups (≤ 1000).' }),
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
        first: t.arg.int({ defaultValue: 20, validate: count(100), description: 'Errors (≤ 100).' }),
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
        first: t.arg.int({ defaultValue: 20, validate: count(1000), description: 'Sessions (≤ 1000).' }),
        offset: t.arg.int({ defaultValue: 0, validate: count(100_000), description: 'Sessions to skip.' }),
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
      args: { first: t.arg.int({ defaultValue: 20, validate: count(1000), description: 'Transitions (≤ 1000).' }) },
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
    },
    resolve: (website, { range, filters }, ctx) => openAnalytics(ctx.auth, website, range, filters ?? []),
  }),
}));

/** The range and filters as GraphQL takes them (AnalyticsFilterInput, DateRangeInput). */
export type RangeInput = Parameters<typeof parseScope>[1];
export type FiltersInput = Parameters<typeof parseScope>[2];

/**
 * The scope of Website.analytics for a caller already allowed to read it (its authScopes, or
 * `readsAnalytics` below): owner-only filters refused to public readers, range and filters
 * parsed. GET /export (api/export/route.ts) opens its scope here too.
 */
export function openAnalytics(
  auth: Auth | null,
  website: { id: string; organizationId: string },
  range: RangeInput,
  filters: FiltersInput,
): AnalyticsScope {
  const owner = ownsWebsite(auth, website, 'readAnalytics');
  if (!owner && filters.some((filter) => OWNER_ONLY_DIMENSIONS.has(filter.field))) throw ownerOnly({ auth });
  return { ...parseScope(website.id, range, filters), owner };
}

/** Whether a caller may read a website's analytics: as its owner, or as its public dashboard. */
export const readsWebsiteAnalytics = (
  auth: Auth | null,
  website: { id: string; organizationId: string; isPublic: boolean },
) => readsPublicDashboard(auth, website) || ownsWebsite(auth, website, 'readAnalytics');

/** Range input → checked range (BAD_USER_INPUT otherwise), for the stats of links and monitors. */
function parseRange(range: {
  preset?: string | null;
  from?: string | null;
  to?: string | null;
  timezone?: string | null;
}) {
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
