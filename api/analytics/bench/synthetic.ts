import type { ClickHouseClient } from '../../../clickhouse/client.ts';

/**
 * The benchmarks' synthetic traffic, generated inside the engine (bench:query, bench:dashboard):
 * `events` events over the last 30 days, spread over `websiteIds`, 200k visitors per website. A
 * visit is 4 consecutive events a minute apart (3 page views and an exit) on one website, with
 * its referrer and UTM source on its first page view only, as the tracker sends them; device and
 * place are the visitor's. Plus one web-vitals sample per 10 events. Visits are merged at the end.
 */
export async function seedSyntheticTraffic(
  clickhouse: ClickHouseClient,
  websiteIds: readonly string[],
  events: number,
) {
  // Ids are the product's own cuid-like website ids, never input.
  const idList = websiteIds.map((id) => `'${id}'`).join(', ');
  await clickhouse.command({
    query: `INSERT INTO analytics.events (id, client_id, event_name, anonymous_id, session_id, time, url, path, ip, user_agent,
        referrer, country, browser_name, os_name, device_type, utm_source, time_on_page, scroll_depth)
      SELECT generateUUIDv7(), [${idList}][visit % ${websiteIds.length} + 1],
        if(step = 3, 'page_exit', 'screen_view'),
        concat('v', toString(visitor)),
        concat('s', toString(visit)),
        now64(3) - toIntervalSecond(cityHash64(visit, 2) % (30 * 86400)) + toIntervalSecond(step * 60),
        'https://example.com/', ['/', '/pricing', '/docs', '/docs/install', '/blog', '/about'][cityHash64(visit, step) % 6 + 1],
        '', '',
        if(step = 0, ['', 'https://www.google.com/', 'https://news.ycombinator.com/'][visit % 3 + 1], NULL),
        ['US', 'DE', 'GB', 'FR', 'JP', 'BR'][visitor % 6 + 1],
        ['Chrome', 'Safari', 'Firefox', 'Edge'][intDiv(visitor, 6) % 4 + 1],
        ['Windows', 'macOS', 'iOS', 'Android'][intDiv(visitor, 24) % 4 + 1],
        ['desktop', 'mobile', 'tablet'][intDiv(visitor, 96) % 3 + 1],
        if(step = 0 AND visit % 7 = 0, 'newsletter', NULL),
        if(step = 3, toFloat32(cityHash64(visit) % 300), NULL),
        if(step = 3, toFloat32(cityHash64(visit, 9) % 101), NULL)
      FROM (SELECT number, intDiv(number, 4) AS visit, number % 4 AS step, cityHash64(visit, 1) % 200000 AS visitor
        FROM numbers(${events}))`,
  });
  await clickhouse.command({
    query: `INSERT INTO analytics.web_vitals (client_id, anonymous_id, session_id, timestamp, path, metric_name, metric_value)
      SELECT [${idList}][number % ${websiteIds.length} + 1], 'v', 's', now64(3) - toIntervalSecond(number % (30 * 86400)), '/',
        ['LCP', 'FCP', 'CLS', 'INP', 'TTFB'][number % 5 + 1], cityHash64(number) % 5000
      FROM numbers(${Math.floor(events / 10)})`,
  });
  await clickhouse.command({ query: 'OPTIMIZE TABLE analytics.visits FINAL' });
}
