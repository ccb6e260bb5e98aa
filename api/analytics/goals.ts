import type { PrismaClient } from '../../prisma/client.ts';
import { NotFoundError } from '../errors.ts';
import { conditionOf } from './conditions.ts';
import type { GoalFigure, GoalTarget } from './conversions.ts';
import { type FilterNode, LIMITS } from './filters.ts';
import { GOALS_PER_QUERY, type GroupDimension, type GroupRow, planGroups } from './groups.ts';
import type { AnalyticsLoaders } from './loader.ts';
import type { DateRange } from './range.ts';

type Stores = { prisma: PrismaClient; analytics: AnalyticsLoaders };
type Scoped = { websiteId: string; range: DateRange; filters: readonly FilterNode[] };

/** An amount in one currency. */
export interface CurrencyAmount {
  currency: string;
  amount: number;
}

/** A goal's figures over a group of visits (definitions in conversions.ts and the schema). */
export interface GoalFigures {
  conversions: number;
  /** Converting visitors ÷ visitors of the group; null without visitors. */
  conversionRate: number | null;
  /** Per currency, largest first. */
  revenue: CurrencyAmount[];
}

export interface GoalConversion {
  goalId: string;
  name: string;
  visitors: number;
  conversions: number;
  rate: number;
  revenue: CurrencyAmount[];
}

/** Revenue by currency (a map from ClickHouse) → amounts, largest first, then by currency. */
export const currencyAmounts = (revenue: Record<string, number>): CurrencyAmount[] =>
  Object.entries(revenue)
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount || a.currency.localeCompare(b.currency));

/**
 * What goal figures count for each goal id asked (null: any enabled goal of the website). An id
 * that is not an enabled goal of this website is NOT_FOUND, whoever owns it.
 */
export async function goalTargets(
  prisma: PrismaClient,
  websiteId: string,
  ids: readonly (string | null)[],
): Promise<Map<string | null, GoalTarget>> {
  const named = [...new Set(ids.filter((id): id is string => id !== null))];
  const goals = await prisma.goal.findMany({
    where: { websiteId, enabled: true, deletedAt: null, ...(ids.includes(null) ? {} : { id: { in: named } }) },
  });
  const targets = new Map<string | null, GoalTarget>();
  for (const id of ids) {
    const matching = id === null ? goals : goals.filter((g) => g.id === id);
    if (id !== null && matching.length === 0) throw new NotFoundError('Goal');
    targets.set(id, { conditions: matching.map(conditionOf) });
  }
  return targets;
}

const FIGURES: readonly GoalFigure[] = ['conversions', 'conversionRate', 'revenue'];

/** A groups row's goal figures (asked as goal 0 under each figure's name). */
function figuresOf(row: GroupRow | undefined): GoalFigures {
  return {
    conversions: (row?.goals.conversions as number | undefined) ?? 0,
    conversionRate: (row?.goals.conversionRate as number | null | undefined) ?? null,
    revenue: currencyAmounts((row?.goals.revenue as Record<string, number> | undefined) ?? {}),
  };
}

/**
 * A goal's figures through the groups engine: the totals of the scope (no dimension), or per
 * value of one dimension for the given values only (filtered to them, in chunks an IN filter
 * takes). Revenue only when asked (it reads payments).
 */
export async function goalFigures(
  analytics: AnalyticsLoaders,
  scope: Scoped,
  target: GoalTarget,
  options: { revenue: boolean; by?: { dimension: GroupDimension & { kind: 'registry' }; values: readonly string[] } },
): Promise<Map<string, GoalFigures>> {
  const { by } = options;
  const plan = planGroups({
    dimensions: by ? [by.dimension] : [],
    metrics: ['visitors'],
    goals: [target],
    goalMetrics: FIGURES.filter((f) => options.revenue || f !== 'revenue').map((figure) => ({
      figure,
      goal: 0,
      key: figure,
    })),
    orderBy: [],
    limit: LIMITS.values,
    offset: 0,
  });
  const load = (filters: readonly FilterNode[]) => analytics.groups.load({ ...scope, filters, plan });
  if (!by) return new Map([['', figuresOf((await load(scope.filters))[0])]]);
  const values = by.values.filter((value) => value.length <= LIMITS.valueLength);
  const chunks = Array.from({ length: Math.ceil(values.length / LIMITS.values) }, (_, i) =>
    values.slice(i * LIMITS.values, (i + 1) * LIMITS.values),
  );
  const rows = (
    await Promise.all(
      chunks.map((chunk) => load([...scope.filters, { field: by.dimension.dimension, op: 'IN', value: [...chunk] }])),
    )
  ).flat();
  const id = by.dimension.dimension;
  const byValue = new Map(rows.map((row) => [String(row.values[id]), row]));
  return new Map(by.values.map((value) => [value, figuresOf(byValue.get(value))]));
}

/**
 * Conversions and revenue of a website's enabled goals over a scope, in the order the goals were
 * created: the `goals` family and the goals file of the export both read it here. A groups
 * query with no dimension answers them (GOALS_PER_QUERY at a time).
 */
export async function goalConversions(stores: Stores, scope: Scoped): Promise<GoalConversion[]> {
  const goals = await stores.prisma.goal.findMany({
    where: { websiteId: scope.websiteId, enabled: true, deletedAt: null },
    orderBy: { createdAt: 'asc' },
  });
  const chunks = Array.from({ length: Math.ceil(goals.length / GOALS_PER_QUERY) }, (_, i) =>
    goals.slice(i * GOALS_PER_QUERY, (i + 1) * GOALS_PER_QUERY),
  );
  const answers = await Promise.all(
    chunks.map(async (chunk) => {
      const plan = planGroups({
        dimensions: [],
        metrics: ['visitors'],
        goals: chunk.map((goal) => ({ conditions: [conditionOf(goal)] })),
        goalMetrics: chunk.flatMap((_, i) => [
          { figure: 'conversions' as const, goal: i, key: `conversions:${i}` },
          { figure: 'revenue' as const, goal: i, key: `revenue:${i}` },
        ]),
        orderBy: [],
        limit: 1,
        offset: 0,
      });
      const [row] = await stores.analytics.groups.load({ ...scope, plan });
      const visitors = row?.metrics.visitors ?? 0;
      return chunk.map((goal, i) => {
        const conversions = (row?.goals[`conversions:${i}`] as number | undefined) ?? 0;
        return {
          goalId: goal.id,
          name: goal.name,
          visitors,
          conversions,
          rate: visitors ? conversions / visitors : 0,
          revenue: currencyAmounts((row?.goals[`revenue:${i}`] as Record<string, number> | undefined) ?? {}),
        };
      });
    }),
  );
  return answers.flat();
}
