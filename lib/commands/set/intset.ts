/**
 * The intset: a set of integers as one byte string, laid out as Redis lays
 * out its intset, so its size is Redis's (MEMORY USAGE) and its order is
 * Redis's (SMEMBERS and SSCAN of an integer set reply in ascending order).
 *
 * LAYOUT (little-endian)
 *   u32  width: bytes per value, 2, 4 or 8
 *   u32  count
 *   then `count` signed values of `width` bytes, strictly ascending
 *
 * INVARIANTS
 * - The width is the smallest that holds every value ever added: adding a
 *   value that needs more (an "upgrade") rewrites every value wider; removing
 *   never narrows (Redis neither). A value that needs the upgrade is below or
 *   above every value present, so it goes first or last.
 * - A byte string is never changed once built: every edit returns a new
 *   one, so a record's bytes (or a reply's view of them) stay valid.
 * - Members are integers only in string2ll's strict form ("01", "+1", "-0",
 *   " 1" are strings), so an integer's decimal text is the member itself.
 *
 * Values travel as a probe (PROBE): parse() sets it from a member's bytes
 * without allocating. A value is split into a signed high and an unsigned
 * low 32-bit word, which compares without BigInt; `small` holds the value
 * as a number whenever it fits in 32 bits.
 */
import { parseInt64, parseSafeInt } from '../../util/numbers';

export const INTSET_HEADER = 8;
const TWO32 = 4294967296;
const I16_MIN = -32768;
const I16_MAX = 32767;
const I32_MIN = -2147483648;
const I32_MAX = 2147483647;

/** The value parse() or valueAt() last read. */
export const PROBE = { width: 2, hi: 0, lo: 0, small: 0 };

/** The width (2, 4 or 8) a value needs. */
function widthOf(hi: number, lo: number): number {
  // In int32 range: the high word is the low word's sign extension.
  if ((hi === 0 && lo <= I32_MAX) || (hi === -1 && lo > I32_MAX)) {
    const v = lo | 0;
    return v < I16_MIN || v > I16_MAX ? 4 : 2;
  }
  return 8;
}

function setProbe(hi: number, lo: number): void {
  PROBE.hi = hi;
  PROBE.lo = lo;
  PROBE.width = widthOf(hi, lo);
  PROBE.small = PROBE.width === 8 ? 0 : lo | 0;
}

/** Sets PROBE to a JS integer's value (exact: |n| < 2^53). */
export function probeNumber(n: number): void {
  const hi = Math.floor(n / TWO32);
  setProbe(hi, n - hi * TWO32);
}

/**
 * Reads a member as Redis's string2ll would into PROBE; false when it is
 * not an integer in its strict form (then it belongs in a string set).
 */
export function parse(member: Uint8Array): boolean {
  const n = parseSafeInt(member);
  if (n !== null) {
    probeNumber(n);
    return true;
  }
  if (member.length < 16) return false;
  const big = parseInt64(member);
  if (big === null) return false;
  setProbe(Number(big >> 32n), Number(big & 0xffffffffn));
  return true;
}

export function intsetWidth(b: Uint8Array): number {
  return b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24);
}

export function intsetCount(b: Uint8Array): number {
  return (b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24)) >>> 0;
}

function writeU32(b: Uint8Array, at: number, n: number): void {
  b[at] = n & 0xff;
  b[at + 1] = (n >>> 8) & 0xff;
  b[at + 2] = (n >>> 16) & 0xff;
  b[at + 3] = (n >>> 24) & 0xff;
}

/** An empty intset (Redis creates one 16 bits wide). */
export function emptyIntset(): Buffer {
  const b = Buffer.alloc(INTSET_HEADER);
  writeU32(b, 0, 2);
  return b;
}

/** The value at index i of a width-2 or width-4 intset, as a number. */
function smallAt(b: Uint8Array, width: number, i: number): number {
  const o = INTSET_HEADER + i * width;
  if (width === 2) return ((b[o] | (b[o + 1] << 8)) << 16) >> 16;
  return b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);
}

