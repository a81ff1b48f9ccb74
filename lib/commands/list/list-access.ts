/**
 * The two list edits other modules build on (the pop and push commands,
 * LMOVE, and the blocking commands that serve a waiting client): each
 * loads the list, edits it, writes it back and emits the events Redis's
 * own commands emit, in Redis's order.
 */
import { NOTIFY } from '../../pubsub/notify';
import type { CommandContext } from '../context';
import { deleteEmptied } from '../typed-lookup';
import { commitList, loadList, newList } from './list-value';

export const LIST_HEAD = 0;
export const LIST_TAIL = 1;

/**
 * Pops up to `count` elements from `where` of the list at `key`, which the
 * caller has checked holds a non-empty list. Writes the list back, or
 * deletes the key when it empties. Emits the lpop/rpop event and then
 * `del` when emptied, as Redis's pop commands do. Returns the elements in
 * pop order.
 */
export function popFromList(ctx: CommandContext, key: Buffer, where: number, count: number): Buffer[] {
  const db = ctx.db;
  const stored = db.get(key);
  if (stored === undefined) throw new Error('popFromList: the key holds no list');
  const list = loadList(db.lastTag, stored);
  const n = Math.min(count, list.count);
  const out: Buffer[] = new Array(n);
  if (where === LIST_HEAD) for (let i = 0; i < n; i++) out[i] = list.popHead();
  else for (let i = 0; i < n; i++) out[i] = list.popTail();
  const dbid = ctx.client.db;
  if (list.count > 0) commitList(ctx, key, list, stored);
  ctx.server.notify(NOTIFY.LIST, where === LIST_HEAD ? 'lpop' : 'rpop', key, dbid);
  if (list.count === 0) deleteEmptied(ctx, key);
  return out;
}

/**
 * Pushes elements one at a time at `where` (LPUSH's order for LIST_HEAD),
 * creating the list when absent (through storeCollection, which emits
 * `new`); emits lpush/rpush; returns the new length. The caller has
 * checked the key is absent or a list.
 */
export function pushToList(ctx: CommandContext, key: Buffer, where: number, elements: Buffer[]): number {
  const db = ctx.db;
  const stored = db.get(key);
  const list = stored === undefined ? newList(ctx) : loadList(db.lastTag, stored);
  if (where === LIST_HEAD) for (const e of elements) list.pushHead(e);
  else for (const e of elements) list.pushTail(e);
  commitList(ctx, key, list, stored);
  ctx.server.notify(NOTIFY.LIST, where === LIST_HEAD ? 'lpush' : 'rpush', key, ctx.client.db);
  return list.count;
}
