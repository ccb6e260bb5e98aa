import DataLoader from 'dataloader';
import type { ClickHouseClient } from '../../clickhouse/client.ts';
import { type QueryOptions, runQuery } from '../../clickhouse/query.ts';
import type { Condition } from './conditions.ts';
import { DIMENSIONS, type Dimension } from './dimensions.ts';
import type { FilterNode } from './filters.ts';
import { comparedGroupsSql, type GroupRow, type GroupsDbRow, type GroupsPlan, groupsSql, toGroups } from './groups.ts';
import { planErrors, planTimeseries } from './plan.ts';
import {
  aiTimeseriesSql,
  aiUsageSql,
  type BreakdownPage,
  breakdownSql,
  COSTLY_FIGURES,
  type CostlyFigure,
  customEventsSql,
  entryExitSql,
  errorGroupsSql,
  errorsByPageSql,
  errorTrendSql,
  eventPropertiesSql,
  funnelSql,
  incidentsSql,
  type LinkDimension,
  linkBreakdownSql,
  linkStatsSql,
  linkTimeseriesSql,
  periodId,
  type RevenueGroup,
  realtimeSql,
  recentErrorsSql,
  retentionSql,
  revenueSql,
  sessionsSql,
  sessionTimelineSql,
  summariesSql,
  timeseriesSql,
  transitionsSql,
  uptimeSql,
  type VitalDimension,
  vitalsSql,
  vitalsTimeseriesSql,
} from './queries.ts';
import type { DateRange } from './range.ts';
import { fillBuckets, type Interval } from './time.ts';

/**
 * The run stage of analytics: DataLoaders that batch identical query shapes across websites
 * (and widgets) of one GraphQL request into one ClickHouse query, then split the rows by
 * website. One loader set per request.
 */

export type Runner = <Row>(options: QueryOptions) => Promise<Row[]>;

export interface Summary {
  pageviews: number;
  visitors: number;
  sessions: number;
  /** Share of sessions with a single page view, 0–1. */
  bounceRate: number;
  avgSessionSeconds: number;
  pagesPerSession: number;
  /** Mean scroll depth of page exits, 0–100 (null without any). */
  avgScrollDepth: number | null;
  outgoingClicks: number;
}

export interface TimeseriesPoint {
  time: Date;
  pageviews: number;
  visitors: number;
  sessions: number;
}

export interface VitalStats {
  metric: string;
  /** The dimension's value ('' without a dimension). */
  value: string;
  samples: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  /** Shares of samples rated by Google's thresholds; null for FPS, which has none. */
  good: number | null;
  needsImprovement: number | null;
  poor: number | null;
}

export interface ErrorGroup {
  type: string;
  message: string;
  occurrences: number;
  visitors: number;
  sessions: number;
  lastSeen: Date;
}

export interface ErrorOccurrence {
  time: Date;
  type: string;
  message: string;
  path: string;
  filename: string | null;
  lineno: number | null;
  colno: number | null;
  stack: string | null;
  browser: string;
  country: string;
}

export interface SessionRow {
  sessionId: string;
  visitor: string;
  started: Date;
  ended: Date;
  durationSeconds: number;
  pageviews: number;
  entryPage: string;
  exitPage: string;
  referrer: string;
  country: string;
  browser: string;
  device: string;
}

export interface FunnelStepResult {
  /** Visitors who reached this step (in order, within the window). */
  visitors: number;
  /** Share of the first step's visitors, 0–1. */
  conversion: number;
  /** Share of the previous step's visitors lost at this step, 0–1. */
  dropOff: number;
}

export interface RevenueRow {
  currency: string;
  value: string;
  revenue: number;
  transactions: number;
  refunds: number;
  refunded: number;
}

export interface AiUsageRow {
  provider: string;
  model: string;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
}

export interface UptimeStats {
  checks: number;
  /** Share of checks up or degraded, 0–1 (null without checks). */
  availability: number | null;
  degraded: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
}

export interface Incident {
  started: Date;
  /** The first successful check after it; null while it lasts. */
  ended: Date | null;
  failures: number;
  lastError: string;
}

/** Consecutive failed checks that make an incident. */
export const INCIDENT_THRESHOLD = 2;

