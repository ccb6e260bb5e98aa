import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { type Scope, spansWhere } from '../scope.ts';
import { bucketSql, fillBuckets, type Interval } from '../time.ts';

/** Web vitals: percentiles and ratings, and a metric's p75 over time. SQL, rows and their mapping to the API, and loaders. */

export interface VitalStats {
  metric: string;
  /** The dimension's value ('' without a dimension). */
  value: string;
  samples: number;
  p50: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  /** Shares of samples rated by Google's thresholds; null for FPS, which has none. */
  good: number | null;
  needsImprovement: number | null;
  poor: number | null;
}

/** Google's thresholds: good ≤ first, poor > second. FPS has none (higher is better). */
export const VITAL_THRESHOLDS = {
  LCP: [2500, 4000],
  FCP: [1800, 3000],
  CLS: [0.1, 0.25],
  INP: [200, 500],
  TTFB: [800, 1800],
} as const;

export const VITAL_DIMENSIONS = {
  NONE: "''",
  PATH: 'path',
  BROWSER: 'browser_name',
  DEVICE: 'device_type',
  COUNTRY: 'country',
} as const;
export type VitalDimension = keyof typeof VITAL_DIMENSIONS;

/**
 * Web vitals percentiles (p50/p75/p90/p95/p99) per metric, optionally by a dimension, with the
 * share of good / poor page views. Each page view counts once, with its latest report (FINAL:
 * analytics.web_vitals replaces a page view's earlier reports), in the time of that report.
 * `quantiles` keeps 8192 samples per group: exact below that, a close estimate above.
 */
export function vitalsSql(scope: Scope, dimension: VitalDimension, path?: string): Sql {
  const value = sql.identifier(VITAL_DIMENSIONS[dimension], Object.values(VITAL_DIMENSIONS));
  const limit = (index: 0 | 1) =>
    sql.join(
      Object.entries(VITAL_THRESHOLDS).map(([metric, bounds]) => sql`metric_name = ${metric}, ${bounds[index]}`),
      ', ',
    );
  return sql`SELECT client_id, metric_name AS metric, ${value} AS value, count() AS samples,
      quantiles(0.5, 0.75, 0.9, 0.95, 0.99)(metric_value) AS percentiles,
      countIf(metric_value <= multiIf(${limit(0)}, inf)) / count() AS good_share,
      countIf(metric_value > multiIf(${limit(1)}, inf)) / count() AS poor_share
    FROM analytics.web_vitals FINAL
    WHERE ${spansWhere(scope, path)}
    GROUP BY client_id, metric, value
    ORDER BY client_id, metric, samples DESC, value
    LIMIT 100 BY client_id, metric`;
}

/** A vital's p75 (what Google rates) and page views per bucket (each once, in the bucket of its latest report). */
export function vitalsTimeseriesSql(scope: Scope, metric: string, interval: Interval): Sql {
  return sql`SELECT client_id, ${bucketSql(interval, scope.range.timezone, 'timestamp')} AS bucket,
      quantile(0.75)(metric_value) AS p75, count() AS samples
    FROM analytics.web_vitals FINAL
    WHERE ${spansWhere(scope)} AND metric_name = ${metric}
    GROUP BY client_id, bucket ORDER BY client_id, bucket`;
}

type VitalRow = {
  client_id: string;
  metric: string;
  value: string;
  samples: number;
  percentiles: number[];
  good_share: number;
  poor_share: number;
};

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function vitalsLoaders(run: Runner) {
  return {
    vitals: perWebsite<Scoped & { dimension: VitalDimension; path?: string }, VitalRow, VitalStats[]>(
      (websiteIds, key) =>
        run({ name: 'analytics_vitals', query: vitalsSql({ ...key, websiteIds }, key.dimension, key.path) }),
      (rows) =>
        rows.map(
          ({
            metric,
            value,
            samples,
            percentiles: [p50 = 0, p75 = 0, p90 = 0, p95 = 0, p99 = 0],
            good_share,
            poor_share,
          }) => {
            const rated = metric !== 'FPS';
            return {
              metric,
              value,
              samples,
              p50,
              p75,
              p90,
              p95,
              p99,
              good: rated ? good_share : null,
              needsImprovement: rated ? 1 - good_share - poor_share : null,
              poor: rated ? poor_share : null,
            };
          },
        ),
    ),

    vitalsTimeseries: perWebsite<
      Scoped & { metric: string; interval: Interval },
      { client_id: string; bucket: number; p75: number; samples: number },
      { time: Date; p75: number | null; samples: number }[]
    >(
      (websiteIds, key) =>
        run({
          name: 'analytics_vitals_timeseries',
          query: vitalsTimeseriesSql({ ...key, websiteIds }, key.metric, key.interval),
        }),
      (rows, key) =>
        fillBuckets(rows, key.range, key.interval, (time, row) => ({
          time,
          p75: row ? row.p75 : null,
          samples: row?.samples ?? 0,
        })),
    ),
  };
}
