import { z } from 'zod';
import { wellFormedJson } from '../clickhouse/columns.ts';

/**
 * What clients may send to ingest. Unknown fields are ignored, strings are cut to sane lengths
 * rather than refused (a long title should not cost the page view), numbers outside their
 * range make the event invalid. Timestamps are clamped later, against the clock at receipt.
 */

export const LIMITS = {
  /** Bytes of one request body. */
  batchBody: 512 * 1024,
  /** Events in one /v1/batch or /v1/track request. */
  batchEvents: 100,
  /** Bytes of a custom event's properties, as JSON. */
  properties: 8 * 1024,
} as const;

/** A string cut to `max` characters (overwrite keeps zod's fast path; transform is ~2x slower). */
const cut = (max: number) => z.string().overwrite((s) => (s.length > max ? s.slice(0, max) : s));
const text = (max: number) => cut(max).optional();
const int = (min: number, max: number) => z.number().int().min(min).max(max).optional();
const num = (min: number, max: number) => z.number().finite().min(min).max(max).optional();
const id = z.string().min(1).max(128);

/** `value` as JSON; undefined when nested too deep to serialise (the stack would overflow). */
function serialised(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * JSON object of custom properties, at most LIMITS.properties bytes when serialised, its
 * strings made well-formed. Kept as sent, every key included: `z.record` would drop a
 * `"__proto__"` key, which JSON.parse makes an own key like any other.
 */
export const properties = z
  .custom<Record<string, unknown>>(isObject, 'Invalid input: expected record')
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (key.length > 128) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'Too big: expected string to have <=128 characters' });
      }
    }
    const text = serialised(value);
    if (text === undefined || text.length > LIMITS.properties) {
      ctx.addIssue({ code: 'custom', message: `properties must serialise to at most ${LIMITS.properties} bytes` });
    }
  })
  .transform(wellFormedJson)
  .optional();

const pageContext = {
  /** Unique id of this event (the tracker's UUID); retries reuse it and are deduplicated. */
  eventId: id,
  anonymousId: text(128),
  sessionId: text(128),
  /** Epoch milliseconds. */
  sessionStartTime: num(0, 1e13),
  timestamp: num(0, 1e13),
  url: text(2048),
  path: text(2048),
  title: text(512),
  referrer: text(2048),
  screenResolution: text(32),
  viewportSize: text(32),
  language: text(35),
  timezone: text(64),
  connectionType: text(32),
  rtt: int(0, 32_767),
  downlink: num(0, 100_000),
};

const ms = int(0, 3_600_000);

export const screenView = z.object({
  type: z.literal('screen_view'),
  ...pageContext,
  loadTime: ms,
  domReadyTime: ms,
  domInteractive: ms,
  ttfb: ms,
  connectionTime: ms,
  requestTime: ms,
  renderTime: ms,
  redirectTime: ms,
  domainLookupTime: ms,
});

export const pageExit = z.object({
  type: z.literal('page_exit'),
  ...pageContext,
  /** Seconds the page was visible. */
  timeOnPage: num(0, 86_400),
  /** Percent of the page scrolled, 0–100. */
  scrollDepth: num(0, 100),
  interactionCount: int(0, 32_767),
  pageCount: int(1, 255),
});

export const customEvent = z.object({
  type: z.literal('custom'),
  ...pageContext,
  name: z.string().min(1).max(128),
  properties,
});

export const outgoingLink = z.object({
  type: z.literal('outgoing_link'),
  ...pageContext,
  href: z.string().min(1).max(2048),
  text: text(256),
});

export const VITAL_METRICS = ['LCP', 'FCP', 'CLS', 'INP', 'TTFB', 'FPS'] as const;

export const vital = z.object({
  type: z.literal('vital'),
  ...pageContext,
  metric: z.enum(VITAL_METRICS),
  value: z.number().finite().min(0).max(600_000),
  /**
   * The page view measured (the tracker sends its screen_view's event id). A later report of the
   * same view and metric replaces the earlier one; without it each report stands alone.
   */
  viewId: text(128),
});

export const errorEvent = z.object({
  type: z.literal('error'),
  ...pageContext,
  message: z
    .string()
    .min(1)
    .transform((s) => s.slice(0, 2048)),
  filename: text(2048),
  lineno: int(0, 10_000_000),
  colno: int(0, 10_000_000),
  stack: text(8192),
  errorType: text(128),
});

