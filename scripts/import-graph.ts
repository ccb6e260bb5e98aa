/**
 * The project's import graph between its own modules: `npm run import-graph` prints the number
 * of modules and import edges (type-only imports included, as Biome's noImportCycles with
 * `ignoreTypes: false` sees them) and the edges that lie on a cycle, listed with `--cycles`.
 * Edges are read from the source text (static `import`/`export … from` of relative paths), so
 * the count needs no build and anyone can rerun it to compare two commits.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const SKIP = new Set(['node_modules', 'generated', 'data', 'dist', '.git']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('.')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]/g;

export function importGraph(root = ROOT): Map<string, Set<string>> {
  const files = sources(root).map((file) => relative(root, file));
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const [, spec] of readFileSync(join(root, file), 'utf8').matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), spec as string));
      if (known.has(target)) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Edges whose two ends lie in one strongly connected component (Tarjan): the edges of cycles. */
export function cycleEdges(graph: Map<string, Set<string>>): [string, string][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const component = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let next = 0;
  let components = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.set(member, components);
      } while (member !== node);
      components++;
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return [...graph].flatMap(([from, targets]) =>
    [...targets].filter((to) => component.get(from) === component.get(to)).map((to): [string, string] => [from, to]),
  );
}

if (process.argv[1] === import.meta.filename) {
  const graph = importGraph();
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.size, 0);
  const cycles = cycleEdges(graph);
  console.log(`modules ${graph.size}, import edges ${edges}, edges on cycles ${cycles.length}`);
  if (process.argv.includes('--cycles')) for (const [from, to] of cycles) console.log(`  ${from} -> ${to}`);
}
