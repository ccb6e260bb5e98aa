import { statSync, utimesSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET, type Bundle, bundle, distIsCurrent, sizes, writeDist } from './build.ts';

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

  it('names every asset by its content hash and loads nothing but them', () => {
    const names = Object.keys(built.assets);
    for (const name of names) expect(name).toMatch(/^[\w]+-[A-Z0-9]{8}\.(js|css)$/);
    const referenced = [...built.html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
    expect(referenced.sort()).toEqual(names.sort());
    // No inline script or style, nothing from another origin.
    expect(built.html).not.toMatch(/<script>|<style|style=|https?:\/\//);
  });
});

describe('npm start (build --if-stale)', () => {
  it('leaves a current build alone and rebuilds once a source is newer', async () => {
    if (!distIsCurrent()) await writeDist();
    expect(distIsCurrent()).toBe(true);
    const source = new URL('./src/format.ts', import.meta.url);
    const { atime, mtime } = statSync(source);
    utimesSync(source, atime, new Date(Date.now() + 60_000));
    try {
      expect(distIsCurrent()).toBe(false);
    } finally {
      utimesSync(source, atime, mtime);
    }
  });
});
