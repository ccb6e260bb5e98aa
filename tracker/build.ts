// `npm run build`: bundles the tracker into tracker/dist (served by ingest), reports the
// gzipped sizes and fails over budget.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const DIST = new URL('./dist/', import.meta.url);

/** Gzipped bytes allowed (the budgets): the core alone, and everything a page can load. */
export const BUDGET = { core: 2048, full: 4608 };

/** Served file → entry point and build-time definitions. */
const FILES: Record<string, { entry: string; define?: Record<string, string> }> = {
  // Everything but the vitals, which it loads lazily.
  'tracker.js': { entry: 'script.ts' },
  // Page views, SPA, engagement, outgoing links, custom events, transport: no errors, timing or vitals.
  'tracker.core.js': { entry: 'script.ts', define: { TIDEMARK_CORE: 'true' } },
  'tracker-vitals.js': { entry: 'vitals.ts' },
};

/** The minified files by name. */
export async function bundle(): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [name, { entry, define }] of Object.entries(FILES)) {
    const result = await build({
      entryPoints: [new URL(entry, import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2021',
      define,
      // Not the repository's tsconfig: its `strict` would add a "use strict" prologue.
      tsconfigRaw: {},
      write: false,
    });
    files[name] = result.outputFiles[0]?.text ?? '';
  }
  return files;
}

const gzipped = (text = '') => gzipSync(text, { level: 9 }).length;

/** Gzipped bytes: the core script, the full one, and the full one with its lazily loaded vitals. */
export function sizes(files: Record<string, string>) {
  const tracker = gzipped(files['tracker.js']);
  return {
    core: gzipped(files['tracker.core.js']),
    tracker,
    full: tracker + gzipped(files['tracker-vitals.js']),
  };
}

/** Bundles and writes tracker/dist (what ingest serves); returns the sizes. */
export async function writeDist() {
  const files = await bundle();
  mkdirSync(DIST, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, DIST), text);
  return sizes(files);
}

/**
 * Whether tracker/dist is at least as new as every tracker source: `npm start` then leaves it be,
 * so the product runs from an install it may not write to (npm ci builds it).
 */
export function distIsCurrent(): boolean {
  const mtime = (url: URL) => statSync(url, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const built = Math.min(...Object.keys(FILES).map((name) => mtime(new URL(name, DIST))));
  const sources = readdirSync(new URL('.', import.meta.url)).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  return built > 0 && sources.every((f) => mtime(new URL(f, import.meta.url)) <= built);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // `npm start` runs `build --if-stale`: nothing to do when the build is current.
  if (process.argv.includes('--if-stale') && distIsCurrent()) process.exit(0);
  const size = await writeDist();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
  console.log(
    [
      `tracker.core.js                    ${kb(size.core)} gzipped (budget ${kb(BUDGET.core)})`,
      `tracker.js                         ${kb(size.tracker)} gzipped`,
      `tracker.js + tracker-vitals.js     ${kb(size.full)} gzipped (budget ${kb(BUDGET.full)})`,
    ].join('\n'),
  );
  if (size.core > BUDGET.core || size.full > BUDGET.full) {
    console.error('tracker: over its size budget');
    process.exit(1);
  }
}
