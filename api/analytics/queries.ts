import { type Sql, sql } from '../../clickhouse/sql.ts';
import { type Condition, conditionSql } from './conditions.ts';
import { paymentsSql } from './conversions.ts';
import { DIMENSIONS, type Dimension, type DimensionDef } from './dimensions.ts';
import { byScope } from './filters.ts';
import { type Plan, planErrors, planTimeseries, type Source } from './plan.ts';
import type { DateRange } from './range.ts';
import {
  eventsWhere,
  refuseEventFilters,
  type Scope,
  serverEventsWhere,
  spansWhere,
  visitsSql,
  visitTreesSql,
} from './scope.ts';
import { bucketSql, type Interval } from './time.ts';

export type { Scope } from './scope.ts';

/**
 * SQL for each analytics family. Every builder takes a list of websites and returns one row
 * group per `client_id`, so one query answers the same question for many websites (see
 * loader.ts). Visit figures (visitors, visits, bounce rate, duration, entry and exit pages)
 * read visit rows (scope.ts); event figures (page views, time on page, scroll depth, link
 * clicks) read events. Pure: nothing here talks to ClickHouse.
 */

/**
 * Distinct ids (visitors, visits): uniqExact over each id's 64-bit cityHash64 rather than over the
 * string, which ClickHouse keys by a 128-bit SipHash. Measured on the 10M-event benchmark: 1.6–2x
 * less CPU per distinct count (a page breakdown's two counts: 201 -> 103 ms). Exact unless two
 * ids share a hash: odds n²/2^65, about 3e-8 for a million ids.
 */
const distinct = (column: Sql) => sql`uniqExact(cityHash64(${column}))`;
const distinctIf = (column: Sql, condition: Sql) => sql`uniqExactIf(cityHash64(${column}), ${condition})`;

/** Visits counted by a visit query, restricted to those a scope selects (none when unfiltered). */
function inSelectedVisits(scope: Scope): Sql {
  return scope.filters.length
    ? sql`AND (client_id, session_id) IN (SELECT client_id, session_id FROM (${visitsSql(scope)}))`
    : sql``;
}

const visitSeconds = sql`dateDiff('millisecond', started, ended) / 1000`;

/**
 * Headline figures. Visitors, visits (with a page view, started in the range), bounces (visits
 * with one page view) and duration from visit rows; page views, scroll depth and outgoing-link
 * clicks from the events the filters select.
 */
export function summarySql(scope: Scope): Sql {
  return sql`SELECT client_id, visitors, sessions, bounces, avg_session_seconds, pageviews, avg_scroll_depth, outgoing_clicks
    FROM (
      SELECT client_id, ${distinct(sql`visitor_id`)} AS visitors, count() AS sessions, countIf(views = 1) AS bounces,
        avg(${visitSeconds}) AS avg_session_seconds
      FROM (${visitsSql(scope)})
      GROUP BY client_id
    ) AS v
    FULL OUTER JOIN (
      SELECT client_id, countIf(event_name = 'screen_view') AS pageviews,
        avgIf(scroll_depth, event_name = 'page_exit' AND scroll_depth IS NOT NULL) AS avg_scroll_depth,
        countIf(event_name = 'outgoing_link') AS outgoing_clicks
      FROM analytics.events
      WHERE ${eventsWhere(scope)}
      GROUP BY client_id
    ) AS e USING (client_id)`;
}

/** A range's identity in a query over several (its bounds and timezone). */
export const periodId = (range: DateRange) => `${range.from.toISOString()}/${range.to.toISOString()}/${range.timezone}`;

/**
 * Summaries of several periods (a range and the one before it) in one query, each row tagged
 * with its `period` (periodId): the periods run as branches of one UNION ALL, in parallel,
 * where two queries on one connection run one after the other (measured 170 against 220 ms).
 */
export function summariesSql(scope: Omit<Scope, 'range'>, ranges: readonly DateRange[]): Sql {
  return sql.join(
    ranges.map((range) => sql`SELECT ${periodId(range)} AS period, * FROM (${summarySql({ ...scope, range })})`),
    ' UNION ALL ',
  );
}

/** Visitors with any event in the last five minutes. */
export function realtimeSql(websiteIds: readonly string[]): Sql {
  return sql`SELECT client_id, ${distinct(sql`anonymous_id`)} AS visitors
    FROM analytics.events
    WHERE client_id IN ${sql.array(websiteIds, 'String')} AND time >= now64(3) - INTERVAL 5 MINUTE
    GROUP BY client_id`;
}

