import type { Revenue } from './ledger.ts';
import { toMajor } from './money.ts';
import { num, str } from './read.ts';

/** The parts of Paddle Billing's events that carry revenue (values unknown until read, as for Stripe). */
export interface PaddleEvent {
  event_id?: unknown;
  event_type?: unknown;
  occurred_at?: unknown;
  data?: PaddleTransaction & PaddleAdjustment;
}

interface PaddleTransaction {
  id?: unknown;
  subscription_id?: unknown;
  customer_id?: unknown;
  currency_code?: unknown;
  custom_data?: Record<string, unknown>;
  details?: { totals?: { grand_total?: unknown; total?: unknown } };
  items?: { price?: { product_id?: unknown; description?: unknown }; product?: { name?: unknown } }[];
}

interface PaddleAdjustment {
  id?: unknown;
  action?: unknown;
  status?: unknown;
  transaction_id?: unknown;
  totals?: { total?: unknown };
}

/** The revenue a Paddle Billing event carries, or null for events that carry none. */
export function fromPaddle(event: PaddleEvent): Revenue | null {
  const d = event.data ?? {};
  const occurredAt = new Date(event.occurred_at as string);
  const currency = str(d.currency_code) ?? '';
  if (event.event_type === 'transaction.completed') {
    const item = d.items?.[0] ?? {};
    const custom = d.custom_data ?? {};
    return {
      transactionId: str(d.id) ?? '',
      type: d.subscription_id ? 'subscription' : 'sale',
      status: 'completed',
      amount: toMajor(num(d.details?.totals?.grand_total ?? d.details?.totals?.total), currency),
      currency,
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
    const refunded = toMajor(num(d.totals?.total), currency);
    return {
      transactionId: str(d.transaction_id) ?? '',
      type: 'refund',
      status: 'refunded',
      // Worked out against the sale when stored (see revenueRow).
      amount: refunded,
      currency,
      customerId: str(d.customer_id),
      metadata: { event: event.event_id },
      occurredAt,
      adjustment: { id: String(d.id), refunded },
    };
  }
  return null;
}
