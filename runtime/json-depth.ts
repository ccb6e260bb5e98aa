/**
 * Deepest nesting a JSON value may have when a client sends it (API `JSON` arguments, ingest
 * bodies). Validators (zod), JSON.stringify and Prisma all recurse, so a 20,000-level value would
 * overflow the stack in whichever touches it first; legitimate settings and properties are a few
 * levels deep.
 */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests arrays/objects deeper than `max` levels. Iterative: any depth is safe to ask about. */
export function nestedDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [item, depth] = next;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}
