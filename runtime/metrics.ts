import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { isIP } from 'node:net';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { clickhouseQuerySeconds } from '../clickhouse/query.ts';
import { postgresPoolConnections } from '../prisma/client.ts';

/**
 * Metrics of both services, exposed as Prometheus text at each one's GET /metrics. prom-client
 * (rather than the hand-written registry ingest had): it brings the process metrics (CPU, memory,
 * heap, event-loop delay, GC, handles) and proper histograms. Its cost on ingest's hot path is
 * measured by `npm run bench:metrics` (one request's updates beside JSON.parse of the request's
 * 20-event body, in the same run): 0.35–0.6 µs per request, 2–3% of parsing that body; the
 * hand-written registry it replaced took 0.14–0.2 µs.
 */

let processRegistry: Registry | undefined;

/**
 * What this process measures whichever services it runs (main.ts runs API and ingest in one):
 * the process itself, ClickHouse queries by name, PostgreSQL pools. Made on first use, once.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
    processRegistry.registerMetric(clickhouseQuerySeconds);
    processRegistry.registerMetric(postgresPoolConnections);
  }
  return processRegistry;
}

export const METRICS_CONTENT_TYPE = Registry.PROMETHEUS_CONTENT_TYPE;

/** A service's own metrics with the process's, as Prometheus text. */
export function renderMetrics(service: Registry): Promise<string> {
  return Registry.merge([processMetrics(), service]).metrics();
}

const LOOPBACK = (address: string) =>
  isIP(address) !== 0 && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

const sameSecret = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Who may read GET /metrics. The figures are not per tenant but say how busy the whole instance
 * is (requests, events, queries, memory), so they are not public:
 * - with METRICS_TOKEN set, a request must carry `Authorization: Bearer <token>` (a Prometheus
 *   `bearer_token`), from anywhere;
 * - without it, only a connection from this machine that no proxy forwarded (no Forwarded or
 *   X-Forwarded-For header: a reverse proxy on the same machine would otherwise make every
 *   visitor local).
 * 401 asks for the token, 403 says metrics are local-only; null lets the request through.
 */
export function refuseMetrics(
  headers: IncomingHttpHeaders,
  remoteAddress: string | undefined,
  token: string | undefined,
): { status: 401 | 403; message: string } | null {
  if (token) {
    const given = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1];
    return given && sameSecret(given, token)
      ? null
      : { status: 401, message: 'GET /metrics needs Authorization: Bearer <METRICS_TOKEN>' };
  }
  const forwarded = headers.forwarded !== undefined || headers['x-forwarded-for'] !== undefined;
  return remoteAddress && LOOPBACK(remoteAddress) && !forwarded
    ? null
    : { status: 403, message: 'GET /metrics answers only this machine unless METRICS_TOKEN is set' };
}
