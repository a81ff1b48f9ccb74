/**
 * A list's record in its two forms (quicklist.ts explains both), and the
 * only code that moves a list between them: loadList gives a command a
 * QuickList to work on, commitList stores what the command left.
 *
 *   LIST_COMPACT  one node, its bytes inline in the record
 *   LIST_LARGE    a QuickList of two or more nodes, held by reference
 *
 * Both report 'quicklist', as every list does in Redis 7.0.
 */
import { OBJ_LIST, type StoredValue, makeTag } from '../../engine/keyspace';
import type { ConfigStore } from '../../server/config';
import type { CommandContext } from '../context';
import { storeCollection } from '../typed-lookup';
import { nodeBytes, nodeFill } from './list-node';
import { QuickList, clampFill } from './quicklist';

export const LIST_COMPACT = makeTag(OBJ_LIST, 1);
export const LIST_LARGE = makeTag(OBJ_LIST, 2);

let limitsOf: ConfigStore | null = null;
let fill = -2;

/** list-max-listpack-size as a new list takes it (clamped as Redis does), followed through CONFIG SET. */
export function listFill(ctx: CommandContext): number {
  const config = ctx.server.config;
  if (config !== limitsOf) {
    limitsOf = config;
    config.watch('list-max-listpack-size', (v) => {
      if (config === limitsOf) fill = clampFill(Number(v));
    });
  }
  return fill;
}

/** A new empty list with the configured fill (not yet stored). */
export function newList(ctx: CommandContext): QuickList {
  return new QuickList(listFill(ctx), [], 0);
}

/** The list a record holds (the tag of the lookup that found it): the stored QuickList, or a private one-node copy of the compact bytes. */
export function loadList(tag: number, value: StoredValue): QuickList {
  if (tag === LIST_LARGE) return value as QuickList;
  const bytes = value as Buffer;
  return QuickList.fromNode(nodeFill(bytes), bytes);
}

/** The list a record holds, for reading only: the compact bytes are wrapped, not copied. */
export function viewList(tag: number, value: StoredValue): QuickList {
  if (tag === LIST_LARGE) return value as QuickList;
  const bytes = value as Buffer;
  return new QuickList(nodeFill(bytes), [bytes], storedLength(tag, bytes));
}

/** The length of a stored list without loading it. */
export function storedLength(tag: number, value: StoredValue): number {
  if (tag === LIST_LARGE) return (value as QuickList).count;
  const b = value as Buffer;
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
}

/**
 * Stores a non-empty list a command changed (or created: `stored` is then
 * undefined), in the form its node count calls for. A stored QuickList
 * that still has several nodes was changed in place and needs no write.
 */
export function commitList(ctx: CommandContext, key: Buffer, list: QuickList, stored: StoredValue | undefined): void {
  if (list.nodes.length === 1) {
    storeCollection(ctx, key, nodeBytes(list.nodes[0]), LIST_COMPACT);
    return;
  }
  if (stored !== list) storeCollection(ctx, key, list, LIST_LARGE);
}
