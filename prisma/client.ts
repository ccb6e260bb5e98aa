import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Gauge } from 'prom-client';
import { PrismaClient as BaseClient } from './generated/client.ts';

/**
 * A string PostgreSQL cannot store: text and jsonb both refuse U+0000 (`invalid byte sequence
 * for encoding "UTF8": 0x00`). Raised before the query is sent; each service answers it as the
 * client's error (ingest 400, API BAD_USER_INPUT).
 */
export class UnstorableTextError extends Error {
  constructor(readonly path: string[]) {
    super('A text value contains a NUL character (U+0000), which cannot be stored.');
  }
}

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null || Array.isArray(value);
};

/**
 * The path of the first string (or object key) holding NUL in a query's arguments, or null.
 * Iterative, so arguments of any depth cannot overflow the stack; only plain objects and arrays
 * are walked (Dates, Decimals, Buffers hold no text), which also keeps the hot path cheap.
 */
export function nulPath(args: unknown): string[] | null {
  const stack: [unknown, string[]][] = [[args, []]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes('\0')) return path;
    } else if (value !== null && typeof value === 'object' && isPlain(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes('\0')) return path;
        stack.push([child, [...path, key]]);
      }
    }
  }
  return null;
}

/** Refuses any model query whose arguments hold NUL (one place for both services). */
export function refuseUnstorableText(client: BaseClient) {
  return client.$extends({
    name: 'refuse-unstorable-text',
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          const path = nulPath(args);
          if (path) throw new UnstorableTextError(path);
          return query(args);
        },
      },
    },
  });
}

export type PrismaClient = ReturnType<typeof refuseUnstorableText>;

/** The pools of this process's Prisma clients, until they end. */
const pools = new Set<pg.Pool>();

/**
 * Connections of the Prisma clients' pools at scrape time: `total` open, `idle`, `waiting`
 * (queries queued for a connection: the pool is too small or PostgreSQL too slow). The same
 * on embedded PGlite, whose pool connects over pglite-socket; PGlite itself runs one query at a
 * time, so there `waiting` and busy (`total` - `idle`) are what to watch. Exposed by
 * runtime/metrics.ts.
 */
export const postgresPoolConnections = new Gauge({
  name: 'tidemark_postgres_pool_connections',
  help: 'Connections of the PostgreSQL pools (total, idle) and queries waiting for one (waiting).',
  labelNames: ['state'] as const,
  registers: [],
  collect() {
    let total = 0;
    let idle = 0;
    let waiting = 0;
    for (const pool of pools) {
      if (pool.ended) {
        pools.delete(pool);
        continue;
      }
      total += pool.totalCount;
      idle += pool.idleCount;
      waiting += pool.waitingCount;
    }
    this.set({ state: 'total' }, total);
    this.set({ state: 'idle' }, idle);
    this.set({ state: 'waiting' }, waiting);
  },
});

/** The Prisma client over node-postgres; the same for embedded PGlite and a real server. */
export function createPrisma(url: string, poolSize = 10): PrismaClient {
  for (const pool of pools) if (pool.ended) pools.delete(pool);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pools.add(pool);
  return refuseUnstorableText(new BaseClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }));
}
