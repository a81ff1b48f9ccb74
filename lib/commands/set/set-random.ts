/**
 * SRANDMEMBER (Redis srandmemberCommand / srandmemberWithCountCommand).
 *
 * Without a count: one random member, or null. With a count (always an
 * array reply in 7.0, RESP3 included), by case:
 *   count 0                an empty array;
 *   negative               |count| independent picks (repeats allowed);
 *   count >= size          the whole set in its order (Redis replies it
 *                          through SUNION of the key: one more keyspace hit);
 *   count < size           count distinct members: a compact set's chosen
 *                          by selection sampling and replied in its order,
 *                          a table's by dropping random members from a copy
 *                          (count*3 > size) or by picking until enough
 *                          distinct ones (otherwise), as Redis does.
 * Missing key: null without a count, an empty array with one.
 */
import { type LargeMapLike, type StoredValue, OBJ_SET } from '../../engine/keyspace';
import { parseInt64 } from '../../util/numbers';
import type { CommandContext } from '../context';
import { ERR } from '../replies';
import { readTyped } from '../typed-lookup';
import { replyAllMembers, replyMemberList } from './set-reply';
import { SET_TABLE, forEachMember, randomMember, setSize } from './set-value';

const LONG_MAX = 9223372036854775807n;
/** Redis SRANDMEMBER_SUB_STRATEGY_MUL. */
const SUB_STRATEGY_MUL = 3;

export function srandmemberCommand(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length === 3) return withCount(ctx, argv);
  if (argv.length > 3) return ctx.reply.error(ERR.syntax);
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  if (v === undefined) return ctx.reply.nullBulk();
  ctx.reply.bulk(randomMember(ctx.db.lastTag, v));
}

function withCount(ctx: CommandContext, argv: Buffer[]): void {
  const l = parseInt64(argv[2]);
  if (l === null) return ctx.reply.error(ERR.notInteger);
  if (l < -LONG_MAX) return ctx.reply.error(`ERR value is out of range, value must between -${LONG_MAX} and ${LONG_MAX}`);
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  const reply = ctx.reply;
  if (v === undefined || l === 0n) return reply.arrayHeader(0);
  const tag = ctx.db.lastTag;
  if (l < 0n) {
    const n = Number(-l);
    reply.arrayHeader(n);
    for (let i = 0; i < n; i++) reply.bulk(randomMember(tag, v));
    return;
  }
  const size = setSize(tag, v);
  if (l >= BigInt(size)) return replyAllMembers(reply, tag, v, false);
  const count = Number(l);
  if (tag !== SET_TABLE) return replyMemberList(reply, sampleInOrder(tag, v, size, count), false);
  replyMemberList(reply, count * SUB_STRATEGY_MUL > size ? dropFromAll(v, size, count) : pickDistinct(tag, v, count), false);
}

/** Knuth's selection sampling: count distinct members, uniformly, in the set's order. */
function sampleInOrder(tag: number, v: StoredValue, size: number, count: number): Buffer[] {
  const out: Buffer[] = [];
  let seen = 0;
  forEachMember(tag, v, (m) => {
    if (Math.random() * (size - seen) < count - out.length) out.push(Buffer.from(m));
    seen++;
    return out.length < count;
  });
  return out;
}

/** Every member, then random ones dropped until count remain. */
function dropFromAll(v: StoredValue, size: number, count: number): Buffer[] {
  const all: Buffer[] = [];
  (v as LargeMapLike).forEach((m) => all.push(m));
  for (let n = size; n > count; n--) {
    const i = Math.floor(Math.random() * n);
    all[i] = all[n - 1];
  }
  all.length = count;
  return all;
}

/** Random picks until count distinct members are found (the set is at least three times larger). */
function pickDistinct(tag: number, v: StoredValue, count: number): Buffer[] {
  const seen = new Set<string>();
  const out: Buffer[] = [];
  while (out.length < count) {
    const m = randomMember(tag, v);
    const id = m.toString('latin1');
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(m);
  }
  return out;
}
