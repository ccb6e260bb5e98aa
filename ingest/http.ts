import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../runtime/json-depth.ts';

/** An expected failure: answered with its status and a JSON `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Bytes of a refused upload read and dropped before the connection is cut instead. */
const DISCARD_LIMIT = 16 * 1024 * 1024;

/**
 * Reads and drops the rest of a refused upload. Closing the connection with the upload still
 * arriving makes the kernel answer it with a reset, which can reach the client before it has
 * read its 413 (and a client that writes its whole body first sees only the reset). Past
 * DISCARD_LIMIT bytes the connection is cut all the same; the request timeout bounds the time.
 */
function discardRest(req: IncomingMessage): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT) req.socket.destroy();
  });
  req.resume();
}

/**
 * Reads the whole body, refusing (413) past `limit` bytes without buffering the excess.
 * (Stream events rather than `for await`: its async iterator cost more than a small body.)
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => {
    discardRest(req);
    return new HttpError(413, 'PAYLOAD_TOO_LARGE', `Body exceeds ${limit} bytes`);
  };
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  if (req.destroyed) return Promise.reject(new HttpError(400, 'ABORTED', 'The request was aborted'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      reject(tooLarge());
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    req.once('error', reject);
    req.once('aborted', () => reject(new HttpError(400, 'ABORTED', 'The request was aborted')));
  });
}

/** JSON from application/json or text/plain (navigator.sendBeacon sends text/plain to avoid a preflight). */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'application/json' && type !== 'text/plain') {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send application/json or text/plain');
  }
  const body = await readBody(req, limit);
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'Body is not valid JSON');
  }
  if (nestedDeeperThan(json))
    throw new HttpError(400, 'INVALID_JSON', `JSON nests deeper than ${MAX_JSON_DEPTH} levels`);
  return json;
}

/**
 * The client's address: the socket's, or when `trustedHops` proxies sit in front of us, the
 * address the outermost trusted proxy saw (X-Forwarded-For is client, proxy1, proxy2, ...;
 * only the last `trustedHops` entries were written by proxies we trust).
 */
export function clientIp(req: IncomingMessage, trustedHops: number): string {
  const socketIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const header = req.headers['x-forwarded-for'];
  if (trustedHops === 0 || !header) return socketIp;
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',').map((h) => h.trim());
  return (hops[hops.length - trustedHops] ?? hops[0] ?? socketIp).replace(/^::ffff:/, '');
}
