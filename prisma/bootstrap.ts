import { generateApiKey } from './api-keys.ts';
import type { PrismaClient } from './client.ts';

export interface Bootstrapped {
  organizationId: string;
  userId: string;
  /** The admin API key in clear: print it once, it is stored only as a hash. */
  apiKey: string;
}

const BOOTSTRAP_LOCK = 7_304_118_927;

/**
 * On an empty database, creates the default organization, its owner and an admin API key.
 * Returns null when any organization exists already. Serialised by an advisory lock so two
 * services starting together cannot both bootstrap.
 */
export function bootstrap(prisma: PrismaClient): Promise<Bootstrapped | null> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    if ((await tx.organization.count()) > 0) return null;
    const user = await tx.user.create({
      data: { name: 'Admin', email: 'admin@localhost', role: 'ADMIN', emailVerified: true },
    });
    const organization = await tx.organization.create({
      data: {
        name: 'Default',
        slug: 'default',
        members: { create: { userId: user.id, name: user.name, role: 'OWNER' } },
      },
    });
    const { key, ...stored } = generateApiKey();
    await tx.apiKey.create({
      data: {
        ...stored,
        name: 'Bootstrap admin key',
        organizationId: organization.id,
        userId: user.id,
        scopes: ['ADMIN', 'READ_ANALYTICS', 'WRITE_METADATA', 'TRACK_EVENTS', 'WRITE_LLM', 'INSTANCE_ADMIN'],
      },
    });
    return { organizationId: organization.id, userId: user.id, apiKey: key };
  });
}
