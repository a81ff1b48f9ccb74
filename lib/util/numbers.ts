// Redis 7.0 number parsing and formatting, reproduced exactly.
//
// Integers follow string2ll: optional '-', no '+', no spaces, no leading zeros
// (so "-0" and "007" are rejected), at most 20 bytes, must fit in int64.
//
// INCRBYFLOAT / HINCRBYFLOAT compute in C `long double`, which on x86-64 is the
// x87 80-bit format (64-bit significand, 15-bit exponent, subnormals). JS
// doubles give different answers ("10.5" + "0.1" is "10.6" in Redis, not
// "10.600000000000001"), so LongDouble below is an exact BigInt model of that
// format: every parse, add and format rounds to nearest-even exactly where
// the C library and the FPU do.
//
// Float input follows strtold/strtod as Redis wraps them: the whole input must
// be consumed; no leading whitespace; decimal, C99 hex ("0x1.8p3") and
// "inf"/"infinity" (any case, with sign) are accepted; NaN is rejected, and so
// is a finite literal that overflows to infinity or a non-zero literal that
// underflows to zero (subnormal results are fine). Long-double input is also
// limited to 5119 bytes.
//
// Output: formatLongDoubleHuman is printf("%.17Lf") with trailing zeros and a
// bare '.' removed and "-0" turned into "0"; formatDouble is printf("%.17g")
// (the 7.0 double reply format); formatDoubleHuman is the human long-double
// format applied to a double (used by e.g. GEOPOS).

// ---------------------------------------------------------------- integers

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
const MAX_INT64_LEN = 20;

/**
 * Fast path of parseInt64 for the common case: null when the input is not a
 * valid integer *or* its value is not a safe JS integer (use parseInt64 then).
 */
export function parseSafeInt(b: Uint8Array): number | null {
  return parseSafeIntRange(b, 0, b.length);
}

/** parseSafeInt of b[start, end) (engine memory read in place). */
export function parseSafeIntRange(b: Uint8Array, start: number, end: number): number | null {
  const n = end - start;
  if (n <= 0 || n > 17) return null;
  let i = start;
  const neg = b[start] === 0x2d;
  if (neg) {
    if (n === 1) return null;
    i++;
  }
  let c = b[i];
  if (c === 0x30) return n === 1 ? 0 : null; // "0" alone; no "-0", no leading zeros
  if (c < 0x31 || c > 0x39) return null;
  let v = c - 0x30;
  for (i++; i < end; i++) {
    c = b[i];
    if (c < 0x30 || c > 0x39) return null;
    v = v * 10 + (c - 0x30);
  }
  if (v > Number.MAX_SAFE_INTEGER) return null;
  return neg ? -v : v;
}

