import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDbIp, openGeo, openGeoIp2 } from './geo.ts';
import { writeMmdb } from './mmdb-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'tidemark-geo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, contents: Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, contents);
  return path;
};

describe('GeoIP lookups', () => {
  it('reads DB-IP style flat files, choosing the file by address family', async () => {
    const ipv4 = file(
      'v4.mmdb',
      writeMmdb({
        ipVersion: 4,
        databaseType: 'dbip-city-lite',
        networks: [{ cidr: '81.2.69.0/24', data: { country_code: 'GB', state1: 'England', city: 'London' } }],
      }),
    );
    const ipv6 = file(
      'v6.mmdb',
      writeMmdb({
        ipVersion: 6,
        databaseType: 'dbip-city-lite',
        networks: [{ cidr: '2a02:c7c::/32', data: { country_code: 'DE', state1: 'Berlin', city: 'Berlin' } }],
      }),
    );
    const geo = await openDbIp({ ipv4, ipv6 });
    expect(geo.lookup('81.2.69.142')).toEqual({ country: 'GB', region: 'England', city: 'London' });
    expect(geo.lookup('2a02:c7c:1234::1')).toEqual({ country: 'DE', region: 'Berlin', city: 'Berlin' });
    expect(geo.lookup('82.0.0.1')).toEqual({ country: null, region: null, city: null });
    expect(geo.lookup('not an ip')).toEqual({ country: null, region: null, city: null });
  });

  it('reads MaxMind GeoIP2 nested records for both families from one file', async () => {
    const path = file(
      'geoip2.mmdb',
      writeMmdb({
        ipVersion: 6,
        databaseType: 'GeoLite2-City',
        networks: [
          {
            cidr: '89.160.20.0/24',
            data: {
              country: { iso_code: 'SE', names: { en: 'Sweden' } },
              subdivisions: [{ iso_code: 'E', names: { en: 'Östergötland County' } }],
              city: { names: { en: 'Linköping' }, geoname_id: 2694762 },
            },
          },
          { cidr: '2001:218::/32', data: { country: { iso_code: 'JP' } } },
        ],
      }),
    );
    const geo = await openGeoIp2(path);
    expect(geo.lookup('89.160.20.112')).toEqual({ country: 'SE', region: 'Östergötland County', city: 'Linköping' });
    expect(geo.lookup('2001:218:1::1')).toEqual({ country: 'JP', region: null, city: null });
  });

  it('ships working by default with the bundled DB-IP Lite files', async () => {
    const geo = await openGeo();
    expect(geo.lookup('8.8.8.8').country).toBe('US');
    expect(geo.lookup('2001:4860:4860::8888').country).toMatch(/^[A-Z]{2}$/);
    expect(geo.lookup('127.0.0.1').country).toBeNull();
  });
});
