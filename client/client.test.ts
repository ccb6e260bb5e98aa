import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTenant, startTestApi, type Tenant, type TestApi } from '../api/test-support.ts';
import codegenConfig from '../codegen.ts';
import { postgresTargets } from '../prisma/test-support.ts';
import { createClient, TidemarkError } from './client.ts';
import { example } from './example.ts';
import { ApiVersionDocument } from './generated/graphql.ts';

const root = join(import.meta.dirname, '..');

it('the generated client and the example type-check under the project’s strict settings', () => {
  const { config } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram([join(import.meta.dirname, 'example.ts')], options);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  expect(ts.formatDiagnostics(diagnostics, ts.createCompilerHost(options))).toBe('');
});

it('client/generated matches api/schema.graphql and the operations (run `npm run codegen`)', async () => {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const outputs = await generate({ ...codegenConfig, silent: true }, false);
    for (const { filename, content } of outputs) {
      expect(content, filename).toBe(readFileSync(join(root, filename), 'utf8'));
    }
  } finally {
    process.chdir(cwd);
  }
});

describe.each(postgresTargets)('typed client against the API on $name', (target) => {
  let t: TestApi;
  let tenant: Tenant;
  const url = 'http://api.test/graphql';
  beforeAll(async () => {
    t = await startTestApi(target);
    tenant = await createTenant(t.prisma, 'client');
  });
  afterAll(() => t?.close());
  // The real HTTP handling of the API, without a socket.
  const viaYoga = async (input: string, init: RequestInit) => t.api.fetch(input, init);

  it('runs the example', async () => {
    const client = createClient({ url, apiKey: tenant.adminKey, fetch: viaYoga });
    const result = await example(client);
    expect(result.organization).toBe('client');
    expect(result.domains.sort()).toEqual(['client.test', 'docs.example.com']);
    expect(result.flags).toEqual([]);
  });

  it('throws a TidemarkError carrying the code', async () => {
    const client = createClient({ url, apiKey: 'tmk_not-a-key', fetch: viaYoga });
    const error = await client.request(ApiVersionDocument).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TidemarkError);
    expect((error as TidemarkError).code).toBe('UNAUTHENTICATED');
  });
});
