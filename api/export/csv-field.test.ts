import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_DESKTOP, GEO, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { csvTable } from '../../runtime/csv.ts';
import { graphqlOver } from '../analytics/test-support.ts';
import { MAX_CSV_ROWS } from '../schema/export.ts';
import { TABLES } from './tables.ts';

// The `csv` field: the same rows as its family, written by runtime/csv.ts, through the real ingest.
const dayStart = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 2 * 86_400_000;
const range = `{ from: "${new Date(dayStart).toISOString()}", to: "${new Date(dayStart + 2 * 86_400_000).toISOString()}" }`;

let t: TestIngest;
let graphql: ReturnType<typeof graphqlOver>;

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  const paths = ['/', '/pricing', '/=cmd', '/a,b'];
  for (let v = 0; v < 8; v++) {
    const events = paths.slice(0, 1 + (v % 4)).map((path, p) => ({
      eventId: randomUUID(),
      type: 'screen_view',
      anonymousId: `v${v}`,
      sessionId: `v${v}-s`,
      url: `https://example.com${path}${p === 0 && v % 2 ? '?utm_source=news' : ''}`,
      timestamp: dayStart + v * 3_600_000 + p * 60_000,
    }));
    const response = await fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'https://example.com',
        'user-agent': CHROME_DESKTOP,
        'x-forwarded-for': GEO.london,
      },
      body: JSON.stringify({ clientId: t.siteId, events }),
    });
    expect(response.status).toBe(200);
  }
  await t.ingest.context.writer.flush();
}, 60_000);
afterAll(() => t?.close());

const analytics = (selection: string) =>
  graphql(`{ website(id: "${t.siteId}") { analytics(range: ${range}) { ${selection} } } }`);

it('answers the family’s rows as CSV, paged by first/offset and header', async () => {
  const family = await analytics(
    'breakdown(dimension: PATH, first: 100) { value visitors visits pageviews bounceRate avgTimeOnPage avgScrollDepth outgoingClicks }',
  );
  const rows = family.data.website.analytics.breakdown;
  expect(rows.map((r: { value: string }) => r.value)).toContain('/=cmd');
  const whole = await analytics('csv(table: PAGES)');
  expect(whole.errors).toBeUndefined();
  expect(whole.data.website.analytics.csv).toBe(csvTable(TABLES.PAGES.columns, rows));
  const tail = await analytics('csv(table: PAGES, first: 2, offset: 1, header: false)');
  expect(tail.data.website.analytics.csv).toBe(
    csvTable(TABLES.PAGES.columns, rows.slice(1, 3)).split('\r\n').slice(1).join('\r\n'),
  );
});

it('writes timeseries times as ISO instants, one row per bucket', async () => {
  const family = await analytics('timeseries(interval: DAY) { time pageviews visitors sessions }');
  const csv = (await analytics('csv(table: TIMESERIES, interval: DAY)')).data.website.analytics.csv;
  const points = family.data.website.analytics.timeseries.map((p: { time: string }) => ({
    ...p,
    time: new Date(p.time),
  }));
  expect(csv).toBe(csvTable(TABLES.TIMESERIES.columns, points));
  expect(csv.split('\r\n')[1]).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\.000Z,/);
});

it('refuses more rows than its bound, and public readers without a key', async () => {
  const tooMany = await analytics(`csv(table: PAGES, first: ${MAX_CSV_ROWS + 1})`);
  expect(tooMany.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  const anonymous = await graphql(
    `{ website(id: "${t.siteId}") { analytics(range: ${range}) { csv(table: PAGES) } } }`,
    null,
  );
  expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
});
