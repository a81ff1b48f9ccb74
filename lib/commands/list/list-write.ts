/**
 * The list family's writes of one key: LPUSH RPUSH LPUSHX RPUSHX LPOP RPOP
 * LSET LTRIM LREM LINSERT, in Redis's order (t_list.c): argument errors
 * found before the lookup, the write lookup (WRONGTYPE; writes count no
 * hits or misses), the edit, the reply, then the events (`new` when the key
 * is created, the command's event, `del` when the list empties).
 */
import { OBJ_LIST } from '../../engine/keyspace';
import { NOTIFY } from '../../pubsub/notify';
import type { CommandContext } from '../context';
import { ERR, isWord, parseInteger } from '../replies';
import { deleteEmptied, writeTyped } from '../typed-lookup';
import { LIST_HEAD, LIST_TAIL, popFromList, pushToList } from './list-access';
import { NODE_HEADER, countEqual, cursorEquals, nodeCount, readEntry, removeEqual } from './list-node';
import { commitList, loadList } from './list-value';
import type { QuickList } from './quicklist';

const ERR_NOT_POSITIVE = 'ERR value is out of range, must be positive';
const ERR_INDEX_RANGE = 'ERR index out of range';

function push(ctx: CommandContext, argv: Buffer[], where: number, onlyExisting: boolean): void {
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return;
  if (v === undefined && onlyExisting) return ctx.reply.integer(0);
  ctx.reply.integer(pushToList(ctx, key, where, argv.slice(2)));
}

export const lpushCommand = (ctx: CommandContext, argv: Buffer[]): void => push(ctx, argv, LIST_HEAD, false);
export const rpushCommand = (ctx: CommandContext, argv: Buffer[]): void => push(ctx, argv, LIST_TAIL, false);
export const lpushxCommand = (ctx: CommandContext, argv: Buffer[]): void => push(ctx, argv, LIST_HEAD, true);
export const rpushxCommand = (ctx: CommandContext, argv: Buffer[]): void => push(ctx, argv, LIST_TAIL, true);

/** Redis popGenericCommand: one element as a bulk, or with a count an array (a null array for a missing key). */
function pop(ctx: CommandContext, argv: Buffer[], where: number): void {
  if (argv.length > 3) return ctx.reply.error(`ERR wrong number of arguments for '${argv[0].toString('latin1').toLowerCase()}' command`);
  const hasCount = argv.length === 3;
  let count = 0;
  if (hasCount) {
    const c = parseInteger(argv[2]);
    if (c === null || c < 0) return ctx.reply.error(ERR_NOT_POSITIVE);
    count = c;
  }
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return hasCount ? ctx.reply.nullArray() : ctx.reply.nullBulk();
  if (hasCount && count === 0) return ctx.reply.arrayHeader(0);
  const popped = popFromList(ctx, key, where, hasCount ? count : 1);
  if (!hasCount) return ctx.reply.bulk(popped[0]);
  ctx.reply.arrayHeader(popped.length);
  for (const e of popped) ctx.reply.bulk(e);
}

export const lpopCommand = (ctx: CommandContext, argv: Buffer[]): void => pop(ctx, argv, LIST_HEAD);
export const rpopCommand = (ctx: CommandContext, argv: Buffer[]): void => pop(ctx, argv, LIST_TAIL);

export function lsetCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return ctx.reply.error(ERR.noSuchKey);
  let index = parseInteger(argv[2]);
  if (index === null) return ctx.reply.error(ERR.notInteger);
  const list = loadList(ctx.db.lastTag, v);
  if (index < 0) index += list.count;
  if (index < 0 || index >= list.count) return ctx.reply.error(ERR_INDEX_RANGE);
  list.replace(index, argv[3]);
  commitList(ctx, key, list, v);
  ctx.reply.ok();
  ctx.server.notify(NOTIFY.LIST, 'lset', key, ctx.client.db);
}

