import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyMatches } from './api-keys.ts';
import { bootstrap, issueAdminKey } from './bootstrap.ts';
import { type MigratedDatabase, migratedDatabase, postgresTargets } from './test-support.ts';

describe.each(postgresTargets)('npm run admin-key (issueAdminKey) on $name', (target) => {
  let db: MigratedDatabase;
  beforeEach(async () => {
    db = await migratedDatabase(target);
  });
  afterEach(() => db.close());

  it('bootstraps an empty database', async () => {
    const issued = await issueAdminKey(db.prisma);
    expect(await db.prisma.organization.count()).toBe(1);
    const [key] = await db.prisma.apiKey.findMany();
    expect(key?.name).toBe('Bootstrap admin key');
    expect(apiKeyMatches(issued.apiKey, key?.keyHash as string)).toBe(true);
  });

  it('issues a new admin key for the owner of the first organization, keeping the others', async () => {
    const first = await bootstrap(db.prisma);
    // A later organization with its own owner must not be the one that gets the key.
    const other = await db.prisma.user.create({ data: { name: 'Other', email: 'other@example.com' } });
    await db.prisma.organization.create({
      data: { name: 'Later', slug: 'later', members: { create: { userId: other.id, name: 'Other', role: 'OWNER' } } },
    });

    const issued = await issueAdminKey(db.prisma);
    expect(issued).toMatchObject({ organizationId: first?.organizationId, userId: first?.userId });
    expect(issued.apiKey).not.toBe(first?.apiKey);
    const keys = await db.prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
    expect(keys).toHaveLength(2);
    const [bootstrapKey, newKey] = keys;
    expect(apiKeyMatches(first?.apiKey as string, bootstrapKey?.keyHash as string)).toBe(true);
    expect(apiKeyMatches(issued.apiKey, newKey?.keyHash as string)).toBe(true);
    expect(newKey).toMatchObject({ organizationId: first?.organizationId, userId: first?.userId, revokedAt: null });
    expect(newKey?.scopes).toEqual(bootstrapKey?.scopes);
    expect(JSON.stringify(keys)).not.toContain(issued.apiKey);
  });
});
