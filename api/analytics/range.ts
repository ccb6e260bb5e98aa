/**
 * Date ranges in the caller's timezone. Day boundaries are local midnights (DST included),
 * turned into UTC instants once, here; queries then compare plain UTC times. Ranges are
 * half-open: [from, to).
 */
import { storableInstant } from '../../clickhouse/dates.ts';

export const PRESETS = [
  'TODAY',
  'YESTERDAY',
  'LAST_7_DAYS',
  'LAST_30_DAYS',
  'MONTH_TO_DATE',
  'LAST_12_MONTHS',
] as const;
export type Preset = (typeof PRESETS)[number];

export interface RangeInput {
  preset?: Preset;
  /** ISO date (YYYY-MM-DD, a local day in `timezone`) or ISO instant. */
  from?: string;
  to?: string;
  /** IANA name, e.g. Europe/Berlin. Default UTC. */
  timezone?: string;
}

export interface DateRange {
  from: Date;
  to: Date;
  timezone: string;
}

export class InvalidRangeError extends Error {}

/** Longest range a query may cover: the raw tables keep one year, the daily rollup two. */
export const MAX_RANGE_DAYS = 731;

export function assertTimezone(timezone: string): void {
  try {
    // The date formatter every range builds anyway: cached, it validates for free (a fresh one per
    // call cost ~0.4 ms of each analytics request, measured by CPU profile).
    dateFormat(timezone);
  } catch {
    throw new InvalidRangeError(`Unknown timezone: ${timezone}`);
  }
}

/** Formatters per timezone: building an Intl.DateTimeFormat costs far more than using one. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const cached = (cache: Map<string, Intl.DateTimeFormat>, timezone: string, make: () => Intl.DateTimeFormat) => {
  let format = cache.get(timezone);
  if (!format) {
    format = make();
    // Valid names are a few hundred, but their spelling is case-insensitive: keep the cache bounded.
    if (cache.size >= 1000) cache.clear();
    cache.set(timezone, format);
  }
  return format;
};

/** The cached year-month-day formatter of a timezone; throws a RangeError for an unknown timezone. */
const dateFormat = (timezone: string) =>
  cached(
    dateFormats,
    timezone,
    () => new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric', day: 'numeric' }),
  );

const numericParts = (format: Intl.DateTimeFormat, instant: Date) =>
  format.formatToParts(instant).reduce<Record<string, number>>((acc, part) => {
    if (part.type !== 'literal') acc[part.type] = Number(part.value);
    return acc;
  }, {});

/** The local calendar date of an instant in a timezone. */
export function localDate(instant: Date, timezone: string): { year: number; month: number; day: number } {
  const parts = numericParts(dateFormat(timezone), instant);
  return { year: parts.year as number, month: parts.month as number, day: parts.day as number };
}

/** Offset of the timezone from UTC at an instant, in milliseconds. */
export function offsetMs(instant: Date, timezone: string): number {
  const format = cached(
    dateTimeFormats,
    timezone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone: timezone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
  const parts = numericParts(format, instant);
  const asUtc = Date.UTC(
    parts.year as number,
    (parts.month as number) - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
  );
  return asUtc - (instant.getTime() - instant.getMilliseconds());
}

/** The UTC instant of local midnight starting the given local date (month may overflow, as in Date.UTC). */
export function localMidnight(year: number, month: number, day: number, timezone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // Two passes: the offset at the guess may differ from the offset at the answer across DST.
  let instant = guess - offsetMs(new Date(guess), timezone);
  instant = guess - offsetMs(new Date(instant), timezone);
  return new Date(instant);
}

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function parseBound(value: string, timezone: string, endOfDay: boolean): Date {
  if (DAY_ONLY.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    // A day as `to` includes that whole day: the range ends at the next local midnight.
    return localMidnight(y, m, d + (endOfDay ? 1 : 0), timezone);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new InvalidRangeError(`Not a date: ${value}`);
  return instant;
}

export function resolveRange(input: RangeInput, now = new Date()): DateRange {
  const timezone = input.timezone ?? 'UTC';
  assertTimezone(timezone);
  let from: Date;
  let to: Date;
  if (input.preset) {
    if (input.from || input.to) throw new InvalidRangeError('Give a preset or from/to, not both');
    const today = localDate(now, timezone);
    const midnight = (daysBack: number) => localMidnight(today.year, today.month, today.day - daysBack, timezone);
    const tomorrow = midnight(-1);
    switch (input.preset) {
      case 'TODAY':
        [from, to] = [midnight(0), tomorrow];
        break;
      case 'YESTERDAY':
        [from, to] = [midnight(1), midnight(0)];
        break;
      case 'LAST_7_DAYS':
        [from, to] = [midnight(6), tomorrow];
        break;
      case 'LAST_30_DAYS':
        [from, to] = [midnight(29), tomorrow];
        break;
      case 'MONTH_TO_DATE':
        [from, to] = [localMidnight(today.year, today.month, 1, timezone), tomorrow];
        break;
      case 'LAST_12_MONTHS':
        [from, to] = [localMidnight(today.year, today.month - 11, 1, timezone), tomorrow];
        break;
    }
  } else {
    if (!input.from || !input.to) throw new InvalidRangeError('Give a preset, or both from and to');
    from = parseBound(input.from, timezone, false);
    to = parseBound(input.to, timezone, true);
  }
  if (to <= from) throw new InvalidRangeError('The range ends before it starts');
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw new InvalidRangeError(`Ranges are limited to ${MAX_RANGE_DAYS} days`);
  }
  // The previous period (for comparisons) must fit the tables too; `to` is exclusive.
  if (!storableInstant(new Date(2 * from.getTime() - to.getTime())) || !storableInstant(new Date(to.getTime() - 1))) {
    throw new InvalidRangeError('The range and the period before it must lie within the years 1900–2299');
  }
  return { from, to, timezone };
}
