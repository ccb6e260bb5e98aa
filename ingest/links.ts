import type { PrismaClient } from '../prisma/client.ts';
import { Directory } from './directory.ts';

/** What following a short link needs to know about it. */
export interface LinkTarget {
  id: string;
  organizationId: string;
  websiteId: string | null;
  targetUrl: string;
  enabled: boolean;
  permanent: boolean;
  expiresAt: Date | null;
}

/** Short links by slug, cached (see Directory). */
export function linkDirectory(prisma: PrismaClient): Directory<LinkTarget> {
  return new Directory({
    load: (slug) =>
      prisma.link.findUnique({
        where: { slug },
        select: {
          id: true,
          organizationId: true,
          websiteId: true,
          targetUrl: true,
          enabled: true,
          permanent: true,
          expiresAt: true,
        },
      }),
    changedSince: async (since) =>
      (
        await prisma.link.findMany({ where: { updatedAt: { gte: since } }, select: { slug: true, updatedAt: true } })
      ).map(({ slug, updatedAt }) => ({ key: slug, updatedAt })),
  });
}
