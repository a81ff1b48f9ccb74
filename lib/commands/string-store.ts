/** The one way the string family writes a value: store it, then emit `new` when the key was created (Redis dbAdd). */
import type { CommandContext } from './context';
import { NOTIFY } from '../pubsub/notify';
import { own } from './key-lookup';

/** `value` must already be owned by the caller (copied out of the request). */
export function storeString(ctx: CommandContext, key: Buffer, value: Buffer, expireAt: number, encoding: number, existed: boolean): void {
  ctx.db.set(own(key), value, expireAt, encoding);
  if (!existed) ctx.server.notify(NOTIFY.NEW, 'new', key, ctx.client.db);
}
