import { describe, expect, it } from 'vitest';
import { type Revenue, type RevenueProvider, type RevenueRow, revenueRow } from './ledger.ts';
import { minorUnitDigits, toMajor } from './money.ts';

const site = { id: 'site_1', organizationId: 'org_1' };
const receivedAt = new Date('2026-12-01T12:00:00Z');
/** An event time `minutes` before receipt (negative: after it). */
const ago = (minutes: number) => new Date(receivedAt.getTime() - minutes * 60_000);

const sale = (over: Partial<Revenue> = {}): Revenue => ({
  transactionId: 'pi_1',
  type: 'sale',
  status: 'completed',
  amount: 20,
  currency: 'usd',
  anonymousId: 'anon_1',
  productName: 'Pro',
  metadata: { event: 'evt_sale' },
  occurredAt: ago(60),
  ...over,
});

const refund = (over: Partial<Revenue> = {}): Revenue => ({
  transactionId: 'pi_1',
  type: 'refund',
  status: 'partially_refunded',
  amount: 15,
  currency: 'usd',
  metadata: { event: 'evt_refund', gross: 20, refunded: 5 },
  occurredAt: ago(30),
  ...over,
});

const paddleRefund = (id: string, refunded: number, minutesAgo: number): Revenue => ({
  transactionId: 'txn_1',
  type: 'refund',
  status: 'refunded',
  amount: refunded,
  currency: 'EUR',
  metadata: { event: `ntf_${id}` },
  occurredAt: ago(minutesAgo),
  adjustment: { id, refunded },
});

/** Applies events in arrival order, as the ledger does, each against the row before it. */
function apply(provider: RevenueProvider, ...events: Revenue[]): { rows: (RevenueRow | null)[]; last?: RevenueRow } {
  let last: RevenueRow | undefined;
  const rows = events.map((event) => {
    const row = revenueRow(site, provider, event, last, receivedAt);
    if (row) last = row;
    return row;
  });
  return { rows, last };
}

const pick = (row: RevenueRow | undefined | null) =>
  row && {
    type: row.type,
    status: row.status,
    amount: row.amount,
    currency: row.currency,
    anonymous_id: row.anonymous_id,
    product_name: row.product_name,
    created: row.created,
    synced_at: row.synced_at,
  };

describe('revenueRow', () => {
  it.each([
    {
      case: 'a sale alone is its own row, dated and versioned by its event time',
      provider: 'stripe' as const,
      events: [sale()],
      expected: {
        type: 'sale',
        status: 'completed',
        amount: 20,
        currency: 'USD',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:00:00',
        synced_at: '2026-12-01 11:00:00',
      },
    },
    {
      case: 'a refund replaces its sale, keeping the sale’s date and attribution',
      provider: 'stripe' as const,
      events: [sale(), refund()],
      expected: {
        type: 'refund',
        status: 'partially_refunded',
        amount: 15,
        currency: 'USD',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:00:00',
        synced_at: '2026-12-01 11:30:00',
      },
    },
    {
      case: 'a late redelivery of the sale cannot undo its refund',
      provider: 'stripe' as const,
      events: [sale(), refund(), sale()],
      expected: {
        type: 'refund',
        status: 'partially_refunded',
        amount: 15,
        currency: 'USD',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:00:00',
        synced_at: '2026-12-01 11:30:00',
      },
    },
    {
      case: 'an older event only fills what the row lacks, one second past its version',
      provider: 'stripe' as const,
      events: [refund({ occurredAt: ago(30) }), sale({ occurredAt: ago(60) })],
      expected: {
        type: 'refund',
        status: 'partially_refunded',
        amount: 15,
        currency: 'USD',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:30:00',
        synced_at: '2026-12-01 11:30:01',
      },
    },
    {
      case: 'two events in the same second: the second wins, one second later',
      provider: 'stripe' as const,
      events: [sale({ occurredAt: ago(10) }), sale({ occurredAt: ago(10), amount: 25, anonymousId: undefined })],
      expected: {
        type: 'sale',
        status: 'completed',
        amount: 25,
        currency: 'USD',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:50:00',
        synced_at: '2026-12-01 11:50:01',
      },
    },
    {
      case: 'an event from the future is dated at its receipt',
      provider: 'stripe' as const,
      events: [sale({ occurredAt: ago(-60) })],
      expected: {
        type: 'sale',
        status: 'completed',
        amount: 20,
        currency: 'USD',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 12:00:00',
        synced_at: '2026-12-01 12:00:00',
      },
    },
    {
      case: 'Paddle: partial refunds add up once per adjustment, redeliveries included',
      provider: 'paddle' as const,
      events: [
        sale({ transactionId: 'txn_1', currency: 'EUR', amount: 100, occurredAt: ago(60) }),
        paddleRefund('adj_1', 10, 50),
        paddleRefund('adj_1', 10, 45),
        paddleRefund('adj_2', 30, 40),
      ],
      expected: {
        type: 'refund',
        status: 'partially_refunded',
        amount: 60,
        currency: 'EUR',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:00:00',
        synced_at: '2026-12-01 11:20:00',
      },
    },
    {
      case: 'Paddle: a refund before its sale assumes all was refunded, then settles when the sale comes',
      provider: 'paddle' as const,
      events: [
        paddleRefund('adj_1', 40, 30),
        sale({ transactionId: 'txn_1', currency: 'EUR', amount: 100, occurredAt: ago(60) }),
      ],
      expected: {
        type: 'refund',
        status: 'partially_refunded',
        amount: 60,
        currency: 'EUR',
        anonymous_id: 'anon_1',
        product_name: 'Pro',
        created: '2026-12-01 11:30:00',
        synced_at: '2026-12-01 11:30:01',
      },
    },
  ])('$case', ({ provider, events, expected }) => {
    expect(pick(apply(provider, ...events).last)).toEqual(expected);
  });

  it('changes nothing (null) for an older event that brings nothing new', () => {
    expect(apply('stripe', sale(), refund(), sale()).rows[2]).toBeNull();
  });

  it('keeps the refund totals and the latest event time in metadata', () => {
    const { last } = apply(
      'paddle',
      sale({ transactionId: 'txn_1', currency: 'EUR', amount: 100 }),
      paddleRefund('adj_1', 10, 50),
    );
    expect(JSON.parse(last?.metadata ?? '{}')).toEqual({
      event: 'ntf_adj_1',
      eventAt: '2026-12-01 11:10:00',
      gross: 100,
      refunded: 10,
      adjustments: { adj_1: 10 },
    });
    expect(last).toMatchObject({ amount: 90, owner_id: 'org_1', website_id: 'site_1', provider: 'paddle' });
  });
});

describe('money', () => {
  it.each([
    ['USD', 1999, 19.99, 2],
    ['jpy', 1999, 1999, 0],
    ['KWD', 1999, 1.999, 3],
    ['', 1999, 19.99, 2],
  ])('%s: %d minor units are %d (%d digits)', (currency, minor, major, digits) => {
    expect(toMajor(minor, currency)).toBe(major);
    expect(minorUnitDigits(currency)).toBe(digits);
  });
});
