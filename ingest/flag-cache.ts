import QuickLRU from 'quick-lru';
import type { EvaluableFlag } from '../flags/evaluate.ts';
import { loadWebsiteFlags } from '../flags/load.ts';
import type { PrismaClient } from '../prisma/client.ts';

/**
 * A website's flags are cached for FLAG_CACHE_MS, so a change reaches browsers within that time
 * and a busy page costs no PostgreSQL query per visitor.
 */
export const FLAG_CACHE_MS = 15_000;

/** Websites × environments kept (quick-lru holds between this and twice this; least recently used go first). */
const FLAG_CACHE_SIZE = 5_000;

/**
 * A website's flags per environment, kept FLAG_CACHE_MS. The load's promise is what is kept, so
 * concurrent visitors of one website share one query; a failed load is forgotten at once.
 */
export class FlagCache {
  private entries = new QuickLRU<string, Promise<EvaluableFlag[]>>({ maxSize: FLAG_CACHE_SIZE, maxAge: FLAG_CACHE_MS });

  constructor(private readonly prisma: PrismaClient) {}

  get(site: { id: string; organizationId: string }, environment: string | null): Promise<EvaluableFlag[]> {
    const key = `${site.id}\n${environment ?? ''}`;
    const hit = this.entries.get(key);
    if (hit) return hit;
    const flags = loadWebsiteFlags(this.prisma, site, environment);
    this.entries.set(key, flags);
    flags.catch(() => this.entries.delete(key));
    return flags;
  }
}
