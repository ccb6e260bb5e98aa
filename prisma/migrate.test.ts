import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiKeyMatches, hashApiKey, verifyApiKey } from './api-keys.ts';
import { bootstrap } from './bootstrap.ts';
import type { PrismaClient } from './client.ts';
import {
  loadPrismaMigrations,
  MIGRATIONS_DIR,
  migratePostgres,
  PrismaMigrationError,
  postgresMigrationStatus,
} from './migrate.ts';
import { type MigratedDatabase, migratedDatabase, postgresTargets, type TestDatabase } from './test-support.ts';

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe.each(postgresTargets)('PostgreSQL migrations on $name', (target) => {
  let db: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    db = await target.create();
    dir = mkdtempSync(join(tmpdir(), 'tidemark-pg-migrations-'));
    cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration and records it as Prisma does', async () => {
    const names = loadPrismaMigrations(dir).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(await migratePostgres(db.url, { dir })).toEqual(names);
    const tables = await query<{ table_name: string }>(
      db.url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['_prisma_migrations', 'annotations', 'apikey', 'flags', 'funnel_steps', 'funnels']),
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['goals', 'links', 'member', 'organization', 'uptime_monitors', 'user', 'websites']),
    );
    const [first] = await query<{ migration_name: string; checksum: string; finished: boolean }>(
      db.url,
      `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished FROM "_prisma_migrations" ORDER BY started_at LIMIT 1`,
    );
    const sql = readFileSync(join(dir, names[0] as string, 'migration.sql'));
    expect(first).toEqual({
      migration_name: names[0],
      checksum: createHash('sha256').update(sql).digest('hex'),
      finished: true,
    });
  });

  it('is a no-op the second time', async () => {
    expect(await migratePostgres(db.url, { dir })).toEqual([]);
    expect((await postgresMigrationStatus(db.url, dir)).every((s) => s.state === 'applied')).toBe(true);
  });

  it('rolls back a failing migration completely', async () => {
    mkdirSync(join(dir, '29990101000000_broken'));
    writeFileSync(
      join(dir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE half_done (id int);\nSELECT * FROM no_such_table;\n',
    );
    await expect(migratePostgres(db.url, { dir })).rejects.toThrow(/29990101000000_broken failed/);
    const leftovers = await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(leftovers).toEqual([]);
    expect((await postgresMigrationStatus(db.url, dir)).at(-1)).toEqual({
      name: '29990101000000_broken',
      state: 'pending',
    });
    rmSync(join(dir, '29990101000000_broken'), { recursive: true });
  });

  it('refuses an edited migration before applying anything', async () => {
    const [first] = loadPrismaMigrations(dir);
    const file = join(dir, first?.name as string, 'migration.sql');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n-- edited\n`);
    mkdirSync(join(dir, '29990101000001_next'));
    writeFileSync(join(dir, '29990101000001_next', 'migration.sql'), 'CREATE TABLE never_created (id int);\n');
    const error = await migratePostgres(db.url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PrismaMigrationError);
    expect((error as PrismaMigrationError).problems).toEqual([
      `${first?.name} was edited after it was applied; add a new migration instead`,
    ]);
    expect(await query(db.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'never_created'`)).toEqual(
      [],
    );
  });

  it('refuses when an applied migration directory is gone', async () => {
    const [first] = loadPrismaMigrations(dir);
    rmSync(join(dir, first?.name as string), { recursive: true });
    await expect(migratePostgres(db.url, { dir })).rejects.toThrow(/was applied but its directory is gone/);
  });
});

describe.each(postgresTargets)('tenancy migrations of an existing installation on $name', (target) => {
  it('names each membership after its user and makes the old bootstrap key the instance administrator', async () => {
    const db = await target.create();
    const before = mkdtempSync(join(tmpdir(), 'tidemark-pg-migrations-'));
    try {
      // The installation as it was before organizations could be created through the API.
      const earlier = loadPrismaMigrations().filter((m) => m.name < '20261205073128_tenancy');
      for (const m of earlier) cpSync(join(MIGRATIONS_DIR, m.name), join(before, m.name), { recursive: true });
      await migratePostgres(db.url, { dir: before });
      await query(
        db.url,
        `INSERT INTO "user" (id, name, email, updated_at) VALUES ('u1', 'Ada', 'ada@x.test', now());
         INSERT INTO organization (id, name, updated_at) VALUES ('o1', 'Default', now());
         INSERT INTO member (id, organization_id, user_id, role) VALUES ('m1', 'o1', 'u1', 'OWNER');
         INSERT INTO apikey (id, name, prefix, start, key_hash, organization_id, scopes, created_at, updated_at) VALUES
           ('k0', 'Bootstrap admin key', 'tmk_', 'aaaaaa', 'h0', 'o1', '{admin,read:analytics}', now() - interval '1 day', now()),
           ('k1', 'Bootstrap admin key', 'tmk_', 'bbbbbb', 'h1', 'o1', '{admin}', now(), now()),
           ('k2', 'reader', 'tmk_', 'cccccc', 'h2', 'o1', '{read:analytics}', now(), now());`,
      );
      await migratePostgres(db.url);
      expect(await query(db.url, 'SELECT name FROM member')).toEqual([{ name: 'Ada' }]);
      expect(await query(db.url, 'SELECT id, scopes::text[] AS scopes FROM apikey ORDER BY id')).toEqual([
        { id: 'k0', scopes: ['admin', 'read:analytics', 'instance:admin'] },
        { id: 'k1', scopes: ['admin'] },
        { id: 'k2', scopes: ['read:analytics'] },
      ]);
    } finally {
      rmSync(before, { recursive: true, force: true });
      await db.close();
    }
  }, 180_000); // a new embedded database and every migration, twice over, on a shared machine
});

