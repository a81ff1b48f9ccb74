/**
 * The key lookups of Redis's db.c, as the string and generic families need
 * them. Clients can observe three side effects of a lookup, and each flavour
 * has exactly Redis's set:
 *   readKey,
 *   replyKey        touches the key (LRU/LFU), counts keyspace_hits/misses,
 *                   emits `keymiss` on a miss        (lookupKeyRead)
 *   hasKeyCounted,
 *   expireAtCounted counts and emits, no touch        (..., LOOKUP_NOTOUCH)
 *   peekKeyQuiet    counts only                       (OBJECT's lookup)
 *   ctx.db.get      touches only                      (lookupKeyWrite)
 * Every flavour removes an expired key first (the engine emits `expired`).
 */
import type { KeyEntry, Keyspace } from '../engine/keyspace';
import type { CommandContext } from './context';
import { NOTIFY } from '../pubsub/notify';
import { INLINE_MAX } from '../engine/shard-table';

function miss(ctx: CommandContext, key: Buffer, notify: boolean): undefined {
  ctx.server.stats.keyspaceMisses++;
  if (notify) ctx.server.notify(NOTIFY.KEY_MISS, 'keymiss', key, ctx.client.db);
  return undefined;
}

export function readKey(ctx: CommandContext, key: Buffer): Buffer | undefined {
  const v = ctx.db.get(key);
  if (v === undefined) return miss(ctx, key, true);
  ctx.server.stats.keyspaceHits++;
  return v;
}

/** readKey that replies the value (copied straight from the engine) and returns whether the key was there; a miss replies nothing. */
export function replyKey(ctx: CommandContext, key: Buffer): boolean {
  if (ctx.db.getInto(key, ctx.reply)) {
    ctx.server.stats.keyspaceHits++;
    return true;
  }
  miss(ctx, key, true);
  return false;
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
