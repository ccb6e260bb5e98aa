import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { clampTime } from '../pipeline.ts';

/**
 * Revenue events → rows of analytics.revenue. A transaction is one row (ReplacingMergeTree by
 * organization and transaction id), versioned by the provider's event time: a refund replaces
 * its sale and a late redelivery of the sale cannot undo that. `revenueRow` decides each row
 * (pure); `RevenueLedger` orders the events and finds each transaction's stored row.
 */

/** What a provider's event says about one transaction (see stripe.ts, paddle.ts). */
export interface Revenue {
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

export type RevenueProvider = 'stripe' | 'paddle';

/** A transaction's row, as written and as read back. */
export interface RevenueRow {
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

/** The website a revenue event is recorded for. */
export interface RevenueSite {
  id: string;
  organizationId: string;
}

/** True when an event carries everything a row needs (a provider may send partial objects). */
export const isComplete = (r: Revenue) =>
  Number.isFinite(r.amount) &&
  typeof r.transactionId === 'string' &&
  r.transactionId !== '' &&
  typeof r.currency === 'string' &&
  r.currency !== '' &&
  Number.isFinite(r.occurredAt.getTime());

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

/** `YYYY-MM-DD hh:mm:ss` (UTC), as DateTime columns hold it, `plusMs` later. */
const dateTime = (date: Date, plusMs = 0) => toClickHouseDateTime(new Date(date.getTime() + plusMs)).slice(0, 19);

/** The provider's event time, clamped like every event's (not after `receivedAt`, not past the TTL). */
const eventTime = (r: Revenue, receivedAt: Date) => dateTime(clampTime(r.occurredAt.getTime(), receivedAt));

/**
 * The row for `r`, given what is stored for its transaction. A newer event's values win, with
 * the stored row filling what it lacks; an older one (a late redelivery) only fills what the
 * stored row lacks, or changes nothing (null). The row keeps the first row's date: `created`
 * also chooses the partition, and rows in different partitions never replace each other, so a
 * refund dated a month later would otherwise leave its sale counted beside it.
 */
export function revenueRow(
  site: RevenueSite,
  provider: RevenueProvider,
  r: Revenue,
  previous: RevenueRow | undefined,
  receivedAt: Date,
): RevenueRow | null {
  const at = eventTime(r, receivedAt);
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

/** Where the ledger reads a transaction's stored row and writes its new one (ingest/routes/webhooks.ts). */
export interface RevenueStore {
  stored(organizationId: string, transactionId: string): Promise<RevenueRow | undefined>;
  /** Resolves once the row is durable. */
  write(row: RevenueRow): Promise<void>;
}

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
  record(store: RevenueStore, site: RevenueSite, provider: RevenueProvider, revenue: Revenue): Promise<boolean> {
    const run = this.queue.then(() => this.apply(store, site, provider, revenue));
    this.queue = run.catch(() => {});
    return run;
  }

  private async apply(
    store: RevenueStore,
    site: RevenueSite,
    provider: RevenueProvider,
    revenue: Revenue,
  ): Promise<boolean> {
    const key = `${site.organizationId}\n${revenue.transactionId}`;
    const now = Date.now();
    for (const [k, { at }] of this.recent) {
      if (now - at < RECENT_MS) break;
      this.recent.delete(k);
    }
    const previous = this.recent.get(key)?.row ?? (await store.stored(site.organizationId, revenue.transactionId));
    const row = revenueRow(site, provider, revenue, previous, new Date(now));
    if (!row) return false;
    await store.write({ ...row });
    this.recent.delete(key);
    this.recent.set(key, { at: now, row });
    return true;
  }
}
