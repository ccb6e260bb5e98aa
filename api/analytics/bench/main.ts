import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runQuery } from '../../../clickhouse/query.ts';
import { sql } from '../../../clickhouse/sql.ts';
import { generateApiKey } from '../../../prisma/api-keys.ts';
import { storeEnv } from '../../../runtime/config.ts';
import { createLogger } from '../../../runtime/log.ts';
import { openStores } from '../../../runtime/stores.ts';
import { createApi } from '../../server.ts';
import { comparisonRange } from '../compare.ts';
import { breakdownSql } from '../families/breakdown.ts';
import { summariesSql, summarySql } from '../families/summary.ts';
import { timeseriesSql } from '../families/timeseries.ts';
import { vitalsSql } from '../families/vitals.ts';
import { comparedGroupsSql, type GroupsRequest, groupsSql, planGroups } from '../groups.ts';
import { createAnalyticsLoaders } from '../loader.ts';
import { resolveRange } from '../range.ts';
import { seedSyntheticTraffic } from './synthetic.ts';

// `npm run bench:query`: 10M events over 30 days for 10 websites in embedded chDB (BENCH_EVENTS
// sets the total, BENCH_SITES how many websites share it; the dashboard reads the first, which
// holds events / sites); p50/p95 of each dashboard query and of the full dashboard through GraphQL
// beside the same SQL run directly on the engine, the floor (a count and exact visitor and
// session counts of the website) and the ratio of the two, 50 website summaries batched (one
// GraphQL request) vs one summary, and bytes per event of events and visits (system.parts).

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SITES = Number(process.env.BENCH_SITES ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-query-bench-'));
const stores = await openStores(storeEnv.parse({ DATA_DIR: dataDir }), createLogger('bench', 'error'));
const organization = await stores.prisma.organization.create({ data: { name: 'Bench' } });
const sites = await Promise.all(
  Array.from({ length: 50 }, (_, i) =>
    stores.prisma.website.create({ data: { domain: `site${i}.example`, organizationId: organization.id } }),
  ),
);
const ids = sites.slice(0, SITES).map((s) => s.id);
const { key, ...stored } = generateApiKey();
await stores.prisma.apiKey.create({
  data: { ...stored, name: 'bench', organizationId: organization.id, scopes: ['READ_ANALYTICS'] },
});

const started = performance.now();
const startLoad = `${new Date().toISOString()}, ${loadavg()[0]?.toFixed(1)} load average`;
await seedSyntheticTraffic(stores.clickhouse, ids, EVENTS);
const load = () =>
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ')} (1 / 5 / 15 min)`;
console.log(
  `loaded ${EVENTS.toLocaleString()} events (${SITES} websites) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);

// Storage: compressed bytes of each table's active parts per stored event.
const [{ events: storedEvents } = { events: 0 }] = await runQuery<{ events: number }>(stores.clickhouse, {
  name: 'bench_count',
  query: sql`SELECT count() AS events FROM analytics.events`,
});
for (const table of ['events', 'visits']) {
  const [row] = await runQuery<{ bytes: number; rows: number }>(stores.clickhouse, {
    name: 'bench_parts',
    query: sql`SELECT sum(data_compressed_bytes) AS bytes, sum(rows) AS rows FROM system.parts
      WHERE database = 'analytics' AND table = ${table} AND active`,
  });
  console.log(
    `analytics.${table.padEnd(8)} ${(row?.rows ?? 0).toLocaleString().padStart(12)} rows  ${((row?.bytes ?? 0) / storedEvents).toFixed(1).padStart(6)} B/event`,
  );
}
console.log('');

const range = resolveRange({ preset: 'LAST_30_DAYS' });
// The bench measures time, not budgets: the default 10,000 points a minute ran out at BENCH_RUNS=10.
const api = createApi(stores, createLogger('bench', 'error'), {
  pointBudget: { max: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
});
const DIMENSIONS = ['PATH', 'REFERRER_DOMAIN', 'COUNTRY', 'BROWSER', 'OS', 'DEVICE'] as const;
// The loaders run the visit dimensions' breakdowns as one query.
const VISIT_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'PATH');
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
// The dashboard selects value, visitors and page views: no costly figures (see COSTLY_FIGURES).
const costly = [] as const;
const direct = () =>
  Promise.all([
    runQuery(stores.clickhouse, { name: 'bench_summary', query: summariesSql(scope, [range, comparisonRange(range)]) }),
    runQuery(stores.clickhouse, { name: 'bench_timeseries', query: timeseriesSql(scope, 'DAY') }),
    runQuery(stores.clickhouse, { name: 'bench_breakdown', query: breakdownSql(scope, ['PATH'], page, costly) }),
    runQuery(stores.clickhouse, { name: 'bench_breakdown', query: breakdownSql(scope, VISIT_DIMENSIONS, page) }),
    runQuery(stores.clickhouse, { name: 'bench_vitals', query: vitalsSql(scope, 'NONE') }),
  ]);

type Timing = { p50: number; p95: number; cpu: number };

/**
 * Wall time p50/p95, and the p50 of this process's CPU time (user + system, all threads: chDB
 * runs in-process), which other processes on a shared machine disturb far less than wall time.
 * Several runs are measured interleaved (one of each per round), so a change in the machine's
 * load during the measurement weighs on all of them alike and their ratios stay comparable.
 */
async function measureEach(cases: readonly [string, () => Promise<unknown>][]): Promise<Timing[]> {
  for (const [, run] of cases) await run(); // warm
  const times = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) {
    for (const [c, [, run]] of cases.entries()) {
      const start = performance.now();
      const used = process.cpuUsage();
      await run();
      const { user, system } = process.cpuUsage(used);
      times[c]?.push(performance.now() - start);
      cpu[c]?.push((user + system) / 1000);
    }
  }
  const p = (values: number[], q: number) =>
    values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))] ?? 0;
  return cases.map(([name], c) => {
    const result = { p50: p(times[c] ?? [], 0.5), p95: p(times[c] ?? [], 0.95), cpu: p(cpu[c] ?? [], 0.5) };
    console.log(
      `${name.padEnd(44)} p50 ${result.p50.toFixed(1).padStart(8)} ms   p95 ${result.p95.toFixed(1).padStart(8)} ms   CPU p50 ${result.cpu.toFixed(1).padStart(8)} ms`,
    );
    return result;
  });
}

const measure = async (name: string, run: () => Promise<unknown>): Promise<Timing> =>
  (await measureEach([[name, run]]))[0] as Timing;

// Each dashboard query alone, then the floor: what any dashboard must at least read.
const run = (name: string, query: ReturnType<typeof summarySql>) => () => runQuery(stores.clickhouse, { name, query });
await measure('summary', run('bench_summary', summarySql(scope)));
await measure(
  'summary and previous period (one query)',
  run('bench_summary', summariesSql(scope, [range, comparisonRange(range)])),
);
await measure('timeseries (DAY)', run('bench_timeseries', timeseriesSql(scope, 'DAY')));
for (const d of DIMENSIONS)
  await measure(`breakdown ${d}`, run('bench_breakdown', breakdownSql(scope, [d], page, costly)));
await measure('breakdown PATH with visits, bounce rate', run('bench_breakdown', breakdownSql(scope, ['PATH'], page)));
await measure(
  `breakdowns ${VISIT_DIMENSIONS.join(', ')} (one query)`,
  run('bench_breakdown', breakdownSql(scope, VISIT_DIMENSIONS, page)),
);
await measure('vitals', run('bench_vitals', vitalsSql(scope, 'NONE')));
console.log('');

// The dashboard both ways and the floor, interleaved: their ratios are the targets.
const [floor, viaGraphql, viaSql] = (await measureEach([
  [
    'floor: count(), uniqExact visitors, sessions',
    run(
      'bench_floor',
      sql`SELECT count(), uniqExact(anonymous_id), uniqExact(session_id) FROM analytics.events
        WHERE client_id = ${ids[0] as string} AND time >= ${range.from} AND time < ${range.to}`,
    ),
  ],
  ['dashboard via GraphQL (6 queries)', () => graphql(dashboard)],
  ['same SQL directly on chDB', direct],
  ['GraphQL request without analytics', () => graphql(`{ website(id: "${ids[0]}") { id } }`)],
])) as Timing[] as [Timing, Timing, Timing];

console.log(
  `GraphQL overhead at p50: ${(((viaGraphql.p50 - viaSql.p50) / viaSql.p50) * 100).toFixed(1)}%   (target <= 15%)` +
    `; in CPU time: ${(((viaGraphql.cpu - viaSql.cpu) / viaSql.cpu) * 100).toFixed(1)}%`,
);
console.log(`dashboard ÷ floor at p50: ${(viaSql.p50 / floor.p50).toFixed(1)}x   (target <= 3x)`);
console.log(`dashboard ÷ floor in CPU time: ${(viaSql.cpu / floor.cpu).toFixed(1)}x\n`);

// Typed groups of two dimensions (issue 16): through GraphQL beside the same SQL run directly,
// interleaved. Country × device reads visit rows only; day × country joins visit and event aggregates.
const groupsCases: [string, string, GroupsRequest][] = [
  [
    'groups country × device',
    'dimensions { country device } metrics { visitors visits pageviews bounceRate }',
    {
      dimensions: [
        { kind: 'registry', dimension: 'COUNTRY' },
        { kind: 'registry', dimension: 'DEVICE' },
      ],
      metrics: ['visitors', 'visits', 'pageviews', 'bounceRate'],
      orderBy: [],
      limit: 100,
      offset: 0,
    },
  ],
  [
    'groups day × country (visits and events)',
    'dimensions { day country } metrics { visitors pageviews }',
    {
      dimensions: [
        { kind: 'time', interval: 'DAY' },
        { kind: 'registry', dimension: 'COUNTRY' },
      ],
      metrics: ['visitors', 'pageviews'],
      orderBy: [],
      limit: 100,
      offset: 0,
    },
  ],
];
for (const [name, selection, request] of groupsCases) {
  const plan = planGroups(request);
  const [viaApi, viaEngine] = (await measureEach([
    [
      `${name} via GraphQL`,
      () =>
        graphql(
          `{ website(id: "${ids[0]}") { analytics(range: { preset: LAST_30_DAYS }) { groups { ${selection} } } } }`,
        ),
    ],
    [`${name}, same SQL directly`, run(plan.name, groupsSql(scope, plan))],
  ])) as [Timing, Timing];
  console.log(
    `GraphQL overhead at p50: ${(((viaApi.p50 - viaEngine.p50) / viaEngine.p50) * 100).toFixed(1)}%   (target <= 15%)\n`,
  );
}

// The comparison dashboard (issue 16): the dashboard with compare PREVIOUS_PERIOD, its breakdown rows
// paired with the previous period and the previous period's timeseries, through GraphQL beside the
// same SQL run directly (the summary of both ranges in one query; per breakdown, the comparison rows
// of the values shown, as the resolver asks for them), then a compared two-dimension groups query
// (the page of groups and the comparison in one query).
const previous = comparisonRange(range);
const comparedDashboard = `{ website(id: "${ids[0]}") { analytics(range: { preset: LAST_30_DAYS }, compare: { period: PREVIOUS_PERIOD }) {
  summary { current { pageviews visitors sessions bounceRate avgSessionSeconds } previous { pageviews visitors } visitorsChange }
  timeseries(interval: DAY) { time pageviews visitors }
  comparison { timeseries(interval: DAY) { time pageviews visitors } }
  ${DIMENSIONS.map((d) => `${d.toLowerCase()}: breakdown(dimension: ${d}, first: 10) { value visitors pageviews comparison { visitors pageviews } visitorsChange }`).join('\n')}
  vitals { metric p50 p75 p95 good poor }
} } }`;
const comparedDirect = async () => {
  const before = { ...scope, range: previous };
  // As the loaders do: PATH alone, the visit dimensions in one query; then each dimension's comparison rows.
  const compared = async (dimensions: readonly (typeof DIMENSIONS)[number][]) => {
    const rows = await runQuery<{ dimension: string; value: string }>(stores.clickhouse, {
      name: 'bench_breakdown',
      query: breakdownSql(scope, dimensions, page, costly),
    });
    await Promise.all(
      dimensions.map((dimension) => {
        const values = rows.filter((r) => r.dimension === dimension).map((r) => r.value);
        if (values.length === 0) return null;
        return runQuery(stores.clickhouse, {
          name: 'bench_breakdown',
          query: breakdownSql(
            { ...before, filters: [{ field: dimension, op: 'IN', value: values }] },
            [dimension],
            { ...page, limit: values.length },
            costly,
          ),
        });
      }),
    );
  };
  await Promise.all([
    runQuery(stores.clickhouse, { name: 'bench_summary', query: summariesSql(scope, [range, previous]) }),
    runQuery(stores.clickhouse, { name: 'bench_timeseries', query: timeseriesSql(scope, 'DAY') }),
    runQuery(stores.clickhouse, { name: 'bench_timeseries', query: timeseriesSql(before, 'DAY') }),
    compared(['PATH']),
    compared(VISIT_DIMENSIONS),
    runQuery(stores.clickhouse, { name: 'bench_vitals', query: vitalsSql(scope, 'NONE') }),
  ]);
};
const comparedGroups = groupsCases[0] as (typeof groupsCases)[number];
const comparedPlan = planGroups(comparedGroups[2]);
const [dashboardCompared, dashboardComparedSql, groupsCompared, groupsComparedSql] = (await measureEach([
  ['comparison dashboard via GraphQL', () => graphql(comparedDashboard)],
  ['comparison dashboard, same SQL directly', comparedDirect],
  [
    `${comparedGroups[0]} compared via GraphQL`,
    () =>
      graphql(`{ website(id: "${ids[0]}") { analytics(range: { preset: LAST_30_DAYS }, compare: { period: PREVIOUS_PERIOD }) {
        groups { ${comparedGroups[1]} comparison { visitors visits pageviews bounceRate } } } } }`),
  ],
  [
    `${comparedGroups[0]} compared, same SQL directly`,
    run(`${comparedPlan.name}_compared`, comparedGroupsSql(scope, comparedPlan, previous)),
  ],
])) as Timing[] as [Timing, Timing, Timing, Timing];
for (const [name, viaApi, viaEngine] of [
  ['comparison dashboard', dashboardCompared, dashboardComparedSql],
  ['compared groups', groupsCompared, groupsComparedSql],
] as const) {
  console.log(
    `${name}: GraphQL overhead at p50: ${(((viaApi.p50 - viaEngine.p50) / viaEngine.p50) * 100).toFixed(1)}%   (target <= 15%)` +
      `; in CPU time: ${(((viaApi.cpu - viaEngine.cpu) / viaEngine.cpu) * 100).toFixed(1)}%`,
  );
}
console.log('');

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
      loaders.summary.load({ websiteId: id, range: comparisonRange(range), filters: [] }),
    ]);
  }
});
const one = await measure('1 summary (1 GraphQL request)', () =>
  graphql(
    `{ website(id: "${ids[0]}") { analytics(range: { preset: LAST_30_DAYS }) { summary { current { pageviews visitors } } } } }`,
  ),
);
console.log(`batched vs unbatched: ${(unbatched.p50 / batched.p50).toFixed(1)}x faster`);
console.log(`50 batched ÷ 1 summary: ${(batched.p50 / one.p50).toFixed(1)}x   (target <= 10x)`);
console.log(`\nstarted on ${startLoad}; ended on ${load()}`);

await stores.close();
rmSync(dataDir, { recursive: true, force: true });
