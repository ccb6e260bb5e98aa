import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perOwner, type Runner } from '../batching.ts';
import type { DateRange } from '../range.ts';
import { bucketSql, fillBuckets, type Interval } from '../time.ts';

/** LLM usage of an organization (keyed by organization id). SQL, rows and their mapping to the API, and loaders. */

export interface AiUsageRow {
  provider: string;
  model: string;
  calls: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  costUsd: number;
  latencyP50Ms: number;
  latencyP95Ms: number;
  latencyP99Ms: number;
}

/** LLM usage of an organization by provider and model: calls, errors, tokens, cost, latency percentiles. */
export function aiUsageSql(organizationIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT owner_id AS client_id, provider, model, count() AS calls,
      countIf(error_name IS NOT NULL OR ifNull(http_status, 200) >= 400) AS errors,
      sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens, sum(total_tokens) AS total_tokens,
      sum(ifNull(total_token_cost_usd, 0)) AS cost_usd,
      quantiles(0.5, 0.95, 0.99)(duration_ms) AS latency_ms
    FROM observability.ai_call_spans
    WHERE owner_id IN ${sql.array(organizationIds, 'String')}
      AND timestamp >= ${range.from} AND timestamp < ${range.to}
    GROUP BY client_id, provider, model
    ORDER BY client_id, calls DESC, provider, model`;
}

/** LLM calls, tokens and cost per bucket, for an organization. */
export function aiTimeseriesSql(organizationIds: readonly string[], range: DateRange, interval: Interval): Sql {
  return sql`SELECT owner_id AS client_id, ${bucketSql(interval, range.timezone, 'timestamp')} AS bucket,
      count() AS calls, sum(total_tokens) AS tokens, sum(ifNull(total_token_cost_usd, 0)) AS cost_usd
    FROM observability.ai_call_spans
    WHERE owner_id IN ${sql.array(organizationIds, 'String')} AND timestamp >= ${range.from} AND timestamp < ${range.to}
    GROUP BY client_id, bucket ORDER BY client_id, bucket`;
}

type AiDbRow = {
  client_id: string;
  provider: string;
  model: string;
  calls: number;
  errors: number;
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
  cost_usd: number;
  latency_ms: number[];
};

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function aiUsageLoaders(run: Runner) {
  return {
    /** Keyed by organization: LLM spans belong to the API key's organization. */
    aiUsage: perOwner<{ ownerId: string; range: DateRange }, AiDbRow, AiUsageRow[]>(
      (organizationIds, key) => run({ name: 'analytics_ai_usage', query: aiUsageSql(organizationIds, key.range) }),
      (rows) =>
        rows.map((r) => ({
          provider: r.provider,
          model: r.model,
          calls: r.calls,
          errors: r.errors,
          inputTokens: r.input_tokens,
          outputTokens: r.output_tokens,
          totalTokens: r.total_tokens,
          costUsd: r.cost_usd,
          latencyP50Ms: r.latency_ms[0] ?? 0,
          latencyP95Ms: r.latency_ms[1] ?? 0,
          latencyP99Ms: r.latency_ms[2] ?? 0,
        })),
    ),

    /** Keyed by organization. */
    aiTimeseries: perOwner<
      { ownerId: string; range: DateRange; interval: Interval },
      { client_id: string; bucket: number; calls: number; tokens: number; cost_usd: number },
      { time: Date; calls: number; tokens: number; costUsd: number }[]
    >(
      (organizationIds, key) =>
        run({ name: 'analytics_ai_timeseries', query: aiTimeseriesSql(organizationIds, key.range, key.interval) }),
      (rows, key) =>
        fillBuckets(rows, key.range, key.interval, (time, row) => ({
          time,
          calls: row?.calls ?? 0,
          tokens: row?.tokens ?? 0,
          costUsd: row?.cost_usd ?? 0,
        })),
    ),
  };
}
