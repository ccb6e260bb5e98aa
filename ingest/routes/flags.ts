import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { type EvaluableFlag, evaluateFlags } from '../../api/flags/evaluate.ts';
import { loadWebsiteFlags } from '../../api/flags/load.ts';
import type { PrismaClient } from '../../prisma/client.ts';
import { describeIssues, properties } from '../contract.ts';
import { clientIp, HttpError, readJson, sendJson } from '../http.ts';
import type { IngestContext } from '../service.ts';
import { corsHeaders, limitByIp, siteFor } from './tracker.ts';

/**
 * GET/POST /v1/flags: feature flags evaluated for one visitor, for browsers (the same origin
 * rules as the tracker). GET takes the context as query parameters; POST as JSON, with
 * properties. A website's flags are cached for FLAG_CACHE_MS, so a change reaches browsers
 * within that time and a busy page costs no PostgreSQL query per visitor.
 */
export const FLAG_CACHE_MS = 15_000;

const request = z.object({
  clientId: z.string().min(1).max(128),
  userId: z.string().max(256).optional(),
  anonymousId: z.string().max(128).optional(),
  email: z.string().max(320).optional(),
  environment: z.string().max(64).optional(),
  properties,
});

/** A website's flags per environment, kept FLAG_CACHE_MS. */
export class FlagCache {
  private entries = new Map<string, { flags: Promise<EvaluableFlag[]>; expiresAt: number }>();

  constructor(private readonly prisma: PrismaClient) {}

  get(site: { id: string; organizationId: string }, environment: string | null): Promise<EvaluableFlag[]> {
    const key = `${site.id}\n${environment ?? ''}`;
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) return hit.flags;
    if (this.entries.size > 10_000) this.entries.clear();
    const flags = loadWebsiteFlags(this.prisma, site, environment);
    this.entries.set(key, { flags, expiresAt: Date.now() + FLAG_CACHE_MS });
    flags.catch(() => this.entries.delete(key));
    return flags;
  }
}

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
