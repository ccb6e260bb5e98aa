/**
 * Remembers recently accepted event ids so a retried request stores its events once. Two
 * generations of sets rotate every window: an id is remembered for one to two windows, and
 * memory stays bounded by the ids seen in two windows (or `maxIds`, which rotates early).
 * Per process: with several replicas, a retry that lands elsewhere is not caught here.
 */
export class RecentIds {
  private current = new Set<string>();
  private previous = new Set<string>();
  private rotatedAt: number;

  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly maxIds = 1_000_000,
    private readonly now: () => number = Date.now,
  ) {
    this.rotatedAt = now();
  }

  /** Claims an id; false if it was claimed recently (a duplicate). */
  claim(id: string): boolean {
    const now = this.now();
    if (now - this.rotatedAt >= this.windowMs || this.current.size >= this.maxIds) {
      this.previous = this.current;
      this.current = new Set();
      this.rotatedAt = now;
    }
    if (this.current.has(id) || this.previous.has(id)) return false;
    this.current.add(id);
    return true;
  }

  /** Forgets an id whose write failed, so the client's retry is accepted. */
  release(id: string): void {
    this.current.delete(id);
    this.previous.delete(id);
  }
}
