import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { HttpError } from '../http.ts';

/** Where `npm run build` (also run by `npm ci` and `npm start`) writes the tracker. */
const DIST = new URL('../../tracker/dist/', import.meta.url);

export const TRACKER_FILES = ['tracker.js', 'tracker.core.js', 'tracker-vitals.js'] as const;

interface Cached {
  mtimeMs: number;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}
const cache = new Map<string, Cached>();

/** The file, re-read when a rebuild changed it. */
async function load(name: string): Promise<Cached> {
  const file = new URL(name, DIST);
  const { mtimeMs } = await stat(file).catch(() => {
    throw new HttpError(404, 'NOT_BUILT', `${name} has not been built: run npm run build`);
  });
  let cached = cache.get(name);
  if (cached?.mtimeMs !== mtimeMs) {
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
    cached = { mtimeMs, body, gzipped: gzipSync(body, { level: 9 }), etag };
    cache.set(name, cached);
  }
  return cached;
}

/**
 * GET /tracker.js and its siblings, for any site to embed: fresh for a day, then revalidated by
 * ETag; gzipped when the browser accepts it (the size budgets are gzipped sizes).
 */
export const trackerFile = (name: string) => async (_: unknown, req: IncomingMessage, res: ServerResponse) => {
  const { body, gzipped, etag } = await load(name);
  const headers: Record<string, string> = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=86400, must-revalidate',
    etag,
    vary: 'Accept-Encoding',
    'access-control-allow-origin': '*',
    'cross-origin-resource-policy': 'cross-origin',
    'x-content-type-options': 'nosniff',
  };
  if (req.headers['if-none-match'] === etag) return void res.writeHead(304, headers).end();
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gzip) headers['content-encoding'] = 'gzip';
  res.writeHead(200, headers).end(gzip ? gzipped : body);
};
