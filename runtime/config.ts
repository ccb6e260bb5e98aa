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

/** Settings every service process shares. */
export const processEnv = z.object({
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});
