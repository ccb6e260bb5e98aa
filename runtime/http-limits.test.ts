import type { Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../api/request-limits.ts';
import { createApiServer } from '../api/server.ts';
import { startTestIngest, type TestIngest } from '../ingest/test-support.ts';
import { UNKNOWN_KEYS_PER_MINUTE } from '../prisma/api-key-access.ts';
import { createLogger } from './log.ts';
import { closeServer, listen } from './service.ts';

// Both HTTP servers against slow and piled-up clients, with short limits so the tests are short.
const MAX_CONNECTIONS = 4;
let t: TestIngest;
let api: Server;
const ports: Record<string, number> = {};
beforeAll(async () => {
  t = await startTestIngest({
    HTTP_HEADERS_TIMEOUT_MS: '300',
    HTTP_REQUEST_TIMEOUT_MS: '600',
    HTTP_MAX_CONNECTIONS: String(MAX_CONNECTIONS),
  });
  ports.ingest = Number(new URL(t.url).port);
  api = createApiServer({ prisma: t.prisma, clickhouse: t.clickhouse }, createLogger('api-test', 'error'), {
    http: t.ingest.context.config.http,
  });
  ports.api = await listen(api, 0, '127.0.0.1');
});
afterAll(async () => {
  await closeServer(api);
  await t.close();
});

/** A raw connection: what the server sent, and a promise of its close. */
function open(port: number) {
  const socket = connect(port, '127.0.0.1');
  const state = { received: '', socket, closed: undefined as unknown as Promise<void> };
  socket.on('data', (chunk) => {
    state.received += chunk;
  });
  socket.on('error', () => {});
  state.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  return state;
}

/** Writes `pieces` one by one, a little apart, until the socket closes. */
function trickle(socket: Socket, first: string, piece: string): NodeJS.Timeout {
  socket.write(first);
  return setInterval(() => {
    if (!socket.destroyed) socket.write(piece);
  }, 50);
}

const ROUTES = {
  ingest: { post: '/v1/batch', get: '/health' },
  api: { post: '/graphql', get: '/health' },
};

describe.each(Object.entries(ROUTES))('the %s server', (name, route) => {
  it('cuts off a client trickling its headers with 408', async () => {
    const client = open(ports[name] as number);
    const timer = trickle(client.socket, `GET ${route.get} HTTP/1.1\r\nhost: x\r\n`, 'x-slow: 1\r\n');
    await client.closed;
    clearInterval(timer);
    expect(client.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off a client trickling its body with 408', async () => {
    const client = open(ports[name] as number);
    const head = `POST ${route.post} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100000\r\n\r\n`;
    const timer = trickle(client.socket, head, ' ');
    await client.closed;
    clearInterval(timer);
    expect(client.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('refuses connections past the cap, and takes new ones once they close', async () => {
    // Keep-alive connections that made one request each: open and idle, counted by the server.
    const held = Array.from({ length: MAX_CONNECTIONS }, () => open(ports[name] as number));
    for (const client of held) client.socket.write(`GET ${route.get} HTTP/1.1\r\nhost: x\r\n\r\n`);
    await expect.poll(() => held.every((c) => c.received.startsWith('HTTP/1.1 200'))).toBe(true);
    const extra = open(ports[name] as number);
    extra.socket.write(`GET ${route.get} HTTP/1.1\r\nhost: x\r\n\r\n`);
    await extra.closed;
    expect(extra.received).toBe('');
    for (const client of held) client.socket.destroy();
    await Promise.all(held.map((c) => c.closed));
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${ports[name]}${route.get}`)).status).toBe(200);
  });
});

describe('the api server', () => {
  const graphql = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${ports.api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit);
  /** A query for `{ __typename }` padded with whitespace to `bytes` bytes. */
  const padded = (bytes: number) => {
    const json = JSON.stringify({ query: '{ __typename }' });
    return `${json.slice(0, -1) + ' '.repeat(bytes - json.length)}}`;
  };
  const refusal = {
    errors: [{ message: `Body exceeds ${MAX_REQUEST_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
  };

  it('answers a body of the limit exactly', async () => {
    const response = await graphql(padded(MAX_REQUEST_BYTES));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a declared body past the limit with 413 before reading it', async () => {
    const response = await graphql(padded(MAX_REQUEST_BYTES + 1));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(refusal);
  });

  it('refuses a chunked body once it passes the limit, without a length to go by', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far past the limit: the server answers before the client has sent it all.
        sent += chunk.length;
        if (sent > 50 * MAX_REQUEST_BYTES) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await graphql(stream);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual(refusal);
    expect(sent).toBeLessThan(50 * MAX_REQUEST_BYTES);
    // And the server goes on answering.
    expect((await graphql(JSON.stringify({ query: '{ __typename }' }))).status).toBe(200);
  });
});

describe('the API against key guessing', () => {
  it('answers 401 to the first unknown keys of an address, then 429 before looking keys up', async () => {
    const guess = (i: number) =>
      fetch(`http://127.0.0.1:${ports.api}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer tm_guess_${i}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const responses = [];
    for (let i = 0; i < UNKNOWN_KEYS_PER_MINUTE + 5; i++) responses.push(await guess(i));
    const statuses = responses.map((r) => r.status);
    expect(statuses.slice(0, UNKNOWN_KEYS_PER_MINUTE)).toEqual(Array(UNKNOWN_KEYS_PER_MINUTE).fill(401));
    expect(statuses.slice(UNKNOWN_KEYS_PER_MINUTE)).toEqual(Array(5).fill(429));
    const refused = (await responses.at(-1)?.json()) as { errors: { extensions: { code: string } }[] };
    expect(refused.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(Number(responses.at(-1)?.headers.get('retry-after'))).toBeGreaterThan(0);
    // A request without a key is not held back by the guesses of its address.
    const anonymous = await fetch(`http://127.0.0.1:${ports.api}/graphql?query=%7B__typename%7D`);
    expect(anonymous.status).toBe(200);
  });
});
