import { createHash } from 'node:crypto';
import { z } from 'zod';

// Feature flag evaluation, pure (no I/O) so the API and the ingest service share it.

export const RULE_OPERATORS = ['EQUALS', 'CONTAINS', 'STARTS_WITH', 'ENDS_WITH', 'IN', 'NOT_IN', 'EXISTS'] as const;
export const RULE_ATTRIBUTES = ['USER_ID', 'EMAIL', 'PROPERTY'] as const;

/** A targeting rule as stored in `flags.rules`: who it matches and what they get. */
export const flagRule = z
  .object({
    attribute: z.enum(RULE_ATTRIBUTES),
    /** Property name, for attribute PROPERTY. */
    property: z.string().min(1).max(200).nullish(),
    operator: z.enum(RULE_OPERATORS),
    values: z.array(z.string().max(1000)).max(1000).default([]),
    /** Value served on a match (default true); for multivariant flags, `variant` instead. */
    value: z.json().nullish(),
    variant: z.string().nullish(),
  })
  .refine((rule) => rule.attribute !== 'PROPERTY' || rule.property, { message: 'property rules need a property name' })
  .refine((rule) => rule.operator === 'EXISTS' || rule.values.length > 0, {
    message: 'needs at least one value',
    path: ['values'],
  });
export type FlagRule = z.infer<typeof flagRule>;

/** A variant of a multivariant flag; weights of a flag's variants add up to 100. */
export const flagVariant = z.object({
  key: z.string().min(1).max(100),
  weight: z.number().min(0).max(100),
  /** Value served with the variant (default: the key). */
  value: z.json().nullish(),
});
export type FlagVariant = z.infer<typeof flagVariant>;

/** What evaluation needs of a stored flag. */
export interface EvaluableFlag {
  key: string;
  type: 'BOOLEAN' | 'ROLLOUT' | 'MULTIVARIANT';
  status: 'ACTIVE' | 'INACTIVE' | 'ARCHIVED';
  defaultValue: unknown;
  payload: unknown;
  rules: FlagRule[];
  rolloutPercentage: number;
  rolloutBy: string | null;
  /** Bucket by the anonymous id even after sign-in, so a visitor keeps what it saw before. */
  persistAcrossAuth: boolean;
  variants: FlagVariant[];
  dependencies: string[];
}

export interface FlagContext {
  userId?: string | null;
  anonymousId?: string | null;
  email?: string | null;
  properties?: Record<string, unknown> | null;
}

export type FlagReason =
  | 'DISABLED'
  | 'DEPENDENCY_NOT_MET'
  | 'RULE_MATCH'
  | 'DEFAULT'
  | 'ROLLOUT_INCLUDED'
  | 'ROLLOUT_EXCLUDED'
  | 'NO_IDENTITY'
  | 'VARIANT';

export interface FlagResult {
  key: string;
  /** Whether the flag is on: its value is neither false nor null. */
  enabled: boolean;
  value: unknown;
  variant: string | null;
  payload: unknown;
  reason: FlagReason;
}

/** Uniform in [0, 1): the first 52 bits of SHA-256(salt:id), so buckets are stable and independent per flag. */
export function bucket(salt: string, id: string): number {
  return Number(createHash('sha256').update(`${salt}:${id}`).digest().readBigUInt64BE() >> 12n) / 2 ** 52;
}

function attributeOf(rule: FlagRule, context: FlagContext): unknown {
  if (rule.attribute === 'USER_ID') return context.userId;
  if (rule.attribute === 'EMAIL') return context.email ?? context.properties?.email;
  return context.properties?.[rule.property ?? ''];
}

export function ruleMatches(rule: FlagRule, context: FlagContext): boolean {
  const raw = attributeOf(rule, context);
  const present = raw !== undefined && raw !== null && raw !== '';
  if (rule.operator === 'EXISTS') return present;
  if (rule.operator === 'NOT_IN') return !present || !rule.values.includes(String(raw));
  if (!present) return false;
  // Emails compare case-insensitively; everything else exactly.
  const fold = (s: string) => (rule.attribute === 'EMAIL' ? s.toLowerCase() : s);
  const actual = fold(typeof raw === 'string' ? raw : JSON.stringify(raw));
  const values = rule.values.map(fold);
  switch (rule.operator) {
    case 'EQUALS':
    case 'IN':
      return values.includes(actual);
    case 'CONTAINS':
      return values.some((value) => actual.includes(value));
    case 'STARTS_WITH':
      return values.some((value) => actual.startsWith(value));
    case 'ENDS_WITH':
      return values.some((value) => actual.endsWith(value));
  }
}