/**
 * Page views, visitors and sessions active per bucket, from the events the filters select, or
 * from the daily rollup when it can answer (see plan.ts).
 */
export function timeseriesSql(
  scope: Scope,
  interval: Interval,
  plan: Plan<Source> = planTimeseries(scope, interval),
): Sql {
  if (plan.source === 'daily_pageviews') {
    const bucket = sql.identifier(
      { MINUTE: '', HOUR: '', DAY: 'date', WEEK: 'toMonday(date)', MONTH: 'toStartOfMonth(date)' }[interval],
      ['date', 'toMonday(date)', 'toStartOfMonth(date)'],
    );
    return sql`SELECT client_id, toUnixTimestamp(toDateTime(${bucket}, 'UTC')) AS bucket,
        sum(pageviews) AS pageviews, uniqMerge(visitors) AS visitors, uniqMerge(sessions) AS sessions
      FROM analytics.daily_pageviews
      WHERE client_id IN ${sql.array(scope.websiteIds, 'String')}
        AND date >= toDate(${scope.range.from}) AND date < toDate(${scope.range.to})
      GROUP BY client_id, bucket
      ORDER BY client_id, bucket`;
  }
  return sql`SELECT client_id, ${bucketSql(interval, scope.range.timezone)} AS bucket,
      countIf(event_name = 'screen_view') AS pageviews,
      ${distinctIf(sql`anonymous_id`, sql`event_name = 'screen_view'`)} AS visitors,
      ${distinctIf(sql`session_id`, sql`event_name = 'screen_view'`)} AS sessions
    FROM analytics.events
    WHERE ${eventsWhere(scope)}
    GROUP BY client_id, bucket
    ORDER BY client_id, bucket`;
}

export const BREAKDOWN_SORTS = ['VISITORS', 'PAGEVIEWS', 'AVG_TIME_ON_PAGE'] as const;
export type BreakdownSort = (typeof BREAKDOWN_SORTS)[number];

export interface BreakdownPage {
  sort: BreakdownSort;
  /** Rows per website; capped at MAX_BREAKDOWN_ROWS. */
  limit: number;
  offset: number;
}

export const MAX_BREAKDOWN_ROWS = 1000;

/**
 * Figures of an event breakdown that cost a pass of their own: visits (a second distinct count
 * over the events, ~100 ms CPU per million events) and a page's bounce rate (a join to the
 * visits entering on each page). Computed when asked for, null otherwise; a visit breakdown
 * always has them (they are sums over its rows).
 */
export const COSTLY_FIGURES = ['visits', 'bounceRate'] as const;
export type CostlyFigure = (typeof COSTLY_FIGURES)[number];

/**
 * Rows of visit breakdowns: client_id, dimension, value, visitors, pageviews, visits, bounce_rate,
 * avg_time_on_page, avg_scroll_depth, outgoing_clicks. Several dimensions group in one pass
 * (GROUPING SETS over the visits read once): five dashboard breakdowns measured 184 ms CPU
 * together against 300 ms as five queries on the 10M-event benchmark.
 */
function visitBreakdownSql(scope: Scope, dimensions: readonly Dimension[]): Sql {
  const names = dimensions.map((_, i) => `d${i}`);
  const column = (i: number) => sql`${sql.identifier(names[i] as string, names)}`;
  // The value of the grouping set a row belongs to: grouping(x) is 0 when x is in the set.
  const pick = (choice: (i: number) => Sql) =>
    dimensions.length === 1
      ? choice(0)
      : sql`multiIf(${sql.join(
          dimensions.slice(0, -1).map((_, i) => sql`grouping(${column(i)}) = 0, ${choice(i)}`),
          ', ',
        )}, ${choice(dimensions.length - 1)})`;
  const values = dimensions.map(
    (d, i) => sql`${(DIMENSIONS[d].sql as { visits: () => Sql }).visits()} AS ${column(i)}`,
  );
  return sql`SELECT client_id, ${pick((i) => sql`${dimensions[i] as string}`)} AS dimension, ${pick(column)} AS value,
      ${distinct(sql`visitor_id`)} AS visitors, sum(views) AS pageviews,
      count() AS visits, avg(views = 1) AS bounce_rate,
      sum(seconds_on_pages) / nullIf(sum(timed_pages), 0) AS avg_time_on_page,
      sum(scroll_sum) / nullIf(sum(scrolled_pages), 0) AS avg_scroll_depth,
      sum(link_clicks) AS outgoing_clicks
    FROM (SELECT *, ${sql.join(values, ', ')} FROM (${visitsSql(scope)}))
    GROUP BY GROUPING SETS (${sql.join(
      dimensions.map((_, i) => sql`(client_id, ${column(i)})`),
      ', ',
    )})`;
}

