import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../runtime/log.ts';
import type { Stores } from '../runtime/stores.ts';

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The ingest service. Routes beyond /health arrive with the ingest issue. */
export function createIngestServer(_stores: Pick<Stores, 'prisma' | 'clickhouse'>, log: Logger): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://ingest').pathname;
    if (req.method === 'GET' && path === '/health') return json(res, 200, { status: 'ok' });
    log.debug('not found', { method: req.method, path });
    json(res, 404, { error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${path}` } });
  });
}
