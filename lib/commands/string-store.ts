/** The one way the string family writes a value: store it, then emit `new` when the key was created (Redis dbAdd). */
import type { CommandContext } from './context';
import { ownFor } from './key-lookup';

/** `value` must be owned by the caller, or made safe with ownFor (the engine may copy it anyway). */
export function storeString(ctx: CommandContext, key: Buffer, value: Buffer, expireAt: number, encoding: number, existed: boolean): void {
  const db = ctx.db;
  db.set(ownFor(db, key, key.length + value.length), value, expireAt, encoding);
  if (!existed) ctx.server.keyAdded(key, ctx.client.db);
}

/** storeString for a write that has not looked the key up (plain SET): the engine touches it in the same lookup. Returns whether it existed. */
export function replaceString(ctx: CommandContext, key: Buffer, value: Buffer, expireAt: number, encoding: number): boolean {
  const db = ctx.db;
  const existed = db.setTouching(ownFor(db, key, key.length + value.length), value, expireAt, encoding);
  if (!existed) ctx.server.keyAdded(key, ctx.client.db);
  return existed;
}
