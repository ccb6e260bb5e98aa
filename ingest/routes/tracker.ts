import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientIp } from '../../runtime/client-ip.ts';
import { corsHeaders, limitByIp, siteFor } from '../browser.ts';
import type { IngestContext } from '../context.ts';
import { describeIssues, LIMITS, parseBatchEnvelope } from '../contract.ts';
import { HttpError, readJson, sendJson } from '../http.ts';
import { type RequestContext, runPipeline } from '../pipeline.ts';
import { ensureRoom, storeRows } from '../store.ts';
import type { Site } from '../websites.ts';

/** Runs events through the pipeline and waits until they are durable (spooled). */
async function accept(
  ingest: IngestContext,
  req: IncomingMessage,
  site: Site,
  ip: string,
  events: unknown[],
  botDeclared = false,
) {
  ensureRoom(ingest, events.length);
  const receivedAt = new Date();
  const ctx: RequestContext = {
    site,
    ip,
    userAgent: req.headers['user-agent'] ?? '',
    optedOut: req.headers.dnt === '1' || req.headers['sec-gpc'] === '1',
    botDeclared,
    receivedAt,
    salt: await ingest.salts.forDate(receivedAt),
  };
  const result = runPipeline(events, ctx, ingest.pipeline);
  for (const { step, reason, count } of result.droppedBy) ingest.metrics.drop(step, reason, count);

  await storeRows(ingest, result.rows, result.claimed);
  return result;
}

/** POST /v1/batch: the tracker's events, JSON or text/plain (sendBeacon). */
export async function batch(ingest: IngestContext, req: IncomingMessage, res: ServerResponse) {
  const ip = clientIp(req, ingest.config.trustProxyHops);
  limitByIp(ingest, ip);
  const parsed = parseBatchEnvelope(await readJson(req, LIMITS.batchBody));
  if (!parsed.success) throw new HttpError(400, 'INVALID_BATCH', describeIssues(parsed.error));
  const site = await siteFor(ingest, req, parsed.data.clientId);
  const result = await accept(ingest, req, site, ip, parsed.data.events, parsed.data.bot);
  if (result.rows.length === 0 && result.errors.length === parsed.data.events.length) {
    throw new HttpError(400, 'INVALID_EVENTS', `No valid events: ${result.errors[0]?.message}`);
  }
  sendJson(
    res,
    200,
    { accepted: result.rows.length, dropped: result.dropped, errors: result.errors },
    corsHeaders(req),
  );
}

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/**
 * GET /v1/px.gif?clientId=…: a page view (or `type=custom&name=…`) for visitors without
 * JavaScript. The page URL defaults to the Referer the browser sends with the image.
 */
export async function pixel(ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const ip = clientIp(req, ingest.config.trustProxyHops);
  limitByIp(ingest, ip);
  const q = Object.fromEntries(url.searchParams);
  if (!q.clientId) throw new HttpError(400, 'INVALID_BATCH', 'clientId is required');
  const site = await siteFor(ingest, req, q.clientId);
  const event = {
    type: q.type ?? 'screen_view',
    name: q.name,
    eventId: randomUUID(),
    url: q.url ?? req.headers.referer,
    path: q.path,
    title: q.title,
    referrer: q.referrer,
  };
  const result = await accept(ingest, req, site, ip, [event]);
  if (result.errors.length > 0) throw new HttpError(400, 'INVALID_EVENTS', result.errors[0]?.message ?? '');
  res.writeHead(200, { 'content-type': 'image/gif', 'cache-control': 'no-store', ...corsHeaders(req) }).end(PIXEL);
}
