import { randomUUID } from 'node:crypto';
import type { ClickHouseClient } from '../../clickhouse/client.ts';
import { runQuery } from '../../clickhouse/query.ts';
import { compile, type Sql, sql } from '../../clickhouse/sql.ts';

/**
 * An export's one aggregation per file, read a page at a time. Embedded chDB returns a query's
 * whole result at once (see route.ts), so paging the family's query re-ran its aggregation per
 * page (pages.csv at 5M events: ~100 queries, 536 s for the whole ZIP). Instead the ordered,
 * numbered result (`n` from 1) is written once into a scratch MergeTree keyed by `n`, read page
 * by page by `n` range (a primary-key read, no aggregation), and dropped when the file is done,
 * read to the end or not (abort, error). Both engines run the same statements.
 */

/** Scratch tables live here and nowhere else, so a sweep can never drop anything but them. */
export const SCRATCH_DATABASE = 'tidemark_export';
/** A scratch table older than this outlived its export (a crash): sweepScratch drops it. */
const SCRATCH_TTL_SECONDS = 3600;
/**
 * An export's queries (a scratch table's aggregation, or a family's page) may take longer than an
 * interactive query's 15 s: a download is not a dashboard, and at 10M events on a busy machine a
 * compared groups page went past 15 s and cut the download off (bench:export, 2026-12-06).
 */
export const EXPORT_QUERY_SECONDS = 600;

async function command(clickhouse: ClickHouseClient, name: string, statement: Sql, seconds = 60): Promise<void> {
  const { query, query_params } = compile(statement);
  await clickhouse.command({
    query: `${query}\nSETTINGS max_execution_time = ${seconds}`,
    query_params,
    query_id: `${name}_${randomUUID()}`,
  });
}

/**
 * Drops scratch tables left by exports that never finished (the process died mid-download);
 * run at API start. Age rather than "all": in server mode other API processes share the
 * database and may be exporting now.
 */
export async function sweepScratch(clickhouse: ClickHouseClient): Promise<number> {
  await command(
    clickhouse,
    'export_scratch_database',
    sql`CREATE DATABASE IF NOT EXISTS ${sql.catalog(SCRATCH_DATABASE)}`,
  );
  const stale = await runQuery<{ name: string }>(clickhouse, {
    name: 'export_scratch_stale',
    query: sql`SELECT name FROM system.tables WHERE database = ${SCRATCH_DATABASE} AND startsWith(name, 'export_')
      AND metadata_modification_time < now() - toIntervalSecond(${sql.param(SCRATCH_TTL_SECONDS, 'UInt32')})`,
  });
  for (const { name } of stale) await drop(clickhouse, name);
  return stale.length;
}

const tableName = (name: string) => sql.catalog(`${SCRATCH_DATABASE}.${name}`);

async function drop(clickhouse: ClickHouseClient, name: string) {
  if (!/^export_[0-9a-f]{32}$/.test(name)) throw new Error(`Not a scratch table: ${name}`);
  await command(clickhouse, 'export_scratch_drop', sql`DROP TABLE IF EXISTS ${tableName(name)} SYNC`);
}

/**
 * The rows of `numbered` (a SELECT whose first column `n` numbers its rows from 1 in order),
 * `pageRows` at a time, in order; stops early when `signal` aborts. The scratch table is
 * dropped whichever way the generator ends (finished, returned early, thrown).
 */
export async function* scratchPages<Row>(
  clickhouse: ClickHouseClient,
  numbered: Sql,
  pageRows: number,
  signal: AbortSignal,
): AsyncGenerator<Row[]> {
  const name = `export_${randomUUID().replaceAll('-', '')}`;
  await command(
    clickhouse,
    'export_scratch_database',
    sql`CREATE DATABASE IF NOT EXISTS ${sql.catalog(SCRATCH_DATABASE)}`,
  );
  try {
    await command(
      clickhouse,
      'export_materialise',
      sql`CREATE TABLE ${tableName(name)} ENGINE = MergeTree ORDER BY n AS ${numbered}`,
      EXPORT_QUERY_SECONDS,
    );
    for (let after = 0; !signal.aborted; after += pageRows) {
      const rows = await runQuery<Row & { n?: number }>(clickhouse, {
        name: 'export_page',
        query: sql`SELECT * EXCEPT n FROM ${tableName(name)}
          WHERE n > ${sql.param(after, 'UInt64')} AND n <= ${sql.param(after + pageRows, 'UInt64')} ORDER BY n`,
        maxResultRows: pageRows,
      });
      if (rows.length) yield rows;
      if (rows.length < pageRows) return;
    }
  } finally {
    await drop(clickhouse, name);
  }
}
