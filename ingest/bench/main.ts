import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { insertRows } from '../../clickhouse/client.ts';
import { runQuery } from '../../clickhouse/query.ts';
import { sql } from '../../clickhouse/sql.ts';
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
// bodies, and chDB's raw insert rate for the same rows. The measurements are interleaved over
// several rounds; each figure is the median of its rounds and each ratio the median of the rounds'
// ratios, so a noisy neighbour on a shared machine weighs on both sides of a ratio alike rather
// than on whichever ran at the wrong moment.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
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

/** The round with the median rate (its latencies with it). */
const median = (figures: Figure[]) =>
  [...figures].sort((a, b) => a.eventsPerSecond - b.eventsPerSecond)[Math.floor(figures.length / 2)] as Figure;

const KINDS = { single: 1, batch: 20 } as const;
type Kind = keyof typeof KINDS;

// Baseline 1: a bare server that reads and parses the same bodies, nothing else.
const bare = createServer(async (req, res) => {
  let body = '';
  for await (const chunk of req) body += chunk;
  JSON.parse(body);
  res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":1}');
});
const barePort = await listen(bare, 0, '127.0.0.1');

// The ingest pipeline with its sink discarded: everything but the spool and the ClickHouse write.
const discard: RowWriter = {
  hasRoomFor: () => true,
  write: async () => {},
  flush: async () => {},
  close: async () => {},
};
const dry = await createIngest(stores, { ...config, spoolRoot: join(dataDir, 'spool-dry') }, log);
await dry.context.writer.close();
dry.context.writer = discard;
const dryPort = await listen(dry.server, 0, '127.0.0.1');

const real = await createIngest(stores, config, log);
const realPort = await listen(real.server, 0, '127.0.0.1');

// Baseline 2: chDB's raw insert rate for the same rows (pipeline output, inserted directly).
const sample = Array.from({ length: 20 }, (_, i) => ({
  type: 'screen_view',
  eventId: `raw-${i}`,
  anonymousId: `v${i}`,
  url: `https://example.com/docs/page-${i}?utm_source=bench`,
  title: 'Benchmark page',
  referrer: 'https://www.google.com/',
}));
const receivedAt = new Date();
const ctx = {
  site: toSite(site),
  ip: '127.0.0.1',
  userAgent: CHROME_DESKTOP,
  optedOut: false,
  receivedAt,
  salt: await real.context.salts.forDate(receivedAt),
};
const template = runPipeline(sample, ctx, {
  ...real.context.pipeline,
  recentIds: { claim: () => true, release: () => {} } as never,
}).rows.map((r) => r.row);
const RAW_BATCH_ROWS = 10_000;
const RAW_CLIENT = 'raw-insert-baseline';

async function rawInsert(): Promise<number> {
  const rows = Array.from({ length: RAW_BATCH_ROWS }, (_, i) => ({
    ...template[i % template.length],
    client_id: RAW_CLIENT,
    id: crypto.randomUUID(),
    event_id: `raw-${i}`,
  }));
  let inserted = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS * 1000) {
    await insertRows(stores.clickhouse, 'analytics.events', rows);
    inserted += rows.length;
  }
  return inserted / ((performance.now() - started) / 1000);
}

/**
 * End to end means stored: the time to insert what the run left in the spool is part of the
 * run, so a writer that acknowledged faster than ClickHouse takes rows gains nothing.
 */
async function endToEnd(eventsPerRequest: number): Promise<LoadResult> {
  const result = await load(`http://127.0.0.1:${realPort}/v1/batch`, eventsPerRequest);
  const started = performance.now();
  await real.context.writer.flush();
  return { ...result, seconds: result.seconds + (performance.now() - started) / 1000 };
}

const SUBJECTS = {
  bare: { label: 'bare node http (parse only)', run: (n: number) => load(`http://127.0.0.1:${barePort}/`, n) },
  dry: { label: 'ingest, sink discarded', run: (n: number) => load(`http://127.0.0.1:${dryPort}/v1/batch`, n) },
  real: { label: 'ingest -> chDB (end to end)', run: endToEnd },
};
type Subject = keyof typeof SUBJECTS;

