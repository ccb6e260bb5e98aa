import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import {
  allowPrivateTargets,
  checkHttpEnv,
  dataDir,
  httpEnvFields,
  httpLimits,
  metricsToken,
  parseEnv,
  port,
  processEnv,
  storeEnv,
  trustProxy,
} from '../runtime/config.ts';

const positive = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const ingestEnv = z
  .object({
    INGEST_PORT: port(4001),
    /** How many proxies in front of ingest to trust for X-Forwarded-For (true = 1). */
    TRUST_PROXY: trustProxy,
    /** A MaxMind GeoLite2/GeoIP2 City .mmdb instead of the bundled DB-IP Lite files. */
    GEOIP_CITY_DB: z.string().refine(existsSync, 'file does not exist').optional(),
    /** Requests per minute per client IP on the public routes. */
    INGEST_RATE_LIMIT_PER_IP: positive(600),
    DATA_DIR: dataDir,
    /** Where accepted events wait for ClickHouse (default DATA_DIR/spool). */
    INGEST_SPOOL_DIR: z.string().optional(),
    /** fdatasync the spool before acknowledging: survive a machine crash, not only a process crash. */
    INGEST_SPOOL_FSYNC: z.stringbool().default(false),
    INGEST_FLUSH_INTERVAL_MS: positive(1000),
    INGEST_MAX_BATCH_ROWS: positive(10_000),
    INGEST_MAX_BUFFERED_ROWS: positive(200_000),
    /** Name of where uptime checks run from, stored with each result. */
    UPTIME_REGION: z.string().max(64).default('local'),
    ...httpEnvFields,
    UPTIME_ALLOW_PRIVATE_TARGETS: allowPrivateTargets,
    METRICS_TOKEN: metricsToken,
  })
  .superRefine(checkHttpEnv)
  .transform((env) => ({
    port: env.INGEST_PORT,
    trustProxyHops: env.TRUST_PROXY,
    geoipCityDb: env.GEOIP_CITY_DB,
    ratePerIpPerMinute: env.INGEST_RATE_LIMIT_PER_IP,
    /** Each writer takes a directory under it: `ingest`, `uptime`. */
    spoolRoot: resolve(env.INGEST_SPOOL_DIR ?? join(env.DATA_DIR, 'spool')),
    writer: {
      fsync: env.INGEST_SPOOL_FSYNC,
      flushIntervalMs: env.INGEST_FLUSH_INTERVAL_MS,
      maxBatchRows: env.INGEST_MAX_BATCH_ROWS,
      maxBufferedRows: env.INGEST_MAX_BUFFERED_ROWS,
    },
    uptimeRegion: env.UPTIME_REGION,
    http: httpLimits(env),
    uptimeAllowPrivateTargets: env.UPTIME_ALLOW_PRIVATE_TARGETS,
    metricsToken: env.METRICS_TOKEN,
  }));

export type IngestConfig = z.output<typeof ingestEnv>;

/** Configuration of the ingest service, validated as a whole. */
export const loadIngestConfig = (env: NodeJS.ProcessEnv = process.env) =>
  parseEnv({ stores: storeEnv, process: processEnv, ingest: ingestEnv }, env);
