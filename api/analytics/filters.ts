import { re2Error } from '../../clickhouse/re2.ts';
import { type Sql, sql } from '../../clickhouse/sql.ts';
import { UnsupportedFilterError } from '../errors.ts';
import { DIMENSIONS, type Dimension, type Table } from './dimensions.ts';

/**
 * Analytics filters: a small AST of `{ field, op, value }`, compiled to SQL by one builder per
 * operator. Fields are dimensions of the registry (dimensions.ts), which gives each one's SQL
 * per table; every value is a query parameter.
 */

export const FILTER_FIELDS = (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => DIMENSIONS[d].filter);

export const FILTER_OPS = ['IS', 'IS_NOT', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'REGEX'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface Filter {
  field: Dimension;
  op: FilterOp;
  /** One value, or several for IN / NOT_IN. */
  value: string | string[];
  /** The property key, for field PROPERTY. */
  key?: string;
}

export class InvalidFilterError extends Error {}

export const LIMITS = { filters: 20, values: 100, valueLength: 1000, regexLength: 200 } as const;

const one = (filter: Filter): string => {
  if (Array.isArray(filter.value)) throw new InvalidFilterError(`${filter.op} takes one value`);
  return filter.value;
};
const many = (filter: Filter): string[] => {
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  if (values.length === 0 || values.length > LIMITS.values) {
    throw new InvalidFilterError(`${filter.op} takes 1 to ${LIMITS.values} values`);
  }
  return values;
};

const BUILDERS: Record<FilterOp, (col: Sql, filter: Filter) => Sql> = {
  IS: (col, f) => sql`${col} = ${one(f)}`,
  IS_NOT: (col, f) => sql`${col} != ${one(f)}`,
  CONTAINS: (col, f) => sql`positionCaseInsensitiveUTF8(${col}, ${one(f)}) > 0`,
  NOT_CONTAINS: (col, f) => sql`positionCaseInsensitiveUTF8(${col}, ${one(f)}) = 0`,
  STARTS_WITH: (col, f) => sql`startsWith(${col}, ${one(f)})`,
  IN: (col, f) => sql`${col} IN ${sql.array(many(f), 'String')}`,
  NOT_IN: (col, f) => sql`${col} NOT IN ${sql.array(many(f), 'String')}`,
  REGEX: (col, f) => {
    const pattern = one(f);
    if (pattern.length > LIMITS.regexLength) {
      throw new InvalidFilterError(`Regular expressions are limited to ${LIMITS.regexLength} characters`);
    }
    const refused = re2Error(pattern);
    if (refused) throw new InvalidFilterError(`Not a valid RE2 regular expression: ${refused}`);
    return sql`match(${col}, ${pattern})`;
  },
};

/** Checks every filter's shape and limits (whatever table it will apply to); throws InvalidFilterError. */
export function checkFilters(filters: readonly Filter[]): void {
  if (filters.length > LIMITS.filters) throw new InvalidFilterError(`At most ${LIMITS.filters} filters`);
  for (const filter of filters) predicate(filter, 'check');
}

function predicate(filter: Filter, table: Table | 'check'): Sql {
  const def = Object.hasOwn(DIMENSIONS, filter.field) ? DIMENSIONS[filter.field] : undefined;
  if (!def?.filter) throw new InvalidFilterError(`Unknown filter field: ${String(filter.field)}`);
  const builder = Object.hasOwn(BUILDERS, filter.op) ? BUILDERS[filter.op] : undefined;
  if (!builder) throw new InvalidFilterError(`Unknown filter operator: ${String(filter.op)}`);
  const key = filter.key ?? '';
  if ('keyed' in def && def.keyed && (!key || key.length > 128)) {
    throw new InvalidFilterError('A property filter needs a key (≤ 128 characters)');
  }
  const values = Array.isArray(filter.value) ? filter.value : [filter.value];
  if (values.some((v) => typeof v !== 'string' || v.length > LIMITS.valueLength)) {
    throw new InvalidFilterError(`Filter values are strings of at most ${LIMITS.valueLength} characters`);
  }
  if (table === 'check') return builder(sql`''`, filter);
  const column = (def.sql as Partial<Record<Table, (key: string) => Sql>>)[table];
  if (!column) throw new UnsupportedFilterError([filter.field]);
  return sql`(${builder(column(key), filter)})`;
}

/**
 * The filters as one SQL condition over one table (`1` when there are none). A filter whose
 * dimension cannot be read on that table throws UnsupportedFilterError naming all such fields.
 */
export function filtersSql(filters: readonly Filter[], table: Table): Sql {
  checkFilters(filters);
  const unsupported = filters.filter((f) => !(DIMENSIONS[f.field].sql as Partial<Record<Table, unknown>>)[table]);
  if (unsupported.length) throw new UnsupportedFilterError(unsupported.map((f) => f.field));
  if (filters.length === 0) return sql`1`;
  return sql.join(
    filters.map((filter) => predicate(filter, table)),
    ' AND ',
  );
}

/** Splits filters by the scope of their dimension. */
export function byScope(filters: readonly Filter[]): { visit: Filter[]; event: Filter[] } {
  return {
    visit: filters.filter((f) => DIMENSIONS[f.field].scope === 'visit'),
    event: filters.filter((f) => DIMENSIONS[f.field].scope === 'event'),
  };
}
