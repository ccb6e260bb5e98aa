import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runScript, startProduct } from './runtime/test-support.ts';

// The commands an operator runs (`npm start`, `start:api`, `start:ingest`, `start:uptime`,
// `migrate`, `migrate:status`, `demo`, `admin-key`) as real processes: what they print when
// something is in the way, and the lost admin key.
const root = mkdtempSync(join(tmpdir(), 'tidemark-commands-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const KEY = /tmk_[\w-]{43}/g;
const SETUP = /\/setup\/([\w-]{43})/;
/** The lines a failed command printed on stderr: an operator's error is one of them. */
const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.trim());

async function graphql(apiUrl: string, key: string, query: string) {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

describe('the admin key cannot be lost', () => {
  it('a first start on a busy port creates no key; admin-key issues working keys later', async () => {
    const dataDir = join(root, 'busy');
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const busyPort = String((holder.address() as { port: number }).port);

    const failed = await runScript('main.ts', [], dataDir, { PORT: busyPort, INGEST_PORT: '0' });
    holder.close();
    expect(failed.code).toBe(1);
    expect(errorLines(failed.stderr)).toEqual([
      `Cannot listen on 127.0.0.1:${busyPort}: the port is in use (stop what holds it, or set PORT / INGEST_PORT to another port)`,
    ]);
    expect(failed.stdout + failed.stderr).not.toMatch(KEY);
    expect(failed.stdout + failed.stderr).not.toMatch(SETUP);

    // The next start is still the first: it bootstraps and shows the key.
    const first = await startProduct(dataDir);
    const bootstrapKey = first.output().match(KEY)?.[0] as string;
    expect(first.output()).toContain('Authorization: Bearer');
    const firstSetup = SETUP.exec(first.output())?.[1];
    expect(firstSetup).toBeDefined();
    expect(await first.stop()).toBe(0);

    // Key lost anyway: the command issues another one, printed once, for the same organization.
    const issued = await runScript('scripts/admin-key.ts', [], dataDir);
    expect(issued.code).toBe(0);
    const newKey = issued.stdout.match(KEY)?.[0] as string;
    expect(newKey).toBeDefined();
    expect(newKey).not.toBe(bootstrapKey);
    // The setup link was not used yet: a new one comes with the key, and replaces the first.
    const newSetup = SETUP.exec(issued.stdout)?.[1];
    expect(newSetup).toBeDefined();
    expect(newSetup).not.toBe(firstSetup);

    const again = await startProduct(dataDir);
    try {
      expect(again.output()).not.toMatch(KEY);
      const query = '{ organization { name apiKeys { edges { node { name scopes } } } } }';
      const byNew = await graphql(again.apiUrl, newKey, query);
      expect(byNew.errors).toBeUndefined();
      expect(byNew.data.organization.name).toBe('Default');
      const keys: { name: string; scopes: string[] }[] = byNew.data.organization.apiKeys.edges.map(
        (edge: { node: unknown }) => edge.node,
      );
      expect(keys.map((k) => k.name).sort()).toEqual([
        expect.stringMatching(/^Admin key \(npm run admin-key, /),
        'Bootstrap admin key',
      ]);
      for (const key of keys) expect(key.scopes).toContain('ADMIN');
      expect((await graphql(again.apiUrl, bootstrapKey, query)).data.organization.name).toBe('Default');
      const setup = (token: string | undefined) =>
        graphql(
          again.apiUrl,
          newKey,
          `mutation { completeSetup(token: "${token}", email: "me@example.com", name: "Me", password: "long password") { role } }`,
        );
      expect((await setup(firstSetup)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await setup(newSetup)).data).toEqual({ completeSetup: { role: 'OWNER' } });
    } finally {
      expect(await again.stop()).toBe(0);
    }
  }, 300_000);

  it('admin-key on an empty installation bootstraps it', async () => {
    const issued = await runScript('scripts/admin-key.ts', [], join(root, 'empty'));
    expect(issued.code).toBe(0);
    expect(issued.stdout.match(KEY)).toHaveLength(1);
  }, 120_000);
});

describe('a data directory in use by npm start', () => {
  it('every command that opens the embedded stores says so in one line and exits 1', async () => {
    const dataDir = join(root, 'in-use');
    const product = await startProduct(dataDir);
    const pid = product.child.pid;
    try {
      for (const [script, ...args] of [
        ['main.ts'],
        ['api/main.ts'],
        ['ingest/main.ts'],
        ['ingest/uptime/main.ts'],
        ['scripts/migrate.ts'],
        ['scripts/migrate.ts', 'status'],
        ['scripts/demo.ts', '--days', '1'],
        ['scripts/admin-key.ts'],
      ] as [string, ...string[]][]) {
        const result = await runScript(script, args, dataDir, { PORT: '0', INGEST_PORT: '0' });
        expect({ script, args, code: result.code, stderr: errorLines(result.stderr) }).toEqual({
          script,
          args,
          code: 1,
          stderr: [
            `Data directory ${dataDir} is in use by process ${pid} (npm start?): stop it first, or set DATA_DIR to another directory`,
          ],
        });
      }
      // The running product was not disturbed.
      expect((await fetch(`${product.ingestUrl}/health`)).status).toBe(200);
    } finally {
      expect(await product.stop()).toBe(0);
    }
    // Stopped, the directory is free again.
    const status = await runScript('scripts/migrate.ts', ['status'], dataDir);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('applied');
  }, 300_000);
});

it('npm run demo --days 2 (npm keeps the option, passes a bare 2) says how to pass options', async () => {
  const result = await runScript('scripts/demo.ts', ['2'], join(root, 'demo-args'));
  expect(result.code).toBe(1);
  expect(errorLines(result.stderr)).toEqual([
    'npm kept the option names of 2. Usage: npm run demo -- --days 30 --visitors 120',
  ]);
});

describe('.env', () => {
  it('is read from the working directory, below the environment', async () => {
    const dir = join(root, 'dotenv');
    mkdirSync(dir);
    const file = join(root, 'dotenv-file');
    writeFileSync(file, '');
    // DATA_DIR comes from .env (a file in its place, so the command stops at once, naming it);
    // PORT from the environment wins over the .env's, which is not a port.
    writeFileSync(join(dir, '.env'), `DATA_DIR=${file}\nPORT=not-a-port\n`);
    const result = await runScript('main.ts', [], undefined, { PORT: '0', INGEST_PORT: '0' }, { cwd: dir });
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      `Cannot use data directory ${file}: a file is in the way of the directory (move it, or set DATA_DIR elsewhere)`,
    ]);
  });
});

describe('file-system errors are one line', () => {
  it('a file in the place of DATA_DIR', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a directory');
    const result = await runScript('main.ts', [], file, { PORT: '0', INGEST_PORT: '0' });
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      `Cannot use data directory ${file}: a file is in the way of the directory (move it, or set DATA_DIR elsewhere)`,
    ]);
  });

  it('a DATA_DIR this user may not write', async () => {
    const locked = join(root, 'read-only');
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    chmodSync(root, 0o755);
    // Root writes anywhere: as root, the product runs as the unprivileged user `nobody`.
    const asNobody = process.getuid?.() === 0 ? { uid: 65_534, gid: 65_534 } : {};
    const dataDir = join(locked, 'data');
    const result = await runScript('main.ts', [], dataDir, { PORT: '0', INGEST_PORT: '0', HOME: root }, asNobody);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([
      `Cannot use data directory ${dataDir}: permission denied (make it writable by this user, or set DATA_DIR elsewhere)`,
    ]);
  });
});

