/** Prometheus text exposition of the ingest counters (GET /metrics). */

type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

class Family {
  readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge',
  ) {}

  add(amount: number, labels: Labels = {}) {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + amount);
  }

  set(value: number, labels: Labels = {}) {
    this.values.set(key(labels), value);
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels ? `{${labels}}` : ''} ${value}`);
    return lines.join('\n');
  }
}

export class IngestMetrics {
  readonly accepted = new Family('tidemark_ingest_accepted_total', 'Events accepted, by table.', 'counter');
  readonly dropped = new Family('tidemark_ingest_dropped_total', 'Events dropped, by reason.', 'counter');
  readonly buffered = new Family(
    'tidemark_ingest_buffered_rows',
    'Rows accepted (in the spool) but not yet in ClickHouse.',
    'gauge',
  );
  readonly flushed = new Family(
    'tidemark_ingest_flushed_rows_total',
    'Rows written to ClickHouse, by table.',
    'counter',
  );
  readonly flushFailures = new Family(
    'tidemark_ingest_flush_failures_total',
    'Failed insert attempts, by table.',
    'counter',
  );
  readonly flushSeconds = new Family(
    'tidemark_ingest_flush_seconds_total',
    'Time spent in inserts, by table.',
    'counter',
  );
  readonly flushes = new Family(
    'tidemark_ingest_flushes_total',
    'Inserts, by table (with flush_seconds_total: mean latency).',
    'counter',
  );
  readonly quarantined = new Family(
    'tidemark_ingest_quarantined_rows_total',
    'Rows ClickHouse refused as malformed, set aside in the spool quarantine, by table.',
    'counter',
  );
  readonly rejected = new Family(
    'tidemark_ingest_rejected_requests_total',
    'Requests refused, by status and code.',
    'counter',
  );

  drop(reason: string, count = 1) {
    this.dropped.add(count, { reason });
  }

  render(): string {
    const families = [
      this.accepted,
      this.dropped,
      this.buffered,
      this.flushed,
      this.flushes,
      this.flushSeconds,
      this.flushFailures,
      this.quarantined,
      this.rejected,
    ];
    return `${families.map((f) => f.render()).join('\n')}\n`;
  }
}
