/**
 * Deepest nesting a JSON value may have when a client sends it (API `JSON` arguments, ingest
 * bodies). Validators (zod), JSON.stringify and Prisma all recurse, so a 20,000-level value would
 * overflow the stack in whichever touches it first; legitimate settings and properties are a few
 * levels deep.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `value` nests arrays/objects deeper than `max` levels. Safe for any depth: the
 * recursion stops at `max` levels. (Recursing over plain loops is ~4x cheaper than an explicit
 * stack here, and this runs on every ingest body.)
 */
export function nestedDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (max === 0) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestedDeeperThan(item, max - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (nestedDeeperThan((value as Record<string, unknown>)[key], max - 1)) return true;
  }
  return false;
}
