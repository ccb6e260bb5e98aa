import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ClickHouseClient } from '../clickhouse/client.ts';
import { runQuery } from '../clickhouse/query.ts';
import type { Sql } from '../clickhouse/sql.ts';
import { freshClickHouse } from '../clickhouse/test-support.ts';
import { bootstrap } from '../prisma/bootstrap.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { migratedDatabase, pglite } from '../prisma/test-support.ts';
import { createLogger } from '../runtime/log.ts';
import { closeServer, listen } from '../runtime/service.ts';
import { ingestEnv } from './config.ts';
import { writeMmdb } from './enrich/mmdb-writer.ts';
import { createIngest, type Ingest } from './service.ts';

/** Real browser user agents from the `user-agents` corpus. */
const corpus: { userAgent: string; deviceCategory: string }[] = JSON.parse(
  readFileSync(join(dirname(createRequire(import.meta.url).resolve('user-agents')), 'user-agents.json'), 'utf8'),
);
export const CHROME_DESKTOP = corpus.find(
  (u) =>
    u.deviceCategory === 'desktop' && /Windows NT 10.*Chrome\/\d+/.test(u.userAgent) && !/Edg|OPR/.test(u.userAgent),
)?.userAgent as string;
export const IPHONE_SAFARI = corpus.find(
  (u) => u.deviceCategory === 'mobile' && /iPhone.*Version\/.*Safari/.test(u.userAgent),
)?.userAgent as string;

/** Addresses with known answers in the fixture GeoIP database below. */
export const GEO = {
  london: '81.2.69.142',
  linkoping: '89.160.20.112',
  tokyoV6: '2001:218:1::1',
};

function geoFixture(dir: string): string {
  const file = join(dir, 'city.mmdb');
  writeFileSync(
    file,
    writeMmdb({
      ipVersion: 6,
      databaseType: 'GeoIP2-City',
      networks: [
        {
          cidr: '81.2.69.0/24',
          data: {
            country: { iso_code: 'GB' },
            subdivisions: [{ names: { en: 'England' } }],
            city: { names: { en: 'London' } },
          },
        },
        {
          cidr: '89.160.20.0/24',
          data: {
            country: { iso_code: 'SE' },
            subdivisions: [{ names: { en: 'Östergötland County' } }],
            city: { names: { en: 'Linköping' } },
          },
        },
        { cidr: '2001:218::/32', data: { country: { iso_code: 'JP' }, city: { names: { en: 'Tokyo' } } } },
      ],
    }),
  );
  return file;
}

export interface TestIngest {
  url: string;
  ingest: Ingest;
  prisma: PrismaClient;
  clickhouse: ClickHouseClient;
  organizationId: string;
  apiKey: string;
  /** The first start's one-time setup link token (`/setup/<token>`), as `npm start` prints it. */
  setupToken: string | null;
  /** A website on example.com. */
  siteId: string;
  /** Flushes the writer, then queries ClickHouse. */
  rows<T>(query: Sql): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real ingest service on fresh embedded stores, listening on a free port, trusting one
 * proxy hop so tests can choose the client address with X-Forwarded-For.
 */
export async function startTestIngest(env: Record<string, string> = {}): Promise<TestIngest> {
  const dir = mkdtempSync(join(tmpdir(), 'tidemark-ingest-'));
  const ch = await freshClickHouse();
  const db = await migratedDatabase(pglite, 4);
  const { prisma } = db;
  const created = await bootstrap(prisma);
  if (!created) throw new Error('fresh database was not empty');
  const { organizationId, apiKey, setupToken } = created;
  const site = await prisma.website.create({ data: { domain: 'example.com', organizationId } });
  const config = ingestEnv.parse({ TRUST_PROXY: '1', GEOIP_CITY_DB: geoFixture(dir), INGEST_SPOOL_DIR: dir, ...env });
  const ingest = await createIngest({ prisma, clickhouse: ch.client }, config, createLogger('ingest-test', 'error'));
  const port = await listen(ingest.server, 0, '127.0.0.1');
  return {
    url: `http://127.0.0.1:${port}`,
    ingest,
    prisma,
    clickhouse: ch.client,
    organizationId,
    apiKey,
    setupToken,
    siteId: site.id,
    // Acknowledged events reach ClickHouse behind the response: flush them before reading.
    async rows<T>(query: Sql) {
      await ingest.context.writer.flush();
      return runQuery<T>(ch.client, { name: 'test_rows', query });
    },
    async close() {
      await closeServer(ingest.server);
      await ingest.close();
      await db.close();
      await ch.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