describe('without the optional chdb package (a slim installation)', () => {
  it('the embedded default says so in one line; nothing else needs chdb', async () => {
    // Node's resolver answers as it does when the package is absent (the real absence, an
    // `npm uninstall --no-save chdb` tree, was checked by hand: the same line).
    const hide = join(root, 'hide-chdb.mjs');
    writeFileSync(
      hide,
      `import Module from 'node:module';
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'chdb' || request.startsWith('chdb/')) {
    throw Object.assign(new Error(\`Cannot find module '\${request}'\`), { code: 'MODULE_NOT_FOUND' });
  }
  return resolve.call(this, request, ...rest);
};
`,
    );
    const env = { PORT: '0', INGEST_PORT: '0', NODE_OPTIONS: `--import ${pathToFileURL(hide).href}` };
    for (const script of ['main.ts', 'scripts/migrate.ts']) {
      const result = await runScript(script, [], join(root, 'no-chdb'), env);
      expect({ script, code: result.code, stderr: errorLines(result.stderr) }).toEqual({
        script,
        code: 1,
        stderr: [
          'Embedded ClickHouse needs the optional package chdb, which is not installed: set CLICKHOUSE_URL to a ClickHouse server, or install it (npm install; for the Docker image, build it with --build-arg CHDB=true)',
        ],
      });
    }
    // A ClickHouse server by URL (from .env: runScript clears the variable) never loads it: the
    // command gets as far as the server (none here).
    const cwd = join(root, 'no-chdb-remote');
    mkdirSync(cwd);
    writeFileSync(join(cwd, '.env'), 'CLICKHOUSE_URL=http://127.0.0.1:9\n');
    const remote = await runScript('scripts/migrate.ts', ['status'], join(root, 'no-chdb'), env, { cwd });
    expect(remote.code).toBe(1);
    expect(remote.stderr).not.toContain('chdb');
    expect(remote.stderr).toContain('ECONNREFUSED');
  }, 120_000);
});
