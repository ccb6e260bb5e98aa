import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClickHouse } from './clickhouse/client.ts';
import { runQuery } from './clickhouse/query.ts';
import { sql } from './clickhouse/sql.ts';

// `npm start` end to end: the real process on the embedded default, started twice on one data directory.
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-start-'));

interface Running {
  child: ChildProcess;
  output: () => string;
  apiUrl: string;
  ingestUrl: string;
}

async function start(): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', INGEST_PORT: '0', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.CLICKHOUSE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 90_000;
  while (!/Ingest: +http/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start failed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const url = (label: string) => new RegExp(`${label}: +(http://\\S+)`).exec(output)?.[1] as string;
  return { child, output: () => output, apiUrl: url('GraphiQL'), ingestUrl: url('Ingest') };
}

async function stop(running: Running): Promise<number | null> {
  running.child.kill('SIGTERM');
  return new Promise((resolve) => running.child.once('exit', (code) => resolve(code)));
}

describe('npm start on the embedded default', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('comes up, answers GraphQL and GraphiQL, bootstraps once, and keeps data across restarts', async () => {
    const first = await start();
    expect(first.output()).toMatch(/Bootstrap admin API key.*\n\s+tmk_[\w-]{43}/);
    expect(first.output()).toContain('postgres: applied');

    const response = await fetch(first.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ version }' }),
    });
    expect(await response.json()).toEqual({ data: { version: '0.1.0' } });
    const graphiql = await fetch(first.apiUrl, { headers: { accept: 'text/html' } });
    expect(await graphiql.text()).toContain('GraphiQL');
    expect(await (await fetch(`${first.ingestUrl}/health`)).json()).toEqual({ status: 'ok' });
    expect(await stop(first)).toBe(0);

    // Write a row while the product is down, then start again on the same directory.
    const clickhouse = createClickHouse({ dataDir: join(dataDir, 'clickhouse') });
    await clickhouse.insert({
      table: 'analytics.custom_events',
      format: 'JSONEachRow',
      values: [{ owner_id: 'org', timestamp: new Date().toISOString(), event_name: 'kept', properties: '{}' }],
    });
    await clickhouse.close();

    const second = await start();
    expect(second.output()).not.toContain('Bootstrap admin API key');
    expect(second.output()).not.toContain('applied');
    expect(await stop(second)).toBe(0);

    const reopened = createClickHouse({ dataDir: join(dataDir, 'clickhouse') });
    const rows = await runQuery<{ n: number }>(reopened, {
      name: 'kept_rows',
      query: sql`SELECT count() AS n FROM analytics.custom_events WHERE event_name = 'kept'`,
    });
    await reopened.close();
    expect(rows).toEqual([{ n: 1 }]);
  }, 240_000);
});
