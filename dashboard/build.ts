// Bundles the dashboard into dashboard/dist (served by the API at `/`): index.html plus
// content-hashed assets, reports the gzipped JavaScript of the first screen and fails over budget.
// Runs at install and before `npm start` (when stale), offline: esbuild alone, no network.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const DIST = new URL('./dist/', import.meta.url);
const SRC = new URL('./src/', import.meta.url);

/** Gzipped bytes of JavaScript the first screen loads (Preact ~6 KB + uPlot ~21 KB + the app). */
export const BUDGET = { firstScreenJs: 60 * 1024 };

export interface Bundle {
  /** index.html, the same for every client-side route. */
  html: string;
  /** Hashed asset name (no directory) → contents. */
  assets: Record<string, Uint8Array>;
}

export async function bundle(): Promise<Bundle> {
  const result = await build({
    entryPoints: { app: new URL('main.tsx', SRC).pathname },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    outdir: new URL('assets/', DIST).pathname,
    entryNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Not the repository's tsconfig (NodeNext, node types): the browser build needs none of it.
    tsconfigRaw: {},
    write: false,
  });
  const assets: Record<string, Uint8Array> = {};
  for (const file of result.outputFiles) assets[basename(file.path)] = file.contents;
  const named = (ext: string) => Object.keys(assets).find((name) => name.startsWith('app-') && name.endsWith(ext));
  const script = named('.js');
  const style = named('.css');
  if (!script || !style) throw new Error('dashboard build: no app script or style');
  return { html: page(script, style), assets };
}

/** The one HTML page: no inline script or style (the Content-Security-Policy forbids them). */
const page = (script: string, style: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tidemark</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${style}">
<script type="module" src="/assets/${script}"></script>
</head>
<body>
<div id="app"></div>
<noscript>Tidemark's dashboard needs JavaScript. The GraphQL API is at <a href="/graphql">/graphql</a>.</noscript>
</body>
</html>
`;

const gzipped = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

/** Gzipped bytes of what the first screen loads: every script (one entry, no lazy chunks yet) and the style. */
export function sizes({ assets }: Bundle) {
  let js = 0;
  let css = 0;
  for (const [name, bytes] of Object.entries(assets)) {
    if (name.endsWith('.js')) js += gzipped(bytes);
    if (name.endsWith('.css')) css += gzipped(bytes);
  }
  return { firstScreenJs: js, css };
}

/** Writes a file whole or not at all (a server or a test reading it meanwhile sees the old or the new). */
function writeAtomically(url: URL, contents: Uint8Array | string) {
  const temporary = new URL(`${url.href}.${process.pid}.tmp`);
  writeFileSync(temporary, contents);
  renameSync(temporary, url);
}

/**
 * Bundles into dashboard/dist and returns the sizes. Each file is replaced atomically and
 * index.html last, so a server loading the build meanwhile never sees half of it; assets the new
 * page no longer names are removed afterwards.
 */
export async function writeDist() {
  const built = await bundle();
  const assets = new URL('assets/', DIST);
  mkdirSync(assets, { recursive: true });
  for (const [name, bytes] of Object.entries(built.assets)) writeAtomically(new URL(name, assets), bytes);
  writeAtomically(new URL('index.html', DIST), built.html);
  for (const name of readdirSync(assets)) {
    if (!(name in built.assets) && !name.endsWith('.tmp')) rmSync(new URL(name, assets), { force: true });
  }
  return sizes(built);
}

/** Whether a build (dashboard/dist) is at least as new as every source, the client and the lock file. */
export function distIsCurrent(dist: URL = DIST): boolean {
  const mtime = (url: URL) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const built = mtime(new URL('index.html', dist));
  const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).map((f) => new URL(f, SRC));
  sources.push(new URL('./build.ts', import.meta.url), new URL('../package-lock.json', import.meta.url));
  sources.push(new URL('../client/generated/graphql.ts', import.meta.url));
  return built > 0 && sources.every((url) => mtime(url) <= built);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && distIsCurrent()) process.exit(0);
  const size = await writeDist();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `dashboard: first screen ${kb(size.firstScreenJs)} JS gzipped (budget ${kb(BUDGET.firstScreenJs)}), ${kb(size.css)} CSS`,
  );
  if (size.firstScreenJs > BUDGET.firstScreenJs) {
    console.error('dashboard: over its size budget');
    process.exit(1);
  }
}
