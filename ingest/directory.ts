import QuickLRU from 'quick-lru';

/**
 * Metadata lookups without a PostgreSQL query per event: an in-memory cache, invalidated by one
 * cheap poll for recently updated rows every few seconds (which works the same on embedded
 * PGlite, where LISTEN/NOTIFY does not reach other connections). Unknown keys are cached
 * briefly too, so garbage ids cannot hammer the database. When full, the least recently used
 * entries go (quick-lru), never the whole cache at once: a burst of misses would reach
 * PostgreSQL together.
 */
export interface DirectorySource<T> {
  load(key: string): Promise<T | null>;
  /** Keys of rows updated (or created) at or after `since`. */
  changedSince(since: Date): Promise<{ key: string; updatedAt: Date }[]>;
}

export const DIRECTORY_OPTIONS = { ttlMs: 10 * 60_000, missTtlMs: 30_000, pollMs: 5_000, maxEntries: 100_000 };

export class Directory<T> {
  // quick-lru keeps between maxSize and 2 × maxSize entries: half of maxEntries bounds it.
  private cache: QuickLRU<string, { value: T | null }>;
  private since = new Date();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly source: DirectorySource<T>,
    private readonly options = DIRECTORY_OPTIONS,
  ) {
    this.cache = new QuickLRU({ maxSize: Math.max(1, Math.floor(options.maxEntries / 2)) });
  }

  start(): void {
    this.timer = setInterval(() => void this.invalidateChanged().catch(() => {}), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async get(key: string): Promise<T | null> {
    const cached = this.cache.get(key);
    if (cached) return cached.value;
    const value = await this.source.load(key);
    this.cache.set(key, { value }, { maxAge: value ? this.options.ttlMs : this.options.missTtlMs });
    return value;
  }

  /** Drops cached entries changed (or created) since the last poll. */
  async invalidateChanged(): Promise<void> {
    for (const { key, updatedAt } of await this.source.changedSince(this.since)) {
      this.cache.delete(key);
      if (updatedAt > this.since) this.since = updatedAt;
    }
  }
}
