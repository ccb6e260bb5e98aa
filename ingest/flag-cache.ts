import type { EvaluableFlag } from '../flags/evaluate.ts';
import { loadWebsiteFlags } from '../flags/load.ts';
import type { PrismaClient } from '../prisma/client.ts';

/**
 * A website's flags are cached for FLAG_CACHE_MS, so a change reaches browsers within that time
 * and a busy page costs no PostgreSQL query per visitor.
 */
export const FLAG_CACHE_MS = 15_000;

/** A website's flags per environment, kept FLAG_CACHE_MS. */
export class FlagCache {
  private entries = new Map<string, { flags: Promise<EvaluableFlag[]>; expiresAt: number }>();

  constructor(private readonly prisma: PrismaClient) {}

  get(site: { id: string; organizationId: string }, environment: string | null): Promise<EvaluableFlag[]> {
    const key = `${site.id}\n${environment ?? ''}`;
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.flags;
    if (this.entries.size > 10_000) this.entries.clear();
    const flags = loadWebsiteFlags(this.prisma, site, environment);
    this.entries.set(key, { flags, expiresAt: Date.now() + FLAG_CACHE_MS });
    flags.catch(() => this.entries.delete(key));
    return flags;
  }
}
