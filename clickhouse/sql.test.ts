import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from './query.ts';
import { compile, sql } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

describe('sql tag', () => {
  it('compiles values to numbered typed placeholders', () => {
    const from = new Date('2026-11-01T00:00:00.123Z');
    const compiled = compile(
      sql`SELECT count() FROM analytics.events WHERE client_id = ${'site-1'} AND time >= ${from} AND page_count > ${2} AND downlink > ${1.5}`,
    );
    expect(compiled.query).toBe(
      "SELECT count() FROM analytics.events WHERE client_id = {p0:String} AND time >= {p1:DateTime64(3, 'UTC')} AND page_count > {p2:Int64} AND downlink > {p3:Float64}",
    );
    expect(compiled.query_params).toEqual({ p0: 'site-1', p1: '2026-11-01 00:00:00.123', p2: 2, p3: 1.5 });
  });

  it('numbers placeholders across nested and joined fragments', () => {
    const filters = sql.join([sql`path = ${'/a'}`, sql`country IN ${sql.array(['DE', 'FR'], 'String')}`], ' AND ');
    const compiled = compile(sql`SELECT 1 WHERE client_id = ${'x'} AND ${filters} LIMIT ${sql.param(10, 'UInt32')}`);
    expect(compiled.query).toBe(
      'SELECT 1 WHERE client_id = {p0:String} AND path = {p1:String} AND country IN {p2:Array(String)} LIMIT {p3:UInt32}',
    );
    expect(compiled.query_params).toEqual({ p0: 'x', p1: '/a', p2: ['DE', 'FR'], p3: 10 });
  });

  it('admits identifiers only from an allowlist', () => {
    const columns = ['path', 'country'] as const;
    expect(compile(sql`SELECT ${sql.identifier('path', columns)} FROM t`).query).toBe('SELECT path FROM t');
    expect(() => sql.identifier('path; DROP TABLE t', columns)).toThrow(/not allowed/);
  });

  it('rejects values that have no ClickHouse meaning', () => {
    expect(() => compile(sql`SELECT ${Number.NaN}`)).toThrow(/Non-finite/);
    expect(() => compile(sql`SELECT ${new Date('nope')}`)).toThrow(/Invalid Date/);
  });
});

describe('sql tag on the real engine', () => {
  let ch: TestClickHouse;
  beforeAll(async () => {
    ch = await freshClickHouse({ migrate: false });
  });
  afterAll(() => ch.close());

  it('keeps a hostile string a value', async () => {
    const hostile = `x' OR 1=1; DROP DATABASE analytics; --{p0:String}\\'`;
    const rows = await runQuery<{ value: string; same: number }>(ch.client, {
      name: 'hostile_value',
      query: sql`SELECT ${hostile} AS value, ${hostile} = ${hostile} AS same`,
    });
    expect(rows).toEqual([{ value: hostile, same: 1 }]);
  });

  it('round-trips dates with milliseconds and arrays', async () => {
    const at = new Date('2026-11-27T10:11:12.345Z');
    const rows = await runQuery<{ at: string; n: number }>(ch.client, {
      name: 'roundtrip',
      query: sql`SELECT toString(${at}) AS at, length(${sql.array(['a', 'b', 'c'], 'String')}) AS n`,
    });
    expect(rows).toEqual([{ at: '2026-11-27 10:11:12.345', n: 3 }]);
  });

  it('returns 64-bit integers as numbers and refuses unnamed queries', async () => {
    const rows = await runQuery<{ n: unknown }>(ch.client, { name: 'uint64', query: sql`SELECT toUInt64(42) AS n` });
    expect(rows[0]?.n).toBe(42);
    await expect(runQuery(ch.client, { name: 'Bad Name', query: sql`SELECT 1` })).rejects.toThrow(/snake_case/);
  });

  it('stops a query at its timeout', async () => {
    await expect(
      runQuery(ch.client, {
        name: 'slow',
        query: sql`SELECT count() FROM system.numbers WHERE sipHash64(number) = 0`,
        timeoutSeconds: 1,
      }),
    ).rejects.toThrow(/TIMEOUT|Timeout|max_execution_time|limit/i);
  });

  it('fails a query returning more rows than allowed', async () => {
    await expect(
      runQuery(ch.client, { name: 'too_many_rows', query: sql`SELECT number FROM numbers(1000)`, maxResultRows: 10 }),
    ).rejects.toThrow(/limit|TOO_MANY_ROWS/i);
  });
});
