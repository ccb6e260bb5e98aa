import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyNothing, verifyPassword } from './passwords.ts';

describe('password hashes', () => {
  it('are versioned PHC strings with their own salt, and verify only the right password', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse'), hashPassword('correct horse')]);
    expect(a).toMatch(/^\$scrypt\$v=1\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    // One salt per hash: the same password never gives the same hash.
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toEqual({ matches: true, needsRehash: false });
    expect((await verifyPassword('correct horsf', a)).matches).toBe(false);
    expect((await verifyPassword('', a)).matches).toBe(false);
  });

  it('compose Unicode alike (NFC), so the same password typed on two keyboards matches', async () => {
    const hash = await hashPassword('caf\u00e9');
    expect((await verifyPassword('cafe\u0301', hash)).matches).toBe(true);
  });

  it('made with older parameters still verify, and say they need rehashing', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const old = scryptSync('hunter22', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');
    const stored = `$scrypt$v=1$ln=14,r=8,p=1$${b64(salt)}$${b64(old)}`;
    expect(await verifyPassword('hunter22', stored)).toEqual({ matches: true, needsRehash: true });
    expect((await verifyPassword('hunter23', stored)).matches).toBe(false);
  });

  it('never match a hash this code cannot have written (tampered, unknown version, absurd cost)', async () => {
    const good = await hashPassword('password1');
    const parts = good.split('$');
    for (const stored of [
      '',
      'password1',
      good.replace('v=1', 'v=2'),
      good.replace('ln=17', 'ln=40'),
      good.replace('r=8', 'r=0'),
      [...parts.slice(0, 5), 'AAAA'].join('$'),
      `${good}$extra`,
    ]) {
      expect((await verifyPassword('password1', stored)).matches, stored).toBe(false);
    }
  });

  it('verifyNothing spends a verification and never matches', async () => {
    expect(await verifyNothing('anything')).toBe(false);
  });
});
