/**
 * Fixed-window rate limits in process memory, keyed by whatever the caller limits (an API key
 * id, a client IP). Each replica counts on its own, so N replicas allow up to N× the limit;
 * that is the documented trade-off for needing no shared store.
 */
export interface RateDecision {
  allowed: boolean;
  remaining: number;
  /** Milliseconds until the window resets (for Retry-After). */
  resetMs: number;
}

interface Window {
  endsAt: number;
  count: number;
}

/** How often expired windows are dropped. */
const SWEEP_INTERVAL_MS = 60_000;

export class RateLimiter {
  private windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts `cost` units (1 per request; a query's complexity points on the API) if they fit. */
  take(key: string, max: number, windowMs: number, cost = 1): RateDecision {
    const now = this.now();
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now >= window.endsAt) {
      window = { endsAt: now + windowMs, count: 0 };
      this.windows.set(key, window);
    }
    const resetMs = window.endsAt - now;
    if (window.count + cost > max) {
      return { allowed: false, remaining: max - window.count, resetMs };
    }
    window.count += cost;
    return { allowed: true, remaining: max - window.count, resetMs };
  }

  /** Gives back a request `take` counted, which turned out not to count against the limit. */
  refund(key: string): void {
    const window = this.windows.get(key);
    if (window && window.count > 0) window.count--;
  }

  /**
   * Drops expired windows now and then, so memory stays bounded by the keys active per window.
   * Each window expires on its own length: callers share one limiter with different windows.
   */
  private sweep(now: number): void {
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now >= window.endsAt) this.windows.delete(key);
    }
  }
}
