import { type Sql, sql } from '../../clickhouse/sql.ts';
import { type Condition, conditionSql } from './conditions.ts';
import type { DateRange } from './range.ts';
import { eventsInRange, type Scope, visitsSql } from './scope.ts';

/**
 * Goal figures on visit rows, shared by the goals family, summary, breakdowns and `groups`
 * (groups.ts computes them as visit metrics). A visit converts on a goal when it has an event in
 * the range completing it (conditions.ts); a visitor converts in a group when one of their visits
 * in the group does. Revenue is that of payments (analytics.revenue, from the payment webhooks):
 * a payment created in the range belongs to the visitor it names (the revenue family's rule), and
 * a goal's revenue in a group is the sum of its converting visitors' payments, each visitor once,
 * per currency (currencies are never added up). Tracker events carry no revenue: anyone can send
 * them, while payments come signed from the provider.
 */

/** What a goal figure counts: completing any of the conditions (one goal, or every enabled goal). */
export interface GoalTarget {
  conditions: readonly Condition[];
}

/** Payments created in the range, a refund having replaced its sale (FINAL), of the websites. */
export function paymentsSql(websiteIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT assumeNotNull(website_id) AS client_id, ifNull(anonymous_id, '') AS anonymous_id,
      amount, currency, type, provider, product_id, product_name, metadata
    FROM analytics.revenue FINAL
    WHERE website_id IN ${sql.array(websiteIds, 'String')} AND created >= ${range.from} AND created < ${range.to}`;
}

/** Per visitor named by a payment: what they paid in the range, by currency. */
function visitorPaymentsSql(websiteIds: readonly string[], range: DateRange): Sql {
  return sql`SELECT client_id, visitor_id, mapFromArrays(groupArray(currency), groupArray(total)) AS paid
    FROM (
      SELECT client_id, anonymous_id AS visitor_id, currency, sum(amount) AS total
      FROM (${paymentsSql(websiteIds, range)})
      WHERE anonymous_id != ''
      GROUP BY client_id, visitor_id, currency
    )
    GROUP BY client_id, visitor_id`;
}

/**
 * The visits of the scope (visitsSql's columns) with `goal_flags` (1 at position i + 1 when the
 * visit converts on goals[i]) and, with `revenue`, `paid` (the visitor's payments, see above).
 */
export function convertingVisitsSql(scope: Scope, goals: readonly GoalTarget[], revenue: boolean): Sql {
  const completes = goals.map(({ conditions }) =>
    conditions.length ? sql`(${sql.join(conditions.map(conditionSql), ' OR ')})` : sql`0`,
  );
  const payments = revenue
    ? sql`LEFT JOIN (${visitorPaymentsSql(scope.websiteIds, scope.range)}) AS p USING (client_id, visitor_id)`
    : sql``;
  return sql`SELECT * FROM (${visitsSql(scope)}) AS v
    LEFT JOIN (
      SELECT client_id, session_id, [${sql.join(
        completes.map((c) => sql`max(${c})`),
        ', ',
      )}] AS goal_flags
      FROM analytics.events
      WHERE ${eventsInRange(scope.websiteIds, scope.range)} AND (${sql.join(completes, ' OR ')})
      GROUP BY client_id, session_id
    ) AS g USING (client_id, session_id)
    ${payments}`;
}

/** Whether a converting-visit row converts on goal `index` (an array out of bounds reads 0). */
const converts = (index: number) => sql`goal_flags[${sql.param(index + 1, 'UInt32')}] = 1`;

const visitors = sql`uniqExact(cityHash64(visitor_id))`;
const conversions = (index: number) => sql`uniqExactIf(cityHash64(visitor_id), ${converts(index)})`;

/** Aggregates over convertingVisitsSql rows of a group. */
export const GOAL_FIGURES = {
  /** Visitors with a visit in the group converting on the goal. */
  conversions,
  /** ÷ the visitors of the group (null without any). */
  conversionRate: (index: number) => sql`${conversions(index)} / nullIf(${visitors}, 0)`,
  /** Map(currency, amount): the converting visitors' payments, each visitor once. */
  revenue: (index: number) =>
    sql`mapApply((currency, amount) -> (currency, toFloat64(amount)),
      arrayReduce('sumMap', arrayMap(x -> x.2, groupUniqArrayIf((visitor_id, paid), ${converts(index)} AND notEmpty(paid)))))`,
} as const;

export type GoalFigure = keyof typeof GOAL_FIGURES;
