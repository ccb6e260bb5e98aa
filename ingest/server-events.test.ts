import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { UNKNOWN_KEYS_PER_MINUTE } from '../prisma/api-key-access.ts';
import { generateApiKey } from '../prisma/api-keys.ts';
import type { ApiScope } from '../prisma/generated/client.ts';
import { startTestIngest, type TestIngest } from './test-support.ts';

let t: TestIngest;
let otherOrgSite: string;
let archivedSite: string;
beforeAll(async () => {
  t = await startTestIngest();
  const other = await t.prisma.organization.create({ data: { name: 'Other' } });
  otherOrgSite = (await t.prisma.website.create({ data: { domain: 'other.org', organizationId: other.id } })).id;
  archivedSite = (
    await t.prisma.website.create({
      data: {
        domain: 'old.example.com',
        organizationId: t.organizationId,
        status: 'ARCHIVED',
        integrations: { stripe: { webhookSecret: 'whsec_test_secret' } },
      },
    })
  ).id;
});
afterAll(() => t.close());

async function makeKey(scopes: ApiScope[], extra: Record<string, unknown> = {}) {
  const { key, ...stored } = generateApiKey();
  await t.prisma.apiKey.create({
    data: { ...stored, name: 'test', organizationId: t.organizationId, scopes, ...extra },
  });
  return key;
}

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('POST /v1/track', () => {
  it('stores server-side events under the key’s organization', async () => {
    const key = await makeKey(['TRACK_EVENTS']);
    const response = await post(
      '/v1/track',
      [
        {
          name: 'invoice_sent',
          namespace: 'billing',
          properties: { total: 99 },
          websiteId: t.siteId,
          anonymousId: 'a1',
        },
        { name: 'job_done', eventId: 'job-1' },
      ],
      bearer(key),
    );
    expect(response).toMatchObject({ status: 200, body: { accepted: 2, duplicates: 0 } });
    expect(
      await t.rows(sql`SELECT owner_id, website_id, event_name, namespace, properties, anonymous_id, source
        FROM analytics.custom_events ORDER BY event_name`),
    ).toEqual([
      {
        owner_id: t.organizationId,
        website_id: t.siteId,
        event_name: 'invoice_sent',
        namespace: 'billing',
        properties: '{"total":99}',
        anonymous_id: 'a1',
        source: 'server',
      },
      {
        owner_id: t.organizationId,
        website_id: null,
        event_name: 'job_done',
        namespace: null,
        properties: '{}',
        anonymous_id: null,
        source: 'server',
      },
    ]);
  });

  it('accepts x-api-key, and stores a retried event id once', async () => {
    const key = await makeKey(['TRACK_EVENTS']);
    const event = { name: 'retry_me', eventId: 'same-id' };
    expect((await post('/v1/track', event, { 'x-api-key': key })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await post('/v1/track', event, { 'x-api-key': key })).body).toEqual({ accepted: 0, duplicates: 1 });
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.custom_events WHERE event_name = 'retry_me'`)).toEqual([
      { n: 1 },
    ]);
  });

  it('refuses bad keys, missing scopes, foreign websites and bad payloads, storing nothing', async () => {
    const before = await t.rows(sql`SELECT count() AS n FROM analytics.custom_events`);
    const valid = await makeKey(['TRACK_EVENTS']);
    const cases: [Record<string, string>, unknown, number, string][] = [
      [{}, { name: 'x' }, 401, 'UNAUTHENTICATED'],
      [bearer('tmk_not-a-real-key'), { name: 'x' }, 401, 'UNAUTHENTICATED'],
      [bearer(await makeKey(['TRACK_EVENTS'], { revokedAt: new Date() })), { name: 'x' }, 401, 'UNAUTHENTICATED'],
      [
        bearer(await makeKey(['TRACK_EVENTS'], { expiresAt: new Date(Date.now() - 1) })),
        { name: 'x' },
        401,
        'UNAUTHENTICATED',
      ],
      [bearer(await makeKey(['READ_ANALYTICS'])), { name: 'x' }, 403, 'FORBIDDEN'],
      [bearer(valid), { name: 'x', websiteId: otherOrgSite }, 403, 'FORBIDDEN'],
      [bearer(valid), { name: 'x', websiteId: 'does-not-exist' }, 403, 'FORBIDDEN'],
      [bearer(valid), { name: 'x', websiteId: archivedSite }, 403, 'FORBIDDEN'],
      [
        bearer(await makeKey(['TRACK_EVENTS'], { websiteId: t.siteId })),
        { name: 'x', websiteId: undefined, namespace: 'n' },
        200,
        '',
      ],
      [bearer(valid), { name: '' }, 400, 'INVALID_EVENTS'],
      [bearer(valid), Array(101).fill({ name: 'x' }), 400, 'INVALID_EVENTS'],
      [bearer(valid), { name: 'x', properties: { big: 'y'.repeat(9000) } }, 400, 'INVALID_EVENTS'],
    ];
    let stored = 0;
    for (const [headers, body, status, code] of cases) {
      const response = await post('/v1/track', body, headers);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (status === 200) stored++;
      else expect(response.body.error.code).toBe(code);
    }
    const after = await t.rows<{ n: number }>(sql`SELECT count() AS n FROM analytics.custom_events`);
    expect(after[0]?.n).toBe((before[0] as { n: number }).n + stored);
    // A key bound to a website stores its events under that website.
    expect(await t.rows(sql`SELECT website_id FROM analytics.custom_events WHERE namespace = 'n'`)).toEqual([
      { website_id: t.siteId },
    ]);
  });

  it('applies the key’s own rate limit with 429 and Retry-After', async () => {
    const key = await makeKey(['TRACK_EVENTS'], { rateLimitMax: 3, rateLimitTimeWindow: 60_000 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await post('/v1/track', { name: 'limited' }, bearer(key)));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(statuses[3]?.body.error.code).toBe('RATE_LIMITED');
    expect(Number(statuses[3]?.headers.get('retry-after'))).toBeGreaterThan(50);
    const unlimited = await makeKey(['TRACK_EVENTS'], { rateLimitEnabled: false, rateLimitMax: 1 });
    for (let i = 0; i < 3; i++) expect((await post('/v1/track', { name: 'free' }, bearer(unlimited))).status).toBe(200);
  });

  it('stops an address that keeps sending unknown keys before looking its keys up', async () => {
    const from = (ip: string, key: string) => ({ ...bearer(key), 'x-forwarded-for': ip });
    // A revoked key an old deployment still sends is a known key: it does not count.
    const revoked = await makeKey(['TRACK_EVENTS'], { revokedAt: new Date() });
    for (let i = 0; i < UNKNOWN_KEYS_PER_MINUTE + 5; i++) {
      expect((await post('/v1/track', { name: 'x' }, from('192.0.2.76', revoked))).status).toBe(401);
    }
    // Guesses sent all at once are counted before their lookups: none slips past the limit.
    const guesses = await Promise.all(
      Array.from({ length: UNKNOWN_KEYS_PER_MINUTE + 5 }, (_, i) =>
        post('/v1/track', { name: 'x' }, from('192.0.2.77', `tmk_guess-${i}`)),
      ),
    );
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(UNKNOWN_KEYS_PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const valid = await makeKey(['TRACK_EVENTS']);
    const blocked = await post('/v1/llm', { name: 'x' }, from('192.0.2.77', valid));
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(50);
    expect((await post('/v1/track', { name: 'x' }, from('192.0.2.78', valid))).status).toBe(200);
    expect((await post('/v1/track', { name: 'x' }, from('192.0.2.76', valid))).status).toBe(200);
  });
});

describe('POST /v1/llm', () => {
  it('stores LLM call spans with derived totals', async () => {
    const key = await makeKey(['WRITE_LLM']);
    const call = {
      model: 'claude-sonnet-4',
      provider: 'Anthropic',
      inputTokens: 1200,
      outputTokens: 300,
      inputTokenCostUsd: 0.0036,
      outputTokenCostUsd: 0.0045,
      durationMs: 2100,
      toolCallNames: ['search', 'fetch'],
      finishReason: 'stop',
    };
    expect((await post('/v1/llm', call, bearer(key))).body).toEqual({ accepted: 1, duplicates: 0 });
    const [row] = await t.rows<Record<string, unknown>>(sql`SELECT * FROM observability.ai_call_spans`);
    expect(row).toMatchObject({
      owner_id: t.organizationId,
      model: 'claude-sonnet-4',
      provider: 'anthropic',
      total_tokens: 1500,
      tool_call_count: 2,
      tool_call_names: ['search', 'fetch'],
      duration_ms: 2100,
      type: 'generate',
    });
    expect(row?.total_token_cost_usd).toBeCloseTo(0.0081, 10);
  });

  it('needs the write:llm scope and a valid span', async () => {
    expect(
      (await post('/v1/llm', { model: 'x', provider: 'y', durationMs: 1 }, bearer(await makeKey(['TRACK_EVENTS']))))
        .status,
    ).toBe(403);
    expect(
      (await post('/v1/llm', { model: 'x', provider: 'y', durationMs: -1 }, bearer(await makeKey(['WRITE_LLM']))))
        .status,
    ).toBe(400);
  });
});

describe('payment webhooks', () => {
  const stripeSecret = 'whsec_test_secret';
  const paddleSecret = 'pdl_ntfset_secret';
  beforeAll(async () => {
    await t.prisma.website.update({
      where: { id: t.siteId },
      data: { integrations: { stripe: { webhookSecret: stripeSecret }, paddle: { webhookSecret: paddleSecret } } },
    });
    await t.ingest.context.websites.invalidateChanged();
  });

  const now = () => Math.floor(Date.now() / 1000);
  function stripe(event: unknown, options: { secret?: string; at?: number } = {}) {
    const body = JSON.stringify(event);
    const at = options.at ?? now();
    const signature = createHmac('sha256', options.secret ?? stripeSecret)
      .update(`${at}.${body}`)
      .digest('hex');
    return post(`/v1/webhooks/stripe?websiteId=${t.siteId}`, body, { 'stripe-signature': `t=${at},v1=${signature}` });
  }
  function paddle(event: unknown, secret = paddleSecret) {
    const body = JSON.stringify(event);
    const at = now();
    const signature = createHmac('sha256', secret).update(`${at}:${body}`).digest('hex');
    return post(`/v1/webhooks/paddle?websiteId=${t.siteId}`, body, { 'paddle-signature': `ts=${at};h1=${signature}` });
  }
  const revenue = (transaction: string) =>
    t.rows(sql`SELECT type, status, toFloat64(amount) AS amount, currency, anonymous_id, product_name, provider
      FROM analytics.revenue FINAL WHERE transaction_id = ${transaction}`);

  /** An ISO time `offsetS` seconds from now (negative: in the past). */
  const isoIn = (offsetS: number) => new Date(Date.now() + offsetS * 1000).toISOString();
  /** A Paddle refund adjustment of `cents` on a transaction, approved. */
  const paddleRefund = (transaction: string, id: string, cents: string, currency: string, offsetS: number) => ({
    event_id: `ntf_${id}`,
    event_type: 'adjustment.created',
    occurred_at: isoIn(offsetS),
    data: {
      id,
      action: 'refund',
      status: 'approved',
      transaction_id: transaction,
      currency_code: currency,
      totals: { total: cents },
    },
  });

  it('records a Stripe sale, then replaces it with its refund', async () => {
    const sale = {
      id: 'evt_1',
      type: 'checkout.session.completed',
      created: now() - 60,
      data: {
        object: {
          id: 'cs_1',
          payment_intent: 'pi_1',
          amount_total: 4999,
          currency: 'usd',
          mode: 'payment',
          metadata: { anonymous_id: 'anon-9', product_name: 'Pro plan' },
        },
      },
    };
    expect((await stripe(sale)).body).toEqual({ received: true, stored: 1 });
    expect(await revenue('pi_1')).toEqual([
      {
        type: 'sale',
        status: 'completed',
        amount: 49.99,
        currency: 'USD',
        anonymous_id: 'anon-9',
        product_name: 'Pro plan',
        provider: 'stripe',
      },
    ]);
    const refund = {
      id: 'evt_2',
      type: 'charge.refunded',
      created: now(),
      data: {
        object: {
          id: 'ch_1',
          payment_intent: 'pi_1',
          amount: 4999,
          amount_refunded: 1999,
          currency: 'usd',
          metadata: { anonymous_id: 'anon-9' },
        },
      },
    };
    expect((await stripe(refund)).body.stored).toBe(1);
    // A late redelivery of the sale must not undo the refund.
    await stripe(sale);
    expect(await revenue('pi_1')).toEqual([
      {
        type: 'refund',
        status: 'partially_refunded',
        amount: 30,
        currency: 'USD',
        anonymous_id: 'anon-9',
        // Kept from the sale: the refund does not carry it.
        product_name: 'Pro plan',
        provider: 'stripe',
      },
    ]);
  });

  it('keeps a refunded sale on its own date, so a refund next month does not leave it counted', async () => {
    const soldAt = now() - 40 * 86_400;
    const sale = {
      id: 'evt_old_sale',
      type: 'payment_intent.succeeded',
      created: soldAt,
      data: { object: { id: 'pi_old', amount_received: 1000, currency: 'usd' } },
    };
    const refund = {
      id: 'evt_old_refund',
      type: 'charge.refunded',
      created: now(),
      data: {
        object: { id: 'ch_old', payment_intent: 'pi_old', amount: 1000, amount_refunded: 1000, currency: 'usd' },
      },
    };
    await stripe(sale);
    await stripe(refund);
    expect(
      await t.rows(sql`SELECT status, toFloat64(amount) AS amount, toUnixTimestamp(created) AS created
        FROM analytics.revenue FINAL WHERE transaction_id = 'pi_old'`),
    ).toEqual([{ status: 'refunded', amount: 0, created: soldAt }]);
  });

  it('merges events about one payment that arrive together, keeping the attribution', async () => {
    const created = now();
    const checkout = {
      id: 'evt_co',
      type: 'checkout.session.completed',
      created,
      data: {
        object: {
          id: 'cs_2',
          payment_intent: 'pi_2',
          amount_total: 1500,
          currency: 'eur',
          mode: 'payment',
          client_reference_id: 'anon-co',
          metadata: { product_name: 'Starter' },
        },
      },
    };
    const intent = {
      id: 'evt_pi',
      type: 'payment_intent.succeeded',
      created,
      data: { object: { id: 'pi_2', amount_received: 1500, currency: 'eur' } },
    };
    await Promise.all([stripe(checkout), stripe(intent)]);
    expect(await revenue('pi_2')).toEqual([
      {
        type: 'sale',
        status: 'completed',
        amount: 15,
        currency: 'EUR',
        anonymous_id: 'anon-co',
        product_name: 'Starter',
        provider: 'stripe',
      },
    ]);
  });

  it('keeps the attribution of the only event carrying it, even when it comes last in the same second', async () => {
    const created = now();
    const object = { amount_received: 900, amount_paid: 900, amount_total: 900, currency: 'usd' };
    const events = [
      { type: 'payment_intent.succeeded', data: { object: { ...object, id: 'pi_3', invoice: 'in_3' } } },
      { type: 'invoice.paid', data: { object: { ...object, id: 'in_3', subscription: 'sub_3' } } },
      {
        type: 'checkout.session.completed',
        data: {
          object: { ...object, id: 'cs_3', mode: 'subscription', invoice: 'in_3', client_reference_id: 'anon-last' },
        },
      },
    ];
    for (const [i, event] of events.entries()) {
      expect((await stripe({ ...event, id: `evt_same_${i}`, created })).body.stored).toBe(1);
    }
    expect(await revenue('in_3')).toMatchObject([{ type: 'subscription', amount: 9, anonymous_id: 'anon-last' }]);
  });

  it('keys a Stripe subscription payment by its invoice across checkout, invoice and refund events', async () => {
    const checkout = {
      id: 'evt_sub_co',
      type: 'checkout.session.completed',
      created: now() - 30,
      data: {
        object: {
          id: 'cs_sub',
          mode: 'subscription',
          invoice: 'in_1',
          amount_total: 2000,
          currency: 'usd',
          metadata: { anonymous_id: 'anon-sub' },
        },
      },
    };
    const paid = {
      id: 'evt_sub_paid',
      type: 'invoice.paid',
      created: now() - 20,
      data: {
        object: {
          id: 'in_1',
          amount_paid: 2000,
          currency: 'usd',
          subscription: 'sub_9',
          lines: { data: [{ description: 'Team plan' }] },
        },
      },
    };
    const refunded = {
      id: 'evt_sub_refund',
      type: 'charge.refunded',
      created: now(),
      data: {
        object: {
          id: 'ch_sub',
          invoice: 'in_1',
          payment_intent: 'pi_sub',
          amount: 2000,
          amount_refunded: 500,
          currency: 'usd',
        },
      },
    };
    await stripe(checkout);
    await stripe(paid);
    expect(await revenue('in_1')).toMatchObject([{ type: 'subscription', amount: 20, anonymous_id: 'anon-sub' }]);
    await stripe(refunded);
    expect(await revenue('in_1')).toEqual([
      {
        type: 'refund',
        status: 'partially_refunded',
        amount: 15,
        currency: 'USD',
        anonymous_id: 'anon-sub',
        product_name: 'Team plan',
        provider: 'stripe',
      },
    ]);
  });

  it('keeps zero-decimal currencies whole and ignores events without revenue', async () => {
    await stripe({
      id: 'evt_3',
      type: 'payment_intent.succeeded',
      created: now(),
      data: { object: { id: 'pi_jpy', amount_received: 5000, currency: 'jpy' } },
    });
    expect(await revenue('pi_jpy')).toMatchObject([{ amount: 5000, currency: 'JPY' }]);
    expect(
      (await stripe({ id: 'evt_4', type: 'customer.created', created: now(), data: { object: {} } })).body,
    ).toEqual({ received: true, stored: 0 });
  });

  it('refuses bad signatures, stale timestamps and unconfigured websites, storing nothing', async () => {
    const event = {
      id: 'evt_x',
      type: 'payment_intent.succeeded',
      created: now(),
      data: { object: { id: 'pi_bad', amount: 100, currency: 'usd' } },
    };
    expect((await stripe(event, { secret: 'wrong' })).body.error.code).toBe('INVALID_SIGNATURE');
    expect((await stripe(event, { at: now() - 3600 })).body.error.code).toBe('INVALID_SIGNATURE');
    expect((await post(`/v1/webhooks/stripe?websiteId=${t.siteId}`, event)).status).toBe(400);
    const stale = now() - 3600;
    const staleSignature = createHmac('sha256', paddleSecret)
      .update(`${stale}:${JSON.stringify(event)}`)
      .digest('hex');
    expect(
      (
        await post(`/v1/webhooks/paddle?websiteId=${t.siteId}`, event, {
          'paddle-signature': `ts=${stale};h1=${staleSignature}`,
        })
      ).body.error.code,
    ).toBe('INVALID_SIGNATURE');
    // Signatures of the right length but not hex.
    const garbled = {
      'stripe-signature': `t=${now()},v1=${'z'.repeat(64)}`,
      'paddle-signature': `ts=${now()};h1=${'é'.repeat(32)}`,
    };
    for (const provider of ['stripe', 'paddle']) {
      const response = await post(`/v1/webhooks/${provider}?websiteId=${t.siteId}`, event, garbled);
      expect(response.body.error.code, provider).toBe('INVALID_SIGNATURE');
    }
    for (const site of [otherOrgSite, archivedSite]) {
      expect(
        (await post(`/v1/webhooks/stripe?websiteId=${site}`, event, { 'stripe-signature': 't=1,v1=00' })).body.error
          .code,
      ).toBe('WEBHOOK_NOT_CONFIGURED');
    }
    for (const body of ['null', '[1]', '"x"']) {
      const at = now();
      const signature = createHmac('sha256', stripeSecret).update(`${at}.${body}`).digest('hex');
      const response = await post(`/v1/webhooks/stripe?websiteId=${t.siteId}`, body, {
        'stripe-signature': `t=${at},v1=${signature}`,
      });
      expect(response.status, body).toBe(400);
    }
    expect(await revenue('pi_bad')).toEqual([]);
  });

  it('records Paddle transactions and refund adjustments', async () => {
    const completed = {
      event_id: 'ntf_1',
      event_type: 'transaction.completed',
      occurred_at: isoIn(-60),
      data: {
        id: 'txn_1',
        currency_code: 'EUR',
        subscription_id: 'sub_1',
        customer_id: 'ctm_1',
        custom_data: { anonymous_id: 'anon-p' },
        details: { totals: { grand_total: '2900', total: '2900' } },
        items: [{ price: { product_id: 'pro_1', description: 'Team monthly' } }],
      },
    };
    expect((await paddle(completed)).body.stored).toBe(1);
    expect(await revenue('txn_1')).toEqual([
      {
        type: 'subscription',
        status: 'completed',
        amount: 29,
        currency: 'EUR',
        anonymous_id: 'anon-p',
        product_name: 'Team monthly',
        provider: 'paddle',
      },
    ]);
    const adjustment = paddleRefund('txn_1', 'adj_1', '2900', 'EUR', 0);
    expect((await paddle(adjustment)).body.stored).toBe(1);
    expect(await revenue('txn_1')).toMatchObject([
      { type: 'refund', status: 'refunded', amount: 0, anonymous_id: 'anon-p', product_name: 'Team monthly' },
    ]);
    expect((await paddle(adjustment, 'wrong')).body.error.code).toBe('INVALID_SIGNATURE');
  });

  it('settles a Paddle refund that arrived before its sale once the sale comes', async () => {
    const refund = paddleRefund('txn_3', 'adj_e', '2500', 'USD', -10);
    const sale = {
      event_id: 'ntf_late_sale',
      event_type: 'transaction.completed',
      occurred_at: isoIn(-60),
      data: {
        id: 'txn_3',
        currency_code: 'USD',
        custom_data: { anonymous_id: 'anon-late' },
        details: { totals: { grand_total: '10000' } },
      },
    };
    await paddle(refund);
    expect((await paddle(sale)).body.stored).toBe(1);
    expect(await revenue('txn_3')).toMatchObject([
      { type: 'refund', status: 'partially_refunded', amount: 75, anonymous_id: 'anon-late' },
    ]);
    // A redelivery of the sale now changes nothing.
    expect((await paddle(sale)).body.stored).toBe(0);
  });

  it('adds up partial Paddle refunds, once per adjustment, even right after the sale', async () => {
    const sale = {
      event_id: 'ntf_s',
      event_type: 'transaction.completed',
      occurred_at: isoIn(-60),
      data: { id: 'txn_2', currency_code: 'USD', details: { totals: { grand_total: '10000' } } },
    };
    const refund = (id: string, cents: string, offsetS: number) => paddleRefund('txn_2', id, cents, 'USD', offsetS);
    // No read in between: the sale may still be in the spool when its refund arrives.
    await paddle(sale);
    await paddle(refund('adj_a', '2500', -30));
    await paddle(refund('adj_b', '1000', -20));
    await paddle(refund('adj_b', '1000', -10));
    expect(await revenue('txn_2')).toMatchObject([{ type: 'refund', status: 'partially_refunded', amount: 65 }]);
  });
});
