/**
 * The one way to build ClickHouse SQL. Values never enter the SQL text: each becomes a
 * `{pN:Type}` placeholder with its value in `query_params`. Identifiers (columns, tables,
 * intervals) enter only through `sql.identifier`, which checks them against an allowlist.
 */

/** A value typed for ClickHouse's parameter syntax. */
export class Param {
  constructor(
    readonly value: unknown,
    readonly type: string,
  ) {}
}

/** A piece of trusted SQL text (an allowlisted identifier or a keyword we chose). */
class Raw {
  constructor(readonly text: string) {}
}

export type SqlValue = string | number | bigint | boolean | Date | null | Param | Raw | Sql;

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly SqlValue[],
  ) {}
}

export interface CompiledSql {
  query: string;
  query_params: Record<string, unknown>;
}

/** ClickHouse DateTime64 text in UTC with milliseconds (chDB drops milliseconds of `Date` params). */
export function toClickHouseDateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('Invalid Date passed to ClickHouse');
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

function inferParam(value: Exclude<SqlValue, Raw | Sql | Param>): Param {
  if (value === null) return new Param(null, 'Nullable(String)');
  switch (typeof value) {
    case 'string':
      return new Param(value, 'String');
    case 'boolean':
      return new Param(value, 'Bool');
    case 'bigint':
      return new Param(value.toString(), 'Int64');
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Non-finite number passed to ClickHouse: ${value}`);
      return Number.isInteger(value) ? new Param(value, 'Int64') : new Param(value, 'Float64');
    default:
      return new Param(toClickHouseDateTime(value), "DateTime64(3, 'UTC')");
  }
}

export function sql(strings: TemplateStringsArray, ...values: SqlValue[]): Sql {
  return new Sql(strings, values);
}

/** A value with an explicit ClickHouse type, e.g. `sql.param(n, 'UInt32')`. */
sql.param = (value: unknown, type: string): Param => new Param(value, type);

/** An array value, e.g. `client_id IN ${sql.array(ids, 'String')}`. */
sql.array = (values: readonly unknown[], elementType: string): Param => new Param(values, `Array(${elementType})`);

/** An identifier chosen from an allowlist; anything else throws. */
sql.identifier = <T extends string>(name: string, allowed: readonly T[]): Raw => {
  if (!(allowed as readonly string[]).includes(name)) throw new Error(`Identifier not allowed: ${name}`);
  return new Raw(name);
};

/**
 * SQL text that ClickHouse itself holds, such as a materialized view's SELECT read from
 * system.tables (clickhouse/erasure.ts): written by our migrations, never by a client.
 */
sql.catalog = (text: string): Raw => new Raw(text);

/** Joins fragments with a separator, e.g. filters with ` AND `. */
sql.join = (parts: readonly Sql[], separator: string): Sql => {
  if (parts.length === 0) return sql``;
  const strings = ['', ...parts.slice(1).map(() => separator), ''];
  return new Sql(strings, parts);
};

/** Compiles a statement into SQL text with numbered placeholders and its parameters. */
export function compile(statement: Sql): CompiledSql {
  const params: Record<string, unknown> = {};
  let counter = 0;
  const render = (fragment: Sql): string => {
    let text = fragment.strings[0] ?? '';
    fragment.values.forEach((value, i) => {
      if (value instanceof Sql) text += render(value);
      else if (value instanceof Raw) text += value.text;
      else {
        const param = value instanceof Param ? value : inferParam(value);
        const name = `p${counter++}`;
        params[name] = param.value;
        text += `{${name}:${param.type}}`;
      }
      text += fragment.strings[i + 1] ?? '';
    });
    return text;
  };
  return { query: render(statement), query_params: params };
}
