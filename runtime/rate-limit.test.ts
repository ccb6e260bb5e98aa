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
