import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClickHouse } from '../../../clickhouse/client.ts';
import { migrateClickHouse } from '../../../clickhouse/migrator.ts';
import { runQuery } from '../../../clickhouse/query.ts';
import { sql } from '../../../clickhouse/sql.ts';
import { vitalsSql, vitalsTimeseriesSql } from '../families/vitals.ts';
import { resolveRange } from '../range.ts';

// `npm run bench:vitals`: what keeping one value per page view costs. Embedded chDB with
// BENCH_VIEWS page views (default 1M over 30 days, 10 websites) reporting LCP, FCP, TTFB and CLS,
// INP once, and a third of them CLS and INP again in a later insert (a later hide); p50/p95 of
// the vitals queries as shipped (FINAL: one value per page view) beside the same query over every
// row (as before issue 18), with the second reports not yet merged and after a merge.

const VIEWS = Number(process.env.BENCH_VIEWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-vitals-bench-'));
const clickhouse = createClickHouse({ dataDir });
await migrateClickHouse({ client: clickhouse });

const started = performance.now();
for (const [metrics, which] of [
  ["['LCP', 'FCP', 'TTFB', 'CLS', 'INP']", 'true'],
  ["['CLS', 'INP']", 'view % 3 = 0'],
]) {
  await clickhouse.command({
    query: `INSERT INTO analytics.web_vitals (client_id, anonymous_id, session_id, view_id, timestamp, path, metric_name, metric_value, browser_name)
      SELECT concat('site', toString(view % 10)), concat('v', toString(view % 100000)), concat('s', toString(intDiv(view, 3))),
        concat('view-', toString(view)), now64(3) - toIntervalSecond(view % (30 * 86400)) + toIntervalSecond(${which === 'true' ? 0 : 30}),
        ['/', '/pricing', '/docs', '/blog'][view % 4 + 1], metric,
        if(metric = 'CLS', (cityHash64(view, ${which === 'true' ? 0 : 1}) % 500) / 1000, cityHash64(view, metric, ${which === 'true' ? 0 : 1}) % 5000),
        ['Chrome', 'Safari', 'Firefox'][view % 3 + 1]
      FROM (SELECT number AS view FROM numbers(${VIEWS})) ARRAY JOIN ${metrics} AS metric
      WHERE ${which}`,
  });
}
const count = async () =>
  (
    await runQuery<{ rows: number }>(clickhouse, {
      name: 'bench_vitals_rows',
      query: sql`SELECT count() AS rows FROM analytics.web_vitals`,
    })
  )[0]?.rows ?? 0;
console.log(
  `loaded ${(await count()).toLocaleString()} reports of ${VIEWS.toLocaleString()} page views in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);

const scope = { websiteIds: ['site0'], range: resolveRange({ preset: 'LAST_30_DAYS' }), filters: [] };
/** The pre-issue-18 query: every row a sample. */
const everyRow = sql`SELECT client_id, metric_name AS metric, '' AS value, count() AS samples,
    quantiles(0.5, 0.75, 0.9, 0.95, 0.99)(metric_value) AS percentiles
  FROM analytics.web_vitals
  WHERE client_id IN ('site0') AND timestamp >= ${scope.range.from} AND timestamp < ${scope.range.to}
  GROUP BY client_id, metric, value`;

async function measure(name: string, query: ReturnType<typeof sql>) {
  await runQuery(clickhouse, { name: 'bench_vitals', query }); // warm
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await runQuery(clickhouse, { name: 'bench_vitals', query });
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => (times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? 0).toFixed(1);
  console.log(`${name.padEnd(52)} p50 ${p(0.5).padStart(8)} ms   p95 ${p(0.95).padStart(8)} ms`);
}

for (const state of ['second reports not merged', 'after OPTIMIZE FINAL']) {
  if (state !== 'second reports not merged') {
    await clickhouse.command({ query: 'OPTIMIZE TABLE analytics.web_vitals FINAL' });
  }
  console.log(`${state}: ${(await count()).toLocaleString()} rows`);
  await measure('  vitals, every row a sample (before)', everyRow);
  await measure('  vitals, one value per page view (FINAL)', vitalsSql(scope, 'NONE'));
  await measure('  vitals by browser (FINAL)', vitalsSql(scope, 'BROWSER'));
  await measure('  INP p75 per day (FINAL)', vitalsTimeseriesSql(scope, 'INP', 'DAY'));
}
await clickhouse.close();
rmSync(dataDir, { recursive: true, force: true });
