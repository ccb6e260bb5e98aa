import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** postgres:// URL of the local socket server; use it like any PostgreSQL server. */
  url: string;
  close(): Promise<void>;
}

/**
 * PostgreSQL 18 compiled to WASM, persisted in `dataDir` and served on a loopback port so
 * Prisma, the migrator and psql all use the ordinary wire protocol. PGlite runs one query at
 * a time; `maxConnections` must cover every pool that connects (Prisma's + the migrator's).
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 16): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
    },
  };
}
