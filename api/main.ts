import '../runtime/env-file.ts';
import { bootstrap } from '../prisma/bootstrap.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen, runService } from '../runtime/service.ts';
import { openStores } from '../runtime/stores.ts';
import { loadApiConfig } from './config.ts';
import { sweepScratch } from './export/scratch.ts';
import { createApiServer } from './server.ts';

// `npm run start:api`: the GraphQL service alone (DATABASE_URL and CLICKHOUSE_URL for a real deployment).
runService(async () => {
  const config = loadApiConfig();
  const log = createLogger('api', config.process.LOG_LEVEL);
  const stores = await openStores(config.stores, log);
  // Scratch tables of exports a crash cut off (api/export/scratch.ts).
  await sweepScratch(stores.clickhouse);
  const server = createApiServer(stores, log, { ...config.api, clickhouseCluster: config.stores.cluster });
  const stop = async () => {
    await closeServer(server);
    await stores.close();
  };
  try {
    const port = await listen(server, config.api.port, config.process.HOST);
    // Once listening, nothing can fail between making the first admin key and printing it.
    const created = await bootstrap(stores.prisma);
    if (created) console.log(`Bootstrap admin API key (shown once, store it now): ${created.apiKey}`);
    if (created?.setupToken) console.log(`Setup link (one use): http://localhost:${port}/setup/${created.setupToken}`);
    console.log(`GraphQL API: http://localhost:${port}/graphql`);
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return stop;
});
