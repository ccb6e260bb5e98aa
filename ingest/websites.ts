import type { PrismaClient } from '../prisma/client.ts';
import { Directory } from './directory.ts';

/** What ingest needs to know about a website, parsed once from its row. */
export interface Site {
  id: string;
  organizationId: string;
  domain: string;
  active: boolean;
  /** Extra hosts allowed to send events besides the domain (subdomains included). */
  allowedOrigins: string[];
  /** Drop events from browsers that send DNT: 1 or Sec-GPC: 1. */
  respectDoNotTrack: boolean;
  webhookSecrets: { stripe?: string; paddle?: string };
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asString = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

export function toSite(row: {
  id: string;
  organizationId: string;
  domain: string;
  status: string;
  deletedAt: Date | null;
  settings: unknown;
  integrations: unknown;
}): Site {
  const settings = asObject(row.settings);
  const integrations = asObject(row.integrations);
  return {
    id: row.id,
    organizationId: row.organizationId,
    domain: row.domain,
    active: row.status === 'ACTIVE' && !row.deletedAt,
    allowedOrigins: Array.isArray(settings.allowedOrigins)
      ? settings.allowedOrigins.filter((o): o is string => typeof o === 'string')
      : [],
    respectDoNotTrack: settings.respectDoNotTrack === true,
    webhookSecrets: {
      stripe: asString(asObject(integrations.stripe).webhookSecret),
      paddle: asString(asObject(integrations.paddle).webhookSecret),
    },
  };
}

const hostOf = (value: string): string | null => {
  try {
    return new URL(value.includes('://') ? value : `https://${value}`).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/** True when `origin` (an Origin or Referer value) is the site's domain, an allowed host, or a subdomain of either. */
export function originAllowed(origin: string | undefined, site: Site): boolean {
  const host = origin ? hostOf(origin) : null;
  if (!host) return false;
  return [site.domain, ...site.allowedOrigins].some((allowed) => {
    const base = hostOf(allowed)?.replace(/^www\./, '');
    return !!base && (host === base || host.endsWith(`.${base}`));
  });
}

/** Websites by id, cached (see Directory). */
export function websiteDirectory(prisma: PrismaClient): Directory<Site> {
  return new Directory({
    load: async (id) => {
      const row = await prisma.website.findUnique({ where: { id } });
      return row ? toSite(row) : null;
    },
    changedSince: async (since) =>
      (
        await prisma.website.findMany({ where: { updatedAt: { gte: since } }, select: { id: true, updatedAt: true } })
      ).map(({ id, updatedAt }) => ({ key: id, updatedAt })),
  });
}
