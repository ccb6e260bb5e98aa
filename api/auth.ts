import { judgeApiKey } from '../prisma/api-key-access.ts';
import type { PrismaClient } from '../prisma/client.ts';
import type { ApiKey, ApiScope, MemberRole, Prisma } from '../prisma/generated/client.ts';
import type { RateLimiter } from '../runtime/rate-limit.ts';
import { ForbiddenError, RateLimitedError, SharePasswordRequiredError, UnauthenticatedError } from './errors.ts';

/** Who presented the credentials of a request (api/callers.ts tells which). */
export type Caller =
  | { kind: 'key'; key: ApiKey }
  | { kind: 'session'; sessionId: string; role: MemberRole }
  /** `locked`: a password-protected link presented without unlocking it (unlockShareLink). */
  | { kind: 'share'; shareLinkId: string; websiteId: string; locked: boolean };

/**
 * The caller of a request and what it may do. Keys, sessions and share links all reduce to this
 * one shape: a tenant, an optional single website, and scopes that `can` judges.
 */
export interface Auth {
  caller: Caller;
  organizationId: string;
  /** Set when the caller only reaches one website (a restricted key, a share link). */
  websiteId: string | null;
  scopes: readonly ApiScope[];
  /** The person acting (the key's or the session's user), recorded as author; null otherwise. */
  userId: string | null;
}

/** The Auth of a verified key. */
export const keyAuth = (key: ApiKey): Auth => ({
  caller: { kind: 'key', key },
  organizationId: key.organizationId,
  websiteId: key.websiteId,
  scopes: key.scopes,
  userId: key.userId,
});

/**
 * What a member's role may do, in the scopes keys carry. OWNER and ADMIN differ only in that an
 * organization keeps at least one OWNER (api/schema/organization.ts); the permissions below are
 * the same. An instance administrator (User.role ADMIN) also gets INSTANCE_ADMIN.
 */
export const ROLE_SCOPES: Record<MemberRole, ApiScope[]> = {
  OWNER: ['ADMIN', 'READ_ANALYTICS', 'WRITE_METADATA', 'TRACK_EVENTS', 'WRITE_LLM'],
  ADMIN: ['ADMIN', 'READ_ANALYTICS', 'WRITE_METADATA', 'TRACK_EVENTS', 'WRITE_LLM'],
  MEMBER: ['READ_ANALYTICS', 'WRITE_METADATA'],
  VIEWER: ['READ_ANALYTICS'],
};

/**
 * Authenticates a request. No key: anonymous (null). A key that is refused (see judgeApiKey)
 * fails the whole request rather than degrading to anonymous, so a client never silently loses
 * access.
 */
export async function authenticate(
  prisma: PrismaClient,
  limiter: RateLimiter,
  headers: Headers,
  client: string | undefined,
): Promise<Auth | null> {
  const decision = await judgeApiKey(prisma, limiter, (name) => headers.get(name), { client });
  if (decision.allowed) return keyAuth(decision.key);
  switch (decision.refusal) {
    case 'MISSING':
      return null;
    case 'RATE_LIMITED':
      throw new RateLimitedError(decision.retryAfterSeconds ?? 1);
    case 'TOO_MANY_UNKNOWN_KEYS':
      throw new RateLimitedError(decision.retryAfterSeconds ?? 1, 'Too many unknown API keys from this address');
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
  const { scopes } = auth;
  // A website-restricted key reaches one website, never the organization's people or the instance.
  if (permission === 'manageInstance') return scopes.includes('INSTANCE_ADMIN') && auth.websiteId === null;
  if (permission === 'readMembers') return can(auth, 'readMetadata') && auth.websiteId === null;
  const admin = scopes.includes('ADMIN');
  // Members and API keys are organization-wide: a key restricted to one website cannot manage them.
  if (permission === 'manageOrganization') return admin && auth.websiteId === null;
  return admin || GRANTS[permission].some((scope) => scopes.includes(scope));
}

/**
 * The FORBIDDEN answer for a caller lacking a permission, naming what it is: a key's scopes, a
 * session's role, or a share link (which reads one dashboard and changes nothing).
 */
export function forbidden(auth: Auth): ForbiddenError {
  const { caller } = auth;
  if (caller.kind === 'key') return new ForbiddenError('This API key’s scopes do not allow that.');
  if (caller.kind === 'session') {
    return new ForbiddenError(`Your role in this organization (${caller.role}) does not allow that.`);
  }
  return new ForbiddenError('A share link only reads its website’s dashboard; it does not allow that.');
}

/** A share link reaches one website, and only as a public dashboard shows it (the isPublic rules). */
export function sharesWebsite(auth: Auth | null, website: { id: string }): boolean {
  return auth?.caller.kind === 'share' && sharedWebsiteId(auth.caller) === website.id;
}

/** The website of a share link; a locked (password-protected) link must be unlocked first. */
export function sharedWebsiteId(caller: Extract<Caller, { kind: 'share' }>): string {
  if (caller.locked) throw new SharePasswordRequiredError();
  return caller.websiteId;
}

/** Whether the caller may read a website as its public dashboard: it is public, or shared with the caller. */
export const readsPublicDashboard = (auth: Auth | null, website: { id: string; isPublic: boolean }) =>
  website.isPublic || sharesWebsite(auth, website);

/** Websites the key can reach: its organization's, or its one website. */
export function ownWebsites(auth: Auth): Prisma.WebsiteWhereInput {
  return { organizationId: auth.organizationId, ...(auth.websiteId ? { id: auth.websiteId } : {}) };
}

/**
 * Websites a caller may read by id: public ones and its organization's (only its one website for a
 * restricted key); a share link's own website and nothing else, not even other public websites.
 */
export function readableWebsites(auth: Auth | null): Prisma.WebsiteWhereInput {
  const live: Prisma.WebsiteWhereInput = { status: { not: 'ARCHIVED' } };
  if (auth?.caller.kind === 'share') return { ...live, id: sharedWebsiteId(auth.caller) };
  const published = { ...live, isPublic: true };
  return auth ? { OR: [published, ownWebsites(auth)] } : published;
}

/** Organization-level records that may belong to a website (links, monitors, flags). */
export function ownRecords(auth: Auth): { organizationId: string; websiteId?: string } {
  return { organizationId: auth.organizationId, ...(auth.websiteId ? { websiteId: auth.websiteId } : {}) };
}

/** The id recorded as a record's author: the acting user's, else the caller's own (an automation key). */
export function actorId(auth: Auth): string {
  if (auth.userId) return auth.userId;
  const { caller } = auth;
  return caller.kind === 'key' ? caller.key.id : caller.kind === 'share' ? caller.shareLinkId : caller.sessionId;
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

/**
 * The segments a caller may see and use: its organization's, for every website or (with a
 * website-restricted key) its own website, shared with the organization or created by the caller.
 */
export function visibleSegments(auth: Auth): Prisma.SegmentWhereInput {
  return {
    organizationId: auth.organizationId,
    AND: [
      { OR: [{ visibility: 'ORGANIZATION' }, { ownerId: actorId(auth) }] },
      ...(auth.websiteId ? [{ OR: [{ websiteId: null }, { websiteId: auth.websiteId }] }] : []),
    ],
  };
}
