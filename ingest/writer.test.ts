import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQuery } from '../clickhouse/query.ts';
import { sql } from '../clickhouse/sql.ts';
import { freshClickHouse, type TestClickHouse } from '../clickhouse/test-support.ts';
import { IngestMetrics } from './metrics.ts';
import { BufferedWriter, BufferFullError, type Table } from './writer.ts';

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await freshClickHouse();
  await ch.client.command({ query: 'CREATE TABLE analytics.writer_test (n UInt32) ENGINE = MergeTree ORDER BY n' });
});
afterAll(() => ch.close());

const table = 'analytics.writer_test' as Table;
const count = async () =>
  (
    await runQuery<{ n: number }>(ch.client, {
      name: 'writer_count',
      query: sql`SELECT count() AS n FROM analytics.writer_test`,
    })
  )[0]?.n;
const options = { maxBatchRows: 50, flushIntervalMs: 10_000, maxBufferedRows: 120, attempts: 3 };

it('acknowledges a write only once its batch is stored, batching many writes into one insert', async () => {
  const metrics = new IngestMetrics();
  const writer = new BufferedWriter(ch.client, metrics, options);
  const writes = Array.from({ length: 10 }, (_, i) =>
    writer.write(
      table,
      Array.from({ length: 5 }, (_, j) => ({ n: i * 5 + j })),
    ),
  );
  // 50 rows reach maxBatchRows: one insert, every write resolved after it.
  await Promise.all(writes);
  expect(await count()).toBe(50);
  expect(metrics.render()).toContain('tidemark_ingest_flushes_total{table="analytics.writer_test"} 1');
});

it('refuses rows beyond the buffer bound, and flushes everything on close', async () => {
  const writer = new BufferedWriter(ch.client, new IngestMetrics(), options);
  const pending = writer.write(
    table,
    Array.from({ length: 40 }, (_, n) => ({ n })),
  );
  await expect(
    writer.write(
      table,
      Array.from({ length: 100 }, (_, n) => ({ n })),
    ),
  ).rejects.toBeInstanceOf(BufferFullError);
  expect(writer.hasRoomFor(80)).toBe(true);
  await writer.close();
  await pending;
  expect(await count()).toBe(90);
  expect(writer.hasRoomFor(1)).toBe(false);
});

it('retries a failed insert and fails the writes when it keeps failing', async () => {
  const metrics = new IngestMetrics();
  const writer = new BufferedWriter(ch.client, metrics, { ...options, flushIntervalMs: 5 });
  const missing = 'analytics.writer_later' as Table;
  const eventually = writer.write(missing, [{ n: 1 }]);
  // The table appears after the first attempt failed, during its backoff: the retry succeeds.
  while (!metrics.render().includes('flush_failures_total{table="analytics.writer_later"}')) {
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await ch.client.command({ query: 'CREATE TABLE analytics.writer_later (n UInt32) ENGINE = MergeTree ORDER BY n' });
  await eventually;
  expect(metrics.render()).toContain('tidemark_ingest_flushed_rows_total{table="analytics.writer_later"} 1');
  await expect(writer.write('analytics.nowhere' as Table, [{ n: 1 }])).rejects.toThrow(
    /nowhere|UNKNOWN_TABLE|doesn't exist/i,
  );
});
