import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { MAX_BREAKDOWN_ROWS, type Scope, visitsSql } from '../scope.ts';

/** Visits (sessions) list and one session's timeline. SQL, rows and their mapping to the API, and loaders. */

export interface SessionRow {
  sessionId: string;
  visitor: string;
  started: Date;
  ended: Date;
  durationSeconds: number;
  pageviews: number;
  entryPage: string;
  exitPage: string;
  referrer: string;
  country: string;
  browser: string;
  device: string;
}

/** One session's events in order (a single lookup: nothing to batch). */
export async function sessionTimeline(run: Runner, websiteId: string, sessionId: string) {
  const rows = await run<{ time: number; name: string; path: string; title: string; properties: string }>({
    name: 'analytics_session_timeline',
    query: sessionTimelineSql(websiteId, sessionId),
  });
  return rows.map((r) => ({ ...r, time: new Date(r.time) }));
}

/** Visits, newest first: entry and exit pages, page views, duration, where and on what. */
export function sessionsSql(scope: Scope, limit: number, offset: number): Sql {
  return sql`SELECT client_id, session_id, visitor_id AS visitor,
      toUnixTimestamp64Milli(started) AS started_ms, toUnixTimestamp64Milli(ended) AS ended_ms,
      views AS pageviews, entry_page, exit_page, referrer, country, browser_name AS browser, device_type AS device
    FROM (${visitsSql(scope)})
    ORDER BY client_id, started_ms DESC, session_id
    LIMIT ${sql.param(Math.min(limit, MAX_BREAKDOWN_ROWS), 'UInt32')} OFFSET ${sql.param(offset, 'UInt32')} BY client_id`;
}

/** Every event of one session, in order. */
export function sessionTimelineSql(websiteId: string, sessionId: string): Sql {
  return sql`SELECT toUnixTimestamp64Milli(time) AS time, event_name AS name, path, ifNull(title, '') AS title, properties
    FROM analytics.events
    WHERE client_id = ${websiteId} AND session_id = ${sessionId}
    ORDER BY time, event_name
    LIMIT 1000`;
}

type SessionDbRow = {
  client_id: string;
  session_id: string;
  visitor: string;
  started_ms: number;
  ended_ms: number;
  pageviews: number;
  entry_page: string;
  exit_page: string;
  referrer: string;
  country: string;
  browser: string;
  device: string;
};

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function sessionsLoaders(run: Runner) {
  return {
    sessions: perWebsite<Scoped & { limit: number; offset: number }, SessionDbRow, SessionRow[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_sessions', query: sessionsSql({ ...key, websiteIds }, key.limit, key.offset) }),
      (rows) =>
        rows.map((r) => ({
          sessionId: r.session_id,
          visitor: r.visitor,
          started: new Date(r.started_ms),
          ended: new Date(r.ended_ms),
          durationSeconds: (r.ended_ms - r.started_ms) / 1000,
          pageviews: r.pageviews,
          entryPage: r.entry_page,
          exitPage: r.exit_page,
          referrer: r.referrer,
          country: r.country,
          browser: r.browser,
          device: r.device,
        })),
    ),
  };
}
