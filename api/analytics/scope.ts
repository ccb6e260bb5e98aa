import { type Sql, sql } from '../../clickhouse/sql.ts';
import { UnsupportedFilterError } from '../errors.ts';
import { byScope, type Filter, filtersSql } from './filters.ts';
import type { DateRange } from './range.ts';

/**
 * What every analytics query shares: the websites, the range and the filters, turned into row
 * selections over visits and over each event table. Visit-scoped filters select visits (and
 * the events of those visits); event-scoped filters select events (and, for visit figures,
 * the visits containing a matching event). See dimensions.ts for the scopes.
 */

export interface Scope {
  websiteIds: readonly string[];
  range: DateRange;
  filters: readonly Filter[];
}

/**
 * Finalised visit rows of the websites, one per visit, with the column names the registry's
 * `visits` expressions use. GROUP BY the table's sort key merges partial rows (no FINAL).
 */
export function visitRowsSql(websiteIds: readonly string[]): Sql {
  return sql`SELECT client_id, session_id,
      any(anonymous_id) AS visitor_id, min(start_time) AS started, max(end_time) AS ended,
      argMinIfMerge(landing) AS landing_values,
      tupleElement(landing_values, 1) AS entry_page, tupleElement(landing_values, 2) AS referrer,
      tupleElement(landing_values, 3) AS utm_source, tupleElement(landing_values, 4) AS utm_medium,
      tupleElement(landing_values, 5) AS utm_campaign, tupleElement(landing_values, 6) AS utm_term,
      tupleElement(landing_values, 7) AS utm_content,
      argMaxIfMerge(exit_state) AS exit_page,
      sum(pageviews) AS views, sum(events) AS event_count, sum(outgoing_clicks) AS link_clicks,
      sum(time_on_page_sum) AS seconds_on_pages, sum(time_on_page_count) AS timed_pages,
      sum(scroll_depth_sum) AS scroll_sum, sum(scroll_depth_count) AS scrolled_pages,
      ifNull(any(country), '') AS country, ifNull(any(region), '') AS region, ifNull(any(city), '') AS city,
      ifNull(any(browser_name), '') AS browser_name, ifNull(any(browser_version), '') AS browser_version,
      ifNull(any(os_name), '') AS os_name, ifNull(any(os_version), '') AS os_version,
      ifNull(any(device_type), '') AS device_type, ifNull(any(screen_resolution), '') AS screen_resolution,
      ifNull(any(language), '') AS language, ifNull(any(timezone), '') AS timezone
    FROM analytics.visits
    WHERE client_id IN ${sql.array(websiteIds, 'String')}
    GROUP BY client_id, session_id`;
}

/** Events of the websites in the range (the time column of each table). */
function eventsInRange(websiteIds: readonly string[], range: DateRange): Sql {
  return sql`client_id IN ${sql.array(websiteIds, 'String')} AND time >= ${range.from} AND time < ${range.to}`;
}

/** Visits (client_id, session_id) overlapping the range whose attributes match the visit filters. */
function matchingVisitsSql({ websiteIds, range, filters }: Scope): Sql {
  return sql`SELECT client_id, session_id FROM (${visitRowsSql(websiteIds)})
    WHERE ended >= ${range.from} AND started < ${range.to} AND ${filtersSql(byScope(filters).visit, 'visits')}`;
}

/** Visits (client_id, session_id) with an event in the range matching the event filters. */
function visitsWithMatchingEventSql(scope: Scope): Sql {
  return sql`SELECT DISTINCT client_id, session_id FROM analytics.events
    WHERE ${eventsInRange(scope.websiteIds, scope.range)} AND ${filtersSql(byScope(scope.filters).event, 'events')}`;
}

/**
 * The visits a visit figure counts: started in the range, with a page view, matching the
 * visit filters and (with event filters) containing a matching event in the range. Columns as
 * in visitRowsSql.
 */
export function visitsSql(scope: Scope): Sql {
  const { visit, event } = byScope(scope.filters);
  const containing = event.length ? sql`AND (client_id, session_id) IN (${visitsWithMatchingEventSql(scope)})` : sql``;
  return sql`SELECT * FROM (${visitRowsSql(scope.websiteIds)})
    WHERE started >= ${scope.range.from} AND started < ${scope.range.to} AND views > 0
      AND ${filtersSql(visit, 'visits')} ${containing}`;
}

/** `AND (<client>, <session>) IN (matching visits)` when there are visit filters. */
function inMatchingVisits(scope: Scope, client: Sql, session: Sql): Sql {
  return byScope(scope.filters).visit.length
    ? sql`AND (${client}, ${session}) IN (${matchingVisitsSql(scope)})`
    : sql``;
}

/** analytics.events rows in the range matching the event filters, of visits matching the visit filters. */
export function eventsWhere(scope: Scope): Sql {
  return sql`${eventsInRange(scope.websiteIds, scope.range)}
    AND ${filtersSql(byScope(scope.filters).event, 'events')}
    ${inMatchingVisits(scope, sql`client_id`, sql`session_id`)}`;
}

/** Server-side events (analytics.custom_events) of the websites in the range, filtered alike. */
export function serverEventsWhere(scope: Scope): Sql {
  return sql`website_id IN ${sql.array(scope.websiteIds, 'String')}
    AND timestamp >= ${scope.range.from} AND timestamp < ${scope.range.to}
    AND ${filtersSql(byScope(scope.filters).event, 'custom_events')}
    ${inMatchingVisits(scope, sql`assumeNotNull(website_id)`, sql`ifNull(session_id, '')`)}`;
}

/**
 * Vitals and error spans of the websites in the range, filtered alike (page filters read their
 * path), and only on `path` if given.
 */
export function spansWhere(scope: Scope, path?: string): Sql {
  return sql`client_id IN ${sql.array(scope.websiteIds, 'String')}
    AND timestamp >= ${scope.range.from} AND timestamp < ${scope.range.to}
    ${path === undefined ? sql`` : sql`AND path = ${path}`}
    AND ${filtersSql(byScope(scope.filters).event, 'spans')}
    ${inMatchingVisits(scope, sql`client_id`, sql`session_id`)}`;
}

/** Refuses event filters, for families whose rows are not events (revenue). */
export function refuseEventFilters(scope: Scope): void {
  const { event } = byScope(scope.filters);
  if (event.length) throw new UnsupportedFilterError(event.map((f) => f.field));
}
