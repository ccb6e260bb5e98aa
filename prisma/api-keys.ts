import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from './client.ts';
import type { ApiKey } from './generated/client.ts';

/** Every key starts with this, so secret scanners and humans can recognise one. */
export const API_KEY_PREFIX = 'tmk_';
const START_LENGTH = 6;

export interface NewApiKey {
  /** The full secret: shown once, never stored. */
  key: string;
  prefix: string;
  /** First characters after the prefix, for display. */
  start: string;
  keyHash: string;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): NewApiKey {
  const secret = randomBytes(32).toString('base64url');
  const key = `${API_KEY_PREFIX}${secret}`;
  return { key, prefix: API_KEY_PREFIX, start: secret.slice(0, START_LENGTH), keyHash: hashApiKey(key) };
}

/** Constant-time check of a presented key against a stored hash. */
export function apiKeyMatches(key: string, keyHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(keyHash, 'hex');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

export type ApiKeyRejection = 'UNKNOWN' | 'DISABLED' | 'REVOKED' | 'EXPIRED';

// lastUsedAt is a hint for humans; writing it at most once a minute keeps reads cheap.
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Finds the key a client presented and says whether it may be used now. Looks the key up by
 * its hash (the secret never reaches the database) and re-checks the hash in constant time.
 */
export async function verifyApiKey(
  prisma: PrismaClient,
  presented: string,
  now = new Date(),
): Promise<{ key: ApiKey } | { rejected: ApiKeyRejection }> {
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200) return { rejected: 'UNKNOWN' };
  const key = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(presented) } });
  if (!key || !apiKeyMatches(presented, key.keyHash)) return { rejected: 'UNKNOWN' };
  if (key.revokedAt) return { rejected: 'REVOKED' };
  if (!key.enabled) return { rejected: 'DISABLED' };
  if (key.expiresAt && key.expiresAt <= now) return { rejected: 'EXPIRED' };
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } });
  }
  return { key };
}
