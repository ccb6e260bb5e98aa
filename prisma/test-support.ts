import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPrisma, type PrismaClient } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migratePostgres } from './migrate.ts';

export interface TestDatabase {
  url: string;
  close(): Promise<void>;
}

export interface PostgresTarget {
  name: string;
  /** A new, empty database. */
  create(): Promise<TestDatabase>;
}

export const pglite: PostgresTarget = {
  name: 'embedded PGlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'tidemark-pg-'));
    const server = await startEmbeddedPostgres(join(dir, 'postgres'));
    return {
      url: server.url,
      async close() {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

/** A scratch database on the server DATABASE_URL points at, dropped afterwards. */
function server(adminUrl: string): PostgresTarget {
  const admin = async <T>(run: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL server',
    async create() {
      const name = `tidemark_test_${randomBytes(6).toString('hex')}`;
      await admin((c) => c.query(`CREATE DATABASE ${name}`));
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        close: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
      };
    },
  };
}

/** Postgres-facing tests run on PGlite always, and also on the real server when DATABASE_URL is set. */
export const postgresTargets: PostgresTarget[] = process.env.DATABASE_URL
  ? [pglite, server(process.env.DATABASE_URL)]
  : [pglite];

export interface MigratedDatabase {
  url: string;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** A new database on `target` with every migration applied, and a Prisma client for it. */
export async function migratedDatabase(target: PostgresTarget, poolSize = 2): Promise<MigratedDatabase> {
  const db = await target.create();
  await migratePostgres(db.url);
  const prisma = createPrisma(db.url, poolSize);
  return {
    url: db.url,
    prisma,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}