export interface BreakdownRow {
  value: string;
  visitors: number;
  pageviews: number;
  /** Null when not asked for (see COSTLY_FIGURES). */
  visits: number | null;
  /** Share of this value's visits that viewed one page only, 0–1 (null where it does not apply or was not asked for). */
  bounceRate: number | null;
  avgTimeOnPage: number | null;
  avgScrollDepth: number | null;
  outgoingClicks: number;
}

interface Scoped {
  websiteId: string;
  range: DateRange;
  filters: readonly FilterNode[];
}

const EMPTY_SUMMARY: Summary = {
  pageviews: 0,
  visitors: 0,
  sessions: 0,
  bounceRate: 0,
  avgSessionSeconds: 0,
  pagesPerSession: 0,
  avgScrollDepth: null,
  outgoingClicks: 0,
};

/**
 * Groups items by a key in one pass (O(n): each item is appended once). Counts its work in
 * `work.steps` when given, so tests can check it stays linear.
 */
export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string, work?: { steps: number }): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    if (work) work.steps++;
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * A DataLoader batched by owner: its batch function groups keys by everything but the owner id
 * (a website, link, monitor or organization), or by `batchOf` when given, runs one query per
 * group for all its owners (with the group's keys), and hands each key its owner's rows.
 */
export function perOwner<K extends { ownerId: string }, Row extends { client_id: string }, V>(
  query: (ownerIds: string[], shape: K, keys: readonly K[]) => Promise<Row[]>,
  toValue: (rows: Row[], key: K) => V,
  batchOf: (key: K) => unknown = (key) => ({ ...key, ownerId: undefined }),
) {
  const shapeOf = (key: K) => JSON.stringify(batchOf(key));
  return new DataLoader<K, V, string>(
    async (keys) => {
      const rowsByShape = new Map<string, Map<string, Row[]>>();
      await Promise.all(
        [...groupBy(keys, shapeOf)].map(async ([shape, group]) => {
          const ids = [...new Set(group.map((k) => k.ownerId))];
          rowsByShape.set(
            shape,
            groupBy(await query(ids, group[0] as K, group), (row) => row.client_id),
          );
        }),
      );
      return keys.map((key) => toValue(rowsByShape.get(shapeOf(key))?.get(key.ownerId) ?? [], key));
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}

/** Website analytics: keys name their website as `websiteId`, which is the owner. */
function perWebsite<K extends { websiteId: string }, Row extends { client_id: string }, V>(
  query: (websiteIds: string[], shape: K, keys: readonly K[]) => Promise<Row[]>,
  toValue: (rows: Row[], key: K) => V,
  batchOf?: (key: K) => unknown,
) {
  type Keyed = Omit<K, 'websiteId'> & { ownerId: string };
  const withWebsite = ({ ownerId, ...rest }: Keyed) => ({ ...rest, websiteId: ownerId }) as unknown as K;
  const loader = perOwner<Keyed, Row, V>(
    (ids, shape, keys) => query(ids, withWebsite(shape), keys.map(withWebsite)),
    (rows, key) => toValue(rows, withWebsite(key)),
    batchOf && ((key) => batchOf({ ...withWebsite(key), websiteId: undefined })),
  );
  return {
    load: ({ websiteId, ...rest }: K) => loader.load({ ...rest, ownerId: websiteId } as Keyed),
  };
}

/** A row of breakdownSql (and numberedBreakdownSql, without its `n`). */
export type BreakdownDbRow = {
  client_id: string;
  dimension: Dimension;
  value: string;
  visitors: number;
  pageviews: number;
  visits: number | null;
  bounce_rate: number | null;
  avg_time_on_page: number | null;
  avg_scroll_depth: number | null;
  outgoing_clicks: number;
};

/** The breakdown family's row from its SQL row (shared by the loader and the export). */
export const breakdownRow = (r: BreakdownDbRow): BreakdownRow => ({
  value: r.value,
  visitors: r.visitors,
  pageviews: r.pageviews,
  visits: r.visits,
  bounceRate: r.bounce_rate,
  avgTimeOnPage: finiteOrNull(r.avg_time_on_page),
  avgScrollDepth: finiteOrNull(r.avg_scroll_depth),
  outgoingClicks: r.outgoing_clicks,
});

export function createAnalyticsLoaders(clickhouse: ClickHouseClient, run: Runner = (o) => runQuery(clickhouse, o)) {
  type SummaryRow = {
    client_id: string;
    period: string;
    pageviews: number;
    visitors: number;
    sessions: number;
    bounces: number;
    avg_session_seconds: number;
    avg_scroll_depth: number;
    outgoing_clicks: number;
  };
  type BucketRow = { client_id: string; bucket: number; pageviews: number; visitors: number; sessions: number };

  type VitalRow = {
    client_id: string;
    metric: string;
    value: string;
    samples: number;
    percentiles: number[];
    good_share: number;
    poor_share: number;
  };
  type ErrorRow = {
    client_id: string;
    type: string;
    sample_message: string;
    occurrences: number;
    visitors: number;
    sessions: number;
    last_seen: number;
  };
  type OccurrenceRow = Omit<ErrorOccurrence, 'time'> & { client_id: string; time: number };
  type NamedCount = { client_id: string; name: string; occurrences: number; visitors: number };
  type PropertyRow = { client_id: string; key: string; value: string; occurrences: number };
  type SessionDbRow = {
    client_id: string;
    session_id: string;
    visitor: string;
    started_ms: number;
    ended_ms: number;
    pageviews: number;
    entry_page: string;
    exit_page: string;
    referrer: string;
    country: string;
    browser: string;
    device: string;
  };
  type AiDbRow = {
    client_id: string;
    provider: string;
    model: string;
    calls: number;
    errors: number;
    input_tokens: number;
    output_tokens: number;
    total_tokens: number;
    cost_usd: number;
    latency_ms: number[];
  };

  return {
    /** Summaries of the same filters over several ranges (a period and the previous one) run as one query. */
    summary: perWebsite<Scoped, SummaryRow, Summary>(
      (websiteIds, key, keys) =>
        run({
          name: 'analytics_summary',
          query: summariesSql({ ...key, websiteIds }, [
            ...new Map(keys.map((k) => [periodId(k.range), k.range])).values(),
          ]),
        }),
      (rows, key) => {
        const row = rows.find((r) => r.period === periodId(key.range));
        return row
          ? {
              pageviews: row.pageviews,
              visitors: row.visitors,
              sessions: row.sessions,
              bounceRate: row.sessions ? row.bounces / row.sessions : 0,
              avgSessionSeconds: row.sessions ? row.avg_session_seconds : 0,
              pagesPerSession: row.sessions ? row.pageviews / row.sessions : 0,
              // avgIf over no rows is NaN.
              avgScrollDepth: Number.isFinite(row.avg_scroll_depth) ? row.avg_scroll_depth : null,
              outgoingClicks: row.outgoing_clicks,
            }
          : EMPTY_SUMMARY;
      },
      ({ range: _, ...shape }) => shape,
    ),

    realtime: perWebsite<{ websiteId: string }, { client_id: string; visitors: number }, number>(
      (websiteIds) => run({ name: 'analytics_realtime', query: realtimeSql(websiteIds) }),
      ([row]) => row?.visitors ?? 0,
    ),

    timeseries: perWebsite<Scoped & { interval: Interval }, BucketRow, TimeseriesPoint[]>(
      (websiteIds, key) => {
        const plan = planTimeseries(key, key.interval);
        return run({ name: plan.name, query: timeseriesSql({ ...key, websiteIds }, key.interval, plan) });
      },
      (rows, key) =>
        fillBuckets(rows, key.range, key.interval, (time, row) => ({
          time,
          pageviews: row?.pageviews ?? 0,
          visitors: row?.visitors ?? 0,
          sessions: row?.sessions ?? 0,
        })),
    ),

    vitals: perWebsite<Scoped & { dimension: VitalDimension; path?: string }, VitalRow, VitalStats[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_vitals', query: vitalsSql({ ...key, websiteIds }, key.dimension, key.path) }),
      (rows) =>
        rows.map(
          ({
            metric,
            value,
            samples,
            percentiles: [p50 = 0, p75 = 0, p90 = 0, p95 = 0, p99 = 0],
            good_share,
            poor_share,
          }) => {
            const rated = metric !== 'FPS';
            return {
              metric,
              value,
              samples,
              p50,
              p75,
              p90,
              p95,
              p99,
              good: rated ? good_share : null,
              needsImprovement: rated ? 1 - good_share - poor_share : null,
              poor: rated ? poor_share : null,
            };
          },
        ),
    ),

    errorGroups: perWebsite<Scoped & { search?: string; limit: number }, ErrorRow, ErrorGroup[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_error_groups', query: errorGroupsSql({ ...key, websiteIds }, key.search, key.limit) }),
      (rows) =>
        rows.map(({ client_id: _, last_seen, sample_message, ...group }) => ({
          ...group,
          message: sample_message,
          lastSeen: new Date(last_seen),
        })),
    ),

    recentErrors: perWebsite<Scoped & { search?: string; limit: number }, OccurrenceRow, ErrorOccurrence[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_recent_errors', query: recentErrorsSql({ ...key, websiteIds }, key.search, key.limit) }),
      (rows) => rows.map(({ client_id: _, time, ...occurrence }) => ({ ...occurrence, time: new Date(time) })),
    ),

    customEvents: perWebsite<Scoped, NamedCount, Omit<NamedCount, 'client_id'>[]>(
      (websiteIds, key) => run({ name: 'analytics_custom_events', query: customEventsSql({ ...key, websiteIds }) }),
      (rows) => rows.map(({ client_id: _, ...row }) => row),
    ),

    eventProperties: perWebsite<Scoped & { eventName: string }, PropertyRow, Omit<PropertyRow, 'client_id'>[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_event_properties', query: eventPropertiesSql({ ...key, websiteIds }, key.eventName) }),
      (rows) => rows.map(({ client_id: _, ...row }) => row),
    ),

    sessions: perWebsite<Scoped & { limit: number; offset: number }, SessionDbRow, SessionRow[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_sessions', query: sessionsSql({ ...key, websiteIds }, key.limit, key.offset) }),
      (rows) =>
        rows.map((r) => ({
          sessionId: r.session_id,
          visitor: r.visitor,
          started: new Date(r.started_ms),
          ended: new Date(r.ended_ms),
          durationSeconds: (r.ended_ms - r.started_ms) / 1000,
          pageviews: r.pageviews,
          entryPage: r.entry_page,
          exitPage: r.exit_page,
          referrer: r.referrer,
          country: r.country,
          browser: r.browser,
          device: r.device,
        })),
    ),

    entryExit: perWebsite<
      Scoped & { which: 'ENTRY' | 'EXIT'; limit: number },
      { client_id: string; value: string; sessions: number; visitors: number; bounce_rate: number },
      { value: string; sessions: number; visitors: number; bounceRate: number }[]
    >(
      (websiteIds, key) =>
        run({ name: 'analytics_entry_exit', query: entryExitSql({ ...key, websiteIds }, key.which, key.limit) }),
      (rows) =>
        rows.map(({ value, sessions, visitors, bounce_rate }) => ({
          value,
          sessions,
          visitors,
          bounceRate: bounce_rate,
        })),
    ),

    transitions: perWebsite<
      Scoped & { limit: number },
      { client_id: string; from_path: string; to_path: string; sessions: number },
      { from: string; to: string; sessions: number }[]
    >(
      (websiteIds, key) =>
        run({ name: 'analytics_transitions', query: transitionsSql({ ...key, websiteIds }, key.limit) }),
      (rows) => rows.map((r) => ({ from: r.from_path, to: r.to_path, sessions: r.sessions })),
    ),

    funnel: perWebsite<
      Scoped & { steps: Condition[]; windowSeconds: number },
      { client_id: string; levels: number[]; counts: number[] },
      FunnelStepResult[]
    >(
      (websiteIds, key) =>
        run({ name: 'analytics_funnel', query: funnelSql({ ...key, websiteIds }, key.steps, key.windowSeconds) }),
      ([row], key) => {
        const reached = key.steps.map((_, i) =>
          (row?.levels ?? []).reduce((sum, level, j) => (level >= i + 1 ? sum + (row?.counts[j] ?? 0) : sum), 0),
        );
        return reached.map((visitors, i) => ({
          visitors,
          conversion: reached[0] ? visitors / (reached[0] as number) : 0,
          dropOff: i === 0 || !reached[i - 1] ? 0 : 1 - visitors / (reached[i - 1] as number),
        }));
      },
    ),

    retention: perWebsite<
      Scoped,
      { client_id: string; cohort_start: number; week_offset: number; visitors: number },
      { cohort: Date; visitors: number[] }[]
    >(
      (websiteIds, key) => run({ name: 'analytics_retention', query: retentionSql({ ...key, websiteIds }) }),
      (rows) => {
        const cohorts = new Map<number, number[]>();
        for (const { cohort_start, week_offset, visitors } of rows) {
          const weeks = cohorts.get(cohort_start) ?? [];
          weeks[week_offset] = visitors;
          cohorts.set(cohort_start, weeks);
        }
        return [...cohorts].map(([cohort, weeks]) => ({
          cohort: new Date(cohort * 1000),
          visitors: Array.from(weeks, (v) => v ?? 0),
        }));
      },
    ),

    revenue: perWebsite<Scoped & { group: RevenueGroup }, RevenueRow & { client_id: string }, RevenueRow[]>(
      (websiteIds, key) => run({ name: 'analytics_revenue', query: revenueSql({ ...key, websiteIds }, key.group) }),
      (rows) => rows.map(({ client_id: _, ...row }) => row),
    ),

    /** Keyed by organization: LLM spans belong to the API key's organization. */
    aiUsage: perOwner<{ ownerId: string; range: DateRange }, AiDbRow, AiUsageRow[]>(
      (organizationIds, key) => run({ name: 'analytics_ai_usage', query: aiUsageSql(organizationIds, key.range) }),
      (rows) =>
        rows.map((r) => ({
          provider: r.provider,
          model: r.model,
          calls: r.calls,
          errors: r.errors,
          inputTokens: r.input_tokens,
          outputTokens: r.output_tokens,
          totalTokens: r.total_tokens,
          costUsd: r.cost_usd,
          latencyP50Ms: r.latency_ms[0] ?? 0,
          latencyP95Ms: r.latency_ms[1] ?? 0,
          latencyP99Ms: r.latency_ms[2] ?? 0,
        })),
    ),

    /** Keyed by link id. */
    linkStats: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; clicks: number; clickers: number },
      { clicks: number; clickers: number }
    >(
      (linkIds, key) => run({ name: 'link_stats', query: linkStatsSql(linkIds, key.range) }),
      ([row]) => ({ clicks: row?.clicks ?? 0, clickers: row?.clickers ?? 0 }),
    ),

    linkBreakdown: perOwner<
      { ownerId: string; range: DateRange; dimension: LinkDimension },
      { client_id: string; value: string; clicks: number; clickers: number },
      { value: string; clicks: number; clickers: number }[]
    >(
      (linkIds, key) => run({ name: 'link_breakdown', query: linkBreakdownSql(linkIds, key.range, key.dimension) }),
      (rows) => rows.map(({ value, clicks, clickers }) => ({ value, clicks, clickers })),
    ),

    linkTimeseries: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; bucket: number; clicks: number },
      { time: Date; clicks: number }[]
    >(
      (linkIds, key) => run({ name: 'link_timeseries', query: linkTimeseriesSql(linkIds, key.range) }),
      (rows, key) => fillBuckets(rows, key.range, 'DAY', (time, row) => ({ time, clicks: row?.clicks ?? 0 })),
    ),

    /** Keyed by monitor id. */
    uptime: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; checks: number; availability: number; degraded: number; latency_ms: number[] },
      UptimeStats
    >(
      (monitorIds, key) => run({ name: 'uptime_stats', query: uptimeSql(monitorIds, key.range) }),
      ([row]) => ({
        checks: row?.checks ?? 0,
        availability: row ? row.availability : null,
        degraded: row?.degraded ?? 0,
        latencyP50Ms: row?.latency_ms[0] ?? null,
        latencyP95Ms: row?.latency_ms[1] ?? null,
        latencyP99Ms: row?.latency_ms[2] ?? null,
      }),
    ),

    incidents: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; started: number; ended: number; failures: number; last_error: string },
      Incident[]
    >(
      (monitorIds, key) =>
        run({ name: 'uptime_incidents', query: incidentsSql(monitorIds, key.range, INCIDENT_THRESHOLD) }),
      (rows) =>
        rows.map((r) => ({
          started: new Date(r.started),
          ended: r.ended ? new Date(r.ended) : null,
          failures: r.failures,
          lastError: r.last_error,
        })),
    ),

    vitalsTimeseries: perWebsite<
      Scoped & { metric: string; interval: Interval },
      { client_id: string; bucket: number; p75: number; samples: number },
      { time: Date; p75: number | null; samples: number }[]
    >(
      (websiteIds, key) =>
        run({
          name: 'analytics_vitals_timeseries',
          query: vitalsTimeseriesSql({ ...key, websiteIds }, key.metric, key.interval),
        }),
      (rows, key) =>
        fillBuckets(rows, key.range, key.interval, (time, row) => ({
          time,
          p75: row ? row.p75 : null,
          samples: row?.samples ?? 0,
        })),
    ),

    errorTrend: perWebsite<
      Scoped & { interval: Interval },
      { client_id: string; bucket: number; errors: number },
      { time: Date; errors: number }[]
    >(
      (websiteIds, key) => {
        const plan = planErrors('error_trend', key, key.interval);
        return run({ name: plan.name, query: errorTrendSql({ ...key, websiteIds }, key.interval, plan) });
      },
      (rows, key) => fillBuckets(rows, key.range, key.interval, (time, row) => ({ time, errors: row?.errors ?? 0 })),
    ),

    errorsByPage: perWebsite<
      Scoped & { limit: number },
      { client_id: string; value: string; errors: number; visitors: number },
      { value: string; errors: number; visitors: number }[]
    >(
      (websiteIds, key) => {
        const plan = planErrors('errors_by_page', key);
        return run({ name: plan.name, query: errorsByPageSql({ ...key, websiteIds }, key.limit, plan) });
      },
      (rows) => rows.map(({ value, errors, visitors }) => ({ value, errors, visitors })),
    ),

    /** Keyed by organization. */
    aiTimeseries: perOwner<
      { ownerId: string; range: DateRange; interval: Interval },
      { client_id: string; bucket: number; calls: number; tokens: number; cost_usd: number },
      { time: Date; calls: number; tokens: number; costUsd: number }[]
    >(
      (organizationIds, key) =>
        run({ name: 'analytics_ai_timeseries', query: aiTimeseriesSql(organizationIds, key.range, key.interval) }),
      (rows, key) =>
        fillBuckets(rows, key.range, key.interval, (time, row) => ({
          time,
          calls: row?.calls ?? 0,
          tokens: row?.tokens ?? 0,
          costUsd: row?.cost_usd ?? 0,
        })),
    ),

    /** Typed groups: one query per groups field, for all websites asking the same (see groups.ts). */
    groups: perWebsite<Scoped & { plan: GroupsPlan; comparison?: DateRange | null }, GroupsDbRow, GroupRow[]>(
      (websiteIds, key) =>
        run(
          key.comparison
            ? {
                name: `${key.plan.name}_compared`,
                query: comparedGroupsSql({ ...key, websiteIds }, key.plan, key.comparison),
              }
            : { name: key.plan.name, query: groupsSql({ ...key, websiteIds }, key.plan) },
        ),
      (rows, key) => toGroups(rows, key.plan, key.range, key.comparison),
    ),

    /** Breakdowns by visit dimensions of the same scope and page run as one query (see breakdownSql). */
    breakdown: perWebsite<
      Scoped & { dimension: Dimension; page: BreakdownPage; costly?: readonly CostlyFigure[] },
      BreakdownDbRow,
      BreakdownRow[]
    >(
      (websiteIds, key, keys) =>
        run({
          name: 'analytics_breakdown',
          query: breakdownSql(
            { ...key, websiteIds },
            [...new Set(keys.map((k) => k.dimension))],
            key.page,
            key.costly ?? COSTLY_FIGURES,
          ),
        }),
      (rows, key) => rows.filter((r) => r.dimension === key.dimension).map(breakdownRow),
      // Visit dimensions batch together; costly figures do not apply to them.
      (key) =>
        DIMENSIONS[key.dimension].scope === 'visit'
          ? { ...key, dimension: undefined, costly: undefined }
          : { ...key, costly: key.costly ?? COSTLY_FIGURES },
    ),
  };
}

const finiteOrNull = (value: number | null) => (value === null || !Number.isFinite(value) ? null : value);

export type AnalyticsLoaders = ReturnType<typeof createAnalyticsLoaders>;

/** One session's events in order (a single lookup: nothing to batch). */
export async function sessionTimeline(run: Runner, websiteId: string, sessionId: string) {
  const rows = await run<{ time: number; name: string; path: string; title: string; properties: string }>({
    name: 'analytics_session_timeline',
    query: sessionTimelineSql(websiteId, sessionId),
  });
  return rows.map((r) => ({ ...r, time: new Date(r.time) }));
}
