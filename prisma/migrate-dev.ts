import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from './embedded.ts';
import { MIGRATIONS_DIR } from './migrate.ts';
import { diffMigrationsToSchema, isEmptyScript, MIGRATION_LOCK } from './schema-engine.ts';

export const SCHEMA_FILE = join(import.meta.dirname, 'schema.prisma');

/** The SQL from the committed migrations to schema.prisma, computed on a throwaway embedded database. */
export async function pendingSchemaChanges(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-shadow-'));
  const shadow = await startEmbeddedPostgres(join(dir, 'postgres'), 4);
  try {
    return await diffMigrationsToSchema({
      schema: readFileSync(SCHEMA_FILE, 'utf8'),
      migrationsDir: MIGRATIONS_DIR,
      shadowUrl: shadow.url,
    });
  } finally {
    await shadow.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const timestamp = (d = new Date()) => d.toISOString().replace(/\D/g, '').slice(0, 14);

// `npm run migrate:dev -- --name <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// for the changes in schema.prisma, offline. Apply it with `npm run migrate` (or `npm start`).
if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { name: { type: 'string' } } });
  if (!values.name || !/^[a-z0-9_]+$/.test(values.name)) {
    console.error('usage: npm run migrate:dev -- --name <snake_case_name>');
    process.exit(2);
  }
  const sql = await pendingSchemaChanges();
  if (isEmptyScript(sql)) {
    console.log('schema.prisma and prisma/migrations agree: no migration needed.');
  } else {
    const dir = join(MIGRATIONS_DIR, `${timestamp()}_${values.name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'migration.sql'), sql);
    writeFileSync(join(MIGRATIONS_DIR, 'migration_lock.toml'), MIGRATION_LOCK);
    console.log(`wrote ${relative(process.cwd(), join(dir, 'migration.sql'))}; review it, then \`npm run migrate\`.`);
  }
}
