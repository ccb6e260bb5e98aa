import { generateApiKey } from './api-keys.ts';
import type { PrismaClient } from './client.ts';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface Bootstrapped {
  organizationId: string;
  userId: string;
  /** The admin API key in clear: print it once, it is stored only as a hash. */
  apiKey: string;
}

const BOOTSTRAP_LOCK = 7_304_118_927;

/**
 * Creates an admin API key of the organization for its owner; returns the key in clear. It is also
 * the instance administrator's key: whoever runs bootstrap or `npm run admin-key` holds the stores.
 */
async function createAdminKey(tx: Transaction, organizationId: string, userId: string, name: string) {
  const { key, ...stored } = generateApiKey();
  await tx.apiKey.create({
    data: {
      ...stored,
      name,
      organizationId,
      userId,
      scopes: ['ADMIN', 'READ_ANALYTICS', 'WRITE_METADATA', 'TRACK_EVENTS', 'WRITE_LLM', 'INSTANCE_ADMIN'],
    },
  });
  return key;
}

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
    const apiKey = await createAdminKey(tx, organization.id, user.id, 'Bootstrap admin key');
    return { organizationId: organization.id, userId: user.id, apiKey };
  });
}

/**
 * `npm run admin-key`: a new admin API key for the owner of the first organization (the one
 * bootstrap made), for an operator who lost the key; on an empty database, bootstraps. Earlier
 * keys keep working (revoke them with `revokeApiKey`).
 */
export async function issueAdminKey(prisma: PrismaClient): Promise<Bootstrapped> {
  const created = await bootstrap(prisma);
  if (created) return created;
  return prisma.$transaction(async (tx) => {
    const owner = await tx.member.findFirstOrThrow({
      where: { role: 'OWNER' },
      orderBy: [{ organization: { createdAt: 'asc' } }, { createdAt: 'asc' }],
    });
    const name = `Admin key (npm run admin-key, ${new Date().toISOString().slice(0, 10)})`;
    const apiKey = await createAdminKey(tx, owner.organizationId, owner.userId, name);
    return { organizationId: owner.organizationId, userId: owner.userId, apiKey };
  });
}
