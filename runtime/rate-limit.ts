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
  startedAt: number;
  count: number;
}

export class RateLimiter {
  private windows = new Map<string, Window>();
  private lastSweep = 0;

  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, max: number, windowMs: number): RateDecision {
    const now = this.now();
    this.sweep(now, windowMs);
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    const resetMs = window.startedAt + windowMs - now;
    if (window.count >= max) return { allowed: false, remaining: 0, resetMs };
    window.count++;
    return { allowed: true, remaining: max - window.count, resetMs };
  }

  /** Drops expired windows now and then, so memory stays bounded by the keys active per window. */
  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= windowMs) this.windows.delete(key);
    }
  }
}
