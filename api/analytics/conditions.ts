import { type Sql, sql } from '../../clickhouse/sql.ts';

/**
 * What a goal, a funnel step or a behavioural filter looks for in analytics.events rows: read
 * by the goal and funnel queries (queries.ts) and by hasDone / hasNotDone filters (scope.ts).
 */

/** A goal or funnel step: a page (path pattern, `*` matches anything) or a custom event name. */
export interface Condition {
  type: 'PAGE_VIEW' | 'EVENT';
  target: string;
}

/** SQL `LIKE` pattern for a path pattern where `*` matches anything. */
export function likePattern(pattern: string): string {
  return pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

export function conditionSql(condition: Condition): Sql {
  return condition.type === 'PAGE_VIEW'
    ? sql`(event_name = 'screen_view' AND like(path, ${likePattern(condition.target)}))`
    : sql`(event_name = ${condition.target})`;
}
