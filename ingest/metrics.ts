import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { renderMetrics } from '../runtime/metrics.ts';

/** Ingest's own metrics (GET /metrics adds the process's: see runtime/metrics.ts). */
export class IngestMetrics {
  readonly registry = new Registry();
  readonly accepted = new Counter({
    name: 'tidemark_ingest_accepted_total',
    help: 'Events accepted, by table.',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  readonly dropped = new Counter({
    name: 'tidemark_ingest_dropped_total',
    help: 'Events dropped, by the pipeline step that dropped them and its reason.',
    labelNames: ['step', 'reason'] as const,
    registers: [this.registry],
  });
  readonly buffered = new Gauge({
    name: 'tidemark_ingest_buffered_rows',
    help: 'Rows accepted (in the spool) but not yet in ClickHouse.',
    registers: [this.registry],
  });
  readonly flushed = new Counter({
    name: 'tidemark_ingest_flushed_rows_total',
    help: 'Rows written to ClickHouse, by table.',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  readonly flushFailures = new Counter({
    name: 'tidemark_ingest_flush_failures_total',
    help: 'Failed insert attempts, by table.',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  /** Upper bounds (seconds): from a small batch to a struggling server. */
  readonly flushSeconds = new Histogram({
    name: 'tidemark_ingest_flush_duration_seconds',
    help: 'Latency of successful inserts into ClickHouse, by table.',
    labelNames: ['table'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly quarantined = new Counter({
    name: 'tidemark_ingest_quarantined_rows_total',
    help: 'Rows ClickHouse refused as malformed, set aside in the spool quarantine, by table.',
    labelNames: ['table'] as const,
    registers: [this.registry],
  });
  readonly rejected = new Counter({
    name: 'tidemark_ingest_rejected_requests_total',
    help: 'Requests refused, by status and code.',
    labelNames: ['status', 'code'] as const,
    registers: [this.registry],
  });

  /** Counts events dropped by a step of the pipeline (or its counterpart outside it: see the routes). */
  drop(step: string, reason: string, count = 1) {
    this.dropped.inc({ step, reason }, count);
  }

  /** Prometheus text: these metrics and the process's. */
  render(): Promise<string> {
    return renderMetrics(this.registry);
  }
}
