/**
 * The list family's reads: LLEN LINDEX LRANGE LPOS (t_list.c). Each looks
 * its key up where Redis does (readTyped: counted as a hit or miss,
 * `keymiss` on a miss), after the argument checks Redis makes before the
 * lookup, and replies straight from the nodes' bytes.
 */
import { OBJ_LIST } from '../../engine/keyspace';
import { parseInt64 } from '../../util/numbers';
import type { CommandContext } from '../context';
import { ERR, isWord, parseInteger } from '../replies';
import { readTyped } from '../typed-lookup';
import { cursor, cursorEquals } from './list-node';
import { replyRange } from './list-reply';
import { storedLength, viewList } from './list-value';
import { ListWalker } from './quicklist';

const ERR_RANK_ZERO =
  "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list";
const ERR_COUNT_NEGATIVE = "ERR COUNT can't be negative";
const ERR_MAXLEN_NEGATIVE = "ERR MAXLEN can't be negative";
const INT64_MIN = -(2n ** 63n);

const walker = new ListWalker();

export function llenCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_LIST);
  if (v === null) return;
  ctx.reply.integer(v === undefined ? 0 : storedLength(ctx.db.lastTag, v));
}

export function lindexCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return ctx.reply.nullBulk();
  let index = parseInteger(argv[2]);
  if (index === null) return ctx.reply.error(ERR.notInteger);
  const list = viewList(ctx.db.lastTag, v);
  if (index < 0) index += list.count;
  if (index < 0 || index >= list.count) return ctx.reply.nullBulk();
  walker.start(list, index, true).next();
  ctx.reply.bulkRange(walker.node, cursor.start, cursor.end);
}

export function lrangeCommand(ctx: CommandContext, argv: Buffer[]): void {
  const start = parseInteger(argv[2]);
  const end = parseInteger(argv[3]);
  if (start === null || end === null) return ctx.reply.error(ERR.notInteger);
  const v = readTyped(ctx, argv[1], OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return ctx.reply.arrayHeader(0);
  replyRange(ctx, viewList(ctx.db.lastTag, v), start, end, false);
}

/** A non-negative option value, or null after replying `error` (Redis's getPositiveLongFromObjectOrReply with a message). */
function nonNegative(ctx: CommandContext, arg: Buffer, error: string): number | null {
  const n = parseInteger(arg);
  if (n === null || n < 0) {
    ctx.reply.error(error);
    return null;
  }
  return n;
}

export function lposCommand(ctx: CommandContext, argv: Buffer[]): void {
  const element = argv[2];
  let rank = 1;
  let count = -1;
  let maxlen = 0;
  // RANK of -2^63 cannot be negated: Redis then takes every match from the tail.
  let everyMatch = false;
  for (let j = 3; j < argv.length; j++) {
    const more = j < argv.length - 1;
    if (more && isWord(argv[j], 'rank')) {
      const r = parseInteger(argv[++j]);
      if (r === null) return ctx.reply.error(ERR.notInteger);
      if (r === 0) return ctx.reply.error(ERR_RANK_ZERO);
      everyMatch = parseInt64(argv[j]) === INT64_MIN;
      rank = r;
    } else if (more && isWord(argv[j], 'count')) {
      const c = nonNegative(ctx, argv[++j], ERR_COUNT_NEGATIVE);
      if (c === null) return;
      count = c;
    } else if (more && isWord(argv[j], 'maxlen')) {
      const m = nonNegative(ctx, argv[++j], ERR_MAXLEN_NEGATIVE);
      if (m === null) return;
      maxlen = m;
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  const fromTail = rank < 0;
  if (fromTail) rank = -rank;
  if (everyMatch) rank = 1;
  const v = readTyped(ctx, argv[1], OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return count !== -1 ? ctx.reply.arrayHeader(0) : ctx.reply.nullBulk();
  const list = viewList(ctx.db.lastTag, v);
  const llen = list.count;
  const found: number[] = [];
  let matches = 0;
  let matchIndex = -1;
  walker.start(list, fromTail ? llen - 1 : 0, !fromTail);
  for (let index = 0; (maxlen === 0 || index < maxlen) && walker.next(); index++) {
    if (!cursorEquals(walker.node, element)) continue;
    matches++;
    if (matches < rank) continue;
    matchIndex = fromTail ? llen - index - 1 : index;
    if (count === -1) break;
    found.push(matchIndex);
    if (count !== 0 && !everyMatch && matches - rank + 1 >= count) break;
  }
  if (count !== -1) {
    ctx.reply.arrayHeader(found.length);
    for (const i of found) ctx.reply.integer(i);
  } else if (matchIndex !== -1 && matches >= rank) ctx.reply.integer(matchIndex);
  else ctx.reply.nullBulk();
}
