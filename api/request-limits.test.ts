import { createYoga } from 'graphql-yoga';
import { expect, it } from 'vitest';
import { schema } from './executable-schema.ts';
import { checkDocumentText, DOCUMENT_LIMITS, documentLimits } from './request-limits.ts';

const yogaWith = (limits: Partial<typeof DOCUMENT_LIMITS>) =>
  createYoga({ schema, logging: false, plugins: [documentLimits({ ...DOCUMENT_LIMITS, ...limits })] });
const ask = async (yoga: ReturnType<typeof yogaWith>, query: string) =>
  (
    await yoga.fetch('http://api.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    })
  ).json();

it('refuses a response past the size bound whole, and sends one within it', async () => {
  const yoga = yogaWith({ responseBytes: 2_000 });
  const big = await ask(yoga, '{ __schema { types { name } } }');
  expect(big).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } })] });
  expect(await ask(yoga, '{ version }')).toEqual({ data: { version: expect.any(String) } });
});

it('counts fragments once per spread, __typename and introspection included', async () => {
  const yoga = yogaWith({ selections: 10 });
  const fragment = 'fragment F on Query { __typename version }';
  expect((await ask(yoga, `{ ...F ...F } ${fragment}`)).data).toEqual({
    __typename: 'Query',
    version: expect.any(String),
  });
  const spread = `{ a: __typename ...G } fragment G on Query { ${Array.from({ length: 5 }, (_, i) => `g${i}: __typename`).join(' ')} ...F } ${fragment}`;
  expect((await ask(yoga, spread)).data).toBeDefined();
  const nested = `{ ...H } fragment H on Query { h1: __typename ...G ...G } fragment G on Query { ${Array.from({ length: 5 }, (_, i) => `g${i}: __typename`).join(' ')} }`;
  expect((await ask(yoga, nested)).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
});

it('bounds tokens and nesting in one flat pass, leaving syntax errors to the parser', () => {
  expect(() => checkDocumentText(`${'['.repeat(100_000)}`)).toThrow(/levels of nesting/);
  expect(() => checkDocumentText(`{ ${'version '.repeat(DOCUMENT_LIMITS.tokens)} }`)).toThrow(/tokens/);
  expect(() => checkDocumentText('{ "unterminated')).not.toThrow();
  expect(() =>
    checkDocumentText(`${'{ a '.repeat(DOCUMENT_LIMITS.nesting)}${'}'.repeat(DOCUMENT_LIMITS.nesting)}`),
  ).not.toThrow();
});
