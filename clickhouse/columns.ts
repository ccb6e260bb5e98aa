import type { ClickHouseClient } from './client.ts';
import { runQuery } from './query.ts';
import { sql } from './sql.ts';

/**
 * What a column can hold, derived from its ClickHouse type as the table declares it
 * (system.columns), so the limits have one owner: the migrations. Rows are checked against it
 * before they are acknowledged, because ClickHouse either refuses a value that does not fit
 * (19 digits in a Decimal64, a lone surrogate) — and a refused row would be lost after its
 * client was told it was stored — or silently stores something else (a UInt32 sum past 2^32
 * wraps; a DateTime past 2106 saturates).
 */

/** A value that does not fit its column. */
const INVALID = Symbol('invalid');

/** The value as stored (strings made well-formed), or INVALID. */
type Check = (value: unknown) => unknown;

/**
 * `s` with every lone surrogate replaced by U+FFFD, as String.prototype.toWellFormed does
 * (present in Node 20 since V8 11.3, though TypeScript's ES2023 lib does not declare it).
 * ClickHouse refuses lone surrogates in JSON input; U+FFFD is what a UTF-8 decoder makes of one.
 */
export function wellFormed(s: string): string {
  const native = s as unknown as { isWellFormed(): boolean; toWellFormed(): string };
  return native.isWellFormed() ? s : native.toWellFormed();
}