export const trackerEvent = z.discriminatedUnion('type', [
  screenView,
  pageExit,
  customEvent,
  outgoingLink,
  vital,
  errorEvent,
]);
export type TrackerEvent = z.infer<typeof trackerEvent>;

/** POST /v1/batch. Events are validated one by one so one bad event does not sink the rest. */
export const batchEnvelope = z.object({
  clientId: id,
  events: z.array(z.unknown()).min(1).max(LIMITS.batchEvents),
  /**
   * Set by the tracker with `data-allow-bots` in a headless or automated browser: such events are
   * kept only for websites whose settings allow bots (`settings.allowBots`), dropped as bots elsewhere.
   */
  bot: z.boolean().optional(),
});

/** `batchEnvelope.safeParse`, with a direct check first: a valid envelope needs no schema walk. */
export function parseBatchEnvelope(value: unknown): ReturnType<typeof batchEnvelope.safeParse> {
  const { clientId, events, bot } = (value ?? {}) as {
    clientId?: unknown;
    events?: unknown;
    bot?: unknown;
  };
  const valid =
    (bot === undefined || typeof bot === 'boolean') &&
    typeof clientId === 'string' &&
    clientId.length >= 1 &&
    clientId.length <= 128 &&
    Array.isArray(events) &&
    events.length >= 1 &&
    events.length <= LIMITS.batchEvents;
  return valid ? { success: true, data: { clientId, events, bot } } : batchEnvelope.safeParse(value);
}

/** POST /v1/track: server-side custom events, one or a list. */
export const serverEvent = z.object({
  name: z.string().min(1).max(128),
  namespace: text(128),
  websiteId: id.optional(),
  timestamp: num(0, 1e13),
  path: text(2048),
  properties,
  anonymousId: text(128),
  sessionId: text(128),
  source: text(64),
  /** Optional idempotency key; retries with the same id are stored once. */
  eventId: id.optional(),
});
export type ServerEvent = z.infer<typeof serverEvent>;
export const trackBody = z.union([serverEvent, z.array(serverEvent).min(1).max(LIMITS.batchEvents)]);

/** POST /v1/llm: one LLM call span, or a list. */
export const llmCall = z.object({
  timestamp: num(0, 1e13),
  type: z.string().min(1).max(32).default('generate'),
  model: z.string().min(1).max(256),
  provider: z.string().min(1).max(64),
  finishReason: text(64),
  inputTokens: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(0),
  outputTokens: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .default(0),
  totalTokens: int(0, 2 ** 32 - 1),
  cachedInputTokens: int(0, 2 ** 32 - 1),
  cacheCreationInputTokens: int(0, 2 ** 32 - 1),
  reasoningTokens: int(0, 2 ** 32 - 1),
  webSearchCount: int(0, 65_535),
  inputTokenCostUsd: num(0, 1e9),
  outputTokenCostUsd: num(0, 1e9),
  totalTokenCostUsd: num(0, 1e9),
  toolCallNames: z.array(z.string().max(128)).max(256).default([]),
  toolResultCount: z.number().int().min(0).max(65_535).default(0),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  traceId: text(128),
  httpStatus: int(100, 599),
  errorName: text(256),
  errorMessage: text(4096),
  errorStack: text(16_384),
  eventId: id.optional(),
});
export type LlmCall = z.infer<typeof llmCall>;
export const llmBody = z.union([llmCall, z.array(llmCall).min(1).max(LIMITS.batchEvents)]);

/** One problem with an input and where it is (zod's issues have this shape too). */
export interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** Turns issues (zod's or parseTrackerEvent's) into one readable line. */
export function describeIssues(error: { issues: readonly Issue[] }): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/*
 * parseTrackerEvent: `trackerEvent.safeParse` written out by hand for the hot path (every event
 * of every batch). It applies the same rules as the schemas above, with zod's wording and issue
 * order, to JSON input; contract.test.ts checks it against `trackerEvent` field by field. Change
 * both together.
 *
 * Why a twin, measured (`npm run bench:contract`, 2 cores, Node 20, the tracker's event mix):
 * zod 4's schema, which compiles object shapes to generated code, takes 6.7 µs per event against
 * 0.85 µs for the twin (7.8x); the whole in-process pipeline takes 4.3 µs per event with the
 * twin, so zod in its place would add 5.8 µs, 136 % of the pipeline (and about a quarter of
 * ingest's ~21 µs per event at 48k events/s without ClickHouse) where the bar for one schema
 * was a few percent. A validator-only compiler (TypeBox) would still need this code for the
 * cuts and well-formed strings zod's transforms do.
 */

