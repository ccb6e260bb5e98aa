import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets of sessions, invitations, the setup link and share links: 32 random bytes
 * (base64url, 43 characters). Only their SHA-256 is stored, so a copy of the database grants
 * nothing; a random 256-bit token needs no salt or slow hash.
 */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Tokens this code issues: anything else is refused without a database lookup. */
export const isTokenShaped = (value: string) => /^[A-Za-z0-9_-]{43}$/.test(value);
