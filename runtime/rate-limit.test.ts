import { expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

it('allows max requests per window, then refuses with the time to reset', () => {
  let now = 1_000;
  const limiter = new RateLimiter(() => now);
  for (let i = 0; i < 3; i++) expect(limiter.take('k', 3, 60_000).allowed).toBe(true);
  now += 15_000;
  expect(limiter.take('k', 3, 60_000)).toEqual({ allowed: false, remaining: 0, resetMs: 45_000 });
  expect(limiter.take('other', 3, 60_000).allowed).toBe(true);
  now += 45_000;
  expect(limiter.take('k', 3, 60_000)).toEqual({ allowed: true, remaining: 2, resetMs: 60_000 });
});

it('keeps a long window while shorter ones sharing the limiter expire and are swept', () => {
  let now = 1_000;
  const limiter = new RateLimiter(() => now);
  const HOUR = 3_600_000;
  for (let i = 0; i < 3; i++) expect(limiter.take('key', 3, HOUR).allowed).toBe(true);
  limiter.take('ip', 10, 60_000);
  // Past the short window (and the sweep interval), a short-window caller sweeps: the hour stays.
  now += 61_000;
  expect(limiter.take('ip', 10, 60_000)).toEqual({ allowed: true, remaining: 9, resetMs: 60_000 });
  expect(limiter.take('key', 3, HOUR)).toEqual({ allowed: false, remaining: 0, resetMs: HOUR - 61_000 });
  now += HOUR;
  expect(limiter.take('key', 3, HOUR).allowed).toBe(true);
});

it('takes back a refunded request', () => {
  const limiter = new RateLimiter(() => 0);
  limiter.take('k', 2, 1_000);
  limiter.take('k', 2, 1_000);
  expect(limiter.take('k', 2, 1_000).allowed).toBe(false);
  limiter.refund('k');
  expect(limiter.take('k', 2, 1_000)).toEqual({ allowed: true, remaining: 0, resetMs: 1_000 });
  limiter.refund('unknown');
});

it('a take of several units counts them all, and is refused whole when they do not fit', () => {
  const limiter = new RateLimiter(() => 0);
  expect(limiter.take('k', 10, 1_000, 7)).toEqual({ allowed: true, remaining: 3, resetMs: 1_000 });
  expect(limiter.take('k', 10, 1_000, 4)).toEqual({ allowed: false, remaining: 3, resetMs: 1_000 });
  expect(limiter.take('k', 10, 1_000, 3)).toEqual({ allowed: true, remaining: 0, resetMs: 1_000 });
});
