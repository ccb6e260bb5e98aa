import { type GraphQLSchema, isObjectType, lexicographicSortSchema } from 'graphql';
import { builder } from './builder.ts';
import './schema/index.ts';

/** The complete, sorted schema; api/schema.graphql is this, printed. */
export const schema = lexicographicSortSchema(describeTotalCounts(builder.toSchema()));

/** The Prisma plugin adds connections' totalCount fields without a way to describe them. */
function describeTotalCounts(built: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(built.getTypeMap())) {
    const field = isObjectType(type) ? type.getFields().totalCount : undefined;
    if (field && !field.description) field.description = 'Number of items in the whole list, not only this page.';
  }
  return built;
}
