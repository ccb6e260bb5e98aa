import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClickHouse } from './clickhouse/client.ts';
import { runQuery } from './clickhouse/query.ts';
import { sql } from './clickhouse/sql.ts';
import { startProduct } from './runtime/test-support.ts';

// `npm start` end to end: the real process on the embedded default, started twice on one data directory.
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-start-'));

describe('npm start on the embedded default', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('comes up, answers GraphQL and GraphiQL, bootstraps once with a setup link, and keeps data across restarts', async () => {
    const first = await startProduct(dataDir);
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

    // The first start's setup link makes the owner account a person's and signs them in.
    const setup = /http:\/\/localhost:\d+\/setup\/([\w-]{43})/.exec(first.output())?.[1];
    expect(setup).toBeDefined();
    const done = await fetch(first.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'mutation($t: String!) { completeSetup(token: $t, email: "me@example.com", name: "Me", password: "a long password") { role } }',
        variables: { t: setup },
      }),
    });
    expect(await done.json()).toEqual({ data: { completeSetup: { role: 'OWNER' } } });
    expect(done.headers.get('set-cookie')).toMatch(/^tidemark_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
    expect(await first.stop()).toBe(0);

    // Write a row while the product is down, then start again on the same directory.
    const clickhouse = createClickHouse({ dataDir: join(dataDir, 'clickhouse') });
    await clickhouse.insert({
      table: 'analytics.custom_events',
      format: 'JSONEachRow',
      values: [{ owner_id: 'org', timestamp: new Date().toISOString(), event_name: 'kept', properties: '{}' }],
    });
    await clickhouse.close();

    const second = await startProduct(dataDir);
    expect(second.output()).not.toContain('Bootstrap admin API key');
    expect(second.output()).not.toContain('/setup/');
    expect(second.output()).not.toContain('applied');
    expect(await second.stop()).toBe(0);

    const reopened = createClickHouse({ dataDir: join(dataDir, 'clickhouse') });
    const rows = await runQuery<{ n: number }>(reopened, {
      name: 'kept_rows',
      query: sql`SELECT count() AS n FROM analytics.custom_events WHERE event_name = 'kept'`,
    });
    await reopened.close();
    expect(rows).toEqual([{ n: 1 }]);
  }, 240_000);
});
