import { describe, expect, it } from 'vitest';
import { RecentIds } from './dedupe.ts';

const WINDOW = 1000;

function clocked(maxIds = 1_000_000) {
  const clock = { now: 0 };
  return { clock, ids: new RecentIds(WINDOW, maxIds, () => clock.now) };
}

describe('RecentIds', () => {
  it('remembers an id for one to two windows, per scope', () => {
    const { clock, ids } = clocked();
    expect(ids.claim('site', 'a')).toBe(true);
    expect(ids.claim('site', 'a')).toBe(false);
    expect(ids.claim('other', 'a')).toBe(true);
    clock.now = WINDOW; // rotates: 'a' is in the previous generation
    expect(ids.claim('site', 'a')).toBe(false);
    clock.now = 2 * WINDOW; // rotates again: forgotten
    expect(ids.claim('site', 'a')).toBe(true);
  });

  it('rotates early past maxIds, whatever the scopes, so memory stays bounded', () => {
    const { ids } = clocked(2);
    expect([ids.claim('s', '1'), ids.claim('t', '2'), ids.claim('s', '3')]).toEqual([true, true, true]);
    expect(ids.claim('s', '1')).toBe(false); // previous generation
    expect(ids.claim('s', '4')).toBe(true); // rotates: 1 and 2 are forgotten
    expect(ids.claim('s', '1')).toBe(true);
    expect(ids.claim('t', '2')).toBe(true);
  });

  it('forgets a released id, in either generation', () => {
    const { clock, ids } = clocked();
    ids.claim('site', 'a');
    ids.claim('site', 'b');
    ids.release('site', 'a');
    expect(ids.claim('site', 'a')).toBe(true);
    clock.now = WINDOW;
    ids.release('site', 'b');
    expect(ids.claim('site', 'b')).toBe(true);
  });
});
