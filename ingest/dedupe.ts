/** One generation of ids: the ids of each scope (null for keys without one). */
type Generation = Map<string | null, Set<string>>;

/**
 * Remembers recently accepted event ids so a retried request stores its events once. Two
 * generations rotate every window: an id is remembered for one to two windows, and memory
 * stays bounded by the ids seen in two windows (or `maxIds`, which rotates early).
 * Per process: with several replicas, a retry that lands elsewhere is not caught here.
 *
 * A key is `${scope}:${id}` (a website's or an organization's events), kept as its id in a set
 * per scope, the key split at its first colon. claim(scope, id) is claim(`${scope}:${id}`)
 * without building that string: the pipeline's ids are kept as the very strings parsed from
 * the request, which saves a string per id to build, hash and keep (half the memory).
 */
export class RecentIds {
  private current: Generation = new Map();
  private previous: Generation = new Map();
  /** Ids in `current`. */
  private size = 0;
  private rotatedAt: number;

  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly maxIds = 1_000_000,
    private readonly now: () => number = Date.now,
  ) {
    this.rotatedAt = now();
  }

  /** Claims a key, given whole or as scope and id; false if it was claimed recently (a duplicate). */
  claim(key: string): boolean;
  claim(scope: string, id: string): boolean;
  claim(scopeOrKey: string, id?: string): boolean {
    if (id !== undefined && !scopeOrKey.includes(':')) return this.claimIn(scopeOrKey, id);
    return this.claimIn(...split(id === undefined ? scopeOrKey : `${scopeOrKey}:${id}`));
  }

  /** Forgets a key whose write failed, so the client's retry is accepted. */
  release(key: string): void {
    const [scope, id] = split(key);
    if (this.current.get(scope)?.delete(id)) this.size--;
    this.previous.get(scope)?.delete(id);
  }

  private claimIn(scope: string | null, id: string): boolean {
    const now = this.now();
    if (now - this.rotatedAt >= this.windowMs || this.size >= this.maxIds) {
      this.previous = this.current;
      this.current = new Map();
      this.size = 0;
      this.rotatedAt = now;
    }
    if (this.previous.get(scope)?.has(id)) return false;
    let ids = this.current.get(scope);
    if (!ids) {
      ids = new Set();
      this.current.set(scope, ids);
    }
    // One probe into a set of up to a million ids, not two (has, then add).
    const before = ids.size;
    if (ids.add(id).size === before) return false;
    this.size++;
    return true;
  }
}

/** `${scope}:${id}` split at its first colon. */
function split(key: string): [scope: string | null, id: string] {
  const colon = key.indexOf(':');
  return colon < 0 ? [null, key] : [key.slice(0, colon), key.slice(colon + 1)];
}
