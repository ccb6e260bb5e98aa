import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perOwner, type Runner } from '../batching.ts';
import type { DateRange } from '../range.ts';
import { idsAndRange } from '../scope.ts';

/** Uptime monitors: availability, latency and incidents (keyed by monitor id). SQL, rows and their mapping to the API, and loaders. */

export interface UptimeStats {
  checks: number;
  /** Share of checks up or degraded, 0–1 (null without checks). */
  availability: number | null;
  degraded: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  latencyP99Ms: number | null;
}

export interface Incident {
  started: Date;
  /** The first successful check after it; null while it lasts. */
  ended: Date | null;
  failures: number;
  lastError: string;
}

/** Consecutive failed checks that make an incident. */
export const INCIDENT_THRESHOLD = 2;

/** Availability (up or degraded) and latency percentiles per monitor. */
export function uptimeSql(monitorIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT monitor_id AS client_id, count() AS checks, countIf(status != 'down') / count() AS availability,
      countIf(status = 'degraded') AS degraded, quantiles(0.5, 0.95, 0.99)(total_ms) AS latency_ms
    FROM uptime.checks WHERE ${idsAndRange(monitorIds, 'monitor_id', range)}
    GROUP BY monitor_id`;
}

/**
 * Incidents: runs of at least `threshold` consecutive failed checks. An incident ends at the
 * first check after the run (which succeeded); 0 means it is still open.
 */
export function incidentsSql(monitorIds: readonly string[], range: DateRange, threshold: number): Sql {
  return sql`SELECT monitor_id AS client_id, toUnixTimestamp64Milli(min(timestamp)) AS started,
      argMax(next_check, timestamp) AS ended, count() AS failures, argMax(error, timestamp) AS last_error
    FROM (
      SELECT monitor_id, timestamp, status, ifNull(error, '') AS error,
        sum(status != 'down') OVER (w ROWS UNBOUNDED PRECEDING) AS run,
        toUnixTimestamp64Milli(leadInFrame(timestamp) OVER (w ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING)) AS next_check
      FROM uptime.checks WHERE ${idsAndRange(monitorIds, 'monitor_id', range)}
      WINDOW w AS (PARTITION BY monitor_id ORDER BY timestamp)
    )
    WHERE status = 'down'
    GROUP BY monitor_id, run
    HAVING failures >= ${sql.param(threshold, 'UInt32')}
    ORDER BY monitor_id, started DESC`;
}

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function uptimeLoaders(run: Runner) {
  return {
    /** Keyed by monitor id. */
    uptime: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; checks: number; availability: number; degraded: number; latency_ms: number[] },
      UptimeStats
    >(
      (monitorIds, key) => run({ name: 'uptime_stats', query: uptimeSql(monitorIds, key.range) }),
      ([row]) => ({
        checks: row?.checks ?? 0,
        availability: row ? row.availability : null,
        degraded: row?.degraded ?? 0,
        latencyP50Ms: row?.latency_ms[0] ?? null,
        latencyP95Ms: row?.latency_ms[1] ?? null,
        latencyP99Ms: row?.latency_ms[2] ?? null,
      }),
    ),

    incidents: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; started: number; ended: number; failures: number; last_error: string },
      Incident[]
    >(
      (monitorIds, key) =>
        run({ name: 'uptime_incidents', query: incidentsSql(monitorIds, key.range, INCIDENT_THRESHOLD) }),
      (rows) =>
        rows.map((r) => ({
          started: new Date(r.started),
          ended: r.ended ? new Date(r.ended) : null,
          failures: r.failures,
          lastError: r.last_error,
        })),
    ),
  };
}