describe.each(postgresTargets)('metadata schema and bootstrap on $name', (target) => {
  let db: MigratedDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await migratedDatabase(target);
    prisma = db.prisma;
  });
  afterAll(() => db.close());

  it('bootstraps an empty database once, storing only the key hash', async () => {
    const created = await bootstrap(prisma);
    expect(created?.apiKey).toMatch(/^tmk_[A-Za-z0-9_-]{43}$/);
    expect(await bootstrap(prisma)).toBeNull();

    const keys = await prisma.apiKey.findMany();
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key?.keyHash).toBe(hashApiKey(created?.apiKey as string));
    expect(apiKeyMatches(created?.apiKey as string, key?.keyHash as string)).toBe(true);
    expect(apiKeyMatches(`${created?.apiKey}x`, key?.keyHash as string)).toBe(false);
    expect(JSON.stringify(keys)).not.toContain(created?.apiKey);
    expect(key?.scopes).toContain('ADMIN');
    const members = await prisma.member.findMany({ where: { organizationId: created?.organizationId } });
    expect(members.map((m) => m.role)).toEqual(['OWNER']);
  });

  it('stores scopes as the strings clients see', async () => {
    const rows = await query<{ scopes: string }>(db.url, 'SELECT scopes::text AS scopes FROM apikey');
    expect(rows[0]?.scopes).toContain('read:analytics');
  });

  it('enforces unique flag keys per website and per organization, environments included', async () => {
    const org = await prisma.organization.findFirstOrThrow();
    const website = await prisma.website.create({ data: { domain: 'example.com', organizationId: org.id } });
    const flag = { organizationId: org.id, createdBy: 'test' };
    await prisma.flag.create({ data: { ...flag, key: 'new-checkout' } });
    await expect(prisma.flag.create({ data: { ...flag, key: 'new-checkout' } })).rejects.toThrow(/Unique constraint/);
    await prisma.flag.create({ data: { ...flag, key: 'new-checkout', websiteId: website.id } });
    await expect(prisma.flag.create({ data: { ...flag, key: 'new-checkout', websiteId: website.id } })).rejects.toThrow(
      /Unique constraint/,
    );
    await prisma.flag.create({ data: { ...flag, key: 'new-checkout', websiteId: website.id, environment: 'staging' } });
  });

  it('keeps website domains unique per organization and link slugs unique', async () => {
    const org = await prisma.organization.findFirstOrThrow();
    await expect(prisma.website.create({ data: { domain: 'example.com', organizationId: org.id } })).rejects.toThrow(
      /Unique constraint/,
    );
    await prisma.link.create({ data: { slug: 'launch', targetUrl: 'https://example.com', organizationId: org.id } });
    await expect(
      prisma.link.create({ data: { slug: 'launch', targetUrl: 'https://example.org', organizationId: org.id } }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it('refuses to delete an organization that still has websites, and cascades a website to its config', async () => {
    const org = await prisma.organization.findFirstOrThrow();
    await expect(prisma.organization.delete({ where: { id: org.id } })).rejects.toThrow();
    const website = await prisma.website.create({
      data: {
        domain: 'shop.example.com',
        organizationId: org.id,
        goals: { create: { name: 'Signup', type: 'EVENT', target: 'signup' } },
        funnels: {
          create: {
            name: 'Checkout',
            steps: {
              create: [
                { position: 0, type: 'PAGE_VIEW', target: '/cart' },
                { position: 1, type: 'EVENT', target: 'purchase' },
              ],
            },
          },
        },
      },
    });
    await prisma.website.delete({ where: { id: website.id } });
    expect(await prisma.goal.count({ where: { websiteId: website.id } })).toBe(0);
    expect(await prisma.funnelStep.count({ where: { funnel: { websiteId: website.id } } })).toBe(0);
    expect(await prisma.organization.count({ where: { id: org.id } })).toBe(1);
  });
});

describe.each(postgresTargets)('API key verification on $name', (target) => {
  let db: MigratedDatabase;
  let prisma: PrismaClient;
  let apiKey: string;
  beforeAll(async () => {
    db = await migratedDatabase(target);
    prisma = db.prisma;
    apiKey = (await bootstrap(prisma))?.apiKey as string;
  });
  afterAll(() => db.close());

  it('accepts the key, records last use, and refuses unknown, disabled, revoked and expired keys', async () => {
    const verified = await verifyApiKey(prisma, apiKey);
    expect('key' in verified && verified.key.name).toBe('Bootstrap admin key');
    expect((await prisma.apiKey.findFirstOrThrow()).lastUsedAt).not.toBeNull();
    expect(await verifyApiKey(prisma, `${apiKey.slice(0, -1)}x`)).toEqual({ rejected: 'UNKNOWN' });
    expect(await verifyApiKey(prisma, 'not-a-key')).toEqual({ rejected: 'UNKNOWN' });

    const { id } = await prisma.apiKey.findFirstOrThrow();
    await prisma.apiKey.update({ where: { id }, data: { enabled: false } });
    expect(await verifyApiKey(prisma, apiKey)).toEqual({ rejected: 'DISABLED' });
    await prisma.apiKey.update({ where: { id }, data: { enabled: true, expiresAt: new Date(Date.now() - 1000) } });
    expect(await verifyApiKey(prisma, apiKey)).toEqual({ rejected: 'EXPIRED' });
    await prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    expect(await verifyApiKey(prisma, apiKey)).toEqual({ rejected: 'REVOKED' });
  });
});
