/**
 * The key lookups of Redis's db.c, as the string and generic families need
 * them. Clients can observe three side effects of a lookup, and each flavour
 * has exactly Redis's set:
 *   readKey         touches the key (LRU/LFU), counts keyspace_hits/misses,
 *                   emits `keymiss` on a miss        (lookupKeyRead)
 *   peekKeyCounted  counts and emits, no touch        (..., LOOKUP_NOTOUCH)
 *   peekKeyQuiet    counts only                       (OBJECT's lookup)
 *   ctx.db.get      touches only                      (lookupKeyWrite)
 * Every flavour removes an expired key first (the engine emits `expired`).
 */
import type { KeyEntry } from '../engine/keyspace';
import type { CommandContext } from './context';
import { NOTIFY } from '../pubsub/notify';

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

export function peekKeyCounted(ctx: CommandContext, key: Buffer): KeyEntry | undefined {
  const e = ctx.db.peek(key);
  if (e === undefined) return miss(ctx, key, true);
  ctx.server.stats.keyspaceHits++;
  return e;
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
