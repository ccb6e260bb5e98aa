import type { PrismaClient } from '../prisma/client.ts';
import { readWebsiteIntegrations, readWebsiteSettings } from '../prisma/website-settings.ts';
import { DIRECTORY_OPTIONS, Directory } from './directory.ts';

/** What ingest needs to know about a website, parsed once from its row. */
export interface Site {
  id: string;
  organizationId: string;
  domain: string;
  active: boolean;
  /**
   * Hosts allowed to send events, subdomains included: the domain and the extra allowed origins,
   * lowercase without www., parsed once here rather than per request.
   */
  allowedHosts: string[];
  /** Drop events from browsers that send DNT: 1 or Sec-GPC: 1. */
  respectDoNotTrack: boolean;
  /** Keep events of automated browsers that the tracker declares (`data-allow-bots`): test sites. */
  allowBots: boolean;
  webhookSecrets: { stripe?: string; paddle?: string };
}

const hostOf = (value: string): string | null => {
  try {
    return new URL(value.includes('://') ? value : `https://${value}`).hostname.toLowerCase();
  } catch {
    return null;
  }
};

export function toSite(row: {
  id: string;
  organizationId: string;
  domain: string;
  status: string;
  settings: unknown;
  integrations: unknown;
}): Site {
  const settings = readWebsiteSettings(row.settings);
  const integrations = readWebsiteIntegrations(row.integrations);
  return {
    id: row.id,
    organizationId: row.organizationId,
    domain: row.domain,
    active: row.status === 'ACTIVE',
    allowedHosts: [row.domain, ...(settings.allowedOrigins ?? [])].flatMap(
      (allowed) => hostOf(allowed)?.replace(/^www\./, '') || [],
    ),
    respectDoNotTrack: settings.respectDoNotTrack ?? false,
    allowBots: settings.allowBots ?? false,
    webhookSecrets: { stripe: integrations.stripe?.webhookSecret, paddle: integrations.paddle?.webhookSecret },
  };
}

/** True when `origin` (an Origin or Referer value) is the site's domain, an allowed host, or a subdomain of either. */
export function originAllowed(origin: string | undefined, site: Site): boolean {
  const host = origin ? hostOf(origin) : null;
  if (!host) return false;
  return site.allowedHosts.some((base) => host === base || host.endsWith(`.${base}`));
}

/** Websites by id, cached (see Directory). */
export function websiteDirectory(prisma: PrismaClient, options = DIRECTORY_OPTIONS): Directory<Site> {
  return new Directory(
    {
      load: async (id) => {
        const row = await prisma.website.findUnique({ where: { id } });
        return row ? toSite(row) : null;
      },
      changedSince: async (since) =>
        (
          await prisma.website.findMany({ where: { updatedAt: { gte: since } }, select: { id: true, updatedAt: true } })
        ).map(({ id, updatedAt }) => ({ key: id, updatedAt })),
    },
    options,
  );
}
