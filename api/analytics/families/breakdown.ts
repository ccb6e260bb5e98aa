import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { DIMENSIONS, type Dimension, type DimensionDef } from '../dimensions.ts';
import { distinct, distinctIf, eventsWhere, MAX_BREAKDOWN_ROWS, type Scope, visitsSql } from '../scope.ts';

/** Figures by one dimension's values (pages, sources, countries, ...). SQL, rows and their mapping to the API, and loaders. */

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

export const BREAKDOWN_SORTS = ['VISITORS', 'PAGEVIEWS', 'AVG_TIME_ON_PAGE'] as const;
export type BreakdownSort = (typeof BREAKDOWN_SORTS)[number];

export interface BreakdownPage {
  sort: BreakdownSort;
  /** Rows per website; capped at MAX_BREAKDOWN_ROWS. */
  limit: number;
  offset: number;
}

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
 * export is not bound by MAX_BREAKDOWN_ROWS; api/export/scratch.ts). The first `limit` rows are
 * taken by a top-N sort before they are numbered, so the window sorts at most `limit` rows.
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
    FROM (SELECT ${BREAKDOWN_COLUMNS} FROM (${rows}) ORDER BY ${order} LIMIT ${sql.param(limit, 'UInt32')})
    ORDER BY n`;
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

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function breakdownLoaders(run: Runner) {
  return {
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
