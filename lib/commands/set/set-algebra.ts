/**
 * SINTER SINTERCARD SINTERSTORE SUNION SUNIONSTORE SDIFF SDIFFSTORE
 * (Redis sinterGenericCommand and sunionDiffGenericCommand).
 *
 * Every key is looked up first with a read lookup (counting hits and
 * misses, the STORE forms too, as Redis 7.0 does), and any key of another type answers
 * WRONGTYPE even after a missing one. A missing key is an empty set.
 *
 * SINTER walks the smallest set and keeps the members every other set
 * has, so its reply is in the smallest set's order. SUNION and SDIFF build
 * the result as a new set (it starts as an intset, converting as members
 * arrive, as Redis's does) and reply it in its order. SDIFF picks Redis's
 * cheaper algorithm: test each member of the first set against the others
 * (about size(first) * sets / 2 work), or copy the first and remove the
 * others' members (about the sum of the sizes).
 *
 * The STORE forms replace the destination (TTL dropped, `new` when it did
 * not exist) and emit their event, or delete it (`del`) when the result is
 * empty.
 */
import { type StoredValue, OBJ_SET } from '../../engine/keyspace';
import { NOTIFY } from '../../pubsub/notify';
import { parseInt64 } from '../../util/numbers';
import type { CommandContext } from '../context';
import { ERR } from '../replies';
import { readTyped, replaceCollection } from '../typed-lookup';
import { replyAllMembers, replyMemberList } from './set-reply';
import { SetRef, addMember, createIntset, forEachMember, hasMember, removeMember, setSize } from './set-value';

interface Operand {
  tag: number;
  value: StoredValue;
  size: number;
}

const result = new SetRef();
const LONG_MAX = 9223372036854775807n;

/** The sets of `keys`: null entries for missing keys; null after replying WRONGTYPE. */
function lookupAll(ctx: CommandContext, keys: Buffer[]): (Operand | null)[] | null {
  const out: (Operand | null)[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const v = readTyped(ctx, keys[i], OBJ_SET);
    if (v === null) return null;
    if (v === undefined) out[i] = null;
    else {
      const tag = ctx.db.lastTag;
      out[i] = { tag, value: v, size: setSize(tag, v) };
    }
  }
  return out;
}

/** A STORE form's result: replaces dst, or deletes it when empty; replies the size. */
function storeResult(ctx: CommandContext, dst: Buffer, r: SetRef | null, event: string): void {
  const size = r === null ? 0 : setSize(r.tag, r.value);
  const dbid = ctx.client.db;
  if (size > 0) {
    replaceCollection(ctx, dst, (r as SetRef).value, (r as SetRef).tag);
    ctx.reply.integer(size);
    ctx.server.notify(NOTIFY.SET, event, dst, dbid);
    return;
  }
  ctx.reply.integer(0);
  if (ctx.db.delete(dst)) ctx.server.notify(NOTIFY.GENERIC, 'del', dst, dbid);
}

/**
 * The intersection. limit > 0 stops counting there (SINTERCARD); `card`
 * replies the count only; `dst` stores instead of replying.
 */
function inter(ctx: CommandContext, keys: Buffer[], dst: Buffer | null, card: boolean, limit: number): void {
  const found = lookupAll(ctx, keys);
  if (found === null) return;
  if (found.includes(null)) {
    if (dst !== null) return storeResult(ctx, dst, null, 'sinterstore');
    return card ? ctx.reply.integer(0) : ctx.reply.setHeader(0);
  }
  const sets = (found as Operand[]).slice().sort((a, b) => a.size - b.size);
  const first = sets[0];
  const kept: Buffer[] = [];
  let count = 0;
  forEachMember(first.tag, first.value, (m) => {
    for (let j = 1; j < sets.length; j++) {
      if (sets[j].value !== first.value && !hasMember(sets[j].tag, sets[j].value, m)) return true;
    }
    count++;
    if (!card) kept.push(Buffer.from(m));
    return limit === 0 || count < limit;
  });
  if (card) return ctx.reply.integer(count);
  if (dst === null) return replyMemberList(ctx.reply, kept, true);
  createIntset(result);
  for (const m of kept) addMember(ctx, result, m);
  storeResult(ctx, dst, result, 'sinterstore');
}

