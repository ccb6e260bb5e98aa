import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createClickHouse } from '../clickhouse/client.ts';
import { runQuery } from '../clickhouse/query.ts';
import { sql } from '../clickhouse/sql.ts';
import { createPrisma } from '../prisma/client.ts';
import { startEmbeddedPostgres } from '../prisma/embedded.ts';
import { migratePostgres } from '../prisma/migrate.ts';
import { startProduct } from '../runtime/test-support.ts';
import { leftoverSegments } from './spool.ts';
import { CHROME_DESKTOP } from './test-support.ts';

// An acknowledged event must survive a crash: the whole product is killed with SIGKILL while
// clients send events, restarted on the same data, and every acknowledged event is found once.
const dataDir = mkdtempSync(join(tmpdir(), 'tidemark-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps every acknowledged event through a SIGKILL, without duplicates, and inserts the rest at shutdown', async () => {
  // The website exists before the product starts (the embedded database is this directory).
  const postgres = await startEmbeddedPostgres(join(dataDir, 'postgres'));
  await migratePostgres(postgres.url);
  const prisma = createPrisma(postgres.url, 2);
  const organization = await prisma.organization.create({ data: { name: 'Crash test' } });
  const site = await prisma.website.create({ data: { domain: 'example.com', organizationId: organization.id } });
  await prisma.$disconnect();
  await postgres.close();

  const product = await startProduct(dataDir, { INGEST_RATE_LIMIT_PER_IP: '1000000' });
  const { ingestUrl } = product;
  const acknowledged: string[] = [];
  let sent = 0;
  let killed = false;
  const sender = async () => {
    while (!killed) {
      const events = Array.from({ length: 20 }, () => ({
        type: 'screen_view',
        eventId: randomUUID(),
        anonymousId: 'crash',
        url: 'https://example.com/',
      }));
      sent += events.length;
      try {
        const response = await fetch(`${ingestUrl}/v1/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://example.com', 'user-agent': CHROME_DESKTOP },
          body: JSON.stringify({ clientId: site.id, events }),
        });
        if (response.status === 200) acknowledged.push(...events.map((e) => e.eventId));
      } catch {
        // The connection died with the process: not acknowledged.
      }
    }
  };
  const senders = Array.from({ length: 8 }, sender);
  while (acknowledged.length < 2_000) await new Promise((resolve) => setTimeout(resolve, 20));
  const crashed = product.stop('SIGKILL');
  killed = true;
  await Promise.all([crashed, ...senders]);

  // The crash left acknowledged events in the spool that ClickHouse may or may not have.
  expect(await leftoverSegments(join(dataDir, 'spool', 'ingest'))).not.toEqual([]);

  // Restart on the same data after the crash (replaying the spool), take a last batch, then stop
  // cleanly: with a flush interval longer than the test, only the shutdown can insert that batch.
  const restarted = await startProduct(dataDir, { INGEST_FLUSH_INTERVAL_MS: '600000' });
  const last = Array.from({ length: 20 }, () => ({
    type: 'screen_view',
    eventId: randomUUID(),
    url: 'https://example.com/',
  }));
  const response = await fetch(`${restarted.ingestUrl}/v1/batch`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://example.com', 'user-agent': CHROME_DESKTOP },
    body: JSON.stringify({ clientId: site.id, events: last }),
  });
  expect(response.status).toBe(200);
  acknowledged.push(...last.map((e) => e.eventId));
  sent += last.length;
  expect(await restarted.stop()).toBe(0);
  expect(await leftoverSegments(join(dataDir, 'spool', 'ingest'))).toEqual([]);

  const clickhouse = createClickHouse({ dataDir: join(dataDir, 'clickhouse') });
  const rows = await runQuery<{ event_id: string; n: number }>(clickhouse, {
    name: 'crash_rows',
    query: sql`SELECT event_id, count() AS n FROM analytics.events WHERE client_id = ${site.id} GROUP BY event_id`,
  });
  await clickhouse.close();
  const stored = new Map(rows.map((r) => [r.event_id, r.n]));
  const missing = acknowledged.filter((id) => !stored.has(id));
  expect(acknowledged.length).toBeGreaterThanOrEqual(2_000);
  expect(missing).toEqual([]);
  expect(rows.filter((r) => r.n > 1)).toEqual([]);
  expect(rows.length).toBeLessThanOrEqual(sent);
}, 180_000);
