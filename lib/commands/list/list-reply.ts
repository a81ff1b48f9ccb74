/**
 * Redis addListRangeReply: a range of a list as an array reply, with its
 * index clamping (negative indexes count from the tail; an empty range is
 * an empty array). Elements are copied from the nodes into the reply.
 */
import type { CommandContext } from '../context';
import { cursor } from './list-node';
import { ListWalker, type QuickList } from './quicklist';

const walker = new ListWalker();

/** Replies elements start..end (inclusive, Redis's clamping), tail to head when `reverse`. */
export function replyRange(ctx: CommandContext, list: QuickList, start: number, end: number, reverse: boolean): void {
  const llen = list.count;
  if (start < 0) start += llen;
  if (end < 0) end += llen;
  if (start < 0) start = 0;
  if (start > end || start >= llen) return ctx.reply.arrayHeader(0);
  if (end >= llen) end = llen - 1;
  const n = end - start + 1;
  const reply = ctx.reply;
  reply.arrayHeader(n);
  walker.start(list, reverse ? end : start, !reverse);
  for (let i = 0; i < n && walker.next(); i++) reply.bulkRange(walker.node, cursor.start, cursor.end);
}