function eventBreakdownSql(scope: Scope, dimension: Dimension, value: Sql, costly: readonly CostlyFigure[]): Sql {
  const def: DimensionDef = DIMENSIONS[dimension];
  const counted = sql.array(def.events ?? ['screen_view'], 'String');
  const visits = costly.includes('visits')
    ? distinctIf(sql`session_id`, sql`event_name IN ${counted}`)
    : sql`CAST(NULL AS Nullable(UInt64))`;
  const events = sql`SELECT client_id, ${dimension} AS dimension, ${value} AS value,
      ${distinctIf(sql`anonymous_id`, sql`event_name IN ${counted}`)} AS visitors,
      countIf(event_name = 'screen_view') AS pageviews,
      ${visits} AS visits,
      avgIf(time_on_page, event_name = 'page_exit' AND time_on_page IS NOT NULL) AS avg_time_on_page,
      avgIf(scroll_depth, event_name = 'page_exit' AND scroll_depth IS NOT NULL) AS avg_scroll_depth,
      countIf(event_name = 'outgoing_link') AS outgoing_clicks
    FROM analytics.events
    WHERE ${eventsWhere(scope)} AND event_name IN ('screen_view', 'page_exit', 'outgoing_link')
    GROUP BY client_id, value
    HAVING countIf(event_name IN ${counted}) > 0`;
  // A page's bounce rate: of the visits that entered on it, the share that viewed one page only.
  if (dimension !== 'PATH' || !costly.includes('bounceRate')) {
    return sql`SELECT *, CAST(NULL AS Nullable(Float64)) AS bounce_rate FROM (${events})`;
  }
  return sql`SELECT e.*, b.bounce_rate AS bounce_rate FROM (${events}) AS e
    LEFT JOIN (
      SELECT client_id, entry_page AS value, toNullable(avg(views = 1)) AS bounce_rate
      FROM (${visitsSql(scope)}) GROUP BY client_id, value
    ) AS b ON b.client_id = e.client_id AND b.value = e.value`;
}

/**
 * Visitors, page views, visits, bounce rate, time on page, scroll depth and outgoing-link
 * clicks by dimension, sorted and paginated per website and dimension; rows name their
 * dimension. A visit dimension groups visits (page views are those of the grouped visits), and
 * all the visit dimensions asked for group in one pass; an event dimension groups events (a
 * page's bounce rate is that of the visits entering on it; null for other event dimensions),
 * with the costly figures only when `costly` names them. Give either visit dimensions or one
 * event dimension.
 */
export function breakdownSql(
  scope: Scope,
  dimensions: readonly Dimension[],
  page: BreakdownPage,
  costly: readonly CostlyFigure[] = COSTLY_FIGURES,
): Sql {
  const { rows, order } = orderedBreakdown(scope, dimensions, page.sort, costly);
  return sql`SELECT ${BREAKDOWN_COLUMNS}
    FROM (${rows})
    ORDER BY ${order}
    LIMIT ${sql.param(Math.min(page.limit, MAX_BREAKDOWN_ROWS), 'UInt32')}
      OFFSET ${sql.param(page.offset, 'UInt32')} BY client_id, dimension`;
}

const BREAKDOWN_COLUMNS = sql`client_id, dimension, value, visitors, pageviews, visits, bounce_rate, avg_time_on_page,
      avg_scroll_depth, outgoing_clicks`;

/** A breakdown's unsorted rows and the order the family lists them in (value breaks ties, so it is total). */
function orderedBreakdown(
  scope: Scope,
  dimensions: readonly Dimension[],
  sort: BreakdownSort,
  costly: readonly CostlyFigure[],
): { rows: Sql; order: Sql } {
  const [first] = dimensions;
  if (!first || (dimensions.length > 1 && dimensions.some((d) => DIMENSIONS[d].scope !== 'visit'))) {
    throw new Error('breakdownSql takes visit dimensions or one event dimension');
  }
  const sortColumn = sql.identifier(
    { VISITORS: 'visitors', PAGEVIEWS: 'pageviews', AVG_TIME_ON_PAGE: 'avg_time_on_page' }[sort],
    ['visitors', 'pageviews', 'avg_time_on_page'],
  );
  const rows =
    DIMENSIONS[first].scope === 'visit'
      ? visitBreakdownSql(scope, dimensions)
      : eventBreakdownSql(scope, first, (DIMENSIONS[first].sql as { events: () => Sql }).events(), costly);
  return { rows, order: sql`client_id, dimension, ${sortColumn} DESC, value` };
}

