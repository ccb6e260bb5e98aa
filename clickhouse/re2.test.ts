import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ClickHouseClient } from './client.ts';
import { runQuery } from './query.ts';
import { isRefusedPattern, re2Error } from './re2.ts';
import { sql } from './sql.ts';
import { freshClickHouse, type TestClickHouse } from './test-support.ts';

/** The checker against the engine it stands in for: what it accepts, ClickHouse compiles. */
let ch: TestClickHouse;
let client: ClickHouseClient;
beforeAll(async () => {
  ch = await freshClickHouse({ migrate: false });
  client = ch.client;
});
afterAll(() => ch.close());

/** ClickHouse's answer for a pattern: its matches on two inputs, or the refusal. */
const engine = async (pattern: string) => {
  try {
    const [row] = await runQuery<{ m: number; e: number }>(client, {
      name: 're2_probe',
      query: sql`SELECT match('abc', ${pattern}) AS m, match('', ${pattern}) AS e`,
    });
    return row;
  } catch (error) {
    if (isRefusedPattern(error)) return 'refused';
    throw error;
  }
};

const ACCEPTED = [
  '^/blog/[a-z-]+$',
  '(?i)PRICING',
  '\\d{4}',
  '\\\\',
  '[[:alpha:]]+',
  '\\p{Greek}',
  '(?P<n>a)',
  '\\Q*\\E',
  '\\pL{250}',
  '[\\pL\\pN\\pP\\pS\\pM]{250}',
  '(?:\\pL|\\pN|\\pP){100}(?:\\pL|\\pN|\\pP){100}',
  '.{1000}',
];
const REFUSED_BY_CLICKHOUSE = [
  '(',
  '[',
  '*',
  'a{2,1}',
  'a{1000}{1000}',
  '(?:a{100}){100}',
  '(a)\\1',
  'a(?=b)',
  '(?<=a)b',
  '\\p{Nope}',
  '\\Z',
  '\\pL{500}',
  '\\pL{100}\\pL{100}\\pL{100}\\pL{100}\\pL{100}',
  '(?i)\\pL{100}'.repeat(10),
];

it.each(ACCEPTED)('accepts %s, which ClickHouse compiles', async (pattern) => {
  expect(re2Error(pattern)).toBeNull();
  expect(await engine(pattern)).not.toBe('refused');
});

it.each(REFUSED_BY_CLICKHOUSE)('refuses %s, as ClickHouse does', async (pattern) => {
  expect(re2Error(pattern)).toEqual(expect.any(String));
  expect(await engine(pattern)).toBe('refused');
});

it('refuses a lone backslash, which ClickHouse takes for the empty pattern (matching everything)', async () => {
  expect(re2Error('\\')).toMatch(/trailing backslash/);
  expect(await engine('\\')).toEqual({ m: 1, e: 1 });
});

it('refuses look-arounds and back-references ClickHouse cannot run', () => {
  for (const pattern of ['a(?!b)', '(?<!a)b', '(a)\\1', '(?=x)']) expect(re2Error(pattern), pattern).not.toBeNull();
});
