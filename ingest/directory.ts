/**
 * Metadata lookups without a PostgreSQL query per event: an in-memory cache, invalidated by one
 * cheap poll for recently updated rows every few seconds (which works the same on embedded
 * PGlite, where LISTEN/NOTIFY does not reach other connections). Unknown keys are cached
 * briefly too, so garbage ids cannot hammer the database.
 */
export interface DirectorySource<T> {
  load(key: string): Promise<T | null>;
  /** Keys of rows updated (or created) at or after `since`. */
  changedSince(since: Date): Promise<{ key: string; updatedAt: Date }[]>;
}

interface Entry<T> {
  value: T | null;
  expiresAt: number;
}

export const DIRECTORY_OPTIONS = { ttlMs: 10 * 60_000, missTtlMs: 30_000, pollMs: 5_000, maxEntries: 100_000 };

export class Directory<T> {
  private cache = new Map<string, Entry<T>>();
  private since = new Date();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly source: DirectorySource<T>,
    private readonly options = DIRECTORY_OPTIONS,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.invalidateChanged().catch(() => {}), this.options.pollMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  async get(key: string): Promise<T | null> {
    const cached = this.cache.get(key);
    if (cached && cached.expiresAt > Date.now()) return cached.value;
    const value = await this.source.load(key);
    if (this.cache.size >= this.options.maxEntries) this.cache.clear();
    this.cache.set(key, { value, expiresAt: Date.now() + (value ? this.options.ttlMs : this.options.missTtlMs) });
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
