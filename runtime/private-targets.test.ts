import { describe, expect, it } from 'vitest';
import { checkPublicTarget, isPrivateAddress, PrivateTargetError, publicOnlyLookup } from './private-targets.ts';

describe('private addresses', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    '192.0.2.10',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '[::1]',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '::127.0.0.1',
    '64:ff9b::10.0.0.1',
    'not an address',
  ])('%s is refused', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '169.255.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('refuses URLs whose host is or resolves to a private address, in any spelling', async () => {
    for (const url of [
      'http://127.0.0.1:8080/',
      'http://127.1/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://localhost/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://0.0.0.0/',
    ]) {
      await expect(checkPublicTarget(new URL(url)), url).rejects.toBeInstanceOf(PrivateTargetError);
    }
    await expect(checkPublicTarget(new URL('https://8.8.8.8/'))).resolves.toBeUndefined();
    // Not resolvable now: nothing to refuse yet; every check resolves it again.
    await expect(checkPublicTarget(new URL('https://no-such-host.invalid/'))).resolves.toBeUndefined();
  });

  it('the lookup used at check time refuses a host resolving to a private address', async () => {
    const resolve = (host: string, all: boolean) =>
      new Promise((ok, fail) =>
        publicOnlyLookup(host, { all }, (error, address) => (error ? fail(error) : ok(address))),
      );
    await expect(resolve('localhost', false)).rejects.toBeInstanceOf(PrivateTargetError);
    await expect(resolve('localhost', true)).rejects.toBeInstanceOf(PrivateTargetError);
  });
});
