import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmbeddedClickHouseMissingError } from '../clickhouse/client.ts';
import { MigrationError } from '../clickhouse/migrator.ts';
import { PrismaMigrationError } from '../prisma/migrate.ts';
import { ConfigError, type HttpLimits } from './config.ts';

/**
 * An HTTP server that cuts off slow clients (headers or body trickled past their time: 408,
 * then close), closes idle keep-alive connections and refuses connections past the cap.
 * Node checks the timeouts every `connectionsCheckingInterval` (30 s by default): checked at
 * least every second here, so a limit means what it says.
 */
export function createHttpServer(limits: HttpLimits, handler: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    handler,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}

/** A problem an operator fixes (a port in use, a data directory in use or unwritable): one line, no stack. */
export class StartupError extends Error {}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'the port is in use (stop what holds it, or set PORT / INGEST_PORT to another port)',
  EACCES: 'permission denied (ports below 1024 need privileges: choose a higher port)',
  EADDRNOTAVAIL: 'this machine has no such address (HOST)',
  ENOTFOUND: 'this machine has no such address (HOST)',
};

/** Starts listening and resolves with the bound port (which differs from `port` when it is 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const problem = LISTEN_ERRORS[error.code ?? ''];
      reject(problem ? new StartupError(`Cannot listen on ${host}:${port}: ${problem}`) : error);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Stops accepting connections and lets requests in flight finish (an ingest request waits for
 * its events to be stored), cutting off whatever is still open after `graceMs`.
 */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Failures an operator fixes: their message says it all. */
const OPERATOR_ERRORS = [
  ConfigError,
  StartupError,
  PrismaMigrationError,
  MigrationError,
  EmbeddedClickHouseMissingError,
];

/** What an operator reads when a command fails: the message for what they can fix, the stack for a bug. */
function report(error: unknown): void {
  console.error(OPERATOR_ERRORS.some((type) => error instanceof type) ? (error as Error).message : error);
}

/**
 * Runs a service process: starts it, stops it cleanly on SIGINT/SIGTERM, and exits non-zero
 * with a readable message when configuration or start-up fails. The signal handlers are in
 * place before start-up begins: a signal during start-up waits for it, then stops.
 */
export function runService(start: () => Promise<() => Promise<void>>): void {
  const started = start();
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    started
      .then((stop) => stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  started.catch((error: unknown) => {
    report(error);
    process.exit(1);
  });
}

/** Runs a one-off command (migrate, demo, admin-key): exit 0 when done, 1 with a readable message on failure. */
export function runCommand(command: () => Promise<void>): void {
  command().then(
    () => process.exit(0),
    (error: unknown) => {
      report(error);
      process.exit(1);
    },
  );
}
