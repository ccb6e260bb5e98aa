import { Kind, type ValueNode } from 'graphql';
import { builder } from '../builder.ts';
import { InputError } from '../errors.ts';

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string with a time zone (e.g. 2026-01-31T12:00:00Z).',
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = typeof value === 'string' && /T.*(Z|[+-]\d\d:?\d\d)$/.test(value) ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()))
      throw InputError.at([], 'expected an ISO 8601 date-time with a time zone');
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

builder.scalarType('JSON', {
  description: 'Any JSON value: string, number, boolean, null, list or object.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (node, variables) => literal(node, variables),
});
