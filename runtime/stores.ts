import { join } from 'node:path';
import { type ClickHouseClient, createClickHouse } from '../clickhouse/client.ts';
import { migrateClickHouse } from '../clickhouse/migrator.ts';
import { createPrisma, type PrismaClient } from '../prisma/client.ts';
import { startEmbeddedPostgres } from '../prisma/embedded.ts';
import { migratePostgres } from '../prisma/migrate.ts';
import type { StoreConfig } from './config.ts';
import type { Logger } from './log.ts';

export interface Stores {
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
  /** Connection URL of PostgreSQL (the embedded server's when DATABASE_URL is unset). */
  postgresUrl: string;
  close(): Promise<void>;
}

/** Opens both stores (servers by URL, else embedded under dataDir) and applies pending migrations. */
export async function openStores(config: StoreConfig, log: Logger): Promise<Stores> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(join(config.dataDir, 'postgres'));
  const postgresUrl = config.databaseUrl ?? (embedded?.url as string);
  const clickhouse = createClickHouse(config.clickhouse);
  const info = (message: string) => log.info(message);
  try {
    await migratePostgres(postgresUrl, { log: info });
    await migrateClickHouse({ client: clickhouse, cluster: config.cluster, log: info });
  } catch (error) {
    await clickhouse.close();
    await embedded?.close();
    throw error;
  }
  const prisma = createPrisma(postgresUrl);
  return {
    prisma,
    clickhouse,
    postgresUrl,
    async close() {
      await prisma.$disconnect();
      await clickhouse.close();
      await embedded?.close();
    },
  };
}
