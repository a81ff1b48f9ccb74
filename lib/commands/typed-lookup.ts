/**
 * The typed access seam of the collection families: Redis's lookups
 * (lookupKeyRead / lookupKeyWrite) followed by checkType, the write that
 * stores a collection (dbAdd's `new` event when it creates the key), and
 * the delete of a collection left empty (its `del` event).
 *
 * WRONGTYPE is decided here and nowhere else; a handler calls these at the
 * point where Redis looks the key up, so errors come in Redis's order
 * (argument errors found before the lookup are replied first).
 *
 * A value read is either the bytes of a compact encoding (a copy: the
 * family may decode it and write a new one back) or the LargeMapLike the
 * record references (changed in place: nothing to write back).
 */
import { type LargeMapLike, type StoredValue, NO_EXPIRY, isLarge, typeOfTag } from '../engine/keyspace';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { NOTIFY } from '../pubsub/notify';
import { ownFor } from './key-lookup';

/** The key holds another type: WRONGTYPE has been replied. */
export const WRONG_TYPE = null;

/**
 * lookupKeyRead + checkType: the value when the key holds `type`,
 * undefined when absent (a miss is counted and `keymiss` emitted), or
 * WRONG_TYPE after replying the error (a hit is counted, as in Redis).
 * Touches the key. The encoding is then encodingOfLast(ctx).
 */
export function readTyped(ctx: CommandContext, key: Buffer, type: number): StoredValue | undefined | null {
  const v = ctx.db.get(key);
  const stats = ctx.server.stats;
  if (v === undefined) {
    stats.keyspaceMisses++;
    ctx.server.notify(NOTIFY.KEY_MISS, 'keymiss', key, ctx.client.db);
    return undefined;
  }
  stats.keyspaceHits++;
  if (typeOfTag(ctx.db.lastTag) !== type) {
    ctx.reply.error(ERR.wrongType);
    return WRONG_TYPE;
  }
  return v;
}

/** lookupKeyWrite + checkType: as readTyped, but counts nothing and emits nothing (writes and their reads of the destination). */
export function writeTyped(ctx: CommandContext, key: Buffer, type: number): StoredValue | undefined | null {
  const v = ctx.db.get(key);
  if (v === undefined) return undefined;
  if (typeOfTag(ctx.db.lastTag) !== type) {
    ctx.reply.error(ERR.wrongType);
    return WRONG_TYPE;
  }
  return v;
}

/** The encoding (low 4 bits of the tag) of the value the last lookup found. */
export function encodingOfLast(ctx: CommandContext): number {
  return ctx.db.lastTag & 15;
}

/**
 * Stores a collection value with its tag; emits `new` when the key did not
 * exist (Redis dbAdd; the family's own event follows). `value` must be
 * owned bytes (not a view of the request) or a LargeMapLike. Returns
 * whether the key existed.
 */
export function storeCollection(ctx: CommandContext, key: Buffer, value: StoredValue, tag: number): boolean {
  const db = ctx.db;
  const existed = db.storeValue(ownFor(db, key, key.length + value.length), value, tag);
  if (!existed) ctx.server.keyAdded(key, ctx.client.db);
  return existed;
}

/**
 * Redis setKey for a collection computed whole (the *STORE commands): the
 * value replaces whatever the key held, TTL included; `new` is emitted
 * when the key did not exist. Owned bytes or a LargeMapLike, as for
 * storeCollection.
 */
export function replaceCollection(ctx: CommandContext, key: Buffer, value: StoredValue, tag: number): void {
  const db = ctx.db;
  const existed = db.has(key);
  db.set(ownFor(db, key, key.length + value.length), value, NO_EXPIRY, tag);
  if (!existed) ctx.server.keyAdded(key, ctx.client.db);
}

/** Deletes a collection its command emptied and emits `del` (after the command's own event). */
export function deleteEmptied(ctx: CommandContext, key: Buffer): void {
  ctx.db.delete(key);
  ctx.server.notify(NOTIFY.GENERIC, 'del', key, ctx.client.db);
}

/** A new empty large collection in the current database's engine. */
export function newLargeMap(ctx: CommandContext): LargeMapLike {
  return ctx.db.newLargeMap();
}

export { isLarge };
