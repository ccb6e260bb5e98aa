import { describe, expect, it } from 'vitest';
import { BUDGET, bundle, sizes } from './build.ts';

describe('tracker size', () => {
  it('stays within its gzipped budgets', async () => {
    const files = await bundle();
    const size = sizes(files);
    expect(size.core).toBeLessThanOrEqual(BUDGET.core);
    expect(size.full).toBeLessThanOrEqual(BUDGET.full);
  });

  it('compiles error tracking, page timing and the vitals loader out of the core only', async () => {
    const files = await bundle();
    for (const marker of ['unhandledrejection', 'loadEventEnd', 'tracker-vitals.js']) {
      expect(files['tracker.js']).toContain(marker);
      expect(files['tracker.core.js']).not.toContain(marker);
    }
  });
});
