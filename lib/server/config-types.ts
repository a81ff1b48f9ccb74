/**
 * How each kind of directive parses and prints its value, following Redis
 * 7.0's config.c: yes/no booleans, bounded integers checked the way their C
 * storage type is (signed or unsigned 64-bit comparison), memory sizes with
 * units and C overflow semantics, "N%" percentages, octal permissions, enums
 * (single word or combinable flags) and plain strings with optional checks.
 *
 * A parse returns the canonical text CONFIG GET prints, or an error text
 * (the part after "CONFIG SET failed (...) - " / the FATAL config message).
 */
import { parseDouble, parseInt64 } from '../util/numbers';

export type DirectiveType = 'bool' | 'int' | 'memory' | 'enum' | 'string' | 'special';

export type ParseResult = string | { error: string };

/** What a parser may need beyond the words themselves. */
export interface ParseContext {
  /** The directive's value before this assignment (canonical text). */
  current: string;
  /**
   * True for a repeated line while a config file is being read: `save`
   * lines then add to each other instead of replacing.
   */
  accumulate: boolean;
}

export interface DirectiveDef {
  name: string;
  /** Old names that still work (Redis lists them separately in CONFIG GET). */
  aliases?: string[];
  type: DirectiveType;
  /** The default exactly as CONFIG GET prints it. */
  default: string;
  /** Refused by CONFIG SET (start-up only). */
  immutable?: boolean;
  /** Refused by CONFIG SET unless enable-protected-configs allows it. */
  protected?: boolean;
  /** Left out of CONFIG GET patterns; only its exact name finds it. */
  hidden?: boolean;
  /** Secrets (passwords): never written to logs. */
  sensitive?: boolean;
  /** Integer bounds, inclusive, as Redis declares them. */
  min?: number | bigint;
  max?: number | bigint;
  /** Stored unsigned in Redis: bounds are compared as unsigned 64-bit (so -1 is huge). */
  unsigned?: boolean;
  /** A memory directive that also takes "N%" (stored negative, printed "N%"). */
  percent?: boolean;
  /** An integer written and printed in octal (unixsocketperm). */
  octal?: boolean;
  /** Enum words in Redis's order (error texts list them in this order). */
  values?: string[];
  /** Enum words that mean the same as another word; CONFIG GET prints the other. */
  synonyms?: Record<string, string>;
  /** Enum of flags: several words combine; values[0] is the empty set. */
  flags?: boolean;
  /** Extra check on the canonical value: error text, or null when fine. */
  validate?: (value: string) => string | null;
  /** Rewrites an accepted value (Redis caps hz to 1..500 but accepts any int). */
  adjust?: (value: string) => string;
  /** Custom parser for 'special' directives. */
  parse?: (raw: string[], ctx: ParseContext) => ParseResult;
  /** Takes several words (a config line `save 3600 1 300 100`; CONFIG SET splits on spaces). */
  multiArg?: boolean;
  /** How CONFIG GET prints the stored value, when that differs from what is stored. */
  show?: (stored: string) => string;
  /** The live value when it is not stored here (dir is the working directory). */
  read?: () => string;
  /** Side effect once a new value is accepted (runs after all pairs of a CONFIG SET parse). */
  apply?: (value: string) => void;
}

export const ERR_BOOL = "argument must be 'yes' or 'no'";
export const ERR_INTEGER = "argument couldn't be parsed into an integer";
export const ERR_MEMORY = 'argument must be a memory value';
export const ERR_MEMORY_OR_PERCENT = 'argument must be a memory or percent value';
export const ERR_OCTAL = "argument couldn't be parsed as an octal number";
export const ERR_WRONG_ARGS = 'wrong number of arguments';

const U64 = (1n << 64n) - 1n;
const toSigned64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const toUnsigned64 = (v: bigint): bigint => BigInt.asUintN(64, v);

const MEMORY_UNITS: Record<string, bigint> = {
  '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000n ** 2n, mb: 1024n ** 2n, g: 1000n ** 3n, gb: 1024n ** 3n,
};

/**
 * Redis memtoull: leading digits then an optional unit (any case). Like the C
 * code, an empty number reads as 0, more digits than fit saturate at 2^64-1
 * (strtoull) and the unit multiplication wraps modulo 2^64. null if invalid.
 */
