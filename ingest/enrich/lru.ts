/**
 * A bounded cache of recently used values: enrichment inputs (user agents, page URLs) repeat
 * heavily. Two generations of at most maxEntries / 2 each: a hit in the older one moves the
 * entry to the newer one, and when the newer one is full the older one is dropped. Recently
 * used entries stay, as in an LRU, but a hit in the newer generation is a single lookup
 * (no re-insertion to keep an order).
 */
export class Lru<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();

  constructor(private readonly maxEntries = 10_000) {}

  /** The cached value for `key`, computing and keeping it on a miss. */
  get(key: string, compute: () => V): V {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const older = this.previous.get(key);
    const value = older === undefined ? compute() : older;
    if (this.current.size >= this.maxEntries / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
    return value;
  }
}
