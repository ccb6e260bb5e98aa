/** A bounded least-recently-used cache: enrichment inputs (user agents, page URLs) repeat heavily. */
export class Lru<V> {
  private entries = new Map<string, V>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The cached value for `key`, computing and keeping it on a miss. */
  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert: Map iteration order makes the first key the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
