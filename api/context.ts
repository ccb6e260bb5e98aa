import type { ClickHouseClient } from '../clickhouse/client.ts';
import type { PrismaClient } from '../prisma/client.ts';

/** What every resolver can reach. Built once per request. */
export interface Context {
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
  requestId: string;
}
