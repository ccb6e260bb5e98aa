import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, bundle, sizes } from './build.ts';

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
