import { resolve } from 'node:path';
import { z } from 'zod';

/** All configuration problems at once, so an operator fixes them in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

/**
 * Parses environment variables with several schemas at once (empty values count as unset),
 * collecting the problems of all of them before failing.
 */
export function parseEnv<T extends Record<string, z.ZodType>>(
  schemas: T,
  env: NodeJS.ProcessEnv = process.env,
): { [K in keyof T]: z.output<T[K]> } {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(schemas)) {
    const result = schema.safeParse(present);
    if (result.success) parsed[key] = result.data;
    else problems.push(...result.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return parsed as { [K in keyof T]: z.output<T[K]> };
}

/** Directory of everything kept on local disk: the embedded stores, the ingest spool. */
export const dataDir = z.string().default('./data');

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65_535).default(fallback);

/** Where the two stores live: servers by URL, otherwise embedded engines under DATA_DIR. */
export const storeEnv = z
  .object({
    DATA_DIR: dataDir,
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
    CLICKHOUSE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s):// URL' }).optional(),
    CLICKHOUSE_USER: z.string().default('default'),
    CLICKHOUSE_PASSWORD: z.string().default(''),
    CLICKHOUSE_CLUSTER: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier')
      .optional(),
  })
  .transform((env) => ({
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    clickhouse: {
      url: env.CLICKHOUSE_URL,
      username: env.CLICKHOUSE_USER,
      password: env.CLICKHOUSE_PASSWORD,
      dataDir: resolve(env.DATA_DIR, 'clickhouse'),
    },
    cluster: env.CLICKHOUSE_CLUSTER,
  }));

export type StoreConfig = z.output<typeof storeEnv>;

/**
 * Whether uptime monitors may target loopback and private addresses (intranet monitoring). Off by
 * default: a tenant could otherwise probe the instance's own network. Read by the API (when a
 * monitor is saved) and the checker (at every check).
 */
export const allowPrivateTargets = z.stringbool().default(false);

/** Bearer token of GET /metrics on both services; unset, only this machine may read them (runtime/metrics.ts). */
export const metricsToken = z.string().min(16, 'must be at least 16 characters').optional();

/** TRUST_PROXY: how many proxies in front of the service to trust for X-Forwarded-* (true = 1). */
export const trustProxy = z
  .string()
  .default('0')
  .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)))
  .pipe(z.number().int().min(0).max(10));

/** Settings every service process shares. */
export const processEnv = z.object({
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

const milliseconds = (fallback: number) => z.coerce.number().int().min(1).max(3_600_000).default(fallback);

/**
 * Limits of an HTTP server against slow and piled-up clients (the same variables for API and
 * ingest). A client that trickles its headers or body is cut off (408) once its time is up, an
 * idle keep-alive connection closes, and connections past the cap are refused at accept.
 */
export const httpEnvFields = {
  /** Time to receive a request's headers. */
  HTTP_HEADERS_TIMEOUT_MS: milliseconds(10_000),
  /** Time to receive a whole request, body included (at least the headers' time). */
  HTTP_REQUEST_TIMEOUT_MS: milliseconds(30_000),
  /** How long an idle keep-alive connection stays open. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
  /** Open connections per server; more are refused. */
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().min(1).default(4096),
};

export interface HttpLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

type HttpEnv = { [K in keyof typeof httpEnvFields]: z.output<(typeof httpEnvFields)[K]> };

/** Node refuses a headers timeout longer than the request timeout: say so with the other problems. */
export function checkHttpEnv(env: HttpEnv, ctx: z.RefinementCtx): void {
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['HTTP_HEADERS_TIMEOUT_MS'],
      message: 'must not exceed HTTP_REQUEST_TIMEOUT_MS',
    });
  }
}

export const httpLimits = (env: HttpEnv): HttpLimits => ({
  headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
  requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  maxConnections: env.HTTP_MAX_CONNECTIONS,
});
