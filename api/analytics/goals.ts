import type { PrismaClient } from '../../prisma/client.ts';
import { conditionOf } from './conditions.ts';
import type { FilterNode } from './filters.ts';
import type { AnalyticsLoaders } from './loader.ts';
import type { DateRange } from './range.ts';

export interface GoalConversion {
  goalId: string;
  name: string;
  visitors: number;
  conversions: number;
  rate: number;
}

/**
 * Conversions of a website's enabled goals over a scope, in the order the goals were created:
 * the `goals` family and the goals file of the export both read it here.
 */
export async function goalConversions(
  stores: { prisma: PrismaClient; analytics: AnalyticsLoaders },
  scope: { websiteId: string; range: DateRange; filters: readonly FilterNode[] },
): Promise<GoalConversion[]> {
  const goals = await stores.prisma.goal.findMany({
    where: { websiteId: scope.websiteId, enabled: true, deletedAt: null },
    orderBy: { createdAt: 'asc' },
  });
  if (goals.length === 0) return [];
  const results = await stores.analytics.goals.load({
    websiteId: scope.websiteId,
    range: scope.range,
    filters: scope.filters,
    goals: goals.map(conditionOf),
  });
  return goals.map((goal, i) => ({
    goalId: goal.id,
    name: goal.name,
    ...(results[i] as (typeof results)[number]),
  }));
}
