// The world map of the Locations panel: countries shaded by their share of the first figure,
// each clickable to filter by it (the table beside it does the same from the keyboard). Loaded
// on demand (build.ts): its outlines are a third of the first screen's size.
import world from 'tidemark:world';

export interface MapProps {
  /** Visitors (or another count) by ISO 3166-1 alpha-2 code. */
  values: Map<string, number>;
  nameOf: (code: string) => string;
  format: (value: number) => string;
  onPick: (code: string) => void;
}

export function WorldMap({ values, nameOf, format, onPick }: MapProps) {
  const max = Math.max(1, ...values.values());
  return (
    <svg
      class="world-map"
      viewBox={`0 0 ${world.width} ${world.height}`}
      role="img"
      aria-label="World map of the figures by country (the table lists them)"
    >
      {world.countries.map(({ code, d }) => {
        const value = values.get(code) ?? 0;
        // A square root keeps small countries' traffic visible beside the largest.
        const shade = value > 0 ? 0.15 + 0.85 * Math.sqrt(value / max) : 0;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the panel's table offers each country as a button
          <path
            key={code}
            d={d}
            data-code={code}
            class={value > 0 ? 'has-value' : undefined}
            fill-opacity={value > 0 ? shade.toFixed(3) : undefined}
            onClick={value > 0 ? () => onPick(code) : undefined}
          >
            <title>{`${nameOf(code)}: ${format(value)}`}</title>
          </path>
        );
      })}
    </svg>
  );
}
