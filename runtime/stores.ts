import { join } from 'node:path';
import { type ClickHouseClient, createClickHouse } from '../clickhouse/client.ts';
import { migrateClickHouse } from '../clickhouse/migrator.ts';
import { createPrisma, type PrismaClient } from '../prisma/client.ts';
import { startEmbeddedPostgres } from '../prisma/embedded.ts';
import { migratePostgres } from '../prisma/migrate.ts';
import type { StoreConfig } from './config.ts';
import { lockDataDir } from './data-dir.ts';
import type { Logger } from './log.ts';

/** Both stores reached, migrations not applied (what `migrate` and `migrate:status` need). */
export interface Connections {
  clickhouse: ClickHouseClient;
  /** Connection URL of PostgreSQL (the embedded server's when DATABASE_URL is unset). */
  postgresUrl: string;
  close(): Promise<void>;
}

export interface Stores extends Connections {
  prisma: PrismaClient;
}

/**
 * Reaches both stores: servers by URL, else embedded engines under dataDir, which this process
 * takes for itself first (see lockDataDir).
 */
export async function connectStores(config: StoreConfig): Promise<Connections> {
  const unlock = config.databaseUrl && config.clickhouse.url ? undefined : lockDataDir(config.dataDir);
  let clickhouse: ClickHouseClient | undefined;
  try {
    // ClickHouse first: it fails at once when the embedded engine is chosen but not installed.
    clickhouse = createClickHouse(config.clickhouse);
    const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(join(config.dataDir, 'postgres'));
    const client = clickhouse;
    return {
      clickhouse: client,
      postgresUrl: config.databaseUrl ?? (embedded?.url as string),
      async close() {
        await client.close();
        await embedded?.close();
        unlock?.();
      },
    };
  } catch (error) {
    await clickhouse?.close();
    unlock?.();
    throw error;
  }
}

/** Opens both stores (see connectStores) and applies pending migrations. */
export async function openStores(config: StoreConfig, log: Logger): Promise<Stores> {
  const connections = await connectStores(config);
  const info = (message: string) => log.info(message);
  try {
    await migratePostgres(connections.postgresUrl, { log: info });
    await migrateClickHouse({ client: connections.clickhouse, cluster: config.cluster, log: info });
  } catch (error) {
    await connections.close();
    throw error;
  }
  const prisma = createPrisma(connections.postgresUrl);
  return {
    ...connections,
    prisma,
    async close() {
      await prisma.$disconnect();
      await connections.close();
    },
  };
}
