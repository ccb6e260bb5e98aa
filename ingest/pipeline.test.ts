import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { toClickHouseDateTime } from '../clickhouse/sql.ts';
import { RecentIds } from './dedupe.ts';
import { PageParser } from './enrich/page.ts';
import { UserAgentParser } from './enrich/user-agent.ts';
import { clampTime, type RequestContext, runPipeline, uuidv7 } from './pipeline.ts';
import { toSite } from './websites.ts';

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';
const deps = {
  userAgents: new UserAgentParser(),
  pages: new PageParser(),
  geo: { lookup: () => ({ country: null, region: null, city: null }) },
  recentIds: new RecentIds(),
};
const site = toSite({
  id: 'site',
  organizationId: 'org',
  domain: 'example.com',
  status: 'ACTIVE',
  settings: {},
  integrations: {},
});

it('writes event times as toClickHouseDateTime(clampTime(...)) does', () => {
  const receivedAt = new Date('2026-03-01T00:00:07.250Z');
  const ctx: RequestContext = {
    site,
    ip: '203.0.113.9',
    userAgent: CHROME,
    optedOut: false,
    receivedAt,
    salt: Buffer.alloc(32),
  };
  const now = receivedAt.getTime();
  const sent = [
    undefined,
    0,
    now,
    now + 1,
    now - 1,
    now - 0.5,
    now - 7250,
    now - 7250.9,
    now - 86_400_000,
    now - 3_600_000 * 13 - 61_001,
    Date.UTC(2025, 11, 31, 23, 59, 59, 999),
    Date.UTC(2025, 5, 1, 9, 5, 3, 7) + 0.999,
    now - 363 * 86_400_000,
    now - 400 * 86_400_000,
    1e13,
    // every hour, minute, second and millisecond digit, across days
    ...Array.from({ length: 500 }, (_, i) => now - i * 7_919_777.3),
  ];
  for (const timestamp of sent) {
    for (const sessionStartTime of [undefined, timestamp, now - 5 * 60_000]) {
      const event = { type: 'screen_view', eventId: randomUUID(), timestamp, sessionStartTime };
      const [written] = runPipeline([event], ctx, deps).rows;
      expect(written?.row.time, String(timestamp)).toBe(toClickHouseDateTime(clampTime(timestamp, receivedAt)));
      expect(written?.row.session_start_time).toBe(
        sessionStartTime ? toClickHouseDateTime(clampTime(sessionStartTime, receivedAt)) : undefined,
      );
    }
  }
});

it('releases the ids a request claimed when it fails midway, so a retry is not taken for a duplicate', () => {
  const recentIds = new RecentIds();
  const failing = {
    ...deps,
    recentIds,
    pages: {
      parse: (event: { url?: string }) => {
        if (event.url === 'https://example.com/boom') throw new Error('boom');
        return deps.pages.parse(event);
      },
    },
  } as typeof deps;
  const ctx: RequestContext = {
    site,
    ip: '203.0.113.9',
    userAgent: CHROME,
    optedOut: false,
    receivedAt: new Date(),
    salt: Buffer.alloc(32),
  };
  const first = { type: 'screen_view', eventId: randomUUID(), url: 'https://example.com/' };
  const second = { type: 'screen_view', eventId: randomUUID(), url: 'https://example.com/boom' };
  expect(() => runPipeline([first, second], ctx, failing)).toThrow('boom');
  expect(recentIds.claim(site.id, first.eventId)).toBe(true);
  expect(recentIds.claim(site.id, second.eventId)).toBe(true);
});

it('makes event ids UUIDv7s: the time in the first 48 bits, version 7, RFC variant, random rest', () => {
  const ms = Date.UTC(2026, 11, 5, 8, 0, 0, 123);
  const ids = Array.from({ length: 1000 }, () => uuidv7(ms));
  for (const id of ids) {
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(ms);
  }
  expect(new Set(ids).size).toBe(ids.length);
  expect(uuidv7(ms + 1) > uuidv7(ms)).toBe(true);
});
