import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { type Plan, planTimeseries, type Source } from '../plan.ts';
import { distinctIf, eventsWhere, type Scope } from '../scope.ts';
import { bucketSql, fillBuckets, type Interval } from '../time.ts';

/** Page views, visitors and visits per time bucket. SQL, rows and their mapping to the API, and loaders. */

export interface TimeseriesPoint {
  time: Date;
  pageviews: number;
  visitors: number;
  sessions: number;
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

type BucketRow = { client_id: string; bucket: number; pageviews: number; visitors: number; sessions: number };

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function timeseriesLoaders(run: Runner) {
  return {
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
  };
}
