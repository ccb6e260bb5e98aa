import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiKeyMatches } from './api-keys.ts';
import { bootstrap, issueAdminKey } from './bootstrap.ts';
import { type MigratedDatabase, migratedDatabase, postgresTargets } from './test-support.ts';
import { hashToken } from './tokens.ts';

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

  it('comes with a one-time setup link, renewed by admin-key until someone has a password', async () => {
    const first = await bootstrap(db.prisma);
    const token = first?.setupToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [link] = await db.prisma.invitation.findMany();
    expect(link).toMatchObject({
      kind: 'SETUP',
      tokenHash: hashToken(token),
      role: 'OWNER',
      userId: first?.userId,
      usedAt: null,
    });
    expect(JSON.stringify(link)).not.toContain(token);
    // A lost setup link: admin-key issues a new one, and the old one stops existing.
    const again = await issueAdminKey(db.prisma);
    expect(again.setupToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const links = await db.prisma.invitation.findMany();
    expect(links.map((l) => l.tokenHash)).toEqual([hashToken(again.setupToken as string)]);
    // Once a person has a password, people join by invitation: no more setup links.
    await db.prisma.user.update({ where: { id: first?.userId as string }, data: { passwordHash: '$scrypt$…' } });
    expect((await issueAdminKey(db.prisma)).setupToken).toBeNull();
  });
});
