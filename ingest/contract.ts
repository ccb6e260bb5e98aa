import { z } from 'zod';

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

/** JSON object of custom properties, at most LIMITS.properties bytes when serialised. */
export const properties = z
  .record(z.string().max(128), z.unknown())
  .refine((value) => JSON.stringify(value).length <= LIMITS.properties, {
    message: `properties must serialise to at most ${LIMITS.properties} bytes`,
  })
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
});

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

/** Turns zod issues into one readable line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}
