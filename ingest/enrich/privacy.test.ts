import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../prisma/client.ts';
import { type MigratedDatabase, migratedDatabase, postgresTargets } from '../../prisma/test-support.ts';
import { DailySalts, dailyVisitorId, hashIp } from './privacy.ts';

describe.each(postgresTargets)('daily salts on $name', (target) => {
  let db: MigratedDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await migratedDatabase(target);
    prisma = db.prisma;
  });
  afterAll(() => db.close());

  it('shares one random salt per day between replicas, rotates at midnight and deletes old days', async () => {
    const day1 = new Date('2026-11-26T23:59:00Z');
    const day2 = new Date('2026-11-27T00:01:00Z');
    const replicaA = new DailySalts(prisma);
    const replicaB = new DailySalts(prisma);
    const [a1, b1] = await Promise.all([replicaA.forDate(day1), replicaB.forDate(day1)]);
    expect(a1.length).toBe(32);
    expect(b1.equals(a1)).toBe(true);

    const a2 = await replicaA.forDate(day2);
    expect(a2.equals(a1)).toBe(false);
    expect((await prisma.dailySalt.findMany()).map((s) => s.day)).toEqual(['2026-11-27']);
    expect(hashIp(a1, 'site', '203.0.113.9')).not.toBe(hashIp(a2, 'site', '203.0.113.9'));
  });

  it('hashes per website and per visitor without revealing the address', () => {
    const salt = Buffer.alloc(32, 7);
    const hash = hashIp(salt, 'site-a', '203.0.113.9');
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(hash).toBe(hashIp(salt, 'site-a', '203.0.113.9'));
    expect(hash).not.toBe(hashIp(salt, 'site-b', '203.0.113.9'));
    expect(dailyVisitorId(salt, 'site-a', '203.0.113.9', 'UA 1')).not.toBe(
      dailyVisitorId(salt, 'site-a', '203.0.113.9', 'UA 2'),
    );
  });
});
