import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { judgeApiKey, type KeyRefusal } from '../../prisma/api-key-access.ts';
import type { ApiKey, ApiScope } from '../../prisma/generated/client.ts';
import { clientIp } from '../../runtime/client-ip.ts';
import type { IngestContext } from '../context.ts';
import { describeIssues, LIMITS, llmBody, trackBody } from '../contract.ts';
import type { Claims } from '../dedupe.ts';
import { HttpError, readJson, sendJson } from '../http.ts';
import { clampTime } from '../pipeline.ts';
import { ensureRoom, storeRows } from '../store.ts';
import type { Row, Table } from '../writer.ts';

const REFUSALS: Record<KeyRefusal, { status: number; code: string }> = {
  MISSING: { status: 401, code: 'UNAUTHENTICATED' },
  UNKNOWN: { status: 401, code: 'UNAUTHENTICATED' },
  DISABLED: { status: 401, code: 'UNAUTHENTICATED' },
  REVOKED: { status: 401, code: 'UNAUTHENTICATED' },
  EXPIRED: { status: 401, code: 'UNAUTHENTICATED' },
  MISSING_SCOPE: { status: 403, code: 'FORBIDDEN' },
  RATE_LIMITED: { status: 429, code: 'RATE_LIMITED' },
  TOO_MANY_UNKNOWN_KEYS: { status: 429, code: 'RATE_LIMITED' },
};

/** The API key of a server-side request, which must be valid, hold `scope` (or admin) and be within its rate limit. */
export async function authenticate(ingest: IngestContext, req: IncomingMessage, scope: ApiScope): Promise<ApiKey> {
  const decision = await judgeApiKey(ingest.stores.prisma, ingest.rateLimiter, (name) => req.headers[name], {
    scope,
    client: clientIp(req, ingest.config.trustProxyHops),
  });
  if (decision.allowed) return decision.key;
  const { status, code } = REFUSALS[decision.refusal];
  const headers: Record<string, string> =
    decision.retryAfterSeconds === undefined ? {} : { 'retry-after': String(decision.retryAfterSeconds) };
  throw new HttpError(status, code, decision.message, headers);
}

/** The website an event names must be active and belong to the key's organization (and be the key's website, if it has one). */
async function websiteFor(ingest: IngestContext, key: ApiKey, websiteId: string | undefined): Promise<string | null> {
  const id = websiteId ?? key.websiteId;
  if (!id) return null;
  const site = await ingest.websites.get(id);
  if (!site?.active || site.organizationId !== key.organizationId || (key.websiteId && key.websiteId !== id)) {
    // Same answer for "no such website" and "not yours": existence does not leak.
    throw new HttpError(403, 'FORBIDDEN', `Website ${id} is not available to this API key`);
  }
  return id;
}

async function parse<T>(req: IncomingMessage, schema: z.ZodType<T | T[]>): Promise<T[]> {
  const parsed = schema.safeParse(await readJson(req, LIMITS.batchBody));
  if (!parsed.success) throw new HttpError(400, 'INVALID_EVENTS', describeIssues(parsed.error));
  return Array.isArray(parsed.data) ? parsed.data : [parsed.data];
}

/** Claims each event id for dedupe; returns the rows still to write and the claims made. */
function dedupe<T extends { eventId?: string }>(ingest: IngestContext, scope: string, events: T[]) {
  const claimed: Claims = { scope, ids: [] };
  const fresh = events.filter((event) => {
    if (!event.eventId) return true;
    if (!ingest.pipeline.recentIds.claim(scope, event.eventId)) return false;
    claimed.ids.push(event.eventId);
    return true;
  });
  const duplicates = events.length - fresh.length;
  if (duplicates > 0) ingest.metrics.drop('dedupe', 'duplicate', duplicates);
  return { fresh, claimed, duplicates };
}

async function write(
  ingest: IngestContext,
  res: ServerResponse,
  table: Table,
  rows: Row[],
  claimed: Claims,
  duplicates: number,
) {
  await storeRows(
    ingest,
    rows.map((row) => ({ table, row })),
    claimed,
  );
  sendJson(res, 200, { accepted: rows.length, duplicates });
}

/** POST /v1/track: server-side custom events (scope track:events) into analytics.custom_events. */
export async function track(ingest: IngestContext, req: IncomingMessage, res: ServerResponse) {
  const key = await authenticate(ingest, req, 'TRACK_EVENTS');
  const events = await parse(req, trackBody);
  ensureRoom(ingest, events.length);
  const websites = await Promise.all(events.map((event) => websiteFor(ingest, key, event.websiteId)));
  const receivedAt = new Date();
  const { fresh, claimed, duplicates } = dedupe(ingest, `track:${key.organizationId}`, events);
  const rows = fresh.map((event) => ({
    owner_id: key.organizationId,
    website_id: websites[events.indexOf(event)],
    timestamp: toClickHouseDateTime(clampTime(event.timestamp, receivedAt)),
    event_name: event.name,
    namespace: event.namespace ?? null,
    path: event.path ?? null,
    properties: JSON.stringify(event.properties ?? {}),
    anonymous_id: event.anonymousId ?? null,
    session_id: event.sessionId ?? null,
    source: event.source ?? 'server',
  }));
  await write(ingest, res, 'analytics.custom_events', rows, claimed, duplicates);
}

/** POST /v1/llm: LLM call spans (scope write:llm) into observability.ai_call_spans. */
export async function llm(ingest: IngestContext, req: IncomingMessage, res: ServerResponse) {
  const key = await authenticate(ingest, req, 'WRITE_LLM');
  const calls = await parse(req, llmBody);
  ensureRoom(ingest, calls.length);
  const receivedAt = new Date();
  const { fresh, claimed, duplicates } = dedupe(ingest, `llm:${key.organizationId}`, calls);
  const costs = (a?: number, b?: number) => (a === undefined && b === undefined ? null : (a ?? 0) + (b ?? 0));
  const rows = fresh.map((call) => ({
    owner_id: key.organizationId,
    timestamp: toClickHouseDateTime(clampTime(call.timestamp, receivedAt)),
    type: call.type,
    model: call.model,
    provider: call.provider.toLowerCase(),
    finish_reason: call.finishReason ?? null,
    input_tokens: call.inputTokens,
    output_tokens: call.outputTokens,
    total_tokens: call.totalTokens ?? call.inputTokens + call.outputTokens,
    cached_input_tokens: call.cachedInputTokens ?? null,
    cache_creation_input_tokens: call.cacheCreationInputTokens ?? null,
    reasoning_tokens: call.reasoningTokens ?? null,
    web_search_count: call.webSearchCount ?? null,
    input_token_cost_usd: call.inputTokenCostUsd ?? null,
    output_token_cost_usd: call.outputTokenCostUsd ?? null,
    total_token_cost_usd: call.totalTokenCostUsd ?? costs(call.inputTokenCostUsd, call.outputTokenCostUsd),
    tool_call_count: call.toolCallNames.length,
    tool_result_count: call.toolResultCount,
    tool_call_names: call.toolCallNames,
    duration_ms: call.durationMs,
    trace_id: call.traceId ?? null,
    http_status: call.httpStatus ?? null,
    error_name: call.errorName ?? null,
    error_message: call.errorMessage ?? null,
    error_stack: call.errorStack ?? null,
  }));
  await write(ingest, res, 'observability.ai_call_spans', rows, claimed, duplicates);
}
