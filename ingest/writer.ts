import { closeSync, fdatasync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type ClickHouseClient, classifyInsertFailure, insertJsonLines } from '../clickhouse/client.ts';
import type { Logger } from '../runtime/log.ts';
import type { IngestMetrics } from './metrics.ts';
import {
  afterLine,
  encodeFrame,
  leftoverSegments,
  lockSpool,
  newSegmentName,
  QUARANTINE_DIR,
  readSegment,
  SegmentRows,
} from './spool.ts';

/** The tables ingest writes. */
export const TABLES = [
  'analytics.events',
  'analytics.web_vitals',
  'analytics.error_spans',
  'analytics.custom_events',
  'analytics.revenue',
  'analytics.link_clicks',
  'uptime.checks',
  'observability.ai_call_spans',
] as const;
export type Table = (typeof TABLES)[number];

export type Row = Record<string, unknown>;

/** Where accepted rows go: the spooled ClickHouse writer (or, in the benchmark, nowhere). */
export interface RowWriter {
  hasRoomFor(count: number): boolean;
  /** Resolves once the rows are durable: they will reach ClickHouse even if this process dies. */
  write(table: Table, rows: Row[]): Promise<void>;
  /** Resolves once everything written so far is in ClickHouse. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export class BufferFullError extends Error {
  constructor() {
    super('Write buffer is full; retry later');
  }
}

export interface WriterOptions {
  /** Directory of the spool; one writer (process) per directory. */
  spoolDir: string;
  /** fdatasync every group commit, so acknowledged rows also survive a machine crash. */
  fsync: boolean;
  /** Insert a batch once it holds this many rows... */
  maxBatchRows: number;
  /** ...or once its oldest row is this old. */
  flushIntervalMs: number;
  /** Refuse new rows (503) beyond this many not yet in ClickHouse: memory stays bounded. */
  maxBufferedRows: number;
}

interface Waiting {
  table: Table;
  /** The encoded frame, and its rows part. */
  frame: Buffer;
  lines: Buffer;
  rows: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A batch: one spool segment, inserted as one insert per table, then deleted. */
interface Segment {
  name: string;
  path: string;
  /** In memory for segments written by this process; read from disk for leftovers. */
  rows?: SegmentRows;
  /** Tables already inserted (a retry after a partial failure skips them). */
  inserted: Set<string>;
}

interface OpenSegment extends Segment {
  rows: SegmentRows;
  fd: number;
  bytes: number;
  timer?: NodeJS.Timeout;
  sealDue: boolean;
}

const datasync = promisify(fdatasync);

/** Insert attempts before a shutdown gives up and leaves the batch in the spool for the next start. */
const ATTEMPTS_ON_CLOSE = 3;

/**
 * Batched, durable writes to ClickHouse through a local spool (write-ahead log).
 *
 * `write()` serialises rows once to JSONEachRow lines and appends them to the open segment
 * with the other writes of the same event-loop turn, in one write (with `fsync`, everything
 * that arrives during an fdatasync goes out in the next one: group commit). It resolves once
 * its rows are in the file, and the request is acknowledged then, without waiting for ClickHouse.
 *
 * Behind, a segment is sealed when it holds `maxBatchRows` rows or its first row is
 * `flushIntervalMs` old, inserted into ClickHouse (one insert per table, retried until it
 * succeeds) and deleted. Each insert carries the token `<segment>:<table>`; segments left by
 * a crash are inserted again at the next start with the same tokens, and ClickHouse's block
 * deduplication drops any that it had already stored before the crash. So an acknowledged row
 * is stored exactly once.
 */
export class SpooledWriter implements RowWriter {
  private queue: Waiting[] = [];
  private committing = false;
  private commitRun: Promise<void> = Promise.resolve();
  private open?: OpenSegment;
  private sealed: Segment[] = [];
  private draining?: Promise<void>;
  private buffered = 0;
  private closed = false;
  /** Set when a shutdown gave up inserting: the rest waits in the spool. */
  private stalled = false;
  /** Ends the retry pause under way: a shutdown does not wait out a long backoff. */
  private wake?: () => void;

  static async open(
    client: ClickHouseClient,
    metrics: IngestMetrics,
    log: Logger,
    options: WriterOptions,
  ): Promise<SpooledWriter> {
    const unlock = await lockSpool(options.spoolDir);
    const writer = new SpooledWriter(client, metrics, log, options, unlock);
    const leftovers = await leftoverSegments(options.spoolDir);
    if (leftovers.length > 0) log.info('replaying spool', { segments: leftovers.length });
    for (const name of leftovers) writer.sealed.push({ name, path: join(options.spoolDir, name), inserted: new Set() });
    writer.drain();
    return writer;
  }

