import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { insertRows } from '../../clickhouse/client.ts';
import { storeEnv } from '../../runtime/config.ts';
import { createLogger } from '../../runtime/log.ts';
import { closeServer, listen } from '../../runtime/service.ts';
import { openStores } from '../../runtime/stores.ts';
import { ingestEnv } from '../config.ts';
import { runPipeline } from '../pipeline.ts';
import { createIngest } from '../service.ts';
import { CHROME_DESKTOP } from '../test-support.ts';
import { toSite } from '../websites.ts';
import type { RowWriter } from '../writer.ts';
import type { LoadResult, LoadSpec } from './load.ts';

// `npm run bench:ingest`: events/s and latency of ingest end to end into embedded chDB, beside
// two baselines measured in the same run: a bare Node HTTP server that only parses the same
// bodies, and chDB's raw insert rate for the same rows.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 64);

const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-bench-'));
const log = createLogger('bench', 'error');
const stores = await openStores(storeEnv.parse({ DATA_DIR: dataDir }), log);
const organization = await stores.prisma.organization.create({ data: { name: 'Bench' } });
const site = await stores.prisma.website.create({ data: { domain: 'example.com', organizationId: organization.id } });
const config = ingestEnv.parse({ ...process.env, DATA_DIR: dataDir, INGEST_RATE_LIMIT_PER_IP: '1000000000' });

function load(url: string, eventsPerRequest: number): Promise<LoadResult> {
  const spec: LoadSpec = {
    url,
    clientId: site.id,
    userAgent: CHROME_DESKTOP,
    eventsPerRequest,
    concurrency: CONCURRENCY,
    seconds: SECONDS,
  };
  // Workers do not inherit tsx's loader: register it in the worker before importing the TS file.
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./load.ts', import.meta.url).href)}); })`;
  const worker = new Worker(boot, { eval: true, workerData: spec });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

interface Figure {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

function summarise(result: LoadResult): Figure {
  const sorted = result.latenciesMs.sort((a, b) => a - b);
  return {
    eventsPerSecond: result.events / result.seconds,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    failures: result.failures,
  };
}

async function measure(name: string, url: string): Promise<Record<'single' | 'batch', Figure>> {
  const single = summarise(await load(url, 1));
  const batch = summarise(await load(url, 20));
  for (const [kind, f] of Object.entries({ single, batch })) {
    console.log(
      `${name.padEnd(28)} ${kind.padEnd(7)} ${f.eventsPerSecond.toFixed(0).padStart(8)} events/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms${f.failures ? `  (${f.failures} failed)` : ''}`,
    );
  }
  return { single, batch };
}

// Baseline 1: a bare server that reads and parses the same bodies, nothing else.
const bare = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  JSON.parse(body);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":1}');
});
const barePort = await listen(bare, 0, '127.0.0.1');

// The ingest pipeline with its sink discarded: everything but the ClickHouse write.
const discard: RowWriter = {
  hasRoomFor: () => true,
  write: async () => {},
  flush: async () => {},
  close: async () => {},
};
const dry = await createIngest(stores, { ...config, spoolRoot: join(dataDir, 'spool-dry') }, log);
dry.context.writer = discard;
const dryPort = await listen(dry.server, 0, '127.0.0.1');

const real = await createIngest(stores, config, log);
const realPort = await listen(real.server, 0, '127.0.0.1');

console.log(
  `ingest benchmark: ${SECONDS}s per run, ${CONCURRENCY} concurrent requests, load generator in a worker thread\n`,
);
const bareFigures = await measure('bare node http (parse only)', `http://127.0.0.1:${barePort}/`);
const dryFigures = await measure('ingest, sink discarded', `http://127.0.0.1:${dryPort}/v1/batch`);
const realFigures = await measure('ingest -> chDB (end to end)', `http://127.0.0.1:${realPort}/v1/batch`);

// Baseline 2: chDB's raw insert rate for the same rows (pipeline output, inserted directly).
const salt = await real.context.salts.forDate(new Date());
const receivedAt = new Date();
const sample = Array.from({ length: 20 }, (_, i) => ({
  type: 'screen_view',
  eventId: `raw-${i}`,
  anonymousId: `v${i}`,
  url: `https://example.com/docs/page-${i}?utm_source=bench`,
  title: 'Benchmark page',
  referrer: 'https://www.google.com/',
}));
const ctx = {
  site: toSite(site),
  ip: '127.0.0.1',
  userAgent: CHROME_DESKTOP,
  optedOut: false,
  receivedAt,
  salt,
};
const template = runPipeline(sample, ctx, {
  ...real.context.pipeline,
  recentIds: { claim: () => true, release: () => {} } as never,
}).rows.map((r) => r.row);
const batchRows = 10_000;
const rows = Array.from({ length: batchRows }, (_, i) => ({
  ...template[i % template.length],
  id: crypto.randomUUID(),
  event_id: `raw-${i}`,
}));
let inserted = 0;
const rawStarted = performance.now();
while (performance.now() - rawStarted < SECONDS * 1000) {
  await insertRows(stores.clickhouse, 'analytics.events', rows);
  inserted += rows.length;
}
const rawRate = inserted / ((performance.now() - rawStarted) / 1000);
console.log(
  `${'chDB raw insert (same rows)'.padEnd(28)} ${'batch'.padEnd(7)} ${rawRate.toFixed(0).padStart(8)} rows/s   (${batchRows}-row JSONEachRow inserts)`,
);

const ratio = (a: number, b: number) => `${((a / b) * 100).toFixed(0)}%`;
console.log(`
end to end, 20-event batches vs chDB raw insert: ${ratio(realFigures.batch.eventsPerSecond, rawRate)}   (target >= 60%)
sink discarded vs bare server, 20-event batches:  ${ratio(dryFigures.batch.eventsPerSecond, bareFigures.batch.eventsPerSecond)}   (target >= 50%)
sink discarded vs bare server, single events:     ${ratio(dryFigures.single.eventsPerSecond, bareFigures.single.eventsPerSecond)}
end to end vs sink discarded, 20-event batches:   ${ratio(realFigures.batch.eventsPerSecond, dryFigures.batch.eventsPerSecond)}`);

await Promise.all([closeServer(bare), closeServer(dry.server), closeServer(real.server)]);
await real.close();
await stores.close();
rmSync(dataDir, { recursive: true, force: true });
