import type { PrismaClient } from '../prisma/client.ts';
import type { Flag } from '../prisma/generated/client.ts';
import { type EvaluableFlag, flagRule, flagVariant } from './evaluate.ts';

/** A stored flag in the shape evaluation needs; rules and variants are re-checked on the way out of JSON. */
export function toEvaluable(flag: Flag): EvaluableFlag {
  return {
    ...flag,
    rules: flagRule.array().catch([]).parse(flag.rules),
    variants: flagVariant.array().catch([]).parse(flag.variants),
  };
}

/**
 * The flags that apply to a website in an environment: the website's own and its
 * organization-wide ones. Per key, a website flag beats an organization-wide one and an
 * environment-specific flag beats an all-environments one.
 */
export async function loadWebsiteFlags(
  prisma: PrismaClient,
  website: { id: string; organizationId: string },
  environment: string | null,
): Promise<EvaluableFlag[]> {
  const flags = await prisma.flag.findMany({
    where: {
      organizationId: website.organizationId,
      OR: [{ websiteId: website.id }, { websiteId: null }],
      AND: [{ OR: [{ environment: null }, ...(environment ? [{ environment }] : [])] }],
      status: { not: 'ARCHIVED' },
      deletedAt: null,
    },
    orderBy: { key: 'asc' },
  });
  const rank = (flag: Flag) => (flag.websiteId ? 2 : 0) + (flag.environment ? 1 : 0);
  const chosen = new Map<string, Flag>();
  for (const flag of flags) {
    const current = chosen.get(flag.key);
    if (!current || rank(flag) > rank(current)) chosen.set(flag.key, flag);
  }
  return [...chosen.values()].map(toEvaluable);
}
