import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { compile, sql, toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { type Filter, filtersSql, InvalidFilterError } from './filters.ts';

describe('filter AST → SQL', () => {
  it('compiles each operator with parameters only', () => {
    const compiled = compile(
      filtersSql([
        { field: 'path', op: 'STARTS_WITH', value: '/docs' },
        { field: 'country', op: 'IN', value: ['DE', 'FR'] },
        { field: 'property', key: 'plan', op: 'IS', value: 'pro' },
      ]),
    );
    expect(compiled.query).toBe(
      "(startsWith(path, {p0:String})) AND (ifNull(country, '') IN {p1:Array(String)}) AND (JSONExtractString(properties, {p2:String}) = {p3:String})",
    );
    expect(compiled.query_params).toEqual({ p0: '/docs', p1: ['DE', 'FR'], p2: 'plan', p3: 'pro' });
    expect(compile(filtersSql([])).query).toBe('1');
  });

  it.each<[string, Filter[]]>([
    ['unknown field', [{ field: 'ip' as never, op: 'IS', value: 'x' }]],
    ['unknown operator', [{ field: 'path', op: 'LIKE' as never, value: 'x' }]],
    ['list for IS', [{ field: 'path', op: 'IS', value: ['a', 'b'] }]],
    ['empty IN', [{ field: 'path', op: 'IN', value: [] }]],
    ['overlong regex', [{ field: 'path', op: 'REGEX', value: 'a'.repeat(201) }]],
    ['property without key', [{ field: 'property', op: 'IS', value: 'x' }]],
    ['too many filters', Array(21).fill({ field: 'path', op: 'IS', value: '/' })],
  ])('refuses %s', (_, filters) => {
    expect(() => filtersSql(filters)).toThrow(InvalidFilterError);
  });
});

describe('filters on the engine', () => {
  let ch: TestClickHouse;
  const now = toClickHouseDateTime(new Date());
  beforeAll(async () => {
    ch = await freshClickHouse();
    const row = (path: string, country: string | null, properties = '{}') =>
      eventRow({ client_id: 's', anonymous_id: 'a', session_id: 's', time: now, path, country, properties });
    await ch.client.insert({
      table: 'analytics.events',
      format: 'JSONEachRow',
      values: [
        row('/docs/a', 'DE'),
        row('/docs/b', 'FR', '{"plan":"pro"}'),
        row('/pricing', null),
        row("/x' OR 1=1 --", 'US'),
      ],
    });
  });
  afterAll(() => ch.close());

  const paths = async (filters: Filter[]) =>
    (
      await runQuery<{ path: string }>(ch.client, {
        name: 'filter_test',
        query: sql`SELECT path FROM analytics.events WHERE ${filtersSql(filters)} ORDER BY path`,
      })
    ).map((r) => r.path);

  it('selects the right rows for each operator', async () => {
    expect(await paths([{ field: 'path', op: 'STARTS_WITH', value: '/docs' }])).toEqual(['/docs/a', '/docs/b']);
    expect(await paths([{ field: 'country', op: 'IS_NOT', value: 'DE' }])).toEqual([
      '/docs/b',
      '/pricing',
      "/x' OR 1=1 --",
    ]);
    expect(await paths([{ field: 'path', op: 'CONTAINS', value: 'DOCS' }])).toHaveLength(2);
    expect(await paths([{ field: 'path', op: 'NOT_CONTAINS', value: 'docs' }])).toEqual(['/pricing', "/x' OR 1=1 --"]);
    expect(await paths([{ field: 'country', op: 'NOT_IN', value: ['DE', 'FR', 'US'] }])).toEqual(['/pricing']);
    expect(await paths([{ field: 'path', op: 'REGEX', value: '^/docs/[ab]$' }])).toEqual(['/docs/a', '/docs/b']);
    expect(await paths([{ field: 'property', key: 'plan', op: 'IS', value: 'pro' }])).toEqual(['/docs/b']);
  });

  it('keeps hostile values as values', async () => {
    expect(await paths([{ field: 'path', op: 'IS', value: "/x' OR 1=1 --" }])).toEqual(["/x' OR 1=1 --"]);
    expect(await paths([{ field: 'path', op: 'IS', value: "' OR '1'='1" }])).toEqual([]);
    expect(await paths([{ field: 'property', key: "plan') OR 1=1 --", op: 'IS', value: 'pro' }])).toEqual([]);
    await expect(paths([{ field: 'path', op: 'REGEX', value: '(' }])).rejects.toThrow();
  });
});
