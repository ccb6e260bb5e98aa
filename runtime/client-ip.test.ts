import type { IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { clientIp } from './client-ip.ts';

const request = (remoteAddress: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

it('takes the client address from the socket unless proxies are trusted', () => {
  // Without TRUST_PROXY a client cannot pick its address (and so its rate limit or location).
  expect(clientIp(request('::ffff:203.0.113.5', '198.51.100.1'), 0)).toBe('203.0.113.5');
  expect(clientIp(request('10.0.0.2'), 1)).toBe('10.0.0.2');
  // One trusted proxy: the address it saw is the last entry; earlier ones are the client's claims.
  expect(clientIp(request('10.0.0.2', '198.51.100.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
  // Two trusted proxies (a CDN in front of a load balancer): the second to last.
  expect(clientIp(request('10.0.0.2', '198.51.100.1, 203.0.113.9, 10.0.0.1'), 2)).toBe('203.0.113.9');
  expect(clientIp(request('10.0.0.2', '2001:db8::7'), 3)).toBe('2001:db8::7');
});
