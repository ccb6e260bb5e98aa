import { randomUUID } from 'node:crypto';
import { Histogram } from 'prom-client';
import type { ClickHouseClient } from './client.ts';
import { compile, type Sql } from './sql.ts';

export interface QueryOptions {
  /** snake_case name of the query, the prefix of its query id (visible in system.query_log). */
  name: string;
  query: Sql;
  /** Server-side limit (max_execution_time), in seconds. */
  timeoutSeconds?: number;
  /** More result rows than this fail the query instead of flooding memory. */
  maxResultRows?: number;
}

const QUERY_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Every runQuery's time by its name and outcome (`ok`, `error`), from sending it to its rows
 * parsed. Names are literals in the code, so the series are bounded. Registered and exposed by
 * runtime/metrics.ts.
 */
export const clickhouseQuerySeconds = new Histogram({
  name: 'tidemark_clickhouse_query_duration_seconds',
  help: 'Time of ClickHouse queries (runQuery) by query name and outcome.',
  labelNames: ['query', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [],
});

/**
 * Runs a SELECT and returns its rows. Every query carries a named id, a timeout and a result
 * size limit, as a SETTINGS clause because chDB leaks per-query settings into its session.
 * 64-bit integers arrive as numbers (see PINNED_SETTINGS), so rows need no conversion.
 */
export async function runQuery<Row>(client: ClickHouseClient, options: QueryOptions): Promise<Row[]> {
  if (!QUERY_NAME.test(options.name)) throw new Error(`Query name must be snake_case: ${options.name}`);
  const end = clickhouseQuerySeconds.startTimer({ query: options.name });
  try {
    const rows = await select<Row>(client, options);
    end({ outcome: 'ok' });
    return rows;
  } catch (error) {
    end({ outcome: 'error' });
    throw error;
  }
}

async function select<Row>(client: ClickHouseClient, options: QueryOptions): Promise<Row[]> {
  const { query, query_params } = compile(options.query);
  const timeout = Math.ceil(options.timeoutSeconds ?? 15);
  const maxRows = Math.floor(options.maxResultRows ?? 200_000);
  const result = await client.query({
    query: `${query}\nSETTINGS max_execution_time = ${timeout}, max_result_rows = ${maxRows}, result_overflow_mode = 'throw'`,
    query_params,
    query_id: `${options.name}_${randomUUID()}`,
    format: 'JSONEachRow',
  });
  return result.json<Row>();
}
