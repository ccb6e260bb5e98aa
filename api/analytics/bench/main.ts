import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuery } from '../../../clickhouse/query.ts';
import { generateApiKey } from '../../../prisma/api-keys.ts';
import { storeEnv } from '../../../runtime/config.ts';
import { createLogger } from '../../../runtime/log.ts';
import { openStores } from '../../../runtime/stores.ts';
import { createApi } from '../../server.ts';
import { createAnalyticsLoaders } from '../loader.ts';
import { breakdownSql, summarySql, timeseriesSql, vitalsSql } from '../queries.ts';
import { previousPeriod, resolveRange } from '../range.ts';

// `npm run bench:query`: 10M events over 30 days for 10 websites in embedded chDB; p50/p95 of a
// full dashboard through GraphQL beside the same SQL run directly on the engine in the same
// run, and 50 website summaries batched (one GraphQL request) vs unbatched (one query each).

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-query-bench-'));
const stores = await openStores(storeEnv.parse({ DATA_DIR: dataDir }), createLogger('bench', 'error'));
const organization = await stores.prisma.organization.create({ data: { name: 'Bench' } });
const sites = await Promise.all(
  Array.from({ length: 50 }, (_, i) =>
    stores.prisma.website.create({ data: { domain: `site${i}.example`, organizationId: organization.id } }),
  ),
);
const ids = sites.slice(0, 10).map((s) => s.id);
const { key, ...stored } = generateApiKey();
await stores.prisma.apiKey.create({
  data: { ...stored, name: 'bench', organizationId: organization.id, scopes: ['READ_ANALYTICS'] },
});

// Synthetic events generated inside the engine: 10 websites, 30 days, 200k visitors.
const started = performance.now();
const idList = ids.map((id) => `'${id}'`).join(', ');
await stores.clickhouse.command({
  query: `INSERT INTO analytics.events (id, client_id, event_name, anonymous_id, session_id, time, url, path, ip, user_agent,
      referrer, country, browser_name, os_name, device_type, utm_source, time_on_page)
    SELECT generateUUIDv4(), [${idList}][number % 10 + 1],
      if(number % 5 = 0, 'page_exit', 'screen_view'),
      concat('v', toString(cityHash64(number, 1) % 200000)),
      concat('s', toString(intDiv(number, 4))),
      now64(3) - toIntervalSecond(cityHash64(number, 2) % (30 * 86400)),
      'https://example.com/', ['/', '/pricing', '/docs', '/docs/install', '/blog', '/about'][cityHash64(number, 3) % 6 + 1],
      '', '',
      ['', 'https://www.google.com/', 'https://news.ycombinator.com/'][number % 3 + 1],
      ['US', 'DE', 'GB', 'FR', 'JP', 'BR'][cityHash64(number, 4) % 6 + 1],
      ['Chrome', 'Safari', 'Firefox', 'Edge'][cityHash64(number, 5) % 4 + 1],
      ['Windows', 'macOS', 'iOS', 'Android'][cityHash64(number, 6) % 4 + 1],
      ['desktop', 'mobile', 'tablet'][cityHash64(number, 7) % 3 + 1],
      if(number % 7 = 0, 'newsletter', NULL),
      if(number % 5 = 0, toFloat32(cityHash64(number) % 300), NULL)
    FROM numbers(${EVENTS})`,
});
await stores.clickhouse.command({
  query: `INSERT INTO analytics.web_vitals (client_id, anonymous_id, session_id, timestamp, path, metric_name, metric_value)
    SELECT [${idList}][number % 10 + 1], 'v', 's', now64(3) - toIntervalSecond(number % (30 * 86400)), '/',
      ['LCP', 'FCP', 'CLS', 'INP', 'TTFB'][number % 5 + 1], cityHash64(number) % 5000
    FROM numbers(${Math.floor(EVENTS / 10)})`,
});
console.log(`loaded ${EVENTS.toLocaleString()} events in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

const range = resolveRange({ preset: 'LAST_30_DAYS' });
const api = createApi(stores, createLogger('bench', 'error'));
const DIMENSIONS = ['PATH', 'REFERRER_DOMAIN', 'COUNTRY', 'BROWSER', 'OS', 'DEVICE'] as const;
const dashboard = `{ website(id: "${ids[0]}") { analytics(range: { preset: LAST_30_DAYS }) {
  summary { current { pageviews visitors sessions bounceRate avgSessionSeconds } previous { pageviews visitors } }
  timeseries(interval: DAY) { time pageviews visitors }
  ${DIMENSIONS.map((d) => `${d.toLowerCase()}: breakdown(dimension: ${d}, first: 10) { value visitors pageviews }`).join('\n')}
  vitals { metric p50 p75 p95 good poor }
} } }`;

async function graphql(query: string) {
  const response = await api.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

// The same SQL the dashboard runs, straight on the engine, concurrently as the loaders do.
const scope = { websiteIds: [ids[0] as string], range, filters: [] };
const page = { sort: 'VISITORS' as const, limit: 10, offset: 0 };
const direct = () =>
  Promise.all([
    runQuery(stores.clickhouse, { name: 'bench_summary', query: summarySql(scope) }),
    runQuery(stores.clickhouse, {
      name: 'bench_summary',
      query: summarySql({ ...scope, range: previousPeriod(range) }),
    }),
    runQuery(stores.clickhouse, { name: 'bench_timeseries', query: timeseriesSql(scope, 'DAY') }),
    ...DIMENSIONS.map((d) =>
      runQuery(stores.clickhouse, { name: 'bench_breakdown', query: breakdownSql(scope, d, page) }),
    ),
    runQuery(stores.clickhouse, { name: 'bench_vitals', query: vitalsSql(scope, 'NONE') }),
  ]);

async function measure(name: string, run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await run(); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0;
  console.log(`${name.padEnd(44)} p50 ${p(0.5).toFixed(1).padStart(8)} ms   p95 ${p(0.95).toFixed(1).padStart(8)} ms`);
  return { p50: p(0.5), p95: p(0.95) };
}

// Interleave the two so machine noise hits both alike.
const viaGraphql = await measure('dashboard via GraphQL (11 queries)', () => graphql(dashboard));
const viaSql = await measure('same SQL directly on chDB', direct);
console.log(
  `GraphQL overhead at p50: ${(((viaGraphql.p50 - viaSql.p50) / viaSql.p50) * 100).toFixed(1)}%   (target <= 15%)\n`,
);

const fifty = sites.map((s) => s.id);
const batched = await measure('50 summaries, batched (1 GraphQL request)', () =>
  graphql(`{ organization { websites(first: 50) { edges { node { analytics(range: { preset: LAST_30_DAYS }) {
    summary { current { pageviews visitors } } } } } } } }`),
);
const unbatched = await measure('50 summaries, one query each', async () => {
  for (const id of fifty) {
    const loaders = createAnalyticsLoaders(stores.clickhouse);
    await Promise.all([
      loaders.summary.load({ websiteId: id, range, filters: [] }),
      loaders.summary.load({ websiteId: id, range: previousPeriod(range), filters: [] }),
    ]);
  }
});
console.log(`batched vs unbatched: ${(unbatched.p50 / batched.p50).toFixed(1)}x faster`);

await stores.close();
rmSync(dataDir, { recursive: true, force: true });