/**
 * Who a flag buckets: the user id (the anonymous id before sign-in); the anonymous id first for
 * flags that persist across sign-in; only the anonymous id for rollouts by anonymous visitor.
 */
function identity(flag: EvaluableFlag, context: FlagContext): string | null {
  if (flag.rolloutBy === 'anonymous') return context.anonymousId || null;
  if (flag.persistAcrossAuth) return context.anonymousId || context.userId || null;
  return context.userId || context.anonymousId || null;
}

export function pickVariant(flag: EvaluableFlag, id: string): FlagVariant | null {
  const total = flag.variants.reduce((sum, variant) => sum + variant.weight, 0);
  if (total <= 0) return null;
  let point = bucket(`${flag.key}:variant`, id) * total;
  for (const variant of flag.variants) {
    if (point < variant.weight) return variant;
    point -= variant.weight;
  }
  return flag.variants.at(-1) ?? null;
}

function result(flag: EvaluableFlag, reason: FlagReason, value: unknown, variant: string | null = null): FlagResult {
  const enabled = value !== false && value !== null && value !== undefined;
  return { key: flag.key, enabled, value: value ?? null, variant, payload: enabled ? flag.payload : null, reason };
}

function evaluateOne(flag: EvaluableFlag, context: FlagContext, enabled: (key: string) => boolean): FlagResult {
  if (flag.status !== 'ACTIVE') return result(flag, 'DISABLED', false);
  if (!flag.dependencies.every(enabled)) return result(flag, 'DEPENDENCY_NOT_MET', false);
  const id = identity(flag, context);
  const rule = flag.rules.find((candidate) => ruleMatches(candidate, context));
  if (rule) {
    if (flag.type === 'MULTIVARIANT') {
      const variant =
        flag.variants.find((candidate) => candidate.key === rule.variant) ?? (id ? pickVariant(flag, id) : null);
      if (variant) return result(flag, 'RULE_MATCH', variant.value ?? variant.key, variant.key);
    } else {
      return result(flag, 'RULE_MATCH', rule.value ?? true);
    }
  }
  switch (flag.type) {
    case 'BOOLEAN':
      return result(flag, 'DEFAULT', flag.defaultValue);
    case 'ROLLOUT':
      if (!id) return result(flag, 'NO_IDENTITY', false);
      return bucket(flag.key, id) < flag.rolloutPercentage / 100
        ? result(flag, 'ROLLOUT_INCLUDED', true)
        : result(flag, 'ROLLOUT_EXCLUDED', false);
    case 'MULTIVARIANT': {
      if (!id) return result(flag, 'NO_IDENTITY', flag.defaultValue);
      const variant = pickVariant(flag, id);
      return variant
        ? result(flag, 'VARIANT', variant.value ?? variant.key, variant.key)
        : result(flag, 'DEFAULT', flag.defaultValue);
    }
  }
}

/**
 * Evaluates every flag for one visitor. A flag whose dependency is missing, off, or part of a
 * cycle (saving rejects cycles; this only guards old data) is off.
 */
export function evaluateFlags(flags: EvaluableFlag[], context: FlagContext): FlagResult[] {
  const byKey = new Map(flags.map((flag) => [flag.key, flag]));
  const done = new Map<string, FlagResult>();
  const visiting = new Set<string>();
  const evaluate = (flag: EvaluableFlag): FlagResult => {
    const cached = done.get(flag.key);
    if (cached) return cached;
    visiting.add(flag.key);
    const enabled = (key: string) => {
      const dependency = byKey.get(key);
      return dependency !== undefined && !visiting.has(key) && evaluate(dependency).enabled;
    };
    const outcome = evaluateOne(flag, context, enabled);
    visiting.delete(flag.key);
    done.set(flag.key, outcome);
    return outcome;
  };
  return flags.map(evaluate);
}

/** A dependency cycle among flags (keys, the first repeated at the end), searched from `from` first; or null. */
export function findDependencyCycle(dependencies: Map<string, string[]>, from?: string): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (key: string): string[] | null => {
    if (state.get(key) === 'done') return null;
    if (state.get(key) === 'visiting') return [...path.slice(path.indexOf(key)), key];
    state.set(key, 'visiting');
    path.push(key);
    for (const next of dependencies.get(key) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(key, 'done');
    return null;
  };
  for (const key of from ? [from, ...dependencies.keys()] : dependencies.keys()) {
    const cycle = visit(key);
    if (cycle) return cycle;
  }
  return null;
}
