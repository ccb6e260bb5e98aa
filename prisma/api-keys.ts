import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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