/**
 * One website's breakdown by one dimension, its first `limit` rows in breakdownSql's order, each
 * numbered from 1 in that order (`n`): what an export materialises once and reads by `n` (an
 * export is not bound by MAX_BREAKDOWN_ROWS; api/export/scratch.ts).
 */
export function numberedBreakdownSql(
  scope: Scope,
  dimension: Dimension,
  sort: BreakdownSort,
  costly: readonly CostlyFigure[],
  limit: number,
): Sql {
  const { rows, order } = orderedBreakdown(scope, [dimension], sort, costly);
  return sql`SELECT row_number() OVER (ORDER BY ${order}) AS n, ${BREAKDOWN_COLUMNS}
    FROM (${rows})
    ORDER BY n
    LIMIT ${sql.param(limit, 'UInt32')}`;
}

/** Google's thresholds: good ≤ first, poor > second. FPS has none (higher is better). */
export const VITAL_THRESHOLDS = {
  LCP: [2500, 4000],
  FCP: [1800, 3000],
  CLS: [0.1, 0.25],
  INP: [200, 500],
  TTFB: [800, 1800],
} as const;

export const VITAL_DIMENSIONS = {
  NONE: "''",
  PATH: 'path',
  BROWSER: 'browser_name',
  DEVICE: 'device_type',
  COUNTRY: 'country',
} as const;
export type VitalDimension = keyof typeof VITAL_DIMENSIONS;

/**
 * Web vitals percentiles (p50/p75/p90/p95/p99) per metric, optionally by a dimension, with the
 * share of good / poor page views. Each page view counts once, with its latest report (FINAL:
 * analytics.web_vitals replaces a page view's earlier reports), in the time of that report.
 * `quantiles` keeps 8192 samples per group: exact below that, a close estimate above.
 */
export function vitalsSql(scope: Scope, dimension: VitalDimension, path?: string): Sql {
  const value = sql.identifier(VITAL_DIMENSIONS[dimension], Object.values(VITAL_DIMENSIONS));
  const limit = (index: 0 | 1) =>
    sql.join(
      Object.entries(VITAL_THRESHOLDS).map(([metric, bounds]) => sql`metric_name = ${metric}, ${bounds[index]}`),
      ', ',
    );
  return sql`SELECT client_id, metric_name AS metric, ${value} AS value, count() AS samples,
      quantiles(0.5, 0.75, 0.9, 0.95, 0.99)(metric_value) AS percentiles,
      countIf(metric_value <= multiIf(${limit(0)}, inf)) / count() AS good_share,
      countIf(metric_value > multiIf(${limit(1)}, inf)) / count() AS poor_share
    FROM analytics.web_vitals FINAL
    WHERE ${spansWhere(scope, path)}
    GROUP BY client_id, metric, value
    ORDER BY client_id, metric, samples DESC, value
    LIMIT 100 BY client_id, metric`;
}

/**
 * Errors grouped by type and message, with occurrences, affected visitors and sessions (uniq:
 * exact for small counts, ≈1% beyond tens of thousands), newest first within equal counts.
 * `search` matches message substrings (case-insensitive).
 */
export function errorGroupsSql(scope: Scope, search: string | undefined, limit: number): Sql {
  const matching = search ? sql`AND positionCaseInsensitiveUTF8(message, ${search}) > 0` : sql``;
  return sql`SELECT client_id, error_type AS type, any(message) AS sample_message, count() AS occurrences,
      uniq(anonymous_id) AS visitors, uniq(session_id) AS sessions,
      toUnixTimestamp64Milli(max(timestamp)) AS last_seen
    FROM analytics.error_spans
    WHERE ${spansWhere(scope)} ${matching}
    GROUP BY client_id, type, cityHash64(message)
    ORDER BY client_id, occurrences DESC, last_seen DESC
    LIMIT ${sql.param(Math.min(limit, MAX_BREAKDOWN_ROWS), 'UInt32')} BY client_id`;
}

/** The latest occurrences, with stacks. */
export function recentErrorsSql(scope: Scope, search: string | undefined, limit: number): Sql {
  const matching = search ? sql`AND positionCaseInsensitiveUTF8(message, ${search}) > 0` : sql``;
  return sql`SELECT client_id, toUnixTimestamp64Milli(timestamp) AS time, error_type AS type, message, path,
      filename, lineno, colno, stack, browser_name AS browser, country
    FROM analytics.error_spans
    WHERE ${spansWhere(scope)} ${matching}
    ORDER BY client_id, timestamp DESC
    LIMIT ${sql.param(Math.min(limit, 100), 'UInt32')} BY client_id`;
}

