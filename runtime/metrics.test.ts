import { expect, it } from 'vitest';
import { refuseMetrics } from './metrics.ts';

// Over HTTP (127.0.0.1, forwarded headers, the token): api/metrics.test.ts and ingest/metrics.test.ts.
it('without a token, lets in loopback connections of every form and nothing else', () => {
  for (const local of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1']) {
    expect(refuseMetrics({}, local, undefined), local).toBeNull();
  }
  for (const remote of ['10.0.0.1', '192.168.1.2', '::ffff:10.0.0.1', 'fe80::1', '127.example', undefined]) {
    expect(refuseMetrics({}, remote, undefined)?.status, String(remote)).toBe(403);
  }
  expect(refuseMetrics({ 'x-forwarded-for': '127.0.0.1' }, '127.0.0.1', undefined)?.status).toBe(403);
});

it('with a token, wants exactly it as a Bearer token, from anywhere', () => {
  const token = 'a-token-of-sixteen+';
  expect(refuseMetrics({ authorization: `Bearer ${token}` }, '203.0.113.1', token)).toBeNull();
  for (const authorization of [undefined, token, `Bearer ${token} `, `Bearer ${token.slice(1)}`, `bearer${token}`]) {
    expect(refuseMetrics({ authorization }, '127.0.0.1', token)?.status, String(authorization)).toBe(401);
  }
});
