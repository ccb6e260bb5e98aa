import { type Sql, sql } from '../../clickhouse/sql.ts';
import { type Filter, filtersSql } from './filters.ts';
import { chooseSource } from './plan.ts';
import type { DateRange } from './range.ts';

/**
 * SQL for each analytics family. Every builder takes a list of websites and returns one row
 * group per `client_id`, so one query answers the same question for many websites (see
 * loader.ts). Pure: nothing here talks to ClickHouse.
 */

export interface Scope {
  websiteIds: readonly string[];
  range: DateRange;
  filters: readonly Filter[];
}

/** The WHERE clause every events query shares: websites, time range, filters. */
export function eventsWhere({ websiteIds, range, filters }: Scope): Sql {
  return sql`client_id IN ${sql.array(websiteIds, 'String')}
    AND time >= ${range.from} AND time < ${range.to}
    AND ${filtersSql(filters)}`;
}

/**
 * Pageviews, visitors, sessions, bounces and session duration. Exact (uniqExact); sessions
 * count when they have a page view; a bounce is a session with one page view; duration spans a
 * session's first to last event.
 */
export function summarySql(scope: Scope): Sql {
  return sql`SELECT client_id,
      sum(views) AS pageviews,
      uniqExact(visitor) AS visitors,
      count() AS sessions,
      countIf(views = 1) AS bounces,
      avg(duration) AS avg_session_seconds
    FROM (
      SELECT client_id, session_id, any(anonymous_id) AS visitor,
        countIf(event_name = 'screen_view') AS views,
        dateDiff('millisecond', min(time), max(time)) / 1000 AS duration
      FROM analytics.events
      WHERE ${eventsWhere(scope)}
      GROUP BY client_id, session_id
      HAVING views > 0
    )
    GROUP BY client_id`;
}

/** Visitors with any event in the last five minutes. */
export function realtimeSql(websiteIds: readonly string[]): Sql {
  return sql`SELECT client_id, uniqExact(anonymous_id) AS visitors
    FROM analytics.events
    WHERE client_id IN ${sql.array(websiteIds, 'String')} AND time >= now64(3) - INTERVAL 5 MINUTE
    GROUP BY client_id`;
}

export const INTERVALS = ['MINUTE', 'HOUR', 'DAY', 'WEEK', 'MONTH'] as const;
export type Interval = (typeof INTERVALS)[number];

/** Bucket start in the range's timezone (weeks start on Monday), as epoch seconds. */
function bucketSql(interval: Interval, timezone: string): Sql {
  const fn = sql.identifier(
    {
      MINUTE: 'toStartOfMinute',
      HOUR: 'toStartOfHour',
      DAY: 'toStartOfDay',
      WEEK: 'toMonday',
      MONTH: 'toStartOfMonth',
    }[interval],
    ['toStartOfMinute', 'toStartOfHour', 'toStartOfDay', 'toMonday', 'toStartOfMonth'],
  );
  // toMonday/toStartOfMonth return a Date: make it the local midnight it means.
  return interval === 'WEEK' || interval === 'MONTH'
    ? sql`toUnixTimestamp(toDateTime(${fn}(time, ${timezone}), ${timezone}))`
    : sql`toUnixTimestamp(${fn}(time, ${timezone}))`;
}

/** Page views, visitors and sessions per bucket, from raw events or from the daily rollup (see plan.ts). */
export function timeseriesSql(scope: Scope, interval: Interval): Sql {
  if (chooseSource({ ...scope, interval, metrics: ['pageviews', 'visitors', 'sessions'] }) === 'daily_pageviews') {
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
      uniqExactIf(anonymous_id, event_name = 'screen_view') AS visitors,
      uniqExactIf(session_id, event_name = 'screen_view') AS sessions
    FROM analytics.events
    WHERE ${eventsWhere(scope)}
    GROUP BY client_id, bucket
    ORDER BY client_id, bucket`;
}

/** Breakdown dimensions → their expression over analytics.events. */
export const DIMENSIONS = {
  PATH: 'path',
  REFERRER: "ifNull(referrer, '')",
  REFERRER_DOMAIN: "domainWithoutWWW(ifNull(referrer, ''))",
  UTM_SOURCE: "ifNull(utm_source, '')",
  UTM_MEDIUM: "ifNull(utm_medium, '')",
  UTM_CAMPAIGN: "ifNull(utm_campaign, '')",
  UTM_TERM: "ifNull(utm_term, '')",
  UTM_CONTENT: "ifNull(utm_content, '')",
  COUNTRY: "ifNull(country, '')",
  REGION: "ifNull(region, '')",
  CITY: "ifNull(city, '')",
  BROWSER: "ifNull(browser_name, '')",
  BROWSER_VERSION: "concat(ifNull(browser_name, ''), ' ', ifNull(browser_version, ''))",
  OS: "ifNull(os_name, '')",
  OS_VERSION: "concat(ifNull(os_name, ''), ' ', ifNull(os_version, ''))",
  DEVICE: "ifNull(device_type, '')",
  SCREEN_RESOLUTION: "ifNull(screen_resolution, '')",
  LANGUAGE: "ifNull(language, '')",
  TIMEZONE: "ifNull(timezone, '')",
} as const;
export type Dimension = keyof typeof DIMENSIONS;

export const BREAKDOWN_SORTS = ['VISITORS', 'PAGEVIEWS', 'AVG_TIME_ON_PAGE'] as const;
export type BreakdownSort = (typeof BREAKDOWN_SORTS)[number];

export interface BreakdownPage {
  sort: BreakdownSort;
  /** Rows per website; capped at MAX_BREAKDOWN_ROWS. */
  limit: number;
  offset: number;
}

export const MAX_BREAKDOWN_ROWS = 1000;

/** Visitors, page views and time on page by one dimension, sorted and paginated per website. */
export function breakdownSql(scope: Scope, dimension: Dimension, page: BreakdownPage): Sql {
  const value = sql.identifier(DIMENSIONS[dimension], Object.values(DIMENSIONS));
  const sortColumn = sql.identifier(
    { VISITORS: 'visitors', PAGEVIEWS: 'pageviews', AVG_TIME_ON_PAGE: 'avg_time_on_page' }[page.sort],
    ['visitors', 'pageviews', 'avg_time_on_page'],
  );
  return sql`SELECT client_id, ${value} AS value,
      uniqExactIf(anonymous_id, event_name = 'screen_view') AS visitors,
      countIf(event_name = 'screen_view') AS pageviews,
      avgIf(time_on_page, event_name = 'page_exit') AS avg_time_on_page
    FROM analytics.events
    WHERE ${eventsWhere(scope)} AND event_name IN ('screen_view', 'page_exit')
    GROUP BY client_id, value
    HAVING pageviews > 0
    ORDER BY client_id, ${sortColumn} DESC, value
    LIMIT ${sql.param(Math.min(page.limit, MAX_BREAKDOWN_ROWS), 'UInt32')}
      OFFSET ${sql.param(page.offset, 'UInt32')} BY client_id`;
}
