import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { runQuery } from '../../clickhouse/query.ts';
import { sql, toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { HttpError, readBody, sendJson } from '../http.ts';
import type { IngestContext } from '../service.ts';
import { storeRows } from '../store.ts';
import type { Site } from '../websites.ts';

/**
 * Stripe and Paddle webhooks → analytics.revenue. Each website holds its own signing secrets
 * (integrations.stripe.webhookSecret / integrations.paddle.webhookSecret) and is named in the
 * webhook URL: /v1/webhooks/stripe?websiteId=…. Rows are versioned by the provider's event
 * time, so a refund replaces its sale and a late redelivery of the sale cannot undo that.
 */

const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const TOLERANCE_S = 300;

/** Currencies whose amounts providers send without a minor unit, or with three decimals. */
const ZERO_DECIMAL = new Set('BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMAL = new Set('BHD JOD KWD OMR TND'.split(' '));

/** Minor units (cents) → major units (dollars), by currency. */
export function toMajor(minor: number, currency: string): number {
  const code = currency.toUpperCase();
  const decimals = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
  return minor / 10 ** decimals;
}

interface Revenue {
  transactionId: string;
  type: 'sale' | 'refund' | 'subscription';
  status: string;
  /** Major units (dollars, not cents). */
  amount: number;
  currency: string;
  anonymousId?: string;
  sessionId?: string;
  customerId?: string;
  productId?: string;
  productName?: string;
  metadata: Record<string, unknown>;
  /** Provider's event time: the row version. */
  occurredAt: Date;
}

function revenueRow(site: Site, provider: string, r: Revenue) {
  // No exchange rates offline: the amount stays in its own currency.
  const at = toClickHouseDateTime(r.occurredAt).slice(0, 19);
  return {
    owner_id: site.organizationId,
    website_id: site.id,
    transaction_id: r.transactionId,
    provider,
    type: r.type,
    status: r.status,
    amount: r.amount,
    original_amount: r.amount,
    original_currency: r.currency.toUpperCase(),
    currency: r.currency.toUpperCase(),
    anonymous_id: r.anonymousId ?? null,
    session_id: r.sessionId ?? null,
    customer_id: r.customerId ?? null,
    product_id: r.productId ?? null,
    product_name: r.productName ?? null,
    metadata: JSON.stringify(r.metadata),
    created: at,
    synced_at: at,
  };
}

const safeEqualHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');

function checkTimestamp(seconds: number) {
  if (!Number.isFinite(seconds) || Math.abs(Date.now() / 1000 - seconds) > TOLERANCE_S) {
    throw new HttpError(400, 'INVALID_SIGNATURE', 'Signature timestamp is missing or outside the tolerance');
  }
}

/** Stripe: `Stripe-Signature: t=<unix>,v1=<hex hmac of "t.body">[,v1=…]`. */
export function verifyStripe(header: string | undefined, body: string, secret: string): void {
  const parts = (header ?? '').split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  checkTimestamp(Number(t));
  const expected = hmac(secret, `${t}.${body}`);
  if (!parts.some(([k, v]) => k === 'v1' && v && safeEqualHex(v, expected))) {
    throw new HttpError(400, 'INVALID_SIGNATURE', 'Stripe signature does not match');
  }
}

/** Paddle Billing: `Paddle-Signature: ts=<unix>;h1=<hex hmac of "ts:body">`. */
export function verifyPaddle(header: string | undefined, body: string, secret: string): void {
  const parts = Object.fromEntries((header ?? '').split(';').map((p) => p.split('=') as [string, string]));
  checkTimestamp(Number(parts.ts));
  if (!parts.h1 || !safeEqualHex(parts.h1, hmac(secret, `${parts.ts}:${body}`))) {
    throw new HttpError(400, 'INVALID_SIGNATURE', 'Paddle signature does not match');
  }
}

// Provider payloads are large and loosely typed; fields are read defensively (str/num) instead.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = Record<string, any>;

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v ? Number(v) : Number.NaN);

/** The revenue a Stripe event carries, or null for events that carry none. */
export function fromStripe(event: Json): Revenue | null {
  const o: Json = event.data?.object ?? {};
  const occurredAt = new Date(num(event.created) * 1000);
  const meta: Json = o.metadata ?? {};
  const attribution = {
    anonymousId: str(meta.anonymous_id) ?? str(o.client_reference_id),
    sessionId: str(meta.session_id),
  };
  const product = { productId: str(meta.product_id), productName: str(meta.product_name) };
  switch (event.type) {
    case 'checkout.session.completed':
      return {
        transactionId: str(o.payment_intent) ?? str(o.invoice) ?? o.id,
        type: o.mode === 'subscription' ? 'subscription' : 'sale',
        status: 'completed',
        amount: toMajor(num(o.amount_total), o.currency),
        currency: o.currency,
        customerId: str(o.customer),
        ...attribution,
        ...product,
        metadata: { event: event.id },
        occurredAt,
      };
    case 'payment_intent.succeeded':
      return {
        transactionId: o.id,
        type: 'sale',
        status: 'completed',
        amount: toMajor(num(o.amount_received ?? o.amount), o.currency),
        currency: o.currency,
        customerId: str(o.customer),
        ...attribution,
        ...product,
        metadata: { event: event.id },
        occurredAt,
      };
    case 'invoice.paid': {
      const line: Json = o.lines?.data?.[0] ?? {};
      return {
        transactionId: str(o.payment_intent) ?? o.id,
        type: 'subscription',
        status: 'completed',
        amount: toMajor(num(o.amount_paid), o.currency),
        currency: o.currency,
        customerId: str(o.customer),
        ...attribution,
        productId: str(line.price?.product) ?? product.productId,
        productName: str(line.description) ?? product.productName,
        metadata: { event: event.id, subscription: o.subscription ?? null },
        occurredAt,
      };
    }
    case 'charge.refunded': {
      const gross = toMajor(num(o.amount), o.currency);
      const refunded = toMajor(num(o.amount_refunded), o.currency);
      return {
        transactionId: str(o.payment_intent) ?? o.id,
        type: 'refund',
        status: refunded >= gross ? 'refunded' : 'partially_refunded',
        // What the merchant keeps; the refunded and gross amounts stay in metadata.
        amount: gross - refunded,
        currency: o.currency,
        customerId: str(o.customer),
        ...attribution,
        ...product,
        metadata: { event: event.id, gross, refunded },
        occurredAt,
      };
    }
    default:
      return null;
  }
}

/** The revenue a Paddle Billing event carries; refunds need the sale they refund (`previous`). */
export function fromPaddle(event: Json, previous?: { amount: number; metadata: string }): Revenue | null {
  const d: Json = event.data ?? {};
  const occurredAt = new Date(event.occurred_at);
  if (event.event_type === 'transaction.completed') {
    const item: Json = d.items?.[0] ?? {};
    const custom: Json = d.custom_data ?? {};
    return {
      transactionId: d.id,
      type: d.subscription_id ? 'subscription' : 'sale',
      status: 'completed',
      amount: toMajor(num(d.details?.totals?.grand_total ?? d.details?.totals?.total), d.currency_code),
      currency: d.currency_code,
      anonymousId: str(custom.anonymous_id),
      sessionId: str(custom.session_id),
      customerId: str(d.customer_id),
      productId: str(item.price?.product_id),
      productName: str(item.product?.name) ?? str(item.price?.description),
      metadata: { event: event.event_id, subscription: d.subscription_id ?? null },
      occurredAt,
    };
  }
  if (event.event_type?.startsWith('adjustment.') && d.action === 'refund' && d.status === 'approved') {
    const refunded = toMajor(num(d.totals?.total), d.currency_code);
    // The adjustment only carries the refunded amount; the gross comes from the stored sale.
    const gross = previous ? (JSON.parse(previous.metadata).gross ?? previous.amount) : refunded;
    return {
      transactionId: d.transaction_id,
      type: 'refund',
      status: refunded >= gross ? 'refunded' : 'partially_refunded',
      amount: Math.max(0, gross - refunded),
      currency: d.currency_code,
      customerId: str(d.customer_id),
      metadata: { event: event.event_id, gross, refunded },
      occurredAt,
    };
  }
  return null;
}

interface Provider {
  secret: (site: Site) => string | undefined;
  verify: (header: string | undefined, body: string, secret: string) => void;
  signatureHeader: string;
  revenue: (ingest: IngestContext, site: Site, event: Json) => Promise<Revenue | null>;
}

const PROVIDERS: Record<'stripe' | 'paddle', Provider> = {
  stripe: {
    secret: (site) => site.webhookSecrets.stripe,
    verify: verifyStripe,
    signatureHeader: 'stripe-signature',
    revenue: async (_, __, event) => fromStripe(event),
  },
  paddle: {
    secret: (site) => site.webhookSecrets.paddle,
    verify: verifyPaddle,
    signatureHeader: 'paddle-signature',
    revenue: async (ingest, site, event) => {
      const transaction = str(event.data?.transaction_id);
      if (!transaction) return fromPaddle(event);
      const [previous] = await runQuery<{ amount: number; metadata: string }>(ingest.stores.clickhouse, {
        name: 'paddle_refunded_sale',
        query: sql`SELECT toFloat64(amount) AS amount, metadata FROM analytics.revenue FINAL
          WHERE owner_id = ${site.organizationId} AND transaction_id = ${transaction}`,
      });
      return fromPaddle(event, previous);
    },
  },
};

/** POST /v1/webhooks/{stripe,paddle}?websiteId=…: verify the signature, then store the revenue. */
export function webhook(name: keyof typeof PROVIDERS) {
  const provider = PROVIDERS[name];
  return async (ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) => {
    const websiteId = url.searchParams.get('websiteId') ?? '';
    const site = websiteId ? await ingest.websites.get(websiteId) : null;
    const secret = site && provider.secret(site);
    if (!site || !secret) throw new HttpError(404, 'WEBHOOK_NOT_CONFIGURED', `No ${name} webhook for this website`);
    const body = (await readBody(req, WEBHOOK_BODY_LIMIT)).toString('utf8');
    provider.verify(req.headers[provider.signatureHeader] as string | undefined, body, secret);
    let event: Json;
    try {
      event = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'INVALID_JSON', 'Body is not valid JSON');
    }
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      throw new HttpError(400, 'INVALID_EVENTS', `A ${name} event is a JSON object`);
    }
    const revenue = await provider.revenue(ingest, site, event);
    if (revenue && !(Number.isFinite(revenue.amount) && revenue.transactionId && revenue.currency)) {
      throw new HttpError(400, 'INVALID_EVENTS', `Incomplete ${name} ${event.type ?? event.event_type} event`);
    }
    if (revenue) await storeRows(ingest, [{ table: 'analytics.revenue', row: revenueRow(site, name, revenue) }]);
    sendJson(res, 200, { received: true, stored: revenue ? 1 : 0 });
  };
}
