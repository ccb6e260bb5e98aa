import { type Sql, sql } from '../../../clickhouse/sql.ts';
import { perWebsite, type Runner, type Scoped } from '../batching.ts';
import { paymentsSql } from '../conversions.ts';
import { DIMENSIONS } from '../dimensions.ts';
import { byScope } from '../filters.ts';
import { refuseEventFilters, type Scope, visitsSql, visitTreesSql } from '../scope.ts';

/** Revenue by currency, optionally by product, provider or source. SQL, rows and their mapping to the API, and loaders. */

export interface RevenueRow {
  currency: string;
  value: string;
  revenue: number;
  transactions: number;
  refunds: number;
  refunded: number;
}

export const REVENUE_GROUPS = {
  NONE: "''",
  PRODUCT: "ifNull(product_name, ifNull(product_id, ''))",
  PROVIDER: 'provider',
  SOURCE: "if(source = '', '(unattributed)', source)",
} as const;
export type RevenueGroup = keyof typeof REVENUE_GROUPS;

/**
 * Revenue by currency (never summed across currencies), optionally by product, provider or
 * traffic source. A refund replaced its sale (ReplacingMergeTree, read FINAL): its row holds
 * what was kept, with the refunded amount in metadata. A payment is attributed to the paying
 * visitor's first visit (with a page view, before the range ends): its source (SOURCE) and
 * the visit filters read that visit; "(unattributed)" when the payment names no known visitor.
 * Event filters do not apply (payments are not events).
 */
export function revenueSql(scope: Scope, group: RevenueGroup): Sql {
  refuseEventFilters(scope);
  const key = sql.identifier(REVENUE_GROUPS[group], Object.values(REVENUE_GROUPS));
  const { visit } = byScope(scope.filters);
  const attributed = group === 'SOURCE' || visit.length > 0;
  const source = (DIMENSIONS.SOURCE.sql as { visits: () => Sql }).visits();
  const attribution = attributed
    ? sql`LEFT JOIN (
          SELECT client_id, visitor_id AS anonymous_id, argMin(${source}, started) AS source,
            argMin(${visitTreesSql(scope, visit)}, started) AS matches
          FROM (${visitsSql({ ...scope, filters: [], range: { ...scope.range, from: new Date(0) } })})
          GROUP BY client_id, anonymous_id
        ) AS visits ON visits.client_id = r.client_id AND visits.anonymous_id = r.anonymous_id`
    : sql``;
  return sql`SELECT r.client_id AS client_id, r.currency AS currency, ${key} AS value,
      toFloat64(sum(amount)) AS revenue,
      countIf(type != 'refund') AS transactions,
      countIf(type = 'refund') AS refunds,
      sum(JSONExtractFloat(metadata, 'refunded')) AS refunded
    FROM (${paymentsSql(scope.websiteIds, scope.range)}) AS r
    ${attribution}
    ${visit.length ? sql`WHERE visits.matches = 1` : sql``}
    GROUP BY client_id, currency, value
    ORDER BY client_id, currency, revenue DESC, value`;
}

/** The loaders of this family (see batching.ts), for createAnalyticsLoaders. */
export function revenueLoaders(run: Runner) {
  return {
    revenue: perWebsite<Scoped & { group: RevenueGroup }, RevenueRow & { client_id: string }, RevenueRow[]>(
      (websiteIds, key) => run({ name: 'analytics_revenue', query: revenueSql({ ...key, websiteIds }, key.group) }),
      (rows) => rows.map(({ client_id: _, ...row }) => row),
    ),
  };
}
