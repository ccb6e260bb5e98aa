import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { type Plan, planErrors } from '../plan.ts';
import { MAX_BREAKDOWN_ROWS, type Scope, spansWhere } from '../scope.ts';
import { bucketSql, fillBuckets, type Interval } from '../time.ts';

/** JavaScript errors: groups, latest occurrences, trend and pages. SQL, rows and their mapping to the API, and loaders. */

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

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function errorsLoaders(run: Runner) {
  return {
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
  };
}
