import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';

export interface EmbeddedPostgres {
  /** postgres:// URL of the local server, password included; use it like any PostgreSQL server. */
  url: string;
  close(): Promise<void>;
}

/** Where the embedded server's password is kept: beside its data directory, mode 0600. */
export const passwordFile = (dataDir: string) => `${dataDir}.password`;

/**
 * PostgreSQL 18 compiled to WASM, persisted in `dataDir` and served on a loopback port so
 * Prisma, the migrator and psql all use the ordinary wire protocol.
 *
 * Our own front rather than `@electric-sql/pglite-socket`, for two reasons:
 * - It asks for a password (SCRAM-SHA-256, as PostgreSQL does), generated at first start and
 *   kept in `passwordFile(dataDir)` with mode 0600: any local process could otherwise connect
 *   as the superuser. (A Unix socket in DATA_DIR would avoid the port too, but its path is
 *   limited to ~100 bytes, so a deep DATA_DIR would fail; a password keeps the ordinary URL.)
 * - PGlite is one backend. pglite-socket queues single protocol messages of all connections, so
 *   one connection's Bind could run against another's Parse (and its `SET LOCAL` be seen by
 *   others). Here a connection holds the engine from its first message until PostgreSQL is
 *   ready for a query outside a transaction (ReadyForQuery 'I'): a whole extended-query cycle
 *   or a whole transaction runs alone. A connection idle for `IDLE_IN_TRANSACTION_MS` while
 *   holding it is cut off and rolled back (PostgreSQL's idle_in_transaction_session_timeout).
 */
export async function startEmbeddedPostgres(dataDir: string, maxConnections = 32): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const password = readOrCreatePassword(passwordFile(dataDir));
  const db = await PGlite.create(dataDir);
  const engine = new Engine(db);
  const scram = scramVerifier(password);
  const sessions = new Set<Session>();
  const server: Server = createServer((socket) => {
    if (sessions.size >= maxConnections) {
      socket.end(errorResponse('53300', 'too many connections for the embedded PostgreSQL'));
      return;
    }
    const session = new Session(socket, engine, scram);
    sessions.add(session);
    socket.once('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const session of sessions) session.socket.destroy();
      await closed;
      await engine.idle();
      await db.close();
    },
  };
}

