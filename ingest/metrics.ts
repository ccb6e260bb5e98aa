/** Prometheus text exposition of the ingest counters (GET /metrics). */

type Labels = Record<string, string>;

const key = (labels: Labels) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`)
    .join(',');

class Family {
  readonly values = new Map<string, number>();
  /** Rendered label sets by their values: counters are bumped per request, with few label sets. */
  private keys = new Map<string, string>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge',
  ) {}

  add(amount: number, labels: Labels = {}) {
    const k = this.keyOf(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + amount);
  }

  set(value: number, labels: Labels = {}) {
    this.values.set(this.keyOf(labels), value);
  }

  private keyOf(labels: Labels): string {
    const values = Object.values(labels);
    const memo = values.length === 1 ? (values[0] as string) : values.join('\0');
    let k = this.keys.get(memo);
    if (k === undefined) {
      k = key(labels);
      this.keys.set(memo, k);
    }
    return k;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`];
    for (const [labels, value] of this.values) lines.push(`${this.name}${labels ? `{${labels}}` : ''} ${value}`);
    return lines.join('\n');
  }
}

/** Upper bounds (seconds) of the insert latency buckets: from a small batch to a struggling server. */
const LATENCY_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A Prometheus histogram (cumulative `_bucket{le}` counts, `_sum`, `_count`) per label set. */
class Histogram {
  readonly values = new Map<string, { buckets: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly bounds: readonly number[],
  ) {}

  observe(value: number, labels: Labels = {}) {
    const k = key(labels);
    let entry = this.values.get(k);
    if (!entry) {
      entry = { buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
      this.values.set(k, entry);
    }
    this.bounds.forEach((bound, i) => {
      if (value <= bound) entry.buckets[i] = (entry.buckets[i] ?? 0) + 1;
    });
    entry.sum += value;
    entry.count++;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [labels, { buckets, sum, count }] of this.values) {
      const prefix = labels ? `${labels},` : '';
      this.bounds.forEach((bound, i) => {
        lines.push(`${this.name}_bucket{${prefix}le="${bound}"} ${buckets[i]}`);
      });
      lines.push(`${this.name}_bucket{${prefix}le="+Inf"} ${count}`);
      const braces = labels ? `{${labels}}` : '';
      lines.push(`${this.name}_sum${braces} ${sum}`, `${this.name}_count${braces} ${count}`);
    }
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
  readonly flushSeconds = new Histogram(
    'tidemark_ingest_flush_duration_seconds',
    'Latency of successful inserts into ClickHouse, by table.',
    LATENCY_BUCKETS,
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
      this.flushSeconds,
      this.flushFailures,
      this.quarantined,
      this.rejected,
    ];
    return `${families.map((f) => f.render()).join('\n')}\n`;
  }
}
