import { readFileSync } from 'node:fs';
import { isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { schema } from './executable-schema.ts';
import { printedSchema, SCHEMA_FILE } from './print-schema.ts';

it('api/schema.graphql matches the code (run `npm run schema`)', () => {
  expect(printedSchema()).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
});

it('describes every type, field, argument and enum value (GraphiQL’s docs pane is the reference)', () => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : []) {
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  expect(missing).toEqual([]);
});
