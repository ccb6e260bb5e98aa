import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { CHROME_DESKTOP, startTestIngest, type TestIngest } from './test-support.ts';

// Hostile and odd input on every ingest route: what is refused gets a 4xx with a code, leaves the
// service up and stores nothing; what is accepted is stored exactly once, as sent (strings made
// well-formed), or the request is refused before it is acknowledged.

let t: TestIngest;
const stripeSecret = 'whsec_hostile';
const paddleSecret = 'pdl_hostile';
beforeAll(async () => {
  t = await startTestIngest();
  await t.prisma.website.update({
    where: { id: t.siteId },
    data: { integrations: { stripe: { webhookSecret: stripeSecret }, paddle: { webhookSecret: paddleSecret } } },
  });
  await t.ingest.context.websites.invalidateChanged();
});
afterAll(() => t.close());

const browser = { origin: 'https://example.com', 'user-agent': CHROME_DESKTOP, 'x-forwarded-for': '198.51.100.7' };

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}
const bearer = () => ({ authorization: `Bearer ${t.apiKey}` });

const now = () => Math.floor(Date.now() / 1000);
function stripe(event: unknown) {
  const body = JSON.stringify(event);
  const at = now();
  const signature = createHmac('sha256', stripeSecret).update(`${at}.${body}`).digest('hex');
  return post(`/v1/webhooks/stripe?websiteId=${t.siteId}`, body, { 'stripe-signature': `t=${at},v1=${signature}` });
}
function paddle(event: unknown) {
  const body = JSON.stringify(event);
  const at = now();
  const signature = createHmac('sha256', paddleSecret).update(`${at}:${body}`).digest('hex');
  return post(`/v1/webhooks/paddle?websiteId=${t.siteId}`, body, { 'paddle-signature': `ts=${at};h1=${signature}` });
}
const checkout = (paymentIntent: string, amountTotal: number, metadata: Record<string, string> = {}) => ({
  id: `evt_${paymentIntent}`,
  type: 'checkout.session.completed',
  created: now() - 5,
  data: {
    object: {
      id: `cs_${paymentIntent}`,
      payment_intent: paymentIntent,
      amount_total: amountTotal,
      currency: 'usd',
      mode: 'payment',
      metadata,
    },
  },
});

/** NUL, a lone surrogate, an astral character, a right-to-left override and a zero-width space. */
const ODD = 'a\u0000b\ud800c😀𝄞\u202e\u200b';
/** What ClickHouse holds for ODD: the lone surrogate becomes U+FFFD, everything else stays. */
const STORED = 'a\u0000b\ufffdc😀𝄞\u202e\u200b';
/** Properties with a `__proto__` key, a key with a lone surrogate and the largest exact integer. */
const ODD_PROPERTIES = `{"__proto__":{"x":${JSON.stringify(ODD)}},"k\\udc00":1,"max":${Number.MAX_SAFE_INTEGER}}`;
const STORED_PROPERTIES = `{"__proto__":{"x":${JSON.stringify(STORED)}},"k\ufffd":1,"max":${Number.MAX_SAFE_INTEGER}}`;

