import { describe, expect, it } from 'vitest';
import { RecentIds } from './dedupe.ts';

const WINDOW = 1000;

function clocked(maxIds = 1_000_000) {
  const clock = { now: 0 };
  return { clock, ids: new RecentIds(WINDOW, maxIds, () => clock.now) };
}

/** What RecentIds must behave like: two generations of whole `${scope}:${id}` keys. */
class WholeKeys {
  private current = new Set<string>();
  private previous = new Set<string>();
  private rotatedAt = 0;
  constructor(private readonly maxIds: number) {}

  claim(key: string, now: number): boolean {
    if (now - this.rotatedAt >= WINDOW || this.current.size >= this.maxIds) {
      this.previous = this.current;
      this.current = new Set();
      this.rotatedAt = now;
    }
    if (this.current.has(key) || this.previous.has(key)) return false;
    this.current.add(key);
    return true;
  }

  release(key: string): void {
    this.current.delete(key);
    this.previous.delete(key);
  }
}

describe('RecentIds', () => {
  it('remembers an id for one to two windows', () => {
    const { clock, ids } = clocked();
    expect(ids.claim('site', 'a')).toBe(true);
    expect(ids.claim('site', 'a')).toBe(false);
    expect(ids.claim('site:a')).toBe(false);
    expect(ids.claim('other', 'a')).toBe(true);
    clock.now = WINDOW; // rotates: 'a' is in the previous generation
    expect(ids.claim('site', 'a')).toBe(false);
    clock.now = 2 * WINDOW; // rotates again: forgotten
    expect(ids.claim('site', 'a')).toBe(true);
  });

  it('rotates early past maxIds, so memory stays bounded', () => {
    const { ids } = clocked(2);
    expect([ids.claim('s', '1'), ids.claim('s', '2'), ids.claim('s', '3')]).toEqual([true, true, true]);
    expect(ids.claim('s', '1')).toBe(false); // previous generation
    expect(ids.claim('s', '4')).toBe(true); // rotates: 1 and 2 are forgotten
    expect(ids.claim('s', '1')).toBe(true);
  });

  it('forgets a released key, in either generation', () => {
    const { clock, ids } = clocked();
    ids.claim('site', 'a');
    ids.claim('site', 'b');
    ids.release('site:a');
    expect(ids.claim('site', 'a')).toBe(true);
    clock.now = WINDOW;
    ids.release('site:b');
    expect(ids.claim('site:b')).toBe(true);
  });

  it('behaves like two sets of whole keys, whichever way keys are given', () => {
    const parts = ['', ':', 'a', 'b:c', 'site', 'track:org', 'x::y'];
    const { clock, ids } = clocked(20);
    const reference = new WholeKeys(20);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    for (let step = 0; step < 20_000; step++) {
      const scope = parts[random(parts.length)] as string;
      const id = parts[random(parts.length)] as string;
      const key = random(4) === 0 ? id : `${scope}:${id}`;
      const action = random(10);
      if (action === 0) clock.now += random(WINDOW);
      if (action === 1) {
        ids.release(key);
        reference.release(key);
      } else if (key === id || random(2) === 0) {
        expect(ids.claim(key), key).toBe(reference.claim(key, clock.now));
      } else {
        expect(ids.claim(scope, id), key).toBe(reference.claim(key, clock.now));
      }
    }
  });
});
