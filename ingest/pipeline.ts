import { randomUUID } from 'node:crypto';
import { toClickHouseDateTime } from '../clickhouse/sql.ts';
import { describeIssues, parseTrackerEvent, type TrackerEvent } from './contract.ts';
import type { Claims, RecentIds } from './dedupe.ts';
import type { Geo, GeoLookup } from './enrich/geo.ts';
import type { PageFields, PageParser } from './enrich/page.ts';
import { dailyVisitorId, hashIp } from './enrich/privacy.ts';
import type { Device, UserAgentParser } from './enrich/user-agent.ts';
import type { Site } from './websites.ts';
import type { Row, Table } from './writer.ts';

export type DropReason = 'invalid' | 'opt_out' | 'no_user_agent' | 'bot' | 'duplicate';

/** Everything known about the request that carried the events. */
export interface RequestContext {
  site: Site;
  ip: string;
  userAgent: string;
  /** DNT: 1 or Sec-GPC: 1 */
  optedOut: boolean;
  receivedAt: Date;
  salt: Buffer;
}

export interface PipelineDeps {
  userAgents: UserAgentParser;
  pages: PageParser;
  geo: GeoLookup;
  recentIds: Pick<RecentIds, 'claim' | 'release'>;
}

/**
 * What all events of a request share, worked out once per request rather than per event:
 * the parsed user agent, the location, and the salted hashes standing in for the IP.
 */
interface Shared {
  device: Device | null;
  geo: Geo;
  ipHash: string;
  /** Visitor id for events that bring none (the no-JavaScript pixel); computed on first use. */
  fallbackVisitorId?: string;
  receivedAtText: string;
  /** The user agent as stored: at most 512 characters. */
  userAgentText: string;
}

/** One event on its way through the steps. */
interface Draft {
  event: TrackerEvent;
  time: string;
  geo?: Geo;
  page?: PageFields;
  anonymousId?: string;
  sessionId?: string;
  /** Whether this event claimed its id (dedupe). */
  claimed: boolean;
}

type Step = (draft: Draft, ctx: RequestContext, shared: Shared, deps: PipelineDeps) => DropReason | undefined;

/** Raw events older than this would vanish at insert (the tables' 1-year TTL), so they are clamped to it. */
const OLDEST_MS = 364 * 24 * 3_600_000;

/** Epoch ms from the client, clamped into [receipt - TTL, receipt]: never in the future, never expired. */
export function clampTime(sent: number | undefined, receivedAt: Date): Date {
  const now = receivedAt.getTime();
  return new Date(Math.min(now, Math.max(now - OLDEST_MS, sent ?? now)));
}

const DAY_MS = 86_400_000;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
let formattedDay = { start: Number.NaN, text: '' };

/**
 * toClickHouseDateTime(clampTime(sent, receivedAt)), cheaper: Date#toISOString costs more than
 * the rest of an event's row, and the times of a batch fall on one day, so the day is formatted
 * once ("YYYY-MM-DD ") and the time of day is worked out from the milliseconds.
 */
function clampedTimeText(sent: number | undefined, receivedAt: Date): string {
  const ms = clampTime(sent, receivedAt).getTime();
  const dayStart = ms - (ms % DAY_MS);
  if (formattedDay.start !== dayStart) {
    formattedDay = { start: dayStart, text: toClickHouseDateTime(new Date(dayStart)).slice(0, 11) };
  }
  const t = ms - dayStart;
  const hours = pad(Math.floor(t / 3_600_000), 2);
  const minutes = pad(Math.floor(t / 60_000) % 60, 2);
  const seconds = pad(Math.floor(t / 1000) % 60, 2);
  return `${formattedDay.text}${hours}:${minutes}:${seconds}.${pad(t % 1000, 3)}`;
}

/**
 * The enrichment steps, in order, by name. Any step may drop an event with a typed reason;
 * drops are counted by reason. (`validate` comes first and `write` last; see runPipeline.)
 */
