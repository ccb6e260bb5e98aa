import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Outbound requests made on a tenant's behalf (uptime monitors) must not reach the instance's own
 * network: loopback, private, link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT,
 * reserved ranges, and IPv6 forms of them (IPv4-mapped, NAT64). Intranet monitoring can allow
 * them with UPTIME_ALLOW_PRIVATE_TARGETS=true.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 reaches the local host
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) or NAT64 address. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(.+)$/i.exec(address);
  if (!match) return null;
  const tail = match[1] as string;
  if (isIP(tail) === 4) return tail;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return null;
  const high = Number.parseInt(hex[1] as string, 16);
  const low = Number.parseInt(hex[2] as string, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether an IP address belongs to the local host or a private network. Not an IP: true (refuse). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  const v4 = embeddedIpv4(bare.toLowerCase());
  if (v4) return blocked.check(v4, 'ipv4');
  return blocked.check(bare, 'ipv6');
}

export class PrivateTargetError extends Error {
  constructor(host: string) {
    super(
      `${host} is a loopback, private or link-local address; set UPTIME_ALLOW_PRIVATE_TARGETS=true to monitor such targets`,
    );
  }
}

function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );
}

/**
 * Refuses a URL whose host is, or resolves to, any private address. A host that does not resolve
 * now passes: it cannot be reached either, and every check resolves it again (publicOnlyLookup).
 */
export async function checkPublicTarget(url: URL): Promise<void> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new PrivateTargetError(host);
    return;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    return;
  }
  if (addresses.some((entry) => isPrivateAddress(entry.address))) throw new PrivateTargetError(host);
}

/**
 * A `lookup` for http(s).request that refuses a host when any of its addresses is private, so
 * the connection goes only to addresses that were checked (no window for DNS rebinding between a
 * check and the connect). Node skips `lookup` for IP literals: check those with isPrivateAddress.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
    if (error) return callback(error, '', 0);
    if (addresses.length === 0 || addresses.some((entry) => isPrivateAddress(entry.address))) {
      return callback(new PrivateTargetError(hostname), '', 0);
    }
    if ((options as { all?: boolean }).all) {
      return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    }
    const first = addresses[0] as LookupAddress;
    callback(null, first.address, first.family);
  });
};
