// Run after `npm install` changes package-lock.json. chDB's engine comes in one optional
// package per platform; the registry mirror our machines reach has only the Linux x64 one,
// so npm leaves the others out of the lock file, and `npm ci` then refuses the lock file
// ("Missing: @chdb/lib-darwin-arm64@ from lock file"). This records them as npm would
// (optional, with their os/cpu), so `npm ci` works here and on every platform chDB supports.
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = new URL('../package-lock.json', import.meta.url);
const PLATFORMS = {
  'darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'linux-arm64-gnu': { os: ['linux'], cpu: ['arm64'], libc: ['glibc'] },
  'linux-x64-gnu': { os: ['linux'], cpu: ['x64'], libc: ['glibc'] },
};

const lock = JSON.parse(readFileSync(FILE, 'utf8'));
const chdb = lock.packages['node_modules/chdb'];
const version = JSON.parse(readFileSync(new URL('../node_modules/chdb/package.json', import.meta.url), 'utf8'))
  .optionalDependencies['@chdb/lib-linux-x64-gnu'];
chdb.optionalDependencies = {};
for (const [platform, constraints] of Object.entries(PLATFORMS)) {
  const name = `@chdb/lib-${platform}`;
  chdb.optionalDependencies[name] = version;
  lock.packages[`node_modules/${name}`] ??= {
    version,
    resolved: `https://registry.npmjs.org/${name}/-/lib-${platform}-${version}.tgz`,
    license: 'Apache-2.0',
    optional: true,
    ...constraints,
  };
}
const byPath = (a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b));
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => byPath(a, b)));
writeFileSync(FILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log('package-lock.json: chDB platform engines recorded');
