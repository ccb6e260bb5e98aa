import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSchema } from 'graphql';
import { schema } from './executable-schema.ts';

/** Writes api/schema.graphql, the committed contract (`npm run schema`). */
export const SCHEMA_FILE = join(import.meta.dirname, 'schema.graphql');
export const printedSchema = () => `${printSchema(schema)}\n`;

if (process.argv[1] === import.meta.filename) {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log(`wrote ${SCHEMA_FILE}`);
}