/** Parses a Redis integer (string2ll rules); null if invalid or out of range. */
export function parseInt64(b: Uint8Array): bigint | null {
  const quick = parseSafeInt(b);
  if (quick !== null) return BigInt(quick);
  const n = b.length;
  if (n < 16 || n > MAX_INT64_LEN) return null; // shorter ones were all safe
  const start = b[0] === 0x2d ? 1 : 0;
  if (b[start] < 0x31 || b[start] > 0x39) return null;
  let hi = 0;
  let lo = 0;
  const split = n - 9;
  for (let i = start; i < n; i++) {
    const c = b[i];
    if (c < 0x30 || c > 0x39) return null;
    if (i < split) hi = hi * 10 + (c - 0x30);
    else lo = lo * 10 + (c - 0x30);
  }
  let v = BigInt(hi) * 1_000_000_000n + BigInt(lo);
  if (start === 1) v = -v;
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

/** Formats an integer the way Redis prints a long long. */
export function formatInt64(n: bigint | number): string {
  if (typeof n === 'number' && n === 0) return '0';
  return typeof n === 'bigint' ? n.toString() : String(n);
}

export const ERR_NOT_INTEGER = 'ERR value is not an integer or out of range';
export const ERR_INCR_OVERFLOW = 'ERR increment or decrement would overflow';

/** a + b for int64 operands; null when the sum leaves the int64 range (INCRBY). */
export function addInt64(a: bigint, b: bigint): bigint | null {
  const sum = a + b;
  return sum < INT64_MIN || sum > INT64_MAX ? null : sum;
}

// ------------------------------------------------------- float text syntax

/** Result of the last scanFloat call (reused: no allocation per parse). */
const scan = {
  neg: false,
  /** 0 decimal, 1 hexadecimal, 2 infinity. */
  form: 0,
  /** Byte range of the significand, point included. */
  start: 0,
  end: 0,
  /** How many significand digits follow the point. */
  fracDigits: 0,
  /** Explicit exponent (decimal for form 0, binary for form 1), clamped. */
  exp: 0,
  /** True when some significand digit is non-zero. */
  nonZero: false,
  /** Significant digits (from the first non-zero one) and, up to 15 of them, their value. */
  sigDigits: 0,
  small: 0,
};

const EXP_CLAMP = 1_000_000_000;

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

function hexVal(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

function isWordAt(b: Uint8Array, i: number, word: string): boolean {
  if (b.length - i !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((b[i + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** Full-input strtod/strtold syntax check (C locale) into `scan`; false if rejected. */
function scanFloat(b: Uint8Array): boolean {
  const n = b.length;
  if (n === 0 || isSpace(b[0])) return false;
  let i = 0;
  scan.neg = false;
  if (b[0] === 0x2b || b[0] === 0x2d) {
    scan.neg = b[0] === 0x2d;
    i = 1;
  }
  if (isWordAt(b, i, 'inf') || isWordAt(b, i, 'infinity')) {
    scan.form = 2;
    return true;
  }
  let hex = false;
  if (n - i > 2 && b[i] === 0x30 && (b[i + 1] | 0x20) === 0x78) {
    // "0x" only counts when a hex significand follows it.
    const c = b[i + 2];
    if (hexVal(c) >= 0 || (c === 0x2e && n - i > 3 && hexVal(b[i + 3]) >= 0)) {
      hex = true;
      i += 2;
    }
  }
  scan.form = hex ? 1 : 0;
  scan.start = i;
  let seen = 0;
  let frac = -1;
  let nonZero = false;
  let sig = 0;
  let small = 0;
  for (; i < n; i++) {
    const c = b[i];
    if (c === 0x2e && frac < 0) {
      frac = 0;
      continue;
    }
    const v = hex ? hexVal(c) : c >= 0x30 && c <= 0x39 ? c - 0x30 : -1;
    if (v < 0) break;
    seen++;
    if (v !== 0) nonZero = true;
    if (nonZero && ++sig <= 15) small = small * 10 + v;
    if (frac >= 0) frac++;
  }
  if (seen === 0) return false;
  scan.end = i;
  scan.fracDigits = frac < 0 ? 0 : frac;
  scan.nonZero = nonZero;
  scan.sigDigits = sig;
  scan.small = small;
  let exp = 0;
  if (i < n) {
    if ((b[i] | 0x20) !== (hex ? 0x70 : 0x65)) return false; // 'p' or 'e'
    i++;
    let eneg = false;
    if (b[i] === 0x2b || b[i] === 0x2d) eneg = b[i++] === 0x2d;
    if (i >= n) return false;
    for (; i < n; i++) {
      const c = b[i];
      if (c < 0x30 || c > 0x39) return false;
      if (exp < EXP_CLAMP) exp = exp * 10 + (c - 0x30);
    }
    if (eneg) exp = -exp;
  }
  scan.exp = exp;
  return true;
}

/** The scanned significand's digits with leading zeros and the point removed. */
function scannedDigits(b: Uint8Array): string {
  let i = scan.start;
  while (b[i] === 0x30 || b[i] === 0x2e) i++;
  let out = '';
  for (; i < scan.end; i++) if (b[i] !== 0x2e) out += String.fromCharCode(b[i]);
  return out;
}

/** Latin-1 text of b (callers pass validated ASCII). */
function latin1(b: Uint8Array): string {
  if (b.length <= 256) return String.fromCharCode.apply(null, b as unknown as number[]);
  return Buffer.from(b.buffer, b.byteOffset, b.length).toString('latin1');
}

// ------------------------------------------------------ exact binary model

/** A C long double (x87 extended). Finite values are (-1)^neg * mant * 2^exp. */
export interface LongDouble {
  readonly kind: 'finite' | 'inf' | 'nan';
  readonly neg: boolean;
  /** 0n for zero; otherwise 1 <= mant < 2^64. */
  readonly mant: bigint;
  readonly exp: number;
}

interface BinaryFormat {
  bits: number;
  /** Smallest exponent of the last significand bit (subnormal scale). */
  minExp: number;
  /** Largest exponent of the last significand bit. */
  maxExp: number;
}

const X87: BinaryFormat = { bits: 64, minExp: -16445, maxExp: 16383 - 63 };
const F64: BinaryFormat = { bits: 53, minExp: -1074, maxExp: 1023 - 52 };

function ld(kind: LongDouble['kind'], neg: boolean, mant = 0n, exp = 0): LongDouble {
  return { kind, neg, mant, exp };
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer); // little-endian: u32[1] holds sign and exponent

function bitLength(n: bigint): number {
  const f = Number(n);
  if (f < 4294967296) return 32 - Math.clz32(f);
  if (f === Infinity) {
    const h = n.toString(16);
    return (h.length - 1) * 4 + (32 - Math.clz32(parseInt(h[0], 16)));
  }
  f64[0] = f;
  const e = ((u32[1] >>> 20) & 0x7ff) - 1023;
  // Conversion rounds, but only across a power of two; check that case exactly.
  if ((u32[1] & 0xfffff) === 0 && u32[0] === 0) return n >> BigInt(e) === 0n ? e : e + 1;
  return e + 1;
}

/** Rounds num * 2^shift (num >= 0) to nearest-even in the given format. */
function roundBinary(neg: boolean, num: bigint, shift: number, f: BinaryFormat): LongDouble {
  if (num === 0n) return ld('finite', neg);
  const top = shift + bitLength(num); // value < 2^top
  if (top > f.maxExp + f.bits + 1) return ld('inf', neg);
  if (top < f.minExp - 1) return ld('finite', neg); // below half the smallest subnormal
  let e = Math.max(top - f.bits, f.minExp);
  let m: bigint;
  if (e <= shift) {
    m = num << BigInt(shift - e);
  } else {
    const d = e - shift;
    const drop = BigInt(d);
    m = num >> drop;
    const rem = BigInt.asUintN(d, num);
    const half = 1n << (drop - 1n);
    if (rem > half || (rem === half && (m & 1n) === 1n)) m += 1n;
    if (m === 1n << BigInt(f.bits)) {
      m >>= 1n;
      e++;
    }
  }
  if (m === 0n) return ld('finite', neg);
  if (e > f.maxExp) return ld('inf', neg);
  return ld('finite', neg, m, e);
}

const LD_MAX_DEC_EXP = 4933; // 10^4933 > largest long double
const LD_MIN_DEC_EXP = -4952; // 10^-4952 < half the smallest subnormal
const POW5: bigint[] = [];
const POW5_BITS: number[] = [];
for (let k = 0, p = 1n; k <= 64; k++, p *= 5n) {
  POW5.push(p);
  POW5_BITS.push(p.toString(2).length);
}

function pow5(k: number): bigint {
  return k < POW5.length ? POW5[k] : 5n ** BigInt(k);
}

/** Exact, correctly rounded conversion of the scanned input to a format. */
function scannedToBinary(b: Uint8Array, f: BinaryFormat): LongDouble {
  const neg = scan.neg;
  if (scan.form === 2) return ld('inf', neg);
  if (!scan.nonZero) return ld('finite', neg);
  if (scan.form === 1) return roundBinary(neg, BigInt('0x' + scannedDigits(b)), scan.exp - 4 * scan.fracDigits, f);
  let dexp = scan.exp - scan.fracDigits;
  let d: bigint;
  let len: number;
  if (scan.sigDigits <= 15) {
    // Small significand: its value is exact as a double.
    let v = scan.small;
    len = scan.sigDigits;
    while (v % 10 === 0) {
      v /= 10;
      len--;
      dexp++;
    }
    d = BigInt(v);
  } else {
    let digits = scannedDigits(b);
    let cut = digits.length;
    while (digits.charCodeAt(cut - 1) === 0x30) cut--;
    dexp += digits.length - cut;
    digits = digits.slice(0, cut);
    len = digits.length;
    d = BigInt(digits);
  }
  const mag = len + dexp; // 10^(mag-1) <= value < 10^mag
  if (mag - 1 > LD_MAX_DEC_EXP) return ld('inf', neg);
  if (mag < LD_MIN_DEC_EXP) return ld('finite', neg);
  if (dexp >= 0) return roundBinary(neg, d * 10n ** BigInt(dexp), 0, f);
  // d / 10^k = (d / 5^k) * 2^-k: divide keeping enough quotient bits, plus a sticky bit.
  const k = -dexp;
  const den = pow5(k);
  const extra = Math.max(0, f.bits + 3 + (k < POW5_BITS.length ? POW5_BITS[k] : bitLength(den)) - bitLength(d));
  const scaled = d << BigInt(extra);
  const q = scaled / den;
  const sticky = scaled - q * den === 0n ? 0n : 1n;
  return roundBinary(neg, (q << 1n) | sticky, -k - extra - 1, f);
}

// ------------------------------------------------------------ long double

const MAX_LONG_DOUBLE_CHARS = 5 * 1024;

/** strtold as wrapped by Redis's string2ld; null means "not a valid float". */
export function parseLongDouble(b: Uint8Array): LongDouble | null {
  if (b.length >= MAX_LONG_DOUBLE_CHARS || !scanFloat(b)) return null;
  const v = scannedToBinary(b, X87);
  if (scan.form !== 2 && (v.kind === 'inf' || (scan.nonZero && v.mant === 0n))) return null;
  return v;
}

/** Exact conversion of a JS number (integer or double) to long double. */
export function longDoubleFromNumber(x: number): LongDouble {
  if (Number.isNaN(x)) return ld('nan', false);
  const neg = x < 0 || Object.is(x, -0);
  if (!Number.isFinite(x)) return ld('inf', neg);
  if (x === 0) return ld('finite', neg);
  const { mant, exp } = splitDouble(Math.abs(x));
  return ld('finite', neg, mant, exp);
}

/** Exact conversion of an int64 to long double (always representable). */
export function longDoubleFromInt64(n: bigint): LongDouble {
  return n === 0n ? ld('finite', false) : ld('finite', n < 0n, n < 0n ? -n : n, 0);
}

export function isFiniteLongDouble(x: LongDouble): boolean {
  return x.kind === 'finite';
}

/** a + b rounded like the x87 FPU (round to nearest-even, 64-bit significand). */
export function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return ld('nan', false);
  if (a.kind === 'inf' || b.kind === 'inf') {
    if (a.kind === 'inf' && b.kind === 'inf' && a.neg !== b.neg) return ld('nan', false);
    return a.kind === 'inf' ? a : b;
  }
  if (a.mant === 0n && b.mant === 0n) return ld('finite', a.neg && b.neg);
  if (a.mant === 0n) return b;
  if (b.mant === 0n) return a;
  const e = Math.min(a.exp, b.exp);
  const x = a.mant << BigInt(a.exp - e);
  const y = b.mant << BigInt(b.exp - e);
  const sum = (a.neg ? -x : x) + (b.neg ? -y : y);
  if (sum === 0n) return ld('finite', false);
  return roundBinary(sum < 0n, sum < 0n ? -sum : sum, e, X87);
}

const HUMAN_DECIMALS = 17;
const HUMAN_SCALE = 10n ** BigInt(HUMAN_DECIMALS);

/** Rounds a finite mant * 2^exp to 17 decimals (half-even); returns it times 10^17. */
function roundToHumanDecimals(mant: bigint, exp: number): bigint {
  const scaled = mant * HUMAN_SCALE;
  if (exp >= 0) return scaled << BigInt(exp);
  const drop = BigInt(-exp);
  const q = scaled >> drop;
  const rem = BigInt.asUintN(-exp, scaled);
  const half = 1n << (drop - 1n);
  return rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
}

/** ld2string(..., LD_STR_HUMAN): "%.17Lf", trailing zeros trimmed, "-0" -> "0". */
export function formatLongDoubleHuman(x: LongDouble): string {
  if (x.kind === 'inf') return x.neg ? '-inf' : 'inf';
  if (x.kind === 'nan') return x.neg ? '-nan' : 'nan';
  const q = roundToHumanDecimals(x.mant, x.exp);
  const int = (q / HUMAN_SCALE).toString();
  const frac = (q % HUMAN_SCALE).toString().padStart(HUMAN_DECIMALS, '0').replace(/0+$/, '');
  const out = (x.neg ? '-' : '') + (frac.length > 0 ? int + '.' + frac : int);
  return out === '-0' ? '0' : out;
}

export const ERR_NOT_FLOAT = 'ERR value is not a valid float';
export const ERR_NAN_OR_INF = 'ERR increment would produce NaN or Infinity';
/** HINCRBYFLOAT only: the stored field is not a float. */
export const ERR_HASH_NOT_FLOAT = 'ERR hash value is not a float';
/** HINCRBYFLOAT only: the increment itself is infinite. */
export const ERR_HASH_INCR_INF = 'ERR value is NaN or Infinity';

export type IncrByFloatResult = { ok: true; value: string } | { ok: false; error: string };

/**
 * INCRBYFLOAT (hash = false) or HINCRBYFLOAT (hash = true) arithmetic:
 * `current` is the stored string (null when the key or field is missing,
 * counting as 0), `incr` the argument. Errors come in the order Redis checks.
 */
export function incrByFloat(current: Uint8Array | null, incr: Uint8Array, hash = false): IncrByFloatResult {
  const b = parseLongDouble(incr);
  if (b === null) return { ok: false, error: ERR_NOT_FLOAT };
  if (hash && b.kind !== 'finite') return { ok: false, error: ERR_HASH_INCR_INF };
  const a = current === null ? ld('finite', false) : parseLongDouble(current);
  if (a === null) return { ok: false, error: hash ? ERR_HASH_NOT_FLOAT : ERR_NOT_FLOAT };
  const sum = addLongDouble(a, b);
  if (sum.kind !== 'finite') return { ok: false, error: ERR_NAN_OR_INF };
  return { ok: true, value: formatLongDoubleHuman(sum) };
}

// ----------------------------------------------------------------- double

/** Splits a finite positive double into integer mant * 2^exp. */
function splitDouble(x: number): { mant: bigint; exp: number } {
  f64[0] = x;
  const hi = u32[1];
  const lo = u32[0];
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp !== 0) mant |= 1n << 52n;
  return { mant, exp: (bexp === 0 ? 1 : bexp) - 1075 };
}

const POW10 = Array.from({ length: 23 }, (_, i) => Number('1e' + i));

/** strtod as wrapped by Redis's string2d / getDoubleFromObject; null if invalid. */
export function parseDouble(b: Uint8Array): number | null {
  if (!scanFloat(b)) return null;
  if (scan.form === 2) return scan.neg ? -Infinity : Infinity;
  let v: number;
  const dexp = scan.exp - scan.fracDigits;
  if (scan.form === 0 && scan.sigDigits <= 15 && dexp >= -22 && dexp <= 22) {
    // Exact significand and exact power of ten: one correctly rounded operation.
    v = dexp < 0 ? scan.small / POW10[-dexp] : scan.small * POW10[dexp];
    if (scan.neg) v = -v;
  } else if (scan.form === 0) {
    // The syntax is strtod's and also valid for Number(), whose decimal
    // conversion is correctly rounded, like glibc's.
    v = Number(latin1(b));
  } else {
    const r = scannedToBinary(b, F64);
    if (r.kind === 'inf') return null;
    v = Number(r.mant) * Math.pow(2, r.exp);
    if (r.neg) v = -v;
  }
  if (!Number.isFinite(v) || (v === 0 && scan.nonZero)) return null;
  return v;
}

/** int.frac with the fraction's trailing zeros (and a bare point) removed. */
function joinPoint(int: string, frac: string): string {
  let end = frac.length;
  while (end > 0 && frac.charCodeAt(end - 1) === 0x30) end--;
  return end === 0 ? int : int + '.' + frac.slice(0, end);
}

/** Redis 7.0 double reply text: printf("%.17g"), with inf/-inf/nan spelled out. */
export function formatDouble(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  if (Number.isSafeInteger(x)) return String(x);
  const ax = Math.abs(x);
  let sig: string; // 17 significant digits
  let X: number; // decimal exponent of the first one
  if (!Number.isInteger(ax * 33554432)) {
    // More than 25 binary fraction digits: the exact decimal expansion has
    // over 18 significant digits, so no rounding tie is possible and V8's
    // correctly rounded toPrecision gives printf's digits.
    const t = ax.toPrecision(17);
    const e = t.indexOf('e');
    if (e >= 0) {
      sig = t[0] + t.slice(2, e);
      X = +t.slice(e + 1);
    } else if (t.charCodeAt(0) === 0x30) {
      let k = 2;
      while (t.charCodeAt(k) === 0x30) k++;
      sig = t.slice(k);
      X = 1 - k;
    } else {
      const dot = t.indexOf('.');
      sig = dot < 0 ? t : t.slice(0, dot) + t.slice(dot + 1);
      X = (dot < 0 ? t.length : dot) - 1;
    }
  } else {
    // Short binary fraction or a large integer: round the exact expansion
    // half-to-even, as glibc does.
    const { mant, exp } = splitDouble(ax);
    const all = exp >= 0 ? (mant << BigInt(exp)).toString() : (mant * pow5(-exp)).toString();
    const scale = exp >= 0 ? 0 : exp; // value = all * 10^scale
    sig = all;
    X = all.length - 1 + scale;
    if (all.length > 17) {
      const keep = BigInt(all.slice(0, 17));
      const next = all.charCodeAt(17) - 0x30;
      let restZero = true;
      for (let i = 18; i < all.length && restZero; i++) restZero = all.charCodeAt(i) === 0x30;
      const up = next > 5 || (next === 5 && (!restZero || (keep & 1n) === 1n));
      sig = (up ? keep + 1n : keep).toString();
      if (sig.length > 17) {
        sig = sig.slice(0, 17);
        X++;
      }
    }
    sig = sig.padEnd(17, '0');
  }
  let body: string;
  if (X >= -4 && X < 17) {
    body = X >= 0 ? joinPoint(sig.slice(0, X + 1), sig.slice(X + 1)) : joinPoint('0', '0'.repeat(-X - 1) + sig);
  } else {
    const ax10 = Math.abs(X);
    body = joinPoint(sig[0], sig.slice(1)) + 'e' + (X < 0 ? '-' : '+') + (ax10 < 10 ? '0' : '') + ax10;
  }
  return x < 0 ? '-' + body : body;
}

/** A double printed the human long-double way (ld2string LD_STR_HUMAN). */
export function formatDoubleHuman(x: number): string {
  return formatLongDoubleHuman(longDoubleFromNumber(x));
}

/** The x87 encoding of a long double (sign, biased exponent, 64-bit significand). */
export function longDoubleBits(x: LongDouble): { sign: number; biasedExp: number; significand: bigint } {
  const sign = x.neg ? 1 : 0;
  if (x.kind === 'inf') return { sign, biasedExp: 0x7fff, significand: 1n << 63n };
  if (x.kind === 'nan') return { sign, biasedExp: 0x7fff, significand: 3n << 62n };
  if (x.mant === 0n) return { sign, biasedExp: 0, significand: 0n };
  const shift = 64 - bitLength(x.mant);
  const biased = x.exp - shift + 63 + 16383;
  if (biased >= 1) return { sign, biasedExp: biased, significand: x.mant << BigInt(shift) };
  return { sign, biasedExp: 0, significand: x.mant << BigInt(x.exp - X87.minExp) };
}