function readOrCreatePassword(file: string): string {
  if (!existsSync(file)) {
    // 'wx': two processes starting at once must not overwrite each other's password.
    try {
      writeFileSync(file, `${randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const password = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{32,}$/.test(password)) throw new Error(`${file} does not hold a password Tidemark generated`);
  return password;
}

const IDLE_IN_TRANSACTION_MS = 60_000;
// Before authentication nothing large is legitimate (PostgreSQL caps startup packets at 10,000 bytes).
const MAX_UNAUTHENTICATED_MESSAGE = 10_000;
const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const PROTOCOL_3 = 196_608;

/** One PGlite backend shared by all connections; one connection at a time holds it. */
class Engine {
  private owner: Session | null = null;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly db: PGlite) {}

  async acquire(session: Session): Promise<void> {
    while (this.owner !== session) {
      if (this.owner === null) this.owner = session;
      else await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  release(session: Session): void {
    if (this.owner !== session) return;
    this.owner = null;
    this.waiting.shift()?.();
  }

  holds(session: Session): boolean {
    return this.owner === session;
  }

  /** Runs one protocol message; returns the reply and the transaction status if it ends with ReadyForQuery. */
  async run(message: Uint8Array): Promise<{ reply: Buffer; status?: string }> {
    const chunks: Uint8Array[] = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, { onRawData: (data) => chunks.push(data.slice()) }),
    );
    const reply = Buffer.concat(chunks);
    const tail = reply.subarray(reply.length - 6);
    const ready = tail.length === 6 && tail[0] === 0x5a && tail.readInt32BE(1) === 5;
    return { reply, status: ready ? String.fromCharCode(tail[5] as number) : undefined };
  }

  /** Resolves once no connection holds the engine (for a clean close). */
  async idle(): Promise<void> {
    while (this.owner !== null || this.waiting.length > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

type Phase = 'startup' | 'sasl-initial' | 'sasl-final' | 'ready' | 'closed';

class Session {
  private buffer = Buffer.alloc(0);
  private phase: Phase = 'startup';
  private startup?: Buffer;
  private scramState?: { clientFirstBare: string; serverFirst: string; nonce: string };
  private work: Promise<void> = Promise.resolve();
  private idleTimer?: NodeJS.Timeout;
  private startupPending = false;

  constructor(
    readonly socket: Socket,
    private readonly engine: Engine,
    private readonly scram: ScramVerifier,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (data) => {
      if (this.phase === 'closed') return;
      this.buffer = Buffer.concat([this.buffer, data]);
      this.work = this.work.then(() => this.drain()).catch(() => void socket.destroy());
    });
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      this.phase = 'closed';
      clearTimeout(this.idleTimer);
      this.work = this.work.then(() => this.abandon()).catch(() => {}); // the engine itself failed: nothing left to undo
    });
  }

  private async drain(): Promise<void> {
    while (this.phase !== 'closed') {
      const message = this.next();
      if (!message) return;
      if (this.phase === 'ready') await this.execute(message);
      else this.authenticate(message);
    }
  }

  /** The next complete message: untyped during startup (and the startup handed on to PGlite), typed afterwards. */
  private next(): Buffer | undefined {
    const typed = this.phase !== 'startup' && !this.startupPending;
    const header = typed ? 5 : 4;
    if (this.buffer.length < header) return undefined;
    const length = this.buffer.readInt32BE(typed ? 1 : 0) + (typed ? 1 : 0);
    if (length < header || (this.phase !== 'ready' && length > MAX_UNAUTHENTICATED_MESSAGE)) {
      this.fail('08P01', 'invalid message length');
      return undefined;
    }
    if (this.buffer.length < length) return undefined;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  private authenticate(message: Buffer): void {
    if (this.phase === 'startup') {
      const code = message.length >= 8 ? message.readInt32BE(4) : 0;
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) this.socket.write('N');
      else if (code === PROTOCOL_3) {
        this.startup = Buffer.from(message);
        this.phase = 'sasl-initial';
        this.socket.write(authMessage(10, Buffer.from('SCRAM-SHA-256\0\0')));
      } else this.fail('08P01', 'unsupported startup message'); // cancel requests included: nothing to cancel
      return;
    }
    if (message[0] !== 0x70) {
      this.fail('28000', 'password authentication required');
      return;
    }
    if (this.phase === 'sasl-initial') {
      const end = message.indexOf(0, 5);
      const mechanism = message.toString('utf8', 5, end);
      const clientFirst = message.toString('utf8', end + 5);
      const match = /^n,,n=[^,]*,r=([!-+--~]+)$/.exec(clientFirst);
      if (mechanism !== 'SCRAM-SHA-256' || !match) {
        this.fail('28000', 'unsupported SASL exchange');
        return;
      }
      const nonce = `${match[1]}${randomBytes(18).toString('base64')}`;
      const serverFirst = `r=${nonce},s=${this.scram.salt},i=${this.scram.iterations}`;
      this.scramState = { clientFirstBare: clientFirst.slice(3), serverFirst, nonce };
      this.phase = 'sasl-final';
      this.socket.write(authMessage(11, Buffer.from(serverFirst)));
      return;
    }
    const state = this.scramState as NonNullable<Session['scramState']>;
    const clientFinal = message.toString('utf8', 5);
    const match = /^(c=biws,r=([^,]+)),p=([A-Za-z0-9+/=]+)$/.exec(clientFinal);
    const authMessageText = `${state.clientFirstBare},${state.serverFirst},${match?.[1]}`;
    if (!match || match[2] !== state.nonce || !this.scram.verify(authMessageText, match[3] as string)) {
      this.fail('28P01', 'password authentication failed for user "postgres"');
      return;
    }
    this.phase = 'ready';
    this.socket.write(authMessage(12, Buffer.from(`v=${this.scram.serverSignature(authMessageText)}`)));
    // PGlite answers the startup message itself (AuthenticationOk, parameters, ReadyForQuery).
    this.buffer = Buffer.concat([this.startup as Buffer, this.buffer]);
    this.startupPending = true;
  }

  private async execute(message: Buffer): Promise<void> {
    clearTimeout(this.idleTimer);
    if (this.startupPending) this.startupPending = false;
    else if (message[0] === 0x58) return void this.socket.end(); // Terminate
    await this.engine.acquire(this);
    if (this.phase === 'closed') return this.abandon();
    const { reply, status } = await this.engine.run(message);
    if (reply.length > 0 && this.socket.writable) this.socket.write(reply);
    if (status === 'I') this.engine.release(this);
    else this.idleTimer = setTimeout(() => this.socket.destroy(), IDLE_IN_TRANSACTION_MS);
  }

  /** A connection gone while holding the engine: end its cycle, roll back its transaction, let go. */
  private async abandon(): Promise<void> {
    if (!this.engine.holds(this)) return;
    try {
      const { status } = await this.engine.run(Buffer.from([0x53, 0, 0, 0, 4])); // Sync
      if (status !== 'I') await this.engine.run(simpleQuery('ROLLBACK'));
    } finally {
      this.engine.release(this);
    }
  }

  private fail(code: string, text: string): void {
    this.phase = 'closed';
    this.socket.end(errorResponse(code, text));
  }
}

interface ScramVerifier {
  salt: string;
  iterations: number;
  verify(authMessage: string, proof: string): boolean;
  serverSignature(authMessage: string): string;
}

/** Server side of SCRAM-SHA-256 (RFC 5802/7677) for one password, keys derived once per start. */
function scramVerifier(password: string): ScramVerifier {
  const salt = randomBytes(16);
  const iterations = 4096;
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256');
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest();
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest();
  const serverKey = hmac(salted, 'Server Key');
  return {
    salt: salt.toString('base64'),
    iterations,
    verify(authMessage, proof) {
      const clientProof = Buffer.from(proof, 'base64');
      if (clientProof.length !== 32) return false;
      const signature = hmac(storedKey, authMessage);
      const clientKey = Buffer.from(clientProof.map((byte, i) => byte ^ (signature[i] as number)));
      return timingSafeEqual(createHash('sha256').update(clientKey).digest(), storedKey);
    },
    serverSignature: (authMessage) => hmac(serverKey, authMessage).toString('base64'),
  };
}

function typedMessage(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function authMessage(kind: number, data: Buffer): Buffer {
  const code = Buffer.alloc(4);
  code.writeInt32BE(kind);
  return typedMessage('R', Buffer.concat([code, data]));
}

function errorResponse(code: string, text: string): Buffer {
  return typedMessage('E', Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${text}\0\0`));
}

function simpleQuery(sql: string): Buffer {
  return typedMessage('Q', Buffer.from(`${sql}\0`));
}
