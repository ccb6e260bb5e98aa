import type { RevenueRow } from '../analytics/families/revenue.ts';
import { REVENUE_GROUPS } from '../analytics/families/revenue.ts';
import { builder } from '../builder.ts';
import { Analytics } from './analytics.ts';
import { enumOf } from './analytics-inputs.ts';

/** WebsiteAnalytics's revenue (payments from Stripe/Paddle webhooks). */

const RevenueGroupRef = enumOf(
  'RevenueGroup',
  Object.keys(REVENUE_GROUPS) as (keyof typeof REVENUE_GROUPS)[],
  'What revenue groups by (always per currency).',
  (g) => (g === 'NONE' ? 'Totals.' : `By ${g.toLowerCase()}.`),
);

const Revenue = builder.objectRef<RevenueRow>('RevenueRow').implement({
  description: 'Revenue in one currency (currencies are never added up).',
  fields: (t) => ({
    currency: t.exposeString('currency', { description: 'ISO currency code.' }),
    value: t.exposeString('value', { description: 'Group value (empty for totals).' }),
    revenue: t.exposeFloat('revenue', { description: 'Amount kept, after refunds.' }),
    transactions: t.exposeInt('transactions', { description: 'Sales and subscription payments.' }),
    refunds: t.exposeInt('refunds', { description: 'Refunded transactions.' }),
    refunded: t.exposeFloat('refunded', { description: 'Amount refunded.' }),
  }),
});

builder.objectFields(Analytics, (t) => ({
  revenue: t.field({
    type: [Revenue],
    description: 'Revenue per currency, optionally grouped.',
    args: { groupBy: t.arg({ type: RevenueGroupRef, defaultValue: 'NONE', description: 'Group by.' }) },
    resolve: (s, { groupBy }, ctx) => ctx.analytics.revenue.load({ ...s, group: groupBy ?? 'NONE' }),
  }),
}));
