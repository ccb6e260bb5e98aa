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
  /** The tracker declared a headless/automated browser tracked on purpose (`data-allow-bots`). */
  botDeclared?: boolean;
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
  /** Event ids this request claimed (dedupe), to release if it fails. */
  claimedIds: string[];
}

/** One event on its way through the steps. */
interface Draft {
  event: TrackerEvent;
  time: string;
  geo?: Geo;
  page?: PageFields;
  anonymousId?: string;
  sessionId?: string;
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
 * drops are counted by step and reason. (`validate` comes first and `write` last; see runPipeline.)
 */
export const STEPS: [name: string, step: Step][] = [
  ['privacy_opt_out', (_, ctx) => (ctx.site.respectDoNotTrack && ctx.optedOut ? 'opt_out' : undefined)],
  [
    'bot',
    // A bot is kept only when the page declared it (data-allow-bots) and the website allows bots.
    (_, ctx, shared) =>
      !shared.device
        ? 'no_user_agent'
        : shared.device.bot && !(ctx.botDeclared && ctx.site.allowBots)
          ? 'bot'
          : undefined,
  ],
  [
    'dedupe',
    (draft, ctx, shared, deps) => {
      if (!deps.recentIds.claim(ctx.site.id, draft.event.eventId)) return 'duplicate';
      shared.claimedIds.push(draft.event.eventId);
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
 * A row carries the columns that have a value; ClickHouse fills the others with NULL or their
 * default. Optional columns are set by name (`row.referrer = …`): through a computed key, as a
 * put(row, key, value) helper would, every store is a slow generic one; and a literal listing
 * every column (absent ones undefined) makes rows twice the size, which costs more than it saves.
 */

type SpanEvent = Extract<TrackerEvent, { type: 'vital' | 'error' }>;

/** The row for a vital or an error (the draft's event). */
function toSpanRow(draft: Draft, event: SpanEvent, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { geo, page } = draft as Required<Draft>;
  const device = shared.device as Device;
  const row: Row = {
    client_id: ctx.site.id,
    anonymous_id: draft.anonymousId,
    session_id: draft.sessionId,
    timestamp: draft.time,
    path: page.path,
    device_type: device.deviceType,
  };
  if (device.browserName !== null) row.browser_name = device.browserName;
  if (device.osName !== null) row.os_name = device.osName;
  if (geo.country !== null) row.country = geo.country;
  if (event.type === 'vital') {
    row.metric_name = event.metric;
    row.metric_value = event.value;
    // Reports of one page view and metric share it: the latest replaces the others (analytics.web_vitals).
    row.view_id = event.viewId || event.eventId;
    return { table: 'analytics.web_vitals', row };
  }
  row.message = event.message;
  row.error_type = event.errorType || 'Error';
  if (event.filename !== undefined) row.filename = event.filename;
  if (event.lineno !== undefined) row.lineno = event.lineno;
  if (event.colno !== undefined) row.colno = event.colno;
  if (event.stack !== undefined) row.stack = event.stack;
  return { table: 'analytics.error_spans', row };
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits (taken from randomUUID,
 * which keeps its variant bits). Events sort by time, so time-prefixed ids compress to about
 * half of random ones in analytics.events.
 */
export function uuidv7(ms: number): string {
  const random = randomUUID();
  const time = ms.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/** The analytics.events row for a page view, page exit, custom event or outgoing link. */
function toEventRow(draft: Draft, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { event, geo, page } = draft as Required<Draft>;
  const device = shared.device as Device;
  const row: Row = {
    id: uuidv7(ctx.receivedAt.getTime()),
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
  };
  if (event.sessionStartTime) row.session_start_time = clampedTimeText(event.sessionStartTime, ctx.receivedAt);
  if (page.referrer !== null) row.referrer = page.referrer;
  if (event.title !== undefined) row.title = event.title;
  if (device.browserName !== null) row.browser_name = device.browserName;
  if (device.browserVersion !== null) row.browser_version = device.browserVersion;
  if (device.osName !== null) row.os_name = device.osName;
  if (device.osVersion !== null) row.os_version = device.osVersion;
  if (device.deviceBrand !== null) row.device_brand = device.deviceBrand;
  if (device.deviceModel !== null) row.device_model = device.deviceModel;
  if (geo.country !== null) row.country = geo.country;
  if (geo.region !== null) row.region = geo.region;
  if (geo.city !== null) row.city = geo.city;
  if (event.screenResolution !== undefined) row.screen_resolution = event.screenResolution;
  if (event.viewportSize !== undefined) row.viewport_size = event.viewportSize;
  if (event.language !== undefined) row.language = event.language;
  if (event.timezone !== undefined) row.timezone = event.timezone;
  if (event.connectionType !== undefined) row.connection_type = event.connectionType;
  if (event.rtt !== undefined) row.rtt = event.rtt;
  if (event.downlink !== undefined) row.downlink = event.downlink;
  const { utm } = page;
  if (utm.utm_source !== null) row.utm_source = utm.utm_source;
  if (utm.utm_medium !== null) row.utm_medium = utm.utm_medium;
  if (utm.utm_campaign !== null) row.utm_campaign = utm.utm_campaign;
  if (utm.utm_term !== null) row.utm_term = utm.utm_term;
  if (utm.utm_content !== null) row.utm_content = utm.utm_content;
  if (event.type === 'screen_view') {
    if (event.loadTime !== undefined) row.load_time = event.loadTime;
    if (event.domReadyTime !== undefined) row.dom_ready_time = event.domReadyTime;
    if (event.domInteractive !== undefined) row.dom_interactive = event.domInteractive;
    if (event.ttfb !== undefined) row.ttfb = event.ttfb;
    if (event.connectionTime !== undefined) row.connection_time = event.connectionTime;
    if (event.requestTime !== undefined) row.request_time = event.requestTime;
    if (event.renderTime !== undefined) row.render_time = event.renderTime;
    if (event.redirectTime !== undefined) row.redirect_time = event.redirectTime;
    if (event.domainLookupTime !== undefined) row.domain_lookup_time = event.domainLookupTime;
  }
  if (event.type === 'page_exit') {
    if (event.timeOnPage !== undefined) row.time_on_page = event.timeOnPage;
    if (event.scrollDepth !== undefined) row.scroll_depth = event.scrollDepth;
    if (event.interactionCount !== undefined) row.interaction_count = event.interactionCount;
    if (event.pageCount !== undefined) row.page_count = event.pageCount;
  }
  if (event.type === 'custom') row.properties = JSON.stringify(event.properties ?? {});
  if (event.type === 'outgoing_link') row.properties = JSON.stringify({ href: event.href, text: event.text ?? '' });
  return { table: 'analytics.events', row };
}

/** The ClickHouse row for an event (the `write` step). */
function toRow(draft: Draft, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { event } = draft;
  return event.type === 'vital' || event.type === 'error'
    ? toSpanRow(draft, event, ctx, shared)
    : toEventRow(draft, ctx, shared);
}

export interface PipelineResult {
  rows: { table: Table; row: Row }[];
  dropped: Partial<Record<DropReason, number>>;
  /** The same drops by the step that made them (`validate`, a name of STEPS), for the metrics. */
  droppedBy: { step: string; reason: DropReason; count: number }[];
  errors: { index: number; message: string }[];
  /** Event ids claimed by this request: released if the write fails, so a retry is accepted. */
  claimed: Claims;
}

/** Counts a dropped event by reason, and by step and reason. */
function drop(result: PipelineResult, step: string, reason: DropReason): void {
  result.dropped[reason] = (result.dropped[reason] ?? 0) + 1;
  const same = result.droppedBy.find((d) => d.step === step && d.reason === reason);
  if (same) same.count++;
  else result.droppedBy.push({ step, reason, count: 1 });
}

/** validate → STEPS → write, for each raw event of one request. */
export function runPipeline(rawEvents: unknown[], ctx: RequestContext, deps: PipelineDeps): PipelineResult {
  const result: PipelineResult = {
    rows: [],
    dropped: {},
    droppedBy: [],
    errors: [],
    claimed: { scope: ctx.site.id, ids: [] },
  };
  const { site, ip, salt, userAgent, receivedAt } = ctx;
  const shared: Shared = {
    device: userAgent ? deps.userAgents.parse(userAgent) : null,
    geo: deps.geo.lookup(ip),
    ipHash: hashIp(salt, site.id, ip),
    fallbackVisitorId: undefined,
    receivedAtText: clampedTimeText(undefined, receivedAt),
    userAgentText: userAgent.slice(0, 512),
    claimedIds: result.claimed.ids,
  };
  try {
    for (let index = 0; index < rawEvents.length; index++) processEvent(rawEvents[index], index);
  } catch (error) {
    // Nothing of this request is stored: its claims go, or the client's retry would be dropped.
    for (const id of result.claimed.ids) deps.recentIds.release(result.claimed.scope, id);
    throw error;
  }
  return result;

  function processEvent(raw: unknown, index: number): void {
    const parsed = parseTrackerEvent(raw);
    if (!parsed.success) {
      drop(result, 'validate', 'invalid');
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
    };
    for (const [name, step] of STEPS) {
      const reason = step(draft, ctx, shared, deps);
      if (reason) {
        drop(result, name, reason);
        return;
      }
    }
    result.rows.push(toRow(draft, ctx, shared));
  }
}
