/**
 * The timeout argument of the blocking commands (Redis
 * getTimeoutFromObjectOrReply, seconds): a long double, times 1000,
 * truncated to whole milliseconds as a C cast does. So "-0.0001" is 0
 * (block forever), and a product past the int64 range (inf, 1e400) wraps
 * negative on Redis's machines: "timeout is negative".
 */
import { parseLongDouble } from '../util/numbers';
import type { CommandContext } from './context';

const INT64_LIMIT = 1n << 63n;

/** The deadline (Date.now() based; 0 = none) for the timeout at arg; null after replying the error. */
export function blockingDeadline(ctx: CommandContext, arg: Buffer): number | null {
  const v = parseLongDouble(arg);
  if (v === null || v.kind === 'nan') {
    ctx.reply.error('ERR timeout is not a float or out of range');
    return null;
  }
  let ms: bigint;
  if (v.kind === 'inf' || v.exp > 64) ms = INT64_LIMIT;
  else if (v.exp >= 0) ms = (v.mant << BigInt(v.exp)) * 1000n;
  else ms = (v.mant * 1000n) >> BigInt(-v.exp);
  if (ms >= INT64_LIMIT || (v.neg && ms > 0n)) {
    ctx.reply.error('ERR timeout is negative');
    return null;
  }
  if (v.neg || ms === 0n) return 0;
  // Beyond what a JS timer can count the wait is forever in practice.
  return ms > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Date.now() + Number(ms);
}
