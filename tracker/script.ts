// The <script defer src=".../tracker.js" data-client-id="..."> entry.
import { init, track } from './index.ts';
import type { Options } from './types.ts';

type TrackArgs = Parameters<typeof track>;
const w = window as Window & {
  tidemarkConfig?: Partial<Options>;
  tidemark?: { track: typeof track; q?: TrackArgs[] };
};
const script = document.currentScript as HTMLScriptElement | null;

// data-* attributes: data-foo-bar="false" turns fooBar off, a bare data-foo-bar (or "true") on.
const attributes: Record<string, unknown> = {};
for (const key in script?.dataset) {
  const value = script.dataset[key];
  attributes[key] = value === 'false' ? false : value === '' || value === 'true' || value;
}
init({ host: script?.src && new URL(script.src).origin, ...w.tidemarkConfig, ...attributes } as Options);

// Calls made before the script loaded, through the snippet's stub, are replayed.
const early = w.tidemark?.q ?? [];
w.tidemark = { track };
for (const args of early) track(...args);
