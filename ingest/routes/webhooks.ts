import type { IncomingMessage, ServerResponse } from 'node:http';
import { wellFormedJson } from '../../clickhouse/columns.ts';
import { runQuery } from '../../clickhouse/query.ts';
import { sql } from '../../clickhouse/sql.ts';
import type { IngestContext } from '../context.ts';
import { HttpError, readBody, sendJson } from '../http.ts';
import {
  isComplete,
  type Revenue,
  type RevenueProvider,
  type RevenueRow,
  type RevenueStore,
} from '../revenue/ledger.ts';
import { fromPaddle, type PaddleEvent } from '../revenue/paddle.ts';
import { checkPaddleSignature, checkStripeSignature, type SignatureProblem } from '../revenue/signature.ts';
import { fromStripe, type StripeEvent } from '../revenue/stripe.ts';
import { storeRows } from '../store.ts';

/**
 * POST /v1/webhooks/{stripe,paddle}?websiteId=…: Stripe and Paddle webhooks → analytics.revenue
 * (see ingest/revenue/). Each website holds its own signing secrets
 * (integrations.stripe.webhookSecret / integrations.paddle.webhookSecret).
 */

const WEBHOOK_BODY_LIMIT = 1024 * 1024;

interface Provider {
  name: string;
  signatureHeader: string;
  check: (header: string | undefined, body: string, secret: string) => SignatureProblem;
  revenue: (event: Record<string, unknown>) => Revenue | null;
}

const PROVIDERS: Record<RevenueProvider, Provider> = {
  stripe: {
    name: 'Stripe',
    signatureHeader: 'stripe-signature',
    check: checkStripeSignature,
    revenue: (event) => fromStripe(event as StripeEvent),
  },
  paddle: {
    name: 'Paddle',
    signatureHeader: 'paddle-signature',
    check: checkPaddleSignature,
    revenue: (event) => fromPaddle(event as PaddleEvent),
  },
};

/** The ledger's store: rows through the spooled writer, a transaction's stored row from ClickHouse. */
const revenueStore = (ingest: IngestContext): RevenueStore => ({
  write: (row) => storeRows(ingest, [{ table: 'analytics.revenue', row: { ...row } }]),
  async stored(organizationId, transactionId) {
    const [stored] = await runQuery<RevenueRow>(ingest.stores.clickhouse, {
      name: 'revenue_transaction',
      query: sql`SELECT owner_id, website_id, transaction_id, provider, type, status,
          toFloat64(amount) AS amount, toFloat64(original_amount) AS original_amount, original_currency, currency,
          anonymous_id, session_id, customer_id, product_id, product_name, metadata,
          toString(created) AS created, toString(synced_at) AS synced_at
        FROM analytics.revenue FINAL
        WHERE owner_id = ${organizationId} AND transaction_id = ${transactionId}`,
    });
    return stored;
  },
});

/** Verify the signature, then store the revenue. */
export function webhook(name: RevenueProvider) {
  const provider = PROVIDERS[name];
  return async (ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) => {
    const websiteId = url.searchParams.get('websiteId') ?? '';
    const site = websiteId ? await ingest.websites.get(websiteId) : null;
    const secret = site?.active && site.webhookSecrets[name];
    if (!site || !secret) throw new HttpError(404, 'WEBHOOK_NOT_CONFIGURED', `No ${name} webhook for this website`);
    const body = (await readBody(req, WEBHOOK_BODY_LIMIT)).toString('utf8');
    const problem = provider.check(req.headers[provider.signatureHeader] as string | undefined, body, secret);
    if (problem === 'STALE') {
      throw new HttpError(400, 'INVALID_SIGNATURE', 'Signature timestamp is missing or outside the tolerance');
    }
    if (problem) throw new HttpError(400, 'INVALID_SIGNATURE', `${provider.name} signature does not match`);
    let event: unknown;
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
    const fields = event as Record<string, unknown>;
    const revenue = provider.revenue(fields);
    if (revenue && !isComplete(revenue)) {
      throw new HttpError(400, 'INVALID_EVENTS', `Incomplete ${name} ${fields.type ?? fields.event_type} event`);
    }
    const stored = revenue ? await ingest.revenue.record(revenueStore(ingest), site, name, revenue) : false;
    sendJson(res, 200, { received: true, stored: stored ? 1 : 0 });
  };
}
