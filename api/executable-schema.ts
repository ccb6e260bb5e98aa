import { lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './schema/index.ts';

/** The complete, sorted schema; api/schema.graphql is this, printed. */
export const schema = lexicographicSortSchema(builder.toSchema());
