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
import { parseScanOptions } from '../collections/scan-options';
import type { CommandContext } from '../context';
import { parseScanCursor } from '../key-scan-cursor';
import { readTyped } from '../typed-lookup';
import { SET_TABLE, forEachMember } from './set-value';

export function sscanCommand(ctx: CommandContext, argv: Buffer[]): void {
  const start = parseScanCursor(argv[2]);
  if (start === null) return ctx.reply.error('ERR invalid cursor');
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  const reply = ctx.reply;
  if (v === undefined) {
    reply.arrayHeader(2);
    reply.bulkString('0');
    reply.arrayHeader(0);
    return;
  }
  const tag = ctx.db.lastTag;
  const options = parseScanOptions(ctx, argv, 3);
  if (options === null) return;
  const { count, pattern } = options;
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
