import type { IncomingMessage } from 'node:http';

/** A body that cannot be read: too large (413) or aborted by the client (400). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: 'PAYLOAD_TOO_LARGE' | 'ABORTED',
    message: string,
  ) {
    super(message);
  }
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
 * Reads the whole body, refusing (413) past `limit` bytes without buffering the excess, whether
 * the client declared its length or streams it chunked. Both services read bodies through this.
 * (Stream events rather than `for await`: its async iterator cost more than a small body.)
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => {
    discardRest(req);
    return new BodyError(413, 'PAYLOAD_TOO_LARGE', `Body exceeds ${limit} bytes`);
  };
  const aborted = () => new BodyError(400, 'ABORTED', 'The request was aborted');
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.reject(tooLarge());
  if (req.destroyed) return Promise.reject(aborted());
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
    req.once('aborted', () => reject(aborted()));
  });
}
