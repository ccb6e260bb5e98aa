/**
 * The range a figure is compared with: the previous period, the same period a year before, or a
 * range of the caller's choosing. Shifts are made in local days of the range's timezone, so a
 * range of whole local days is compared with whole local days across DST changes and leap days.
 */
import { storableInstant } from '../../clickhouse/dates.ts';
import { type DateRange, InvalidRangeError, localDate, localMidnight, type RangeInput, resolveRange } from './range.ts';

export const COMPARISONS = ['PREVIOUS_PERIOD', 'YEAR_OVER_YEAR', 'CUSTOM'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export interface CompareInput {
  period: Comparison;
  /** The range, for CUSTOM (and only then). */
  range?: RangeInput;
  /** Move the comparison back by whole weeks so that each day faces the same weekday. */
  matchDayOfWeek?: boolean;
}

const DAY_MS = 86_400_000;

/** The instant `days` local days and `years` years from `instant`, at the same local time of day. */
function shiftLocal(instant: Date, timezone: string, { days = 0, years = 0 }: { days?: number; years?: number }): Date {
  const { year, month, day } = localDate(instant, timezone);
  const timeOfDay = instant.getTime() - localMidnight(year, month, day, timezone).getTime();
  const targetYear = year + years;
  // 29 February a year away is 28 February: the last day of the same month.
  const lastDay = new Date(Date.UTC(targetYear, month, 0)).getUTCDate();
  const target = localMidnight(targetYear, month, Math.min(day, lastDay) + days, timezone);
  return new Date(target.getTime() + timeOfDay);
}

/** Local calendar days from `from` to `to`, when both are local midnights; otherwise null. */
function wholeLocalDays({ from, to, timezone }: DateRange): number | null {
  const start = localDate(from, timezone);
  const end = localDate(to, timezone);
  const atMidnight = (instant: Date, d: typeof start) =>
    instant.getTime() === localMidnight(d.year, d.month, d.day, timezone).getTime();
  if (!atMidnight(from, start) || !atMidnight(to, end)) return null;
  return Math.round(
    (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS,
  );
}

/** The comparison range of `range` (BAD input: InvalidRangeError). */
export function comparisonRange(range: DateRange, compare: CompareInput = { period: 'PREVIOUS_PERIOD' }): DateRange {
  const { timezone } = range;
  // Both ends moved by the same local shift.
  const shifted = (by: { days?: number; years?: number }): DateRange => ({
    from: shiftLocal(range.from, timezone, by),
    to: shiftLocal(range.to, timezone, by),
    timezone,
  });
  let result: DateRange;
  switch (compare.period) {
    case 'CUSTOM':
      if (!compare.range) throw new InvalidRangeError('A CUSTOM comparison needs its range');
      if (compare.matchDayOfWeek) throw new InvalidRangeError('matchDayOfWeek applies to the other comparisons only');
      return resolveRange(compare.range);
    case 'YEAR_OVER_YEAR':
      if (compare.range) throw new InvalidRangeError('Only a CUSTOM comparison takes a range');
      // 52 weeks back faces each day with the same weekday; otherwise the same dates a year before.
      result = shifted(compare.matchDayOfWeek ? { days: -364 } : { years: -1 });
      break;
    case 'PREVIOUS_PERIOD': {
      if (compare.range) throw new InvalidRangeError('Only a CUSTOM comparison takes a range');
      const days = wholeLocalDays(range);
      if (days === null) {
        // A range of instants: the same length just before (whole weeks before, to match weekdays).
        const length = range.to.getTime() - range.from.getTime();
        const back = compare.matchDayOfWeek ? Math.ceil(length / (7 * DAY_MS)) * 7 * DAY_MS : length;
        result = { from: new Date(range.from.getTime() - back), to: new Date(range.to.getTime() - back), timezone };
      } else {
        // As many local days just before; whole weeks before to match weekdays.
        const back = compare.matchDayOfWeek ? Math.ceil(days / 7) * 7 : days;
        result = shifted({ days: -back });
      }
      break;
    }
  }
  if (!storableInstant(result.from) || !storableInstant(new Date(result.to.getTime() - 1))) {
    throw new InvalidRangeError('The comparison range must lie within the years 1900–2299');
  }
  return result;
}

/** Relative change from `before` to `now`; null when there is nothing to compare with. */
export const change = (now: number | null, before: number | null): number | null =>
  now === null || before === null || before === 0 ? null : (now - before) / before;
