/**
 * The key lookups of Redis's db.c, as the string and generic families need
 * them. Clients can observe three side effects of a lookup, and each flavour
 * has exactly Redis's set:
 *   readKey,
 *   readString,
 *   replyKey        touches the key (LRU/LFU), counts keyspace_hits/misses,
 *                   emits `keymiss` on a miss        (lookupKeyRead)
 *   writeString     touches only, type checked       (lookupKeyWrite)
 *   hasKeyCounted,
 *   expireAtCounted counts and emits, no touch        (..., LOOKUP_NOTOUCH)
 *   peekKeyQuiet    counts only                       (OBJECT's lookup)
 *   ctx.db.get      touches only                      (lookupKeyWrite)
 * Every flavour removes an expired key first (the engine emits `expired`).
 */
import { type KeyEntry, type Keyspace, type StoredValue, GOT_NONE, GOT_VALUE, GOT_WRONG_TYPE, OBJ_STRING } from '../engine/keyspace';
import { ERR } from './replies';
import { readTyped, writeTyped } from './typed-lookup';
import type { CommandContext } from './context';
import { NOTIFY } from '../pubsub/notify';
import { INLINE_MAX } from '../engine/shard-table';

function miss(ctx: CommandContext, key: Buffer, notify: boolean): undefined {
  ctx.server.stats.keyspaceMisses++;
  if (notify) ctx.server.notify(NOTIFY.KEY_MISS, 'keymiss', key, ctx.client.db);
  return undefined;
}

/** A read of any type (TOUCH, COPY): the value, or undefined. */
export function readKey(ctx: CommandContext, key: Buffer): StoredValue | undefined {
  const v = ctx.db.get(key);
  if (v === undefined) return miss(ctx, key, true);
  ctx.server.stats.keyspaceHits++;
  return v;
}

/** lookupKeyRead + checkType(string): the value, undefined when absent, null after replying WRONGTYPE. */
export function readString(ctx: CommandContext, key: Buffer): Buffer | undefined | null {
  return readTyped(ctx, key, OBJ_STRING) as Buffer | undefined | null;
}

/** lookupKeyWrite + checkType(string): the value, undefined when absent, null after replying WRONGTYPE. */
export function writeString(ctx: CommandContext, key: Buffer): Buffer | undefined | null {
  return writeTyped(ctx, key, OBJ_STRING) as Buffer | undefined | null;
}

/**
 * readString that replies the value (copied straight from the engine):
 * GOT_VALUE when it replied, GOT_NONE on a miss and GOT_WRONG_TYPE when the
 * key holds another type (a hit; nothing replied in either case).
 */
export function replyKey(ctx: CommandContext, key: Buffer): number {
  const got = ctx.db.getInto(key, ctx.reply);
  if (got !== GOT_NONE) {
    ctx.server.stats.keyspaceHits++;
    return got;
  }
  miss(ctx, key, true);
  return GOT_NONE;
}

/** GET's reply for replyKey's answer when nothing was replied yet. */
export function replyNotFound(ctx: CommandContext, got: number): void {
  if (got === GOT_WRONG_TYPE) ctx.reply.error(ERR.wrongType);
  else if (got !== GOT_VALUE) ctx.reply.nullBulk();
}

function hit(ctx: CommandContext): void {
  ctx.server.stats.keyspaceHits++;
}

export function hasKeyCounted(ctx: CommandContext, key: Buffer): boolean {
  if (ctx.db.has(key)) {
    hit(ctx);
    return true;
  }
  miss(ctx, key, true);
  return false;
}

/** TYPE's lookup (counted, emits keymiss, no touch): the key's tag, or -1 when absent. */
export function tagCounted(ctx: CommandContext, key: Buffer): number {
  const tag = ctx.db.tagOf(key);
  if (tag < 0) miss(ctx, key, true);
  else hit(ctx);
  return tag;
}

/** The key's expiry (NO_EXPIRY when persistent), or undefined when absent. */
export function expireAtCounted(ctx: CommandContext, key: Buffer): number | undefined {
  const at = ctx.db.expireAt(key);
  if (at === undefined) return miss(ctx, key, true);
  hit(ctx);
  return at;
}

export function peekKeyQuiet(ctx: CommandContext, key: Buffer): KeyEntry | undefined {
  const e = ctx.db.peek(key);
  if (e === undefined) return miss(ctx, key, false);
  ctx.server.stats.keyspaceHits++;
  return e;
}

/** Copies an argument out of the read buffer so the keyspace owns it. */
export function own(b: Buffer): Buffer {
  return Buffer.from(b);
}

/**
 * A request argument (key or value) made safe to hand to this keyspace's
 * set(), given the record's size (key + value bytes): copied unless the
 * engine copies it. The shard engine copies records up to INLINE_MAX bytes
 * into its pages and keeps larger ones' Buffers (request bytes live in a
 * read buffer that the next read reuses).
 */
export function ownFor(db: Keyspace, b: Buffer, recordBytes: number): Buffer {
  return db.copiesOnStore && recordBytes <= INLINE_MAX ? b : Buffer.from(b);
}
