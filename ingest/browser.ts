import type { IncomingMessage, ServerResponse } from 'node:http';
import type { IngestContext } from './context.ts';
import { HttpError } from './http.ts';
import { originAllowed, type Site } from './websites.ts';

/**
 * What the browser-facing routes (/v1/batch, /v1/px.gif, /v1/flags, /l/<slug>) share: CORS, the
 * website a browser may send for, and the per-address rate limit.
 */

/** CORS for browser routes: the origin is checked against the website, so echoing it is safe. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  return origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
}

export function preflight(req: IncomingMessage, res: ServerResponse) {
  res
    .writeHead(204, {
      ...corsHeaders(req),
      'access-control-allow-methods': 'GET, POST, OPTIONS',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '86400',
    })
    .end();
}

/** The website behind a client id, which must be active and match the request's origin. */
export async function siteFor(ingest: IngestContext, req: IncomingMessage, clientId: string): Promise<Site> {
  const site = await ingest.websites.get(clientId);
  if (!site?.active) throw new HttpError(403, 'INVALID_CLIENT', 'clientId is not an active website');
  const origin = req.headers.origin ?? req.headers.referer;
  if (!originAllowed(origin, site)) {
    throw new HttpError(403, 'ORIGIN_NOT_ALLOWED', `Origin ${origin ?? '(none)'} may not send events for this website`);
  }
  return site;
}

/** INGEST_RATE_LIMIT_PER_IP requests per address and minute. */
export function limitByIp(ingest: IngestContext, ip: string) {
  const decision = ingest.rateLimiter.take(`ip:${ip}`, ingest.config.ratePerIpPerMinute, 60_000);
  if (!decision.allowed) {
    throw new HttpError(429, 'RATE_LIMITED', 'Too many requests from this address', {
      'retry-after': String(Math.ceil(decision.resetMs / 1000)),
    });
  }
}
