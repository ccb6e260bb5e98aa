import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { type Condition, conditionSql } from '../conditions.ts';
import { inSelectedVisits, type Scope } from '../scope.ts';

/** Funnels: visitors completing ordered steps within a window. SQL, rows and their mapping to the API, and loaders. */

export interface FunnelStepResult {
  /** Visitors who reached this step (in order, within the window). */
  visitors: number;
  /** Share of the first step's visitors, 0–1. */
  conversion: number;
  /** Share of the previous step's visitors lost at this step, 0–1. */
  dropOff: number;
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

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function funnelsLoaders(run: Runner) {
  return {
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
  };
}
