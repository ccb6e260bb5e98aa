import type { IncomingMessage } from 'node:http';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Histogram, Registry } from 'prom-client';
import { METRICS_CONTENT_TYPE, refuseMetrics, renderMetrics } from '../runtime/metrics.ts';
import type { Context } from './context.ts';

/** Distinct operation names with a series of their own; later new names count as `other`. */
export const MAX_OPERATION_NAMES = 100;
const NAME_LENGTH = 64;

/**
 * The label of a GraphQL operation. Operation names are the client's to choose, so a name gets a
 * series of its own only when an authenticated request brings it, while fewer than
 * MAX_OPERATION_NAMES names have one, and it is short; anyone may then use that series. Every
 * other name counts as `other`, an operation without a name as `anonymous`, and a request that
 * never ran (unparsable or invalid document, refused key) as `none`: nobody can make the series
 * grow without bound by inventing names.
 */
export class OperationLabels {
  private readonly named = new Set<string>();

  label(name: string | undefined, authenticated: boolean): string {
    if (!name) return 'anonymous';
    if (this.named.has(name)) return name;
    if (!authenticated || name.length > NAME_LENGTH || this.named.size >= MAX_OPERATION_NAMES) return 'other';
    this.named.add(name);
    return name;
  }
}

/**
 * The API's metrics at GET /metrics (with the process's: runtime/metrics.ts): GraphQL requests
 * and their latency by operation and outcome (`ok`; `error` when the response carries errors or
 * an error status). Who may read them: see refuseMetrics.
 */
export function apiMetrics(metricsToken: string | undefined): Plugin<Context> {
  const registry = new Registry();
  const requests = new Counter({
    name: 'tidemark_api_requests_total',
    help: 'GraphQL requests by operation name (see OperationLabels) and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const seconds = new Histogram({
    name: 'tidemark_api_request_duration_seconds',
    help: 'Time of GraphQL requests, from receipt to response, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const labels = new OperationLabels();
  const runs = new WeakMap<Request, { operation: string; failed: boolean }>();
  const started = new WeakMap<Request, number>();

  return {
    async onRequest({ request, url, serverContext, endResponse, fetchAPI }) {
      if (url.pathname !== '/metrics') {
        started.set(request, performance.now());
        return;
      }
      if (request.method !== 'GET') return;
      // The Node request under the fetch API's (absent when called through yoga.fetch).
      const socket = (serverContext as { req?: IncomingMessage }).req?.socket;
      const refused = refuseMetrics(Object.fromEntries(request.headers), socket?.remoteAddress, metricsToken);
      endResponse(
        refused
          ? fetchAPI.Response.json(
              { errors: [{ message: refused.message, extensions: { code: 'METRICS_REFUSED' } }] },
              { status: refused.status },
            )
          : new fetchAPI.Response(await renderMetrics(registry), { headers: { 'content-type': METRICS_CONTENT_TYPE } }),
      );
    },
    onExecute({ args }) {
      const context = args.contextValue as Context & { request: Request };
      const run = {
        operation: labels.label(getOperationAST(args.document, args.operationName)?.name?.value, !!context.auth),
        failed: false,
      };
      runs.set(context.request, run);
      return {
        onExecuteDone({ result }) {
          if ('errors' in result && result.errors?.length) run.failed = true;
        },
      };
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      // GraphQL requests only: not /health, /, nor the GraphiQL page.
      if (start === undefined || new URL(request.url).pathname !== '/graphql') return;
      if (response.headers.get('content-type')?.startsWith('text/html')) return;
      const run = runs.get(request);
      const outcome = !run || run.failed || response.status >= 400 ? 'error' : 'ok';
      const label = { operation: run?.operation ?? 'none', outcome };
      requests.inc(label);
      seconds.observe(label, (performance.now() - start) / 1000);
    },
  };
}
