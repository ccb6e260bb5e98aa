// `npm run bench:dashboard`: time to the first rendered chart and to every panel loaded, in the
// test Chromium, either against a running product (say after `npm run demo` and `npm start`):
//   TIDEMARK_URL=http://localhost:4000 TIDEMARK_API_KEY=tmk_… npm run bench:dashboard
// or, with BENCH_EVENTS, against a product it starts in this process on a fresh data directory
// holding bench:query's synthetic traffic (BENCH_EVENTS events over BENCH_SITES websites, default 10):
//   BENCH_EVENTS=10000000 npm run bench:dashboard
// Each website of the key's organization is opened BENCH_RUNS times (default 3) in a fresh context,
// each load with at least half the key's cost budget left (a load takes well under half; one
// refused 429 would measure nothing).
import '../runtime/env-file.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedSyntheticTraffic } from '../api/analytics/bench/synthetic.ts';
import { apiEnv } from '../api/config.ts';
import { createApiServer } from '../api/server.ts';
import { createClient } from '../client/client.ts';
import { WebsitesDocument } from '../client/generated/graphql.ts';
import { generateApiKey } from '../prisma/api-keys.ts';
import { storeEnv } from '../runtime/config.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { openStores } from '../runtime/stores.ts';
import { launchTestBrowser } from '../runtime/test-browser.ts';

/** The product in this process on synthetic traffic: its origin, a read key, and how to stop it. */
async function syntheticProduct(events: number, sites: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-dashboard-bench-'));
  const log = createLogger('bench', 'error');
  const stores = await openStores(storeEnv.parse({ DATA_DIR: dataDir }), log);
  const organization = await stores.prisma.organization.create({ data: { name: 'Bench' } });
  const websites = await Promise.all(
    Array.from({ length: sites }, (_, i) =>
      stores.prisma.website.create({ data: { domain: `site${i}.example`, organizationId: organization.id } }),
    ),
  );
  const { key, ...stored } = generateApiKey();
  await stores.prisma.apiKey.create({
    data: { ...stored, name: 'bench', organizationId: organization.id, scopes: ['READ_ANALYTICS'] },
  });
  const started = performance.now();
  await seedSyntheticTraffic(
    stores.clickhouse,
    websites.map((w) => w.id),
    events,
  );
  console.log(
    `loaded ${events.toLocaleString()} events (${sites} websites) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // The bench measures time, not budgets (those are tested in api/cost.test.ts), and every load
  // asks ClickHouse: no cached answers from the previous load of the same website.
  const server = createApiServer(stores, log, {
    ...apiEnv.parse(process.env),
    responseCache: undefined,
    pointBudget: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
  });
  const port = await listen(server, 0, '127.0.0.1');
  return {
    origin: `http://127.0.0.1:${port}`,
    key,
    async stop() {
      await closeServer(server);
      await stores.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const events = process.env.BENCH_EVENTS ? Number(process.env.BENCH_EVENTS) : undefined;
const product = events ? await syntheticProduct(events, Number(process.env.BENCH_SITES ?? 10)) : undefined;
const origin = product?.origin ?? new URL(process.env.TIDEMARK_URL ?? 'http://localhost:4000').origin;
const apiKey = product?.key ?? process.env.TIDEMARK_API_KEY;
const runs = Number(process.env.BENCH_RUNS ?? 3);
if (!apiKey) {
  console.error('Set TIDEMARK_API_KEY (and TIDEMARK_URL unless http://localhost:4000), or BENCH_EVENTS.');
  process.exit(1);
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
console.log(`${new Date().toISOString()}, load average ${load()} (1 / 5 / 15 min)`);

const client = createClient({ url: `${origin}/graphql`, apiKey });
const { organization } = await client.request(WebsitesDocument, { first: 100 });
const browser = await launchTestBrowser();
/** Waits, when less than half the key's cost budget is left, until its window gives it all back (README "Cost and rate limits"). */
async function fullBudget() {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const { extensions } = (await response.json()) as {
    extensions?: { cost?: { limit: number; remaining: number; resetSeconds: number } };
  };
  const cost = extensions?.cost;
  if (cost && cost.remaining < cost.limit / 2) await new Promise((done) => setTimeout(done, cost.resetSeconds * 1000));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
try {
  for (const { node: site } of organization.websites.edges) {
    const chart: number[] = [];
    const panels: number[] = [];
    const points: number[] = [];
    for (let run = 0; run < runs; run++) {
      await fullBudget();
      // A program's browser: the key as a header (people sign in with a cookie; the figures are alike); nothing but the product reachable.
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      await context.setExtraHTTPHeaders({ authorization: `Bearer ${apiKey}` });
      await context.route('**/*', (route) =>
        new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      // The points the view's requests were charged (extensions.cost), to size a person's budget.
      let charged = 0;
      const counted: Promise<void>[] = [];
      page.on('response', (response) => {
        if (!response.url().endsWith('/graphql')) return;
        counted.push(
          response.json().then(
            (body: { extensions?: { cost?: { requested: number } } }) => {
              charged += body.extensions?.cost?.requested ?? 0;
            },
            () => undefined,
          ),
        );
      });
      await page.goto(`${origin}/w/${site.id}`);
      await page.locator('.chart canvas').first().waitFor({ timeout: 300_000 });
      chart.push(await page.evaluate(() => performance.getEntriesByName('tidemark:first-chart')[0]?.startTime ?? 0));
      await page.getByText('Loading…').first().waitFor({ state: 'detached', timeout: 300_000 });
      while ((await page.getByText('Loading…').count()) > 0) await page.waitForTimeout(20);
      panels.push(await page.evaluate(() => performance.now()));
      await Promise.all(counted);
      points.push(charged);
      await context.close();
    }
    console.log(
      `${site.domain.padEnd(28)} first chart ${Math.round(median(chart))} ms, every panel ${Math.round(median(panels))} ms (median of ${runs}; first chart ${chart.map(Math.round).join(', ')} ms); ${median(points)} points a view`,
    );
  }
  console.log(`ended on load average ${load()}`);
} finally {
  await browser.close();
  await product?.stop();
}