  private constructor(
    private readonly client: ClickHouseClient,
    private readonly metrics: IngestMetrics,
    private readonly log: Logger,
    private readonly options: WriterOptions,
    private readonly unlock: () => Promise<void>,
  ) {}

  /** Rows accepted but not yet in ClickHouse. */
  get bufferedRows(): number {
    return this.buffered;
  }

  /** Checks room for `count` rows without taking it (to refuse a request before any work). */
  hasRoomFor(count: number): boolean {
    return !this.closed && this.buffered + count <= this.options.maxBufferedRows;
  }

  write(table: Table, rows: Row[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    if (!this.hasRoomFor(rows.length)) return Promise.reject(new BufferFullError());
    let lines = '';
    for (const row of rows) lines += `${JSON.stringify(row)}\n`;
    this.setBuffered(this.buffered + rows.length);
    const { frame, rows: encoded } = encodeFrame(table, lines);
    const done = new Promise<void>((resolve, reject) =>
      this.queue.push({ table, frame, lines: encoded, rows: rows.length, resolve, reject }),
    );
    if (!this.committing) {
      this.committing = true;
      this.commitRun = this.commit();
    }
    return done;
  }

  async flush(): Promise<void> {
    while (this.committing) await this.commitRun;
    this.seal();
    while (this.draining) await this.draining;
  }

  /** Refuses new rows and inserts the rest; what cannot be inserted stays in the spool for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.flush();
    await this.unlock();
  }

  /** Waits `ms` before a retry, or less if a shutdown begins meanwhile. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.closed ? Math.min(ms, 100) : ms);
      this.wake = done;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private setBuffered(rows: number): void {
    this.buffered = rows;
    this.metrics.buffered.set(rows);
  }

  private async commit(): Promise<void> {
    try {
      // The writes of this turn of the event loop share one append.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) await this.append(this.queue.splice(0));
    } finally {
      // Cleared in the same tick as the empty check: a write() after it starts a new run.
      this.committing = false;
    }
  }

  private async append(group: Waiting[]): Promise<void> {
    const frames = Buffer.concat(group.map((w) => w.frame));
    let segment: OpenSegment | undefined;
    try {
      segment = this.open ??= this.createSegment();
      // Synchronous: a copy into the page cache, cheaper than a round trip through the thread pool.
      for (let written = 0; written < frames.length; ) written += writeSync(segment.fd, frames, written);
      if (this.options.fsync) await datasync(segment.fd);
    } catch (error) {
      // Nothing of this group is acknowledged: cut it off so a replay cannot bring it back,
      // and append no more to this segment.
      try {
        if (segment) ftruncateSync(segment.fd, segment.bytes);
      } catch {}
      this.seal();
      this.setBuffered(this.buffered - group.reduce((sum, w) => sum + w.rows, 0));
      this.log.error('spool write failed', { error: (error as Error).message });
      for (const w of group) w.reject(error as Error);
      return;
    }
    segment.bytes += frames.length;
    for (const w of group) segment.rows.add(w.table, w.lines, w.rows);
    for (const w of group) w.resolve();
    if (segment.sealDue || segment.rows.count >= this.options.maxBatchRows) this.seal();
    else segment.timer ??= setTimeout(() => this.sealWhenIdle(segment), this.options.flushIntervalMs);
  }

  private createSegment(): OpenSegment {
    const name = newSegmentName();
    const path = join(this.options.spoolDir, name);
    return {
      name,
      path,
      fd: openSync(path, 'wx'),
      bytes: 0,
      rows: new SegmentRows(),
      inserted: new Set(),
      sealDue: false,
    };
  }

  /** The flush timer: seal now, or right after the append under way. */
  private sealWhenIdle(segment: OpenSegment): void {
    if (this.open !== segment) return;
    if (this.committing) segment.sealDue = true;
    else this.seal();
  }

  /** Closes the open segment to appends and queues it for insertion. */
  private seal(): void {
    const segment = this.open;
    if (!segment) return;
    this.open = undefined;
    clearTimeout(segment.timer);
    closeSync(segment.fd);
    this.sealed.push(segment);
    this.drain();
  }

  /** Inserts sealed segments in order, one at a time. */
  private drain(): void {
    if (this.draining) return;
    this.draining = this.insertSealed().finally(() => {
      this.draining = undefined;
      // A segment sealed while the loop was finishing.
      if (this.sealed.length > 0 && !this.stalled) this.drain();
    });
  }

  private async insertSealed(): Promise<void> {
    for (let segment = this.sealed[0]; segment; segment = this.sealed[0]) {
      try {
        if (!(await this.insertSegment(segment))) {
          this.stalled = true;
          return;
        }
        this.sealed.shift();
      } catch (error) {
        // Reading a leftover segment or writing its quarantine failed: it stays on disk; try again shortly.
        this.log.error('spool segment unreadable or its quarantine unwritable; retrying', {
          segment: segment.name,
          error: (error as Error).message,
        });
        if (this.closed) {
          this.stalled = true;
          return;
        }
        await this.pause(1000);
      }
    }
  }

  /**
   * Inserts one table's rows of a segment, retrying until ClickHouse takes them; false if a
   * shutdown gave up. What a failure means decides what happens (classifyInsertFailure):
   * transient → the same batch again after a backoff; `batch` → halves; `data` → halves until
   * the refused rows are isolated, and those go to `refused` (every value is validated before
   * it is acknowledged, so none should be; but one row must never stall the spool behind it).
   * A half's token derives from its batch's: a replay splits the same way and is deduplicated
   * the same way.
   */
  private async insertBatch(
    segment: Segment,
    table: Table,
    lines: Buffer,
    rows: number,
    token: string,
    refused: Buffer[],
  ): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      try {
        await insertJsonLines(this.client, table, lines, token);
        this.metrics.flushSeconds.observe({ table }, (performance.now() - started) / 1000);
        this.metrics.flushed.inc({ table }, rows);
        return true;
      } catch (error) {
        this.metrics.flushFailures.inc({ table });
        const failure = classifyInsertFailure(error);
        if (failure === 'data' && rows === 1) {
          this.log.error('ClickHouse refused a row as malformed; quarantined', {
            table,
            segment: segment.name,
            error: (error as Error).message,
          });
          refused.push(lines);
          return true;
        }
        if (failure !== 'transient' && rows > 1) {
          const half = Math.floor(rows / 2);
          const cut = afterLine(lines, half);
          return (
            (await this.insertBatch(segment, table, lines.subarray(0, cut), half, `${token}:0`, refused)) &&
            (await this.insertBatch(segment, table, lines.subarray(cut), rows - half, `${token}:1`, refused))
          );
        }
        this.log.error('insert failed; retrying', {
          table,
          segment: segment.name,
          attempt,
          error: (error as Error).message,
        });
        if (this.closed && attempt >= ATTEMPTS_ON_CLOSE) return false;
        await this.pause(Math.min(30_000, 100 * 2 ** (attempt - 1)));
      }
    }
  }

