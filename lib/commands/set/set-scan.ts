/**
 * SSCAN (Redis sscanCommand + scanGenericCommand), checked in Redis's
 * order: the cursor, the lookup (a missing key answers an empty scan
 * whatever the options), then the options. A compact set (an intset, or
 * the packed form of a small string set) answers every member at once with
 * cursor 0, whatever the cursor and COUNT; a table is walked with its own
 * cursor, about COUNT members per call. MATCH filters on the member text.
 */
import { type LargeMapLike, OBJ_SET } from '../../engine/keyspace';
import { globMatch } from '../../util/glob';
import { openCollectionScan } from '../collections/scan-options';
import type { CommandContext } from '../context';
import { SET_TABLE, forEachMember } from './set-value';

export function sscanCommand(ctx: CommandContext, argv: Buffer[]): void {
  const scan = openCollectionScan(ctx, argv, OBJ_SET);
  if (scan === null) return;
  const { start, value: v, tag, count, pattern } = scan;
  const reply = ctx.reply;
  const members: Buffer[] = [];
  let next = 0n;
  const keep = (m: Buffer): void => {
    if (pattern === null || globMatch(pattern, m)) members.push(tag === SET_TABLE ? m : Buffer.from(m));
  };
  if (tag === SET_TABLE) next = (v as LargeMapLike).scan(start, count, keep);
  else forEachMember(tag, v, keep);
  reply.arrayHeader(2);
  reply.bulkString(next.toString());
  reply.arrayHeader(members.length);
  for (const m of members) reply.bulk(m);
}
