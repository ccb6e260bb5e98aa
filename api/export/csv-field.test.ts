import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('groupsCsv', () => {
  const day = new Date(dayStart).toISOString();

  it('writes the groups of a query: dimensions by field name, then metrics, with known figures', async () => {
    const query = `{ dimensions: [{ field: utmSource }, { field: day }], metrics: [visitors, pageviews], orderBy: [utmSource_ASC] }`;
    const body = await analytics(`groupsCsv(query: ${query})
      groups(orderBy: [utmSource_ASC]) { dimensions { utmSource day } metrics { visitors pageviews } }`);
    expect(body.errors).toBeUndefined();
    // Even visitors came without a UTM source (1 or 3 pages), odd ones from news (2 or 4 pages), all on the first day.
    expect(body.data.website.analytics.groupsCsv).toBe(
      `utmSource,day,visitors,pageviews\r\n,${day},4,8\r\nnews,${day},4,12\r\n`,
    );
    // The same rows as the groups field.
    expect(
      body.data.website.analytics.groups.map(
        (g: { dimensions: { utmSource: string; day: string }; metrics: { visitors: number; pageviews: number } }) =>
          [g.dimensions.utmSource, g.dimensions.day, g.metrics.visitors, g.metrics.pageviews].join(','),
      ),
    ).toEqual([`,${day},4,8`, `news,${day},4,12`]);
  });

  it('adds comparison and change columns with compare, pages with first/offset and header', async () => {
    const body = await analytics(
      'groupsCsv(query: { dimensions: [{ field: path }], metrics: [visits], orderBy: [visits_DESC], compare: true }, first: 2, offset: 1, header: false)',
    );
    expect(body.errors).toBeUndefined();
    // Visits per path: / 8, /pricing 6, /=cmd 4, /a,b 2; nothing in the previous period.
    expect(body.data.website.analytics.groupsCsv).toBe('/pricing,6,,\r\n/=cmd,4,,\r\n');
    const header = await analytics('groupsCsv(query: { metrics: [visits, bounceRate], compare: true }, first: 1)');
    expect(header.data.website.analytics.groupsCsv).toBe(
      'visits,bounceRate,comparison.visits,comparison.bounceRate,change.visits,change.bounceRate\r\n8,0.25,,,,\r\n',
    );
  });

  it('runs the README example', async () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const example = readme.slice(readme.indexOf('### Export')).match(/```graphql\n([\s\S]*?)```/)?.[1] ?? '';
    const body = await graphql(example.replace('"…"', `"${t.siteId}"`));
    expect(body.errors).toBeUndefined();
    const [header, first] = body.data.website.analytics.groupsCsv.split('\r\n');
    expect(header).toBe(
      'day,country,visitors,pageviews,comparison.visitors,comparison.pageviews,change.visitors,change.pageviews',
    );
    // Every visitor came from London on one day: 8 visitors, 20 page views, none the 30 days before.
    expect(first).toBe(`${day},GB,8,20,,,,`);
  });

  it('refuses what groups refuses, ambiguous keys and more rows than its bound', async () => {
    const cases: [string, string][] = [
      ['{ dimensions: [{ field: country, property: "plan" }] }', 'BAD_USER_INPUT'],
      ['{ dimensions: [{}] }', 'BAD_USER_INPUT'],
      ['{ dimensions: [{ property: "plan" }], metrics: [bounceRate] }', 'UNSUPPORTED_GROUPING'],
      [
        '{ dimensions: [{ field: country }, { field: city }, { field: path }, { field: os }, { field: device }, { field: day }] }',
        'BAD_USER_INPUT',
      ],
    ];
    for (const [query, code] of cases) {
      const body = await analytics(`groupsCsv(query: ${query})`);
      expect(body.errors?.[0]?.extensions.code, query).toBe(code);
    }
    const tooMany = await analytics(`groupsCsv(query: {}, first: ${MAX_CSV_ROWS + 1})`);
    expect(tooMany.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });
});
