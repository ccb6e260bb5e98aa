import { describe, expect, it } from 'vitest';
import { batchEnvelope, describeIssues, parseBatchEnvelope, parseTrackerEvent, trackerEvent } from './contract.ts';

/**
 * zod also measures an array given for a string with .min(): "expected string, received array"
 * is followed by "Too small: expected array to have >=1 items". parseTrackerEvent stops at the
 * first, so that follow-up is the one difference allowed.
 */
const withoutArrayLengthIssues = <T extends { message: string }>(issues: readonly T[]) =>
  issues.filter((issue) => !/^Too (small|big): expected array/.test(issue.message));

/** parseTrackerEvent must agree with the zod schema it stands in for: outcome, data and every issue. */
function expectSameAsZod(raw: unknown) {
  const zod = trackerEvent.safeParse(raw);
  const fast = parseTrackerEvent(raw);
  const label = JSON.stringify(raw)?.slice(0, 300);
  expect(fast.success, label).toBe(zod.success);
  if (zod.success && fast.success) expect(fast.data, label).toEqual(zod.data);
  if (!zod.success && !fast.success) {
    expect(
      fast.error.issues.map((i) => [i.path, i.message]),
      label,
    ).toEqual(withoutArrayLengthIssues(zod.error.issues).map((i) => [i.path, i.message]));
  }
}

const valid = {
  screen_view: { loadTime: 812, domReadyTime: 900, ttfb: 95, renderTime: 0, domainLookupTime: 3 },
  page_exit: { timeOnPage: 42.5, scrollDepth: 80, interactionCount: 7, pageCount: 3 },
  custom: { name: 'signup', properties: { plan: 'pro', seats: 3, nested: { a: [1, 2] } } },
  outgoing_link: { href: 'https://github.com/x', text: 'GitHub' },
  vital: { metric: 'LCP', value: 2310.5, viewId: '0c2b6f1e-6f3a-4c55-9d38-5b8f3e1d2a10' },
  error: { message: 'TypeError: x', filename: 'app.js', lineno: 10, colno: 5, stack: 'at f', errorType: 'TypeError' },
};
const context = {
  eventId: '3b241101-e2bb-4255-8caf-4136c566a962',
  anonymousId: 'anon-1',
  sessionId: 'sess-1',
  sessionStartTime: 1_760_000_000_000,
  timestamp: 1_760_000_100_000,
  url: 'https://example.com/pricing?utm_source=x',
  path: '/pricing',
  title: 'Pricing',
  referrer: 'https://news.ycombinator.com/',
  screenResolution: '1920x1080',
  viewportSize: '1280x720',
  language: 'en-GB',
  timezone: 'Europe/London',
  connectionType: '4g',
  rtt: 50,
  downlink: 10.5,
};
const TYPES = Object.keys(valid) as (keyof typeof valid)[];
const full = (type: keyof typeof valid) => ({ type, ...context, ...valid[type] });

/** Values around every limit in the contract, of every JSON type. */
const lengths = [0, 1, 2, 31, 32, 33, 34, 35, 36, 63, 64, 65, 127, 128, 129, 255, 256, 257, 511, 512, 513];
const longLengths = [2047, 2048, 2049, 8191, 8192, 8193, 9000];
const numbers = [0, -0, 1, -1, 0.5, -0.5, 1.5, 100, 100.5, 101, 254, 255, 256, 32_767, 32_768, 86_400, 86_400.5];
const bigNumbers = [100_000, 100_001, 600_000, 600_000.5, 3_600_000, 3_600_001, 1e7, 1e7 + 1, 1e13, 1e13 + 1];
const extremes = [2 ** 53 - 1, 2 ** 53, 1e20, -(2 ** 53), -1e20, -1e300, Number.NaN, Number.POSITIVE_INFINITY];
const VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  [],
  ['x'],
  {},
  { a: 1 },
  '',
  '5',
  ' ',
  'LCP',
  'lcp',
  'TTFB',
  'FPS',
  'é'.repeat(40),
  ...[...lengths, ...longLengths].map((n) => 'x'.repeat(n)),
  ...numbers,
  ...bigNumbers,
  ...extremes,
  Number.NEGATIVE_INFINITY,
];

