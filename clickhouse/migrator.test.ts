import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickHouseMigrationStatus, MIGRATIONS_DIR, MigrationError, migrateClickHouse } from './migrator.ts';
import { runQuery } from './query.ts';
import { sql } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

const TABLES = [
  'analytics.events',
  'analytics.daily_pageviews',
  'analytics.daily_pageviews_mv',
  'analytics.web_vitals',
  'analytics.error_spans',
  'analytics.error_hourly',
  'analytics.error_hourly_mv',
  'analytics.custom_events',
  'analytics.link_clicks',
  'analytics.revenue',
  'analytics.schema_migrations',
  'analytics.visits',
  'analytics.visits_mv',
  'observability.ai_call_spans',
  'uptime.checks',
];

// The shipped migrations are numbered 1..COUNT; the test's own come after them.
const COUNT = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
const EXTRA = `${String(COUNT + 1).padStart(4, '0')}_extra.sql`;
const MORE = `${String(COUNT + 2).padStart(4, '0')}_more.sql`;

describe('ClickHouse migrator', () => {
  let ch: TestClickHouse;
  let dir: string;
  beforeAll(async () => {
    ch = await freshClickHouse({ migrate: false });
    dir = mkdtempSync(join(tmpdir(), 'tidemark-ch-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await ch.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates every table of the design with its engine', async () => {
    const applied = await migrateClickHouse({ client: ch.client, dir });
    expect(applied.map((m) => m.version)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    const rows = await runQuery<{ name: string; engine: string }>(ch.client, {
      name: 'list_tables',
      query: sql`SELECT concat(database, '.', name) AS name, engine FROM system.tables
        WHERE database IN ('analytics', 'uptime', 'observability') ORDER BY name`,
    });
    expect(rows.map((r) => r.name).sort()).toEqual([...TABLES].sort());
    const engine = Object.fromEntries(rows.map((r) => [r.name, r.engine]));
    expect(engine['analytics.error_hourly']).toBe('AggregatingMergeTree');
    expect(engine['analytics.revenue']).toBe('ReplacingMergeTree');
    expect(engine['analytics.web_vitals']).toBe('ReplacingMergeTree');
    expect(engine['analytics.daily_pageviews_mv']).toBe('MaterializedView');
    expect(engine['analytics.visits']).toBe('AggregatingMergeTree');
  });

  it('is a no-op the second time and reports everything applied', async () => {
    expect(await migrateClickHouse({ client: ch.client, dir })).toEqual([]);
    const status = await clickHouseMigrationStatus({ client: ch.client, dir });
    expect(status.map((s) => s.state)).toEqual(Array(COUNT).fill('applied'));
  });

  it('applies a new migration and reports it pending before', async () => {
    writeFileSync(join(dir, EXTRA), "ALTER TABLE analytics.events ADD COLUMN IF NOT EXISTS extra String DEFAULT '';\n");
    expect((await clickHouseMigrationStatus({ client: ch.client, dir })).at(-1)?.state).toBe('pending');
    expect((await migrateClickHouse({ client: ch.client, dir })).map((m) => m.name)).toEqual(['extra']);
  });

  it('refuses an edited migration before applying anything else', async () => {
    const file = join(dir, '0002_events.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- sneaky edit\n`);
    writeFileSync(join(dir, MORE), 'CREATE DATABASE IF NOT EXISTS never_created;\n');
    const error = await migrateClickHouse({ client: ch.client, dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).problems).toEqual([
      '2_events was edited after it was applied; add a new migration instead',
    ]);
    const databases = await runQuery<{ n: number }>(ch.client, {
      name: 'count_databases',
      query: sql`SELECT count() AS n FROM system.databases WHERE name = 'never_created'`,
    });
    expect(databases[0]?.n).toBe(0);
    expect((await clickHouseMigrationStatus({ client: ch.client, dir }))[1]?.state).toBe('edited');
  });

  it('refuses when an applied migration file is gone', async () => {
    rmSync(join(dir, MORE));
    rmSync(join(dir, EXTRA));
    cpSync(join(MIGRATIONS_DIR, '0002_events.sql'), join(dir, '0002_events.sql'));
    await expect(migrateClickHouse({ client: ch.client, dir })).rejects.toThrow(
      new RegExp(`${COUNT + 1}_extra was applied but its file is gone`),
    );
  });
});
