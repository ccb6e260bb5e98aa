import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { evaluateFlags } from '../../flags/evaluate.ts';
import { clientIp } from '../../runtime/client-ip.ts';
import { corsHeaders, limitByIp, siteFor } from '../browser.ts';
import type { IngestContext } from '../context.ts';
import { describeIssues, properties } from '../contract.ts';
import { HttpError, readJson, sendJson } from '../http.ts';

/**
 * GET/POST /v1/flags: feature flags evaluated for one visitor, for browsers (the same origin
 * rules as the tracker). GET takes the context as query parameters; POST as JSON, with
 * properties. Flags come from the FlagCache (ingest/flag-cache.ts).
 */

const request = z.object({
  clientId: z.string().min(1).max(128),
  userId: z.string().max(256).optional(),
  anonymousId: z.string().max(128).optional(),
  email: z.string().max(320).optional(),
  environment: z.string().max(64).optional(),
  properties,
});

export async function flags(ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  limitByIp(ingest, clientIp(req, ingest.config.trustProxyHops));
  const input = req.method === 'POST' ? await readJson(req, 16 * 1024) : Object.fromEntries(url.searchParams);
  const parsed = request.safeParse(input);
  if (!parsed.success) throw new HttpError(400, 'INVALID_REQUEST', describeIssues(parsed.error));
  const { clientId, environment, ...context } = parsed.data;
  const site = await siteFor(ingest, req, clientId);
  const results = evaluateFlags(await ingest.flags.get(site, environment ?? null), context);
  sendJson(
    res,
    200,
    { flags: Object.fromEntries(results.map(({ key, ...result }) => [key, result])) },
    { ...corsHeaders(req), 'cache-control': 'private, max-age=15' },
  );
}