/** Tracker custom events and server-side events (POST /v1/track) of the scope, as (client_id, name, visitor, properties). */
function customEventRowsSql(scope: Scope): Sql {
  return sql`SELECT client_id, event_name AS name, anonymous_id AS visitor, properties
      FROM analytics.events WHERE ${eventsWhere(scope)} AND event_type = 'custom'
      UNION ALL
      SELECT assumeNotNull(website_id) AS client_id, event_name AS name, ifNull(anonymous_id, '') AS visitor, properties
      FROM analytics.custom_events WHERE ${serverEventsWhere(scope)}`;
}

/**
 * Custom events (tracker and server-side) by name: occurrences and unique visitors. A server
 * event without an anonymous id counts as an occurrence but names no visitor.
 */
export function customEventsSql(scope: Scope): Sql {
  return sql`SELECT client_id, name, count() AS occurrences, ${distinctIf(sql`visitor`, sql`visitor != ''`)} AS visitors
    FROM (${customEventRowsSql(scope)})
    GROUP BY client_id, name
    ORDER BY client_id, occurrences DESC, name
    LIMIT ${sql.param(MAX_BREAKDOWN_ROWS, 'UInt32')} BY client_id`;
}

/** Property keys reported per event, most frequent first, and values per key. */
export const PROPERTY_LIMITS = { keys: 100, values: 50 } as const;

/**
 * One custom event's property values: how often each key takes each value. String values are
 * decoded from JSON (escapes included); other values keep their JSON text (`42`, `true`).
 * At most PROPERTY_LIMITS.keys keys (the most frequent first) and PROPERTY_LIMITS.values values each.
 */
export function eventPropertiesSql(scope: Scope, eventName: string): Sql {
  return sql`SELECT client_id, key, value, occurrences FROM (
      SELECT *, dense_rank() OVER (PARTITION BY client_id ORDER BY key_total DESC, key) AS key_rank FROM (
        SELECT *, sum(occurrences) OVER (PARTITION BY client_id, key) AS key_total FROM (
          SELECT client_id, kv.1 AS key,
            if(JSONType(kv.2) = 'String', JSONExtractString(kv.2), kv.2) AS value, count() AS occurrences
          FROM (${customEventRowsSql(scope)})
          ARRAY JOIN JSONExtractKeysAndValuesRaw(properties) AS kv
          WHERE name = ${eventName}
          GROUP BY client_id, key, value
        )
      )
    )
    WHERE key_rank <= ${sql.param(PROPERTY_LIMITS.keys, 'UInt32')}
    ORDER BY client_id, key_rank, occurrences DESC, value
    LIMIT ${sql.param(PROPERTY_LIMITS.values, 'UInt32')} BY client_id, key`;
}

/** Visits, newest first: entry and exit pages, page views, duration, where and on what. */
export function sessionsSql(scope: Scope, limit: number, offset: number): Sql {
  return sql`SELECT client_id, session_id, visitor_id AS visitor,
      toUnixTimestamp64Milli(started) AS started_ms, toUnixTimestamp64Milli(ended) AS ended_ms,
      views AS pageviews, entry_page, exit_page, referrer, country, browser_name AS browser, device_type AS device
    FROM (${visitsSql(scope)})
    ORDER BY client_id, started_ms DESC, session_id
    LIMIT ${sql.param(Math.min(limit, MAX_BREAKDOWN_ROWS), 'UInt32')} OFFSET ${sql.param(offset, 'UInt32')} BY client_id`;
}

/** Every event of one session, in order. */
export function sessionTimelineSql(websiteId: string, sessionId: string): Sql {
  return sql`SELECT toUnixTimestamp64Milli(time) AS time, event_name AS name, path, ifNull(title, '') AS title, properties
    FROM analytics.events
    WHERE client_id = ${websiteId} AND session_id = ${sessionId}
    ORDER BY time, event_name
    LIMIT 1000`;
}

/** Entry or exit pages: the first or last page viewed in each visit, with visits, visitors and bounce rate. */
export function entryExitSql(scope: Scope, which: 'ENTRY' | 'EXIT', limit: number): Sql {
  const page = which === 'ENTRY' ? sql`entry_page` : sql`exit_page`;
  return sql`SELECT client_id, ${page} AS value, count() AS sessions, ${distinct(sql`visitor_id`)} AS visitors,
      avg(views = 1) AS bounce_rate
    FROM (${visitsSql(scope)})
    GROUP BY client_id, value
    ORDER BY client_id, sessions DESC, value
    LIMIT ${sql.param(Math.min(limit, MAX_BREAKDOWN_ROWS), 'UInt32')} BY client_id`;
}

