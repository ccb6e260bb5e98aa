import { describe, expect, it } from 'vitest';
import { type CompareInput, change, comparisonRange } from './compare.ts';
import { InvalidRangeError, resolveRange } from './range.ts';

const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];
const days = (from: string, to: string, timezone = 'UTC') => resolveRange({ from, to, timezone });

describe('comparison ranges', () => {
  it('takes as many local days just before, across a DST change', () => {
    // 1–7 November 2026 in New York holds the end of DST (a 25-hour day): the week before has 168 hours.
    const week = days('2026-11-01', '2026-11-07', 'America/New_York');
    expect(iso(comparisonRange(week))).toEqual(['2026-10-25T04:00:00.000Z', '2026-11-01T04:00:00.000Z']);
    // And the week after the change compares with the week holding it.
    const after = days('2026-11-08', '2026-11-14', 'America/New_York');
    expect(iso(comparisonRange(after))).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-08T05:00:00.000Z']);
  });

  it('takes the same duration before a range of instants', () => {
    const exact = resolveRange({ from: '2026-11-01T10:00:00Z', to: '2026-11-01T11:30:00Z' });
    expect(iso(comparisonRange(exact))).toEqual(['2026-11-01T08:30:00.000Z', '2026-11-01T10:00:00.000Z']);
  });

  it('matches weekdays by going back whole weeks', () => {
    // Wednesday 4 to Tuesday 10 November (7 days) → one week back; 10 days → two weeks back.
    const matched: CompareInput = { period: 'PREVIOUS_PERIOD', matchDayOfWeek: true };
    expect(iso(comparisonRange(days('2026-11-04', '2026-11-10'), matched))).toEqual([
      '2026-10-28T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
    ]);
    const ten = comparisonRange(days('2026-11-04', '2026-11-13'), matched);
    expect(iso(ten)).toEqual(['2026-10-21T00:00:00.000Z', '2026-10-31T00:00:00.000Z']);
    expect(ten.from.getUTCDay()).toBe(new Date('2026-11-04T00:00:00Z').getUTCDay());
    const yearMatched = comparisonRange(days('2026-11-04', '2026-11-10'), {
      period: 'YEAR_OVER_YEAR',
      matchDayOfWeek: true,
    });
    expect(iso(yearMatched)).toEqual(['2025-11-05T00:00:00.000Z', '2025-11-12T00:00:00.000Z']);
    expect(yearMatched.from.getUTCDay()).toBe(3); // a Wednesday, as 4 November 2026
  });

  it('compares year over year by local dates: leap days and DST', () => {
    const yoy: CompareInput = { period: 'YEAR_OVER_YEAR' };
    // 29 February 2028 faces 28 February 2027; the range still ends at the next day's midnight.
    expect(iso(comparisonRange(days('2028-02-29', '2028-02-29'), yoy))).toEqual([
      '2027-02-28T00:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
    ]);
    // All of February 2028 (29 days) faces all of February 2027 (28 days).
    expect(iso(comparisonRange(days('2028-02-01', '2028-02-29'), yoy))).toEqual([
      '2027-02-01T00:00:00.000Z',
      '2027-03-01T00:00:00.000Z',
    ]);
    // A Berlin day in summer a year before is that day's local midnight (UTC+2), not 24 × 365 hours back.
    expect(iso(comparisonRange(days('2026-07-01', '2026-07-01', 'Europe/Berlin'), yoy))).toEqual([
      '2025-06-30T22:00:00.000Z',
      '2025-07-01T22:00:00.000Z',
    ]);
    // 8 March 2026 (New York's DST start) a year before is 8 March 2025, still in winter time.
    expect(iso(comparisonRange(days('2026-03-08', '2026-03-08', 'America/New_York'), yoy))).toEqual([
      '2025-03-08T05:00:00.000Z',
      '2025-03-09T05:00:00.000Z',
    ]);
  });

  it('takes a custom range as given, and refuses inputs that do not fit', () => {
    const range = days('2026-11-01', '2026-11-30');
    const custom = comparisonRange(range, { period: 'CUSTOM', range: { from: '2026-01-01', to: '2026-01-10' } });
    expect(iso(custom)).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-11T00:00:00.000Z']);
    const refused: [CompareInput, RegExp][] = [
      [{ period: 'CUSTOM' }, /needs its range/],
      [
        { period: 'CUSTOM', range: { from: '2026-01-01', to: '2026-01-10' }, matchDayOfWeek: true },
        /other comparisons/,
      ],
      [{ period: 'YEAR_OVER_YEAR', range: { preset: 'TODAY' } }, /Only a CUSTOM/],
      [{ period: 'CUSTOM', range: { from: '2026-01-10', to: '2026-01-01' } }, /ends before/],
    ];
    for (const [input, message] of refused) {
      expect(() => comparisonRange(range, input)).toThrow(InvalidRangeError);
      expect(() => comparisonRange(range, input)).toThrow(message);
    }
    // A year before the first storable year cannot be compared with.
    expect(() => comparisonRange(days('1900-03-01', '1900-03-02'), { period: 'YEAR_OVER_YEAR' })).toThrow(/1900–2299/);
  });

  it('writes the change as (now − before) ÷ before, null without a base', () => {
    expect(change(150, 100)).toBe(0.5);
    expect(change(50, 100)).toBe(-0.5);
    expect(change(5, 0)).toBeNull();
    expect(change(5, null)).toBeNull();
  });
});