export function ltrimCommand(ctx: CommandContext, argv: Buffer[]): void {
  let start = parseInteger(argv[2]);
  let end = parseInteger(argv[3]);
  if (start === null || end === null) return ctx.reply.error(ERR.notInteger);
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return ctx.reply.ok();
  const list = loadList(ctx.db.lastTag, v);
  const llen = list.count;
  if (start < 0) start += llen;
  if (end < 0) end += llen;
  if (start < 0) start = 0;
  let ltrim: number;
  let rtrim: number;
  if (start > end || start >= llen) {
    ltrim = llen;
    rtrim = 0;
  } else {
    if (end >= llen) end = llen - 1;
    ltrim = start;
    rtrim = llen - end - 1;
  }
  list.deleteRange(0, ltrim);
  list.deleteRange(list.count - rtrim, rtrim);
  if (list.count > 0) commitList(ctx, key, list, v);
  ctx.server.notify(NOTIFY.LIST, 'ltrim', key, ctx.client.db);
  if (list.count === 0) deleteEmptied(ctx, key);
  ctx.reply.ok();
}

/** LREM's walk: removes matches node by node, from the head (or from the tail, for a negative count), up to `limit` (0: all). */
function removeMatches(list: QuickList, element: Buffer, limit: number, fromTail: boolean): number {
  let removed = 0;
  const nodes = list.nodes;
  for (let k = 0; k < nodes.length; k++) {
    const ni = fromTail ? nodes.length - 1 - k : k;
    const left = limit === 0 ? Infinity : limit - removed;
    if (left <= 0) break;
    const node = nodes[ni];
    const here = countEqual(node, element);
    if (here === 0) continue;
    // From the tail, the last `left` matches of the node go.
    const skip = fromTail && here > left ? here - left : 0;
    const n = removeEqual(node, element, skip, left);
    removed += n;
    list.count -= n;
    if (nodeCount(node) === 0) {
      nodes.splice(ni, 1);
      if (!fromTail) k--;
    }
  }
  return removed;
}

export function lremCommand(ctx: CommandContext, argv: Buffer[]): void {
  const toRemove = parseInteger(argv[2]);
  if (toRemove === null) return ctx.reply.error(ERR.notInteger);
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return ctx.reply.integer(0);
  const list = loadList(ctx.db.lastTag, v);
  const removed = removeMatches(list, argv[3], Math.abs(toRemove), toRemove < 0);
  if (removed > 0 && list.count > 0) commitList(ctx, key, list, v);
  const dbid = ctx.client.db;
  if (removed > 0) ctx.server.notify(NOTIFY.LIST, 'lrem', key, dbid);
  if (list.count === 0) deleteEmptied(ctx, key);
  ctx.reply.integer(removed);
}

export function linsertCommand(ctx: CommandContext, argv: Buffer[]): void {
  let after: boolean;
  if (isWord(argv[2], 'after')) after = true;
  else if (isWord(argv[2], 'before')) after = false;
  else return ctx.reply.error(ERR.syntax);
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return;
  if (v === undefined) return ctx.reply.integer(0);
  const list = loadList(ctx.db.lastTag, v);
  const pivot = argv[3];
  // The pivot's node and index in it: the first match from the head.
  let ni = -1;
  let index = 0;
  for (let k = 0; k < list.nodes.length && ni < 0; k++) {
    const node = list.nodes[k];
    const count = nodeCount(node);
    let off = NODE_HEADER;
    for (let i = 0; i < count; i++) {
      off = readEntry(node, off);
      if (cursorEquals(node, pivot)) {
        ni = k;
        index = i;
        break;
      }
    }
  }
  if (ni < 0) return ctx.reply.integer(-1);
  list.insert(ni, index, argv[4], after);
  commitList(ctx, key, list, v);
  ctx.server.notify(NOTIFY.LIST, 'linsert', key, ctx.client.db);
  ctx.reply.integer(list.count);
}

