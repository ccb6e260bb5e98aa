import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { type Scope, visitsSql } from '../scope.ts';

/** Weekly retention cohorts. SQL, rows and their mapping to the API, and loaders. */

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

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function retentionLoaders(run: Runner) {
  return {
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
  };
}
