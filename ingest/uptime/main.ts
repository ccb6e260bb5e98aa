import '../../runtime/env-file.ts';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../runtime/log.ts';
import { runService } from '../../runtime/service.ts';
import { openStores } from '../../runtime/stores.ts';
import { loadIngestConfig } from '../config.ts';
import { IngestMetrics } from '../metrics.ts';
import { SpooledWriter } from '../writer.ts';
import { UptimeChecker } from './checker.ts';

const HEARTBEAT_FILE = join(tmpdir(), 'tidemark-uptime.alive');

// `npm run start:uptime`: the uptime checker alone (DATABASE_URL and CLICKHOUSE_URL for a real
// deployment; replicas share the work through leases in PostgreSQL). `npm start` runs it too.
runService(async () => {
  const config = loadIngestConfig();
  const log = createLogger('uptime', config.process.LOG_LEVEL);
  const stores = await openStores(config.stores, log);
  const writer = await SpooledWriter.open(stores.clickhouse, new IngestMetrics(), log, {
    ...config.ingest.writer,
    spoolDir: join(config.ingest.spoolRoot, 'uptime'),
  });
  const checker = new UptimeChecker(stores.prisma, writer, log, {
    region: config.ingest.uptimeRegion,
    tickMs: 1000,
    batch: 50,
    allowPrivateTargets: config.ingest.uptimeAllowPrivateTargets,
  });
  checker.start();
  // The container's health check (docker-compose.yml) reads this file's age: it is rewritten
  // while the checker's claims succeed, that is while it reaches PostgreSQL and ticks.
  const heartbeat = setInterval(() => {
    if (Date.now() - checker.lastClaimAt < 10_000) writeFileSync(HEARTBEAT_FILE, String(checker.lastClaimAt));
  }, 5_000);
  console.log(`Uptime checker running (region ${config.ingest.uptimeRegion})`);
  return async () => {
    clearInterval(heartbeat);
    await checker.stop();
    await writer.close();
    await stores.close();
  };
});
