import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Applies Prisma-format migrations (`prisma/migrations/<timestamp>_<name>/migration.sql`)
 * and records them in `_prisma_migrations` exactly as `prisma migrate deploy` does, so the
 * Prisma CLI reads the same history. Our own because the CLI's schema-engine binary cannot
 * be downloaded offline. Each migration runs in one transaction under an advisory lock.
 */

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');

export interface PrismaMigration {
  name: string;
  sql: string;
  checksum: string;
}

export type PrismaMigrationState = 'applied' | 'pending' | 'edited' | 'missing' | 'failed';

export interface PrismaMigrationStatus {
  name: string;
  state: PrismaMigrationState;
  appliedAt?: Date;
}

export class PrismaMigrationError extends Error {
  constructor(readonly problems: string[]) {
    super(`PostgreSQL migrations refused:\n  ${problems.join('\n  ')}`);
  }
}

// Prisma's own bookkeeping table, column for column.
const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

// Any constant works; it only has to be the same for every process migrating this database.
const ADVISORY_LOCK = 7_304_118_926;

export function loadPrismaMigrations(dir = MIGRATIONS_DIR): PrismaMigration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

async function readApplied(client: pg.Client): Promise<Map<string, AppliedRow>> {
  await client.query(CREATE_BOOKKEEPING);
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"
     WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return new Map(rows.map((row) => [row.migration_name, row]));
}

function compare(migrations: PrismaMigration[], applied: Map<string, AppliedRow>): PrismaMigrationStatus[] {
  const statuses: PrismaMigrationStatus[] = migrations.map(({ name, checksum }) => {
    const row = applied.get(name);
    if (!row) return { name, state: 'pending' };
    if (!row.finished_at) return { name, state: 'failed' };
    return { name, state: row.checksum === checksum ? 'applied' : 'edited', appliedAt: row.finished_at };
  });
  const known = new Set(migrations.map((m) => m.name));
  for (const row of applied.values()) {
    if (!known.has(row.migration_name)) statuses.push({ name: row.migration_name, state: 'missing' });
  }
  return statuses;
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export function postgresMigrationStatus(url: string, dir = MIGRATIONS_DIR): Promise<PrismaMigrationStatus[]> {
  return withClient(url, async (client) => compare(loadPrismaMigrations(dir), await readApplied(client)));
}

/** Applies pending migrations; refuses, before applying anything, if history was edited. */
export function migratePostgres(
  url: string,
  options: { dir?: string; log?: (message: string) => void } = {},
): Promise<string[]> {
  const { dir = MIGRATIONS_DIR, log = () => {} } = options;
  return withClient(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    try {
      const migrations = loadPrismaMigrations(dir);
      const statuses = compare(migrations, await readApplied(client));
      const problems = statuses.flatMap(({ name, state }) => {
        if (state === 'edited') return [`${name} was edited after it was applied; add a new migration instead`];
        if (state === 'missing') return [`${name} was applied but its directory is gone`];
        if (state === 'failed') return [`${name} failed earlier; fix the database, then mark it rolled back`];
        return [];
      });
      if (problems.length > 0) throw new PrismaMigrationError(problems);

      const applied: string[] = [];
      for (const migration of migrations.filter((m) => statuses.find((s) => s.name === m.name)?.state === 'pending')) {
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
             VALUES ($1, $2, $3, now(), now(), 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`PostgreSQL migration ${migration.name} failed: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(migration.name);
        log(`postgres: applied ${migration.name}`);
      }
      return applied;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK]);
    }
  });
}
