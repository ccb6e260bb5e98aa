import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from '../../ingest/test-support.ts';
import { type GraphQLBody, graphqlOver } from './test-support.ts';

// CHANNEL through the real ingest and the public API: a visit's channel comes from its first page
// view (referrer, UTM), and filtering by it keeps all of the visit's page views.

let t: TestIngest;
let graphql: (query: string) => Promise<GraphQLBody>;
const start = Date.now() - 3_600_000;
const range = { from: new Date(start - 60_000).toISOString(), to: new Date(start + 3_600_000).toISOString() };

/** Visits by landing page query string and referrer, and how many page views each has. */
const VISITS = [
  { channel: 'Organic Search', referrer: 'https://www.google.com/search', query: '', pages: 3 },
  { channel: 'Organic Search', referrer: 'https://duckduckgo.com/', query: '', pages: 1 },
  { channel: 'AI Assistants', referrer: '', query: '?utm_source=chatgpt.com', pages: 1 },
  { channel: 'Paid Search', referrer: 'https://www.google.com/', query: '?utm_source=google&utm_medium=cpc', pages: 2 },
  { channel: 'Direct', referrer: '', query: '', pages: 2 },
  { channel: 'Referral', referrer: 'https://blog.example.org/post', query: '', pages: 1 },
  { channel: 'Email', referrer: '', query: '?utm_source=newsletter&utm_medium=email', pages: 2 },
];

beforeAll(async () => {
  t = await startTestIngest();
  graphql = graphqlOver(t);
  for (const [v, visit] of VISITS.entries()) {
    const events = Array.from({ length: visit.pages }, (_, p) => ({
      type: 'screen_view',
      eventId: randomUUID(),
      anonymousId: `visitor-${v}`,
      sessionId: `session-${v}`,
      url: `https://example.com/page-${p}${p === 0 ? visit.query : ''}`,
      timestamp: start + v * 60_000 + p * 1_000,
      ...(p === 0 && visit.referrer ? { referrer: visit.referrer } : {}),
    }));
    const response = await fetch(`${t.url}/v1/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://example.com', 'user-agent': CHROME_DESKTOP },
      body: JSON.stringify({ clientId: t.siteId, events }),
    });
    expect(response.status).toBe(200);
  }
  await t.ingest.context.writer.flush();
});
afterAll(() => t?.close());

const analytics = async (fields: string, filters = '[]') => {
  const { data, errors } = await graphql(
    `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filters: ${filters}) { ${fields} } } }`,
  );
  expect(errors).toBeUndefined();
  return data.website.analytics;
};

/** The independent computation: visitors and page views per channel. */
const expected = (channel?: string) => {
  const visits = VISITS.filter((v) => !channel || v.channel === channel);
  return { visitors: visits.length, pageviews: visits.reduce((sum, v) => sum + v.pages, 0) };
};

it('breaks visitors and page views down by channel', async () => {
  const { breakdown } = await analytics('breakdown(dimension: CHANNEL, first: 100) { value visitors pageviews }');
  const channels = [...new Set(VISITS.map((v) => v.channel))];
  expect(Object.fromEntries(breakdown.map((row: { value: string }) => [row.value, row]))).toEqual(
    Object.fromEntries(channels.map((channel) => [channel, { value: channel, ...expected(channel) }])),
  );
});

it.each(['Organic Search', 'Direct', 'Email'])('filters whole visits by channel %s', async (channel) => {
  const { summary } = await analytics(
    'summary { current { visitors pageviews } }',
    `[{ field: CHANNEL, op: IS, value: [${JSON.stringify(channel)}] }]`,
  );
  expect(summary.current).toEqual(expected(channel));
});

it('filters by channels a visit is not in', async () => {
  const { summary } = await analytics(
    'summary { current { visitors pageviews } }',
    '[{ field: CHANNEL, op: NOT_IN, value: ["Organic Search", "Direct"] }]',
  );
  const rest = VISITS.filter((v) => v.channel !== 'Organic Search' && v.channel !== 'Direct');
  expect(summary.current).toEqual({ visitors: rest.length, pageviews: rest.reduce((sum, v) => sum + v.pages, 0) });
});

it.each(['IS', 'IS_NOT', 'CONTAINS', 'REGEX'])(
  'refuses %s with several values or none rather than using one',
  async (op) => {
    for (const value of ['["Direct", "Email"]', '[]']) {
      const { data, errors } = await graphql(
        `{ website(id: "${t.siteId}") { analytics(range: { from: "${range.from}", to: "${range.to}" }, filters: [{ field: CHANNEL, op: ${op}, value: ${value} }]) { summary { current { visitors } } } } }`,
      );
      expect(errors?.[0]?.extensions.code, value).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toContain(`${op} takes one value`);
      expect(data?.website ?? null).toBeNull();
    }
  },
);
