import { randomBytes } from 'node:crypto';

/**
 * Remembers recently accepted event ids so a retried request stores its events once. Two
 * generations rotate every window: an id is remembered for one to two windows, and memory stays
 * bounded by the ids seen in two windows (or `maxIds`, which rotates early).
 *
 * Ids are kept as 64-bit fingerprints of (scope, id) in typed arrays, not as strings in Sets:
 * a million live strings cost the garbage collector more than anything else ingest does per
 * event (measured: the pipeline with its sink discarded ran up to ~25% faster with no dedupe at
 * all than with Sets of id strings; a claim here is also cheaper than a Set insert). Two
 * different ids share a fingerprint with odds of about 1 in 10^12 per event at two million ids;
 * the hash is seeded per process, so nobody can aim a collision at someone else's id.
 * Per process: with several replicas, a retry that lands elsewhere is not caught here.
 */
export class RecentIds {
  private current = new FingerprintSet();
  private previous = new FingerprintSet();
  private rotatedAt: number;

  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly maxIds = 1_000_000,
    private readonly now: () => number = Date.now,
  ) {
    this.rotatedAt = now();
  }

  /** Claims an id; false if it was claimed recently in the same scope (a duplicate). */
  claim(scope: string, id: string): boolean {
    const now = this.now();
    if (now - this.rotatedAt >= this.windowMs || this.current.size >= this.maxIds) {
      this.previous = this.current;
      this.current = new FingerprintSet();
      this.rotatedAt = now;
    }
    fingerprint(scope, id);
    return !this.previous.has(high, low) && this.current.add(high, low);
  }

  /** Forgets an id whose write failed, so the client's retry is accepted. */
  release(scope: string, id: string): void {
    fingerprint(scope, id);
    this.current.delete(high, low);
    this.previous.delete(high, low);
  }
}

/** Ids a request claimed in one scope: released if its rows cannot be stored. */
export interface Claims {
  scope: string;
  ids: string[];
}

const seed = randomBytes(8);
const SEED_HIGH = seed.readUInt32LE(0);
const SEED_LOW = seed.readUInt32LE(4);
/** The last fingerprint computed; its low half is odd, never zero (zero marks a free slot). */
let high = 0;
let low = 0;
/** The two hash states while a fingerprint is computed. */
let laneA = 0;
let laneB = 0;

/**
 * A 64-bit fingerprint of scope and id: MurmurHash3 (x86, 32-bit) twice, with two random seeds,
 * over the UTF-16 code units of scope, a separator and id, one code unit per block.
 */
function fingerprint(scope: string, id: string): void {
  laneA = SEED_HIGH;
  laneB = SEED_LOW;
  feed(scope);
  // The separator (0x10000, not a code unit) keeps ("ab", "c") apart from ("a", "bc").
  mix(block(0x10000));
  feed(id);
  const length = scope.length + id.length + 1;
  high = fmix32(laneA ^ length) >>> 0;
  low = (fmix32(laneB ^ length) | 1) >>> 0;
}

function feed(text: string): void {
  let a = laneA;
  let b = laneB;
  for (let i = 0; i < text.length; i++) {
    const k = block(text.charCodeAt(i));
    a = round(a ^ k);
    b = round(b ^ k);
  }
  laneA = a;
  laneB = b;
}

function mix(k: number): void {
  laneA = round(laneA ^ k);
  laneB = round(laneB ^ k);
}

function block(c: number): number {
  const k = Math.imul(c, 0xcc9e2d51);
  return Math.imul((k << 15) | (k >>> 17), 0x1b873593);
}

function round(h: number): number {
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * A set of 64-bit fingerprints: open addressing with linear probing, at most half full. Slot i
 * holds its two halves at 2i and 2i + 1 (one cache line for both); a zero low half is a free slot.
 */
class FingerprintSet {
  size = 0;
  private slots = new Uint32Array(2 << 12);

  has(h: number, l: number): boolean {
    return this.slotOf(h, l) >= 0;
  }

  /** Adds a fingerprint; false if it was there already. */
  add(h: number, l: number): boolean {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    let slot = h & mask;
    while (slots[2 * slot + 1] !== 0) {
      if (slots[2 * slot + 1] === l && slots[2 * slot] === h) return false;
      slot = (slot + 1) & mask;
    }
    slots[2 * slot] = h;
    slots[2 * slot + 1] = l;
    if (++this.size * 4 > slots.length) this.grow();
    return true;
  }

  delete(h: number, l: number): void {
    let gap = this.slotOf(h, l);
    if (gap < 0) return;
    this.size--;
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    // Backward-shift deletion: later entries of the probe run move into the gap, so no lookup
    // stops early at it.
    for (let next = (gap + 1) & mask; slots[2 * next + 1] !== 0; next = (next + 1) & mask) {
      const home = (slots[2 * next] as number) & mask;
      // It moves unless its home lies after the gap (within (gap, next]).
      if (((next - home) & mask) >= ((next - gap) & mask)) {
        slots[2 * gap] = slots[2 * next] as number;
        slots[2 * gap + 1] = slots[2 * next + 1] as number;
        gap = next;
      }
    }
    slots[2 * gap] = 0;
    slots[2 * gap + 1] = 0;
  }

  private slotOf(h: number, l: number): number {
    const { slots } = this;
    const mask = (slots.length >> 1) - 1;
    for (let slot = h & mask; slots[2 * slot + 1] !== 0; slot = (slot + 1) & mask) {
      if (slots[2 * slot + 1] === l && slots[2 * slot] === h) return slot;
    }
    return -1;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Uint32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let i = 0; i < old.length; i += 2) {
      const l = old[i + 1] as number;
      if (l === 0) continue;
      const h = old[i] as number;
      let slot = h & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = h;
      slots[2 * slot + 1] = l;
    }
    this.slots = slots;
  }
}
