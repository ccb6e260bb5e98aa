import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { wellFormedJson } from '../../clickhouse/columns.ts';
import { runQuery } from '../../clickhouse/query.ts';
import { sql, toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { HttpError, readBody, sendJson } from '../http.ts';
import { clampTime } from '../pipeline.ts';
import type { IngestContext } from '../service.ts';
import { storeRows } from '../store.ts';
import type { Site } from '../websites.ts';

/**
 * Stripe and Paddle webhooks → analytics.revenue. Each website holds its own signing secrets
 * (integrations.stripe.webhookSecret / integrations.paddle.webhookSecret) and is named in the
 * webhook URL: /v1/webhooks/stripe?websiteId=…. A transaction is one row (ReplacingMergeTree by
 * organization and transaction id), versioned by the provider's event time: a refund replaces
 * its sale and a late redelivery of the sale cannot undo that.
 */

const WEBHOOK_BODY_LIMIT = 1024 * 1024;
const TOLERANCE_S = 300;

/** Currencies whose amounts providers send without a minor unit, or with three decimals. */
const ZERO_DECIMAL = new Set('BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF UGX VND VUV XAF XOF XPF'.split(' '));
const THREE_DECIMAL = new Set('BHD JOD KWD OMR TND'.split(' '));

/** Minor units (cents) → major units (dollars), by currency. */
export function toMajor(minor: number, currency: unknown): number {
  const code = typeof currency === 'string' ? currency.toUpperCase() : '';
  const decimals = ZERO_DECIMAL.has(code) ? 0 : THREE_DECIMAL.has(code) ? 3 : 2;
  return minor / 10 ** decimals;
}

interface Revenue {
  transactionId: string;
  type: 'sale' | 'refund' | 'subscription';
  status: string;
  /** Major units (dollars, not cents): what the merchant keeps. */
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
  /** A Paddle refund adjustment: only its own amount is known; the ledger works out the rest. */
  adjustment?: { id: string; refunded: number };
}

/** A transaction's row, as written and as read back. */
interface RevenueRow {
  owner_id: string;
  website_id: string | null;
  transaction_id: string;
  provider: string;
  type: string;
  status: string;
  amount: number;
  original_amount: number;
  original_currency: string;
  currency: string;
  anonymous_id: string | null;
  session_id: string | null;
  customer_id: string | null;
  product_id: string | null;
  product_name: string | null;
  /** JSON; `eventAt` is the time of the latest event applied (the version may be later). */
  metadata: string;
  created: string;
  synced_at: string;
}

/** Fields an event may lack (refunds rarely carry them) and a stored row may supply, or the reverse. */
const GAPS = [
  ['anonymous_id', 'anonymousId'],
  ['session_id', 'sessionId'],
  ['customer_id', 'customerId'],
  ['product_id', 'productId'],
  ['product_name', 'productName'],
] as const;

interface Refunds {
  /** The sale's amount; unknown while a Paddle refund arrived before its sale. */
  gross?: number;
  /** Refunded amounts by Paddle adjustment id (a redelivery replaces its own entry). */
  adjustments: Record<string, number>;
}

/** Amount kept, status and metadata of a Paddle transaction with `refunds`. */
function refundState(refunds: Refunds, fallbackGross: number) {
  const total = Object.values(refunds.adjustments).reduce((sum, a) => sum + a, 0);
  const gross = refunds.gross ?? fallbackGross;
  return {
    amount: Math.max(0, gross - total),
    status: total >= gross ? 'refunded' : 'partially_refunded',
    metadata: { gross: refunds.gross ?? null, refunded: total, adjustments: refunds.adjustments },
  };
}

/** The refunds recorded in a stored row's metadata (rows from before adjustments were kept hold one total). */
function refundsOf(metadata: Record<string, unknown>): Refunds {
  const adjustments =
    (metadata.adjustments as Record<string, number> | undefined) ??
    (typeof metadata.refunded === 'number' ? { earlier: metadata.refunded } : {});
  return { gross: typeof metadata.gross === 'number' ? metadata.gross : undefined, adjustments };
}

/**
 * The row for `r`, given what is stored for its transaction. A newer event's values win, with
 * the stored row filling what it lacks; an older one (a late redelivery) only fills what the
 * stored row lacks, or changes nothing (null). The row keeps the first row's date: `created`
 * also chooses the partition, and rows in different partitions never replace each other, so a
 * refund dated a month later would otherwise leave its sale counted beside it.
 */
function revenueRow(site: Site, provider: string, r: Revenue, previous?: RevenueRow): RevenueRow | null {
  const at = eventTime(r);
  const before = previous ? (JSON.parse(previous.metadata) as Record<string, unknown>) : {};
  const beforeAt = typeof before.eventAt === 'string' ? before.eventAt : previous?.synced_at;
  // The version: this row carries the stored one forward, so it must win even in the same second.
  const version =
    previous && at <= previous.synced_at ? dateTime(new Date(`${previous.synced_at.replace(' ', 'T')}Z`), 1000) : at;
  if (previous && beforeAt !== undefined && at < beforeAt) {
    const row = { ...previous };
    let changed = false;
    for (const [column, field] of GAPS) {
      if (row[column] === null && r[field] !== undefined) {
        row[column] = r[field] ?? null;
        changed = true;
      }
    }
    // A Paddle sale arriving after its refund supplies the gross the refund had to guess.
    const refunds = refundsOf(before);
    if (
      provider === 'paddle' &&
      !r.adjustment &&
      r.type !== 'refund' &&
      before.adjustments &&
      refunds.gross === undefined
    ) {
      const state = refundState({ ...refunds, gross: r.amount }, r.amount);
      Object.assign(row, { amount: state.amount, original_amount: state.amount, status: state.status });
      row.metadata = JSON.stringify({ ...before, ...state.metadata });
      changed = true;
    }
    return changed ? { ...row, synced_at: version } : null;
  }
  let { amount, status } = r;
  let metadata: Record<string, unknown> = { ...r.metadata, eventAt: at };
  if (r.adjustment) {
    // Paddle sends each refund adjustment alone: the gross comes from the sale, and the refunds
    // so far from the stored row, by adjustment id (so a redelivery is not counted twice).
    const refunds = refundsOf(before);
    const gross = refunds.gross ?? (previous && !before.adjustments ? previous.amount : undefined);
    const state = refundState(
      { gross, adjustments: { ...refunds.adjustments, [r.adjustment.id]: r.adjustment.refunded } },
      // Before its sale is known, assume the refund was for all of it.
      r.adjustment.refunded,
    );
    ({ amount, status } = state);
    metadata = { ...metadata, ...state.metadata };
  }
  const row: RevenueRow = {
    owner_id: site.organizationId,
    website_id: site.id,
    transaction_id: r.transactionId,
    provider,
    type: r.type,
    status,
    // No exchange rates offline: the amount stays in its own currency.
    amount,
    original_amount: amount,
    original_currency: r.currency.toUpperCase(),
    currency: r.currency.toUpperCase(),
    anonymous_id: null,
    session_id: null,
    customer_id: null,
    product_id: null,
    product_name: null,
    metadata: JSON.stringify(metadata),
    created: previous?.created ?? at,
    synced_at: version,
  };
  for (const [column, field] of GAPS) row[column] = r[field] ?? previous?.[column] ?? null;
  return row;
}

/** `YYYY-MM-DD hh:mm:ss` (UTC), as DateTime columns hold it, `plusMs` later. */
const dateTime = (date: Date, plusMs = 0) => toClickHouseDateTime(new Date(date.getTime() + plusMs)).slice(0, 19);

/** The provider's event time, clamped like every event's (not in the future, not past the TTL). */
const eventTime = (r: Revenue) => dateTime(clampTime(r.occurredAt.getTime(), new Date()));

/** Minutes for which this process remembers the revenue rows it wrote (the spool's lag, amply). */
const RECENT_MS = 10 * 60_000;

/**
 * Applies revenue events one at a time, each against its transaction's stored row: the row
 * this process wrote recently (it may still be in the spool rather than in ClickHouse), or the
 * stored one. One at a time, so two events about one transaction arriving together (Stripe's
 * checkout.session.completed, invoice.paid and payment_intent.succeeded) see each other. Per
 * process: with several ingest replicas, send a provider's webhooks to one of them.
 */
export class RevenueLedger {
  private queue: Promise<unknown> = Promise.resolve();
  private recent = new Map<string, { at: number; row: RevenueRow }>();

  /** Resolves true once a row is durable, or false if the event changed nothing stored. */
  record(ingest: IngestContext, site: Site, provider: string, revenue: Revenue): Promise<boolean> {
    const run = this.queue.then(() => this.apply(ingest, site, provider, revenue));
    this.queue = run.catch(() => {});
    return run;
  }

  private async apply(ingest: IngestContext, site: Site, provider: string, revenue: Revenue): Promise<boolean> {
    const key = `${site.organizationId}\n${revenue.transactionId}`;
    const now = Date.now();
    for (const [k, { at }] of this.recent) {
      if (now - at < RECENT_MS) break;
      this.recent.delete(k);
    }
    const previous = this.recent.get(key)?.row ?? (await storedRevenue(ingest, site, revenue.transactionId));
    const row = revenueRow(site, provider, revenue, previous);
    if (!row) return false;
    await storeRows(ingest, [{ table: 'analytics.revenue', row: { ...row } }]);
    this.recent.delete(key);
    this.recent.set(key, { at: now, row });
    return true;
  }
}

async function storedRevenue(ingest: IngestContext, site: Site, transactionId: string) {
  const [stored] = await runQuery<RevenueRow>(ingest.stores.clickhouse, {
    name: 'revenue_transaction',
    query: sql`SELECT owner_id, website_id, transaction_id, provider, type, status,
        toFloat64(amount) AS amount, toFloat64(original_amount) AS original_amount, original_currency, currency,
        anonymous_id, session_id, customer_id, product_id, product_name, metadata,
        toString(created) AS created, toString(synced_at) AS synced_at
      FROM analytics.revenue FINAL
      WHERE owner_id = ${site.organizationId} AND transaction_id = ${transactionId}`,
  });
  return stored;
}

/** Constant-time string equality (compared as sent: a non-hex signature simply does not match). */
function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
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
  if (!parts.some(([k, v]) => k === 'v1' && v && safeEqual(v, expected))) {
    throw new HttpError(400, 'INVALID_SIGNATURE', 'Stripe signature does not match');
  }
}