export const STEPS: [name: string, step: Step][] = [
  ['privacy_opt_out', (_, ctx) => (ctx.site.respectDoNotTrack && ctx.optedOut ? 'opt_out' : undefined)],
  ['bot', (_, __, shared) => (!shared.device ? 'no_user_agent' : shared.device.bot ? 'bot' : undefined)],
  [
    'dedupe',
    (draft, ctx, _, deps) => {
      if (!deps.recentIds.claim(ctx.site.id, draft.event.eventId)) return 'duplicate';
      draft.claimed = true;
      return undefined;
    },
  ],
  [
    'geo',
    (draft, _, shared) => {
      draft.geo = shared.geo;
      return undefined;
    },
  ],
  [
    'referrer_utm',
    (draft, _, __, deps) => {
      draft.page = deps.pages.parse(draft.event);
      return undefined;
    },
  ],
  [
    'privacy',
    (draft, ctx, shared) => {
      // The raw IP stops here: rows carry only the salted, daily-rotating hash.
      if (!draft.event.anonymousId) {
        shared.fallbackVisitorId ??= dailyVisitorId(ctx.salt, ctx.site.id, ctx.ip, ctx.userAgent);
      }
      draft.anonymousId = draft.event.anonymousId || shared.fallbackVisitorId;
      draft.sessionId = draft.event.sessionId || draft.anonymousId;
      return undefined;
    },
  ],
];

/*
 * Rows are built as one object literal per kind, every column in it, so all rows of a kind share
 * one hidden class (fast to build, read and JSON.stringify). A column without a value is
 * `undefined`: JSON.stringify leaves it out and ClickHouse fills in NULL or the column's default.
 */

/** `null` (unknown) as `undefined` (no value): the column is left out of the row. */
const orAbsent = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/** The row for a vital or an error. */
function toSpanRow(draft: Draft, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { event, geo, page } = draft as Required<Draft>;
  const device = shared.device as Device;
  const vital = event.type === 'vital' ? event : undefined;
  const error = event.type === 'error' ? event : undefined;
  const row = {
    client_id: ctx.site.id,
    anonymous_id: draft.anonymousId,
    session_id: draft.sessionId,
    timestamp: draft.time,
    path: page.path,
    device_type: device.deviceType,
    browser_name: orAbsent(device.browserName),
    os_name: orAbsent(device.osName),
    country: orAbsent(geo.country),
    metric_name: vital?.metric,
    metric_value: vital?.value,
    message: error?.message,
    error_type: error ? error.errorType || 'Error' : undefined,
    filename: error?.filename,
    lineno: error?.lineno,
    colno: error?.colno,
    stack: error?.stack,
  };
  return { table: vital ? 'analytics.web_vitals_spans' : 'analytics.error_spans', row };
}

