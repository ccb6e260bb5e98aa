// tracker-vitals.js, loaded lazily by tracker.js, which hands it the current page view and the
// reporter. Measures the Core Web Vitals by the rules of Google's web-vitals library (at a
// third of its size; tracker/vitals-parity.test.ts holds it to them), per page view: the first
// view gets TTFB and FCP at once and LCP at the first trusted input or hide; each view (the
// first, an SPA route, a back-forward-cache restore) gets CLS and INP at every hide and when
// it ends, again whenever they changed: a later report replaces the earlier one downstream.
// Plus one FPS sample.
import type { VitalMetric, VitalsView, VitalsWindow } from './types.ts';

/** Frames counted over this long give the FPS sample. */
const FPS_SAMPLE_MS = 1000;

type Entry = PerformanceEntry & { value?: number; hadRecentInput?: boolean; interactionId?: number };

/** Entries not yet handed to the observers' callbacks are handed over by these (at a hide or a new view). */
const pending: (() => void)[] = [];
const take = () => {
  for (const flush of pending) flush();
};

/** Observes buffered entries of a type the browser may not support. */
const observe = (type: string, callback: (entry: Entry) => void, options?: object) => {
  try {
    const observer = new PerformanceObserver((list) => list.getEntries().forEach(callback));
    observer.observe({ type, buffered: true, ...options });
    pending.push(() => observer.takeRecords().forEach(callback));
  } catch {}
};

(window as VitalsWindow).tidemarkVitals = (first, report) => {
  const perf = performance as Performance & { interactionCount?: number };
  const nav = perf.getEntriesByType('navigation')[0] as
    | (PerformanceNavigationTiming & { activationStart?: number })
    | undefined;
  const activation = nav?.activationStart ?? 0;
  const sinceActivation = (time: number) => Math.max(0, time - activation);

  // Paints after the page was first hidden (a background tab) say nothing about the experience.
  let hiddenAt =
    perf.getEntriesByType('visibility-state').find((e) => e.name === 'hidden' && e.startTime >= activation)
      ?.startTime ?? (document.hidden ? 0 : Number.POSITIVE_INFINITY);

  // Interactions so far: the browser's count, or estimated from interaction ids (7 apart in Chromium).
  let minId = Number.POSITIVE_INFINITY;
  let maxId = 0;
  const interactionCount = () => perf.interactionCount ?? (maxId && (maxId - minId) / 7 + 1);
  if (!('interactionCount' in perf))
    observe(
      'event',
      (e) => {
        if (e.interactionId) {
          minId = Math.min(minId, e.interactionId);
          maxId = Math.max(maxId, e.interactionId);
        }
      },
      { durationThreshold: 0 },
    );

  // The page view measured, and what was last reported for it.
  let view: VitalsView;
  let sent: Partial<Record<VitalMetric, number>>;
  let hard = true;
  let fcp = false; // CLS is reported only for a page that painted (as web-vitals and CrUX do)
  let cls: number;
  let current: number;
  let windowStart: number;
  let previous: number;
  let interactions: Map<number, number>;
  let countBefore: number;
  let lcp: number | undefined;
  let lcpFinal = false;

  const put = (metric: VitalMetric, value: number | undefined) => {
    if (value === undefined || sent[metric] === value) return;
    sent[metric] = value;
    report(metric, value, view);
  };

  const begin = (next: VitalsView) => {
    view = next;
    sent = {};
    cls = current = 0;
    interactions = new Map();
    countBefore = interactionCount();
  };
  begin(first);

  if (nav && nav.responseStart > 0) put('TTFB', sinceActivation(nav.responseStart));
  observe('paint', (e) => {
    if (e.name === 'first-contentful-paint' && e.startTime < hiddenAt) {
      fcp = true;
      put('FCP', sinceActivation(e.startTime));
    }
  });

  observe('largest-contentful-paint', (e) => {
    if (e.startTime < hiddenAt) lcp = sinceActivation(e.startTime);
  });
  const finalLcp = () => {
    if (lcpFinal) return;
    lcpFinal = true;
    take();
    put('LCP', lcp);
  };
  // A visitor's input ends LCP; a page's own scripted clicks do not.
  for (const type of ['keydown', 'click'])
    addEventListener(type, (event) => event.isTrusted && finalLcp(), { capture: true });

  // CLS: the largest session window of shifts not caused by input. A window starts with a shift
  // when none is open, and holds the shifts less than 1 s apart within 5 s of its first.
  observe('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    const value = e.value ?? 0;
    if (current && e.startTime - previous < 1000 && e.startTime - windowStart < 5000) current += value;
    else {
      current = value;
      windowStart = e.startTime;
    }
    previous = e.startTime;
    cls = Math.max(cls, current);
  });

  // INP: the longest interaction, ignoring one per 50 interactions of any length (≈ p98), among
  // the 10 longest; a view with interactions but none over 40 ms after a restore or route is 8 ms.
  const interaction = (e: Entry) => {
    if (e.interactionId)
      interactions.set(e.interactionId, Math.max(interactions.get(e.interactionId) ?? 0, e.duration));
  };
  observe('event', interaction, { durationThreshold: 40 });
  observe('first-input', interaction);
  const inp = () => {
    const count = interactionCount() - countBefore;
    const longest = [...interactions.values()].sort((a, b) => b - a);
    return longest.length
      ? longest[Math.min(longest.length - 1, 9, Math.floor(count / 50))]
      : count && !hard
        ? 8
        : undefined;
  };

  /** Reports what the view has so far: on every hide, and when the view ends. */
  const settle = () => {
    take();
    finalLcp();
    if (fcp) put('CLS', cls);
    put('INP', inp());
  };
  // Capture phase on window: runs before tracker.js flushes on the same events.
  addEventListener(
    'visibilitychange',
    (event) => {
      if (!document.hidden) return;
      hiddenAt = Math.min(hiddenAt, event.timeStamp);
      settle();
    },
    true,
  );
  addEventListener('pagehide', settle, true);
  // Restored from the back-forward cache: a page view of its own, not loaded but shown. tracker.js
  // counts it as a page view (which begins it here) in its own listener; the values follow.
  addEventListener('pageshow', (event) => {
    if (event.persisted)
      requestAnimationFrame(() => {
        put('TTFB', 0);
        requestAnimationFrame(() => {
          const shown = perf.now() - event.timeStamp;
          fcp = true;
          put('FCP', shown);
          put('LCP', shown);
        });
      });
  });

  let frames = 0;
  let start: number | undefined;
  const frame = (now: number) => {
    start ??= now;
    if (now - start >= FPS_SAMPLE_MS) return put('FPS', Math.round((frames * 1000) / (now - start)));
    frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  return (next) => {
    settle();
    hard = false;
    begin(next);
  };
};
