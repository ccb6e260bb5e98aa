import type { IngestContext } from './context.ts';
import type { Claims } from './dedupe.ts';
import { HttpError } from './http.ts';
import { BufferFullError, type Row, type Table } from './writer.ts';

const overloaded = () =>
  new HttpError(503, 'OVERLOADED', 'Ingest is catching up; retry shortly', { 'retry-after': '1' });

/** Refuses a request up front when the write buffer cannot take its rows (backpressure). */
export function ensureRoom(ingest: IngestContext, rows: number): void {
  if (!ingest.writer.hasRoomFor(rows)) throw overloaded();
}

/**
 * Writes a request's rows and resolves once they are durable (spooled). Every row is first
 * checked against its columns' types, its strings made well-formed (see ColumnTypes): a value
 * ClickHouse would refuse or store altered refuses the request (400) before anything is
 * acknowledged. On failure the request's dedupe claims are released, so the client's retry is
 * stored rather than taken for a duplicate.
 */
export async function storeRows(
  ingest: IngestContext,
  rows: { table: Table; row: Row }[],
  claimed?: Claims,
): Promise<void> {
  const byTable = new Map<Table, Row[]>();
  for (const { table, row } of rows) {
    const problem = ingest.columns.check(table, row);
    if (problem) {
      if (claimed) for (const id of claimed.ids) ingest.pipeline.recentIds.release(claimed.scope, id);
      throw new HttpError(400, 'VALUE_OUT_OF_RANGE', `A value cannot be stored: ${problem}`);
    }
    const list = byTable.get(table);
    if (list) list.push(row);
    else byTable.set(table, [row]);
  }
  try {
    await Promise.all([...byTable].map(([table, list]) => ingest.writer.write(table, list)));
  } catch (error) {
    if (claimed) for (const id of claimed.ids) ingest.pipeline.recentIds.release(claimed.scope, id);
    if (error instanceof BufferFullError) throw overloaded();
    ingest.log.error('write failed', { error: (error as Error).message });
    throw new HttpError(503, 'STORE_UNAVAILABLE', 'Events could not be stored; retry shortly', { 'retry-after': '5' });
  }
  for (const [table, list] of byTable) ingest.metrics.accepted.inc({ table }, list.length);
}