type Parsed<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };

/** The type name in zod's "received …" for a JSON value. */
function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

type Raw = Record<string, unknown>;

/**
 * Checks the fields of one raw event, collecting issues as zod words them. Each check takes the
 * field's value and its name (for messages): reading `raw.title` at the call site rather than
 * `raw[key]` in here keeps property reads monomorphic, which makes parsing ~3x faster.
 */
class EventChecker {
  readonly issues: Issue[] = [];

  private fail(key: string, message: string): undefined {
    this.issues.push({ path: [key], message });
    return undefined;
  }

  private wrongType(key: string, expected: string, value: unknown): undefined {
    return this.fail(key, `Invalid input: expected ${expected}, received ${received(value)}`);
  }

  /** z.string().min(min).max(max) */
  string(value: unknown, key: string, min: number, max = Number.POSITIVE_INFINITY): string {
    if (typeof value !== 'string') return this.wrongType(key, 'string', value) ?? '';
    if (value.length < min) this.fail(key, `Too small: expected string to have >=${min} characters`);
    else if (value.length > max) this.fail(key, `Too big: expected string to have <=${max} characters`);
    return value;
  }

  /** text(max): an optional string cut to `max` characters. */
  text(value: unknown, key: string, max: number): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') return this.wrongType(key, 'string', value);
    return value.length > max ? value.slice(0, max) : value;
  }

  /** z.number().finite().min(min).max(max) */
  number(value: unknown, key: string, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrongType(key, 'number', value) ?? 0;
    this.range(key, value, min, max);
    return value;
  }

  /** num(min, max): an optional finite number in [min, max]. */
  num(value: unknown, key: string, min: number, max: number): number | undefined {
    return value === undefined ? undefined : this.number(value, key, min, max);
  }

  /** int(min, max): an optional safe integer in [min, max]. */
  int(value: unknown, key: string, min: number, max: number): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) return this.wrongType(key, 'number', value);
    if (!Number.isInteger(value)) return this.fail(key, 'Invalid input: expected int, received number');
    if (value > Number.MAX_SAFE_INTEGER) this.fail(key, `Too big: expected int to be <=${Number.MAX_SAFE_INTEGER}`);
    if (value < Number.MIN_SAFE_INTEGER) this.fail(key, `Too small: expected int to be >=${Number.MIN_SAFE_INTEGER}`);
    this.range(key, value, min, max);
    return value;
  }

  private range(key: string, value: number, min: number, max: number): void {
    if (value < min) this.fail(key, `Too small: expected number to be >=${min}`);
    if (value > max) this.fail(key, `Too big: expected number to be <=${max}`);
  }

  /** z.enum(options) */
  oneOf<T extends string>(value: unknown, key: string, options: readonly T[]): T {
    if (options.includes(value as T)) return value as T;
    this.fail(key, `Invalid option: expected one of ${options.map((o) => `"${o}"`).join('|')}`);
    return options[0] as T;
  }

  /** `properties`, left to its zod schema: rare, nested, and bounded by serialised size. */
  properties(value: unknown, key: string): Record<string, unknown> | undefined {
    const parsed = properties.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) this.issues.push({ path: [key, ...issue.path], message: issue.message });
    return undefined;
  }
}

/**
 * A new event of `type` with the fields every tracker event carries (pageContext), in the
 * schema's order; the readers below add their type's fields to it. (Assigning them one by one
 * is ~10x cheaper than spreading this into a literal, per event.)
 */
function readPageContext<T extends TrackerEvent['type']>(raw: Raw, check: EventChecker, type: T) {
  return {
    type,
    eventId: check.string(raw.eventId, 'eventId', 1, 128),
    anonymousId: check.text(raw.anonymousId, 'anonymousId', 128),
    sessionId: check.text(raw.sessionId, 'sessionId', 128),
    sessionStartTime: check.num(raw.sessionStartTime, 'sessionStartTime', 0, 1e13),
    timestamp: check.num(raw.timestamp, 'timestamp', 0, 1e13),
    url: check.text(raw.url, 'url', 2048),
    path: check.text(raw.path, 'path', 2048),
    title: check.text(raw.title, 'title', 512),
    referrer: check.text(raw.referrer, 'referrer', 2048),
    screenResolution: check.text(raw.screenResolution, 'screenResolution', 32),
    viewportSize: check.text(raw.viewportSize, 'viewportSize', 32),
    language: check.text(raw.language, 'language', 35),
    timezone: check.text(raw.timezone, 'timezone', 64),
    connectionType: check.text(raw.connectionType, 'connectionType', 32),
    rtt: check.int(raw.rtt, 'rtt', 0, 32_767),
    downlink: check.num(raw.downlink, 'downlink', 0, 100_000),
  };
}