/** The analytics.events row for a page view, page exit, custom event or outgoing link. */
function toEventRow(draft: Draft, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { event, geo, page } = draft as Required<Draft>;
  const device = shared.device as Device;
  const view = event.type === 'screen_view' ? event : undefined;
  const exit = event.type === 'page_exit' ? event : undefined;
  const row = {
    id: randomUUID(),
    client_id: ctx.site.id,
    event_name: event.type === 'custom' ? event.name : event.type,
    event_type: event.type === 'custom' || event.type === 'outgoing_link' ? event.type : 'track',
    event_id: event.eventId,
    anonymous_id: draft.anonymousId,
    session_id: draft.sessionId,
    time: draft.time,
    url: page.url,
    path: page.path,
    ip: shared.ipHash,
    user_agent: shared.userAgentText,
    device_type: device.deviceType,
    session_start_time: event.sessionStartTime ? clampedTimeText(event.sessionStartTime, ctx.receivedAt) : undefined,
    referrer: orAbsent(page.referrer),
    title: event.title,
    browser_name: orAbsent(device.browserName),
    browser_version: orAbsent(device.browserVersion),
    os_name: orAbsent(device.osName),
    os_version: orAbsent(device.osVersion),
    device_brand: orAbsent(device.deviceBrand),
    device_model: orAbsent(device.deviceModel),
    country: orAbsent(geo.country),
    region: orAbsent(geo.region),
    city: orAbsent(geo.city),
    screen_resolution: event.screenResolution,
    viewport_size: event.viewportSize,
    language: event.language,
    timezone: event.timezone,
    connection_type: event.connectionType,
    rtt: event.rtt,
    downlink: event.downlink,
    utm_source: orAbsent(page.utm.utm_source),
    utm_medium: orAbsent(page.utm.utm_medium),
    utm_campaign: orAbsent(page.utm.utm_campaign),
    utm_term: orAbsent(page.utm.utm_term),
    utm_content: orAbsent(page.utm.utm_content),
    load_time: view?.loadTime,
    dom_ready_time: view?.domReadyTime,
    dom_interactive: view?.domInteractive,
    ttfb: view?.ttfb,
    connection_time: view?.connectionTime,
    request_time: view?.requestTime,
    render_time: view?.renderTime,
    redirect_time: view?.redirectTime,
    domain_lookup_time: view?.domainLookupTime,
    time_on_page: exit?.timeOnPage,
    scroll_depth: exit?.scrollDepth,
    interaction_count: exit?.interactionCount,
    page_count: exit?.pageCount,
    properties:
      event.type === 'custom'
        ? JSON.stringify(event.properties ?? {})
        : event.type === 'outgoing_link'
          ? JSON.stringify({ href: event.href, text: event.text ?? '' })
          : undefined,
  };
  return { table: 'analytics.events', row };
}

/** The ClickHouse row for an event (the `write` step). */
function toRow(draft: Draft, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { type } = draft.event;
  return type === 'vital' || type === 'error' ? toSpanRow(draft, ctx, shared) : toEventRow(draft, ctx, shared);
}

export interface PipelineResult {
  rows: { table: Table; row: Row }[];
  dropped: Partial<Record<DropReason, number>>;
  errors: { index: number; message: string }[];
  /** Event ids claimed by this request: released if the write fails, so a retry is accepted. */
  claimed: Claims;
}

/** Counts a dropped event by reason. */
function drop(result: PipelineResult, reason: DropReason): void {
  result.dropped[reason] = (result.dropped[reason] ?? 0) + 1;
}

/** validate → STEPS → write, for each raw event of one request. */
export function runPipeline(rawEvents: unknown[], ctx: RequestContext, deps: PipelineDeps): PipelineResult {
  const result: PipelineResult = { rows: [], dropped: {}, errors: [], claimed: { scope: ctx.site.id, ids: [] } };
  const { site, ip, salt, userAgent, receivedAt } = ctx;
  const shared: Shared = {
    device: userAgent ? deps.userAgents.parse(userAgent) : null,
    geo: deps.geo.lookup(ip),
    ipHash: hashIp(salt, site.id, ip),
    fallbackVisitorId: undefined,
    receivedAtText: clampedTimeText(undefined, receivedAt),
    userAgentText: userAgent.slice(0, 512),
  };
  rawEvents.forEach((raw, index) => {
    const parsed = parseTrackerEvent(raw);
    if (!parsed.success) {
      drop(result, 'invalid');
      result.errors.push({ index, message: describeIssues(parsed.error) });
      return;
    }
    const sent = parsed.data.timestamp;
    const time = sent === undefined ? shared.receivedAtText : clampedTimeText(sent, receivedAt);
    // Every field up front: one allocation, and one shape for the steps to see.
    const draft: Draft = {
      event: parsed.data,
      time,
      geo: undefined,
      page: undefined,
      anonymousId: undefined,
      sessionId: undefined,
      claimed: false,
    };
    for (const [, step] of STEPS) {
      const reason = step(draft, ctx, shared, deps);
      if (reason) {
        drop(result, reason);
        return;
      }
    }
    if (draft.claimed) result.claimed.ids.push(draft.event.eventId);
    result.rows.push(toRow(draft, ctx, shared));
  });
  return result;
}
