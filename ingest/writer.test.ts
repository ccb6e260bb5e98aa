import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { insertJsonLines } from '../clickhouse/client.ts';
import { runQuery } from '../clickhouse/query.ts';
import { sql, toClickHouseDateTime } from '../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../clickhouse/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { IngestMetrics } from './metrics.ts';
import { encodeFrame, leftoverSegments } from './spool.ts';
import { BufferFullError, SpooledWriter, type Table, type WriterOptions } from './writer.ts';

let ch: TestClickHouse;
const root = mkdtempSync(join(tmpdir(), 'tidemark-spool-'));
beforeAll(async () => {
  ch = await freshClickHouse();
  await ch.client.command({
    query:
      // One column per kind of value ClickHouse can refuse; a partition per day, as the real tables.
      `CREATE TABLE analytics.writer_test (n UInt32, d Decimal64(4) DEFAULT 0, s String DEFAULT '',
        t DateTime('UTC') DEFAULT now(), a Array(String) DEFAULT [])
      ENGINE = MergeTree PARTITION BY toDate(t) ORDER BY n SETTINGS non_replicated_deduplication_window = 1000`,
  });
});
afterAll(async () => {
  await ch.close();
  rmSync(root, { recursive: true, force: true });
});

const table = 'analytics.writer_test' as Table;
const log = createLogger('writer-test', 'error');
const count = async () =>
  (
    await runQuery<{ n: number }>(ch.client, {
      name: 'writer_count',
      query: sql`SELECT count() AS n FROM analytics.writer_test`,
    })
  )[0]?.n;
const rowsFrom = (from: number, length: number) => Array.from({ length }, (_, i) => ({ n: from + i }));

let spools = 0;
const options = (overrides: Partial<WriterOptions> = {}): WriterOptions => ({
  spoolDir: join(root, `spool-${++spools}`),
  fsync: true,
  maxBatchRows: 50,
  flushIntervalMs: 60_000,
  maxBufferedRows: 120,
  ...overrides,
});
const open = (o: WriterOptions, metrics = new IngestMetrics()) => SpooledWriter.open(ch.client, metrics, log, o);

it('acknowledges writes once they are in the spool and inserts them as one batch', async () => {
  await ch.client.command({ query: 'TRUNCATE TABLE analytics.writer_test' });
  const metrics = new IngestMetrics();
  const o = options();
  const writer = await open(o, metrics);
  await Promise.all(Array.from({ length: 4 }, (_, i) => writer.write(table, rowsFrom(i * 5, 5))));
  // Acknowledged from disk: the rows are in a spool segment, not yet in ClickHouse.
  expect(await leftoverSegments(o.spoolDir)).toHaveLength(1);
  expect(await count()).toBe(0);
  expect(writer.bufferedRows).toBe(20);
  await writer.flush();
  expect(await count()).toBe(20);
  expect(await leftoverSegments(o.spoolDir)).toEqual([]);
  const rendered = await metrics.render();
  expect(rendered).toContain('tidemark_ingest_flush_duration_seconds_count{table="analytics.writer_test"} 1');
  expect(rendered).toContain(
    'tidemark_ingest_flush_duration_seconds_bucket{le="+Inf",table="analytics.writer_test"} 1',
  );
  expect(rendered).toContain('# TYPE tidemark_ingest_flush_duration_seconds histogram');
  expect(rendered).toContain('tidemark_ingest_buffered_rows 0');
  expect(await metrics.render()).toContain('tidemark_ingest_flushed_rows_total{table="analytics.writer_test"} 20');
  // A full batch (maxBatchRows) is inserted without waiting for the interval.
  await writer.write(table, rowsFrom(100, 50));
  await expect.poll(count, { timeout: 10_000 }).toBe(70);
  await writer.close();
});

it('refuses rows beyond the buffer bound, inserts everything on close, then refuses all', async () => {
  await ch.client.command({ query: 'TRUNCATE TABLE analytics.writer_test' });
  const writer = await open(options());
  await writer.write(table, rowsFrom(0, 40));
  await expect(writer.write(table, rowsFrom(40, 100))).rejects.toBeInstanceOf(BufferFullError);
  expect(writer.hasRoomFor(80)).toBe(true);
  await writer.close();
  expect(await count()).toBe(40);
  expect(writer.hasRoomFor(1)).toBe(false);
});

it('keeps an acknowledged batch and retries its insert until it succeeds', async () => {
  const metrics = new IngestMetrics();
  const writer = await open(options({ flushIntervalMs: 5 }), metrics);
  const later = 'analytics.writer_later' as Table;
  await writer.write(later, [{ n: 1 }]);
  // The table appears only after the first attempts failed: a retry stores the row.
  await expect
    .poll(() => metrics.render(), { timeout: 10_000 })
    .toContain('flush_failures_total{table="analytics.writer_later"}');
  await ch.client.command({ query: 'CREATE TABLE analytics.writer_later (n UInt32) ENGINE = MergeTree ORDER BY n' });
  await writer.flush();
  expect(await metrics.render()).toContain('tidemark_ingest_flushed_rows_total{table="analytics.writer_later"} 1');
  await writer.close();
});