/** A lone surrogate as JSON.stringify writes it (it writes paired ones as they are), with its backslash unescaped. */
const LONE_ESCAPE = /(?<=(?:^|[^\\])(?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/** A JSON value with every string, keys included, made well-formed; `__proto__` keys are kept as own keys. */
export function wellFormedJson<T>(value: T): T {
  const text = JSON.stringify(value);
  if (text === undefined || !text.includes('\\ud')) return value;
  LONE_ESCAPE.lastIndex = 0;
  return LONE_ESCAPE.test(text) ? JSON.parse(text.replace(LONE_ESCAPE, '\\ufffd')) : value;
}

const string: Check = (v) => (typeof v === 'string' ? wellFormed(v) : INVALID);

const integer =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? v : INVALID;

/** Integer columns by width. 64-bit ones travel as JSON numbers: only the safe range is exact. */
function integerCheck(unsigned: boolean, bits: number): Check {
  const span = 2 ** bits;
  const min = unsigned ? 0 : Math.max(-span / 2, Number.MIN_SAFE_INTEGER);
  const max = Math.min(unsigned ? span - 1 : span / 2 - 1, Number.MAX_SAFE_INTEGER);
  return integer(min, max);
}

const float: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : INVALID);

/** Decimal(P, S): at most P - S digits before the point (ClickHouse drops extra fraction digits). */
const decimal =
  (precision: number, scale: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 10 ** (precision - scale) ? v : INVALID;

/** The number written in `s` from `from` to `to`, or -1 if anything there is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `s` ends, from `at`, in an optional fraction of a second (1–9 digits) and an optional Z. */
function fractionAndZone(s: string, at: number): boolean {
  let i = at;
  if (s[i] === '.') {
    const start = ++i;
    while (i < s.length && i - start < 9 && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === start) return false;
  }
  if (s[i] === 'Z') i++;
  return i === s.length;
}

/**
 * `YYYY-MM-DD` (or with ` hh:mm:ss[.fff]`) naming a real instant in [from, to] (epoch ms, UTC).
 * Read digit by digit: every event row carries one, and a regular expression with a Date cost
 * more than the rest of the row's checks.
 */
function instant(from: number, to: number, withTime: boolean): Check {
  return (v) => {
    if (typeof v !== 'string' || v.length < (withTime ? 19 : 10)) return INVALID;
    if (v[4] !== '-' || v[7] !== '-') return INVALID;
    const year = digits(v, 0, 4);
    const month = digits(v, 5, 7);
    const day = digits(v, 8, 10);
    let hours = 0;
    let minutes = 0;
    let seconds = 0;
    if (withTime) {
      if ((v[10] !== ' ' && v[10] !== 'T') || v[13] !== ':' || v[16] !== ':') return INVALID;
      hours = digits(v, 11, 13);
      minutes = digits(v, 14, 16);
      seconds = digits(v, 17, 19);
      if (!fractionAndZone(v, 19)) return INVALID;
    } else if (v.length > 10) return INVALID;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    const days = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
    if (year < 0 || day < 1 || day > days || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return INVALID;
    if (seconds < 0 || seconds > 59) return INVALID;
    const ms = Date.UTC(year, month - 1, day, hours, minutes, seconds);
    return ms >= from && ms <= to ? v : INVALID;
  };
}

// The ranges ClickHouse documents for its date types; outside them values are clamped or wrap.
const DATE = instant(0, Date.UTC(2149, 5, 6), false);
const DATE32 = instant(Date.UTC(1900, 0, 1), Date.UTC(2299, 11, 31), false);
const DATE_TIME_32 = instant(0, 2 ** 32 * 1000 - 1000, true);
const DATE_TIME_64 = instant(Date.UTC(1900, 0, 1), Date.UTC(2299, 11, 31, 23, 59, 59, 999), true);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The check for a ClickHouse type name as system.columns prints it; undefined for types ingest never writes. */
export function checkFor(type: string): Check | undefined {
  const wrapped = /^(Nullable|LowCardinality|Array)\((.*)\)$/.exec(type);
  if (wrapped) {
    const inner = checkFor(wrapped[2] as string);
    if (!inner) return undefined;
    if (wrapped[1] === 'Nullable') return (v) => (v === null ? v : inner(v));
    if (wrapped[1] === 'LowCardinality') return inner;
    return (v) => {
      if (!Array.isArray(v)) return INVALID;
      for (let i = 0; i < v.length; i++) {
        const checked = inner(v[i]);
        if (checked === INVALID) return INVALID;
        v[i] = checked;
      }
      return v;
    };
  }
  const int = /^(U?)Int(8|16|32|64)$/.exec(type);
  if (int) return integerCheck(int[1] === 'U', Number(int[2]));
  const dec = /^Decimal\((\d+), (\d+)\)$/.exec(type);
  if (dec) return decimal(Number(dec[1]), Number(dec[2]));
  const fixed = /^FixedString\((\d+)\)$/.exec(type);
  if (fixed) {
    const bytes = Number(fixed[1]);
    return (v) => (typeof v === 'string' && Buffer.byteLength(wellFormed(v)) <= bytes ? wellFormed(v) : INVALID);
  }
  if (type === 'String') return string;
  if (type === 'Float32' || type === 'Float64') return float;
  if (type === 'Bool') return (v) => (typeof v === 'boolean' ? v : INVALID);
  if (type === 'UUID') return (v) => (typeof v === 'string' && UUID.test(v) ? v : INVALID);
  if (type === 'Date') return DATE;
  if (type === 'Date32') return DATE32;
  if (/^DateTime(\(.*\))?$/.test(type)) return DATE_TIME_32;
  if (/^DateTime64\(/.test(type)) return DATE_TIME_64;
  return undefined;
}

/** A value for a message: short, and never the whole of a long string. */
const show = (v: unknown) => {
  const text = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : String(JSON.stringify(v) ?? v);
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
};

/** The columns of the tables ingest writes, each with its type and check. */
export class ColumnTypes {
  private constructor(private readonly tables: Map<string, Map<string, { type: string; check?: Check }>>) {}

  /** Reads the column types of `tables` (database.table) from ClickHouse. */
  static async load(client: ClickHouseClient, tables: readonly string[]): Promise<ColumnTypes> {
    const rows = await runQuery<{ qualified: string; name: string; type: string }>(client, {
      name: 'ingest_column_types',
      query: sql`SELECT concat(database, '.', table) AS qualified, name, type FROM system.columns
        WHERE qualified IN ${sql.array(tables, 'String')} AND default_kind NOT IN ('MATERIALIZED', 'ALIAS')`,
    });
    const byTable = new Map<string, Map<string, { type: string; check?: Check }>>();
    for (const { qualified: table, name, type } of rows) {
      const columns = byTable.get(table) ?? new Map();
      columns.set(name, { type, check: checkFor(type) });
      byTable.set(table, columns);
    }
    const missing = tables.filter((t) => !byTable.has(t));
    if (missing.length > 0) throw new Error(`ClickHouse tables missing (migrate first): ${missing.join(', ')}`);
    return new ColumnTypes(byTable);
  }

  /**
   * Checks a row's values against its table's column types, making its strings well-formed in
   * place. Returns what does not fit (e.g. `total_tokens: 8589934590 does not fit UInt32`).
   */
  check(table: string, row: Record<string, unknown>): string | undefined {
    const columns = this.tables.get(table);
    if (!columns) return `no table ${table}`;
    for (const key in row) {
      const value = row[key];
      if (value === undefined) continue;
      const column = columns.get(key);
      if (!column) return `${key}: no such column`;
      if (!column.check) continue;
      const checked = column.check(value);
      if (checked === INVALID) return `${key}: ${show(value)} does not fit ${column.type}`;
      if (checked !== value) row[key] = checked;
    }
    return undefined;
  }
}
