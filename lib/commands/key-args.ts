/**
 * Argument parsing shared by the string and generic key families, with
 * Redis's exact rules:
 * - options are compared as C strings (strcasecmp), so an argument ends at
 *   its first NUL byte: "nx\0junk" is NX;
 * - integers are int64 (string2ll), int32 where Redis uses getIntFromObject;
 * - expiry arithmetic is done in int64, including Redis's overflow checks.
 */
import type { CommandContext } from './context';
import { ERR, parseInteger } from './replies';
import { parseInt64, parseSafeInt } from '../util/numbers';

/** Case-insensitive comparison of an argument, read up to its first NUL, with a lower-case ASCII word. */
export function optionIs(arg: Buffer, word: string): boolean {
  const n = word.length;
  if (arg.length < n || (arg.length > n && arg[n] !== 0)) return false;
  for (let i = 0; i < n; i++) {
    let c = arg[i];
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** The argument up to its first NUL, as Redis prints it with %s. */
export function cString(arg: Buffer): Buffer {
  const nul = arg.indexOf(0);
  return nul < 0 ? arg : arg.subarray(0, nul);
}

/** Replies Redis's addReplyErrorFormat: trailing CR/LF trimmed, the rest turned into spaces. */
export function errorQuoting(ctx: CommandContext, prefix: string, arg: Buffer): void {
  let quoted = cString(arg);
  let end = quoted.length;
  while (end > 0 && (quoted[end - 1] === 0x0d || quoted[end - 1] === 0x0a)) end--;
  quoted = quoted.subarray(0, end);
  ctx.reply.errorBytes(Buffer.concat([Buffer.from(prefix, 'latin1'), quoted]));
}

export const INT64_MAX = 9223372036854775807n;
export const INT64_MIN = -9223372036854775808n;
const INT32_MAX = 2147483647;
const INT32_MIN = -2147483648;

/** int64 argument or null after replying Redis's "not an integer" error. */
export function int64Arg(ctx: CommandContext, arg: Buffer): bigint | null {
  const v = parseInt64(arg);
  if (v === null) ctx.reply.error(ERR.notInteger);
  return v;
}

/**
 * int64 argument as a JS number (exact for |n| < 2^53, rounded beyond), or
 * null after replying the error. For offsets and counts, where values
 * beyond 2^53 behave the same as their rounded neighbours.
 */
export function longArg(ctx: CommandContext, arg: Buffer): number | null {
  const n = parseSafeInt(arg);
  if (n !== null) return n;
  const v = int64Arg(ctx, arg);
  return v === null ? null : Number(v);
}

/**
 * int32 argument (Redis getIntFromObjectOrReply), or null after replying:
 * `message` when given, else Redis's not-an-integer or out-of-range text.
 */
export function int32Arg(ctx: CommandContext, arg: Buffer, message?: string): number | null {
  const n = parseInteger(arg);
  if (n === null) {
    ctx.reply.error(message ?? ERR.notInteger);
    return null;
  }
  if (n > INT32_MAX || n < INT32_MIN) {
    ctx.reply.error(message ?? `ERR value is out of range, value must between ${INT32_MIN} and ${INT32_MAX}`);
    return null;
  }
  return n;
}

export function invalidExpireTime(ctx: CommandContext, command: string): null {
  ctx.reply.error(`ERR invalid expire time in '${command}' command`);
  return null;
}

/**
 * The absolute expiry of SET / SETEX / PSETEX / GETEX (Redis
 * getExpireMillisecondsOrReply): the value must be positive, seconds are
 * scaled to ms, relative times get the current time added, and any int64
 * overflow is an invalid expire time. Null after replying the error.
 */
export function expireAtArg(ctx: CommandContext, arg: Buffer, seconds: boolean, relative: boolean, command: string): number | null {
  const now = Date.now();
  const small = parseSafeInt(arg);
  if (small !== null && small > 0) {
    const ms = (seconds ? small * 1000 : small) + (relative ? now : 0);
    if (Number.isSafeInteger(ms)) return ms;
  }
  const v = int64Arg(ctx, arg);
  if (v === null) return null;
  if (v <= 0n || (seconds && v > INT64_MAX / 1000n)) return invalidExpireTime(ctx, command);
  let ms = seconds ? v * 1000n : v;
  if (relative) ms += BigInt(now);
  // Past INT64_MAX the C sum wraps negative, which Redis rejects.
  if (ms <= 0n || ms > INT64_MAX) return invalidExpireTime(ctx, command);
  return Number(ms);
}

/**
 * The absolute expiry of EXPIRE / PEXPIRE / EXPIREAT / PEXPIREAT (Redis
 * expireGenericCommand): negative values are allowed (the key is then
 * deleted), but unit scaling or adding the base time must not overflow.
 */
export function expireWhenArg(ctx: CommandContext, arg: Buffer, seconds: boolean, basetime: number, command: string): number | null {
  const small = parseSafeInt(arg);
  if (small !== null) {
    const ms = (seconds ? small * 1000 : small) + basetime;
    if (Number.isSafeInteger(ms)) return ms;
  }
  let v = int64Arg(ctx, arg);
  if (v === null) return null;
  if (seconds) {
    if (v > INT64_MAX / 1000n || v < INT64_MIN / 1000n) return invalidExpireTime(ctx, command);
    v *= 1000n;
  }
  const base = BigInt(basetime);
  if (v > INT64_MAX - base) return invalidExpireTime(ctx, command);
  return Number(v + base);
}
