// tracker-vitals.js, loaded lazily by tracker.js, which hands it the reporter. Measures the
// Core Web Vitals as Google's web-vitals library defines them (at a third of its size) and
// reports each once it is final: FCP and TTFB at once, LCP at the first input or when the page
// is hidden, CLS and INP when the page is hidden. Plus one FPS sample.
import type { VitalMetric, VitalsWindow } from './types.ts';

/** Frames counted over this long give the FPS sample. */
const FPS_SAMPLE_MS = 1000;

type Entry = PerformanceEntry & { value?: number; hadRecentInput?: boolean; interactionId?: number };

/** Observes buffered entries of a type the browser may not support. */
const observe = (type: string, callback: (entry: Entry) => void, options?: object) => {
  try {
    new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({
      type,
      buffered: true,
      ...options,
    });
  } catch {}
};

(window as VitalsWindow).tidemarkVitals = (report) => {
  const sent = new Set<VitalMetric>();
  const once = (metric: VitalMetric, value: number | undefined) => {
    if (value === undefined || sent.has(metric)) return;
    sent.add(metric);
    report(metric, value);
  };
  const nav = performance.getEntriesByType('navigation')[0] as
    | (PerformanceNavigationTiming & { activationStart?: number })
    | undefined;
  const activation = nav?.activationStart ?? 0;
  const sinceActivation = (time: number) => Math.max(0, time - activation);

  // Paints after the page was first hidden (a background tab) say nothing about the experience.
  let hiddenAt = document.hidden ? 0 : Number.POSITIVE_INFINITY;
  const visible = (e: Entry) => e.startTime < hiddenAt;

  if (nav) once('TTFB', sinceActivation(nav.responseStart));
  observe(
    'paint',
    (e) => e.name === 'first-contentful-paint' && visible(e) && once('FCP', sinceActivation(e.startTime)),
  );

  let lcp: number | undefined;
  observe('largest-contentful-paint', (e) => {
    if (visible(e)) lcp = sinceActivation(e.startTime);
  });
  const finalLcp = () => once('LCP', lcp);

  // CLS: the largest session window of shifts (gaps under 1 s, at most 5 s long) not caused by input.
  let cls = 0;
  let current = 0;
  let windowStart = 0;
  let previous = 0;
  observe('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    if (e.startTime - previous < 1000 && e.startTime - windowStart < 5000) current += e.value ?? 0;
    else {
      current = e.value ?? 0;
      windowStart = e.startTime;
    }
    previous = e.startTime;
    cls = Math.max(cls, current);
  });

  // INP: the longest interaction, ignoring one outlier per 50 interactions (≈ p98).
  const interactions = new Map<number, number>();
  const interaction = (e: Entry) => {
    if (e.interactionId)
      interactions.set(e.interactionId, Math.max(interactions.get(e.interactionId) ?? 0, e.duration));
  };
  observe('event', interaction, { durationThreshold: 40 });
  observe('first-input', interaction);

  for (const type of ['keydown', 'pointerdown']) addEventListener(type, finalLcp, { once: true, capture: true });
  const final = () => {
    finalLcp();
    once('CLS', cls);
    const longest = [...interactions.values()].sort((a, b) => b - a);
    once('INP', longest[Math.min(longest.length - 1, Math.floor(longest.length / 50))]);
  };
  // Capture phase on window: runs before tracker.js flushes on the same events.
  addEventListener(
    'visibilitychange',
    () => {
      if (!document.hidden) return;
      hiddenAt = Math.min(hiddenAt, performance.now());
      final();
    },
    true,
  );
  addEventListener('pagehide', final, true);

  let frames = 0;
  let start: number | undefined;
  const frame = (now: number) => {
    start ??= now;
    if (now - start >= FPS_SAMPLE_MS) return once('FPS', Math.round((frames * 1000) / (now - start)));
    frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
};