it('replays segments left by a crash once each, ignoring torn or garbled tails', async () => {
  await ch.client.command({ query: 'TRUNCATE TABLE analytics.writer_test' });
  const o = options();
  const writer = await open(o);
  await writer.write(table, rowsFrom(0, 10));
  // The spool as a crash would leave it: one segment, acknowledged but maybe not inserted.
  const [segment] = await leftoverSegments(o.spoolDir);
  const crashed = join(root, 'crashed');
  mkdirSync(crashed);
  copyFileSync(join(o.spoolDir, segment as string), join(crashed, segment as string));
  // This process inserts it before "crashing": the replay must not store it twice.
  await writer.close();
  expect(await count()).toBe(10);

  // Two more leftovers, never inserted, whose last appends a crash tore or garbled.
  const intact = (from: number) => encodeFrame(table, `{"n":${from}}\n{"n":${from + 1}}\n`).frame;
  const truncated = encodeFrame(table, '{"n":999}\n').frame.subarray(0, 12);
  const garbled = Buffer.from(encodeFrame(table, '{"n":998}\n').frame);
  garbled[garbled.length - 3] = 0x37;
  writeFileSync(join(crashed, `${'9'.repeat(15)}-1-torn.seg`), Buffer.concat([intact(100), truncated]));
  writeFileSync(join(crashed, `${'9'.repeat(15)}-2-garbled.seg`), Buffer.concat([intact(200), garbled]));

  const restarted = await open({ ...o, spoolDir: crashed });
  await restarted.flush();
  expect(await count()).toBe(14);
  const [{ top } = { top: 0 }] = await runQuery<{ top: number }>(ch.client, {
    name: 'writer_top',
    query: sql`SELECT max(n) AS top FROM analytics.writer_test`,
  });
  expect(top).toBe(201);
  expect(await leftoverSegments(crashed)).toEqual([]);
  await restarted.close();
});

/** A logger that keeps what it is told (to check what an operator would see). */
function recordingLog() {
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, fields });
  return { lines, log: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
}

const storedNumbers = async () =>
  (
    await runQuery<{ n: number }>(ch.client, {
      name: 'writer_rows',
      query: sql`SELECT n FROM analytics.writer_test ORDER BY n`,
    })
  ).map((r) => r.n);

// Each kind of row ClickHouse refuses (validation upstream should make them impossible; if one
// ever reaches the spool it must cost only itself), with the code ClickHouse refuses it with.
const POISON: [kind: string, row: Record<string, unknown>, code: RegExp][] = [
  ['decimal with too many digits', { n: 100, d: 1e20 }, /Code: 69\b/],
  ['lone surrogate', { n: 100, s: 'a\ud800b' }, /Code: 25\b/],
  ['negative unsigned', { n: -1 }, /Code: 72\b/],
  ['string for a number', { n: 'five' }, /Code: 27\b/],
  ['unreadable date', { n: 100, t: 'garbage' }, /Code: 41\b/],
  ['scalar for an array', { n: 100, a: 5 }, /Code: 130\b/],
];

it.each(POISON)(
  'quarantines a row refused as %s; it never delays the others, also on replay',
  async (_, poison, code) => {
    await ch.client.command({ query: 'TRUNCATE TABLE analytics.writer_test' });
    const metrics = new IngestMetrics();
    const { lines, log: recording } = recordingLog();
    const o = options();
    const writer = await SpooledWriter.open(ch.client, metrics, recording, o);
    await writer.write(table, [...rowsFrom(0, 5), poison, ...rowsFrom(5, 5)]);
    // Acknowledged after the poison row, in the same batch.
    await writer.write(table, rowsFrom(10, 3));
    const [segment] = (await leftoverSegments(o.spoolDir)) as [string];
    const crashed = join(root, `crashed-${spools}`);
    mkdirSync(crashed);
    copyFileSync(join(o.spoolDir, segment), join(crashed, segment));
    await writer.flush();
    const good = Array.from({ length: 13 }, (_, i) => i);
    expect(await storedNumbers()).toEqual(good);
    const quarantined = `${segment}.${table}.jsonl`;
    expect(readFileSync(join(o.spoolDir, 'quarantine', quarantined), 'utf8')).toBe(`${JSON.stringify(poison)}\n`);
    expect(await metrics.render()).toContain('tidemark_ingest_quarantined_rows_total{table="analytics.writer_test"} 1');
    const logged = lines.filter((l) => l.message.includes('quarantined'));
    expect(logged).toHaveLength(1);
    expect(String(logged[0]?.fields?.error)).toMatch(code);
    expect(writer.bufferedRows).toBe(0);
    expect(await leftoverSegments(o.spoolDir)).toEqual([]);
    // Rows written after the poison was set aside go in as usual.
    await writer.write(table, rowsFrom(13, 2));
    await writer.close();
    expect(await storedNumbers()).toEqual([...good, 13, 14]);

    // A crash before the segment was deleted: the replay splits it the same way, so every half
    // carries the token it had, nothing is stored twice and the spool does not stall again.
    const restarted = await open({ ...o, spoolDir: crashed });
    await restarted.flush();
    expect(await storedNumbers()).toEqual([...good, 13, 14]);
    expect(readFileSync(join(crashed, 'quarantine', quarantined), 'utf8')).toBe(`${JSON.stringify(poison)}\n`);
    expect(await leftoverSegments(crashed)).toEqual([]);
    await restarted.close();
  },
);

