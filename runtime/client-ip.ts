import type { IncomingMessage } from 'node:http';

/**
 * The client's address: the socket's, or when `trustedHops` proxies sit in front of us, the
 * address the outermost trusted proxy saw (X-Forwarded-For is client, proxy1, proxy2, ...;
 * only the last `trustedHops` entries were written by proxies we trust).
 */
export function clientIp(req: IncomingMessage, trustedHops: number): string {
  const socketIp = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  const header = req.headers['x-forwarded-for'];
  if (trustedHops === 0 || !header) return socketIp;
  const hops = (Array.isArray(header) ? header.join(',') : header).split(',').map((h) => h.trim());
  return (hops[hops.length - trustedHops] ?? hops[0] ?? socketIp).replace(/^::ffff:/, '');
}
