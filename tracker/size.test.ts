import { statSync, utimesSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, bundle, distIsCurrent, sizes, writeDist } from './build.ts';

describe('tracker size', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await bundle();
  });

  it('stays within its gzipped budgets', () => {
    const size = sizes(files);
    expect(size.core).toBeLessThanOrEqual(BUDGET.core);
    expect(size.full).toBeLessThanOrEqual(BUDGET.full);
  });

  it('leaves error tracking, page timing and the vitals loader out of the core only', () => {
    for (const marker of ['unhandledrejection', 'loadEventEnd', 'tracker-vitals.js']) {
      expect(files['tracker.js']).toContain(marker);
      expect(files['tracker.core.js']).not.toContain(marker);
    }
  });
});

describe('npm start (build --if-stale)', () => {
  it('leaves a current build alone and rebuilds once a source is newer', async () => {
    await writeDist();
    expect(distIsCurrent()).toBe(true);
    const source = new URL('./types.ts', import.meta.url);
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date(Date.now() + 60_000));
    try {
      expect(distIsCurrent()).toBe(false);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });
});