/** Page views of the websites in the range, of the visits a scope selects. */
function viewsOfSelectedVisits(scope: Scope): Sql {
  return sql`client_id IN ${sql.array(scope.websiteIds, 'String')}
    AND time >= ${scope.range.from} AND time < ${scope.range.to} AND event_name = 'screen_view'
    ${inSelectedVisits(scope)}`;
}

/** User journeys: how often visitors go from one page to the next within a visit (of the visits the filters select). */
export function transitionsSql(scope: Scope, limit: number): Sql {
  return sql`SELECT client_id, step.1 AS from_path, step.2 AS to_path, count() AS sessions
    FROM (
      SELECT client_id, arrayMap(x -> x.2, arraySort(groupArray((time, path)))) AS pages
      FROM analytics.events
      WHERE ${viewsOfSelectedVisits(scope)}
      GROUP BY client_id, session_id
    )
    ARRAY JOIN arrayZip(arrayPopBack(pages), arrayPopFront(pages)) AS step
    WHERE from_path != to_path
    GROUP BY client_id, from_path, to_path
    ORDER BY client_id, sessions DESC, from_path, to_path
    LIMIT ${sql.param(Math.min(limit, MAX_BREAKDOWN_ROWS), 'UInt32')} BY client_id`;
}

/** Events of the websites in the range, of the visits a scope selects. */
function eventsOfSelectedVisits(scope: Scope): Sql {
  return sql`client_id IN ${sql.array(scope.websiteIds, 'String')}
    AND time >= ${scope.range.from} AND time < ${scope.range.to}
    ${inSelectedVisits(scope)}`;
}

/**
 * Funnel entrants per step, over the visits the filters select: ClickHouse's windowFunnel
 * finds, per visitor, how many steps were completed in order within the window.
 */
export function funnelSql(scope: Scope, steps: readonly Condition[], windowSeconds: number): Sql {
  return sql`SELECT client_id, groupArray(level) AS levels, groupArray(visitors) AS counts
    FROM (
      SELECT client_id, level, count() AS visitors FROM (
        SELECT client_id, anonymous_id,
          windowFunnel(${sql.param(windowSeconds, 'UInt64')})(toDateTime(time), ${sql.join(steps.map(conditionSql), ', ')}) AS level
        FROM analytics.events
        WHERE ${eventsOfSelectedVisits(scope)}
        GROUP BY client_id, anonymous_id
      )
      GROUP BY client_id, level
    )
    GROUP BY client_id`;
}

/** Weekly cohorts by first visit in the range: visitors of each cohort with a visit N weeks later. */
export function retentionSql(scope: Scope): Sql {
  return sql`SELECT client_id, toUnixTimestamp(toDateTime(cohort, ${scope.range.timezone})) AS cohort_start,
      dateDiff('week', cohort, week) AS week_offset, count() AS visitors
    FROM (
      SELECT client_id, visitor_id, groupUniqArray(toMonday(started, ${scope.range.timezone})) AS weeks, arrayMin(weeks) AS cohort
      FROM (${visitsSql(scope)})
      GROUP BY client_id, visitor_id
    )
    ARRAY JOIN weeks AS week
    GROUP BY client_id, cohort, week
    ORDER BY client_id, cohort_start, week_offset`;
}

export const REVENUE_GROUPS = {
  NONE: "''",
  PRODUCT: "ifNull(product_name, ifNull(product_id, ''))",
  PROVIDER: 'provider',
  SOURCE: "if(source = '', '(unattributed)', source)",
} as const;
export type RevenueGroup = keyof typeof REVENUE_GROUPS;

/**
 * Revenue by currency (never summed across currencies), optionally by product, provider or
 * traffic source. A refund replaced its sale (ReplacingMergeTree, read FINAL): its row holds
 * what was kept, with the refunded amount in metadata. A payment is attributed to the paying
 * visitor's first visit (with a page view, before the range ends): its source (SOURCE) and
 * the visit filters read that visit; "(unattributed)" when the payment names no known visitor.
 * Event filters do not apply (payments are not events).
 */
