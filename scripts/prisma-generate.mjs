// Runs `prisma generate` offline. The Prisma CLI insists on downloading its schema-engine
// binary even though generating the client does not use it; PRISMA_SCHEMA_ENGINE_BINARY
// (Prisma's documented custom-engine variable) pointed at a stub stops the download.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'prisma-stub-'));
const stub = join(dir, 'schema-engine');
writeFileSync(stub, '#!/bin/sh\necho "schema-engine is not used offline; see prisma/migrate.ts" >&2\nexit 1\n');
chmodSync(stub, 0o755);
try {
  execFileSync('npx', ['prisma', 'generate'], {
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
