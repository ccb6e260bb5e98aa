import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedPostgres, passwordFile, startEmbeddedPostgres } from './embedded.ts';

let root: string;
let dataDir: string;
let server: EmbeddedPostgres;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tidemark-embedded-'));
  dataDir = join(root, 'postgres');
  server = await startEmbeddedPostgres(dataDir);
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const withPassword = (password: string | undefined) => {
  const url = new URL(server.url);
  url.password = password ?? '';
  return url.toString();
};

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Talks the wire protocol by hand: a startup message, then a query without authenticating. */
function rawAttempt(port: number): Promise<string> {
  const message = (type: string, body: Buffer) => {
    const header = Buffer.alloc(5);
    header.write(type);
    header.writeInt32BE(body.length + 4, 1);
    return Buffer.concat([header, body]);
  };
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const startup = Buffer.alloc(8);
  startup.writeInt32BE(8 + params.length);
  startup.writeInt32BE(196_608, 4);
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
    });
    socket.on('close', () => resolve(received));
    socket.write(Buffer.concat([startup, params, message('Q', Buffer.from('SELECT count(*) FROM pg_roles\0'))]));
  });
}

describe('embedded PostgreSQL access', () => {
  it('keeps a generated password in a file only its owner can read, the same across restarts', async () => {
    const file = passwordFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const password = readFileSync(file, 'utf8').trim();
    expect(password).toMatch(/^[0-9a-f]{48}$/);
    expect(new URL(server.url).password).toBe(password);

    const other = join(root, 'second');
    const first = await startEmbeddedPostgres(other);
    await first.close();
    const again = await startEmbeddedPostgres(other);
    try {
      expect(again.url.replace(/:\d+\//, '/')).toBe(first.url.replace(/:\d+\//, '/'));
      expect(await query(again.url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await again.close();
    }
  });

  it('answers a query with the password', async () => {
    expect(await query(server.url, 'SELECT current_user AS who')).toEqual([{ who: 'postgres' }]);
  });

  it('refuses a wrong or missing password', async () => {
    await expect(query(withPassword('0'.repeat(48)), 'SELECT 1')).rejects.toMatchObject({ code: '28P01' });
    await expect(query(withPassword(randomBytes(24).toString('hex')), 'SELECT 1')).rejects.toMatchObject({
      code: '28P01',
    });
    // pg refuses on its own side to answer SCRAM without a password; the server never sees a query.
    await expect(query(withPassword(undefined), 'SELECT 1')).rejects.toThrow(/password/);
  });

  it('runs nothing for a client that skips authentication', async () => {
    const port = Number(new URL(server.url).port);
    const reply = await rawAttempt(port);
    expect(reply).toContain('SCRAM-SHA-256'); // asked for the password…
    expect(reply).toContain('password authentication required'); // …and refused the query
    expect(reply).not.toContain('count'); // no RowDescription of the query
  });
});

describe('embedded PostgreSQL under concurrent connections', () => {
  it('keeps every connection’s statements and parameters its own, with large parameters', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 16 });
    try {
      // Different statements with different parameter counts and multi-megabyte values at once:
      // a Bind of one connection running against another's Parse would fail or answer wrongly.
      const tasks = Array.from({ length: 48 }, async (_, i) => {
        const big = `${i}:${'x'.repeat(((i % 4) + 1) * 512 * 1024)}`;
        if (i % 3 === 0) {
          const { rows } = await pool.query('SELECT $1::text AS a, length($2::text) AS n, $3::int AS i', [
            `a${i}`,
            big,
            i,
          ]);
          return rows[0].a === `a${i}` && rows[0].n === big.length && rows[0].i === i;
        }
        if (i % 3 === 1) {
          const { rows } = await pool.query('SELECT md5($1::text) AS h, $2::int + $3::int + $4::int + $5::int AS s', [
            big,
            i,
            1,
            2,
            3,
          ]);
          return rows[0].s === i + 6 && rows[0].h.length === 32;
        }
        const { rows } = await pool.query('SELECT left($1::text, 12) AS head', [big]);
        return rows[0].head === big.slice(0, 12);
      });
      expect(await Promise.all(tasks)).toEqual(tasks.map(() => true));
    } finally {
      await pool.end();
    }
  });

  it('runs a transaction alone: another connection never sees its local settings or uncommitted rows', async () => {
    const pool = new pg.Pool({ connectionString: server.url, max: 8 });
    try {
      await pool.query('CREATE TABLE IF NOT EXISTS probe (who text)');
      const results = await Promise.all(
        Array.from({ length: 16 }, async (_, i) => {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await client.query("SELECT set_config('tidemark.who', $1, true)", [`c${i}`]);
            await client.query('INSERT INTO probe VALUES ($1)', [`c${i}`]);
            await new Promise((resolve) => setTimeout(resolve, 2));
            const { rows } = await client.query(
              "SELECT current_setting('tidemark.who') AS who, (SELECT count(*)::int FROM probe) AS rows",
            );
            await client.query('ROLLBACK');
            return rows[0];
          } finally {
            client.release();
          }
        }),
      );
      expect(results).toEqual(results.map((_, i) => ({ who: `c${i}`, rows: 1 })));
    } finally {
      await pool.end();
    }
  });

  it('rolls back and lets go of the engine when a connection drops inside a transaction', async () => {
    await query(server.url, 'CREATE TABLE IF NOT EXISTS dropped (n int)');
    const client = new pg.Client({ connectionString: server.url });
    client.on('error', () => {}); // the connection we cut
    await client.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO dropped VALUES (1)');
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect(await query(server.url, 'SELECT count(*)::int AS n FROM dropped')).toEqual([{ n: 0 }]);
  });
});
