import { randomUUID } from 'node:crypto';
import { toClickHouseDateTime } from '../clickhouse/sql.ts';
import { describeIssues, type TrackerEvent, trackerEvent } from './contract.ts';
import type { RecentIds } from './dedupe.ts';
import type { Geo, GeoLookup } from './enrich/geo.ts';
import { type PageFields, pageFields } from './enrich/page.ts';
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

/** One event on its way through the steps. */
interface Draft {
  event: TrackerEvent;
  time: Date;
  device?: Device;
  geo?: Geo;
  page?: PageFields;
  ipHash?: string;
  anonymousId?: string;
  sessionId?: string;
  /** Dedupe key this event claimed. */
  claimed?: string;
}

export interface PipelineDeps {
  userAgents: UserAgentParser;
  geo: GeoLookup;
  recentIds: RecentIds;
}

type Step = (draft: Draft, ctx: RequestContext, deps: PipelineDeps) => DropReason | undefined;

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
  [
    'bot',
    (draft, ctx, deps) => {
      if (!ctx.userAgent) return 'no_user_agent';
      draft.device = deps.userAgents.parse(ctx.userAgent);
      return draft.device.bot ? 'bot' : undefined;
    },
  ],
  [
    'dedupe',
    (draft, ctx, deps) => (deps.recentIds.claim(`${ctx.site.id}:${draft.event.eventId}`) ? undefined : 'duplicate'),
  ],
  [
    'geo',
    (draft, ctx, deps) => {
      draft.geo = deps.geo.lookup(ctx.ip);
      return undefined;
    },
  ],
  [
    'referrer_utm',
    (draft) => {
      draft.page = pageFields(draft.event);
      return undefined;
    },
  ],
  [
    'privacy',
    (draft, ctx) => {
      // The raw IP stops here: only a salted, daily-rotating hash goes on.
      draft.ipHash = hashIp(ctx.salt, ctx.site.id, ctx.ip);
      draft.anonymousId = draft.event.anonymousId || dailyVisitorId(ctx.salt, ctx.site.id, ctx.ip, ctx.userAgent);
      draft.sessionId = draft.event.sessionId || draft.anonymousId;
      return undefined;
    },
  ],
];

const str = (value: string | null | undefined) => value ?? null;
const ts = (date: Date) => toClickHouseDateTime(date);

/** The ClickHouse row for an event (the `write` step). */
function toRow(draft: Draft, ctx: RequestContext): { table: Table; row: Row } {
  const { event, device, geo, page } = draft as Required<Draft>;
  const common = {
    client_id: ctx.site.id,
    anonymous_id: draft.anonymousId,
    session_id: draft.sessionId,
    timestamp: ts(draft.time),
    path: page.path,
  };
  const dims = {
    browser_name: device.browserName ?? '',
    os_name: device.osName ?? '',
    device_type: device.deviceType,
    country: geo.country ?? '',
  };
  if (event.type === 'vital') {
    return {
      table: 'analytics.web_vitals_spans',
      row: { ...common, metric_name: event.metric, metric_value: event.value, ...dims },
    };
  }
  if (event.type === 'error') {
    return {
      table: 'analytics.error_spans',
      row: {
        ...common,
        message: event.message,
        filename: str(event.filename),
        lineno: event.lineno ?? null,
        colno: event.colno ?? null,
        stack: str(event.stack),
        error_type: event.errorType || 'Error',
        ...dims,
      },
    };
  }
  const name = event.type === 'custom' ? event.name : event.type;
  const properties =
    event.type === 'custom'
      ? (event.properties ?? {})
      : event.type === 'outgoing_link'
        ? { href: event.href, text: event.text ?? '' }
        : {};
  return {
    table: 'analytics.events',
    row: {
      id: randomUUID(),
      client_id: ctx.site.id,
      event_name: name,
      anonymous_id: draft.anonymousId,
      time: ts(draft.time),
      session_id: draft.sessionId,
      event_type: event.type === 'custom' || event.type === 'outgoing_link' ? event.type : 'track',
      event_id: event.eventId,
      session_start_time: event.sessionStartTime ? ts(clampTime(event.sessionStartTime, ctx.receivedAt)) : null,
      referrer: page.referrer,
      url: page.url,
      path: page.path,
      title: str(event.title),
      ip: draft.ipHash,
      user_agent: ctx.userAgent.slice(0, 512),
      browser_name: device.browserName,
      browser_version: device.browserVersion,
      os_name: device.osName,
      os_version: device.osVersion,
      device_type: device.deviceType,
      device_brand: device.deviceBrand,
      device_model: device.deviceModel,
      country: geo.country,
      region: geo.region,
      city: geo.city,
      screen_resolution: str(event.screenResolution),
      viewport_size: str(event.viewportSize),
      language: str(event.language),
      timezone: str(event.timezone),
      connection_type: str(event.connectionType),
      rtt: event.rtt ?? null,
      downlink: event.downlink ?? null,
      time_on_page: event.type === 'page_exit' ? (event.timeOnPage ?? null) : null,
      scroll_depth: event.type === 'page_exit' ? (event.scrollDepth ?? null) : null,
      interaction_count: event.type === 'page_exit' ? (event.interactionCount ?? null) : null,
      page_count: event.type === 'page_exit' ? (event.pageCount ?? 1) : 1,
      ...page.utm,
      ...(event.type === 'screen_view'
        ? {
            load_time: event.loadTime ?? null,
            dom_ready_time: event.domReadyTime ?? null,
            dom_interactive: event.domInteractive ?? null,
            ttfb: event.ttfb ?? null,
            connection_time: event.connectionTime ?? null,
            request_time: event.requestTime ?? null,
            render_time: event.renderTime ?? null,
            redirect_time: event.redirectTime ?? null,
            domain_lookup_time: event.domainLookupTime ?? null,
          }
        : {}),
      properties: JSON.stringify(properties),
    },
  };
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
  const drop = (reason: DropReason) => {
    result.dropped[reason] = (result.dropped[reason] ?? 0) + 1;
  };
  rawEvents.forEach((raw, index) => {
    const parsed = trackerEvent.safeParse(raw);
    if (!parsed.success) {
      drop('invalid');
      result.errors.push({ index, message: describeIssues(parsed.error) });
      return;
    }
    const draft: Draft = { event: parsed.data, time: clampTime(parsed.data.timestamp, ctx.receivedAt) };
    for (const [, step] of STEPS) {
      const reason = step(draft, ctx, deps);
      if (reason) {
        drop(reason);
        return;
      }
    }
    if (draft.claimed) result.claimed.push(draft.claimed);
    result.rows.push(toRow(draft, ctx));
  });
  return result;
}
