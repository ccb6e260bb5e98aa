import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
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

/** POSTs one body over a kept-alive connection; resolves with the status (0 on a network error). */
function post(url: URL, agent: Agent, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const headers = { 'content-type': 'text/plain', origin: 'https://example.com', 'user-agent': spec.userAgent };
  const latenciesMs: number[] = [];
  const body = bodies(spec);
  let requests = 0;
  let failures = 0;
  const started = performance.now();
  const deadline = started + spec.seconds * 1000;
  await Promise.all(
    Array.from({ length: spec.concurrency }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const status = await post(url, agent, headers, body());
        latenciesMs.push(performance.now() - sent);
        requests++;
        if (status !== 200) failures++;
      }
    }),
  );
  agent.destroy();
  const seconds = (performance.now() - started) / 1000;
  return { requests, failures, events: (requests - failures) * spec.eventsPerRequest, seconds, latenciesMs };
}

if (parentPort) parentPort.postMessage(await run(workerData as LoadSpec));
