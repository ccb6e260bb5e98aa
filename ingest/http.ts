import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyError, readBody as readBoundedBody } from '../runtime/http-body.ts';
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

/** The body, refused as runtime/http-body.ts decides, in ingest's error shape. */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  readBoundedBody(req, limit).catch((error: unknown) => {
    throw error instanceof BodyError ? new HttpError(error.status, error.code, error.message) : error;
  });

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
