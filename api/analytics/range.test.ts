import { describe, expect, it } from 'vitest';
import { InvalidRangeError, localMidnight, resolveRange } from './range.ts';

describe('date ranges in the caller’s timezone', () => {
  const now = new Date('2026-03-29T12:00:00Z'); // the day Europe switches to summer time

  it('finds local midnights across DST changes', () => {
    expect(localMidnight(2026, 3, 29, 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localMidnight(2026, 3, 30, 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(localMidnight(2026, 11, 1, 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(localMidnight(2026, 11, 2, 'America/New_York').toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(localMidnight(2026, 1, 1, 'Asia/Kolkata').toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });

  it('resolves presets to local days, a 23-hour day included', () => {
    const today = resolveRange({ preset: 'TODAY', timezone: 'Europe/Berlin' }, now);
    expect(today.from.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(today.to.getTime() - today.from.getTime()).toBe(23 * 3_600_000);
    const week = resolveRange({ preset: 'LAST_7_DAYS', timezone: 'UTC' }, now);
    expect([week.from.toISOString(), week.to.toISOString()]).toEqual([
      '2026-03-23T00:00:00.000Z',
      '2026-03-30T00:00:00.000Z',
    ]);
    const month = resolveRange({ preset: 'MONTH_TO_DATE', timezone: 'America/New_York' }, now);
    expect(month.from.toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(resolveRange({ preset: 'LAST_12_MONTHS' }, now).from.toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });

  it('reads custom days as whole local days and instants as given', () => {
    const range = resolveRange({ from: '2026-11-01', to: '2026-11-01', timezone: 'America/New_York' });
    expect([range.from.toISOString(), range.to.toISOString()]).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-02T05:00:00.000Z',
    ]);
    const exact = resolveRange({ from: '2026-11-01T10:00:00Z', to: '2026-11-01T11:30:00Z' });
    expect(exact.to.getTime() - exact.from.getTime()).toBe(90 * 60_000);
  });

  it.each([
    [{ from: '2026-11-02', to: '2026-11-01' }, /ends before/],
    [{ from: 'yesterday', to: '2026-11-01' }, /Not a date/],
    [{ from: '2020-01-01', to: '2026-11-01' }, /limited to/],
    [{ preset: 'TODAY' as const, timezone: 'Mars/Olympus' }, /Unknown timezone/],
    [{ preset: 'TODAY' as const, from: '2026-11-01' }, /not both/],
    [{ from: '2026-11-01' }, /both from and to/],
  ])('refuses %j', (input, message) => {
    expect(() => resolveRange(input)).toThrow(InvalidRangeError);
    expect(() => resolveRange(input)).toThrow(message);
  });
});