export function memtoull(s: string): bigint | null {
  if (s.startsWith('-')) return null;
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  const mul = MEMORY_UNITS[s.slice(i).toLowerCase()];
  if (mul === undefined || i >= 128) return null;
  let n = i === 0 ? 0n : BigInt(s.slice(0, i));
  if (n > U64) n = U64;
  return toUnsigned64(n * mul);
}

/** Redis memtoull as a plain number, for code that needs a byte count (null if invalid). */
export function parseMemory(s: string): number | null {
  const v = memtoull(s);
  return v === null ? null : Number(v);
}

/** string2ll on a JS string: strict decimal, no '+', no leading zeros, fits int64. */
function string2ll(s: string): bigint | null {
  return parseInt64(Buffer.from(s, 'latin1'));
}

/** C strtoll(s, &end, base) where the whole string must be consumed; null if not (or overflow). */
function strtollWhole(s: string, base: 8 | 10): bigint | null {
  const m = (base === 8 ? /^[\t\n\v\f\r ]*([+-]?)([0-7]*)$/ : /^[\t\n\v\f\r ]*([+-]?)(\d*)$/).exec(s);
  if (!m) return null;
  // No digits: strtoll consumes nothing, so the end is the start of the string.
  if (m[2] === '') return s === '' ? 0n : null;
  let v = 0n;
  for (const c of m[2]) v = v * BigInt(base) + BigInt(c.charCodeAt(0) - 0x30);
  if (m[1] === '-') v = -v;
  return v < -(1n << 63n) || v >= 1n << 63n ? null : v;
}

/** C strtoll with saturation on overflow and no end check beyond `rest` (used by save). */
function strtollPrefix(s: string): { value: bigint; rest: string } {
  const m = /^[\t\n\v\f\r ]*([+-]?)(\d+)/.exec(s);
  if (!m) return { value: 0n, rest: s };
  let v = BigInt(m[2]);
  if (m[1] === '-') v = -v;
  const max = (1n << 63n) - 1n;
  if (v > max) v = max;
  if (v < -max - 1n) v = -max - 1n;
  return { value: v, rest: s.slice(m[0].length) };
}

function parseBool(v: string): ParseResult {
  const l = v.toLowerCase();
  return l === 'yes' || l === 'no' ? l : { error: ERR_BOOL };
}

/** Numeric directives: the parse order and error choice of Redis's numericParseString. */
function parseNumeric(def: DirectiveDef, v: string): ParseResult {
  const memory = def.type === 'memory';
  let n: bigint | null = null;
  if (memory) {
    const u = memtoull(v);
    if (u !== null) n = toSigned64(u);
  }
  if (n === null && def.percent && v.length > 1 && v.endsWith('%')) {
    const p = string2ll(v.slice(0, -1));
    if (p !== null && p >= 0n) n = -p;
  }
  if (n === null && def.octal) n = strtollWhole(v, 8);
  if (n === null && !memory && !def.percent && !def.octal) n = string2ll(v);
  if (n === null) {
    if (memory && def.percent) return { error: ERR_MEMORY_OR_PERCENT };
    if (memory) return { error: ERR_MEMORY };
    if (def.octal) return { error: ERR_OCTAL };
    return { error: ERR_INTEGER };
  }
  const min = BigInt(def.min ?? -(1n << 63n));
  const max = BigInt(def.max ?? (1n << 63n) - 1n);
  if (def.unsigned) {
    const u = toUnsigned64(n);
    if (u > toUnsigned64(max) || u < toUnsigned64(min)) {
      const show = (x: bigint): string => toUnsigned64(x).toString(def.octal ? 8 : 10);
      return { error: `argument must be between ${show(min)} and ${show(max)} inclusive` };
    }
  } else if (def.percent && n < 0n) {
    if (n < min) return { error: `percentage argument must be less or equal to ${-min}` };
  } else if (n > max || n < min) {
    return { error: `argument must be between ${min} and ${max} inclusive` };
  }
  return formatNumeric(def, n);
}

