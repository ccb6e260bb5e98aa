import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from '../../clickhouse/query.ts';
import { sql } from '../../clickhouse/sql.ts';
import { freshClickHouse, type TestClickHouse } from '../../clickhouse/test-support.ts';
import { type MigratedDatabase, migratedDatabase, pglite } from '../../prisma/test-support.ts';
import { createLogger } from '../../runtime/log.ts';
import { closeServer, listen } from '../../runtime/service.ts';
import { IngestMetrics } from '../metrics.ts';
import { SpooledWriter } from '../writer.ts';
import { UptimeChecker } from './checker.ts';
import { probe } from './probe.ts';

// Local targets only: nothing outside this machine is contacted.
let target: Server;
let base: string;
// Requests the local target received: a refused check must not reach it at all.
let hits = 0;

beforeAll(async () => {
  target = createServer((req, res) => {
    hits++;
    if (req.url === '/ok') res.end('hello');
    else if (req.url === '/fail') res.writeHead(500).end('boom');
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 700);
    else if (req.url === '/redirect') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    // /hang never answers.
  });
  base = `http://127.0.0.1:${await listen(target, 0, '127.0.0.1')}`;
});
afterAll(() => closeServer(target, 100));

describe('probe', () => {
  const check = (path: string, options: { timeoutMs?: number; expectedStatus?: number | null } = {}) =>
    probe({
      url: `${base}${path}`,
      method: 'GET',
      timeoutMs: options.timeoutMs ?? 1000,
      expectedStatus: options.expectedStatus ?? null,
      // The target is local: these tests monitor it as an intranet installation would.
      allowPrivate: true,
    });

  it('measures an answering server', async () => {
    const result = await check('/ok');
    expect(result).toMatchObject({ status: 'up', httpStatus: 200, responseBytes: 5, error: null });
    expect(result.connectMs).not.toBeNull();
    expect(result.firstByteMs).toBeGreaterThanOrEqual(result.connectMs as number);
    expect(result.tlsMs).toBeNull();
  });

  it('reports failures, hangs, slowness and redirects', async () => {
    expect(await check('/fail')).toMatchObject({ status: 'down', httpStatus: 500, error: 'unexpected status 500' });
    expect(await check('/fail', { expectedStatus: 500 })).toMatchObject({ status: 'up' });
    expect(await check('/hang', { timeoutMs: 300 })).toMatchObject({ status: 'down', error: 'timeout after 300 ms' });
    expect(await check('/slow', { timeoutMs: 1000 })).toMatchObject({ status: 'degraded', httpStatus: 200 });
    expect(await check('/redirect')).toMatchObject({ status: 'up', httpStatus: 200 });
    expect(await check('/loop')).toMatchObject({ status: 'down', error: 'too many redirects' });
    expect(
      await probe({
        url: 'http://127.0.0.1:1/',
        method: 'GET',
        timeoutMs: 500,
        expectedStatus: null,
        allowPrivate: true,
      }),
    ).toMatchObject({ status: 'down' });
  });

  it('refuses loopback, private and metadata targets unless allowed, before connecting', async () => {
    const port = new URL(base).port;
    const before = hits;
    for (const url of [
      `${base}/ok`,
      `http://localhost:${port}/ok`,
      `http://[::ffff:127.0.0.1]:${port}/ok`,
      `http://0x7f000001:${port}/ok`,
      `http://0.0.0.0:${port}/ok`,
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
    ]) {
      const result = await probe({ url, method: 'GET', timeoutMs: 1000, expectedStatus: null });
      expect(result, url).toMatchObject({ status: 'down', httpStatus: null });
      expect(result.error, url).toMatch(/private .*UPTIME_ALLOW_PRIVATE_TARGETS/);
    }
    expect(hits).toBe(before);
  });
});

