import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from './client.ts';
import { ColumnTypes, wellFormed, wellFormedJson } from './columns.ts';
import { runQuery } from './query.ts';
import { sql } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

let ch: TestClickHouse;
let columns: ColumnTypes;
const TABLE = 'analytics.column_types_test';
beforeAll(async () => {
  ch = await freshClickHouse({ migrate: false });
  await ch.client.command({ query: 'CREATE DATABASE analytics' });
  await ch.client.command({
    query: `CREATE TABLE ${TABLE} (
      k UInt32, u8 UInt8 DEFAULT 0, i16 Nullable(Int16), u32 UInt32 DEFAULT 0, u64 UInt64 DEFAULT 0,
      d Decimal64(4) DEFAULT 0, f Float64 DEFAULT 0, s LowCardinality(Nullable(String)), a Array(String) DEFAULT [],
      dt DateTime('UTC') DEFAULT now(), dt64 DateTime64(3, 'UTC') DEFAULT now64(3), day Date DEFAULT today(),
      m String MATERIALIZED 'x'
    ) ENGINE = MergeTree ORDER BY k`,
  });
  columns = await ColumnTypes.load(ch.client, [TABLE]);
});
afterAll(() => ch.close());

// Per column: values at the edge of what it holds (accepted) and just past it (refused).
const EDGES: [column: string, fits: unknown[], doesNot: unknown[]][] = [
  ['u8', [0, 255], [-1, 256, 1.5, '1', true]],
  ['i16', [-32_768, 32_767, null], [-32_769, 32_768]],
  ['u32', [0, 2 ** 32 - 1], [2 ** 32, -1, Number.NaN]],
  ['u64', [Number.MAX_SAFE_INTEGER], [2 ** 53, -1]],
  ['d', [99_999_999_999_999.98, -99_999_999_999_999.98, 0.0001], [1e14, -1e14, 1e20, Number.POSITIVE_INFINITY]],
  ['f', [1.5e308, -0.5], [Number.POSITIVE_INFINITY, Number.NaN, '1']],
  ['s', ['', 'a\u0000b', null], [5, {}, ['x']]],
  ['a', [[], ['x', 'y']], ['x', [1], null]],
  ['dt', ['1970-01-01 00:00:00', '2106-02-07 06:28:15'], ['1969-12-31 23:59:59', '2106-02-07 06:28:16', 'garbage']],
  [
    'dt64',
    ['1900-01-01 00:00:00.000', '2299-12-31 23:59:59.999', '2024-02-29 12:00:00.5'],
    [
      '1899-12-31 23:59:59.999',
      '2300-01-01 00:00:00.000',
      '2026-02-30 00:00:00.000',
      '2026-01-01 24:00:00.000',
      '2026-01-01 00:00:00.',
      '2026-01-01 00:00:00.1234567890',
      '2026-01-01 00:00:00 ',
      '2026-1-01 00:00:00',
      1_767_225_600_000,
    ],
  ],
  ['day', ['1970-01-01', '2149-06-06'], ['2149-06-07', '2026-01-01 00:00:00']],
];

describe('ColumnTypes, derived from the table', () => {
  it.each(EDGES)('%s: takes what the column holds, refuses what it does not', (column, fits, doesNot) => {
    for (const value of fits) expect(columns.check(TABLE, { k: 1, [column]: value }), String(value)).toBeUndefined();
    for (const value of doesNot) expect(columns.check(TABLE, { k: 1, [column]: value }), String(value)).toMatch(column);
  });

  it('names the column, its value and its type, and refuses unknown and materialized columns', () => {
    expect(columns.check(TABLE, { k: 1, u32: 8_589_934_590 })).toBe('u32: 8589934590 does not fit UInt32');
    expect(columns.check(TABLE, { k: 1, nope: 1 })).toBe('nope: no such column');
    expect(columns.check(TABLE, { k: 1, m: 'y' })).toBe('m: no such column');
  });

  it('makes strings well-formed in place, in arrays too', () => {
    const row = { k: 1, s: 'a\ud800b', a: ['\udc00', 'ok😀'] };
    expect(columns.check(TABLE, row)).toBeUndefined();
    expect(row).toEqual({ k: 1, s: 'a\ufffdb', a: ['\ufffd', 'ok😀'] });
  });

  it('stores every edge value it takes exactly as given', async () => {
    const rows = EDGES.flatMap(([column, fits]) => fits.map((value) => ({ column, value })));
    await insertRows(
      ch.client,
      TABLE,
      rows.map(({ column, value }, k) => ({ k, [column]: value })),
    );
    const stored = await runQuery<Record<string, unknown>>(ch.client, {
      name: 'column_edges',
      query: sql`SELECT k, u8, i16, u32, u64, toString(d) AS d, f, s, a, toString(dt) AS dt, toString(dt64) AS dt64,
        toString(day) AS day FROM analytics.column_types_test ORDER BY k`,
    });
    rows.forEach(({ column, value }, k) => {
      const expected = column === 'd' ? String(value) : column === 'dt64' ? `${value}`.padEnd(23, '0') : value;
      expect(stored[k]?.[column], `${column} = ${value}`).toEqual(expected);
    });
  });
});

describe('well-formed strings', () => {
  it('replaces lone surrogates only, as String.prototype.toWellFormed', () => {
    expect(wellFormed('a\ud800b\udc00c')).toBe('a\ufffdb\ufffdc');
    expect(wellFormed('😀\ud83d')).toBe('😀\ufffd');
    const plain = 'x'.repeat(100);
    expect(wellFormed(plain)).toBe(plain);
  });

  it('does so in JSON values, keys included, keeping __proto__ keys and literal backslashes', () => {
    const value = JSON.parse('{"__proto__":{"k\\ud800":["\\udfff"]},"text":"\\\\ud800","pair":"\\ud83d\\ude00"}');
    const fixed = wellFormedJson(value);
    expect(JSON.stringify(fixed)).toBe('{"__proto__":{"k\ufffd":["\ufffd"]},"text":"\\\\ud800","pair":"😀"}');
    expect(Object.getPrototypeOf(fixed)).toBe(Object.prototype);
    const clean = { a: 'b' };
    expect(wellFormedJson(clean)).toBe(clean);
  });
});
