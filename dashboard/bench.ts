// `npm run bench:dashboard`: time to the first rendered chart and to every panel loaded, in the
// test Chromium, against a running product (say after `npm run demo` and `npm start`):
//   TIDEMARK_URL=http://localhost:4000 TIDEMARK_API_KEY=tmk_… npm run bench:dashboard
// Each website of the key's organization is opened BENCH_RUNS times (default 3) in a fresh context,
// each load with at least half the key's cost budget left (a load takes well under half; one
// refused 429 would measure nothing).
import '../runtime/env-file.ts';
import { createClient } from '../client/client.ts';
import { WebsitesDocument } from '../client/generated/graphql.ts';
import { launchTestBrowser } from '../runtime/test-browser.ts';

const origin = new URL(process.env.TIDEMARK_URL ?? 'http://localhost:4000').origin;
const apiKey = process.env.TIDEMARK_API_KEY;
const runs = Number(process.env.BENCH_RUNS ?? 3);
if (!apiKey) {
  console.error('Set TIDEMARK_API_KEY (and TIDEMARK_URL unless http://localhost:4000).');
  process.exit(1);
}

const client = createClient({ url: `${origin}/graphql`, apiKey });
const { organization } = await client.request(WebsitesDocument, { first: 100 });
const browser = await launchTestBrowser();
/** Waits, when less than half the key's cost budget is left, until its window gives it all back (README "Cost and rate limits"). */
async function fullBudget() {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const { extensions } = (await response.json()) as {
    extensions?: { cost?: { limit: number; remaining: number; resetSeconds: number } };
  };
  const cost = extensions?.cost;
  if (cost && cost.remaining < cost.limit / 2) await new Promise((done) => setTimeout(done, cost.resetSeconds * 1000));
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
try {
  for (const { node: site } of organization.websites.edges) {
    const chart: number[] = [];
    const panels: number[] = [];
    for (let run = 0; run < runs; run++) {
      await fullBudget();
      // A program's browser: the key as a header (people sign in with a cookie; the figures are alike); nothing but the product reachable.
      const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      await context.setExtraHTTPHeaders({ authorization: `Bearer ${apiKey}` });
      await context.route('**/*', (route) =>
        new URL(route.request().url()).origin === origin ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.goto(`${origin}/w/${site.id}`);
      await page.locator('.chart canvas').first().waitFor({ timeout: 300_000 });
      chart.push(await page.evaluate(() => performance.getEntriesByName('tidemark:first-chart')[0]?.startTime ?? 0));
      await page.getByText('Loading…').first().waitFor({ state: 'detached', timeout: 300_000 });
      while ((await page.getByText('Loading…').count()) > 0) await page.waitForTimeout(20);
      panels.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    console.log(
      `${site.domain.padEnd(28)} first chart ${Math.round(median(chart))} ms, every panel ${Math.round(median(panels))} ms (median of ${runs}; first chart ${chart.map(Math.round).join(', ')} ms)`,
    );
  }
} finally {
  await browser.close();
}
