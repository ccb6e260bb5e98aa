import { randomUUID } from 'node:crypto';
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
 * Runs a SELECT and returns its rows. Every query carries a named id, a timeout and a result
 * size limit, as a SETTINGS clause because chDB leaks per-query settings into its session.
 * 64-bit integers arrive as numbers (see PINNED_SETTINGS), so rows need no conversion.
 */
export async function runQuery<Row>(client: ClickHouseClient, options: QueryOptions): Promise<Row[]> {
  if (!QUERY_NAME.test(options.name)) throw new Error(`Query name must be snake_case: ${options.name}`);
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
