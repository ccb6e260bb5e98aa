import { clicks } from './clicks.ts';
import { errors } from './errors.ts';
import { anonymousId, attempt, session, uuid } from './identity.ts';
import { type Page, pageViews } from './page.ts';
import { transport } from './transport.ts';
import type { EventFields, Options, Send, VitalsView, VitalsWindow } from './types.ts';

export type { Options } from './types.ts';

let send: Send | undefined;
/** The latest page view, and tracker-vitals.js's hook for the next ones (full build only). */
let view: VitalsView | undefined;
let onView: ((view: VitalsView) => void) | undefined;

type Nav = Navigator & {
  globalPrivacyControl?: boolean;
  connection?: { effectiveType?: string; rtt?: number; downlink?: number };
};

/** Whether this visit must not be tracked; the site-level opt-out flag always wins. */
function excluded(options: Options, nav: Nav, automated: boolean): unknown {
  return (
    attempt(() => localStorage.tidemark_optout) === '1' ||
    (options.respectDnt && (nav.doNotTrack === '1' || nav.globalPrivacyControl)) ||
    (!options.allowBots && automated) ||
    // Per visitor, so a sampled visitor is tracked on every page.
    parseInt(anonymousId().slice(0, 8), 16) / 2 ** 32 >= +(options.sampleRate ?? 1)
  );
}

/** Starts tracking; later calls are ignored. Never throws. */
export function init(options: Options): void {
  try {
    // Headless or automated: tracked only with allowBots, and then declared so (ingest keeps such
    // events only for websites whose settings allow bots).
    const nav: Nav = navigator;
    const automated = nav.webdriver || /headless/i.test(nav.userAgent);
    if (send || !options.clientId || excluded(options, nav, automated)) return;
    const queue = transport(`${options.host}/v1/batch`, options.clientId, automated);
    const page: Page = { url: location.href, path: location.pathname, title: document.title };
    send = (event: EventFields) => {
      try {
        const s = session(event.type === 'screen_view');
        const connection = nav.connection;
        const eventId = uuid();
        queue.push({
          eventId,
          anonymousId: anonymousId(),
          sessionId: s.id,
          sessionStartTime: s.start,
          timestamp: Date.now(),
          ...page,
          screenResolution: `${screen.width}x${screen.height}`,
          viewportSize: `${innerWidth}x${innerHeight}`,
          language: nav.language,
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          connectionType: connection?.effectiveType,
          rtt: connection?.rtt,
          downlink: connection?.downlink,
          ...event,
        });
        if (typeof TIDEMARK_CORE === 'undefined' && event.type === 'screen_view') {
          const { url, path, title } = page;
          view = { id: eventId, page: { url, path, title } };
          onView?.(view);
        }
      } catch {}
    };

    if (typeof TIDEMARK_CORE === 'undefined' && options.errors !== false) errors(send);
    pageViews(options, page, send, () => queue.flush(true));
    clicks(options, send);
    if (typeof TIDEMARK_CORE === 'undefined' && options.vitals !== false) loadVitals(options.host, send);
  } catch {}
}

/** A custom event, e.g. `track('signup', { plan: 'pro' })`. Ignored before `init` or when not tracking. */
export function track(name: string, properties?: Record<string, unknown>): void {
  if (name) send?.({ type: 'custom', name, properties });
}

/**
 * Web vitals live in a separate file, loaded after the page view so the core stays small. Each
 * value is filed under the page view it was measured on (its id and page, not the page current
 * when it is sent), so a later report of the same view replaces the earlier one in storage.
 */
function loadVitals(host: string, send: Send) {
  const script = document.createElement('script');
  script.src = `${host}/tracker-vitals.js`;
  script.async = true;
  script.onload = () => {
    // Usually before the first page view (which waits for the load event): then it starts with it.
    const start = (first: VitalsView) => {
      onView = (window as VitalsWindow).tidemarkVitals?.(first, (metric, value, { id, page }) =>
        send({ type: 'vital', metric, value, viewId: id, ...page }),
      );
    };
    if (view) start(view);
    else onView = start;
  };
  document.head.appendChild(script);
}