/** Paddle Billing: `Paddle-Signature: ts=<unix>;h1=<hex hmac of "ts:body">`. */
export function verifyPaddle(header: string | undefined, body: string, secret: string): void {
  const parts = Object.fromEntries((header ?? '').split(';').map((p) => p.split('=') as [string, string]));
  checkTimestamp(Number(parts.ts));
  if (!parts.h1 || !safeEqual(parts.h1, hmac(secret, `${parts.ts}:${body}`))) {
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
        // A subscription's payments are keyed by invoice, one-off payments by payment intent:
        // the ids that invoice.paid, payment_intent.succeeded and charge.refunded also carry.
        transactionId: (o.mode === 'subscription' ? str(o.invoice) : str(o.payment_intent)) ?? o.id,
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
        transactionId: str(o.invoice) ?? o.id,
        type: o.invoice ? 'subscription' : 'sale',
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
        transactionId: o.id,
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
        transactionId: str(o.invoice) ?? str(o.payment_intent) ?? o.id,
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

/** The revenue a Paddle Billing event carries, or null for events that carry none. */
export function fromPaddle(event: Json): Revenue | null {
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
  if (str(event.event_type)?.startsWith('adjustment.') && d.action === 'refund' && d.status === 'approved') {
    const refunded = toMajor(num(d.totals?.total), d.currency_code);
    return {
      transactionId: d.transaction_id,
      type: 'refund',
      status: 'refunded',
      // Worked out against the sale when stored (see revenueRow).
      amount: refunded,
      currency: d.currency_code,
      customerId: str(d.customer_id),
      metadata: { event: event.event_id },
      occurredAt,
      adjustment: { id: String(d.id), refunded },
    };
  }
  return null;
}

interface Provider {
  secret: (site: Site) => string | undefined;
  verify: (header: string | undefined, body: string, secret: string) => void;
  signatureHeader: string;
  revenue: (event: Json) => Revenue | null;
}

const PROVIDERS: Record<'stripe' | 'paddle', Provider> = {
  stripe: {
    secret: (site) => site.webhookSecrets.stripe,
    verify: verifyStripe,
    signatureHeader: 'stripe-signature',
    revenue: fromStripe,
  },
  paddle: {
    secret: (site) => site.webhookSecrets.paddle,
    verify: verifyPaddle,
    signatureHeader: 'paddle-signature',
    revenue: fromPaddle,
  },
};

const valid = (r: Revenue) =>
  Number.isFinite(r.amount) &&
  typeof r.transactionId === 'string' &&
  r.transactionId !== '' &&
  typeof r.currency === 'string' &&
  r.currency !== '' &&
  Number.isFinite(r.occurredAt.getTime());

/** POST /v1/webhooks/{stripe,paddle}?websiteId=…: verify the signature, then store the revenue. */
export function webhook(name: keyof typeof PROVIDERS) {
  const provider = PROVIDERS[name];
  return async (ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) => {
    const websiteId = url.searchParams.get('websiteId') ?? '';
    const site = websiteId ? await ingest.websites.get(websiteId) : null;
    const secret = site?.active && provider.secret(site);
    if (!site || !secret) throw new HttpError(404, 'WEBHOOK_NOT_CONFIGURED', `No ${name} webhook for this website`);
    const body = (await readBody(req, WEBHOOK_BODY_LIMIT)).toString('utf8');
    provider.verify(req.headers[provider.signatureHeader] as string | undefined, body, secret);
    let event: Json;
    try {
      event = JSON.parse(body);
      // Lone surrogates can only arrive escaped; most bodies have no \uD… escape at all.
      if (/\\u[dD]/.test(body)) event = wellFormedJson(event);
    } catch {
      throw new HttpError(400, 'INVALID_JSON', 'Body is not valid JSON');
    }
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      throw new HttpError(400, 'INVALID_EVENTS', `A ${name} event is a JSON object`);
    }
    const revenue = provider.revenue(event);
    if (revenue && !valid(revenue)) {
      throw new HttpError(400, 'INVALID_EVENTS', `Incomplete ${name} ${event.type ?? event.event_type} event`);
    }
    const stored = revenue ? await ingest.revenue.record(ingest, site, name, revenue) : false;
    sendJson(res, 200, { received: true, stored: stored ? 1 : 0 });
  };
}
