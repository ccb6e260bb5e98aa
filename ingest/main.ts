import '../runtime/env-file.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen, runService } from '../runtime/service.ts';
import { openStores } from '../runtime/stores.ts';
import { loadIngestConfig } from './config.ts';
import { createIngest } from './service.ts';

// `npm run start:ingest`: the ingest service alone (DATABASE_URL and CLICKHOUSE_URL for a real deployment).
runService(async () => {
  const config = loadIngestConfig();
  const log = createLogger('ingest', config.process.LOG_LEVEL);
  const stores = await openStores(config.stores, log);
  const ingest = await createIngest(stores, config.ingest, log);
  const port = await listen(ingest.server, config.ingest.port, config.process.HOST);
  console.log(`Ingest: http://localhost:${port}`);
  return async () => {
    await closeServer(ingest.server);
    await ingest.close();
    await stores.close();
  };
});
