import type { ClickHouseClient } from '../clickhouse/client.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { Logger } from '../runtime/log.ts';
import type { AnalyticsLoaders } from './analytics/loader.ts';
import type { Auth } from './auth.ts';

/** What every resolver can reach. Built once per request. */
export interface Context {
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
  requestId: string;
  log: Logger;
  /** The verified API key; null for anonymous requests (public websites only). */
  auth: Auth | null;
  /** Per-request DataLoaders batching analytics queries across websites. */
  analytics: AnalyticsLoaders;
  /** Whether uptime monitors may target loopback and private addresses (UPTIME_ALLOW_PRIVATE_TARGETS). */
  uptimeAllowPrivateTargets: boolean;
}
