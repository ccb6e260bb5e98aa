/**
 * Remembers recently accepted event ids so a retried request stores its events once. Ids are
 * kept per scope (a website's events, an organization's server events), as the very strings
 * parsed from requests: no key to build per event. Two generations rotate every window: an id
 * is remembered for one to two windows, and memory stays bounded by the ids seen in two
 * windows (or `maxIds`, which rotates early).
 * Per process: with several replicas, a retry that lands elsewhere is not caught here.
 */
export class RecentIds {
  private current = new Map<string, Set<string>>();
  private previous = new Map<string, Set<string>>();
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

  /** Claims an id; false if it was claimed recently in the same scope (a duplicate). */
  claim(scope: string, id: string): boolean {
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

  /** Forgets an id whose write failed, so the client's retry is accepted. */
  release(scope: string, id: string): void {
    if (this.current.get(scope)?.delete(id)) this.size--;
    this.previous.get(scope)?.delete(id);
  }
}

/** Ids a request claimed in one scope: released if its rows cannot be stored. */
export interface Claims {
  scope: string;
  ids: string[];
}
