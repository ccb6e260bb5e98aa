import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { distinct, inSelectedVisits, MAX_BREAKDOWN_ROWS, type Scope, visitsSql } from '../scope.ts';

/** How visitors move: entry and exit pages, page-to-page transitions. SQL, rows and their mapping to the API, and loaders. */

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

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function journeysLoaders(run: Runner) {
  return {
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
  };
}
