import './runtime/env-file.ts';
import { apiEnv } from './api/config.ts';
import { sweepScratch } from './api/export/scratch.ts';
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
  // Scratch tables of exports a crash cut off (api/export/scratch.ts).
  await sweepScratch(stores.clickhouse);
  const api = createApiServer(stores, log, { ...config.api, clickhouseCluster: config.stores.cluster });
  let ingest: Awaited<ReturnType<typeof createIngest>> | undefined;
  const stop = async () => {
    await Promise.all([closeServer(api), ingest && closeServer(ingest.server)]);
    await ingest?.close();
    await stores.close();
  };
  try {
    ingest = await createIngest(stores, config.ingest, log);
    const apiPort = await listen(api, config.api.port, config.process.HOST);
    const ingestPort = await listen(ingest.server, config.ingest.port, config.process.HOST);
    // Only now that nothing else can fail is the first admin key made, and it is printed at once.
    const created = await bootstrap(stores.prisma);
    ingest.startUptime();
    const embedded = !config.stores.databaseUrl || !config.stores.clickhouse.url;
    console.log(
      banner({
        apiPort,
        ingestPort,
        dataDir: embedded ? config.stores.dataDir : undefined,
        key: created?.apiKey,
        setupToken: created?.setupToken ?? undefined,
      }),
    );
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
  return stop;
});

function banner(at: {
  apiPort: number;
  ingestPort: number;
  dataDir?: string;
  key?: string;
  setupToken?: string;
}): string {
  return [
    '',
    `Tidemark is running${at.dataDir ? ` (embedded stores in ${at.dataDir})` : ''}`,
    `  Dashboard:              http://localhost:${at.apiPort}/`,
    `  GraphQL API + GraphiQL: http://localhost:${at.apiPort}/graphql`,
    `  Ingest:                 http://localhost:${at.ingestPort}`,
    ...(at.setupToken
      ? [
          '',
          '  Create your admin account (one-time setup link):',
          `    http://localhost:${at.apiPort}/setup/${at.setupToken}`,
        ]
      : []),
    ...(at.key
      ? [
          '',
          '  Bootstrap admin API key (shown once, store it now):',
          `    ${at.key}`,
          '  Send it as the header  Authorization: Bearer <key>  (in GraphiQL: the Headers tab).',
          '  Lost it (or the setup link)? `npm run admin-key` issues a new one.',
        ]
      : []),
    '',
    '  Next: open the dashboard (or GraphiQL), create a website (createWebsite), add its snippet to your pages;',
    '  README.md "First run" walks through it.',
    '',
  ].join('\n');
}
