import { z } from 'zod';
import { type CompareInput, comparisonRange } from '../analytics/compare.ts';
import { conditionOf } from '../analytics/conditions.ts';
import { checkFilters, type FilterNode, InvalidFilterError, leaves } from '../analytics/filters.ts';
import type { CurrencyAmount } from '../analytics/goals.ts';
import { type DateRange, InvalidRangeError } from '../analytics/range.ts';
import { MAX_BREAKDOWN_ROWS } from '../analytics/scope.ts';
import { type Auth, can, ownsWebsite, readsPublicDashboard, visibleSegments } from '../auth.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { ForbiddenError, InputError, NotFoundError, UnauthenticatedError } from '../errors.ts';
import {
  CompareInputRef,
  DateRangeInput,
  FilterInput,
  FilterTreeInput,
  type FilterTreeShape,
  type GoalLookup,
  goalIdsOf,
  type LeafShape,
  leafOf,
  parseFilterTree,
  parseRange,
  type RangeArg,
  rangeInputOf,
} from './analytics-inputs.ts';

const PROPERTY_FILTERS =
  'Event properties and outgoing-link URLs are the owner’s: they need to read this website’s analytics as its organization (a key with READ_ANALYTICS, or a member’s session), not as a public or shared dashboard.';
/**
 * Dimensions whose values are the owner's: custom properties and full outgoing-link URLs (which can
 * carry tokens). A public reader may neither group by them nor filter on them (one guess at a time).
 */
export const OWNER_ONLY_DIMENSIONS: ReadonlySet<string> = new Set(['PROPERTY', 'OUTGOING_LINK']);
export const ownerOnly = (ctx: { auth?: unknown }) =>
  ctx.auth ? new ForbiddenError(PROPERTY_FILTERS) : new UnauthenticatedError(PROPERTY_FILTERS);

/**
 * Website.analytics: every analytics family of one website over one range with filters. The
 * stages are parse (inputs → range and filter AST: analytics-inputs.ts, and the scope here), plan
 * and SQL (analytics/plan.ts, analytics/families/*) and run (each family's loaders, batched across
 * websites per request by analytics/batching.ts). Each family adds its fields to WebsiteAnalytics in its own module
 * (analytics-traffic.ts, analytics-behaviour.ts, analytics-quality.ts, analytics-events.ts,
 * analytics-revenue.ts, analytics-groups.ts, export.ts).
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

/** Parse stage: GraphQL inputs → a checked range and filter AST, or BAD_USER_INPUT. */
function parseScope(
  websiteId: string,
  range: RangeArg,
  filters: LeafShape[],
  filter?: FilterTreeShape | null,
  goals: GoalLookup = () => undefined,
): AnalyticsScope {
  const resolved = parseRange(range);
  let at = 'filters';
  try {
    const list = filters.map(leafOf);
    checkFilters(list); // validates every filter now, before any query runs
    at = 'filter';
    const tree = filter ? [parseFilterTree(filter, goals)] : [];
    return { websiteId, range: resolved, filters: [...list, ...tree] };
  } catch (error) {
    if (error instanceof InvalidFilterError) throw InputError.at([at], error.message);
    throw error;
  }
}

/** A row count or offset argument: 0 to `max`. */
export const count = (max: number) => z.number().int().min(0).max(max);

/**
 * Page sizes of WebsiteAnalytics's lists: the most rows `first` may ask for and `offset` may skip
 * (BAD_USER_INPUT beyond). Read by the families' arguments and by the `limits` query.
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

/** Link and monitor stats need read:analytics (their objects are reachable by their organization only). */
export const readsAnalytics = (_parent: unknown, _args: unknown, ctx: Context) => can(ctx.auth, 'readAnalytics');
