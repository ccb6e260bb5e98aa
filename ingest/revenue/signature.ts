import { createHmac, timingSafeEqual } from 'node:crypto';

/** Seconds a signature's timestamp may differ from now (replays of older deliveries are refused). */
const TOLERANCE_S = 300;

/** Why a webhook's signature was refused, or null when it holds. */
export type SignatureProblem = 'STALE' | 'MISMATCH' | null;

/** Constant-time string equality (compared as sent: a non-hex signature simply does not match). */
function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
const hmac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('hex');
const stale = (seconds: number, now: number) =>
  !Number.isFinite(seconds) || Math.abs(now / 1000 - seconds) > TOLERANCE_S;

/** Stripe: `Stripe-Signature: t=<unix>,v1=<hex hmac of "t.body">[,v1=…]`. */
export function checkStripeSignature(header: string | undefined, body: string, secret: string, now = Date.now()) {
  const parts = (header ?? '').split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  if (stale(Number(t), now)) return 'STALE';
  const expected = hmac(secret, `${t}.${body}`);
  return parts.some(([k, v]) => k === 'v1' && v && safeEqual(v, expected)) ? null : 'MISMATCH';
}

/** Paddle Billing: `Paddle-Signature: ts=<unix>;h1=<hex hmac of "ts:body">`. */
export function checkPaddleSignature(header: string | undefined, body: string, secret: string, now = Date.now()) {
  const parts = Object.fromEntries((header ?? '').split(';').map((p) => p.split('=') as [string, string]));
  if (stale(Number(parts.ts), now)) return 'STALE';
  return parts.h1 && safeEqual(parts.h1, hmac(secret, `${parts.ts}:${body}`)) ? null : 'MISMATCH';
}
