import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { ColumnTypes } from '../clickhouse/columns.ts';
import { UnstorableTextError } from '../prisma/client.ts';
import type { Logger } from '../runtime/log.ts';
import { METRICS_CONTENT_TYPE, refuseMetrics } from '../runtime/metrics.ts';
import { RateLimiter } from '../runtime/rate-limit.ts';
import { createHttpServer } from '../runtime/service.ts';
import type { Stores } from '../runtime/stores.ts';
import { corsHeaders, preflight } from './browser.ts';
import type { IngestConfig } from './config.ts';
import type { IngestContext } from './context.ts';
import { RecentIds } from './dedupe.ts';
import { openGeo } from './enrich/geo.ts';
import { PageParser } from './enrich/page.ts';
import { DailySalts } from './enrich/privacy.ts';
import { UserAgentParser } from './enrich/user-agent.ts';
import { FlagCache } from './flag-cache.ts';
import { HttpError, sendJson } from './http.ts';
import { linkDirectory } from './links.ts';
import { IngestMetrics } from './metrics.ts';
import { RevenueLedger } from './revenue/ledger.ts';
import { flags } from './routes/flags.ts';
import { followLink } from './routes/links.ts';
import { llm, track } from './routes/server-events.ts';
import { TRACKER_FILES, trackerFile } from './routes/static.ts';
import { batch, pixel } from './routes/tracker.ts';
import { webhook } from './routes/webhooks.ts';
import { UptimeChecker } from './uptime/checker.ts';
import { websiteDirectory } from './websites.ts';
import { SpooledWriter, TABLES } from './writer.ts';

type Handler = (ingest: IngestContext, req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

/** Browser-facing routes answer CORS preflights and carry CORS headers, errors included. */
const BROWSER_ROUTES = new Set(['/v1/batch', '/v1/px.gif', '/v1/flags']);

const ROUTES: Record<string, Handler> = {
  'GET /health': (_, __, res) => sendJson(res, 200, { status: 'ok' }),
  'GET /metrics': async (ingest, req, res) => {
    const refused = refuseMetrics(req.headers, req.socket.remoteAddress, ingest.config.metricsToken);
    if (refused) throw new HttpError(refused.status, 'METRICS_REFUSED', refused.message);
    const text = await ingest.metrics.render();
    res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text);
  },
  'POST /v1/batch': batch,
  'GET /v1/px.gif': pixel,
  'GET /v1/flags': flags,
  'POST /v1/flags': flags,
  'POST /v1/track': track,
  'POST /v1/llm': llm,
  'POST /v1/webhooks/stripe': webhook('stripe'),
  'POST /v1/webhooks/paddle': webhook('paddle'),
  ...Object.fromEntries(TRACKER_FILES.map((name) => [`GET /${name}`, trackerFile(name)])),
};

/** The request's URL; a target that does not parse (e.g. `//[`) is the client's error. */
function requestUrl(req: IncomingMessage): URL {
  try {
    return new URL(req.url ?? '/', 'http://ingest');
  } catch {
    throw new HttpError(400, 'INVALID_URL', 'Request target is not a valid URL');
  }
}

export interface Ingest {
  server: Server;
  context: IngestContext;
  /** Starts the uptime checker in this process (npm start; npm run start:uptime runs it alone). */
  startUptime(): void;
  /** Stops taking events and flushes what is buffered (graceful shutdown). */
  close(): Promise<void>;
}

export async function createIngest(
  stores: Pick<Stores, 'prisma' | 'clickhouse'>,
  config: IngestConfig,
  log: Logger,
): Promise<Ingest> {
  const metrics = new IngestMetrics();
  const context: IngestContext = {
    config,
    log,
    stores,
    websites: websiteDirectory(stores.prisma),
    links: linkDirectory(stores.prisma),
    flags: new FlagCache(stores.prisma),
    salts: new DailySalts(stores.prisma),
    pipeline: {
      userAgents: new UserAgentParser(),
      pages: new PageParser(),
      geo: await openGeo(config.geoipCityDb),
      recentIds: new RecentIds(),
    },
    writer: await SpooledWriter.open(stores.clickhouse, metrics, log, {
      ...config.writer,
      spoolDir: join(config.spoolRoot, 'ingest'),
    }),
    columns: await ColumnTypes.load(stores.clickhouse, TABLES),
    metrics,
    rateLimiter: new RateLimiter(),
    revenue: new RevenueLedger(),
  };
  context.websites.start();
  context.links.start();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let path = req.url ?? '/';
    let browser = false;
    try {
      const url = requestUrl(req);
      path = url.pathname;
      browser = BROWSER_ROUTES.has(path);
      if (browser && req.method === 'OPTIONS') return preflight(req, res);
      const handler = req.method === 'GET' && path.startsWith('/l/') ? followLink : ROUTES[`${req.method} ${path}`];
      if (!handler) throw new HttpError(404, 'NOT_FOUND', `No route for ${req.method} ${path}`);
      await handler(context, req, res, url);
    } catch (error) {
      const known =
        error instanceof UnstorableTextError
          ? new HttpError(400, 'INVALID_TEXT', error.message)
          : error instanceof HttpError
            ? error
            : undefined;
      if (!known) log.error('request failed', { path, error: (error as Error).stack });
      const status = known?.status ?? 500;
      metrics.rejected.inc({ status: String(status), code: known?.code ?? 'INTERNAL' });
      const headers = { ...(browser ? corsHeaders(req) : {}), ...known?.headers };
      if (res.headersSent) return void res.end();
      sendJson(
        res,
        status,
        { error: { code: known?.code ?? 'INTERNAL', message: known?.message ?? 'Internal error' } },
        headers,
      );
    }
  }
  // Nothing a request does may reject unhandled: Node would exit, taking every service down.
  const server = createHttpServer(config.http, (req, res) =>
    handle(req, res).catch((error: Error) => {
      log.error('response failed', { error: error.stack });
      res.destroy();
    }),
  );

  const uptime = new UptimeChecker(stores.prisma, context.writer, log, {
    region: config.uptimeRegion,
    tickMs: 1000,
    batch: 50,
    allowPrivateTargets: config.uptimeAllowPrivateTargets,
  });
  return {
    server,
    context,
    startUptime: () => uptime.start(),
    async close() {
      await uptime.stop();
      context.websites.stop();
      context.links.stop();
      await context.writer.close();
    },
  };
}
