import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../clickhouse/sql.ts';
import { CHROME_DESKTOP, GEO, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { graphqlOver } from './test-support.ts';

/**
 * The vitals family after replace-on-update, against known answers: reports go through the real
 * ingest, figures come back through GraphQL. The tracker reports CLS and INP of a page view again
 * at each later hide, under the page view's id; the latest report (by its timestamp) is the view's
 * value, so every page view counts once. Reports without a view id (older trackers) stand alone.
 */

const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000;
const range = { from: new Date(hour).toISOString(), to: new Date(hour + 3 * 3_600_000).toISOString() };
const minute = (n: number) => hour + n * 60_000;

let t: TestIngest;
let graphql: ReturnType<typeof graphqlOver>;

/** One request to ingest with these vital reports. */
async function report(...events: { viewId?: string; path: string; metric: string; value: number; at: number }[]) {
  const response = await fetch(`${t.url}/v1/batch`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'https://example.com',
      'user-agent': CHROME_DESKTOP,
      'x-forwarded-for': GEO.london,
    },
    body: JSON.stringify({
      clientId: t.siteId,
      events: events.map(({ path, at, ...event }) => ({
        type: 'vital',
        eventId: randomUUID(),
        anonymousId: 'visitor',
        sessionId: `session-${event.viewId ?? randomUUID()}`,
        url: `https://example.com${path}`,
        timestamp: at,
        ...event,
      })),
    }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  // View a on /: CLS and INP reported at a first hide, then again, larger, at the last.
  await report(
    { viewId: 'a', path: '/', metric: 'CLS', value: 0.05, at: minute(1) },
    { viewId: 'a', path: '/', metric: 'INP', value: 100, at: minute(1) },
    { viewId: 'a', path: '/', metric: 'LCP', value: 1200, at: minute(1) },
  );
  await report(
    { viewId: 'a', path: '/', metric: 'CLS', value: 0.3, at: minute(70) },
    { viewId: 'a', path: '/', metric: 'INP', value: 600, at: minute(70) },
  );
  // View b on /: reported once.
  await report(
    { viewId: 'b', path: '/', metric: 'CLS', value: 0.02, at: minute(2) },
    { viewId: 'b', path: '/', metric: 'INP', value: 150, at: minute(2) },
  );
  // View c on /pricing: the later reports arrive first (a retried earlier batch comes last);
  // its INP went down (more interactions: a higher one is ignored as an outlier).
  await report(
    { viewId: 'c', path: '/pricing', metric: 'CLS', value: 0.15, at: minute(9) },
    { viewId: 'c', path: '/pricing', metric: 'INP', value: 250, at: minute(9) },
  );
  await report(
    { viewId: 'c', path: '/pricing', metric: 'CLS', value: 0.08, at: minute(3) },
    { viewId: 'c', path: '/pricing', metric: 'INP', value: 300, at: minute(3) },
  );
  // Two reports without a view id (an older tracker): each its own page view.
  await report({ path: '/', metric: 'CLS', value: 0.4, at: minute(4) });
  await report({ path: '/', metric: 'CLS', value: 0.01, at: minute(4) });
  await t.ingest.context.writer.flush();
});
afterAll(() => t?.close());

const analytics = (fields: string) =>
  `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }) { ${fields} } } }`;

describe('web vitals, one value per page view', () => {
  it('keeps one value per page view and metric, the latest', async () => {
    const stored = async () =>
      t.rows<{ view_id: string; metric_name: string; metric_value: number }>(
        sql`SELECT view_id, metric_name, metric_value FROM analytics.web_vitals FINAL
          WHERE client_id = ${t.siteId} AND view_id IN ('a', 'c') ORDER BY view_id, metric_name`,
      );
    const latest = [
      { view_id: 'a', metric_name: 'CLS', metric_value: 0.3 },
      { view_id: 'a', metric_name: 'INP', metric_value: 600 },
      { view_id: 'a', metric_name: 'LCP', metric_value: 1200 },
      { view_id: 'c', metric_name: 'CLS', metric_value: 0.15 },
      { view_id: 'c', metric_name: 'INP', metric_value: 250 },
    ];
    expect(await stored()).toEqual(latest);
    // Merges drop the replaced reports from storage too.
    await t.clickhouse.command({ query: 'OPTIMIZE TABLE analytics.web_vitals FINAL' });
    const rows = await t.rows<{ n: number }>(
      sql`SELECT count() AS n FROM analytics.web_vitals WHERE client_id = ${t.siteId}`,
    );
    expect(rows[0]?.n).toBe(9);
    expect(await stored()).toEqual(latest);
  });

  it('counts each page view once with its latest value', async () => {
    const { data, errors } = await graphql(analytics('vitals { metric samples p50 p75 good needsImprovement poor }'));
    expect(errors).toBeUndefined();
    const vitals = Object.fromEntries(
      data.website.analytics.vitals.map(({ metric, ...rest }: { metric: string }) => [metric, rest]),
    );
    // CLS per page view: a 0.3 (not 0.05), b 0.02, c 0.15 (not 0.08), and 0.4, 0.01.
    expect(vitals.CLS.samples).toBe(5);
    expect(vitals.CLS.p50).toBeCloseTo(0.15, 12);
    expect(vitals.CLS.p75).toBeCloseTo(0.3, 12);
    expect(vitals.CLS.good).toBeCloseTo(2 / 5, 12);
    expect(vitals.CLS.needsImprovement).toBeCloseTo(1 / 5, 12);
    expect(vitals.CLS.poor).toBeCloseTo(2 / 5, 12);
    // INP per page view: a 600 (not 100), b 150, c 250 (the later, lower value; not 300).
    expect(vitals.INP).toMatchObject({ samples: 3, p50: 250, p75: 425, good: 1 / 3, poor: 1 / 3 });
    expect(vitals.INP.needsImprovement).toBeCloseTo(1 / 3, 12);
    expect(vitals.LCP).toEqual({ samples: 1, p50: 1200, p75: 1200, good: 1, needsImprovement: 0, poor: 0 });
  });

  it('by page and for one page', async () => {
    const { data } = await graphql(
      analytics(`byPath: vitals(dimension: PATH) { metric value samples p50 }
        pricing: vitals(path: "/pricing") { metric samples p50 }`),
    );
    const inp = data.website.analytics.byPath.filter((v: { metric: string }) => v.metric === 'INP');
    expect(inp).toEqual([
      { metric: 'INP', value: '/', samples: 2, p50: 375 },
      { metric: 'INP', value: '/pricing', samples: 1, p50: 250 },
    ]);
    expect(data.website.analytics.pricing).toEqual([
      { metric: 'CLS', samples: 1, p50: 0.15 },
      { metric: 'INP', samples: 1, p50: 250 },
    ]);
  });

  it('counts a page view in the range of its latest report only', async () => {
    const firstHour = `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${new Date(hour + 3_600_000).toISOString()}" }) {
      vitals { metric samples } } } }`;
    const { data } = await graphql(firstHour);
    // a's CLS and INP of minute 1 were replaced by those of minute 70: only its LCP is in the first hour.
    expect(data.website.analytics.vitals).toEqual([
      { metric: 'CLS', samples: 4 },
      { metric: 'INP', samples: 2 },
      { metric: 'LCP', samples: 1 },
    ]);
  });

  it('trends each page view once, in the hour of its latest report', async () => {
    const { data } = await graphql(analytics('vitalsTimeseries(metric: "INP", interval: HOUR) { time samples p75 }'));
    expect(data.website.analytics.vitalsTimeseries).toEqual([
      { time: new Date(hour).toISOString(), samples: 2, p75: 225 },
      { time: new Date(hour + 3_600_000).toISOString(), samples: 1, p75: 600 },
      { time: new Date(hour + 2 * 3_600_000).toISOString(), samples: 0, p75: null },
    ]);
  });
});
