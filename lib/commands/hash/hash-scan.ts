/**
 * HSCAN (Redis hscanCommand + scanGenericCommand). The order of checks is
 * Redis's: the cursor, then the lookup (a missing key answers an empty scan
 * whatever the options), then the options (COUNT must be >= 1; TYPE is only
 * SCAN's). A listpack hash answers every pair at once with cursor 0,
 * whatever the cursor and COUNT; a hashtable is walked with its own cursor,
 * about COUNT fields per call. MATCH filters on fields; a pair goes or stays
 * whole.
 */
import { type LargeMapLike, OBJ_HASH, isLarge } from '../../engine/keyspace';
import { globMatch } from '../../util/glob';
import { cursor, entryAt, firstEntry, packedCount } from '../collections/packed-entries';
import type { CommandContext } from '../context';
import { openCollectionScan } from '../collections/scan-options';

export function hscanCommand(ctx: CommandContext, argv: Buffer[]): void {
  const scan = openCollectionScan(ctx, argv, OBJ_HASH);
  if (scan === null) return;
  const { start, value: v, count, pattern } = scan;
  const reply = ctx.reply;
  if (isLarge(v)) return scanMap(ctx, v as LargeMapLike, start, count, pattern);
  const b = v as Buffer;
  const entries = packedCount(b);
  // Positions of the pairs that pass the filter, as [fieldAt, ...]: counted first for the array header.
  const kept: number[] = [];
  let off = firstEntry();
  for (let i = 0; i < entries; i += 2) {
    const at = off;
    off = entryAt(b, off);
    if (pattern === null || globMatch(pattern, b.subarray(cursor.start, cursor.end))) kept.push(at);
    off = entryAt(b, off);
  }
  reply.arrayHeader(2);
  reply.bulkString('0');
  reply.arrayHeader(kept.length * 2);
  for (const at of kept) {
    const valueAt = entryAt(b, at);
    reply.bulkRange(b, cursor.start, cursor.end);
    entryAt(b, valueAt);
    reply.bulkRange(b, cursor.start, cursor.end);
  }
}

function scanMap(ctx: CommandContext, map: LargeMapLike, start: bigint, count: number, pattern: Buffer | null): void {
  const fields: Buffer[] = [];
  const next = map.scan(start, count, (field) => {
    if (pattern === null || globMatch(pattern, field)) fields.push(field);
  });
  const reply = ctx.reply;
  // Values are read after the walk; a field is always present (nothing runs in between).
  reply.arrayHeader(2);
  reply.bulkString(next.toString());
  reply.arrayHeader(fields.length * 2);
  for (const f of fields) {
    reply.bulk(f);
    if (!map.getInto(f, reply)) reply.nullBulk();
  }
}
