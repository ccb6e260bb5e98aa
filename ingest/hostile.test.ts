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

/** A signed webhook body as sent, whatever it holds. */
function signed(provider: 'stripe' | 'paddle', body: string): Record<string, string> {
  const at = now();
  if (provider === 'stripe') {
    return {
      'stripe-signature': `t=${at},v1=${createHmac('sha256', stripeSecret).update(`${at}.${body}`).digest('hex')}`,
    };
  }
  return {
    'paddle-signature': `ts=${at};h1=${createHmac('sha256', paddleSecret).update(`${at}:${body}`).digest('hex')}`,
  };
}

const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const big = (bytes: number) => `{"pad":"${'x'.repeat(bytes)}"}`;

interface Case {
  method?: 'GET' | 'POST';
  path: string | (() => string);
  body?: string | (() => string);
  headers?: Record<string, string> | ((body: string) => Record<string, string>);
  status: number;
  code: string;
}

// Per route and kind of bad input: the status and code it must get.
// NUL in ids (clientId, websiteId, keys): covered by the api-hostile branch.
// JSON nested deeper than the parser's stack in `properties`: bounded before zod by the api-hostile branch.
const HOSTILE: Record<string, Case> = {
  'batch: malformed JSON': { path: '/v1/batch', body: '{"clientId":', status: 400, code: 'INVALID_JSON' },
  'batch: wrong types': { path: '/v1/batch', body: '{"clientId":5,"events":"x"}', status: 400, code: 'INVALID_BATCH' },
  'batch: only invalid events': {
    path: '/v1/batch',
    body: () => `{"clientId":"${t.siteId}","events":[{"type":"screen_view","eventId":5},null,"x"]}`,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'batch: oversize': { path: '/v1/batch', body: big(600_000), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  'batch: deep nesting': {
    path: '/v1/batch',
    body: () => `{"clientId":"${t.siteId}","events":[${deep(100_000)}]}`,
    status: 400,
    code: 'INVALID_JSON',
  },
  'batch: huge numbers': {
    path: '/v1/batch',
    body: () => `{"clientId":"${t.siteId}","events":[{"type":"screen_view","eventId":"e","loadTime":1e400}]}`,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'batch: odd client id': {
    path: '/v1/batch',
    body: '{"clientId":"\\ud800","events":[{}]}',
    status: 403,
    code: 'INVALID_CLIENT',
  },
  'batch: wrong content type': {
    path: '/v1/batch',
    body: '<events/>',
    headers: { 'content-type': 'application/xml' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  'batch: foreign origin': {
    path: '/v1/batch',
    body: () => `{"clientId":"${t.siteId}","events":[{"type":"screen_view","eventId":"e"}]}`,
    headers: { origin: 'https://evil.test' },
    status: 403,
    code: 'ORIGIN_NOT_ALLOWED',
  },
  'pixel: no client id': { method: 'GET', path: '/v1/px.gif', status: 400, code: 'INVALID_BATCH' },
  'pixel: wrong type': {
    method: 'GET',
    path: () => `/v1/px.gif?clientId=${t.siteId}&type=vital`,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'pixel: unknown type': {
    method: 'GET',
    path: () => `/v1/px.gif?clientId=${t.siteId}&type=__proto__`,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'pixel: odd client id': { method: 'GET', path: '/v1/px.gif?clientId=%ED%A0%80', status: 403, code: 'INVALID_CLIENT' },
  'track: malformed JSON': { path: '/v1/track', body: '{"name"', headers: bearer, status: 400, code: 'INVALID_JSON' },
  'track: wrong types': { path: '/v1/track', body: '{"name":5}', headers: bearer, status: 400, code: 'INVALID_EVENTS' },
  'track: oversize': { path: '/v1/track', body: big(600_000), headers: bearer, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  'track: deep nesting': {
    path: '/v1/track',
    body: deep(100_000),
    headers: bearer,
    status: 400,
    code: 'INVALID_JSON',
  },
  'track: huge numbers': {
    path: '/v1/track',
    body: '{"name":"x","timestamp":1e400}',
    headers: bearer,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'track: no key': { path: '/v1/track', body: '{"name":"x"}', status: 401, code: 'UNAUTHENTICATED' },
  'track: malformed authorization': {
    path: '/v1/track',
    body: '{"name":"x"}',
    headers: { authorization: 'Bearer \u00ff\u00fe' },
    status: 401,
    code: 'UNAUTHENTICATED',
  },
  'track: wrong content type': {
    path: '/v1/track',
    body: '{"name":"x"}',
    headers: () => ({ ...bearer(), 'content-type': 'multipart/form-data; boundary=x' }),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  'llm: malformed JSON': { path: '/v1/llm', body: '[', headers: bearer, status: 400, code: 'INVALID_JSON' },
  'llm: wrong types': {
    path: '/v1/llm',
    body: '{"model":[],"provider":{}}',
    headers: bearer,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'llm: huge numbers': {
    path: '/v1/llm',
    body: '{"model":"m","provider":"p","durationMs":1,"inputTokens":1e20}',
    headers: bearer,
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'llm: oversize': { path: '/v1/llm', body: big(600_000), headers: bearer, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  'stripe: no website': { path: '/v1/webhooks/stripe', body: '{}', status: 404, code: 'WEBHOOK_NOT_CONFIGURED' },
  'stripe: bad signature': {
    path: () => `/v1/webhooks/stripe?websiteId=${t.siteId}`,
    body: '{}',
    headers: { 'stripe-signature': `t=${now()},v1=00` },
    status: 400,
    code: 'INVALID_SIGNATURE',
  },
  'stripe: malformed JSON': {
    path: () => `/v1/webhooks/stripe?websiteId=${t.siteId}`,
    body: '{"type":',
    headers: (body) => signed('stripe', body),
    status: 400,
    code: 'INVALID_JSON',
  },
  'stripe: wrong types': {
    path: () => `/v1/webhooks/stripe?websiteId=${t.siteId}`,
    body: () => JSON.stringify(checkout('pi_nan', 'abc' as unknown as number)),
    headers: (body) => signed('stripe', body),
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'stripe: deep nesting': {
    path: () => `/v1/webhooks/stripe?websiteId=${t.siteId}`,
    body: deep(100_000),
    headers: (body) => signed('stripe', body),
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'stripe: oversize': {
    path: () => `/v1/webhooks/stripe?websiteId=${t.siteId}`,
    body: big(1_100_000),
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
  },
  'paddle: bad signature': {
    path: () => `/v1/webhooks/paddle?websiteId=${t.siteId}`,
    body: '{}',
    headers: { 'paddle-signature': 'ts=x;h1=' },
    status: 400,
    code: 'INVALID_SIGNATURE',
  },
  'paddle: wrong types': {
    path: () => `/v1/webhooks/paddle?websiteId=${t.siteId}`,
    body: '{"event_type":"transaction.completed","occurred_at":"garbage","data":{"id":"txn_bad","currency_code":"EUR","details":{"totals":{"grand_total":"1"}}}}',
    headers: (body) => signed('paddle', body),
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'paddle: huge numbers': {
    path: () => `/v1/webhooks/paddle?websiteId=${t.siteId}`,
    body: '{"event_type":"transaction.completed","occurred_at":"2026-01-01T00:00:00Z","data":{"id":"txn_inf","currency_code":"EUR","details":{"totals":{"grand_total":"1e400"}}}}',
    headers: (body) => signed('paddle', body),
    status: 400,
    code: 'INVALID_EVENTS',
  },
  'flags: no client id': { method: 'GET', path: '/v1/flags', status: 400, code: 'INVALID_REQUEST' },
  'flags: malformed JSON': { path: '/v1/flags', body: '{', status: 400, code: 'INVALID_JSON' },
  'flags: wrong types': {
    path: '/v1/flags',
    body: () => `{"clientId":"${t.siteId}","properties":"x"}`,
    status: 400,
    code: 'INVALID_REQUEST',
  },
  'flags: oversize': { path: '/v1/flags', body: big(20_000), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  'flags: wrong content type': {
    path: '/v1/flags',
    body: '{}',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  'link: NUL slug': { method: 'GET', path: '/l/%00', status: 404, code: 'LINK_NOT_FOUND' },
  'link: long slug': { method: 'GET', path: `/l/${'a'.repeat(5000)}`, status: 404, code: 'LINK_NOT_FOUND' },
  'link: traversal': { method: 'GET', path: '/l/..%2f..%2fetc', status: 404, code: 'LINK_NOT_FOUND' },
  'unknown route': { path: '/v1/batch/../admin', body: '{}', status: 404, code: 'NOT_FOUND' },
};

/** Rows in every table ingest writes. */
const stored = async () =>
  (
    await t.rows<{ n: number }>(sql`SELECT
      (SELECT count() FROM analytics.events) + (SELECT count() FROM analytics.error_spans)
      + (SELECT count() FROM analytics.web_vitals) + (SELECT count() FROM analytics.custom_events)
      + (SELECT count() FROM analytics.revenue) + (SELECT count() FROM analytics.link_clicks)
      + (SELECT count() FROM observability.ai_call_spans) AS n`)
  )[0]?.n;

let address = 0;
describe('hostile input on every route', () => {
  it.each(Object.entries(HOSTILE))('%s', async (_, c) => {
    const before = await stored();
    const body = typeof c.body === 'function' ? c.body() : c.body;
    const extra = typeof c.headers === 'function' ? c.headers(body ?? '') : c.headers;
    const response = await fetch(`${t.url}${typeof c.path === 'function' ? c.path() : c.path}`, {
      method: c.method ?? 'POST',
      headers: {
        ...browser,
        'content-type': 'application/json',
        'x-forwarded-for': `203.0.113.${++address}`,
        ...extra,
      },
      body,
      // The bound: a refusal that hangs fails here.
      signal: AbortSignal.timeout(15_000),
    });
    const answer = await response.json();
    expect({ status: response.status, code: answer.error?.code }).toEqual({ status: c.status, code: c.code });
    expect(answer.error.message).toEqual(expect.any(String));
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect(await stored()).toBe(before);
  });

  it.each([
    ['/v1/batch', 'content-length'],
    ['/v1/batch', 'chunked'],
    ['/v1/webhooks/stripe?websiteId=SITE', 'content-length'],
  ])('%s: a client writing a large body (%s) whole, then reading, gets the 413 and no reset', async (path, framing) => {
    const { connect } = await import('node:net');
    const socket = connect(Number(new URL(t.url).port), '127.0.0.1');
    let received = '';
    let failure: Error | undefined;
    socket.on('data', (chunk) => {
      received += chunk;
    });
    socket.on('error', (error) => {
      failure = error;
    });
    const size = 4 * 1024 * 1024;
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    const framed =
      framing === 'chunked' ? Buffer.concat([Buffer.from('40000\r\n'), chunk, Buffer.from('\r\n')]) : chunk;
    const length = framing === 'chunked' ? 'transfer-encoding: chunked' : `content-length: ${size}`;
    socket.write(
      `POST ${path.replace('SITE', t.siteId)} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n${length}\r\n\r\n`,
    );
    for (let sent = 0; sent < size; sent += chunk.length) {
      if (failure || socket.destroyed) break;
      if (!socket.write(framed)) {
        // Until drained, or until a reset ends the upload.
        await new Promise((resolve) => {
          socket.once('drain', resolve);
          socket.once('close', resolve);
        });
      }
    }
    if (framing === 'chunked') socket.write('0\r\n\r\n');
    await expect.poll(() => received.includes('}}') || failure !== undefined, { timeout: 15_000 }).toBe(true);
    expect(failure).toBeUndefined();
    expect(received).toMatch(/^HTTP\/1\.1 413 [\s\S]*"code":"PAYLOAD_TOO_LARGE"/);
    socket.destroy();
  });
});
