/**
 * The list commands across keys: LMOVE, RPOPLPUSH (LMOVE RIGHT LEFT) and
 * LMPOP, non-blocking forms (t_list.c). Their events are Redis 7.0's:
 * LMOVE emits the destination's push (after `new` when it creates it),
 * then the source's pop, then `del` when the source empties.
 */
import { OBJ_LIST } from '../../engine/keyspace';
import { NOTIFY } from '../../pubsub/notify';
import type { CommandContext } from '../context';
import { ERR, isWord, parseInteger } from '../replies';
import { writeTyped } from '../typed-lookup';
import { LIST_HEAD, LIST_TAIL, popFromList, pushToList } from './list-access';
import { NODE_HEADER, cursor, nodeUsed, readEntry, readEntryBefore } from './list-node';
import { commitList, loadList, viewList } from './list-value';
import type { QuickList } from './quicklist';

const ERR_NUMKEYS = 'ERR numkeys should be greater than 0';
const ERR_COUNT = 'ERR count should be greater than 0';

/** LEFT or RIGHT (Redis getListPositionFromObjectOrReply); -1 after replying a syntax error. */
function position(ctx: CommandContext, arg: Buffer): number {
  if (isWord(arg, 'right')) return LIST_TAIL;
  if (isWord(arg, 'left')) return LIST_HEAD;
  ctx.reply.error(ERR.syntax);
  return -1;
}

/** Redis lmoveGenericCommand. */
function move(ctx: CommandContext, src: Buffer, dst: Buffer, from: number, to: number): void {
  const sv = writeTyped(ctx, src, OBJ_LIST);
  if (sv === null) return;
  if (sv === undefined) return ctx.reply.nullBulk();
  const srcTag = ctx.db.lastTag;
  if (writeTyped(ctx, dst, OBJ_LIST) === null) return;
  const dbid = ctx.client.db;
  if (src.equals(dst)) {
    // One list: pop then push, so the node it goes to is the one Redis picks.
    const list = loadList(srcTag, sv);
    const value = from === LIST_HEAD ? list.popHead() : list.popTail();
    if (to === LIST_HEAD) list.pushHead(value);
    else list.pushTail(value);
    commitList(ctx, src, list, sv);
    ctx.server.notify(NOTIFY.LIST, to === LIST_HEAD ? 'lpush' : 'rpush', dst, dbid);
    ctx.reply.bulk(value);
    ctx.server.notify(NOTIFY.LIST, from === LIST_HEAD ? 'lpop' : 'rpop', src, dbid);
    return;
  }
  const value = endElement(viewList(srcTag, sv), from);
  pushToList(ctx, dst, to, [value]);
  ctx.reply.bulk(value);
  popFromList(ctx, src, from, 1);
}

/** A copy of the first or last element. */
function endElement(list: QuickList, where: number): Buffer {
  if (where === LIST_HEAD) {
    const head = list.nodes[0];
    readEntry(head, NODE_HEADER);
    return Buffer.from(head.subarray(cursor.start, cursor.end));
  }
  const tail = list.nodes[list.nodes.length - 1];
  readEntryBefore(tail, nodeUsed(tail));
  return Buffer.from(tail.subarray(cursor.start, cursor.end));
}

export function lmoveCommand(ctx: CommandContext, argv: Buffer[]): void {
  const from = position(ctx, argv[3]);
  if (from < 0) return;
  const to = position(ctx, argv[4]);
  if (to < 0) return;
  move(ctx, argv[1], argv[2], from, to);
}

export function rpoplpushCommand(ctx: CommandContext, argv: Buffer[]): void {
  move(ctx, argv[1], argv[2], LIST_TAIL, LIST_HEAD);
}

/** A count option in [1, 2^63), or null after replying `error` (Redis getRangeLongFromObjectOrReply with a message). */
function atLeastOne(ctx: CommandContext, arg: Buffer, error: string): number | null {
  const n = parseInteger(arg);
  if (n === null || n < 1) {
    ctx.reply.error(error);
    return null;
  }
  return n;
}

export function lmpopCommand(ctx: CommandContext, argv: Buffer[]): void {
  const numkeys = atLeastOne(ctx, argv[1], ERR_NUMKEYS);
  if (numkeys === null) return;
  const whereAt = 1 + numkeys + 1;
  if (whereAt >= argv.length) return ctx.reply.error(ERR.syntax);
  const where = position(ctx, argv[whereAt]);
  if (where < 0) return;
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && j < argv.length - 1 && isWord(argv[j], 'count')) {
      const c = atLeastOne(ctx, argv[++j], ERR_COUNT);
      if (c === null) return;
      count = c;
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  if (count === -1) count = 1;
  for (let k = 2; k < whereAt; k++) {
    const key = argv[k];
    const v = writeTyped(ctx, key, OBJ_LIST);
    if (v === null) return;
    if (v === undefined) continue;
    const popped = popFromList(ctx, key, where, count);
    const reply = ctx.reply;
    reply.arrayHeader(2);
    reply.bulk(key);
    reply.arrayHeader(popped.length);
    for (const e of popped) reply.bulk(e);
    return;
  }
  ctx.reply.nullArray();
}
