import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { storeEnv } from '../../runtime/config.ts';
import { createLogger } from '../../runtime/log.ts';
import { openStores } from '../../runtime/stores.ts';
import { comparisonRange } from '../analytics/compare.ts';
import { planGroups } from '../analytics/groups.ts';
import { resolveRange } from '../analytics/range.ts';
import { exportZip } from './route.ts';
import { groupsTable } from './tables.ts';

// `npm run bench:export [-- --events 10000000]` (or BENCH_EVENTS=10000000): seeds half the events,
// exports the last 30 days as the ZIP of GET /export (the route's writer, without HTTP), then seeds
// the other half and exports again, then once more with compare (comparison/ twins of every file)
// and a groups query (day × country with comparison columns, groups.csv). Distinct pages grow with the events (one per 40 events), so pages.csv grows
// with them; the export's time, bytes and peak RSS above the process's RSS before it are printed
// for both sizes. Embedded chDB runs in this process, so its memory is in the figure.

const { values } = parseArgs({
  options: { events: { type: 'string', default: process.env.BENCH_EVENTS ?? '200000' } },
});
const EVENTS = Number(values.events);
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-export-bench-'));
const log = createLogger('bench', 'error');
const stores = await openStores(storeEnv.parse({ DATA_DIR: dataDir }), log);
const organization = await stores.prisma.organization.create({ data: { name: 'Bench' } });
const site = await stores.prisma.website.create({ data: { domain: 'bench.example', organizationId: organization.id } });
await stores.prisma.goal.create({ data: { websiteId: site.id, name: 'Docs', type: 'PAGE_VIEW', target: '/p/1*' } });

/** Events [first, first + count): visits of 4 events (3 page views, an exit) over 30 days. */
async function seed(first: number, count: number) {
  await stores.clickhouse.command({
    query: `INSERT INTO analytics.events (id, client_id, event_name, anonymous_id, session_id, time, url, path, ip, user_agent,
        referrer, country, city, browser_name, os_name, device_type, utm_source, time_on_page, scroll_depth)
      SELECT generateUUIDv7(), '${site.id}', if(step = 3, 'page_exit', 'screen_view'),
        concat('v', toString(visitor)), concat('s', toString(visit)),
        now64(3) - toIntervalSecond(cityHash64(visit, 2) % (29 * 86400)) + toIntervalSecond(step * 60),
        'https://bench.example/', concat('/p/', toString(cityHash64(visit, step) % ${Math.max(1, Math.floor(EVENTS / 40))})),
        '', '', if(step = 0, ['', 'https://www.google.com/', 'https://news.ycombinator.com/'][visit % 3 + 1], NULL),
        ['US', 'DE', 'GB', 'FR', 'JP', 'BR'][visitor % 6 + 1], concat('City ', toString(visitor % 500)),
        ['Chrome', 'Safari', 'Firefox', 'Edge'][intDiv(visitor, 6) % 4 + 1],
        ['Windows', 'macOS', 'iOS', 'Android'][intDiv(visitor, 24) % 4 + 1],
        ['desktop', 'mobile', 'tablet'][intDiv(visitor, 96) % 3 + 1],
        if(step = 0 AND visit % 7 = 0, 'newsletter', NULL),
        if(step = 3, toFloat32(cityHash64(visit) % 300), NULL), if(step = 3, toFloat32(cityHash64(visit, 9) % 101), NULL)
      FROM (SELECT number, intDiv(number, 4) AS visit, number % 4 AS step, cityHash64(visit, 1) % 200000 AS visitor
        FROM numbers(${first}, ${count}))`,
  });
  await stores.clickhouse.command({ query: 'OPTIMIZE TABLE analytics.visits FINAL' });
}

const range = resolveRange({ preset: 'LAST_30_DAYS' });
const scope = { websiteId: site.id, range, filters: [], interval: 'DAY' as const, comparison: comparisonRange(range) };
const dayByCountry = planGroups({
  dimensions: [
    { kind: 'time', interval: 'DAY' },
    { kind: 'registry', dimension: 'COUNTRY' },
  ],
  metrics: ['visitors', 'pageviews'],
  orderBy: [],
  limit: 1000,
  offset: 0,
});

async function exportOnce(events: number, extra?: Parameters<typeof exportZip>[4]) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const started = performance.now();
  let bytes = 0;
  await pipeline(
    exportZip(stores, scope, log, 'bench', extra),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
  console.log(
    `${events.toLocaleString().padStart(12)} events${extra ? ', compared, with groups' : ''}: export ${((performance.now() - started) / 1000).toFixed(2)} s, ` +
      `${(bytes / 1024).toFixed(0)} KiB zip, peak RSS ${mb(peak)} (${mb(peak - before)} above the ${mb(before)} before it)`,
  );
}

const half = Math.floor(EVENTS / 2);
await seed(0, half);
await exportOnce(half);
await seed(half, EVENTS - half);
await exportOnce(EVENTS);
await exportOnce(EVENTS, { compare: true, groups: groupsTable(dayByCountry, ['visitors', 'pageviews'], true) });
await stores.close();
rmSync(dataDir, { recursive: true, force: true });
