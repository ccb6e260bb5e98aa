import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passwords hashed with node's scrypt, one random salt per hash, stored in the PHC string format
 * with a version: `$scrypt$v=1$ln=17,r=8,p=1$<salt>$<hash>` (base64 without padding). The
 * parameters travel with each hash, so raising them later still verifies older hashes
 * (`needsRehash` says when to store a new one).
 */

/** Longer passwords are refused before hashing: scrypt's cost grows with the input, and no one types more. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 8;

// OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per hash while it runs; at most
// libuv's 4 threads hash at once, so 512 MiB at worst). Measured here: see README "Signing in".
const CURRENT = { ln: 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const VERSION = 1;

const PHC = /^\$scrypt\$v=(\d+)\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, params: typeof CURRENT, length: number): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** params.ln,
    r: params.r,
    p: params.p,
    maxmem: 256 * 2 ** params.ln * params.r,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const b64 = (buffer: Buffer) => buffer.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const hash = await derive(password, salt, CURRENT, KEY_LENGTH);
  return `$scrypt$v=${VERSION}$ln=${CURRENT.ln},r=${CURRENT.r},p=${CURRENT.p}$${b64(salt)}$${b64(hash)}`;
}

export interface PasswordCheck {
  matches: boolean;
  /** The hash was made with other parameters than today's: store a new one. */
  needsRehash: boolean;
}

// Hashes this code cannot have written (a foreign format, absurd costs) never match.
const plausible = (v: number, ln: number, r: number, p: number) =>
  v === VERSION && ln >= 10 && ln <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 4;

/** Constant-time comparison of a password with a stored hash. */
export async function verifyPassword(password: string, stored: string): Promise<PasswordCheck> {
  const match = PHC.exec(stored);
  const [v, ln, r, p] = (match?.slice(1, 5) ?? []).map(Number) as [number, number, number, number];
  if (!match || !plausible(v, ln, r, p)) return { matches: false, needsRehash: true };
  const expected = Buffer.from(match[6] as string, 'base64');
  const actual = await derive(password, Buffer.from(match[5] as string, 'base64'), { ln, r, p }, expected.length);
  const matches = expected.length >= 16 && timingSafeEqual(actual, expected);
  return { matches, needsRehash: ln !== CURRENT.ln || r !== CURRENT.r || p !== CURRENT.p };
}

let decoy: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no hash to check (unknown email, user without a
 * password), so the answer's timing does not tell whether an account exists.
 */
export async function verifyNothing(password: string): Promise<false> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await decoy);
  return false;
}
