import { afterEach, describe, expect, it, vi } from 'vitest';
import { Directory } from './directory.ts';

/** A Directory over an in-memory source that counts its loads per key. */
function directory(options: { maxEntries: number; ttlMs?: number; missTtlMs?: number }) {
  const loads = new Map<string, number>();
  const dir = new Directory<string>(
    {
      load: async (key) => {
        loads.set(key, (loads.get(key) ?? 0) + 1);
        return key.startsWith('missing') ? null : `value of ${key}`;
      },
      changedSince: async () => [],
    },
    {
      ttlMs: options.ttlMs ?? 60_000,
      missTtlMs: options.missTtlMs ?? 1_000,
      pollMs: 5_000,
      maxEntries: options.maxEntries,
    },
  );
  return { dir, loads: (key: string) => loads.get(key) ?? 0 };
}

afterEach(() => vi.useRealTimers());

describe('Directory cache', () => {
  it('keeps a key in use while many others pass through a full cache (no clear-everything)', async () => {
    const { dir, loads } = directory({ maxEntries: 4 });
    for (let i = 0; i < 50; i++) {
      expect(await dir.get('hot')).toBe('value of hot');
      await dir.get(`cold-${i}`);
    }
    expect(loads('hot')).toBe(1);
  });

  it('stays bounded: keys not used for a while are loaded again', async () => {
    const { dir, loads } = directory({ maxEntries: 4 });
    for (let i = 0; i < 20; i++) await dir.get(`key-${i}`);
    await dir.get('key-0');
    expect(loads('key-0')).toBe(2);
  });

  it('keeps a found value ttlMs and a miss missTtlMs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { dir, loads } = directory({ maxEntries: 100, ttlMs: 10_000, missTtlMs: 1_000 });
    await dir.get('site');
    await dir.get('missing-site');
    vi.advanceTimersByTime(1_500);
    await dir.get('site');
    await dir.get('missing-site');
    expect([loads('site'), loads('missing-site')]).toEqual([1, 2]);
    vi.advanceTimersByTime(10_000);
    await dir.get('site');
    expect(loads('site')).toBe(2);
  });
});
