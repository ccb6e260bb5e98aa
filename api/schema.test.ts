import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from './print-schema.ts';

it('api/schema.graphql matches the code (run `npm run schema`)', () => {
  expect(printedSchema()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});