type EventOf<T extends TrackerEvent['type']> = Extract<TrackerEvent, { type: T }>;
const MS = 3_600_000;

const READERS = new Map<string, (raw: Raw, check: EventChecker) => TrackerEvent>([
  [
    'screen_view',
    (raw, check) => {
      const event = readPageContext(raw, check, 'screen_view') as EventOf<'screen_view'>;
      event.loadTime = check.int(raw.loadTime, 'loadTime', 0, MS);
      event.domReadyTime = check.int(raw.domReadyTime, 'domReadyTime', 0, MS);
      event.domInteractive = check.int(raw.domInteractive, 'domInteractive', 0, MS);
      event.ttfb = check.int(raw.ttfb, 'ttfb', 0, MS);
      event.connectionTime = check.int(raw.connectionTime, 'connectionTime', 0, MS);
      event.requestTime = check.int(raw.requestTime, 'requestTime', 0, MS);
      event.renderTime = check.int(raw.renderTime, 'renderTime', 0, MS);
      event.redirectTime = check.int(raw.redirectTime, 'redirectTime', 0, MS);
      event.domainLookupTime = check.int(raw.domainLookupTime, 'domainLookupTime', 0, MS);
      return event;
    },
  ],
  [
    'page_exit',
    (raw, check) => {
      const event = readPageContext(raw, check, 'page_exit') as EventOf<'page_exit'>;
      event.timeOnPage = check.num(raw.timeOnPage, 'timeOnPage', 0, 86_400);
      event.scrollDepth = check.num(raw.scrollDepth, 'scrollDepth', 0, 100);
      event.interactionCount = check.int(raw.interactionCount, 'interactionCount', 0, 32_767);
      event.pageCount = check.int(raw.pageCount, 'pageCount', 1, 255);
      return event;
    },
  ],
  [
    'custom',
    (raw, check) => {
      const event = readPageContext(raw, check, 'custom') as EventOf<'custom'>;
      event.name = check.string(raw.name, 'name', 1, 128);
      event.properties = check.properties(raw.properties, 'properties');
      return event;
    },
  ],
  [
    'outgoing_link',
    (raw, check) => {
      const event = readPageContext(raw, check, 'outgoing_link') as EventOf<'outgoing_link'>;
      event.href = check.string(raw.href, 'href', 1, 2048);
      event.text = check.text(raw.text, 'text', 256);
      return event;
    },
  ],
  [
    'vital',
    (raw, check) => {
      const event = readPageContext(raw, check, 'vital') as EventOf<'vital'>;
      event.metric = check.oneOf(raw.metric, 'metric', VITAL_METRICS);
      event.value = check.number(raw.value, 'value', 0, 600_000);
      event.viewId = check.text(raw.viewId, 'viewId', 128);
      return event;
    },
  ],
  [
    'error',
    (raw, check) => {
      const event = readPageContext(raw, check, 'error') as EventOf<'error'>;
      event.message = check.string(raw.message, 'message', 1).slice(0, 2048);
      event.filename = check.text(raw.filename, 'filename', 2048);
      event.lineno = check.int(raw.lineno, 'lineno', 0, 10_000_000);
      event.colno = check.int(raw.colno, 'colno', 0, 10_000_000);
      event.stack = check.text(raw.stack, 'stack', 8192);
      event.errorType = check.text(raw.errorType, 'errorType', 128);
      return event;
    },
  ],
]);

const failure = (path: PropertyKey[], message: string): Parsed<never> => ({
  success: false,
  error: { issues: [{ path, message }] },
});

/** `trackerEvent.safeParse(raw)` for JSON input, fast. Absent optional fields come back as undefined. */
export function parseTrackerEvent(raw: unknown): Parsed<TrackerEvent> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return failure([], `Invalid input: expected object, received ${received(raw)}`);
  }
  const read = READERS.get((raw as Raw).type as string);
  if (!read) {
    const expected = [...READERS.keys()].map((type) => `'${type}'`).join(' | ');
    return failure(['type'], `Invalid discriminator value. Expected ${expected}`);
  }
  const checker = new EventChecker();
  const data = read(raw as Raw, checker);
  return checker.issues.length === 0 ? { success: true, data } : { success: false, error: { issues: checker.issues } };
}