it('splits a batch ClickHouse refuses as a whole (too many partitions) and quarantines nothing', async () => {
  await ch.client.command({ query: 'TRUNCATE TABLE analytics.writer_test' });
  const metrics = new IngestMetrics();
  const writer = await open(options({ maxBatchRows: 500, maxBufferedRows: 500 }), metrics);
  // One row per day over 150 days: more partitions than one insert may create (100).
  const day = (i: number) => toClickHouseDateTime(new Date(Date.now() - i * 86_400_000)).slice(0, 19);
  await writer.write(
    table,
    Array.from({ length: 150 }, (_, i) => ({ n: i, t: day(i) })),
  );
  await writer.flush();
  expect(await storedNumbers()).toEqual(Array.from({ length: 150 }, (_, i) => i));
  expect(await metrics.render()).not.toContain('quarantined_rows_total{');
  await writer.close();
});

it('retries a transient refusal (a table not yet migrated), never quarantines it, and leaves it in the spool on close', async () => {
  const o = options({ flushIntervalMs: 5 });
  const writer = await open(o);
  const missing = 'analytics.writer_not_yet' as Table;
  await writer.write(missing, [{ n: 1 }]);
  // Unknown table: transient (a migration may be pending), so it is retried, never quarantined.
  await expect.poll(() => writer.bufferedRows).toBe(1);
  await writer.close();
  expect(await leftoverSegments(o.spoolDir)).toHaveLength(1);
});

it('lets one writer at a time use a spool directory', async () => {
  const o = options();
  const writer = await open(o);
  await expect(open(o)).rejects.toThrow(/already in use/);
  await writer.close();
  await (await open(o)).close();
});

it('stores a batch inserted twice with one token once, in its table and in the rollups', async () => {
  const site = 'dedup-site';
  // Recent, or the tables' TTL drops the rows at insert.
  const recently = toClickHouseDateTime(new Date(Date.now() - 3_600_000)).slice(0, 19);
  const lines = Array.from({ length: 3 }, (_, i) =>
    JSON.stringify(eventRow({ client_id: site, time: recently, event_name: 'screen_view', anonymous_id: `v${i}` })),
  ).join('\n');
  for (let i = 0; i < 2; i++)
    await insertJsonLines(ch.client, 'analytics.events', `${lines}\n`, 'segment-1:analytics.events');
  const [stored] = await runQuery<{ events: number; pageviews: number }>(ch.client, {
    name: 'dedup_counts',
    query: sql`SELECT
      (SELECT count() FROM analytics.events WHERE client_id = ${site}) AS events,
      (SELECT sum(pageviews) FROM analytics.daily_pageviews WHERE client_id = ${site}) AS pageviews`,
  });
  expect(stored).toEqual({ events: 3, pageviews: 3 });
});

it('replays a segment spooled for a table a migration replaced into its successor', async () => {
  // Before migration 0013 vitals went to analytics.web_vitals_spans (now dropped): a segment left
  // by a crash then must not retry a missing table forever, stalling every later segment.
  const dir = join(root, 'renamed');
  mkdirSync(dir);
  const vital = {
    client_id: 'renamed-site',
    anonymous_id: 'a',
    session_id: 's',
    timestamp: toClickHouseDateTime(new Date()),
    path: '/',
    metric_name: 'LCP',
    metric_value: 1234,
  };
  const { frame } = encodeFrame('analytics.web_vitals_spans', `${JSON.stringify(vital)}\n`);
  writeFileSync(join(dir, `${'0'.repeat(15)}-1-legacy.seg`), frame);
  const writer = await open({ ...options(), spoolDir: dir });
  await writer.flush();
  expect(await leftoverSegments(dir)).toEqual([]);
  const rows = await runQuery<{ metric_value: number }>(ch.client, {
    name: 'writer_renamed',
    query: sql`SELECT metric_value FROM analytics.web_vitals WHERE client_id = ${'renamed-site'}`,
  });
  expect(rows).toEqual([{ metric_value: 1234 }]);
  await writer.close();
});
