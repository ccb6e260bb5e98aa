import '../runtime/env-file.ts';
import { clickHouseMigrationStatus, migrateClickHouse } from '../clickhouse/migrator.ts';
import { migratePostgres, postgresMigrationStatus } from '../prisma/migrate.ts';
import { parseEnv, storeEnv } from '../runtime/config.ts';
import { runCommand } from '../runtime/service.ts';
import { connectStores } from '../runtime/stores.ts';

// `npm run migrate` applies pending migrations of both stores; `npm run migrate:status` lists them.
runCommand(async () => {
  const { stores } = parseEnv({ stores: storeEnv });
  const statusOnly = process.argv[2] === 'status';
  const { clickhouse, postgresUrl, close } = await connectStores(stores);
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
  } finally {
    await close();
  }
});
