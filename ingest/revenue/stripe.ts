import type { Revenue } from './ledger.ts';
import { toMajor } from './money.ts';
import { num, str } from './read.ts';

/**
 * The parts of Stripe's events that carry revenue. Every field is as the sender may have sent
 * it (unknown until read with str/num): the body is signed, but its shape is still checked.
 */
export interface StripeEvent {
  id?: unknown;
  type?: unknown;
  created?: unknown;
  data?: { object?: StripeObject };
}

/** A Checkout Session, PaymentIntent, Invoice or Charge: the fields any of them carries. */
interface StripeObject {
  id?: unknown;
  mode?: unknown;
  invoice?: unknown;
  payment_intent?: unknown;
  customer?: unknown;
  client_reference_id?: unknown;
  currency?: unknown;
  amount?: unknown;
  amount_total?: unknown;
  amount_received?: unknown;
  amount_paid?: unknown;
  amount_refunded?: unknown;
  subscription?: unknown;
  metadata?: Record<string, unknown>;
  lines?: { data?: { description?: unknown; price?: { product?: unknown } }[] };
}

/** The revenue a Stripe event carries, or null for events that carry none. */
export function fromStripe(event: StripeEvent): Revenue | null {
  const o: StripeObject = event.data?.object ?? {};
  const occurredAt = new Date(num(event.created) * 1000);
  const meta = o.metadata ?? {};
  const currency = str(o.currency) ?? '';
  const attribution = {
    anonymousId: str(meta.anonymous_id) ?? str(o.client_reference_id),
    sessionId: str(meta.session_id),
  };
  const product = { productId: str(meta.product_id), productName: str(meta.product_name) };
  const common = { currency, customerId: str(o.customer), ...attribution, occurredAt };
  switch (event.type) {
    case 'checkout.session.completed':
      return {
        // A subscription's payments are keyed by invoice, one-off payments by payment intent:
        // the ids that invoice.paid, payment_intent.succeeded and charge.refunded also carry.
        transactionId: (o.mode === 'subscription' ? str(o.invoice) : str(o.payment_intent)) ?? str(o.id) ?? '',
        type: o.mode === 'subscription' ? 'subscription' : 'sale',
        status: 'completed',
        amount: toMajor(num(o.amount_total), currency),
        ...common,
        ...product,
        metadata: { event: event.id },
      };
    case 'payment_intent.succeeded':
      return {
        transactionId: str(o.invoice) ?? str(o.id) ?? '',
        type: o.invoice ? 'subscription' : 'sale',
        status: 'completed',
        amount: toMajor(num(o.amount_received ?? o.amount), currency),
        ...common,
        ...product,
        metadata: { event: event.id },
      };
    case 'invoice.paid': {
      const line = o.lines?.data?.[0] ?? {};
      return {
        transactionId: str(o.id) ?? '',
        type: 'subscription',
        status: 'completed',
        amount: toMajor(num(o.amount_paid), currency),
        ...common,
        productId: str(line.price?.product) ?? product.productId,
        productName: str(line.description) ?? product.productName,
        metadata: { event: event.id, subscription: o.subscription ?? null },
      };
    }
    case 'charge.refunded': {
      const gross = toMajor(num(o.amount), currency);
      const refunded = toMajor(num(o.amount_refunded), currency);
      return {
        transactionId: str(o.invoice) ?? str(o.payment_intent) ?? str(o.id) ?? '',
        type: 'refund',
        status: refunded >= gross ? 'refunded' : 'partially_refunded',
        // What the merchant keeps; the refunded and gross amounts stay in metadata.
        amount: gross - refunded,
        ...common,
        ...product,
        metadata: { event: event.id, gross, refunded },
      };
    }
    default:
      return null;
  }
}
