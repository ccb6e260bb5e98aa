import type { IncomingMessage } from 'node:http';
import { presentedKey } from '../prisma/api-key-access.ts';
import type { PrismaClient } from '../prisma/client.ts';
import { clientIp } from '../runtime/client-ip.ts';
import type { RateLimiter } from '../runtime/rate-limit.ts';
import { type Auth, authenticate } from './auth.ts';
import { presentedSession, sessionAuth } from './sessions.ts';
import { SHARE_HEADER, shareAuth } from './share-links.ts';

/**
 * Who is calling. Explicit credentials come first: an API key (programs), else a share token
 * (the dashboard's /share pages), else the session cookie with the CSRF header (the signed-in
 * dashboard); otherwise anonymous. A key or share token that does not verify fails the request;
 * a session that does not is ignored (the cookie is sent whether or not it is still valid).
 */
export async function identify(
  prisma: PrismaClient,
  limiter: RateLimiter,
  headers: Headers,
  /** The client's address, to limit key guessing; undefined when unknown (the API called through fetch). */
  client: string | undefined,
): Promise<Auth | null> {
  if (presentedKey((name) => headers.get(name)) !== null) return authenticate(prisma, limiter, headers, client);
  const share = headers.get(SHARE_HEADER);
  if (share !== null) return shareAuth(prisma, share.trim());
  const session = presentedSession(headers);
  return session === null ? null : sessionAuth(prisma, session);
}

/** What the HTTP exchange tells the sign-in resolvers, and the cookies they set on the response. */
export interface HttpExchange {
  /** The client's address (through TRUST_PROXY proxies), for rate limits of failed sign-ins. */
  address: string;
  /** Whether the browser reached us over https: session cookies are Secure then. */
  secure: boolean;
  /** Origin the client used, for the links the API hands out (invitations, share links). */
  origin: string;
  userAgent: string | null;
  setCookie(cookie: string): void;
}

/** Reads the exchange; `req` is absent when the API is called through fetch (tests). */
export function httpExchange(
  request: Request,
  req: IncomingMessage | undefined,
  trustProxyHops: number,
  setCookie: (cookie: string) => void,
): HttpExchange {
  const url = new URL(request.url);
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const protocol =
    trustProxyHops > 0 && (forwarded === 'https' || forwarded === 'http') ? `${forwarded}:` : url.protocol;
  return {
    address: req ? clientIp(req, trustProxyHops) : 'local',
    secure: protocol === 'https:',
    origin: `${protocol}//${url.host}`,
    userAgent: request.headers.get('user-agent'),
    setCookie,
  };
}
