// The built tracker in a real Chromium (playwright-core, runtime/test-browser.ts), on pages
// served from 127.0.0.1, reporting to the real ingest on embedded stores.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../clickhouse/sql.ts';
import { startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { launchTestBrowser } from '../runtime/test-browser.ts';
import { writeDist } from './build.ts';

const POLL = { timeout: 20_000, interval: 250 };

let t: TestIngest;
let site: string;
let browser: Browser;
const servers: Server[] = [];
/** Pages by path, served from 127.0.0.1 (the test website's domain). */
const pages = new Map<string, string>();
let origin: string;
/** The same server under another host name: a different site for the tracker. */
let elsewhere: string;

/** A local HTTP server for the duration of the file. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

/** A collector that records the batches it gets and answers them with `status`. */
async function sink(status: number) {
  const batches: { events: { eventId: string; type: string }[] }[] = [];
  const url = await serve(async (req, res) => {
    if (req.method === 'POST') batches.push(JSON.parse(await readBody(req)));
    res.writeHead(req.method === 'POST' ? status : 404, { 'access-control-allow-origin': '*' }).end();
  });
  return { url, batches };
}

beforeAll(async () => {
  await writeDist(); // test the sources as they are, not a stale build
  t = await startTestIngest();
  // The browser is what it is, HeadlessChrome: the test website allows bots that the tracker
  // declares (its pages carry data-allow-bots).
  const website = await t.prisma.website.create({
    data: { domain: '127.0.0.1', organizationId: t.organizationId, settings: { allowBots: true } },
  });
  site = website.id;
  origin = await serve((req, res) => {
    const page = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(page ?? 'not found');
  });
  elsewhere = origin.replace('127.0.0.1', 'localhost');
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => closeServer(s, 100)));
  await t?.close();
});

/** Registers a page at `path` embedding the tracker with the given attributes. */
function page(
  path: string,
  body: string,
  options: { attributes?: string; head?: string; title?: string; clientId?: string } = {},
) {
  const attributes = options.attributes ?? 'data-allow-bots';
  pages.set(
    path,
    `<!doctype html><html><head><meta charset="utf-8"><title>${options.title ?? 'Test page'}</title>${options.head ?? ''}
<script defer src="${t.url}/tracker.js" data-client-id="${options.clientId ?? site}" ${attributes}></script></head><body>${body}</body></html>`,
  );
  return `${origin}${path}`;
}

/** A fresh browser profile, so a fresh visitor. */
async function visitor(): Promise<{ context: BrowserContext; tab: Page; errors: Error[] }> {
  const context = await browser.newContext({
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 720 },
  });
  const tab = await context.newPage();
  const errors: Error[] = [];
  tab.on('pageerror', (error) => errors.push(error));
  return { context, tab, errors };
}

/** Waits until the first page view has been queued (it waits for the load event). */
const viewed = (tab: Page) =>
  tab.waitForFunction(() => JSON.parse(sessionStorage.getItem('tidemark_session') ?? '{}').pages >= 1);

const anonymousId = (tab: Page) => tab.evaluate(() => localStorage.getItem('tidemark_id'));

interface EventRow {
  event_name: string;
  path: string;
  session_id: string;
  time_on_page: number | null;
  scroll_depth: number | null;
  interaction_count: number | null;
  page_count: number;
  properties: string;
}
const eventsOf = (id: string | null) =>
  t.rows<EventRow>(
    sql`SELECT event_name, path, session_id, time_on_page, scroll_depth, interaction_count, page_count, properties
      FROM analytics.events WHERE client_id = ${site} AND anonymous_id = ${id ?? ''} ORDER BY time, event_name`,
  );

/** Simulates switching tabs (headless Chromium keeps every tab visible). */
const hideTab = (tab: Page) =>
  tab.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });

