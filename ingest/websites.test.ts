import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MigratedDatabase, migratedDatabase, postgresTargets } from '../prisma/test-support.ts';
import { DIRECTORY_OPTIONS } from './directory.ts';
import { websiteDirectory } from './websites.ts';

describe.each(postgresTargets)('website lookups on $name', (target) => {
  let db: MigratedDatabase;
  beforeAll(async () => {
    db = await migratedDatabase(target);
  });
  afterAll(() => db.close());

  it('answer from memory, and see changes through the poll', async () => {
    const { prisma } = db;
    const organization = await prisma.organization.create({ data: { name: 'Directory' } });
    const site = await prisma.website.create({ data: { domain: 'before.example', organizationId: organization.id } });
    const websites = websiteDirectory(prisma, { ...DIRECTORY_OPTIONS, pollMs: 50 });
    expect((await websites.get(site.id))?.allowedHosts).toContain('before.example');
    // A change the poll cannot see (updated_at untouched) proves lookups are not queries.
    await prisma.$executeRaw`UPDATE websites SET domain = 'unseen.example' WHERE id = ${site.id}`;
    for (let i = 0; i < 100; i++) expect((await websites.get(site.id))?.allowedHosts).toContain('before.example');
    // A change through the application stamps updated_at: the poll drops the entry within a tick.
    websites.start();
    try {
      await prisma.website.update({ where: { id: site.id }, data: { domain: 'after.example' } });
      await expect
        .poll(async () => (await websites.get(site.id))?.allowedHosts, { timeout: 5_000 })
        .toContain('after.example');
    } finally {
      websites.stop();
    }
  });
});