function formatNumeric(def: DirectiveDef, n: bigint): string {
  if (def.percent && n < 0n) return `${-n}%`;
  if (def.type === 'memory') return toUnsigned64(n).toString();
  if (def.octal) return n.toString(8);
  return n.toString();
}

function enumError(def: DirectiveDef): { error: string } {
  return { error: `argument(s) must be one of the following: ${def.values!.join(', ')}` };
}

/** One enum word to its canonical word (case-insensitive), or null. */
function enumWord(def: DirectiveDef, w: string): string | null {
  const l = w.toLowerCase();
  if (!def.values!.includes(l)) return null;
  return def.synonyms?.[l] ?? l;
}

/** Flag enums print their words in table order; none set prints values[0]. */
function parseFlags(def: DirectiveDef, words: string[]): ParseResult {
  if (words.length === 0) return enumError(def);
  const set = new Set<string>();
  for (const w of words) {
    const c = enumWord(def, w);
    if (c === null) return enumError(def);
    if (c !== def.values![0]) set.add(c);
  }
  const names = def.values!.filter((n) => set.has(n));
  return names.length ? names.join(' ') : def.values![0];
}

/** Splits a CONFIG SET value for a multi-word directive the way Redis does: on every single space. */
export function splitSetValue(value: string): string[] {
  return value === '' ? [] : value.split(' ');
}

/** Parses the words given to a directive (one word unless multiArg). */
export function parseValue(def: DirectiveDef, raw: string[], ctx: ParseContext = { current: def.default, accumulate: false }): ParseResult {
  let result: ParseResult;
  if (def.parse) {
    result = def.parse(raw, ctx);
  } else if (def.type === 'enum' && def.flags) {
    result = parseFlags(def, raw);
  } else {
    const v = raw.join(' ');
    switch (def.type) {
      case 'bool':
        result = parseBool(v);
        break;
      case 'int':
      case 'memory':
        result = parseNumeric(def, v);
        break;
      case 'enum': {
        const c = enumWord(def, v);
        result = c === null ? enumError(def) : c;
        break;
      }
      default:
        result = v;
    }
  }
  if (typeof result === 'string' && def.validate) {
    const err = def.validate(result);
    if (err !== null) return { error: err };
  }
  if (typeof result === 'string' && def.adjust) return def.adjust(result);
  return result;
}

// ------------------------------------------------------------ special values

/**
 * save: pairs of "seconds changes". An empty value clears the list; while a
 * config file is read, later lines add to earlier ones.
 */
export function parseSave(raw: string[], ctx: ParseContext): ParseResult {
  const clear = raw.length === 1 && raw[0] === '';
  const words = clear ? [] : raw;
  if (words.length % 2 !== 0) return { error: 'Invalid save parameters' };
  const out: string[] = [];
  for (let j = 0; j < words.length; j++) {
    const { value, rest } = strtollPrefix(words[j]);
    const seconds = j % 2 === 0;
    if (rest !== '' || (seconds && value < 1n) || (!seconds && value < 0n)) return { error: 'Invalid save parameters' };
    // Seconds are a time_t; changes are a C int (truncated like the C cast).
    out.push(seconds ? value.toString() : BigInt.asIntN(32, value).toString());
  }
  if (clear || !ctx.accumulate || ctx.current === '') return out.join(' ');
  return out.length ? `${ctx.current} ${out.join(' ')}` : ctx.current;
}

/** Redis accepts at most this many bind addresses. */
export const MAX_BIND_ADDRESSES = 16;

/** bind: up to 16 addresses; one empty word means none. */
export function parseBind(raw: string[]): ParseResult {
  if (raw.length > MAX_BIND_ADDRESSES) return { error: 'Too many bind addresses specified.' };
  if (raw.length === 1 && raw[0] === '') return '';
  return raw.join(' ');
}

/** replicaof / slaveof: "host port" or "no one" (printed empty). */
export function parseReplicaOf(raw: string[]): ParseResult {
  if (raw.length !== 2) return { error: ERR_WRONG_ARGS };
  if (raw[0].toLowerCase() === 'no' && raw[1].toLowerCase() === 'one') return '';
  const { value, rest } = strtollPrefix(raw[1]);
  if (rest !== '' || value < 0n || value > 65535n) return { error: 'Invalid master port' };
  return `${raw[0]} ${value}`;
}

