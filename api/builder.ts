import SchemaBuilder from '@pothos/core';
import type { Context } from './context.ts';

/** The Pothos builder. Types live in schema/<domain>.ts, never here. */
export const builder = new SchemaBuilder<{ Context: Context; DefaultFieldNullability: false }>({
  // Fields are non-null unless marked nullable: typed clients get precise types.
  defaultFieldNullability: false,
});

builder.queryType({ description: 'Entry point for reads.' });
