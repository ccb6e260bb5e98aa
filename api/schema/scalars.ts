import { Kind, type ValueNode } from 'graphql';
import { storableInstant } from '../../clickhouse/dates.ts';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../runtime/json-depth.ts';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';

builder.scalarType('DateTime', {
  description:
    'An instant in time, as an ISO 8601 string with a time zone (e.g. 2026-01-31T12:00:00Z), in the years 1900–2299.',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' && /T.*(Z|[+-]\d\d:?\d\d)$/.test(value) ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()))
      throw InputError.at([], 'expected an ISO 8601 date-time with a time zone');
    // Also what PostgreSQL and the analytics tables hold alike (see DATETIME64_RANGE).
    if (!storableInstant(date)) throw InputError.at([], 'expected a date-time in the years 1900–2299');
    return date;
  },
});

/** Literal JSON in a query document, e.g. `defaultValue: {a: [1, "b"]}`. */
function literal(node: ValueNode, variables?: Record<string, unknown> | null): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map((value) => literal(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literal(field.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[node.name.value];
  }
}

/** Refuses values nested too deep for the validators and stores behind (see MAX_JSON_DEPTH). */
function shallow(value: unknown): unknown {
  if (nestedDeeperThan(value)) throw InputError.at([], `JSON may nest at most ${MAX_JSON_DEPTH} levels`);
  return value;
}

builder.scalarType('JSON', {
  description: `Any JSON value: string, number, boolean, null, list or object (nested at most ${MAX_JSON_DEPTH} levels).`,
  serialize: (value) => value,
  parseValue: shallow,
  parseLiteral: (node, variables) => shallow(literal(node, variables)),
});