export function revenueSql(scope: Scope, group: RevenueGroup): Sql {
  refuseEventFilters(scope);
  const key = sql.identifier(REVENUE_GROUPS[group], Object.values(REVENUE_GROUPS));
  const { visit } = byScope(scope.filters);
  const attributed = group === 'SOURCE' || visit.length > 0;
  const source = (DIMENSIONS.SOURCE.sql as { visits: () => Sql }).visits();
  const attribution = attributed
    ? sql`LEFT JOIN (
          SELECT client_id, visitor_id AS anonymous_id, argMin(${source}, started) AS source,
            argMin(${visitTreesSql(scope, visit)}, started) AS matches
          FROM (${visitsSql({ ...scope, filters: [], range: { ...scope.range, from: new Date(0) } })})
          GROUP BY client_id, anonymous_id
        ) AS visits ON visits.client_id = r.client_id AND visits.anonymous_id = r.anonymous_id`
    : sql``;
  return sql`SELECT r.client_id AS client_id, r.currency AS currency, ${key} AS value,
      toFloat64(sum(amount)) AS revenue,
      countIf(type != 'refund') AS transactions,
      countIf(type = 'refund') AS refunds,
      sum(JSONExtractFloat(metadata, 'refunded')) AS refunded
    FROM (${paymentsSql(scope.websiteIds, scope.range)}) AS r
    ${attribution}
    ${visit.length ? sql`WHERE visits.matches = 1` : sql``}
    GROUP BY client_id, currency, value
    ORDER BY client_id, currency, revenue DESC, value`;
}

/** LLM usage of an organization by provider and model: calls, errors, tokens, cost, latency percentiles. */
export function aiUsageSql(organizationIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT owner_id AS client_id, provider, model, count() AS calls,
      countIf(error_name IS NOT NULL OR ifNull(http_status, 200) >= 400) AS errors,
      sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, sum(total_tokens) AS total_tokens,
      sum(ifNull(total_token_cost_usd, 0)) AS cost_usd,
      quantiles(0.5, 0.95, 0.99)(duration_ms) AS latency_ms
    FROM observability.ai_call_spans
    WHERE owner_id IN ${sql.array(organizationIds, 'String')}
      AND timestamp >= ${range.from} AND timestamp < ${range.to}
    GROUP BY client_id, provider, model
    ORDER BY client_id, calls DESC, provider, model`;
}

const idsAndRange = (ids: readonly string[], column: string, range: DateRange) =>
  sql`${sql.identifier(column, ['link_id', 'monitor_id'])} IN ${sql.array(ids, 'String')}
    AND timestamp >= ${range.from} AND timestamp < ${range.to}`;

/** Clicks and unique clickers per link (clickers: daily visitor hashes, so a clicker on two days counts twice). */
export function linkStatsSql(linkIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT link_id AS client_id, count() AS clicks, uniqExact(visitor_hash) AS clickers
    FROM analytics.link_clicks WHERE ${idsAndRange(linkIds, 'link_id', range)}
    GROUP BY link_id`;
}

export const LINK_DIMENSIONS = {
  REFERRER: "domainWithoutWWW(ifNull(referrer, ''))",
  COUNTRY: 'country',
  DEVICE: 'device_type',
  BROWSER: 'browser_name',
} as const;
export type LinkDimension = keyof typeof LINK_DIMENSIONS;

export function linkBreakdownSql(linkIds: readonly string[], range: DateRange, dimension: LinkDimension): Sql {
  const value = sql.identifier(LINK_DIMENSIONS[dimension], Object.values(LINK_DIMENSIONS));
  return sql`SELECT link_id AS client_id, ${value} AS value, count() AS clicks, uniqExact(visitor_hash) AS clickers
    FROM analytics.link_clicks WHERE ${idsAndRange(linkIds, 'link_id', range)}
    GROUP BY link_id, value
    ORDER BY link_id, clicks DESC, value
    LIMIT 50 BY link_id`;
}

export function linkTimeseriesSql(linkIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT link_id AS client_id, toUnixTimestamp(toStartOfDay(timestamp, ${range.timezone})) AS bucket, count() AS clicks
    FROM analytics.link_clicks WHERE ${idsAndRange(linkIds, 'link_id', range)}
    GROUP BY link_id, bucket ORDER BY link_id, bucket`;
}

/** Availability (up or degraded) and latency percentiles per monitor. */
export function uptimeSql(monitorIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT monitor_id AS client_id, count() AS checks, countIf(status != 'down') / count() AS availability,
      countIf(status = 'degraded') AS degraded, quantiles(0.5, 0.95, 0.99)(total_ms) AS latency_ms
    FROM uptime.checks WHERE ${idsAndRange(monitorIds, 'monitor_id', range)}
    GROUP BY monitor_id`;
}

/**
 * Incidents: runs of at least `threshold` consecutive failed checks. An incident ends at the
 * first check after the run (which succeeded); 0 means it is still open.
 */
