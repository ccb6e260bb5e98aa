// Bundles the dashboard into dashboard/dist (served by the API at `/`): index.html plus
// content-hashed assets, reports the gzipped JavaScript of the first screen and fails over budget.
// Runs at install and before `npm start` (when stale), offline: esbuild alone, no network.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile, type Plugin } from 'esbuild';
import { worldMap } from './world.ts';

export const DIST = new URL('./dist/', import.meta.url);
const SRC = new URL('./src/', import.meta.url);

/** Gzipped bytes of JavaScript the first screen loads (Preact ~6 KB + uPlot ~21 KB + the app). */
export const BUDGET = { firstScreenJs: 60 * 1024 };

export interface Bundle {
  /** index.html, the same for every client-side route. */
  html: string;
  /** Hashed asset name (no directory) → contents. */
  assets: Record<string, Uint8Array>;
  /** The assets the first screen loads (the page names them); the rest are imported on demand. */
  firstScreen: string[];
}

/** `import world from 'tidemark:world'`: the map's outlines, projected here (dashboard/world.ts). */
const world: Plugin = {
  name: 'tidemark-world',
  setup(build) {
    build.onResolve({ filter: /^tidemark:world$/ }, () => ({ path: 'world', namespace: 'tidemark' }));
    build.onLoad({ filter: /.*/, namespace: 'tidemark' }, () => ({
      contents: JSON.stringify(worldMap()),
      loader: 'json',
    }));
  },
};

/** Output files an entry loads before it runs: itself and its static imports, transitively. */
function staticClosure(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of metafile.outputs[path]?.imports ?? []) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  const css = metafile.outputs[entry]?.cssBundle;
  if (css) seen.add(css);
  return [...seen].map((path) => basename(path));
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
    chunkNames: '[name]-[hash]',
    assetNames: '[name]-[hash]',
    // The world map (25 KB gzipped) and what only later screens need load on demand.
    splitting: true,
    metafile: true,
    plugins: [world],
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
  const entry = Object.keys(result.metafile.outputs).find((path) => result.metafile.outputs[path]?.entryPoint);
  const firstScreen = entry ? staticClosure(result.metafile, entry) : [];
  const script = entry && basename(entry);
  const style = firstScreen.find((name) => name.endsWith('.css'));
  if (!script || !style) throw new Error('dashboard build: no app script or style');
  const preloads = firstScreen.filter((name) => name.endsWith('.js') && name !== script);
  return { html: page(script, style, preloads), assets, firstScreen };
}

/** The one HTML page: no inline script or style (the Content-Security-Policy forbids them). */
const page = (script: string, style: string, preloads: string[]) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tidemark</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/${style}">
<script type="module" src="/assets/${script}"></script>${preloads.map((name) => `\n<link rel="modulepreload" href="/assets/${name}">`).join('')}
</head>
<body>
<div id="app"></div>
<noscript>Tidemark's dashboard needs JavaScript. The GraphQL API is at <a href="/graphql">/graphql</a>.</noscript>
</body>
</html>
`;

const gzipped = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

/** Gzipped bytes of what the first screen loads (scripts and style), and of what loads on demand. */
export function sizes({ assets, firstScreen }: Bundle) {
  let js = 0;
  let css = 0;
  let onDemandJs = 0;
  for (const [name, bytes] of Object.entries(assets)) {
    if (name.endsWith('.css')) css += gzipped(bytes);
    else if (firstScreen.includes(name)) js += gzipped(bytes);
    else onDemandJs += gzipped(bytes);
  }
  return { firstScreenJs: js, css, onDemandJs };
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
  sources.push(new URL('./build.ts', import.meta.url), new URL('./world.ts', import.meta.url));
  sources.push(new URL('../package-lock.json', import.meta.url));
  sources.push(new URL('../client/generated/graphql.ts', import.meta.url));
  return built > 0 && sources.every((url) => mtime(url) <= built);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && distIsCurrent()) process.exit(0);
  const size = await writeDist();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(
    `dashboard: first screen ${kb(size.firstScreenJs)} JS gzipped (budget ${kb(BUDGET.firstScreenJs)}), ${kb(size.css)} CSS; ${kb(size.onDemandJs)} JS on demand`,
  );
  if (size.firstScreenJs > BUDGET.firstScreenJs) {
    console.error('dashboard: over its size budget');
    process.exit(1);
  }
}
