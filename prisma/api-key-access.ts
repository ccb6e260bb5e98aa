import type { RateLimiter } from '../runtime/rate-limit.ts';
import { verifyApiKey } from './api-keys.ts';
import type { PrismaClient } from './client.ts';
import type { ApiKey, ApiScope } from './generated/client.ts';

/**
 * Whether a request's API key may be used: the one judgement both services make (the API in
 * api/auth.ts, ingest in ingest/routes/server-events.ts), each mapping the decision to its own
 * error shape. Extraction, lookup, revocation/disabled/expiry, the scope check and the rate-limit
 * policy live here only, so a key is never accepted by one service and refused by the other.
 */
export type KeyDecision = { allowed: true; key: ApiKey } | KeyRefused;

export interface KeyRefused {
  allowed: false;
  refusal: KeyRefusal;
  message: string;
  /** Set for the rate-limit refusals. */
  retryAfterSeconds?: number;
}

export type KeyRefusal =
  /** No key presented (the API then serves the request anonymously; ingest refuses it). */
  | 'MISSING'
  | 'UNKNOWN'
  | 'DISABLED'
  | 'REVOKED'
  | 'EXPIRED'
  /** The key lacks the scope the request needs (and is not an admin key). */
  | 'MISSING_SCOPE'
  /** The key's own rate limit is used up. */
  | 'RATE_LIMITED'
  /** The client address sent too many unknown keys (see UNKNOWN_KEYS_PER_MINUTE). */
  | 'TOO_MANY_UNKNOWN_KEYS';

/**
 * The rate limit of a key whose limit is on but has no figures of its own (the schema's default
 * for a new key: enabled, no max, no window). One default for both services.
 */
export const DEFAULT_KEY_RATE_LIMIT = { max: 1_000, windowMs: 60_000 };

/**
 * The API's budget of complexity points per caller and window, on top of the request count above
 * (which both services share): a request costs the complexity Pothos computes for it
 * (api/cost.ts). 10,000 points a minute is four queries at the complexity limit, or hundreds of
 * ordinary dashboard queries. Keys whose limit is off have no point budget either.
 */
export const DEFAULT_POINT_BUDGET = { max: 10_000, windowMs: 60_000 };

/** A key's point budget on the API, or null when its limit is off. */
export function keyPointBudget(key: Pick<ApiKey, 'rateLimitEnabled'>) {
  return key.rateLimitEnabled ? DEFAULT_POINT_BUDGET : null;
}

/**
 * Unknown keys allowed per client address and minute, where the service knows the client's
 * address (both services, through TRUST_PROXY proxies; not the API called through fetch). Past them the address is refused before its keys are
 * looked up: guessing keys costs a database query each. Only unknown keys count (not a revoked
 * or expired one an old deployment still sends), so a server sending many events with a valid
 * key is not held back. Each attempt is counted before its lookup, so concurrent guesses cannot
 * slip past the limit together.
 */
export const UNKNOWN_KEYS_PER_MINUTE = 20;

/** A request header by lower-case name, as either service holds headers. */
export type HeaderLookup = (name: 'authorization' | 'x-api-key') => string | string[] | null | undefined;

/**
 * The key a request presents: `Authorization: Bearer <key>`, else `x-api-key: <key>`. An empty
 * value counts as none.
 */
export function presentedKey(header: HeaderLookup): string | null {
  const single = (value: string | string[] | null | undefined) => (typeof value === 'string' ? value.trim() : '');
  const bearer = /^Bearer\s+(.*)$/i.exec(single(header('authorization')))?.[1]?.trim();
  return bearer || single(header('x-api-key')) || null;
}

/** The window a key is limited to, or null when its limit is off. */
export function keyRateLimit(key: Pick<ApiKey, 'rateLimitEnabled' | 'rateLimitMax' | 'rateLimitTimeWindow'>) {
  if (!key.rateLimitEnabled) return null;
  return {
    max: key.rateLimitMax ?? DEFAULT_KEY_RATE_LIMIT.max,
    windowMs: key.rateLimitTimeWindow ?? DEFAULT_KEY_RATE_LIMIT.windowMs,
  };
}

const MESSAGES: Record<Exclude<KeyRefusal, 'MISSING_SCOPE' | 'RATE_LIMITED'>, string> = {
  MISSING: 'Send an API key: Authorization: Bearer <key>.',
  UNKNOWN: 'API key is invalid.',
  DISABLED: 'API key is disabled.',
  REVOKED: 'API key is revoked.',
  EXPIRED: 'API key is expired.',
  TOO_MANY_UNKNOWN_KEYS: 'Too many unknown API keys from this address.',
};

const refuse = (refusal: keyof typeof MESSAGES): KeyRefused => ({
  allowed: false,
  refusal,
  message: MESSAGES[refusal],
});
const retryAfter = (resetMs: number) => Math.max(1, Math.ceil(resetMs / 1000));

export interface KeyRequirements {
  /** The scope the request needs; an ADMIN key holds every scope. Omitted: checked per field (API). */
  scope?: ApiScope;
  /** The client's address, to limit guessing (UNKNOWN_KEYS_PER_MINUTE). Omitted: not limited. */
  client?: string;
  now?: Date;
}

/** Judges the key a request presents (see KeyDecision). */
export async function judgeApiKey(
  prisma: PrismaClient,
  limiter: RateLimiter,
  header: HeaderLookup,
  { scope, client, now = new Date() }: KeyRequirements = {},
): Promise<KeyDecision> {
  const presented = presentedKey(header);
  if (presented === null) return refuse('MISSING');
  const guesses = client === undefined ? undefined : `unknown-keys:${client}`;
  if (guesses) {
    const attempt = limiter.take(guesses, UNKNOWN_KEYS_PER_MINUTE, 60_000);
    if (!attempt.allowed) return { ...refuse('TOO_MANY_UNKNOWN_KEYS'), retryAfterSeconds: retryAfter(attempt.resetMs) };
  }
  // Only a key found unknown keeps its count (not a valid one, nor a lookup that failed).
  const verified = await verifyApiKey(prisma, presented, now).finally(() => guesses && limiter.refund(guesses));
  if ('rejected' in verified) {
    if (guesses && verified.rejected === 'UNKNOWN') limiter.take(guesses, UNKNOWN_KEYS_PER_MINUTE, 60_000);
    return refuse(verified.rejected);
  }
  const { key } = verified;
  if (scope && !key.scopes.includes(scope) && !key.scopes.includes('ADMIN')) {
    const name = scope.toLowerCase().replace('_', ':');
    return { allowed: false, refusal: 'MISSING_SCOPE', message: `API key lacks the ${name} scope.` };
  }
  const limit = keyRateLimit(key);
  if (limit) {
    const decision = limiter.take(`key:${key.id}`, limit.max, limit.windowMs);
    if (!decision.allowed) {
      const seconds = retryAfter(decision.resetMs);
      const message = `Rate limit of this API key exceeded; retry in ${seconds} s.`;
      return { allowed: false, refusal: 'RATE_LIMITED', message, retryAfterSeconds: seconds };
    }
  }
  return { allowed: true, key };
}
