// The world map's country outlines, projected once when the dashboard is built: the browser
// receives SVG path strings keyed by ISO 3166-1 alpha-2 code (the code ingest stores as
// `country`), not d3-geo, topojson-client or a topology to project at every visit.
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface WorldMap {
  width: number;
  height: number;
  /** One outline per country the topology names with an ISO code (Natural Earth 1:110m). */
  countries: { code: string; d: string }[];
}

const require = createRequire(import.meta.url);
export const WIDTH = 960;

export function worldMap(): WorldMap {
  const topology = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
  // world-atlas names countries by ISO 3166-1 numeric code; ingest stores alpha-2.
  const codes = require('i18n-iso-countries/codes.json') as [string, string, string, string][];
  const alpha2 = new Map(codes.map(([two, , numeric]) => [numeric, two]));
  const all = feature(topology, topology.objects.countries).features;
  // Antarctica takes a fifth of the height and has no visitors.
  const shown = all.filter((f) => f.id !== undefined && alpha2.has(String(f.id)) && alpha2.get(String(f.id)) !== 'AQ');
  const collection = { type: 'FeatureCollection' as const, features: shown };
  const projection = geoEqualEarth().fitWidth(WIDTH, collection);
  const path = geoPath(projection).digits(0);
  const [[, top], [, bottom]] = path.bounds(collection);
  return {
    width: WIDTH,
    height: Math.ceil(bottom - Math.min(0, top)),
    countries: shown.map((f) => ({ code: alpha2.get(String(f.id)) as string, d: path(f) ?? '' })),
  };
}
