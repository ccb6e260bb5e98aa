import { judgeApiKey } from '../prisma/api-key-access.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { ApiKey, ApiScope, Prisma } from '../prisma/generated/client.ts';
import type { RateLimiter } from '../runtime/rate-limit.ts';
import { ForbiddenError, RateLimitedError, UnauthenticatedError } from './errors.ts';

/** The verified API key of a request and the tenant it belongs to. */
export interface Auth {
  key: ApiKey;
  organizationId: string;
  /** Set when the key only works for one website. */
  websiteId: string | null;
}

/**
 * Authenticates a request. No key: anonymous (null). A key that is refused (see judgeApiKey)
 * fails the whole request rather than degrading to anonymous, so a client never silently loses
 * access.
 */
export async function authenticate(prisma: PrismaClient, limiter: RateLimiter, headers: Headers): Promise<Auth | null> {
  const decision = await judgeApiKey(prisma, limiter, (name) => headers.get(name));
  if (decision.allowed) {
    const { key } = decision;
    return { key, organizationId: key.organizationId, websiteId: key.websiteId };
  }
  switch (decision.refusal) {
    case 'MISSING':
      return null;
    case 'RATE_LIMITED':
    case 'TOO_MANY_UNKNOWN_KEYS':
      throw new RateLimitedError(decision.retryAfterSeconds ?? 1);
    case 'MISSING_SCOPE':
      throw new ForbiddenError(decision.message);
    default:
      throw new UnauthenticatedError(decision.message);
  }
}

/** Which key scopes grant each permission besides `admin`, which grants everything. */
const GRANTS = {
  readMetadata: ['READ_ANALYTICS', 'WRITE_METADATA'],
  readAnalytics: ['READ_ANALYTICS'],
  writeMetadata: ['WRITE_METADATA'],
  evaluateFlags: ['TRACK_EVENTS', 'READ_ANALYTICS', 'WRITE_METADATA'],
} satisfies Record<string, ApiScope[]>;

/**
 * The GRANTS; managing members and API keys; reading who the members are; and operating the
 * instance (creating and listing organizations, which `INSTANCE_ADMIN` alone grants).
 */
export type Permission = keyof typeof GRANTS | 'manageOrganization' | 'readMembers' | 'manageInstance';

export function can(auth: Auth | null, permission: Permission): boolean {
  if (!auth) return false;
  const scopes: readonly ApiScope[] = auth.key.scopes;
  // A website-restricted key reaches one website, never the organization's people or the instance.
  if (permission === 'manageInstance') return scopes.includes('INSTANCE_ADMIN') && auth.websiteId === null;
  if (permission === 'readMembers') return can(auth, 'readMetadata') && auth.websiteId === null;
  const admin = scopes.includes('ADMIN');
  // Members and API keys are organization-wide: a key restricted to one website cannot manage them.
  if (permission === 'manageOrganization') return admin && auth.websiteId === null;
  return admin || GRANTS[permission].some((scope) => scopes.includes(scope));
}

/** Websites the key can reach: its organization's, or its one website. */
export function ownWebsites(auth: Auth): Prisma.WebsiteWhereInput {
  return { organizationId: auth.organizationId, ...(auth.websiteId ? { id: auth.websiteId } : {}) };
}

/** Organization-level records that may belong to a website (links, monitors, flags). */
export function ownRecords(auth: Auth): { organizationId: string; websiteId?: string } {
  return { organizationId: auth.organizationId, ...(auth.websiteId ? { websiteId: auth.websiteId } : {}) };
}

/** Resolvers run only after scope checks, so a missing auth here is a programming error. */
export function requireAuth(auth: Auth | null): Auth {
  if (!auth) throw new UnauthenticatedError();
  return auth;
}

/** A website-restricted key may only attach records to its own website. */
export function checkWebsiteRestriction(auth: Auth, websiteId: string | null | undefined): void {
  if (auth.websiteId && websiteId !== auth.websiteId) {
    throw new ForbiddenError('This API key is restricted to one website.');
  }
}

/**
 * Whether the key may use `permission` on a website: its organization's, and its one website
 * for a restricted key. Reading private fields (settings, goals, flags...) is the default.
 */
export function ownsWebsite(
  auth: Auth | null,
  website: { id: string; organizationId: string },
  permission: Permission = 'readMetadata',
): boolean {
  return (
    auth !== null &&
    can(auth, permission) &&
    website.organizationId === auth.organizationId &&
    (auth.websiteId === null || auth.websiteId === website.id)
  );
}
