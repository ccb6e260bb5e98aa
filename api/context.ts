import type { ClickHouseClient } from '../clickhouse/client.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { Logger } from '../runtime/log.ts';
import type { RateLimiter } from '../runtime/rate-limit.ts';
import type { AnalyticsLoaders } from './analytics/loader.ts';
import type { Auth } from './auth.ts';
import type { HttpExchange } from './callers.ts';

/** What every resolver can reach. Built once per request. */
export interface Context {
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
  requestId: string;
  log: Logger;
  /** The verified caller (API key, session or share link); null for anonymous requests (public websites only). */
  auth: Auth | null;
  /** The client's address, https or not, and the cookies to set (sign-in). */
  http: HttpExchange;
  /** Failed sign-ins and share-link unlocks, per address and per account or link. */
  attempts: RateLimiter;
  /** Per-request DataLoaders batching analytics queries across websites. */
  analytics: AnalyticsLoaders;
  /** Whether uptime monitors may target loopback and private addresses (UPTIME_ALLOW_PRIVATE_TARGETS). */
  uptimeAllowPrivateTargets: boolean;
  /** The ClickHouse cluster (CLICKHOUSE_CLUSTER), for statements that must run ON CLUSTER. */
  clickhouseCluster: string | undefined;
  /** What this operation was charged (api/cost.ts), set before it runs; unset when the caller has no point budget. */
  cost?: RequestCost;
}

/** What a request cost and what is left, as clients see it (extensions.cost and the headers). */
export interface RequestCost {
  /** Complexity of the operation, computed before it ran (the points charged). */
  requested: number;
  /** Points actually charged (the requested ones; 0 when refused). */
  actual: number;
  limit: number;
  remaining: number;
  /** Points restored per second (the whole budget per window). */
  restoreRate: number;
  /** Seconds until the budget is restored whole. */
  resetSeconds: number;
}