export function incidentsSql(monitorIds: readonly string[], range: DateRange, threshold: number): Sql {
  return sql`SELECT monitor_id AS client_id, toUnixTimestamp64Milli(min(timestamp)) AS started,
      argMax(next_check, timestamp) AS ended, count() AS failures, argMax(error, timestamp) AS last_error
    FROM (
      SELECT monitor_id, timestamp, status, ifNull(error, '') AS error,
        sum(status != 'down') OVER (w ROWS UNBOUNDED PRECEDING) AS run,
        toUnixTimestamp64Milli(leadInFrame(timestamp) OVER (w ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)) AS next_check
      FROM uptime.checks WHERE ${idsAndRange(monitorIds, 'monitor_id', range)}
      WINDOW w AS (PARTITION BY monitor_id ORDER BY timestamp)
    )
    WHERE status = 'down'
    GROUP BY monitor_id, run
    HAVING failures >= ${sql.param(threshold, 'UInt32')}
    ORDER BY monitor_id, started DESC`;
}

/** A vital's p75 (what Google rates) and page views per bucket (each once, in the bucket of its latest report). */
export function vitalsTimeseriesSql(scope: Scope, metric: string, interval: Interval): Sql {
  return sql`SELECT client_id, ${bucketSql(interval, scope.range.timezone, 'timestamp')} AS bucket,
      quantile(0.75)(metric_value) AS p75, count() AS samples
    FROM analytics.web_vitals FINAL
    WHERE ${spansWhere(scope)} AND metric_name = ${metric}
    GROUP BY client_id, bucket ORDER BY client_id, bucket`;
}

/**
 * Errors per bucket. Unfiltered, hour-aligned ranges at hourly or coarser buckets read the
 * hourly rollup (analytics.error_hourly), the rest raw spans; see plan.ts.
 */
export function errorTrendSql(
  scope: Scope,
  interval: Interval,
  plan: Plan<'error_hourly' | 'error_spans'> = planErrors('error_trend', scope, interval),
): Sql {
  if (plan.source === 'error_hourly') {
    return sql`SELECT client_id, ${bucketSql(interval, scope.range.timezone, 'hour')} AS bucket, sum(error_count) AS errors
      FROM analytics.error_hourly
      WHERE client_id IN ${sql.array(scope.websiteIds, 'String')} AND hour >= ${scope.range.from} AND hour < ${scope.range.to}
      GROUP BY client_id, bucket ORDER BY client_id, bucket`;
  }
  return sql`SELECT client_id, ${bucketSql(interval, scope.range.timezone, 'timestamp')} AS bucket, count() AS errors
    FROM analytics.error_spans WHERE ${spansWhere(scope)}
    GROUP BY client_id, bucket ORDER BY client_id, bucket`;
}

/** Errors by page, from the hourly rollup when the scope allows (see plan.ts). */
export function errorsByPageSql(
  scope: Scope,
  limit: number,
  plan: Plan<'error_hourly' | 'error_spans'> = planErrors('errors_by_page', scope),
): Sql {
  const source =
    plan.source === 'error_hourly'
      ? sql`SELECT client_id, path, sum(error_count) AS errors, uniqMerge(affected_users) AS visitors
          FROM analytics.error_hourly
          WHERE client_id IN ${sql.array(scope.websiteIds, 'String')} AND hour >= ${scope.range.from} AND hour < ${scope.range.to}
          GROUP BY client_id, path`
      : sql`SELECT client_id, path, count() AS errors, uniq(anonymous_id) AS visitors
          FROM analytics.error_spans WHERE ${spansWhere(scope)}
          GROUP BY client_id, path`;
  return sql`SELECT client_id, path AS value, errors, visitors FROM (${source})
    ORDER BY client_id, errors DESC, value
    LIMIT ${sql.param(Math.min(limit, MAX_BREAKDOWN_ROWS), 'UInt32')} BY client_id`;
}

/** LLM calls, tokens and cost per bucket, for an organization. */
export function aiTimeseriesSql(organizationIds: readonly string[], range: DateRange, interval: Interval): Sql {
  return sql`SELECT owner_id AS client_id, ${bucketSql(interval, range.timezone, 'timestamp')} AS bucket,
      count() AS calls, sum(total_tokens) AS tokens, sum(ifNull(total_token_cost_usd, 0)) AS cost_usd
    FROM observability.ai_call_spans
    WHERE owner_id IN ${sql.array(organizationIds, 'String')} AND timestamp >= ${range.from} AND timestamp < ${range.to}
    GROUP BY client_id, bucket ORDER BY client_id, bucket`;
}
