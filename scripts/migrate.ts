import { join } from 'node:path';
import { createClickHouse } from '../clickhouse/client.ts';
import { clickHouseMigrationStatus, migrateClickHouse } from '../clickhouse/migrator.ts';
import { startEmbeddedPostgres } from '../prisma/embedded.ts';
import { migratePostgres, postgresMigrationStatus } from '../prisma/migrate.ts';
import { parseEnv, storeEnv } from '../runtime/config.ts';

// `npm run migrate` applies pending migrations of both stores; `npm run migrate:status` lists them.
const { stores } = parseEnv({ stores: storeEnv });
const statusOnly = process.argv[2] === 'status';
const embedded = stores.databaseUrl ? undefined : await startEmbeddedPostgres(join(stores.dataDir, 'postgres'));
const postgresUrl = stores.databaseUrl ?? (embedded?.url as string);
const clickhouse = createClickHouse(stores.clickhouse);

try {
  if (statusOnly) {
    console.log('PostgreSQL (prisma/migrations):');
    for (const m of await postgresMigrationStatus(postgresUrl)) console.log(`  ${m.state.padEnd(8)} ${m.name}`);
    console.log('ClickHouse (clickhouse/migrations):');
    for (const m of await clickHouseMigrationStatus({ client: clickhouse, cluster: stores.cluster })) {
      console.log(`  ${m.state.padEnd(8)} ${String(m.version).padStart(4, '0')}_${m.name}`);
    }
  } else {
    const pg = await migratePostgres(postgresUrl, { log: console.log });
    const ch = await migrateClickHouse({ client: clickhouse, cluster: stores.cluster, log: console.log });
    console.log(`Applied ${pg.length} PostgreSQL and ${ch.length} ClickHouse migrations.`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await clickhouse.close();
  await embedded?.close();
}
