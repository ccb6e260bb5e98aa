import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, type Bundle, bundle, DIST, distIsCurrent, sizes, writeDist } from './build.ts';

describe('dashboard size', () => {
  let built: Bundle;
  beforeAll(async () => {
    built = await bundle();
  });

  it('keeps the first screen’s JavaScript within its gzipped budget', () => {
    const size = sizes(built);
    console.log(`dashboard first screen: ${(size.firstScreenJs / 1024).toFixed(1)} KB JS gzipped`);
    expect(size.firstScreenJs).toBeGreaterThan(0);
    expect(size.firstScreenJs).toBeLessThanOrEqual(BUDGET.firstScreenJs);
  });

  it('names every asset by its content hash; the page loads the first screen, its scripts the rest on demand', () => {
    const names = Object.keys(built.assets);
    for (const name of names) expect(name).toMatch(/^[\w]+-[A-Z0-9]{8}\.(js|css)$/);
    const referenced = [...built.html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.sort()).toEqual([...built.firstScreen].sort());
    const scripts = built.firstScreen.filter((name) => name.endsWith('.js'));
    const code = scripts.map((name) => new TextDecoder().decode(built.assets[name])).join('\n');
    const onDemand = names.filter((name) => !built.firstScreen.includes(name));
    expect(onDemand.map((name) => name.replace(/-.*/, '')).sort()).toEqual(['manage', 'map']);
    for (const name of onDemand) expect(code).toContain(`import("./${name}")`);
    // No inline script or style, nothing from another origin.
    expect(built.html).not.toMatch(/<script>|<style|style=|https?:\/\//);
  });
});

describe('npm start (build --if-stale)', () => {
  it('takes a build newer than every source as current, and an older one or none as stale', () => {
    // A build of its own (only its index.html's time counts): the sources are left untouched,
    // since other test files read dashboard/dist meanwhile.
    const dist = pathToFileURL(`${mkdtempSync(join(tmpdir(), 'tidemark-dashboard-'))}/`);
    try {
      expect(distIsCurrent(dist)).toBe(false);
      const index = new URL('index.html', dist);
      writeFileSync(index, '');
      expect(distIsCurrent(dist)).toBe(true);
      const source = statSync(new URL('./src/format.ts', import.meta.url)).mtime;
      const before = new Date(source.getTime() - 60_000);
      utimesSync(index, before, before);
      expect(distIsCurrent(dist)).toBe(false);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('writes a build whose page names exactly the assets it holds', async () => {
    await writeDist();
    expect(distIsCurrent()).toBe(true);
    const html = readFileSync(new URL('index.html', DIST), 'utf8');
    const named = [...html.matchAll(/\/assets\/([^"]+)"/g)].map((m) => m[1] as string);
    const held = readdirSync(new URL('assets/', DIST));
    expect(named.every((name) => held.includes(name))).toBe(true);
    // Besides them only what they import on demand (the management screens, the map), no
    // leftovers of earlier builds.
    const onDemand = held.filter((name) => !named.includes(name)).map((name) => name.replace(/-.*/, ''));
    expect(onDemand.sort()).toEqual(['manage', 'map']);
  });
});