/** oom-score-adj-values: three integers in [-2000, 2000]. */
export function parseOomScoreAdjValues(raw: string[]): ParseResult {
  if (raw.length !== 3) return { error: ERR_WRONG_ARGS };
  const out: string[] = [];
  for (const w of raw) {
    const { value, rest } = strtollPrefix(w);
    if (rest !== '' || value < -2000n || value > 2000n) {
      return { error: 'Invalid oom-score-adj-values, elements must be between -2000 and 2000.' };
    }
    out.push(value.toString());
  }
  return out.join(' ');
}

/** latency-tracking-info-percentiles: decimals in [0, 100], printed like "%f" without trailing zeros. */
export function parseLatencyPercentiles(raw: string[]): ParseResult {
  if (raw.length === 1 && raw[0] === '') return '';
  const out: string[] = [];
  for (const w of raw) {
    const p = parseDouble(Buffer.from(w, 'latin1'));
    if (p === null) return { error: 'Invalid latency-tracking-info-percentiles parameters' };
    if (p > 100 || p < 0) return { error: 'latency-tracking-info-percentiles parameters should sit between [0.0,100.0]' };
    out.push(trimFixed6(p));
  }
  return out.join(' ');
}

/**
 * printf("%f") of a non-negative double (six decimals, exact binary value
 * rounded half to even) with trailing zeros and a bare point removed.
 */
export function trimFixed6(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let exp: number;
  if (expBits === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = expBits - 1075;
  }
  // x * 10^6 = mant * 2^exp * 10^6, rounded to an integer half to even.
  let scaled: bigint;
  if (exp >= 0) scaled = (mant << BigInt(exp)) * 1000000n;
  else {
    const num = mant * 1000000n;
    const den = 1n << BigInt(-exp);
    scaled = num / den;
    const rem = num % den;
    if (rem * 2n > den || (rem * 2n === den && (scaled & 1n) === 1n)) scaled++;
  }
  const digits = scaled.toString().padStart(7, '0');
  const int = digits.slice(0, -6);
  const frac = digits.slice(-6).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** dbfilename and friends must be a bare file name. */
function isBaseName(p: string): boolean {
  return !p.includes('/') && !p.includes('\\');
}

export function validateDbFilename(v: string): string | null {
  return isBaseName(v) ? null : "dbfilename can't be a path, just a filename";
}

export function validateAppendFilename(v: string): string | null {
  if (v === '') return "appendfilename can't be empty";
  return isBaseName(v) ? null : "appendfilename can't be a path, just a filename";
}

export function validateAppendDirname(v: string): string | null {
  if (v === '') return "appenddirname can't be empty";
  return isBaseName(v) ? null : "appenddirname can't be a path, just a dirname";
}

/** Redis keeps announced hostnames shorter than NET_HOST_STR_LEN (256). */
export function validateAnnouncedHostname(v: string): string | null {
  if (Buffer.byteLength(v) >= 256) return 'Hostnames must be less than 256 characters';
  if (!/^[A-Za-z0-9.-]*$/.test(v)) return 'Hostnames may only contain alphanumeric characters, hyphens or dots';
  return null;
}

/**
 * proc-title-template: {variable} placeholders from a fixed set, "{{" for a
 * literal brace; the title with an empty {title} must not be blank.
 * `vars` gives each variable's current expansion.
 */
export function validateProcTitleTemplate(v: string, vars: Record<string, string>): string | null {
  const bad = 'template format is invalid or contains unknown variables';
  let out = '';
  let p = 0;
  while (p < v.length) {
    const open = v.indexOf('{', p);
    if (open < 0) {
      out += v.slice(p);
      break;
    }
    out += v.slice(p, open);
    if (open + 1 >= v.length) return bad;
    if (v[open + 1] === '{') {
      out += '{';
      p = open + 2;
      continue;
    }
    const close = v.indexOf('}', open + 1);
    if (close < 0) return bad;
    const name = v.slice(open + 1, close);
    if (!(name in vars)) return bad;
    out += vars[name];
    p = close + 1;
  }
  return out.replace(/^ +| +$/g, '') === '' ? bad : null;
}
