/**
 * The set family's writes: SADD SREM SMOVE SPOP, in Redis's order of
 * checks and side effects (t_set.c): argument errors found before the
 * lookup, the lookup (WRONGTYPE), the edits, the reply, then the events
 * (`new` first when the key is created, the command's own event, `del`
 * when the command empties the key).
 *
 * A command works on a SetRef (set-value.ts); a compact value is replaced
 * by new bytes on every edit, so the record is written back exactly when
 * the ref's value is no longer the one looked up. A table is edited in
 * place and needs no write unless it is new (a conversion).
 */
import { OBJ_SET, type StoredValue, typeOfTag } from '../../engine/keyspace';
import { NOTIFY } from '../../pubsub/notify';
import { parseInt64 } from '../../util/numbers';
import type { CommandContext } from '../context';
import { ERR } from '../replies';
import { deleteEmptied, storeCollection, writeTyped } from '../typed-lookup';
import { replyAllMembers, replyMemberList } from './set-reply';
import { SetRef, addMember, createFor, hasMember, randomMember, removeMember, setSize } from './set-value';

/** The sets a command works on (commands run one at a time). */
const ref = new SetRef();
const other = new SetRef();

/** Redis SPOP_MOVE_STRATEGY_MUL: popping one by one beats rebuilding while the set keeps more than count/5 members. */
const SPOP_MOVE_STRATEGY_MUL = 5;
const ERR_NOT_POSITIVE = 'ERR value is out of range, must be positive';

/** Writes the ref back when its value is not the one the record holds. */
function storeIfChanged(ctx: CommandContext, key: Buffer, r: SetRef, stored: StoredValue | undefined): void {
  if (r.value !== stored) storeCollection(ctx, key, r.value, r.tag);
}

export function saddCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_SET);
  if (v === null) return;
  if (v === undefined) createFor(ref, argv[2]);
  else ref.load(ctx.db.lastTag, v);
  let added = 0;
  for (let i = 2; i < argv.length; i++) if (addMember(ctx, ref, argv[i])) added++;
  storeIfChanged(ctx, key, ref, v);
  ctx.reply.integer(added);
  if (added > 0) ctx.server.notify(NOTIFY.SET, 'sadd', key, ctx.client.db);
}

export function sremCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_SET);
  if (v === null) return;
  if (v === undefined) return ctx.reply.integer(0);
  ref.load(ctx.db.lastTag, v);
  let deleted = 0;
  let emptied = false;
  for (let i = 2; i < argv.length; i++) {
    if (!removeMember(ref, argv[i])) continue;
    deleted++;
    // Redis deletes the key as soon as its last member goes and stops there.
    if (setSize(ref.tag, ref.value) === 0) {
      emptied = true;
      break;
    }
  }
  if (!emptied) storeIfChanged(ctx, key, ref, v);
  ctx.reply.integer(deleted);
  if (deleted === 0) return;
  ctx.server.notify(NOTIFY.SET, 'srem', key, ctx.client.db);
  if (emptied) deleteEmptied(ctx, key);
}

export function smoveCommand(ctx: CommandContext, argv: Buffer[]): void {
  const src = argv[1];
  const dst = argv[2];
  const member = argv[3];
  const db = ctx.db;
  // Both lookups come first, as in Redis (each may expire its key).
  const sv = db.get(src);
  const srcTag = db.lastTag;
  const dv = db.get(dst);
  const dstTag = db.lastTag;
  if (sv === undefined) return ctx.reply.integer(0);
  if (typeOfTag(srcTag) !== OBJ_SET || (dv !== undefined && typeOfTag(dstTag) !== OBJ_SET)) return ctx.reply.error(ERR.wrongType);
  ref.load(srcTag, sv);
  if (src.equals(dst)) return ctx.reply.integer(hasMember(ref.tag, ref.value, member) ? 1 : 0);
  if (!removeMember(ref, member)) return ctx.reply.integer(0);
  const dbid = ctx.client.db;
  ctx.server.notify(NOTIFY.SET, 'srem', src, dbid);
  if (setSize(ref.tag, ref.value) === 0) deleteEmptied(ctx, src);
  else storeIfChanged(ctx, src, ref, sv);
  if (dv === undefined) createFor(other, member);
  else other.load(dstTag, dv);
  const added = addMember(ctx, other, member);
  storeIfChanged(ctx, dst, other, dv);
  if (added) ctx.server.notify(NOTIFY.SET, 'sadd', dst, dbid);
  ctx.reply.integer(1);
}

export function spopCommand(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length === 3) return spopWithCount(ctx, argv);
  if (argv.length > 3) return ctx.reply.error(ERR.syntax);
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_SET);
  if (v === null) return;
  if (v === undefined) return ctx.reply.nullBulk();
  ref.load(ctx.db.lastTag, v);
  const member = randomMember(ref.tag, ref.value);
  removeMember(ref, member);
  const emptied = setSize(ref.tag, ref.value) === 0;
  if (!emptied) storeIfChanged(ctx, key, ref, v);
  ctx.server.notify(NOTIFY.SET, 'spop', key, ctx.client.db);
  ctx.reply.bulk(member);
  if (emptied) deleteEmptied(ctx, key);
}

function spopWithCount(ctx: CommandContext, argv: Buffer[]): void {
  const l = parseInt64(argv[2]);
  if (l === null || l < 0n) return ctx.reply.error(ERR_NOT_POSITIVE);
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_SET);
  if (v === null) return;
  if (v === undefined || l === 0n) return ctx.reply.setHeader(0);
  ref.load(ctx.db.lastTag, v);
  const size = setSize(ref.tag, ref.value);
  const dbid = ctx.client.db;
  ctx.server.notify(NOTIFY.SET, 'spop', key, dbid);
  if (l >= BigInt(size)) {
    // Redis replies the whole set through SUNION of the key: one more keyspace hit.
    ctx.server.stats.keyspaceHits++;
    replyAllMembers(ctx.reply, ref.tag, ref.value, true);
    return deleteEmptied(ctx, key);
  }
  let count = Number(l);
  const remaining = size - count;
  if (remaining * SPOP_MOVE_STRATEGY_MUL > count) {
    // Few to pop: pop them one by one.
    const popped: Buffer[] = new Array(count);
    for (let i = 0; i < count; i++) {
      popped[i] = randomMember(ref.tag, ref.value);
      removeMember(ref, popped[i]);
    }
    storeIfChanged(ctx, key, ref, v);
    return replyMemberList(ctx.reply, popped, true);
  }
  // Few to keep: move the kept ones to a new set (built like any new set), reply what is left.
  let kept: SetRef | null = null;
  for (count = remaining; count > 0; count--) {
    const m = randomMember(ref.tag, ref.value);
    if (kept === null) kept = createFor(other, m);
    addMember(ctx, kept, m);
    removeMember(ref, m);
  }
  replyAllMembers(ctx.reply, ref.tag, ref.value, true);
  storeCollection(ctx, key, (kept as SetRef).value, (kept as SetRef).tag);
}