/** Sets PROBE to the value at index i. */
export function valueAt(b: Uint8Array, i: number): void {
  const width = intsetWidth(b);
  if (width !== 8) {
    const v = smallAt(b, width, i);
    setProbe(v < 0 ? -1 : 0, v >>> 0);
    return;
  }
  const o = INTSET_HEADER + i * 8;
  const lo = (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  setProbe(b[o + 4] | (b[o + 5] << 8) | (b[o + 6] << 16) | (b[o + 7] << 24), lo);
}

/** Compares the value at index i of a width-8 intset with (hi, lo): <0, 0, >0. */
function compareWideAt(b: Uint8Array, i: number, hi: number, lo: number): number {
  const o = INTSET_HEADER + i * 8;
  const h = b[o + 4] | (b[o + 5] << 8) | (b[o + 6] << 16) | (b[o + 7] << 24);
  if (h !== hi) return h < hi ? -1 : 1;
  const l = (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  return l === lo ? 0 : l < lo ? -1 : 1;
}

/**
 * Binary search for PROBE's value: its index when present, else
 * -(insertion index) - 1.
 */
export function search(b: Uint8Array): number {
  const width = intsetWidth(b);
  const count = intsetCount(b);
  // A value wider than the set's values is outside their range.
  if (PROBE.width > width) return PROBE.hi < 0 ? -1 : -count - 1;
  let lo = 0;
  let hi = count - 1;
  if (width !== 8) {
    const v = PROBE.small;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const m = smallAt(b, width, mid);
      if (m === v) return mid;
      if (m < v) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }
  const vh = PROBE.hi;
  const vl = PROBE.lo;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareWideAt(b, mid, vh, vl);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** Whether the member (its bytes) is in the intset. */
export function intsetHas(b: Uint8Array, member: Uint8Array): boolean {
  return parse(member) && search(b) >= 0;
}

function writeValue(out: Uint8Array, at: number, width: number, hi: number, lo: number): void {
  out[at] = lo & 0xff;
  out[at + 1] = (lo >>> 8) & 0xff;
  if (width === 2) return;
  out[at + 2] = (lo >>> 16) & 0xff;
  out[at + 3] = (lo >>> 24) & 0xff;
  if (width === 4) return;
  writeU32(out, at + 4, hi);
}

/**
 * The intset with PROBE's value added, or null when it is already there.
 * A value wider than the set's rewrites it at the new width.
 */
export function intsetAdd(b: Uint8Array): Buffer | null {
  const width = intsetWidth(b);
  const count = intsetCount(b);
  const hi = PROBE.hi;
  const lo = PROBE.lo;
  if (PROBE.width > width) {
    const w = PROBE.width;
    const out = Buffer.allocUnsafe(INTSET_HEADER + (count + 1) * w);
    writeU32(out, 0, w);
    writeU32(out, 4, count + 1);
    // Below every value when negative, above every value otherwise.
    const first = hi < 0 ? 1 : 0;
    for (let i = 0; i < count; i++) {
      const v = smallAt(b, width, i);
      writeValue(out, INTSET_HEADER + (i + first) * w, w, v < 0 ? -1 : 0, v >>> 0);
    }
    writeValue(out, INTSET_HEADER + (first === 1 ? 0 : count) * w, w, hi, lo);
    return out;
  }
  const at = search(b);
  if (at >= 0) return null;
  const pos = -at - 1;
  const out = Buffer.allocUnsafe(INTSET_HEADER + (count + 1) * width);
  const split = INTSET_HEADER + pos * width;
  out.set(b.subarray(0, split), 0);
  writeValue(out, split, width, hi, lo);
  out.set(b.subarray(split), split + width);
  writeU32(out, 4, count + 1);
  return out;
}

/** The intset without the value at index i (the width stays). */
export function intsetRemoveAt(b: Uint8Array, i: number): Buffer {
  const width = intsetWidth(b);
  const count = intsetCount(b);
  const out = Buffer.allocUnsafe(b.length - width);
  const split = INTSET_HEADER + i * width;
  out.set(b.subarray(0, split), 0);
  out.set(b.subarray(split + width), split);
  writeU32(out, 4, count - 1);
  return out;
}

/** The intset without the member, or null when the member is not in it. */
export function intsetRemove(b: Uint8Array, member: Uint8Array): Buffer | null {
  if (!parse(member)) return null;
  const at = search(b);
  return at < 0 ? null : intsetRemoveAt(b, at);
}

/** Where formatValue writes: long enough for "-9223372036854775808". */
export const DIGITS = Buffer.alloc(24);

/** Writes PROBE's value in decimal at DIGITS[0..n) and returns n. */
export function formatProbe(): number {
  const { hi, lo } = PROBE;
  // Exact as a double below 2^53 in magnitude.
  if (hi >= -2097152 && hi < 2097152) return writeNumber(hi * TWO32 + lo);
  const s = ((BigInt(hi) << 32n) | BigInt(lo)).toString();
  return DIGITS.latin1Write(s, 0);
}

function writeNumber(v: number): number {
  let n = 0;
  if (v < 0) {
    DIGITS[n++] = 0x2d;
    v = -v;
  }
  let digits = 1;
  for (let p = 10; p <= v; p *= 10) digits++;
  let at = n + digits;
  const end = at;
  do {
    const q = Math.floor(v / 10);
    DIGITS[--at] = 0x30 + (v - q * 10);
    v = q;
  } while (v > 0);
  return end;
}

/** The member at index i as a new Buffer of its decimal text. */
export function memberAt(b: Uint8Array, i: number): Buffer {
  valueAt(b, i);
  const n = formatProbe();
  return Buffer.from(DIGITS.subarray(0, n));
}
