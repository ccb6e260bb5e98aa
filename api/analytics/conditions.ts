import { type Sql, sql } from '../../clickhouse/sql.ts';
import { DOWNLOAD_EXTENSIONS } from '../../tracker/downloads.ts';

/**
 * What completes a goal or a funnel step, as a condition on one row of analytics.events. One
 * definition per kind, read by the goal and funnel queries (conversions.ts, families/funnels.ts) and by hasDone /
 * hasNotDone filters on goals (scope.ts); the API describes each (GoalType).
 */

export const GOAL_KINDS = [
  'PAGE_VIEW',
  'EVENT',
  'OUTGOING_LINK',
  'FILE_DOWNLOAD',
  'NOT_FOUND',
  'SCROLL_DEPTH',
] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

export interface Condition {
  type: GoalKind;
  /** Path pattern (PAGE_VIEW, NOT_FOUND, SCROLL_DEPTH), event name (EVENT), URL pattern (OUTGOING_LINK), extensions (FILE_DOWNLOAD). */
  target: string;
  /** EVENT: the custom property the event must carry, with this value. */
  propertyKey?: string | null;
  propertyValue?: string | null;
  /** SCROLL_DEPTH: the share of the page, 1–100 %, scrolled past. */
  scrollPercent?: number | null;
}

/** The custom event the tracker sends for a click on a same-site download link, and a site for its 404 page. */
export const FILE_DOWNLOAD_EVENT = 'file_download';
export const NOT_FOUND_EVENT = '404';

/** SQL `LIKE` pattern for a pattern where `*` matches anything (an empty pattern or `*`: everything). */
export function likePattern(pattern: string): string {
  return (pattern || '*').replace(/[\\%_]/g, (c) => `\\${c}`).replace(/\*/g, '%');
}

/** The extensions of a FILE_DOWNLOAD target: comma- or space-separated, without dots, lower case; `*`: the default list. */
export function downloadExtensions(target: string): string[] {
  if (target.trim() === '*') return DOWNLOAD_EXTENSIONS;
  const listed = target
    .split(/[\s,]+/)
    .map((e) => e.replace(/^\./, '').toLowerCase())
    .filter(Boolean);
  return listed.length ? listed : DOWNLOAD_EXTENSIONS;
}

const href = sql`JSONExtractString(properties, 'href')`;

export function conditionSql(condition: Condition): Sql {
  const { target } = condition;
  switch (condition.type) {
    case 'PAGE_VIEW':
      return sql`(event_name = 'screen_view' AND like(path, ${likePattern(target)}))`;
    case 'EVENT':
      return condition.propertyKey
        ? sql`(event_name = ${target} AND JSONExtractString(properties, ${condition.propertyKey}) = ${condition.propertyValue ?? ''})`
        : sql`(event_name = ${target})`;
    case 'OUTGOING_LINK':
      return sql`(event_name = 'outgoing_link' AND like(${href}, ${likePattern(target)}))`;
    case 'FILE_DOWNLOAD':
      // Downloads on the site (the tracker's file_download event) and on other hosts (outgoing links).
      return sql`(event_name IN (${FILE_DOWNLOAD_EVENT}, 'outgoing_link')
        AND has(${sql.array(downloadExtensions(target), 'String')}, lower(extract(path(${href}), '\\\\.([^./]+)$'))))`;
    case 'NOT_FOUND':
      return sql`(event_name = ${NOT_FOUND_EVENT} AND like(path, ${likePattern(target)}))`;
    case 'SCROLL_DEPTH':
      // The tracker reports how far a page was scrolled when it is left (page_exit).
      return sql`(scroll_depth >= ${sql.param(condition.scrollPercent ?? 100, 'Float32')} AND like(path, ${likePattern(target)}))`;
  }
}

/** The condition of a stored goal (its row carries more fields than the condition reads). */
export const conditionOf = ({ type, target, propertyKey, propertyValue, scrollPercent }: Condition): Condition => ({
  type,
  target,
  propertyKey,
  propertyValue,
  scrollPercent,
});
