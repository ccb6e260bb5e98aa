import type { PrismaClient } from '../prisma/client.ts';

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

type Json = Record<string, unknown> | null;

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
  const settings = asObject(row.settings as Json);
  const integrations = asObject(row.integrations as Json);
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

interface Entry {
  site: Site | null;
  expiresAt: number;
}

/**
 * Website lookups without a PostgreSQL query per event: an in-memory cache, invalidated by one
 * cheap poll for recently updated websites every few seconds (which works the same on embedded
 * PGlite, where LISTEN/NOTIFY does not reach other connections). Unknown ids are cached briefly
 * too, so garbage client ids cannot hammer the database.
 */
export class WebsiteDirectory {
  private cache = new Map<string, Entry>();
  private since = new Date();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options = { ttlMs: 10 * 60_000, missTtlMs: 30_000, pollMs: 5_000, maxEntries: 100_000 },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.invalidateChanged().catch(() => {}), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async get(id: string): Promise<Site | null> {
    const cached = this.cache.get(id);
    if (cached && cached.expiresAt > Date.now()) return cached.site;
    const row = await this.prisma.website.findUnique({ where: { id } });
    const site = row ? toSite(row) : null;
    if (this.cache.size >= this.options.maxEntries) this.cache.clear();
    this.cache.set(id, { site, expiresAt: Date.now() + (site ? this.options.ttlMs : this.options.missTtlMs) });
    return site;
  }

  /** Drops cached websites changed (or created) since the last poll. */
  async invalidateChanged(): Promise<void> {
    const changed = await this.prisma.website.findMany({
      where: { updatedAt: { gte: this.since } },
      select: { id: true, updatedAt: true },
    });
    for (const { id, updatedAt } of changed) {
      this.cache.delete(id);
      if (updatedAt > this.since) this.since = updatedAt;
    }
  }
}
