import { afterAll, beforeAll, expect, it } from 'vitest';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { createAnalyticsLoaders } from './loader.ts';
import { resolveRange } from './range.ts';

// Web vitals, errors and custom events against known answers.
const start = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 6 * 3_600_000);
const at = (minutes: number) => toClickHouseDateTime(new Date(start.getTime() + minutes * 60_000));
const range = resolveRange({ from: start.toISOString(), to: new Date(start.getTime() + 6 * 3_600_000).toISOString() });

let ch: TestClickHouse;
beforeAll(async () => {
  ch = await freshClickHouse();
  // LCP 100..1000 on / (all good), 3000 and 5000 on /slow (one needs improvement, one poor).
  const lcp = [
    ...Array.from({ length: 10 }, (_, i) => ['/', (i + 1) * 100, 'Chrome']),
    ['/slow', 3000, 'Firefox'],
    ['/slow', 5000, 'Firefox'],
  ] as const;
  await ch.client.insert({
    table: 'analytics.web_vitals',
    format: 'JSONEachRow',
    values: [
      ...lcp.map(([path, value, browser], i) => ({
        client_id: 'w',
        anonymous_id: `v${i}`,
        session_id: `s${i}`,
        timestamp: at(i),
        path,
        metric_name: 'LCP',
        metric_value: value,
        browser_name: browser,
      })),
      {
        client_id: 'w',
        anonymous_id: 'v0',
        session_id: 's0',
        timestamp: at(1),
        path: '/',
        metric_name: 'FPS',
        metric_value: 58,
      },
    ],
  });
  const error = (minute: number, visitor: string, message: string, type = 'TypeError') => ({
    client_id: 'w',
    anonymous_id: visitor,
    session_id: `${visitor}-s`,
    timestamp: at(minute),
    path: '/checkout',
    message,
    error_type: type,
    stack: `${type}: ${message}\n    at pay (app.js:1:1)`,
  });
  await ch.client.insert({
    table: 'analytics.error_spans',
    format: 'JSONEachRow',
    values: [
      error(1, 'a', 'x is undefined'),
      error(2, 'a', 'x is undefined'),
      error(3, 'b', 'x is undefined'),
      error(4, 'c', 'Network request failed', 'Error'),
    ],
  });
  const custom = (visitor: string, name: string, properties: object) =>
    eventRow({
      client_id: 'w',
      event_name: name,
      event_type: 'custom',
      anonymous_id: visitor,
      session_id: visitor,
      time: at(5),
      properties: JSON.stringify(properties),
    });
  await ch.client.insert({
    table: 'analytics.events',
    format: 'JSONEachRow',
    values: [
      custom('a', 'signup', { plan: 'pro' }),
      custom('b', 'signup', { plan: 'free' }),
      custom('c', 'signup', { plan: 'pro' }),
      custom('a', 'share', { to: 'x' }),
    ],
  });
  await ch.client.insert({
    table: 'analytics.custom_events',
    format: 'JSONEachRow',
    values: [
      {
        owner_id: 'org',
        website_id: 'w',
        timestamp: at(6),
        event_name: 'signup',
        properties: '{"plan":"pro"}',
        anonymous_id: 'd',
      },
    ],
  });
});
afterAll(() => ch.close());

it('reports vitals percentiles and Google ratings, overall and by dimension', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  const overall = await loaders.vitals.load({ websiteId: 'w', range, filters: [], dimension: 'NONE' });
  const lcp = overall.find((v) => v.metric === 'LCP');
  expect(lcp).toMatchObject({ samples: 12, good: 10 / 12, poor: 1 / 12 });
  expect(lcp?.needsImprovement).toBeCloseTo(1 / 12, 10);
  expect(lcp?.p50).toBe(650);
  expect(overall.find((v) => v.metric === 'FPS')).toMatchObject({ samples: 1, p50: 58, good: null, poor: null });
  const byBrowser = await loaders.vitals.load({ websiteId: 'w', range, filters: [], dimension: 'BROWSER' });
  expect(byBrowser.filter((v) => v.metric === 'LCP').map((v) => [v.value, v.samples, v.p50])).toEqual([
    ['Chrome', 10, 550],
    ['Firefox', 2, 4000],
  ]);
  const slow = await loaders.vitals.load({ websiteId: 'w', range, filters: [], dimension: 'NONE', path: '/slow' });
  expect(slow).toMatchObject([{ metric: 'LCP', samples: 2, good: 0 }]);
});

it('groups errors with affected visitors, searches messages and lists recent stacks', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  const groups = await loaders.errorGroups.load({ websiteId: 'w', range, filters: [], limit: 10 });
  expect(groups.map(({ lastSeen: _, ...g }) => g)).toEqual([
    { type: 'TypeError', message: 'x is undefined', occurrences: 3, visitors: 2, sessions: 2 },
    { type: 'Error', message: 'Network request failed', occurrences: 1, visitors: 1, sessions: 1 },
  ]);
  const found = await loaders.errorGroups.load({ websiteId: 'w', range, filters: [], limit: 10, search: 'NETWORK' });
  expect(found.map((g) => g.message)).toEqual(['Network request failed']);
  const recent = await loaders.recentErrors.load({ websiteId: 'w', range, filters: [], limit: 2 });
  expect(recent.map((e) => e.message)).toEqual(['Network request failed', 'x is undefined']);
  expect(recent[1]?.stack).toContain('at pay');
});

it('counts custom events from the tracker and the server, with property distributions', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  expect(await loaders.customEvents.load({ websiteId: 'w', range, filters: [] })).toEqual([
    { name: 'signup', occurrences: 4, visitors: 4 },
    { name: 'share', occurrences: 1, visitors: 1 },
  ]);
  expect(await loaders.eventProperties.load({ websiteId: 'w', range, filters: [], eventName: 'signup' })).toEqual([
    { key: 'plan', value: 'pro', occurrences: 3 },
    { key: 'plan', value: 'free', occurrences: 1 },
  ]);
});

it('trends vitals and errors over time, errors by page, from the rollup and from raw spans alike', async () => {
  const loaders = createAnalyticsLoaders(ch.client);
  const lcp = await loaders.vitalsTimeseries.load({
    websiteId: 'w',
    range,
    filters: [],
    metric: 'LCP',
    interval: 'HOUR',
  });
  expect(lcp).toHaveLength(6);
  expect(lcp[0]).toMatchObject({ samples: 12, p75: 925 });
  expect(lcp[1]).toMatchObject({ samples: 0, p75: null });

  // The range is hour-aligned: the hourly rollup answers. Shift it by a minute and raw spans do.
  const fromRollup = await loaders.errorTrend.load({ websiteId: 'w', range, filters: [], interval: 'HOUR' });
  const shifted = { ...range, from: new Date(range.from.getTime() - 60_000) };
  const fromRaw = await loaders.errorTrend.load({ websiteId: 'w', range: shifted, filters: [], interval: 'HOUR' });
  expect(fromRollup.map((p) => p.errors)).toEqual([4, 0, 0, 0, 0, 0]);
  expect(fromRaw.reduce((sum, p) => sum + p.errors, 0)).toBe(4);
  expect(await loaders.errorsByPage.load({ websiteId: 'w', range, filters: [], limit: 5 })).toEqual([
    { value: '/checkout', errors: 4, visitors: 3 },
  ]);
  expect(await loaders.errorsByPage.load({ websiteId: 'w', range: shifted, filters: [], limit: 5 })).toEqual([
    { value: '/checkout', errors: 4, visitors: 3 },
  ]);
});
