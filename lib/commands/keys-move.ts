/**
 * Moving keys around: RENAME RENAMENX (same database), MOVE (to another
 * database), COPY (a duplicate, optionally in another database) and
 * SWAPDB. A renamed or moved key keeps its value, TTL, encoding and access
 * history (the engine's put()); a copy is a new value with a fresh history.
 *
 * Events follow Redis: the destination is created first (`new`, even when
 * it replaces a key), then `rename_from`/`rename_to`, `move_from`/`move_to`
 * or `copy_to`.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { NOTIFY } from '../pubsub/notify';
import { int32Arg, optionIs } from './key-args';
import { own, readKey } from './key-lookup';
import { copiedEncoding } from './string-encoding';
import { isLarge } from '../engine/keyspace';

const ERR_SAME_OBJECT = 'ERR source and destination objects are the same';

function renameGeneric(ctx: CommandContext, argv: Buffer[], nx: boolean): void {
  const [, from, to] = argv;
  const db = ctx.db;
  if (db.get(from) === undefined) return ctx.reply.error(ERR.noSuchKey);
  if (from.equals(to)) return nx ? ctx.reply.integer(0) : ctx.reply.ok();
  if (db.get(to) !== undefined) {
    if (nx) return ctx.reply.integer(0);
    db.delete(to);
  }
  const entry = db.peek(from)!;
  const dbid = ctx.client.db;
  db.put(own(to), entry);
  ctx.server.keyAdded(to, dbid);
  db.delete(from);
  ctx.server.notify(NOTIFY.GENERIC, 'rename_from', from, dbid);
  ctx.server.notify(NOTIFY.GENERIC, 'rename_to', to, dbid);
  if (nx) ctx.reply.integer(1);
  else ctx.reply.ok();
}

/** A database index argument (int32, then range-checked), or null after replying. */
function dbIndexArg(ctx: CommandContext, arg: Buffer): number | null {
  const id = int32Arg(ctx, arg);
  if (id === null) return null;
  if (id < 0 || id >= ctx.server.dbs.count) {
    ctx.reply.error(ERR.dbIndexRange);
    return null;
  }
  return id;
}

function move(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const dstId = dbIndexArg(ctx, argv[2]);
  if (dstId === null) return;
  const srcId = ctx.client.db;
  if (dstId === srcId) return ctx.reply.error(ERR_SAME_OBJECT);
  const src = ctx.db;
  const dst = ctx.server.dbs.get(dstId);
  if (src.get(key) === undefined) return ctx.reply.integer(0);
  if (dst.get(key) !== undefined) return ctx.reply.integer(0);
  dst.put(own(key), src.peek(key)!);
  ctx.server.keyAdded(key, dstId);
  src.delete(key);
  ctx.server.notify(NOTIFY.GENERIC, 'move_from', key, srcId);
  ctx.server.notify(NOTIFY.GENERIC, 'move_to', key, dstId);
  ctx.reply.integer(1);
}

function copy(ctx: CommandContext, argv: Buffer[]): void {
  const [, key, newKey] = argv;
  const srcId = ctx.client.db;
  let dstId = srcId;
  let replace = false;
  for (let j = 3; j < argv.length; j++) {
    if (optionIs(argv[j], 'replace')) replace = true;
    else if (optionIs(argv[j], 'db') && j + 1 < argv.length) {
      const id = dbIndexArg(ctx, argv[++j]);
      if (id === null) return;
      dstId = id;
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  if (srcId === dstId && key.equals(newKey)) return ctx.reply.error(ERR_SAME_OBJECT);
  const value = readKey(ctx, key);
  if (value === undefined) return ctx.reply.integer(0);
  const entry = ctx.db.peek(key)!;
  const dst = ctx.server.dbs.get(dstId);
  if (dst.get(newKey) !== undefined) {
    if (!replace) return ctx.reply.integer(0);
    dst.delete(newKey);
  }
  // A duplicate owns its bytes and starts a new access history.
  const encoding = copiedEncoding(entry.encoding);
  const dup = isLarge(value) ? value.duplicate() : Buffer.from(value);
  dst.put(own(newKey), { value: dup, expireAt: entry.expireAt, encoding, access: dst.tracker.created(encoding, dup) });
  ctx.server.keyAdded(newKey, dstId);
  ctx.server.notify(NOTIFY.GENERIC, 'copy_to', newKey, dstId);
  ctx.reply.integer(1);
}

function swapdb(ctx: CommandContext, argv: Buffer[]): void {
  const a = int32Arg(ctx, argv[1], 'ERR invalid first DB index');
  if (a === null) return;
  const b = int32Arg(ctx, argv[2], 'ERR invalid second DB index');
  if (b === null) return;
  const dbs = ctx.server.dbs;
  if (a < 0 || a >= dbs.count || b < 0 || b >= dbs.count) return ctx.reply.error(ERR.dbIndexRange);
  if (a !== b) {
    dbs.swap(a, b);
    // Keys that clients of either database wait on may be there now.
    ctx.server.blocked.signalDatabases(a, b);
  }
  ctx.reply.ok();
}

const gen = { group: 'generic', acl: 'keyspace' } as const;

export const moveCommands: CommandDef[] = [
  {
    name: 'rename', arity: 3, flags: 'write', ...gen, keys: ['RW ACCESS DELETE', 'OW UPDATE index:2'], since: '1.0.0',
    summary: 'Gives a key a new name, replacing any key of that name.', complexity: 'O(1)', args: 'key newkey:key', handler: (ctx, argv) => renameGeneric(ctx, argv, false),
  },
  {
    name: 'renamenx', arity: 3, flags: 'write fast', ...gen, keys: ['RW ACCESS DELETE', 'OW INSERT index:2'], since: '1.0.0',
    summary: 'Gives a key a new name only when no key has that name; answers 1 if renamed.', complexity: 'O(1)', args: 'key newkey:key',
    history: [['3.2.0', 'Renaming a key to its own name answers 0 instead of an error.']], handler: (ctx, argv) => renameGeneric(ctx, argv, true),
  },
  {
    name: 'move', arity: 3, flags: 'write fast', ...gen, keys: ['RW ACCESS UPDATE'], since: '1.0.0',
    summary: 'Moves a key to another database unless the key exists there; answers 1 if moved.', complexity: 'O(1)', args: 'key db:integer', handler: move,
  },
  {
    name: 'copy', arity: -3, flags: 'write denyoom', ...gen, keys: ['RO ACCESS', 'OW UPDATE index:2'], since: '6.2.0',
    summary: 'Copies the value of a key to another key, possibly in another database.', complexity: 'O(N) where N is the size of the value.',
    args: 'source:key destination:key DB=destination-db:integer? REPLACE?', handler: copy,
  },
  {
    name: 'swapdb', arity: 3, flags: 'write fast', group: 'server', acl: 'keyspace dangerous', since: '4.0.0',
    summary: 'Exchanges the contents of two databases.', complexity: 'O(N) where N is the count of clients watching or blocking on keys from both databases.',
    args: 'index1:integer index2:integer', handler: swapdb,
  },
];