console.log(
  `ingest benchmark: ${ROUNDS} interleaved rounds of ${SECONDS}s runs (medians shown), ${CONCURRENCY} concurrent requests, load generator (bare sockets) in a worker thread\n`,
);
const figures = new Map<string, Figure[]>();
const rawRates: number[] = [];
let acknowledged = 0;
/** Background merges a previous run left behind, now running in ClickHouse. */
async function mergesRunning(): Promise<number> {
  const [row] = await runQuery<{ n: number }>(stores.clickhouse, {
    name: 'bench_merges',
    query: sql`SELECT count() AS n FROM system.merges`,
  });
  return row?.n ?? 0;
}

/** Waits (up to 20 s) for the merges earlier runs started, so they do not weigh on the next run. */
async function settle(): Promise<number> {
  const started = performance.now();
  while ((await mergesRunning()) > 0 && performance.now() - started < 20_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return performance.now() - started;
}

const settleMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const subject of Object.keys(SUBJECTS) as Subject[]) {
    for (const [kind, eventsPerRequest] of Object.entries(KINDS)) {
      settleMs.push(await settle());
      const result = await SUBJECTS[subject].run(eventsPerRequest);
      if (subject === 'real') acknowledged += result.events;
      const key = `${subject} ${kind}`;
      figures.set(key, [...(figures.get(key) ?? []), summarise(result)]);
    }
  }
  settleMs.push(await settle());
  rawRates.push(await rawInsert());
}
console.log(`(waited for ClickHouse merges before runs: max ${Math.max(...settleMs).toFixed(0)} ms)`);

const figure = (subject: Subject, kind: Kind) => median(figures.get(`${subject} ${kind}`) ?? []);
for (const subject of Object.keys(SUBJECTS) as Subject[]) {
  for (const kind of Object.keys(KINDS) as Kind[]) {
    const f = figure(subject, kind);
    console.log(
      `${SUBJECTS[subject].label.padEnd(28)} ${kind.padEnd(7)} ${f.eventsPerSecond.toFixed(0).padStart(8)} events/s  p50 ${f.p50.toFixed(1).padStart(6)} ms  p99 ${f.p99.toFixed(1).padStart(6)} ms${f.failures ? `  (${f.failures} failed)` : ''}`,
    );
  }
}
const rawRate = [...rawRates].sort((a, b) => a - b)[Math.floor(rawRates.length / 2)] as number;
console.log(
  `${'chDB raw insert (same rows)'.padEnd(28)} ${'batch'.padEnd(7)} ${rawRate.toFixed(0).padStart(8)} rows/s   (${RAW_BATCH_ROWS}-row JSONEachRow inserts)`,
);

const [stored] = await runQuery<{ n: number }>(stores.clickhouse, {
  name: 'bench_stored',
  query: sql`SELECT count() AS n FROM analytics.events WHERE client_id = ${site.id}`,
});
/** A subject's rate in one round; `raw` is chDB's raw insert rate. */
const rate = (subject: Subject | 'raw', kind: Kind, round: number) =>
  subject === 'raw' ? (rawRates[round] as number) : (figures.get(`${subject} ${kind}`)?.[round]?.eventsPerSecond ?? 0);
/**
 * `a` against `b` as the median of the rounds' ratios: both sides of a round ran seconds apart,
 * under the same load from whatever else shares the machine.
 */
function ratio(a: Subject, b: Subject | 'raw', kind: Kind): string {
  const rounds = Array.from({ length: ROUNDS }, (_, round) => rate(a, kind, round) / rate(b, kind, round));
  const sorted = [...rounds].sort((x, y) => x - y);
  const middle = ((sorted[Math.floor((ROUNDS - 1) / 2)] as number) + (sorted[Math.floor(ROUNDS / 2)] as number)) / 2;
  const percent = (r: number) => `${(r * 100).toFixed(0)}%`;
  return `${percent(middle)}   (rounds: ${rounds.map(percent).join(' ')})`;
}
console.log(`
end to end vs chDB raw insert, 20-event batches:  ${ratio('real', 'raw', 'batch')}   target >= 60%
sink discarded vs bare server, 20-event batches:  ${ratio('dry', 'bare', 'batch')}   target >= 50%
sink discarded vs bare server, single events:     ${ratio('dry', 'bare', 'single')}
end to end vs sink discarded, 20-event batches:   ${ratio('real', 'dry', 'batch')}
acknowledged end-to-end events found in ClickHouse: ${stored?.n} of ${acknowledged}`);

await Promise.all([closeServer(bare), closeServer(dry.server), closeServer(real.server)]);
await real.close();
await stores.close();
rmSync(dataDir, { recursive: true, force: true });