  /**
   * Keeps refused rows for an operator in `<spool>/quarantine/<segment>.<table>.jsonl`, ready for
   * `INSERT INTO <table> FORMAT JSONEachRow` once fixed. Written whole: a replay rewrites it.
   */
  private async quarantine(segment: Segment, table: string, refused: Buffer[]): Promise<void> {
    const dir = join(this.options.spoolDir, QUARANTINE_DIR);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${segment.name}.${table}.jsonl`), Buffer.concat(refused));
    this.metrics.quarantined.inc({ table }, refused.length);
  }

  /** Inserts a segment and deletes it; false if a shutdown left it for the next start. */
  private async insertSegment(segment: Segment): Promise<boolean> {
    let rows = segment.rows;
    if (!rows) {
      const read = await readSegment(segment.path);
      if (read.tornBytes > 0) {
        this.log.warn('spool segment ends in a torn write (never acknowledged); ignoring it', {
          segment: segment.name,
          bytes: read.tornBytes,
        });
      }
      rows = segment.rows = read.rows;
      this.setBuffered(this.buffered + rows.count);
    }
    for (const [table, batch] of rows.byTable) {
      if (segment.inserted.has(table)) continue;
      const lines = batch.chunks.length === 1 ? (batch.chunks[0] as Buffer) : Buffer.concat(batch.chunks);
      const refused: Buffer[] = [];
      const token = `${segment.name}:${table}`;
      if (!(await this.insertBatch(segment, table as Table, lines, batch.count, token, refused))) return false;
      if (refused.length > 0) await this.quarantine(segment, table, refused);
      segment.inserted.add(table);
    }
    // A segment that cannot be deleted is replayed at the next start and deduplicated then.
    await unlink(segment.path).catch((error: Error) =>
      this.log.warn('spool segment not deleted', { segment: segment.name, error: error.message }),
    );
    this.setBuffered(this.buffered - rows.count);
    return true;
  }
}
