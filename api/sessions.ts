import type { PrismaClient } from '../prisma/client.ts';
import { hashToken, isTokenShaped, newToken } from '../prisma/tokens.ts';
import { type Auth, ROLE_SCOPES } from './auth.ts';

/** The cookie holding a browser's session token. */
export const SESSION_COOKIE = 'tidemark_session';

/**
 * The session cookie counts only on requests carrying this header (value `1`). A browser sends a
 * custom header cross-site only after a CORS preflight, which the API answers without
 * `Access-Control-Allow-Credentials` (api/server.ts): so a form, image or script of another site,
 * which carries the cookie but cannot add the header, acts as an anonymous caller.
 */
export const CSRF_HEADER = 'x-tidemark-csrf';

/** Sessions end 30 days after sign-in (then the user signs in again). */
export const SESSION_TTL_MS = 30 * 24 * 3600 * 1000;

// lastSeenAt is shown in `sessions`; written at most once a minute so reads stay reads.
const LAST_SEEN_PRECISION_MS = 60_000;

/** The session token a request presents, if it may count: the cookie together with the CSRF header. */
export function presentedSession(headers: Headers): string | null {
  if (headers.get(CSRF_HEADER) !== '1') return null;
  for (const pair of (headers.get('cookie') ?? '').split(';')) {
    const [name, ...value] = pair.split('=');
    if (name?.trim() === SESSION_COOKIE) return value.join('=').trim();
  }
  return null;
}

/** Set-Cookie for a new session token, or with null one that removes the cookie. */
export function sessionCookie(token: string | null, secure: boolean, maxAgeMs = SESSION_TTL_MS): string {
  const maxAge = token === null ? 0 : Math.floor(maxAgeMs / 1000);
  return [
    `${SESSION_COOKIE}=${token ?? ''}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** Starts a session of a user in one of their organizations; returns its token (for the cookie only). */
export async function startSession(
  prisma: PrismaClient,
  session: { userId: string; organizationId: string; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const { token, tokenHash } = newToken();
  // Expired sessions of the user are dropped here rather than by a sweeper.
  await prisma.session.deleteMany({ where: { userId: session.userId, expiresAt: { lte: now } } });
  await prisma.session.create({
    data: {
      ...session,
      userAgent: session.userAgent?.slice(0, 256) ?? null,
      tokenHash,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
    },
  });
  return token;
}

/**
 * The caller of a session token. An unknown, expired or revoked session, a suspended user, or a
 * user no longer a member of the session's organization is no caller at all (anonymous): the
 * cookie is ambient, and failing every request would keep the browser from signing in again.
 * The role is read on every request, so a role change or removal applies at once.
 */
export async function sessionAuth(prisma: PrismaClient, token: string, now = new Date()): Promise<Auth | null> {
  if (!isTokenShaped(token)) return null;
  const session = await prisma.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      user: { select: { status: true, role: true, memberships: { select: { organizationId: true, role: true } } } },
    },
  });
  if (!session || session.expiresAt <= now || session.user.status !== 'ACTIVE') return null;
  const member = session.user.memberships.find((m) => m.organizationId === session.organizationId);
  if (!member) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await prisma.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return {
    caller: { kind: 'session', sessionId: session.id, role: member.role },
    organizationId: session.organizationId,
    websiteId: null,
    scopes: [...ROLE_SCOPES[member.role], ...(session.user.role === 'ADMIN' ? (['INSTANCE_ADMIN'] as const) : [])],
    userId: session.userId,
  };
}