describe('parseTrackerEvent agrees with trackerEvent', () => {
  it('on a complete valid event of each type, and on the minimal one', () => {
    for (const type of TYPES) {
      expectSameAsZod(full(type));
      expectSameAsZod({ type, eventId: 'e', ...(type === 'screen_view' || type === 'page_exit' ? {} : valid[type]) });
      expect(parseTrackerEvent(full(type)).success).toBe(true);
    }
  });

  it('on every field of every type set to every probe value', () => {
    for (const option of trackerEvent.options) {
      const type = option.shape.type.value;
      for (const key of [...Object.keys(option.shape), 'unknownKey']) {
        for (const value of VALUES) expectSameAsZod({ ...full(type), [key]: value });
      }
    }
  });

  it('on values of the wrong shape and unknown types', () => {
    for (const raw of [null, undefined, 'x', 5, true, [], [full('vital')], {}, { type: 'nope' }, { type: 5 }]) {
      expectSameAsZod(raw);
    }
    for (const type of ['constructor', '__proto__', 'toString', 'SCREEN_VIEW', '']) expectSameAsZod({ type });
  });

  it('on custom properties, delegated to their schema (keys, size, __proto__)', () => {
    const withProperties = (properties: unknown) => ({ ...full('custom'), properties });
    for (const properties of [
      {},
      [],
      null,
      'x',
      { ['k'.repeat(128)]: 1 },
      { ['k'.repeat(129)]: 1, ok: 2 },
      { big: 'x'.repeat(8180) },
      { big: 'x'.repeat(8200) },
      JSON.parse('{"__proto__":{"x":1},"y":2}'),
    ]) {
      expectSameAsZod(withProperties(properties));
    }
  });

  it('on many random events, many of them with several issues', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    for (let i = 0; i < 3000; i++) {
      const option = pick(trackerEvent.options);
      const event: Record<string, unknown> = { ...full(option.shape.type.value) };
      const keys = Object.keys(option.shape);
      for (let changes = Math.floor(random() * 8); changes > 0; changes--) {
        const key = pick(keys);
        if (random() < 0.2) delete event[key];
        else event[key] = key === 'type' && random() < 0.7 ? pick(TYPES) : pick(VALUES);
      }
      expectSameAsZod(event);
    }
  });

  it('words issues readably', () => {
    const parsed = parseTrackerEvent({ type: 'vital', eventId: '', metric: 'XYZ', value: -5, rtt: 1.5 });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(describeIssues(parsed.error)).toBe(
        'eventId: Too small: expected string to have >=1 characters; rtt: Invalid input: expected int, received number; ' +
          'metric: Invalid option: expected one of "LCP"|"FCP"|"CLS"|"INP"|"TTFB"|"FPS"; value: Too small: expected number to be >=0',
      );
    }
  });
});

it('parseBatchEnvelope agrees with batchEnvelope', () => {
  const events = (n: number) => Array.from({ length: n }, () => ({}));
  const inputs = [
    { clientId: 'site', events: events(1) },
    { clientId: 'x'.repeat(128), events: events(100), extra: 1 },
    { clientId: 'x'.repeat(129), events: events(1) },
    { clientId: '', events: events(1) },
    { clientId: 'site', events: events(0) },
    { clientId: 'site', events: events(101) },
    { clientId: 7, events: events(1) },
    { clientId: 'site', events: {} },
    { clientId: 'site' },
    [],
    null,
    'text',
  ];
  for (const input of inputs) {
    const fast = parseBatchEnvelope(input);
    const schema = batchEnvelope.safeParse(input);
    expect(fast.success, JSON.stringify(input).slice(0, 40)).toBe(schema.success);
    if (fast.success) expect(fast.data).toEqual(schema.data);
  }
});
