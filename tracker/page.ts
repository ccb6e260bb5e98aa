import { session } from './identity.ts';
import { on } from './listen.ts';
import type { Options, Send } from './types.ts';

/** The page events describe; updated on each page view. */
export interface Page {
  url: string;
  path: string;
  title: string;
  referrer?: string;
}

/** [field, end, start] of Navigation Timing spans, in ms. */
const TIMING = [
  ['loadTime', 'loadEventEnd', 'startTime'],
  ['domReadyTime', 'domContentLoadedEventEnd', 'startTime'],
  ['domInteractive', 'domInteractive', 'startTime'],
  ['ttfb', 'responseStart', 'requestStart'],
  ['connectionTime', 'connectEnd', 'connectStart'],
  ['requestTime', 'responseEnd', 'requestStart'],
  ['renderTime', 'domComplete', 'domInteractive'],
  ['redirectTime', 'redirectEnd', 'redirectStart'],
  ['domainLookupTime', 'domainLookupEnd', 'domainLookupStart'],
] as const;

function timing() {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const spans: Record<string, number> = {};
  for (const [field, end, start] of TIMING) {
    const ms = nav && Math.round(nav[end] - nav[start]);
    // A zero end means the phase did not happen (yet); out-of-range values would void the event.
    if (nav?.[end] && ms !== undefined && ms >= 0 && ms < 3_600_000) spans[field] = ms;
  }
  return spans;
}

const scrollDepth = () =>
  Math.min(100, Math.round(((scrollY + innerHeight) / document.documentElement.scrollHeight) * 100)) || 0;

/**
 * Page views (the first once the page has loaded, so load timing is known), SPA navigation, and
 * engagement: one `page_exit` per page view, sent when the page is left or hidden; `flush` then
 * sends what is queued while the page can still send.
 */
export function pageViews(options: Options, page: Page, send: Send, flush: () => void) {
  let current: string | undefined;
  let views = 0;
  let live = false;
  let visibleMs = 0;
  let visibleSince = 0;
  let scroll = 0;
  let interactions = 0;

  const exit = () => {
    if (!live) return;
    live = false;
    if (visibleSince) visibleMs += Date.now() - visibleSince;
    visibleSince = 0;
    if (options.engagement !== false)
      send({
        type: 'page_exit',
        timeOnPage: Math.min(86_400, visibleMs / 1000),
        scrollDepth: scroll,
        interactionCount: Math.min(32_767, interactions),
        pageCount: Math.min(255, session().pages),
      });
  };

  const view = (force?: boolean) => {
    const path = location.pathname + (options.hash ? location.hash : '');
    if (path + location.search === current && !force) return;
    exit();
    current = path + location.search;
    const first = !views++;
    page.url = location.href;
    page.path = path;
    page.title = document.title;
    // How the visitor arrived, so for the first view only; ingest keeps only other sites' referrers.
    page.referrer = first ? document.referrer : undefined;
    live = true;
    visibleMs = interactions = 0;
    visibleSince = document.hidden ? 0 : Date.now();
    scroll = scrollDepth();
    send({
      type: 'screen_view',
      ...(typeof TIDEMARK_CORE === 'undefined' && first && options.performance !== false && timing()),
    });
  };
  const firstView = () => views || view();
  const leave = () => {
    firstView();
    exit();
    flush();
  };

  if (document.readyState === 'complete') view();
  else on('load', () => setTimeout(firstView));

  if (options.spa !== false) {
    // Routers often rewrite the URL while booting: navigation counts once the first view is sent.
    // Routers set the title after the URL: the view is read once navigation has settled (as
    // Umami does), so a redirect within that time makes one view (a later timer finds no change).
    // The new page view is read 300 ms after a history change, once the router has set its title
    // (a literal: a named constant costs the core bytes it does not have).
    const navigate = () => views && setTimeout(view, 300);
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      history[method] = function (this: History, ...args: Parameters<History['pushState']>) {
        original.apply(this, args);
        navigate();
      };
    }
    on('popstate', navigate);
    if (options.hash) on('hashchange', navigate);
  }
  // A page restored from the back-forward cache is seen again without loading.
  on('pageshow', (event: PageTransitionEvent) => event.persisted && view(true));

  if (options.engagement !== false) {
    on('scroll', () => {
      scroll = Math.max(scroll, scrollDepth());
    });
    on('pointerdown', () => interactions++);
    on('keydown', () => interactions++);
  }

  // On window in the bubble phase: after the vitals' capture listeners, so their reports leave too.
  on('visibilitychange', () => {
    if (document.hidden) leave();
    else visibleSince ||= Date.now();
  });
  on('pagehide', leave);
}
