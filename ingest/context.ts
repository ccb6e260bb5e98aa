import type { ColumnTypes } from '../clickhouse/columns.ts';
import type { Logger } from '../runtime/log.ts';
import type { RateLimiter } from '../runtime/rate-limit.ts';
import type { Stores } from '../runtime/stores.ts';
import type { IngestConfig } from './config.ts';
import type { Directory } from './directory.ts';
import type { DailySalts } from './enrich/privacy.ts';
import type { FlagCache } from './flag-cache.ts';
import type { LinkTarget } from './links.ts';
import type { IngestMetrics } from './metrics.ts';
import type { PipelineDeps } from './pipeline.ts';
import type { RevenueLedger } from './revenue/ledger.ts';
import type { Site } from './websites.ts';
import type { RowWriter } from './writer.ts';

/**
 * Everything a route handler can use; one per ingest process, built by service.ts. Declared on
 * its own (as api/context.ts is) so routes depend on it and never on the composition root.
 */
export interface IngestContext {
  config: IngestConfig;
  log: Logger;
  stores: Pick<Stores, 'prisma' | 'clickhouse'>;
  websites: Directory<Site>;
  links: Directory<LinkTarget>;
  flags: FlagCache;
  salts: DailySalts;
  pipeline: PipelineDeps;
  writer: RowWriter;
  /** What each column of the tables written can hold: rows are checked against it before they are acknowledged. */
  columns: ColumnTypes;
  metrics: IngestMetrics;
  rateLimiter: RateLimiter;
  revenue: RevenueLedger;
}