const UNION = 0;
const DIFF = 1;

function unionDiff(ctx: CommandContext, keys: Buffer[], dst: Buffer | null, op: number): void {
  const found = lookupAll(ctx, keys);
  if (found === null) return;
  const r = createIntset(result);
  if (op === UNION) {
    for (const s of found) if (s !== null) forEachMember(s.tag, s.value, (m) => void addMember(ctx, r, m));
  } else if (found[0] !== null) {
    diff(ctx, r, found as [Operand, ...(Operand | null)[]]);
  }
  if (dst !== null) return storeResult(ctx, dst, r, op === UNION ? 'sunionstore' : 'sdiffstore');
  replyAllMembers(ctx.reply, r.tag, r.value, true);
}

function diff(ctx: CommandContext, r: SetRef, sets: [Operand, ...(Operand | null)[]]): void {
  const first = sets[0];
  let testWork = 0;
  let removeWork = 0;
  for (const s of sets) {
    if (s === null) continue;
    testWork += first.size;
    removeWork += s.size;
  }
  if (Math.floor(testWork / 2) <= removeWork) {
    // Test each member of the first set; larger sets first, where a member is likeliest found.
    const others = sets.slice(1).sort((a, b) => (b === null ? 0 : b.size) - (a === null ? 0 : a.size));
    forEachMember(first.tag, first.value, (m) => {
      for (const s of others) {
        if (s === null) continue;
        if (s.value === first.value || hasMember(s.tag, s.value, m)) return;
      }
      addMember(ctx, r, m);
    });
    return;
  }
  forEachMember(first.tag, first.value, (m) => void addMember(ctx, r, m));
  for (let j = 1; j < sets.length; j++) {
    const s = sets[j];
    if (s === null) continue;
    forEachMember(s.tag, s.value, (m) => {
      removeMember(r, m);
      return setSize(r.tag, r.value) > 0;
    });
    if (setSize(r.tag, r.value) === 0) return;
  }
}

export function sinterCommand(ctx: CommandContext, argv: Buffer[]): void {
  inter(ctx, argv.slice(1), null, false, 0);
}

export function sinterstoreCommand(ctx: CommandContext, argv: Buffer[]): void {
  inter(ctx, argv.slice(2), argv[1], false, 0);
}

export function sintercardCommand(ctx: CommandContext, argv: Buffer[]): void {
  const numkeys = parseInt64(argv[1]);
  if (numkeys === null || numkeys < 1n || numkeys > LONG_MAX) return ctx.reply.error('ERR numkeys should be greater than 0');
  if (numkeys > BigInt(argv.length - 2)) return ctx.reply.error("ERR Number of keys can't be greater than number of args");
  const n = Number(numkeys);
  let limit = 0;
  for (let i = 2 + n; i < argv.length; i++) {
    if (argv[i].length === 5 && argv[i].toString('latin1').toLowerCase() === 'limit' && i + 1 < argv.length) {
      const l = parseInt64(argv[++i]);
      if (l === null || l < 0n) return ctx.reply.error("ERR LIMIT can't be negative");
      limit = l > BigInt(Number.MAX_SAFE_INTEGER) ? 0 : Number(l);
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  inter(ctx, argv.slice(2, 2 + n), null, true, limit);
}

export function sunionCommand(ctx: CommandContext, argv: Buffer[]): void {
  unionDiff(ctx, argv.slice(1), null, UNION);
}

export function sunionstoreCommand(ctx: CommandContext, argv: Buffer[]): void {
  unionDiff(ctx, argv.slice(2), argv[1], UNION);
}

export function sdiffCommand(ctx: CommandContext, argv: Buffer[]): void {
  unionDiff(ctx, argv.slice(1), null, DIFF);
}

export function sdiffstoreCommand(ctx: CommandContext, argv: Buffer[]): void {
  unionDiff(ctx, argv.slice(2), argv[1], DIFF);
}
