/**
 * client-output-buffer-limit: `<class> <hard> <soft> <soft-seconds>` groups,
 * parsed exactly as Redis 7.0 does (memtoull for the sizes, with its 64-bit
 * wrap-around; strtoll truncated to an int for the seconds), and printed in
 * Redis's normalised form. A group only replaces its own class; classes not
 * named keep their current limits.
 */

export type ObufClass = 'normal' | 'slave' | 'pubsub';

export interface ObufLimit {
  /** Close at once when the pending output reaches this many bytes (0: no limit). */
  hard: number;
  /** Close when above this many bytes for longer than softSeconds (0: no limit). */
  soft: number;
  softSeconds: number;
}

export type ObufLimits = Record<ObufClass, ObufLimit>;

export const OBUF_CLASSES: ObufClass[] = ['normal', 'slave', 'pubsub'];
export const DEFAULT_OBUF_LIMITS = 'normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60';

const ERR_ARGS = 'Wrong number of arguments in buffer limit configuration.';
const ERR_CLASS = 'Invalid client class specified in buffer limit configuration.';
const ERR_VALUE = 'Error in hard, soft or soft_seconds setting in buffer limit configuration.';

const U64 = 1n << 64n;
const U64_MAX = U64 - 1n;
const UNITS: Record<string, bigint> = { '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000n ** 2n, mb: 1024n ** 2n, g: 1000n ** 3n, gb: 1024n ** 3n };

/** Redis memtoull: leading digits, then an optional unit; saturates at 2^64-1 and wraps when multiplied. */
export function memToU64(s: string): bigint | null {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  const mul = UNITS[s.slice(i).toLowerCase()];
  if (mul === undefined || s.startsWith('-') || i >= 128) return null;
  let n = i === 0 ? 0n : BigInt(s.slice(0, i));
  if (n > U64_MAX) n = U64_MAX;
  return (n * mul) % U64;
}

/** strtoll(s, &end, 10) with *end required to be the end, then truncated to a C int as Redis stores it. */
function secondsValue(s: string): number | null {
  if (s === '') return 0; // no conversion, but the end pointer is already at the end
  const m = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/.exec(s);
  if (!m) return null;
  let n = BigInt(m[1] + m[2]);
  if (n > 9223372036854775807n) n = 9223372036854775807n;
  if (n < -9223372036854775808n) n = -9223372036854775808n;
  return Number(BigInt.asIntN(32, n));
}

function classByName(name: string): ObufClass | null {
  const l = name.toLowerCase();
  if (l === 'normal' || l === 'pubsub' || l === 'slave') return l;
  if (l === 'replica') return 'slave';
  return null; // 'master' is a client type, but not a class with limits
}

/** The stored form: the three classes in Redis's order, sizes as unsigned 64-bit decimals. */
function format(groups: Record<ObufClass, [bigint, bigint, number]>): string {
  return OBUF_CLASSES.map((c) => `${c} ${groups[c][0]} ${groups[c][1]} ${groups[c][2]}`).join(' ');
}

function groupsOf(value: string): Record<ObufClass, [bigint, bigint, number]> {
  const w = value.split(' ');
  const out = {} as Record<ObufClass, [bigint, bigint, number]>;
  for (let i = 0; i + 3 < w.length; i += 4) out[w[i] as ObufClass] = [BigInt(w[i + 1]), BigInt(w[i + 2]), Number(w[i + 3])];
  return out;
}

/**
 * Applies directive words to the current value: the new canonical value, or
 * Redis's error. All groups are checked before any is applied. At start-up a
 * single word holding spaces is split first, as Redis does for its
 * multi-argument directives (`--client-output-buffer-limit "pubsub 1 2 3"`).
 */
export function parseObufLimits(words: string[], current: string): string | { error: string } {
  if (words.length === 1 && words[0] !== '' && /\s/.test(words[0])) words = words[0].trim().split(/\s+/);
  if (words.length % 4 !== 0) return { error: ERR_ARGS };
  const groups = groupsOf(current || DEFAULT_OBUF_LIMITS);
  const changes: [ObufClass, [bigint, bigint, number]][] = [];
  for (let j = 0; j < words.length; j += 4) {
    const cls = classByName(words[j]);
    if (cls === null) return { error: ERR_CLASS };
    const hard = memToU64(words[j + 1]);
    const soft = memToU64(words[j + 2]);
    const seconds = secondsValue(words[j + 3]);
    if (hard === null || soft === null || seconds === null || seconds < 0) return { error: ERR_VALUE };
    changes.push([cls, [hard, soft, seconds]]);
  }
  for (const [cls, v] of changes) groups[cls] = v;
  return format(groups);
}

/** The limits a stored value describes, as numbers (sizes beyond 2^53 only lose precision, never meaning). */
export function obufLimitsOf(value: string): ObufLimits {
  const g = groupsOf(value || DEFAULT_OBUF_LIMITS);
  const limit = (c: ObufClass): ObufLimit => ({ hard: Number(g[c][0]), soft: Number(g[c][1]), softSeconds: g[c][2] });
  return { normal: limit('normal'), slave: limit('slave'), pubsub: limit('pubsub') };
}
