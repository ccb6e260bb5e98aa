import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClickHouseClient, createClickHouse } from './client.ts';
import { migrateClickHouse } from './migrator.ts';

export interface TestClickHouse {
  client: ClickHouseClient;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A real embedded ClickHouse in a fresh directory, migrated unless told otherwise. chDB binds
 * one data directory per process: call this once per test file (vitest forks per file).
 */
export async function freshClickHouse(options: { migrate?: boolean } = {}): Promise<TestClickHouse> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-ch-'));
  const client = createClickHouse({ dataDir });
  if (options.migrate ?? true) await migrateClickHouse({ client });
  return {
    client,
    dataDir,
    async close() {
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A row for analytics.events with the columns that have no default filled in, so tests state
 * only what they care about (client_id, anonymous_id, session_id, time, and anything else).
 */
export function eventRow(
  fields: Record<string, unknown> & { client_id: string; time: string },
): Record<string, unknown> {
  const path = typeof fields.path === 'string' ? fields.path : '/';
  return {
    id: crypto.randomUUID(),
    event_name: 'screen_view',
    anonymous_id: '',
    session_id: '',
    url: `https://example.test${path}`,
    path,
    ip: '',
    user_agent: '',
    ...fields,
  };
}
