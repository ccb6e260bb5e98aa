import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { dumpFreshSchema, SCHEMA_FILE } from './dump-schema.ts';

it('clickhouse/schema.sql matches the migrations (run `npm run schema:clickhouse`)', async () => {
  expect(await dumpFreshSchema()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});