describe('uptime checker', () => {
  const spool = mkdtempSync(join(tmpdir(), 'tidemark-spool-'));
  let ch: TestClickHouse;
  let db: MigratedDatabase;
  let writer: SpooledWriter;
  let organizationId: string;
  beforeAll(async () => {
    ch = await freshClickHouse();
    db = await migratedDatabase(pglite, 4);
    organizationId = (await db.prisma.organization.create({ data: { name: 'Up' } })).id;
    writer = await SpooledWriter.open(ch.client, new IngestMetrics(), createLogger('uptime-test', 'error'), {
      spoolDir: spool,
      fsync: false,
      maxBatchRows: 1000,
      flushIntervalMs: 10,
      maxBufferedRows: 10_000,
    });
  });
  afterAll(async () => {
    await writer.close();
    rmSync(spool, { recursive: true, force: true });
    await db.close();
    await ch.close();
  });

  const checks = (monitorId: string) =>
    runQuery<{ status: string; http_status: number | null; error: string | null; region: string }>(ch.client, {
      name: 'uptime_test_checks',
      query: sql`SELECT status, http_status, error, region FROM uptime.checks WHERE monitor_id = ${monitorId} ORDER BY timestamp`,
    });

  it('checks each due monitor once even with two checkers, records the result and reschedules', async () => {
    const monitor = (path: string, timeoutMs = 1000) =>
      db.prisma.uptimeMonitor.create({
        data: { organizationId, name: path, url: `${base}${path}`, intervalSeconds: 60, timeoutMs },
      });
    const ok = await monitor('/ok');
    const hang = await monitor('/hang', 300);
    const log = createLogger('uptime-test', 'error');
    const options = { tickMs: 1000, batch: 50, allowPrivateTargets: true };
    const a = new UptimeChecker(db.prisma, writer, log, { ...options, region: 'eu-test' });
    const b = new UptimeChecker(db.prisma, writer, log, { ...options, region: 'us-test' });
    expect(a.lastClaimAt).toBe(0);
    // The hanging target must not hold back the answering one.
    await Promise.all([a.tick(), b.tick()]);
    expect(a.lastClaimAt).toBeGreaterThan(0); // what the container's health check reads
    await Promise.all([a.settle(), b.settle()]);
    await writer.flush();
    expect(await checks(ok.id)).toMatchObject([{ status: 'up', http_status: 200 }]);
    expect(await checks(hang.id)).toMatchObject([{ status: 'down', http_status: null, error: 'timeout after 300 ms' }]);

    const rescheduled = await db.prisma.uptimeMonitor.findUniqueOrThrow({ where: { id: ok.id } });
    expect(rescheduled.leaseOwner).toBeNull();
    const delay = (rescheduled.nextCheckAt.getTime() - Date.now()) / 1000;
    expect(delay).toBeGreaterThan(55);
    expect(delay).toBeLessThanOrEqual(66);

    // Not due again: another tick checks nothing; a new monitor is picked up without restart.
    const fresh = await monitor('/redirect');
    await a.tick();
    await a.settle();
    await writer.flush();
    expect(await checks(ok.id)).toHaveLength(1);
    expect(await checks(fresh.id)).toMatchObject([{ status: 'up', region: 'eu-test' }]);
  });

  it('by default records a check of a private target as down without connecting to it', async () => {
    const local = await db.prisma.uptimeMonitor.create({
      data: { organizationId, name: 'local', url: `${base}/ok` },
    });
    const before = hits;
    const checker = new UptimeChecker(db.prisma, writer, createLogger('uptime-test', 'error'));
    await checker.tick();
    await checker.settle();
    await writer.flush();
    const [check] = await checks(local.id);
    expect(check).toMatchObject({ status: 'down', http_status: null });
    expect(check?.error).toMatch(/UPTIME_ALLOW_PRIVATE_TARGETS/);
    expect(hits).toBe(before);
  });

  it('skips disabled monitors', async () => {
    const off = await db.prisma.uptimeMonitor.create({
      data: { organizationId, name: 'off', url: `${base}/ok`, enabled: false },
    });
    const checker = new UptimeChecker(db.prisma, writer, createLogger('uptime-test', 'error'));
    await checker.tick();
    await checker.settle();
    await writer.flush();
    expect(await checks(off.id)).toEqual([]);
  });
});
