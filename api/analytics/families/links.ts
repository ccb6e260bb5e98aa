import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perOwner, type Runner } from '../batching.ts';
import type { DateRange } from '../range.ts';
import { idsAndRange } from '../scope.ts';
import { fillBuckets } from '../time.ts';

/** Short-link clicks (keyed by link id). SQL, rows and their mapping to the API, and loaders. */

/** Clicks and unique clickers per link (clickers: daily visitor hashes, so a clicker on two days counts twice). */
export function linkStatsSql(linkIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT link_id AS client_id, count() AS clicks, uniqExact(visitor_hash) AS clickers
    FROM analytics.link_clicks WHERE ${idsAndRange(linkIds, 'link_id', range)}
    GROUP BY link_id`;
}

export const LINK_DIMENSIONS = {
  REFERRER: "domainWithoutWWW(ifNull(referrer, ''))",
  COUNTRY: 'country',
  DEVICE: 'device_type',
  BROWSER: 'browser_name',
} as const;
export type LinkDimension = keyof typeof LINK_DIMENSIONS;

export function linkBreakdownSql(linkIds: readonly string[], range: DateRange, dimension: LinkDimension): Sql {
  const value = sql.identifier(LINK_DIMENSIONS[dimension], Object.values(LINK_DIMENSIONS));
  return sql`SELECT link_id AS client_id, ${value} AS value, count() AS clicks, uniqExact(visitor_hash) AS clickers
    FROM analytics.link_clicks WHERE ${idsAndRange(linkIds, 'link_id', range)}
    GROUP BY link_id, value
    ORDER BY link_id, clicks DESC, value
    LIMIT 50 BY link_id`;
}

export function linkTimeseriesSql(linkIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT link_id AS client_id, toUnixTimestamp(toStartOfDay(timestamp, ${range.timezone})) AS bucket, count() AS clicks
    FROM analytics.link_clicks WHERE ${idsAndRange(linkIds, 'link_id', range)}
    GROUP BY link_id, bucket ORDER BY link_id, bucket`;
}

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function linksLoaders(run: Runner) {
  return {
    /** Keyed by link id. */
    linkStats: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; clicks: number; clickers: number },
      { clicks: number; clickers: number }
    >(
      (linkIds, key) => run({ name: 'link_stats', query: linkStatsSql(linkIds, key.range) }),
      ([row]) => ({ clicks: row?.clicks ?? 0, clickers: row?.clickers ?? 0 }),
    ),

    linkBreakdown: perOwner<
      { ownerId: string; range: DateRange; dimension: LinkDimension },
      { client_id: string; value: string; clicks: number; clickers: number },
      { value: string; clicks: number; clickers: number }[]
    >(
      (linkIds, key) => run({ name: 'link_breakdown', query: linkBreakdownSql(linkIds, key.range, key.dimension) }),
      (rows) => rows.map(({ value, clicks, clickers }) => ({ value, clicks, clickers })),
    ),

    linkTimeseries: perOwner<
      { ownerId: string; range: DateRange },
      { client_id: string; bucket: number; clicks: number },
      { time: Date; clicks: number }[]
    >(
      (linkIds, key) => run({ name: 'link_timeseries', query: linkTimeseriesSql(linkIds, key.range) }),
      (rows, key) => fillBuckets(rows, key.range, 'DAY', (time, row) => ({ time, clicks: row?.clicks ?? 0 })),
    ),
  };
}
