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

it('peeks at a window without counting', () => {
  let now = 0;
  const limiter = new RateLimiter(() => now);
  expect(limiter.peek('k', 2)).toEqual({ allowed: true, remaining: 2, resetMs: 0 });
  limiter.take('k', 2, 1_000);
  limiter.take('k', 2, 1_000);
  now = 400;
  expect(limiter.peek('k', 2)).toEqual({ allowed: false, remaining: 0, resetMs: 600 });
  expect(limiter.peek('k', 3)).toEqual({ allowed: true, remaining: 1, resetMs: 600 });
  now = 1_000;
  expect(limiter.peek('k', 2).allowed).toBe(true);
});
