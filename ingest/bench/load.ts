import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * Load generator, run in a worker thread so it has the other core: keeps `concurrency`
 * requests in flight for `seconds`, each carrying `eventsPerRequest` fresh page views.
 */
export interface LoadSpec {
  url: string;
  clientId: string;
  userAgent: string;
  eventsPerRequest: number;
  concurrency: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  failures: number;
  events: number;
  seconds: number;
  latenciesMs: number[];
}

/**
 * A body builder: `eventsPerRequest` page views with fresh event ids, as JSON. Everything but
 * the ids is serialised once, so the generator spends its CPU on requests, not on JSON.
 */
function bodies(spec: LoadSpec): () => string {
  const prefix = randomUUID();
  let sequence = 0;
  const rest = Array.from({ length: spec.eventsPerRequest }, (_, i) =>
    JSON.stringify({
      anonymousId: `v${i % 97}`,
      sessionId: `s${i % 13}`,
      url: `https://example.com/docs/page-${i % 40}?utm_source=bench`,
      title: 'Benchmark page',
      referrer: 'https://www.google.com/',
      screenResolution: '1920x1080',
      language: 'en-US',
      loadTime: 800 + i,
    }).slice(1),
  );
  const head = `{"clientId":${JSON.stringify(spec.clientId)},"events":[`;
  return () => {
    let body = head;
    for (let i = 0; i < rest.length; i++) {
      body += `${i ? ',' : ''}{"type":"screen_view","eventId":"${prefix}-${sequence++}",${rest[i]}`;
    }
    return `${body}]}`;
  };
}

/**
 * One kept-alive HTTP/1.1 connection sending POSTs one after another. Written on a bare socket:
 * node:http's client spent ~300 µs of CPU per request here, on the cores the measured server
 * needs, and would make every figure a measure of the generator instead.
 */
class Connection {
  private socket: Socket;
  private pending: Buffer[] = [];
  private waiting?: (status: number) => void;
  private closed = false;

  constructor(url: URL) {
    this.socket = connect(Number(url.port || 80), url.hostname);
    this.socket.setNoDelay(true);
    this.socket.on('data', (chunk) => this.receive(chunk));
    this.socket.on('error', () => this.settle(0));
    this.socket.on('close', () => {
      this.closed = true;
      this.settle(0);
    });
  }

  /** Sends a request and resolves with the response status (0 if the connection is gone). */
  send(head: string, body: string): Promise<number> {
    if (this.closed) return Promise.resolve(0);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(`${head}${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  close() {
    this.socket.destroy();
  }

  /** Reads one response: status line, headers, then Content-Length bytes or chunks up to the last. */
  private receive(chunk: Buffer) {
    this.pending.push(chunk);
    const data = Buffer.concat(this.pending);
    const end = data.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = data.subarray(0, end).toString('latin1');
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    // Content-Length bytes, or chunks up to the last (empty) one.
    const rest = data.subarray(end + 4).toString('latin1');
    const complete = length
      ? rest.length >= Number(length[1])
      : rest.startsWith('0\r\n\r\n') || rest.endsWith('\r\n0\r\n\r\n');
    if (!complete) {
      this.pending = [data];
      return;
    }
    this.pending = [];
    this.settle(Number(head.slice(9, 12)));
  }

  private settle(status: number) {
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.(status);
  }
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const head =
    `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: keep-alive\r\n` +
    `Content-Type: text/plain\r\nOrigin: https://example.com\r\nUser-Agent: ${spec.userAgent}\r\nContent-Length: `;
  const latenciesMs: number[] = [];
  const body = bodies(spec);
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      let connection = new Connection(url);
      while (performance.now() < deadline) {
        const sent = performance.now();
        const status = await connection.send(head, body());
        latenciesMs.push(performance.now() - sent);
        requests++;
        if (status !== 200) failures++;
        if (status === 0) {
          connection.close();
          connection = new Connection(url);
        }
      }
      connection.close();
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests, failures, events: (requests - failures) * spec.eventsPerRequest, seconds, latenciesMs };
}

if (parentPort) parentPort.postMessage(await run(workerData as LoadSpec));
