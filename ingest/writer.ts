import { type ClickHouseClient, insertRows } from '../clickhouse/client.ts';
import type { IngestMetrics } from './metrics.ts';

export type Table =
  | 'analytics.events'
  | 'analytics.web_vitals_spans'
  | 'analytics.error_spans'
  | 'analytics.custom_events'
  | 'analytics.revenue'
  | 'analytics.link_clicks'
  | 'uptime.checks'
  | 'observability.ai_call_spans';

export type Row = Record<string, unknown>;

/** Where accepted rows go: the buffered ClickHouse writer (or, in the benchmark, nowhere). */
export interface RowWriter {
  hasRoomFor(count: number): boolean;
  /** Resolves once the rows are stored. */
  write(table: Table, rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

export class BufferFullError extends Error {
  constructor() {
    super('Write buffer is full; retry later');
  }
}

export interface WriterOptions {
  /** Flush a table when this many rows wait. */
  maxBatchRows: number;
  /** ...or when the oldest waiting row is this old. */
  flushIntervalMs: number;
  /** Refuse new rows (503) beyond this many waiting in all tables: memory stays bounded. */
  maxBufferedRows: number;
  /** Insert attempts per batch before its requests fail. */
  attempts: number;
}

export const DEFAULT_WRITER_OPTIONS: WriterOptions = {
  maxBatchRows: 10_000,
  flushIntervalMs: 100,
  maxBufferedRows: 200_000,
  attempts: 3,
};

interface Pending {
  rows: Row[];
  waiters: { resolve: () => void; reject: (error: Error) => void }[];
  timer?: NodeJS.Timeout;
}

/**
 * Buffers rows per table and inserts them in batches (by size or age). Group commit: `write()`
 * resolves only once ClickHouse has confirmed the batch holding its rows, so an acknowledged
 * event is already stored and survives a crash of this process; nothing is acknowledged from
 * memory. Failed inserts are retried with backoff; if they keep failing, the writes reject and
 * the clients retry (their event ids make that safe).
 */
export class BufferedWriter implements RowWriter {
  private pending = new Map<Table, Pending>();
  private inFlight = new Map<Table, Promise<void>>();
  private buffered = 0;
  private closed = false;

  constructor(
    private readonly client: ClickHouseClient,
    private readonly metrics: IngestMetrics,
    private readonly options: WriterOptions = DEFAULT_WRITER_OPTIONS,
  ) {}

  /** Rows waiting, across tables. */
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
    let pending = this.pending.get(table);
    if (!pending) {
      pending = { rows: [], waiters: [] };
      this.pending.set(table, pending);
    }
    for (const row of rows) pending.rows.push(row);
    this.buffered += rows.length;
    this.metrics.buffered.set(this.buffered);
    const done = new Promise<void>((resolve, reject) => pending.waiters.push({ resolve, reject }));
    if (pending.rows.length >= this.options.maxBatchRows) void this.flushTable(table);
    else pending.timer ??= setTimeout(() => void this.flushTable(table), this.options.flushIntervalMs);
    return done;
  }

  /** Writes everything waiting; resolves when all of it is stored (or has failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((table) => this.flushTable(table)));
    await Promise.all(this.inFlight.values());
  }

  /** Refuses new rows and flushes the rest (graceful shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private async flushTable(table: Table): Promise<void> {
    // One insert per table at a time, in order; rows arriving meanwhile form the next batch.
    for (let running = this.inFlight.get(table); running; running = this.inFlight.get(table)) await running;
    const pending = this.pending.get(table);
    if (!pending || pending.rows.length === 0) return;
    clearTimeout(pending.timer);
    this.pending.delete(table);
    const run = this.insert(table, pending).finally(() => {
      if (this.inFlight.get(table) === run) this.inFlight.delete(table);
      // Rows that arrived during this insert have waited long enough: write them now.
      if (this.pending.get(table)?.rows.length) void this.flushTable(table);
    });
    this.inFlight.set(table, run);
    await run;
  }

  private async insert(table: Table, { rows, waiters }: Pending): Promise<void> {
    let lastError: Error | undefined;
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      const started = performance.now();
      try {
        await insertRows(this.client, table, rows);
        this.metrics.flushSeconds.add((performance.now() - started) / 1000, { table });
        this.metrics.flushes.add(1, { table });
        this.metrics.flushed.add(rows.length, { table });
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error as Error;
        this.metrics.flushFailures.add(1, { table });
        if (attempt < this.options.attempts) await new Promise((r) => setTimeout(r, 100 * 4 ** (attempt - 1)));
      }
    }
    this.buffered -= rows.length;
    this.metrics.buffered.set(this.buffered);
    for (const waiter of waiters) lastError ? waiter.reject(lastError) : waiter.resolve();
  }
}
