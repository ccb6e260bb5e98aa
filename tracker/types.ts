import type { z } from 'zod';
import type { trackerEvent, VITAL_METRICS } from '../ingest/contract.ts';

declare global {
  /**
   * Defined by the build to make the core alone (tracker.core.js: no errors, page timing or
   * vitals); checked with `typeof`, so the sources work without it (bundlers importing index.ts).
   */
  const TIDEMARK_CORE: boolean;
}

/** An event as ingest's contract (`POST /v1/batch`) accepts it: the tracker cannot drift from it. */
export type TrackerEvent = z.input<typeof trackerEvent>;

/** An event before the page and session context is added. */
export type EventFields = {
  [T in TrackerEvent['type']]: Omit<Extract<TrackerEvent, { type: T }>, 'eventId'>;
}[TrackerEvent['type']];

export type Send = (event: EventFields) => void;

export type VitalMetric = (typeof VITAL_METRICS)[number];

/** A page view as vitals are filed under it: its screen_view's event id and its page as sent then. */
export interface VitalsView {
  id: string;
  page: { url: string; path: string; title: string };
}

/**
 * tracker-vitals.js registers itself here; tracker.js calls it once it has loaded with the current
 * page view and the reporter, and calls what it returns with each later page view (SPA route,
 * back-forward-cache restore).
 */
export type VitalsWindow = Window & {
  tidemarkVitals?: (
    view: VitalsView,
    report: (metric: VitalMetric, value: number, view: VitalsView) => void,
  ) => (view: VitalsView) => void;
};

/** Tracker options: `init()` arguments, `window.tidemarkConfig`, or the script tag's `data-*` attributes. */
export interface Options {
  /** The website's id (`data-client-id`). */
  clientId: string;
  /** Ingest origin without a trailing slash, e.g. `https://ingest.example.com`; the script tag defaults it to its own origin. */
  host: string;
  /** A page view on history navigation (pushState, replaceState, popstate). Default on. */
  spa?: boolean;
  /** Hash changes are navigation too. Default off. */
  hash?: boolean;
  /** `page_exit` with visible time, scroll depth, interactions, page count. Default on. */
  engagement?: boolean;
  /** Clicks on links to other hosts. Default on. */
  outgoingLinks?: boolean;
  /** `file_download` events for clicks on same-site links to files (tracker/downloads.ts; full build). Default on. */
  fileDownloads?: boolean;
  /** Custom events from clicks on `[data-track]` elements. Default on. */
  attributes?: boolean;
  /** Navigation Timing on the first page view. Default on. */
  performance?: boolean;
  /** Uncaught errors and unhandled rejections. Default on. */
  errors?: boolean;
  /** Web vitals and an FPS sample, from the lazily loaded `tracker-vitals.js`. Default on. */
  vitals?: boolean;
  /** Send nothing when the browser asks not to be tracked (DNT or GPC). Default off. */
  respectDnt?: boolean;
  /** Track headless and automated browsers too (tests). Default off. */
  allowBots?: boolean;
  /** Fraction of visitors tracked, 0–1, decided per visitor. Default 1. */
  sampleRate?: number | string;
}
