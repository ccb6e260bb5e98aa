import { describe, expect, it } from 'vitest';
import { type EvaluableFlag, evaluateFlags, type FlagRule, findDependencyCycle, ruleMatches } from './evaluate.ts';

const flag = (overrides: Partial<EvaluableFlag>): EvaluableFlag => ({
  key: 'f',
  type: 'BOOLEAN',
  status: 'ACTIVE',
  defaultValue: false,
  payload: null,
  rules: [],
  rolloutPercentage: 0,
  rolloutBy: null,
  persistAcrossAuth: false,
  variants: [],
  dependencies: [],
  ...overrides,
});
const ids = Array.from({ length: 100_000 }, (_, i) => `visitor-${i}`);
const rule = (r: Partial<FlagRule>): FlagRule => ({
  attribute: 'PROPERTY',
  property: 'plan',
  operator: 'EQUALS',
  values: [],
  ...r,
});

describe('rules', () => {
  const context = { userId: 'u1', email: 'Ann@Example.com', properties: { plan: 'pro', seats: 12 } };
  it.each([
    [rule({ values: ['pro'] }), true],
    [rule({ values: ['free'] }), false],
    [rule({ operator: 'CONTAINS', values: ['r'] }), true],
    [rule({ operator: 'STARTS_WITH', values: ['pr'] }), true],
    [rule({ operator: 'ENDS_WITH', values: ['ro'] }), true],
    [rule({ operator: 'IN', values: ['free', 'pro'] }), true],
    [rule({ operator: 'NOT_IN', values: ['free', 'pro'] }), false],
    [rule({ operator: 'NOT_IN', property: 'missing', values: ['x'] }), true],
    [rule({ operator: 'EXISTS', property: 'seats' }), true],
    [rule({ operator: 'EXISTS', property: 'missing' }), false],
    [rule({ property: 'seats', values: ['12'] }), true],
    [rule({ attribute: 'USER_ID', values: ['u1'] }), true],
    [rule({ attribute: 'EMAIL', operator: 'ENDS_WITH', values: ['@example.com'] }), true],
  ])('%o matches: %s', (r, expected) => expect(ruleMatches(r, context)).toBe(expected));
});

describe('evaluation', () => {
  it('serves the default, then the rule value when a rule matches', () => {
    const f = flag({ rules: [rule({ values: ['pro'], value: 'gold' })] });
    expect(evaluateFlags([f], { properties: { plan: 'free' } })[0]).toMatchObject({ value: false, reason: 'DEFAULT' });
    expect(evaluateFlags([f], { properties: { plan: 'pro' } })[0]).toMatchObject({
      value: 'gold',
      reason: 'RULE_MATCH',
    });
  });

  it('is off when inactive or when a dependency is off, and follows dependencies in any order', () => {
    const base = flag({ key: 'base', defaultValue: true });
    const child = flag({ key: 'child', defaultValue: true, dependencies: ['base'] });
    expect(evaluateFlags([child, base], {}).map((r) => r.reason)).toEqual(['DEFAULT', 'DEFAULT']);
    const off = evaluateFlags([child, { ...base, status: 'INACTIVE' }], {});
    expect(off.map((r) => [r.reason, r.enabled])).toEqual([
      ['DEPENDENCY_NOT_MET', false],
      ['DISABLED', false],
    ]);
    const looped = evaluateFlags(
      [flag({ key: 'a', dependencies: ['b'] }), flag({ key: 'b', dependencies: ['a'] })],
      {},
    );
    expect(looped.every((r) => !r.enabled)).toBe(true);
  });

  it('buckets deterministically, by anonymous id before sign-in, and needs an identity', () => {
    const f = flag({ type: 'ROLLOUT', rolloutPercentage: 50 });
    const once = evaluateFlags([f], { anonymousId: 'a1' })[0];
    expect(evaluateFlags([f], { anonymousId: 'a1' })[0]).toEqual(once);
    expect(evaluateFlags([f], {})[0]?.reason).toBe('NO_IDENTITY');
    // Anonymous visitors are spread over the rollout, not lumped together.
    const on = ids.slice(0, 1000).filter((id) => evaluateFlags([f], { anonymousId: id })[0]?.enabled).length;
    expect(on).toBeGreaterThan(400);
    expect(on).toBeLessThan(600);
  });

  it('keeps the anonymous bucket after sign-in only for flags that persist across auth', () => {
    const f = flag({ type: 'ROLLOUT', rolloutPercentage: 50 });
    const anonymous = ids.filter((id) => evaluateFlags([f], { anonymousId: id })[0]?.enabled);
    const signedIn = (persistAcrossAuth: boolean) =>
      anonymous.filter(
        (id, i) => evaluateFlags([{ ...f, persistAcrossAuth }], { anonymousId: id, userId: `user-${i}` })[0]?.enabled,
      ).length;
    expect(signedIn(true)).toBe(anonymous.length);
    expect(signedIn(false)).toBeLessThan(anonymous.length * 0.6);
  });

  it('a 30% rollout lands within ±2% over 100k ids', () => {
    const f = flag({ key: 'new-checkout', type: 'ROLLOUT', rolloutPercentage: 30 });
    const on = ids.filter((id) => evaluateFlags([f], { userId: id })[0]?.enabled).length;
    expect(Math.abs(on / ids.length - 0.3)).toBeLessThan(0.02);
  });

  it('variant weights hold within ±2% over 100k ids', () => {
    const f = flag({
      key: 'pricing-test',
      type: 'MULTIVARIANT',
      variants: [
        { key: 'control', weight: 50 },
        { key: 'cheap', weight: 30, value: 9 },
        { key: 'premium', weight: 20 },
      ],
    });
    const counts = new Map<string, number>();
    for (const id of ids) {
      const variant = evaluateFlags([f], { userId: id })[0]?.variant as string;
      counts.set(variant, (counts.get(variant) ?? 0) + 1);
    }
    expect(Math.abs((counts.get('control') ?? 0) / ids.length - 0.5)).toBeLessThan(0.02);
    expect(Math.abs((counts.get('cheap') ?? 0) / ids.length - 0.3)).toBeLessThan(0.02);
    expect(Math.abs((counts.get('premium') ?? 0) / ids.length - 0.2)).toBeLessThan(0.02);
    expect(
      evaluateFlags([f], { userId: ids.find((id) => evaluateFlags([f], { userId: id })[0]?.variant === 'cheap') })[0]
        ?.value,
    ).toBe(9);
  });
});

describe('findDependencyCycle', () => {
  it('finds a cycle and accepts a DAG', () => {
    expect(
      findDependencyCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findDependencyCycle(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
  });
});
