import { apiEnv } from './api/config.ts';
import { createApiServer } from './api/server.ts';
import { ingestEnv } from './ingest/config.ts';
import { createIngest } from './ingest/service.ts';
import { bootstrap } from './prisma/bootstrap.ts';
import { parseEnv, processEnv, storeEnv } from './runtime/config.ts';
import { createLogger } from './runtime/log.ts';
import { closeServer, listen, runService } from './runtime/service.ts';
import { openStores } from './runtime/stores.ts';

// `npm start`: the whole product in one process. With no configuration the stores are
// embedded (PGlite and chDB under ./data); chDB allows one process per data directory,
// which is why API and ingest share this one.
runService(async () => {
  const config = parseEnv({ stores: storeEnv, process: processEnv, api: apiEnv, ingest: ingestEnv });
  const log = createLogger('tidemark', config.process.LOG_LEVEL);
  const stores = await openStores(config.stores, log);
  const created = await bootstrap(stores.prisma);
  const api = createApiServer(stores, log, config.api);
  const ingest = await createIngest(stores, config.ingest, log);
  ingest.startUptime();
  const apiPort = await listen(api, config.api.port, config.process.HOST);
  const ingestPort = await listen(ingest.server, config.ingest.port, config.process.HOST);

  const embedded = !config.stores.databaseUrl || !config.stores.clickhouse.url;
  console.log(
    [
      '',
      `Tidemark is running${embedded ? ` (embedded stores in ${config.stores.dataDir})` : ''}`,
      `  GraphQL API + GraphiQL: http://localhost:${apiPort}/graphql`,
      `  Ingest:                 http://localhost:${ingestPort}`,
      ...(created ? ['', `  Bootstrap admin API key (shown once, store it now):`, `    ${created.apiKey}`] : []),
      '',
    ].join('\n'),
  );
  return async () => {
    await Promise.all([closeServer(api), closeServer(ingest.server)]);
    await ingest.close();
    await stores.close();
  };
});
