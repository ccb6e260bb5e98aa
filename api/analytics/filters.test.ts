import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { compile, sql, toClickHouseDateTime } from '../../clickhouse/sql.ts';
import { eventRow, freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { UnsupportedFilterError } from '../errors.ts';
import { byScope, type Filter, type FilterNode, filtersSql, InvalidFilterError, LIMITS } from './filters.ts';

describe('filter AST → SQL', () => {
  it('compiles each operator with parameters only', () => {
    const compiled = compile(
      filtersSql(
        [
          { field: 'PATH', op: 'STARTS_WITH', value: '/docs' },
          { field: 'PROPERTY', key: 'plan', op: 'IS', value: 'pro' },
        ],
        'events',
      ),
    );
    expect(compiled.query).toBe(
      '(startsWith(path, {p0:String})) AND (JSONExtractString(properties, {p1:String}) = {p2:String})',
    );
    expect(compiled.query_params).toEqual({ p0: '/docs', p1: 'plan', p2: 'pro' });
    const visits = compile(filtersSql([{ field: 'COUNTRY', op: 'IN', value: ['DE', 'FR'] }], 'visits'));
    expect(visits.query).toBe('(country IN {p0:Array(String)})');
    expect(compile(filtersSql([], 'spans')).query).toBe('1');
  });

  it('refuses, naming them, the fields a table cannot read', () => {
    const refusal = (filters: Filter[], table: Parameters<typeof filtersSql>[1]) => {
      try {
        filtersSql(filters, table);
      } catch (error) {
        return error instanceof UnsupportedFilterError ? error.fields : error;
      }
      return 'applied';
    };
    const country: Filter = { field: 'COUNTRY', op: 'IS', value: 'DE' };
    const name: Filter = { field: 'EVENT_NAME', op: 'IS', value: 'signup' };
    expect(refusal([country, name], 'events')).toEqual(['COUNTRY']);
    expect(refusal([name, { field: 'OUTGOING_LINK', op: 'IS', value: 'x' }], 'spans')).toEqual([
      'EVENT_NAME',
      'OUTGOING_LINK',
    ]);
    expect(refusal([name], 'custom_events')).toBe('applied');
    expect(refusal([{ field: 'PATH', op: 'IS', value: '/' }], 'visits')).toEqual(['PATH']);
  });

  it.each<[string, Filter[]]>([
    ['unknown field', [{ field: 'IP' as never, op: 'IS', value: 'x' }]],
    ['unknown operator', [{ field: 'PATH', op: 'LIKE' as never, value: 'x' }]],
    ['list for IS', [{ field: 'PATH', op: 'IS', value: ['a', 'b'] }]],
    ['empty IN', [{ field: 'PATH', op: 'IN', value: [] }]],
    ['overlong regex', [{ field: 'PATH', op: 'REGEX', value: 'a'.repeat(201) }]],
    ['property without key', [{ field: 'PROPERTY', op: 'IS', value: 'x' }]],
    ['too many filters', Array(21).fill({ field: 'PATH', op: 'IS', value: '/' })],
  ])('refuses %s', (_, filters) => {
    expect(() => filtersSql(filters, 'events')).toThrow(InvalidFilterError);
  });

  const path = (value: string): Filter => ({ field: 'PATH', op: 'IS', value });
  const country: Filter = { field: 'COUNTRY', op: 'IS', value: 'FR' };

  it('compiles and / or / not trees', () => {
    const compiled = compile(filtersSql([{ or: [path('/a'), { not: { and: [path('/b'), path('/c')] } }] }], 'events'));
    expect(compiled.query).toBe('((path = {p0:String}) OR (NOT ((path = {p1:String}) AND (path = {p2:String}))))');
  });

  it('hands visit-only subtrees of a mixed tree to the visit selection, and refuses them without one', () => {
    const mixed: FilterNode = { or: [country, path('/a')] };
    const compiled = compile(filtersSql([mixed], 'events', { visitSubtree: () => sql`visit_matches` }));
    expect(compiled.query).toBe('(visit_matches OR (path = {p0:String}))');
    expect(() => filtersSql([mixed], 'events')).toThrow(UnsupportedFilterError);
    expect(() => filtersSql([mixed], 'visits')).toThrow(UnsupportedFilterError);
  });

  it('splits top-level conjuncts by scope: visit-only trees select visits, others events', () => {
    const visitOr: FilterNode = { or: [country, { field: 'DEVICE', op: 'IS', value: 'mobile' }] };
    const mixed: FilterNode = { or: [country, path('/a')] };
    expect(byScope([{ and: [visitOr, path('/b')] }, mixed])).toEqual({ visit: [visitOr], event: [path('/b'), mixed] });
  });

  it('compiles behavioural leaves on visits through the scope, refuses them elsewhere, counts them as leaves', () => {
    const did: FilterNode = { hasDone: { per: 'VISIT', event: 'signup' } };
    const compiled = compile(filtersSql([{ not: did }], 'visits', { behaviour: () => sql`did_it` }));
    expect(compiled.query).toBe('(NOT did_it)');
    expect(() => filtersSql([did], 'visits')).toThrow(UnsupportedFilterError);
    expect(byScope([did, { or: [did, path('/a')] }]).visit).toEqual([did]);
    expect(() => filtersSql([{ or: [...Array(20).fill(path('/'))] }, did], 'events')).toThrow(/At most 20/);
    expect(() => filtersSql([{ hasDone: { per: 'VISIT' } } as FilterNode], 'events')).toThrow(InvalidFilterError);
  });

  it('limits the depth of a tree to LIMITS.depth', () => {
    const nest = (depth: number): FilterNode => (depth === 1 ? path('/') : { not: nest(depth - 1) });
    expect(() => filtersSql([nest(LIMITS.depth)], 'events')).not.toThrow();
    expect(() => filtersSql([nest(LIMITS.depth + 1)], 'events')).toThrow(/nest at most 5/);
  });

  it('limits the leaves of all trees together to LIMITS.filters', () => {
    const leaves = (n: number) => Array.from({ length: n }, (_, i) => path(`/${i}`));
    expect(() => filtersSql([{ or: leaves(10) }, { and: leaves(10) }], 'events')).not.toThrow();
    expect(() => filtersSql([{ or: leaves(10) }, { and: leaves(11) }], 'events')).toThrow(/At most 20 filters/);
  });

  it.each<[string, FilterNode]>([
    ['empty or', { or: [] }],
    ['empty and', { and: [] }],
    ['overlong value inside a tree', { or: [path('x'.repeat(1001))] }],
    ['overlong regex inside a tree', { not: { field: 'PATH', op: 'REGEX', value: 'a'.repeat(201) } }],
  ])('refuses a tree with %s', (_, node) => {
    expect(() => filtersSql([node], 'events')).toThrow(InvalidFilterError);
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

  const paths = async (filters: FilterNode[]) =>
    (
      await runQuery<{ path: string }>(ch.client, {
        name: 'filter_test',
        query: sql`SELECT path FROM analytics.events WHERE ${filtersSql(filters, 'events')} ORDER BY path`,
      })
    ).map((r) => r.path);

  it('selects the right rows for each operator', async () => {
    expect(await paths([{ field: 'PATH', op: 'STARTS_WITH', value: '/docs' }])).toEqual(['/docs/a', '/docs/b']);
    expect(await paths([{ field: 'PATH', op: 'IS_NOT', value: '/docs/a' }])).toEqual([
      '/docs/b',
      '/pricing',
      "/x' OR 1=1 --",
    ]);
    expect(await paths([{ field: 'PATH', op: 'CONTAINS', value: 'DOCS' }])).toHaveLength(2);
    expect(await paths([{ field: 'PATH', op: 'NOT_CONTAINS', value: 'docs' }])).toEqual(['/pricing', "/x' OR 1=1 --"]);
    expect(await paths([{ field: 'PATH', op: 'NOT_IN', value: ['/docs/a', '/docs/b', "/x' OR 1=1 --"] }])).toEqual([
      '/pricing',
    ]);
    expect(await paths([{ field: 'PATH', op: 'IN', value: ['/pricing', '/none'] }])).toEqual(['/pricing']);
    expect(await paths([{ field: 'PATH', op: 'REGEX', value: '^/docs/[ab]$' }])).toEqual(['/docs/a', '/docs/b']);
    expect(await paths([{ field: 'PROPERTY', key: 'plan', op: 'IS', value: 'pro' }])).toEqual(['/docs/b']);
  });

  it('keeps hostile values as values', async () => {
    expect(await paths([{ field: 'PATH', op: 'IS', value: "/x' OR 1=1 --" }])).toEqual(["/x' OR 1=1 --"]);
    expect(await paths([{ field: 'PATH', op: 'IS', value: "' OR '1'='1" }])).toEqual([]);
    expect(await paths([{ field: 'PROPERTY', key: "plan') OR 1=1 --", op: 'IS', value: 'pro' }])).toEqual([]);
    await expect(paths([{ field: 'PATH', op: 'REGEX', value: '(' }])).rejects.toThrow();
  });

  it('honours case sensitivity, with defaults as before (CONTAINS ignores case, the others do not)', async () => {
    const docs = ['/docs/a', '/docs/b'];
    const f = (op: Filter['op'], value: string | string[], caseSensitive?: boolean): Filter[] => [
      { field: 'PATH', op, value, ...(caseSensitive === undefined ? {} : { caseSensitive }) },
    ];
    expect(await paths(f('CONTAINS', 'DOCS'))).toEqual(docs);
    expect(await paths(f('CONTAINS', 'DOCS', true))).toEqual([]);
    expect(await paths(f('NOT_CONTAINS', 'DOCS', true))).toHaveLength(4);
    expect(await paths(f('IS', '/DOCS/A'))).toEqual([]);
    expect(await paths(f('IS', '/DOCS/A', false))).toEqual(['/docs/a']);
    expect(await paths(f('IS_NOT', '/DOCS/A', false))).toHaveLength(3);
    expect(await paths(f('STARTS_WITH', '/DOCS', false))).toEqual(docs);
    expect(await paths(f('IN', ['/DOCS/B', '/PRICING'], false))).toEqual(['/docs/b', '/pricing']);
    expect(await paths(f('NOT_IN', ['/DOCS/B', '/PRICING'], false))).toHaveLength(2);
    expect(await paths(f('REGEX', '^/DOCS/A$'))).toEqual([]);
    expect(await paths(f('REGEX', '^/DOCS/A$', false))).toEqual(['/docs/a']);
  });

  it('selects the rows of a tree', async () => {
    expect(
      await paths([
        {
          or: [
            { field: 'PATH', op: 'IS', value: '/pricing' },
            { not: { field: 'PATH', op: 'STARTS_WITH', value: '/' } },
          ],
        },
      ]),
    ).toEqual(['/pricing']);
    expect(
      await paths([
        {
          not: {
            or: [
              { field: 'PATH', op: 'IS', value: '/pricing' },
              { field: 'PATH', op: 'CONTAINS', value: 'docs' },
            ],
          },
        },
      ]),
    ).toEqual(["/x' OR 1=1 --"]);
  });
});