describe('tracker in Chromium', () => {
  it('records a page view with page, visitor, session, device and timing fields', async () => {
    const url = page('/pricing', '<h1>Pricing</h1>', { title: 'Pricing' });
    const { context, tab } = await visitor();
    await tab.goto(`${url}?utm_source=newsletter&utm_campaign=launch`, {
      referer: 'https://news.example.org/item?id=1',
    });
    const id = await anonymousId(tab);
    const session = await tab.evaluate(() => JSON.parse(sessionStorage.getItem('tidemark_session') ?? '{}').id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const row = async () =>
      (
        await t.rows<Record<string, unknown>>(
          sql`SELECT * FROM analytics.events WHERE client_id = ${site} AND anonymous_id = ${id ?? ''}`,
        )
      )[0];
    await expect.poll(row, POLL).toBeDefined();
    const stored = (await row()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      event_name: 'screen_view',
      session_id: session,
      path: '/pricing',
      url: `${url}?utm_source=newsletter&utm_campaign=launch`,
      title: 'Pricing',
      referrer: 'https://news.example.org/item',
      utm_source: 'newsletter',
      utm_campaign: 'launch',
      browser_name: 'Chrome Headless',
      device_type: 'desktop',
      viewport_size: '1280x720',
      language: 'en-GB',
      timezone: 'Europe/London',
    });
    expect(stored.screen_resolution).toMatch(/^\d+x\d+$/);
    expect(stored.session_start_time).toBeTruthy();
    for (const column of ['load_time', 'dom_ready_time', 'dom_interactive', 'render_time']) {
      expect(stored[column], column).toBeTypeOf('number');
    }
    expect(stored.load_time as number).toBeGreaterThanOrEqual(stored.dom_ready_time as number);
    await context.close();
  });

  it('counts one page view per SPA navigation and an exit for each page left', async () => {
    const url = page(
      '/app',
      `<main style="height: 3000px">App</main>
      <script>addEventListener('DOMContentLoaded', () => history.replaceState({}, '', '/app/home'))</script>`,
    );
    const { context, tab } = await visitor();
    await tab.goto(url);
    await viewed(tab); // of /app/home only: URL changes before the first view are not navigation
    await tab.evaluate(async () => {
      // Longer than the tracker waits for a navigation to settle (300 ms, tracker/page.ts).
      const wait = () => new Promise((resolve) => setTimeout(resolve, 400));
      history.pushState({}, '', '/app/one');
      await wait();
      history.replaceState({}, '', '/app/one'); // same page: no view
      history.pushState({}, '', '/app/two');
      await wait();
      location.hash = '#details'; // hash changes are not navigation by default
      await wait();
      history.back(); // popstate to /app/two without the hash: same page
      await wait();
      history.back(); // popstate to /app/one
      await wait();
    });
    const id = await anonymousId(tab);
    const expected = [
      ['screen_view', '/app/home'],
      ['page_exit', '/app/home'],
      ['screen_view', '/app/one'],
      ['page_exit', '/app/one'],
      ['screen_view', '/app/two'],
      ['page_exit', '/app/two'],
      ['screen_view', '/app/one'],
    ];
    const summary = async () => (await eventsOf(id)).map((e) => [e.event_name, e.path]);
    await expect.poll(summary, POLL).toHaveLength(expected.length);
    expect((await summary()).sort()).toEqual(expected.sort());
    const exits = (await eventsOf(id)).filter((e) => e.event_name === 'page_exit');
    expect(exits.map((e) => e.page_count).sort()).toEqual([1, 2, 3]);
    expect(new Set((await eventsOf(id)).map((e) => e.session_id)).size).toBe(1);
    await context.close();
  });

  it('gives an SPA view the title the router sets after changing the URL, and its exit too', async () => {
    const url = page('/spa', '<p>SPA</p>', { title: 'Home' });
    const { context, tab } = await visitor();
    await tab.goto(url);
    await viewed(tab);
    // The usual router order: URL first, then the new view renders and sets its title.
    await tab.evaluate(async () => {
      history.pushState({}, '', '/spa/pricing');
      document.title = 'Pricing';
      await new Promise((resolve) => setTimeout(resolve, 400));
      history.pushState({}, '', '/spa/about');
      await new Promise((resolve) => requestAnimationFrame(resolve));
      document.title = 'About';
    });
    await tab.waitForFunction(() => JSON.parse(sessionStorage.getItem('tidemark_session') ?? '{}').pages >= 3);
    const id = await anonymousId(tab);
    await tab.close({ runBeforeUnload: true });
    const titled = async () =>
      (
        await t.rows<{ event_name: string; path: string; title: string }>(
          sql`SELECT event_name, path, title FROM analytics.events WHERE client_id = ${site} AND anonymous_id = ${id ?? ''}
            ORDER BY time`,
        )
      ).map((e) => `${e.event_name} ${e.path} ${e.title}`);
    await expect.poll(async () => (await titled()).length, POLL).toBe(6);
    expect((await titled()).sort()).toEqual([
      'page_exit /spa Home',
      'page_exit /spa/about About',
      'page_exit /spa/pricing Pricing',
      'screen_view /spa Home',
      'screen_view /spa/about About',
      'screen_view /spa/pricing Pricing',
    ]);
    await context.close();
  });

  it('with hash navigation on (from window.tidemarkConfig) counts hash changes, and bfcache restores', async () => {
    const url = page('/docs', '<p>Docs</p>', { head: '<script>window.tidemarkConfig = { hash: true }</script>' });
    const { context, tab } = await visitor();
    await tab.goto(url);
    await viewed(tab);
    await tab.evaluate(() => {
      location.hash = '#install';
    });
    await tab.waitForFunction(() => JSON.parse(sessionStorage.getItem('tidemark_session') ?? '{}').pages >= 2);
    // Chromium under automation keeps no back-forward cache, so the restore is simulated.
    await tab.evaluate(() => dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    const id = await anonymousId(tab);
    const views = async () => (await eventsOf(id)).filter((e) => e.event_name === 'screen_view').length;
    await expect.poll(views, POLL).toBe(3);
    // The hash route is the page: ingest keeps it in the path.
    const paths = (await eventsOf(id)).filter((e) => e.event_name === 'screen_view').map((e) => e.path);
    expect(paths).toEqual(['/docs', '/docs#install', '/docs#install']);
    await context.close();
  });

  it('sends engagement when the tab is hidden: visible time, scroll depth, interactions', async () => {
    const url = page('/article', '<article style="height: 2880px">Long read</article><button>Like</button>');
    const { context, tab } = await visitor();
    await tab.goto(url);
    await viewed(tab);
    await tab.mouse.wheel(0, 1440); // to 2160 of 2880 px: 75 %
    await tab.click('body');
    await tab.keyboard.press('ArrowDown');
    await tab.waitForTimeout(1200);
    await hideTab(tab);
    const id = await anonymousId(tab);
    const exit = async () => (await eventsOf(id)).find((e) => e.event_name === 'page_exit');
    await expect.poll(exit, POLL).toBeDefined();
    const row = (await exit()) as EventRow;
    expect(row.time_on_page).toBeGreaterThanOrEqual(1.2);
    expect(row.time_on_page).toBeLessThan(30);
    expect(row.scroll_depth).toBeGreaterThanOrEqual(75);
    expect(row.interaction_count).toBeGreaterThanOrEqual(2);
    expect(row.page_count).toBe(1);
    await context.close();
  });

  it('sends engagement when the tab is closed', async () => {
    const url = page('/closing', '<p>Bye</p>');
    const { context, tab } = await visitor();
    await tab.goto(url);
    await viewed(tab);
    const id = await anonymousId(tab);
    await tab.close({ runBeforeUnload: true });
    await expect
      .poll(async () => (await eventsOf(id)).map((e) => e.event_name).sort(), POLL)
      .toEqual(['page_exit', 'screen_view']);
    await context.close();
  });

  it('reports web vitals when final and each thrown error once', async () => {
    const url = page(
      '/vitals',
      `<h1>Vitals</h1><p>Some text to paint.</p>
      <button id="boom" onclick="const end = performance.now() + 80; while (performance.now() < end); throw new TypeError('boom')">Boom</button>
      <button id="reject" onclick="Promise.reject(new RangeError('nope'))">Reject</button>`,
    );
    const { context, tab, errors } = await visitor();
    await tab.goto(url);
    await tab.waitForFunction(() => 'tidemarkVitals' in window);
    await tab.click('#boom');
    await tab.click('#boom');
    await tab.click('#reject');
    await tab.waitForTimeout(1500); // the FPS sample takes a second
    const id = await anonymousId(tab);
    await tab.goto('about:blank'); // leaving the page finalises LCP, CLS and INP
    expect(errors.map((e) => e.message)).toEqual(['boom', 'boom', 'nope']);

    const vitals = () =>
      t.rows<{ metric_name: string; metric_value: number }>(
        sql`SELECT metric_name, metric_value FROM analytics.web_vitals
          WHERE client_id = ${site} AND anonymous_id = ${id ?? ''} ORDER BY metric_name`,
      );
    await expect
      .poll(async () => (await vitals()).map((v) => v.metric_name), POLL)
      .toEqual(['CLS', 'FCP', 'FPS', 'INP', 'LCP', 'TTFB']);
    const value = Object.fromEntries((await vitals()).map((v) => [v.metric_name, v.metric_value]));
    expect(value.CLS).toBe(0);
    expect(value.FCP).toBeGreaterThan(0);
    expect(value.LCP).toBeGreaterThanOrEqual(value.FCP as number);
    expect(value.INP).toBeGreaterThanOrEqual(80);
    expect(value.FPS).toBeGreaterThan(0);

    const stored = await t.rows<{ message: string; error_type: string; path: string; stack: string }>(
      sql`SELECT message, error_type, path, stack FROM analytics.error_spans
        WHERE client_id = ${site} AND anonymous_id = ${id ?? ''} ORDER BY message`,
    );
    expect(stored.map(({ message, error_type, path }) => ({ message, error_type, path }))).toEqual([
      { message: 'Uncaught TypeError: boom', error_type: 'TypeError', path: '/vitals' },
      { message: 'nope', error_type: 'RangeError', path: '/vitals' },
    ]);
    expect(stored[0]?.stack).toContain('TypeError: boom');
    await context.close();
  });

  it('records outgoing links, same-site downloads and custom events from track() and data-track', async () => {
    const url = page(
      '/shop',
      `<a id="out" href="${elsewhere}/docs">Source  code</a>
      <a id="in" href="/shop/cart">Cart</a>
      <a id="file" href="/files/Report.PDF" download>Report</a>
      <button data-track="signup" data-track-plan="pro">Sign up</button>`,
      // Calls made before the tracker loads are queued by this stub and replayed.
      {
        head: `<script>window.tidemark={track:function(){(tidemark.q=tidemark.q||[]).push([].slice.call(arguments))}};tidemark.track('early')</script>`,
      },
    );
    const { context, tab } = await visitor();
    await tab.goto(url);
    await tab.waitForFunction(() => !('q' in ((window as { tidemark?: object }).tidemark ?? { q: 1 })));
    const id = await anonymousId(tab);
    await tab.evaluate(() =>
      (window as unknown as { tidemark: { track: (n: string, p: object) => void } }).tidemark.track('purchase', {
        value: 42,
        currency: 'EUR',
      }),
    );
    await tab.click('button');
    await tab.click('#file');
    await tab.click('#out');
    await tab.waitForURL(`${elsewhere}/docs`);

    const custom = async () =>
      (await eventsOf(id))
        .filter((e) => e.event_name !== 'screen_view' && e.event_name !== 'page_exit')
        .map((e) => [e.event_name, JSON.parse(e.properties)])
        .sort();
    await expect.poll(custom, POLL).toHaveLength(5);
    expect(await custom()).toEqual(
      [
        ['early', {}],
        ['file_download', { href: new URL('/files/Report.PDF', url).href }],
        ['purchase', { value: 42, currency: 'EUR' }],
        ['signup', { plan: 'pro' }],
        ['outgoing_link', { href: `${elsewhere}/docs`, text: 'Source  code' }],
      ].sort(),
    );
    await context.close();
  });

  it('works as a module in a site’s own bundle: init() and track()', async () => {
    const bundled = await build({
      stdin: {
        contents: `import { init, track } from './index.ts';
          init({ clientId: ${JSON.stringify(site)}, host: ${JSON.stringify(t.url)}, allowBots: true, vitals: false });
          document.querySelector('button').onclick = () => track('bundled', { ok: true });`,
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      write: false,
    });
    pages.set(
      '/bundled',
      `<!doctype html><title>Bundled</title><button>Go</button><script type="module">${bundled.outputFiles[0]?.text}</script>`,
    );
    const { context, tab } = await visitor();
    await tab.goto(`${origin}/bundled`);
    await viewed(tab);
    await tab.click('button');
    const id = await anonymousId(tab);
    await tab.close({ runBeforeUnload: true });
    await expect
      .poll(async () => (await eventsOf(id)).map((e) => [e.event_name, e.path, e.properties]).sort(), POLL)
      .toEqual([
        ['bundled', '/bundled', '{"ok":true}'],
        ['page_exit', '/bundled', '{}'],
        ['screen_view', '/bundled', '{}'],
      ]);
    await context.close();
  });

  it('from a headless browser with data-allow-bots, is stored only for websites that allow bots', async () => {
    // localhost: a website with default settings (no allowBots); its page declares the bot all the same.
    const strict = await t.prisma.website.create({ data: { domain: 'localhost', organizationId: t.organizationId } });
    const url = page('/strict', '<p>Strict</p>', {
      clientId: strict.id,
      attributes: 'data-allow-bots data-vitals="false"',
    }).replace(origin, elsewhere);
    const dropped = async () =>
      Number(
        /tidemark_ingest_dropped_total\{step="bot",reason="bot"\} (\d+)/.exec(
          await (await fetch(`${t.url}/metrics`)).text(),
        )?.[1] ?? 0,
      );
    const before = await dropped();
    const { context, tab } = await visitor();
    await tab.goto(url);
    await viewed(tab);
    expect(await tab.evaluate(() => navigator.userAgent)).toContain('HeadlessChrome');
    await tab.close({ runBeforeUnload: true });
    // Sent (the tracker ran) and dropped as a bot by ingest: the view and its exit.
    await expect.poll(dropped, POLL).toBe(before + 2);
    expect(await t.rows(sql`SELECT count() AS n FROM analytics.events WHERE client_id = ${strict.id}`)).toEqual([
      { n: 0 },
    ]);
    await context.close();
  });

  describe('sends nothing', () => {
    it.each([
      ['when the site-level opt-out flag is set', 'data-allow-bots', "localStorage.setItem('tidemark_optout', '1')"],
      [
        'for Global Privacy Control with data-respect-dnt',
        'data-allow-bots data-respect-dnt',
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true })",
      ],
      [
        'for Do-Not-Track with data-respect-dnt',
        'data-allow-bots data-respect-dnt',
        "Object.defineProperty(Navigator.prototype, 'doNotTrack', { get: () => '1' })",
      ],
      ['from an automated browser without data-allow-bots', '', ''],
      ['for visitors outside the sample', 'data-allow-bots data-sample-rate="0"', ''],
    ])('%s', async (_, attributes, setup) => {
      const collector = await sink(200);
      const url = page(`/quiet-${collector.url.split(':')[2]}`, `<a href="${elsewhere}/">out</a>`, {
        attributes: `${attributes} data-host="${collector.url}"`,
      });
      const { context, tab } = await visitor();
      if (setup) await context.addInitScript(setup);
      await tab.goto(url);
      await tab.waitForFunction(() => 'tidemark' in window);
      await tab.evaluate(() => (window as unknown as { tidemark: { track: (n: string) => void } }).tidemark.track('x'));
      await tab.click('a');
      await tab.waitForURL(`${elsewhere}/`);
      await tab.waitForTimeout(2500);
      expect(collector.batches).toEqual([]);
      await context.close();
    });

    it('…while the same page without them does send (control)', async () => {
      const collector = await sink(200);
      const url = page('/quiet-control', '<p>hi</p>', { attributes: `data-allow-bots data-host="${collector.url}"` });
      const { context, tab } = await visitor();
      await tab.goto(url);
      await tab.close({ runBeforeUnload: true });
      await expect.poll(() => collector.batches.length, POLL).toBeGreaterThan(0);
      await context.close();
    });
  });

  it('keeps the page working when ingest fails, retrying with the same event ids', async () => {
    const failing = await sink(503);
    const url = page(
      '/broken-ingest',
      `<button onclick="this.textContent = Number(this.textContent) + 1">0</button>
      <script>addEventListener('DOMContentLoaded', () => { history.pushState({}, '', '/broken-ingest/next'); window.appRan = true })</script>`,
      { attributes: `data-allow-bots data-host="${failing.url}"` },
    );
    const { context, tab, errors } = await visitor();
    await tab.goto(url);
    await tab.click('button');
    await tab.click('button');
    expect(await tab.textContent('button')).toBe('2');
    expect(await tab.evaluate(() => (window as { appRan?: boolean }).appRan)).toBe(true);
    await expect.poll(() => failing.batches.length, POLL).toBeGreaterThanOrEqual(2);
    const [first, retry] = failing.batches;
    expect(retry?.events.map((e) => e.eventId)).toEqual(first?.events.map((e) => e.eventId));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('stores events sent through a transient failure exactly once', async () => {
    let refusals = 1;
    const seen: string[] = [];
    const flaky = await serve(async (req, res) => {
      const body = await readBody(req);
      if (req.method === 'POST') {
        seen.push(...JSON.parse(body).events.map((e: { eventId: string }) => e.eventId));
        if (refusals-- > 0) return void res.writeHead(503, { 'access-control-allow-origin': '*' }).end();
      }
      const upstream = await fetch(`${t.url}${req.url}`, {
        method: req.method,
        headers: { origin: req.headers.origin ?? '', 'user-agent': req.headers['user-agent'] ?? '' },
        body: req.method === 'POST' ? body : undefined,
      });
      res
        .writeHead(upstream.status, {
          'content-type': upstream.headers.get('content-type') ?? 'text/plain',
          'access-control-allow-origin': req.headers.origin ?? '*',
        })
        .end(Buffer.from(await upstream.arrayBuffer()));
    });
    const url = page('/flaky', '<p>flaky</p>', {
      attributes: `data-allow-bots data-vitals="false" data-host="${flaky}"`,
    });
    const { context, tab } = await visitor();
    await tab.goto(url);
    const id = await anonymousId(tab);
    await expect.poll(() => seen.length, POLL).toBe(2);
    expect(seen[1]).toBe(seen[0]);
    await expect.poll(async () => (await eventsOf(id)).map((e) => e.event_name), POLL).toEqual(['screen_view']);
    await context.close();
  });
});

describe('GET /tracker.js', () => {
  it('serves the build as cacheable, gzipped JavaScript that any site may load', async () => {
    const response = await fetch(`${t.url}/tracker.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400, must-revalidate');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.text()).toContain('v1/batch');
    const etag = response.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const revalidated = await fetch(`${t.url}/tracker.js`, { headers: { 'if-none-match': etag } });
    expect(revalidated.status).toBe(304);
    for (const name of ['tracker.core.js', 'tracker-vitals.js']) {
      expect((await fetch(`${t.url}/${name}`)).status, name).toBe(200);
    }
  });
});
