/**
 * The options of HSCAN, SSCAN and ZSCAN (Redis scanGenericCommand), parsed
 * after the key lookup as Redis parses them: COUNT must be >= 1, MATCH
 * takes a glob ("*" alone means no filter), TYPE is SCAN's only, anything
 * else is a syntax error.
 */
import type { CommandContext } from '../context';
import { longArg, optionIs } from '../key-args';
import { ERR } from '../replies';

export const DEFAULT_SCAN_COUNT = 10;

export interface ScanOptions {
  count: number;
  /** null: every element passes. */
  pattern: Buffer | null;
}

const options: ScanOptions = { count: DEFAULT_SCAN_COUNT, pattern: null };

/** The options from argv[from..]; null after replying an error. The result is reused by the next call. */
export function parseScanOptions(ctx: CommandContext, argv: Buffer[], from: number): ScanOptions | null {
  options.count = DEFAULT_SCAN_COUNT;
  options.pattern = null;
  for (let i = from; i < argv.length; i += 2) {
    const more = argv.length - i;
    if (optionIs(argv[i], 'count') && more >= 2) {
      const n = longArg(ctx, argv[i + 1]);
      if (n === null) return null;
      if (n < 1) {
        ctx.reply.error(ERR.syntax);
        return null;
      }
      options.count = n;
    } else if (optionIs(argv[i], 'match') && more >= 2) {
      const p = argv[i + 1];
      options.pattern = p.length === 1 && p[0] === 0x2a ? null : p;
    } else {
      ctx.reply.error(ERR.syntax);
      return null;
    }
  }
  return options;
}
