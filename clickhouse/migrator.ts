import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClickHouseClient } from './client.ts';
import { renderForCluster } from './cluster.ts';
import { runQuery } from './query.ts';
import { sql } from './sql.ts';

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations');
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  checksum: string;
  statements: string[];
}

export interface MigratorOptions {
  client: ClickHouseClient;
  /** Cluster name: render DDL with ON CLUSTER, Replicated engines and Distributed tables. */
  cluster?: string;
  dir?: string;
  log?: (message: string) => void;
}

export type MigrationState = 'applied' | 'pending' | 'edited' | 'missing';

export interface MigrationStatus {
  version: number;
  name: string;
  state: MigrationState;
  appliedAt?: string;
}

export class MigrationError extends Error {
  constructor(readonly problems: string[]) {
    super(`ClickHouse migrations refused:\n  ${problems.join('\n  ')}`);
  }
}

const BOOKKEEPING = [
  'CREATE DATABASE IF NOT EXISTS analytics',
  `CREATE TABLE IF NOT EXISTS analytics.schema_migrations (
  version UInt32,
  name String,
  checksum String,
  applied_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(applied_at)
ORDER BY version`,
];

/** Splits a migration file into statements: `;` ends a statement at the end of a line; `--` lines are comments. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const match = FILE_NAME.exec(file);
      if (!match) throw new Error(`Bad ClickHouse migration file name (want NNNN_name.sql): ${file}`);
      const text = readFileSync(join(dir, file), 'utf8');
      return {
        version: Number(match[1]),
        name: match[2] as string,
        checksum: createHash('sha256').update(text).digest('hex'),
        statements: splitStatements(text),
      };
    });
  migrations.forEach((migration, i) => {
    if (migration.version !== i + 1) throw new Error(`ClickHouse migration ${migration.version} out of sequence`);
  });
  return migrations;
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
  applied_at: string;
}

async function execute(client: ClickHouseClient, statement: string, cluster?: string): Promise<void> {
  for (const query of cluster ? renderForCluster(statement, cluster) : [statement]) {
    await client.command({ query });
  }
}

async function readApplied(client: ClickHouseClient, cluster?: string): Promise<Map<number, AppliedRow>> {
  for (const statement of BOOKKEEPING) await execute(client, statement, cluster);
  const rows = await runQuery<AppliedRow>(client, {
    name: 'schema_migrations_applied',
    query: sql`SELECT version, name, checksum, toString(applied_at) AS applied_at
      FROM analytics.schema_migrations FINAL ORDER BY version`,
  });
  return new Map(rows.map((row) => [row.version, row]));
}

function compare(migrations: Migration[], applied: Map<number, AppliedRow>): MigrationStatus[] {
  const known = new Set(migrations.map((m) => m.version));
  const statuses: MigrationStatus[] = migrations.map((migration) => {
    const row = applied.get(migration.version);
    if (!row) return { version: migration.version, name: migration.name, state: 'pending' };
    const state = row.checksum === migration.checksum ? 'applied' : 'edited';
    return { version: migration.version, name: migration.name, state, appliedAt: row.applied_at };
  });
  for (const row of applied.values()) {
    if (!known.has(row.version)) statuses.push({ ...row, state: 'missing', appliedAt: row.applied_at });
  }
  return statuses.sort((a, b) => a.version - b.version);
}

export async function clickHouseMigrationStatus(options: MigratorOptions): Promise<MigrationStatus[]> {
  return compare(loadMigrations(options.dir), await readApplied(options.client, options.cluster));
}

/**
 * Applies pending migrations in order. Refuses to run, before touching anything, when an
 * applied migration was edited or deleted. Safe to run twice or concurrently: statements
 * are idempotent (`IF NOT EXISTS`) and the bookkeeping table replaces duplicate rows.
 */
export async function migrateClickHouse(options: MigratorOptions): Promise<Migration[]> {
  const { client, cluster, log = () => {} } = options;
  const migrations = loadMigrations(options.dir);
  const statuses = compare(migrations, await readApplied(client, cluster));
  const problems = statuses
    .filter((s) => s.state === 'edited' || s.state === 'missing')
    .map((s) =>
      s.state === 'edited'
        ? `${s.version}_${s.name} was edited after it was applied; add a new migration instead`
        : `${s.version}_${s.name} was applied but its file is gone`,
    );
  if (problems.length > 0) throw new MigrationError(problems);

  const pending = migrations.filter((m) => statuses.find((s) => s.version === m.version)?.state === 'pending');
  for (const migration of pending) {
    for (const statement of migration.statements) await execute(client, statement, cluster);
    await client.insert({
      table: 'analytics.schema_migrations',
      values: [
        {
          version: migration.version,
          name: migration.name,
          checksum: migration.checksum,
          applied_at: new Date().toISOString(),
        },
      ],
      format: 'JSONEachRow',
    });
    log(`clickhouse: applied ${String(migration.version).padStart(4, '0')}_${migration.name}`);
  }
  return pending;
}
