import { complexityFromQuery } from '@pothos/plugin-complexity';
import type { DocumentNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { keyPointBudget } from '../prisma/api-key-access.ts';
import type { RateLimiter } from '../runtime/rate-limit.ts';
import type { Auth } from './auth.ts';
import { QUERY_LIMITS } from './builder.ts';
import type { Context, RequestCost } from './context.ts';
import { RateLimitedError } from './errors.ts';
import { schema } from './executable-schema.ts';

/** A point budget: `max` points per window of `windowMs`. */
export interface PointBudget {
  max: number;
  windowMs: number;
}

/** The operation's complexity, or null when execution will refuse it anyway (left to report why). */
function measure(document: DocumentNode, ctx: object, variables: Record<string, unknown> | null | undefined) {
  try {
    const result = complexityFromQuery(document, { schema, ctx, variables: variables ?? undefined });
    const within =
      result.complexity <= QUERY_LIMITS.complexity &&
      result.depth <= QUERY_LIMITS.depth &&
      result.breadth <= QUERY_LIMITS.breadth;
    return within ? result : null;
  } catch {
    return null;
  }
}

/** Who a budget belongs to, and how large it is; anonymous callers have none. */
/**
 * The budget of a person: a signed-in member (across their sessions) or a share link (its viewers
 * together). One website view of the dashboard is charged ~1,500 points (`npm run bench:dashboard`
 * prints it: 1,514 on 2026-12-06), so an API key's 10,000 a minute allowed ~6 views, where a person
 * clicking through filters and ranges makes a view each click; 100,000 allows ~66.
 */
export const PERSON_POINT_BUDGET: PointBudget = { max: 100_000, windowMs: 60_000 };

function budgetOf(auth: Auth | null, fixed?: PointBudget): { id: string; budget: PointBudget } | null {
  if (!auth) return null;
  const { caller } = auth;
  if (caller.kind === 'key') {
    const budget = keyPointBudget(caller.key);
    return budget && { id: `points:key:${caller.key.id}`, budget: fixed ?? budget };
  }
  const id = caller.kind === 'share' ? `points:share:${caller.shareLinkId}` : `points:user:${auth.userId}`;
  return { id, budget: fixed ?? PERSON_POINT_BUDGET };
}

/**
 * Charges each operation its complexity against the caller's point budget before it runs, refuses
 * it with RATE_LIMITED (HTTP 429) when the points do not fit, and reports the cost in
 * `extensions.cost` and `X-RateLimit-*` headers, as GitHub and Shopify do. `budget` replaces the
 * default (tests).
 */
export function costAccounting(limiter: RateLimiter, budget?: PointBudget): Plugin<Context> {
  const costs = new WeakMap<Request, RequestCost>();
  return {
    onExecute({ args, setResultAndStopExecution, extendContext }) {
      const context = args.contextValue as Context & { request: Request };
      const owner = budgetOf(context.auth, budget);
      if (!owner) return;
      const measured = measure(args.document, context, args.variableValues);
      // Unmeasurable (variables that do not coerce) or over Pothos's limits: execution refuses it.
      if (!measured) return;
      const { complexity } = measured;
      const { max, windowMs } = owner.budget;
      const decision = limiter.take(owner.id, max, windowMs, complexity);
      const resetSeconds = Math.max(1, Math.ceil(decision.resetMs / 1000));
      const cost: RequestCost = {
        requested: complexity,
        actual: decision.allowed ? complexity : 0,
        limit: max,
        remaining: decision.remaining,
        restoreRate: Math.round((max / windowMs) * 1000 * 100) / 100,
        resetSeconds,
      };
      costs.set(context.request, cost);
      // Resolvers see it too (the `limits` query's budget).
      extendContext({ cost });
      if (!decision.allowed) {
        const message = `Query cost ${complexity} exceeds the ${decision.remaining} points left of ${max}`;
        setResultAndStopExecution({ errors: [new RateLimitedError(resetSeconds, message)], extensions: { cost } });
        return;
      }
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          setResult({ ...result, extensions: { ...result.extensions, cost } });
        },
      };
    },
    onResponse({ request, response }) {
      const cost = costs.get(request);
      if (!cost) return;
      response.headers.set('x-ratelimit-limit', String(cost.limit));
      response.headers.set('x-ratelimit-remaining', String(cost.remaining));
      response.headers.set('x-ratelimit-reset', String(cost.resetSeconds));
    },
  };
}
