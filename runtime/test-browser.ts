import sparticuz from '@sparticuz/chromium';
import { type Browser, chromium, type LaunchOptions } from 'playwright-core';

/**
 * The browser of the browser tests. By default the Chromium that ships inside the npm package
 * `@sparticuz/chromium` (unpacked to the temp directory on first use, nothing downloaded), so
 * `npm ci && npm test` needs no system browser; `TEST_BROWSER` names another Chromium binary
 * (say `/usr/bin/chromium`, or any Chromium on macOS). Tests never skip for want of a browser.
 *
 * Only the flags a headless run in a container needs: the package's own `args` include
 * `--disable-web-security`, which would switch off the CORS and origin checks the tests prove.
 */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Path of the browser binary; unpacks the packaged Chromium when needed (once per machine). */
export async function testBrowserPath(): Promise<string> {
  const chosen = process.env.TEST_BROWSER;
  if (chosen) return chosen;
  if (process.platform !== 'linux') {
    throw new Error('The packaged test Chromium is Linux-only: set TEST_BROWSER to a Chromium binary.');
  }
  return sparticuz.executablePath();
}

export async function launchTestBrowser(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    ...options,
    executablePath: await testBrowserPath(),
    args: [...FLAGS, ...(options.args ?? [])],
  });
}
