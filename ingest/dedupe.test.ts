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

  it('agrees with a Set through growth, long probe runs and releases', () => {
    const { ids } = clocked(10_000_000);
    const reference = new Set<string>();
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    // Sequential ids (as from one client), a few scopes, interleaved claims and releases.
    for (let i = 0; i < 200_000; i++) {
      const scope = `site-${i % 3}`;
      const id = `${Math.floor(random() * 120_000)}`;
      const key = `${scope} ${id}`;
      if (random() < 0.2) {
        ids.release(scope, id);
        reference.delete(key);
      } else {
        expect(ids.claim(scope, id), key).toBe(!reference.has(key));
        reference.add(key);
      }
    }
    for (const key of reference) {
      const [scope = '', id = ''] = key.split(' ');
      expect(ids.claim(scope, id), key).toBe(false);
    }
    // The scope is part of the key: ("ab", "c") is not ("a", "bc").
    expect(ids.claim('ab', 'c')).toBe(true);
    expect(ids.claim('a', 'bc')).toBe(true);
  });
});
