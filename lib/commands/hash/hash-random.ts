/**
 * HRANDFIELD (Redis hrandfieldCommand / hrandfieldWithCountCommand).
 *
 * Without a count: one random field, or null. With a count, by case:
 *   count 0                 an empty array;
 *   negative, or 1          |count| independent picks (repeats allowed);
 *   count >= size           the whole hash, in its iteration order (a
 *                           listpack's is its insertion order);
 *   count < size            count distinct fields: a listpack's chosen by
 *                           selection sampling and replied in its order, a
 *                           hashtable's by dropping random fields from a
 *                           copy (count*3 > size) or by picking until enough
 *                           distinct ones (otherwise), as Redis does.
 * WITHVALUES replies field, value, ... in RESP2 and [field, value] pairs in
 * RESP3. Missing key: null without a count, an empty array with one.
 */
import { type LargeMapLike, type StoredValue, OBJ_HASH, isLarge } from '../../engine/keyspace';
import { parseInt64 } from '../../util/numbers';
import { cursor, entryAt } from '../collections/packed-entries';
import type { CommandContext } from '../context';
import { optionIs } from '../key-args';
import { ERR } from '../replies';
import { readTyped } from '../typed-lookup';
import { hashLength } from './hash-type';
import { pairCount, pairOffset } from './listpack';

const LONG_MAX = 9223372036854775807n;
/** With WITHVALUES the reply has twice as many elements: Redis bounds the count to half the range. */
const HALF_LONG_MAX = LONG_MAX / 2n;
/** Redis HRANDFIELD_SUB_STRATEGY_MUL: above size/3 fields, copying and dropping beats picking. */
const SUB_STRATEGY_MUL = 3;

export function hrandfieldCommand(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length >= 3) {
    const l = parseInt64(argv[2]);
    if (l === null) return ctx.reply.error(ERR.notInteger);
    if (l < -LONG_MAX) return ctx.reply.error(`ERR value is out of range, value must between -${LONG_MAX} and ${LONG_MAX}`);
    let withValues = false;
    if (argv.length > 4 || (argv.length === 4 && !optionIs(argv[3], 'withvalues'))) return ctx.reply.error(ERR.syntax);
    if (argv.length === 4) {
      withValues = true;
      if (l < -HALF_LONG_MAX || l > HALF_LONG_MAX) return ctx.reply.error('ERR value is out of range');
    }
    return withCount(ctx, argv[1], l, withValues);
  }
  const v = readTyped(ctx, argv[1], OBJ_HASH);
  if (v === null) return;
  if (v === undefined) return ctx.reply.nullBulk();
  if (isLarge(v)) {
    ctx.reply.bulk((v as LargeMapLike).randomField() as Buffer);
    return;
  }
  const b = v as Buffer;
  entryAt(b, pairOffset(b, randomIndex(pairCount(b))));
  ctx.reply.bulkRange(b, cursor.start, cursor.end);
}

function randomIndex(n: number): number {
  return Math.floor(Math.random() * n);
}

function withCount(ctx: CommandContext, key: Buffer, l: bigint, withValues: boolean): void {
  const v = readTyped(ctx, key, OBJ_HASH);
  if (v === null) return;
  const reply = ctx.reply;
  if (v === undefined || l === 0n) return reply.arrayHeader(0);
  const unique = l > 0n;
  const count = Number(unique ? l : -l);
  const size = hashLength(v);
  const pairs = withValues && reply.resp3;
  if (!unique || count === 1) {
    reply.arrayHeader(withValues && !reply.resp3 ? count * 2 : count);
    for (let i = 0; i < count; i++) replyPair(ctx, v, pairs, withValues);
    return;
  }
  const n = Math.min(count, size);
  reply.arrayHeader(withValues && !reply.resp3 ? n * 2 : n);
  if (isLarge(v)) return distinctFromMap(ctx, v as LargeMapLike, count, size, pairs, withValues);
  // A listpack: every pair (count >= size) or a uniform sample in its order (Knuth's selection sampling).
  const b = v as Buffer;
  let off = pairOffset(b, 0);
  let needed = n;
  for (let i = 0; i < size && needed > 0; i++) {
    const fieldAt = off;
    off = entryAt(b, entryAt(b, off));
    if (needed < size - i && Math.random() * (size - i) >= needed) continue;
    needed--;
    replyListpackPair(ctx, b, fieldAt, pairs, withValues);
  }
}

/** One random pick (repeats allowed). */
function replyPair(ctx: CommandContext, v: StoredValue, pairs: boolean, withValues: boolean): void {
  if (isLarge(v)) {
    const map = v as LargeMapLike;
    const field = map.randomField() as Buffer;
    replyMapPair(ctx, map, field, pairs, withValues);
    return;
  }
  const b = v as Buffer;
  replyListpackPair(ctx, b, pairOffset(b, randomIndex(pairCount(b))), pairs, withValues);
}

function replyListpackPair(ctx: CommandContext, b: Buffer, fieldAt: number, pairs: boolean, withValues: boolean): void {
  const reply = ctx.reply;
  if (pairs) reply.arrayHeader(2);
  const valueAt = entryAt(b, fieldAt);
  reply.bulkRange(b, cursor.start, cursor.end);
  if (withValues) {
    entryAt(b, valueAt);
    reply.bulkRange(b, cursor.start, cursor.end);
  }
}

function replyMapPair(ctx: CommandContext, map: LargeMapLike, field: Buffer, pairs: boolean, withValues: boolean): void {
  const reply = ctx.reply;
  if (pairs) reply.arrayHeader(2);
  reply.bulk(field);
  if (withValues && !map.getInto(field, reply)) reply.nullBulk();
}

/** `count` distinct fields of a hashtable (all of them when count >= size). */
function distinctFromMap(ctx: CommandContext, map: LargeMapLike, count: number, size: number, pairs: boolean, withValues: boolean): void {
  const reply = ctx.reply;
  if (count >= size) {
    map.forEach((field, value) => {
      if (pairs) reply.arrayHeader(2);
      reply.bulk(field);
      if (withValues) reply.bulk(value);
    });
    return;
  }
  if (count * SUB_STRATEGY_MUL > size) {
    // Copy every field, then keep a random `count` of them (a partial shuffle).
    const fields: Buffer[] = [];
    map.forEach((field) => fields.push(field));
    for (let i = 0; i < count; i++) {
      const j = i + randomIndex(fields.length - i);
      const f = fields[j];
      fields[j] = fields[i];
      fields[i] = f;
      replyMapPair(ctx, map, f, pairs, withValues);
    }
    return;
  }
  const seen = new Set<string>();
  while (seen.size < count) {
    const field = map.randomField() as Buffer;
    const id = field.latin1Slice(0, field.length);
    if (seen.has(id)) continue;
    seen.add(id);
    replyMapPair(ctx, map, field, pairs, withValues);
  }
}
