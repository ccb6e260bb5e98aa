import { randomUUID } from 'node:crypto';
import { toClickHouseDateTime } from '../clickhouse/sql.ts';
import { describeIssues, parseTrackerEvent, type TrackerEvent } from './contract.ts';
import type { RecentIds } from './dedupe.ts';
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
  fallbackVisitorId: () => string;
  receivedAtText: string;
}

/** One event on its way through the steps. */
interface Draft {
  event: TrackerEvent;
  time: string;
  geo?: Geo;
  page?: PageFields;
  anonymousId?: string;
  sessionId?: string;
  /** Dedupe key this event claimed. */
  claimed?: string;
}

type Step = (draft: Draft, ctx: RequestContext, shared: Shared, deps: PipelineDeps) => DropReason | undefined;

/** Raw events older than this would vanish at insert (the tables' 1-year TTL), so they are clamped to it. */
const OLDEST_MS = 364 * 24 * 3_600_000;

/** Epoch ms from the client, clamped into [receipt - TTL, receipt]: never in the future, never expired. */
export function clampTime(sent: number | undefined, receivedAt: Date): Date {
  const now = receivedAt.getTime();
  return new Date(Math.min(now, Math.max(now - OLDEST_MS, sent ?? now)));
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
      const key = `${ctx.site.id}:${draft.event.eventId}`;
      if (!deps.recentIds.claim(key)) return 'duplicate';
      draft.claimed = key;
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
    (draft, _, shared) => {
      // The raw IP stops here: rows carry only the salted, daily-rotating hash.
      draft.anonymousId = draft.event.anonymousId || shared.fallbackVisitorId();
      draft.sessionId = draft.event.sessionId || draft.anonymousId;
      return undefined;
    },
  ],
];

/** Sets `row[key]` unless the value is missing: ClickHouse fills absent columns with NULL or their default. */
function put(row: Row, key: string, value: unknown): void {
  if (value !== undefined && value !== null) row[key] = value;
}

const TIMING = [
  ['loadTime', 'load_time'],
  ['domReadyTime', 'dom_ready_time'],
  ['domInteractive', 'dom_interactive'],
  ['ttfb', 'ttfb'],
  ['connectionTime', 'connection_time'],
  ['requestTime', 'request_time'],
  ['renderTime', 'render_time'],
  ['redirectTime', 'redirect_time'],
  ['domainLookupTime', 'domain_lookup_time'],
] as const;

/** The ClickHouse row for an event (the `write` step). */
function toRow(draft: Draft, ctx: RequestContext, shared: Shared): { table: Table; row: Row } {
  const { event, geo, page } = draft as Required<Draft>;
  const device = shared.device as Device;
  if (event.type === 'vital' || event.type === 'error') {
    const row: Row = {
      client_id: ctx.site.id,
      anonymous_id: draft.anonymousId,
      session_id: draft.sessionId,
      timestamp: draft.time,
      path: page.path,
      device_type: device.deviceType,
    };
    put(row, 'browser_name', device.browserName);
    put(row, 'os_name', device.osName);
    put(row, 'country', geo.country);
    if (event.type === 'vital') {
      row.metric_name = event.metric;
      row.metric_value = event.value;
      return { table: 'analytics.web_vitals_spans', row };
    }
    row.message = event.message;
    row.error_type = event.errorType || 'Error';
    put(row, 'filename', event.filename);
    put(row, 'lineno', event.lineno);
    put(row, 'colno', event.colno);
    put(row, 'stack', event.stack);
    return { table: 'analytics.error_spans', row };
  }

  const row: Row = {
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
    user_agent: ctx.userAgent.slice(0, 512),
    device_type: device.deviceType,
  };
  if (event.sessionStartTime)
    row.session_start_time = toClickHouseDateTime(clampTime(event.sessionStartTime, ctx.receivedAt));
  put(row, 'referrer', page.referrer);
  put(row, 'title', event.title);
  put(row, 'browser_name', device.browserName);
  put(row, 'browser_version', device.browserVersion);
  put(row, 'os_name', device.osName);
  put(row, 'os_version', device.osVersion);
  put(row, 'device_brand', device.deviceBrand);
  put(row, 'device_model', device.deviceModel);
  put(row, 'country', geo.country);
  put(row, 'region', geo.region);
  put(row, 'city', geo.city);
  put(row, 'screen_resolution', event.screenResolution);
  put(row, 'viewport_size', event.viewportSize);
  put(row, 'language', event.language);
  put(row, 'timezone', event.timezone);
  put(row, 'connection_type', event.connectionType);
  put(row, 'rtt', event.rtt);
  put(row, 'downlink', event.downlink);
  for (const [key, value] of Object.entries(page.utm)) put(row, key, value);
  if (event.type === 'screen_view') for (const [field, column] of TIMING) put(row, column, event[field]);
  if (event.type === 'page_exit') {
    put(row, 'time_on_page', event.timeOnPage);
    put(row, 'scroll_depth', event.scrollDepth);
    put(row, 'interaction_count', event.interactionCount);
    put(row, 'page_count', event.pageCount);
  }
  if (event.type === 'custom') row.properties = JSON.stringify(event.properties ?? {});
  if (event.type === 'outgoing_link') row.properties = JSON.stringify({ href: event.href, text: event.text ?? '' });
  return { table: 'analytics.events', row };
}

export interface PipelineResult {
  rows: { table: Table; row: Row }[];
  dropped: Partial<Record<DropReason, number>>;
  errors: { index: number; message: string }[];
  /** Dedupe keys claimed by this request: release them if the write fails, so a retry is accepted. */
  claimed: string[];
}

/** validate → STEPS → write, for each raw event of one request. */
export function runPipeline(rawEvents: unknown[], ctx: RequestContext, deps: PipelineDeps): PipelineResult {
  const result: PipelineResult = { rows: [], dropped: {}, errors: [], claimed: [] };
  const { site, ip, salt, userAgent, receivedAt } = ctx;
  let fallback: string | undefined;
  const shared: Shared = {
    device: userAgent ? deps.userAgents.parse(userAgent) : null,
    geo: deps.geo.lookup(ip),
    ipHash: hashIp(salt, site.id, ip),
    fallbackVisitorId: () => {
      fallback ??= dailyVisitorId(salt, site.id, ip, userAgent);
      return fallback;
    },
    receivedAtText: toClickHouseDateTime(receivedAt),
  };
  const drop = (reason: DropReason) => {
    result.dropped[reason] = (result.dropped[reason] ?? 0) + 1;
  };
  rawEvents.forEach((raw, index) => {
    const parsed = parseTrackerEvent(raw);
    if (!parsed.success) {
      drop('invalid');
      result.errors.push({ index, message: describeIssues(parsed.error) });
      return;
    }
    const sent = parsed.data.timestamp;
    const time = sent === undefined ? shared.receivedAtText : toClickHouseDateTime(clampTime(sent, receivedAt));
    const draft: Draft = { event: parsed.data, time };
    for (const [, step] of STEPS) {
      const reason = step(draft, ctx, shared, deps);
      if (reason) {
        drop(reason);
        return;
      }
    }
    if (draft.claimed) result.claimed.push(draft.claimed);
    result.rows.push(toRow(draft, ctx, shared));
  });
  return result;
}
