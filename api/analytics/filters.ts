import { re2Error } from '../../clickhouse/re2.ts';
import { type Sql, sql } from '../../clickhouse/sql.ts';

/**
 * Analytics filters: a small AST of `{ field, op, value }`, compiled to SQL by one builder per
 * operator. Columns come from the allowlist below; every value is a query parameter.
 */

/** Filterable fields → their column in analytics.events (Nullable columns read as ''). */
export const FILTER_COLUMNS = {
  path: 'path',
  referrer: "ifNull(referrer, '')",
  utm_source: "ifNull(utm_source, '')",
  utm_medium: "ifNull(utm_medium, '')",
  utm_campaign: "ifNull(utm_campaign, '')",
  utm_term: "ifNull(utm_term, '')",
  utm_content: "ifNull(utm_content, '')",
  country: "ifNull(country, '')",
  region: "ifNull(region, '')",
  city: "ifNull(city, '')",
  browser: "ifNull(browser_name, '')",
  os: "ifNull(os_name, '')",
  device: "ifNull(device_type, '')",
  language: "ifNull(language, '')",
  event_name: 'event_name',
} as const;

export type FilterField = keyof typeof FILTER_COLUMNS | 'property';
export const FILTER_FIELDS = [...Object.keys(FILTER_COLUMNS), 'property'] as FilterField[];

export const FILTER_OPS = ['IS', 'IS_NOT', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'REGEX'] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export interface Filter {
  field: FilterField;
  op: FilterOp;
  /** One value, or several for IN / NOT_IN. */
  value: string | string[];
  /** The property key, for field `property`. */
  key?: string;
}

export class InvalidFilterError extends Error {}

export const LIMITS = { filters: 20, values: 100, valueLength: 1000, regexLength: 200 } as const;

function column(filter: Filter): Sql {
  if (filter.field === 'property') {
    if (!filter.key || filter.key.length > 128)
      throw new InvalidFilterError('A property filter needs a key (≤ 128 characters)');
    return sql`JSONExtractString(properties, ${filter.key})`;
  }
  const expression = FILTER_COLUMNS[filter.field];
  if (!expression) throw new InvalidFilterError(`Unknown filter field: ${String(filter.field)}`);
  return sql`${sql.identifier(expression, Object.values(FILTER_COLUMNS))}`;
}

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

/** The filters as one SQL condition (`1` when there are none). */
export function filtersSql(filters: readonly Filter[]): Sql {
  if (filters.length > LIMITS.filters) throw new InvalidFilterError(`At most ${LIMITS.filters} filters`);
  if (filters.length === 0) return sql`1`;
  return sql.join(
    filters.map((filter) => {
      const builder = BUILDERS[filter.op];
      if (!builder) throw new InvalidFilterError(`Unknown filter operator: ${String(filter.op)}`);
      const values = Array.isArray(filter.value) ? filter.value : [filter.value];
      if (values.some((v) => typeof v !== 'string' || v.length > LIMITS.valueLength)) {
        throw new InvalidFilterError(`Filter values are strings of at most ${LIMITS.valueLength} characters`);
      }
      return sql`(${builder(column(filter), filter)})`;
    }),
    ' AND ',
  );
}
