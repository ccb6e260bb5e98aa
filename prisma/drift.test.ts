import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from './migrate.ts';
import { SCHEMA_FILE } from './migrate-dev.ts';
import { diffMigrationsToSchema, isEmptyScript } from './schema-engine.ts';
import { postgresTargets } from './test-support.ts';

const schema = readFileSync(SCHEMA_FILE, 'utf8');

describe.each(postgresTargets)('schema.prisma against prisma/migrations on $name', (target) => {
  async function diff(schemaText: string) {
    const shadow = await target.create();
    try {
      return await diffMigrationsToSchema({ schema: schemaText, migrationsDir: MIGRATIONS_DIR, shadowUrl: shadow.url });
    } finally {
      await shadow.close();
    }
  }

  it('agree (else run `npm run migrate:dev -- --name <change>`)', async () => {
    const sql = await diff(schema);
    expect(isEmptyScript(sql), sql).toBe(true);
  });

  it('would notice a schema change', async () => {
    const changed = schema.replace('  logo      String?\n', '  logo      String?\n  website   String?\n');
    expect(changed).not.toBe(schema);
    expect(await diff(changed)).toContain('ALTER TABLE "organization" ADD COLUMN     "website" TEXT;');
  });
});
