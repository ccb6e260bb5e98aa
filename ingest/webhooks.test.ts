import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
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

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

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
