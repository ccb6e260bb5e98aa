import { generateApiKey } from './api-keys.ts';
import type { PrismaClient } from './client.ts';
import { newToken } from './tokens.ts';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface Bootstrapped {
  organizationId: string;
  userId: string;
  /** The admin API key in clear: print it once, it is stored only as a hash. */
  apiKey: string;
  /**
   * The token of the one-time setup link (`/setup/<token>`, completeSetup) that makes the owner
   * account a person's; null once someone has set a password.
   */
  setupToken: string | null;
}

/** How long a setup link stays valid (a new one comes with `npm run admin-key` while setup is incomplete). */
export const SETUP_TTL_MS = 7 * 24 * 3600 * 1000;

/**
 * A new setup link for the owner account, replacing any unused earlier one; null when setup is done
 * (any user of the instance has a password: from then on, people join by invitation).
 */
async function issueSetupLink(tx: Transaction, organizationId: string, userId: string): Promise<string | null> {
  if ((await tx.user.count({ where: { passwordHash: { not: null } } })) > 0) return null;
  await tx.invitation.deleteMany({ where: { kind: 'SETUP', usedAt: null } });
  const { token, tokenHash } = newToken();
  await tx.invitation.create({
    data: {
      kind: 'SETUP',
      tokenHash,
      organizationId,
      userId,
      role: 'OWNER',
      expiresAt: new Date(Date.now() + SETUP_TTL_MS),
    },
  });
  return token;
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
 * On an empty database, creates the default organization, its owner, an admin API key and a setup link.
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
    const setupToken = await issueSetupLink(tx, organization.id, user.id);
    return { organizationId: organization.id, userId: user.id, apiKey, setupToken };
  });
}

/**
 * `npm run admin-key`: a new admin API key for the owner of the first organization (the one
 * bootstrap made), for an operator who lost the key; on an empty database, bootstraps. Earlier
 * keys keep working (revoke them with `revokeApiKey`). While no one has completed setup, also a
 * new setup link (the earlier one stops working).
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
    const setupToken = await issueSetupLink(tx, owner.organizationId, owner.userId);
    return { organizationId: owner.organizationId, userId: owner.userId, apiKey, setupToken };
  });
}