describe('odd values that are accepted are stored exactly once, intact', () => {
  it('POST /v1/batch: titles, names, error messages and properties', async () => {
    const view = randomUUID();
    const custom = randomUUID();
    const error = randomUUID();
    const events = `[
      {"type":"screen_view","eventId":"${view}","title":${JSON.stringify(ODD)},"url":"https://example.com/odd"},
      {"type":"custom","eventId":"${custom}","name":${JSON.stringify(ODD)},"properties":${ODD_PROPERTIES}},
      {"type":"error","eventId":"${error}","message":${JSON.stringify(ODD)},"url":"https://example.com/odd"}
    ]`;
    const response = await post('/v1/batch', `{"clientId":"${t.siteId}","events":${events}}`, browser);
    expect(response).toMatchObject({ status: 200, body: { accepted: 3, errors: [] } });
    expect(
      await t.rows(sql`SELECT event_id, title, event_name, properties FROM analytics.events
        WHERE event_id IN (${view}, ${custom}) ORDER BY event_type`),
    ).toEqual([
      { event_id: custom, title: null, event_name: STORED, properties: STORED_PROPERTIES },
      { event_id: view, title: STORED, event_name: 'screen_view', properties: '{}' },
    ]);
    expect(
      await t.rows(sql`SELECT message FROM analytics.error_spans WHERE client_id = ${t.siteId} AND path = '/odd'`),
    ).toEqual([{ message: STORED }]);
  });

  it('GET /v1/px.gif: a title with NUL, astral characters and bytes that are not UTF-8', async () => {
    const title = `${encodeURIComponent('px\u0000😀')}%ED%A0%80`;
    const response = await fetch(`${t.url}/v1/px.gif?clientId=${t.siteId}&title=${title}`, {
      headers: { ...browser, referer: 'https://example.com/pixel-odd' },
    });
    expect(response.status).toBe(200);
    // Invalid UTF-8 in a URL decodes to U+FFFD, as in every URL parser.
    const expected = new URLSearchParams(`t=${title}`).get('t');
    expect(expected?.startsWith('px\u0000😀\ufffd')).toBe(true);
    expect(await t.rows(sql`SELECT title FROM analytics.events WHERE path = '/pixel-odd'`)).toEqual([
      { title: expected },
    ]);
  });

  it('POST /v1/track: names, paths and properties', async () => {
    const path = `/track/${ODD}`;
    const body = `{"name":${JSON.stringify(ODD)},"path":${JSON.stringify(path)},"properties":${ODD_PROPERTIES}}`;
    expect(await post('/v1/track', body, bearer())).toMatchObject({ status: 200, body: { accepted: 1 } });
    expect(
      await t.rows(sql`SELECT event_name, path, properties FROM analytics.custom_events WHERE event_name = ${STORED}`),
    ).toEqual([{ event_name: STORED, path: `/track/${STORED}`, properties: STORED_PROPERTIES }]);
  });

  it('POST /v1/llm: the largest token counts and durations, odd names and messages', async () => {
    const max = 2 ** 32 - 1;
    const call = {
      model: ODD,
      provider: 'OpenAI',
      inputTokens: max,
      outputTokens: 0,
      totalTokens: max,
      reasoningTokens: max,
      durationMs: max,
      toolCallNames: [ODD],
      errorMessage: ODD,
    };
    expect(await post('/v1/llm', call, bearer())).toMatchObject({ status: 200, body: { accepted: 1 } });
    expect(
      await t.rows(sql`SELECT input_tokens, total_tokens, reasoning_tokens, duration_ms, tool_call_names, error_message
        FROM observability.ai_call_spans WHERE model = ${STORED}`),
    ).toEqual([
      {
        input_tokens: max,
        total_tokens: max,
        reasoning_tokens: max,
        duration_ms: max,
        tool_call_names: [STORED],
        error_message: STORED,
      },
    ]);
  });

  it('Stripe and Paddle webhooks: odd product names and attribution, the largest amounts', async () => {
    const sale = checkout('pi_odd', 9_999_999_999_999, { product_name: ODD, anonymous_id: ODD });
    expect(await stripe(sale)).toMatchObject({ status: 200, body: { stored: 1 } });
    const completed = {
      event_id: 'ntf_odd',
      event_type: 'transaction.completed',
      occurred_at: new Date().toISOString(),
      data: {
        id: 'txn_odd',
        currency_code: 'EUR',
        custom_data: { anonymous_id: ODD },
        details: { totals: { grand_total: '9999999999999' } },
        items: [{ price: { product_id: 'pro_odd', description: ODD } }],
      },
    };
    expect(await paddle(completed)).toMatchObject({ status: 200, body: { stored: 1 } });
    expect(
      await t.rows(sql`SELECT transaction_id, toString(amount) AS amount, anonymous_id, product_name
        FROM analytics.revenue FINAL WHERE transaction_id IN ('pi_odd', 'txn_odd') ORDER BY transaction_id`),
    ).toEqual([
      { transaction_id: 'pi_odd', amount: '99999999999.99', anonymous_id: STORED, product_name: STORED },
      { transaction_id: 'txn_odd', amount: '99999999999.99', anonymous_id: STORED, product_name: STORED },
    ]);
  });
});

describe('values their column cannot hold are refused before they are acknowledged', () => {
  it('a Stripe amount past Decimal64(4), a Paddle one, an LLM token sum past UInt32', async () => {
    const huge = await stripe(checkout('pi_huge', 100_000_000_000_000_000_000));
    expect(huge).toMatchObject({ status: 400, body: { error: { code: 'VALUE_OUT_OF_RANGE' } } });
    const paddleHuge = {
      event_id: 'ntf_huge',
      event_type: 'transaction.completed',
      occurred_at: new Date().toISOString(),
      data: { id: 'txn_huge', currency_code: 'USD', details: { totals: { grand_total: '1e30' } } },
    };
    expect(await paddle(paddleHuge)).toMatchObject({ status: 400, body: { error: { code: 'VALUE_OUT_OF_RANGE' } } });
    // Two UInt32 maxima: the sum would wrap to 4294967294 in a UInt32 column.
    const sum = {
      model: 'sum-past-uint32',
      provider: 'x',
      inputTokens: 2 ** 32 - 1,
      outputTokens: 2 ** 32 - 1,
      durationMs: 1,
    };
    const refused = await post('/v1/llm', sum, bearer());
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'VALUE_OUT_OF_RANGE' } } });
    expect(refused.body.error.message).toContain('total_tokens');
    expect(
      await t.rows(sql`SELECT
        (SELECT count() FROM analytics.revenue WHERE transaction_id IN ('pi_huge', 'txn_huge')) AS revenue,
        (SELECT count() FROM observability.ai_call_spans WHERE model = 'sum-past-uint32') AS calls`),
    ).toEqual([{ revenue: 0, calls: 0 }]);
  });
});

describe('a row ClickHouse refuses in the spool', () => {
  it('costs only that row: events acknowledged after it are stored, the row is quarantined and counted', async () => {
    // What an older version, which did not check ranges, may have left in the spool: a revenue
    // row ClickHouse refuses (Code 69), written through the writer itself, bypassing the checks.
    const row = {
      owner_id: t.organizationId,
      transaction_id: 'pi_poison',
      provider: 'stripe',
      type: 'sale',
      status: 'completed',
      amount: 1e18,
      original_amount: 1e18,
      original_currency: 'USD',
      currency: 'USD',
      created: '2026-01-01 00:00:00',
      synced_at: '2026-01-01 00:00:00',
    };
    await t.ingest.context.writer.write('analytics.revenue', [row]);
    const eventId = randomUUID();
    const after = `{"clientId":"${t.siteId}","events":[{"type":"screen_view","eventId":"${eventId}","url":"https://example.com/after-poison"}]}`;
    expect((await post('/v1/batch', after, browser)).status).toBe(200);
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.events WHERE event_id = ${eventId}`)).toEqual([
      { n: 1 },
    ]);
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.revenue WHERE transaction_id = 'pi_poison'`)).toEqual([
      { n: 0 },
    ]);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain('tidemark_ingest_quarantined_rows_total{table="analytics.revenue"} 1');
  });
});
