import { RE2JS } from 're2js';

/**
 * Checks a regular expression against RE2's grammar before it reaches ClickHouse, whose `match`
 * compiles with RE2 and fails the whole query on a bad pattern. Without this check a lone `\`
 * even matches every row: ClickHouse reads a pattern without metacharacters as a plain substring
 * and drops the trailing backslash, leaving the empty string.
 *
 * re2js is RE2's grammar in plain JavaScript (RE2/J's port). re2-wasm, RE2 itself in WebAssembly,
 * was tried and refused: its heap is fixed at 16 MB, so a nine-character `\pL{1000}` aborts the
 * module (unusable afterwards) after ~3 s of blocked event loop.
 *
 * Size is bounded too, before ClickHouse finds it `pattern too large`: RE2 compiles each character
 * class to UTF-8 byte ranges, so what ClickHouse refuses grows with the classes' ranges times their
 * repetitions (`\pL{300}` compiles there, `\pL{500}` does not). RE2_LIMITS.classRanges, summed over
 * re2js's compiled program (rune ranges per instruction), stays under every refusal measured with
 * chDB (the smallest refused sums were ~340,000). Counted repetitions are bounded first, so the
 * check itself stays in milliseconds. Whatever still slips through, the API answers ClickHouse's
 * refusal as the client's error (see isRefusedPattern).
 */
export const RE2_LIMITS = { repetitions: 1000, classRanges: 200_000 } as const;

/** re2js's compiled program (internal, stable within the pinned version): its instructions' rune ranges. */
type Compiled = { re2Input: { prog: { inst: { runes?: number[] }[] } } };

/** Why RE2 (as ClickHouse runs it) refuses `pattern`, or null when it compiles. */
export function re2Error(pattern: string): string | null {
  let repetitions = 0;
  for (const [, min, comma, max] of pattern.matchAll(/\{(\d+)(,?)(\d*)\}/g)) {
    repetitions += Number(comma && max ? max : min);
  }
  if (repetitions > RE2_LIMITS.repetitions) return `counted repetitions add up to more than ${RE2_LIMITS.repetitions}`;
  let compiled: Compiled;
  try {
    compiled = RE2JS.compile(pattern) as unknown as Compiled;
  } catch (error) {
    return (error as Error).message.replace(/^error parsing regexp: /, '');
  }
  let ranges = 0;
  for (const inst of compiled.re2Input.prog.inst) ranges += Math.max(1, (inst.runes?.length ?? 0) / 2);
  return ranges > RE2_LIMITS.classRanges ? 'pattern too large' : null;
}

/** ClickHouse refused a pattern this check let through (CANNOT_COMPILE_REGEXP, e.g. `pattern too large`). */
export function isRefusedPattern(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '427';
}
