import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships ESM and CJS builds; Pothos and Yoga must share one copy ("another realm" otherwise).
  resolve: { alias: { graphql: createRequire(import.meta.url).resolve('graphql') } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'data/**', 'scratch/**'],
    // Each test file gets its own process: chDB binds one data directory per process.
    pool: 'forks',
    globalSetup: ['runtime/test-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
