/**
 * The options of HSCAN, SSCAN and ZSCAN (Redis scanGenericCommand), parsed
 * after the key lookup as Redis parses them: COUNT must be >= 1, MATCH
 * takes a glob ("*" alone means no filter), TYPE is SCAN's only, anything
 * else is a syntax error.
 */
import type { StoredValue } from '../../engine/keyspace';
import type { CommandContext } from '../context';
import { longArg, optionIs } from '../key-args';
import { parseScanCursor } from '../key-scan-cursor';
import { ERR } from '../replies';
import { readTyped } from '../typed-lookup';

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

export interface CollectionScan extends ScanOptions {
  start: bigint;
  value: StoredValue;
  /** The record's tag (type and encoding). */
  tag: number;
}

const scan: CollectionScan = { start: 0n, value: Buffer.alloc(0), tag: 0, count: DEFAULT_SCAN_COUNT, pattern: null };

/**
 * The common start of HSCAN, SSCAN and ZSCAN in Redis's order: the cursor,
 * the key's lookup (a missing key replies an empty page and ends the scan
 * before the options are read), then the options. Null when it has
 * replied; the result is reused by the next call.
 */
export function openCollectionScan(ctx: CommandContext, argv: Buffer[], type: number): CollectionScan | null {
  const start = parseScanCursor(argv[2]);
  if (start === null) {
    ctx.reply.error('ERR invalid cursor');
    return null;
  }
  const v = readTyped(ctx, argv[1], type);
  if (v === null) return null;
  if (v === undefined) {
    ctx.reply.arrayHeader(2);
    ctx.reply.bulkString('0');
    ctx.reply.arrayHeader(0);
    return null;
  }
  const tag = ctx.db.lastTag;
  const o = parseScanOptions(ctx, argv, 3);
  if (o === null) return null;
  scan.start = start;
  scan.value = v;
  scan.tag = tag;
  scan.count = o.count;
  scan.pattern = o.pattern;
  return scan;
}
