import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress, PrivateTargetError, publicOnlyLookup } from '../../runtime/private-targets.ts';

export interface ProbeTarget {
  url: string;
  method: string;
  timeoutMs: number;
  /** null: any 2xx is up. */
  expectedStatus: number | null;
  /** Whether loopback and private addresses may be reached (UPTIME_ALLOW_PRIVATE_TARGETS); default no. */
  allowPrivate?: boolean;
}

export interface ProbeResult {
  status: 'up' | 'down' | 'degraded';
  httpStatus: number | null;
  totalMs: number;
  /** Phases of the last request made (after redirects), where measurable. */
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number | null;
  responseBytes: number | null;
  error: string | null;
}

const MAX_REDIRECTS = 5;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

interface Hop {
  response: IncomingMessage;
  bytes: number;
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  firstByteMs: number;
}

/**
 * One request on a fresh connection (so DNS, connect and TLS are measured), body counted and
 * discarded. Unless private targets are allowed, every hop (redirects included) is checked where
 * it connects: the addresses its host resolves to now, or its literal address.
 */
function hop(url: URL, method: string, signal: AbortSignal, allowPrivate: boolean): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
      reject(new PrivateTargetError(literal));
      return;
    }
    const started = performance.now();
    const phases = { dnsMs: null as number | null, connectMs: null as number | null, tlsMs: null as number | null };
    let connectedAt = started;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method,
      agent: false,
      signal,
      ...(allowPrivate ? {} : { lookup: publicOnlyLookup }),
      headers: { 'user-agent': 'TidemarkUptime/1.0', accept: '*/*' },
    });
    req.on('socket', (socket) => {
      socket.once('lookup', () => {
        phases.dnsMs = performance.now() - started;
      });
      socket.once('connect', () => {
        connectedAt = performance.now();
        phases.connectMs = connectedAt - started - (phases.dnsMs ?? 0);
      });
      socket.once('secureConnect', () => {
        phases.tlsMs = performance.now() - connectedAt;
      });
    });
    req.once('response', (response) => {
      const firstByteMs = performance.now() - started;
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > MAX_BODY_BYTES) response.destroy();
      });
      response.once('end', () => resolve({ response, bytes, firstByteMs, ...phases }));
      response.once('close', () => resolve({ response, bytes, firstByteMs, ...phases }));
      response.once('error', reject);
    });
    req.once('error', reject);
    req.end();
  });
}

/**
 * Checks a URL: follows up to five redirects, times out as a whole after `timeoutMs`. Up when
 * the final status is the expected one (any 2xx by default); degraded when up but slower than
 * half the timeout; down otherwise, with the reason.
 */
export async function probe(target: ProbeTarget): Promise<ProbeResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(target.timeoutMs);
  const failed = (error: string, httpStatus: number | null = null): ProbeResult => ({
    status: 'down',
    httpStatus,
    totalMs: performance.now() - started,
    dnsMs: null,
    connectMs: null,
    tlsMs: null,
    firstByteMs: null,
    responseBytes: null,
    error,
  });
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    return failed('invalid URL');
  }
  for (let redirects = 0; ; redirects++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return failed(`unsupported protocol ${url.protocol}`);
    let result: Hop;
    try {
      result = await hop(url, target.method, signal, target.allowPrivate ?? false);
    } catch (error) {
      return failed(signal.aborted ? `timeout after ${target.timeoutMs} ms` : (error as Error).message);
    }
    const status = result.response.statusCode ?? 0;
    const location = result.response.headers.location;
    if (status >= 300 && status < 400 && location && target.expectedStatus !== status) {
      if (redirects >= MAX_REDIRECTS) return failed('too many redirects', status);
      url = new URL(location, url);
      continue;
    }
    const totalMs = performance.now() - started;
    const ok = target.expectedStatus === null ? status >= 200 && status < 300 : status === target.expectedStatus;
    return {
      status: !ok ? 'down' : totalMs > target.timeoutMs / 2 ? 'degraded' : 'up',
      httpStatus: status,
      totalMs,
      dnsMs: result.dnsMs,
      connectMs: result.connectMs,
      tlsMs: result.tlsMs,
      firstByteMs: result.firstByteMs,
      responseBytes: result.bytes,
      error: ok ? null : `unexpected status ${status}`,
    };
  }
}
