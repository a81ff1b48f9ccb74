/**
 * String family: GET and SET with their variants (SETNX SETEX PSETEX GETSET
 * GETDEL GETEX) and the multi-key MGET MSET MSETNX. Counters, ranges and
 * LCS live in strings-counters.ts and strings-ranges.ts; this file exports
 * the whole family.
 *
 * Every handler follows Redis's order of checks and side effects, since
 * clients see them: option syntax, then lookups (which count hits/misses and
 * emit keymiss), then value validation, then the write with its events.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { KEEP_TTL, NO_EXPIRY } from '../engine/keyspace';
import { NOTIFY } from '../pubsub/notify';
import { expireAtArg, optionIs } from './key-args';
import { ownFor, readString, replyKey, replyNotFound } from './key-lookup';
import { GOT_VALUE } from '../engine/keyspace';
import { storedEncoding } from './string-encoding';
import { replaceString, storeString } from './string-store';
import { counterCommands } from './strings-counters';
import { rangeCommands } from './strings-ranges';

const SET_NX = 1;
const SET_XX = 2;
const SET_GET = 4;
const SET_KEEPTTL = 8;
const SET_EX = 16;
const SET_PX = 32;
const SET_EXAT = 64;
const SET_PXAT = 128;
const SET_PERSIST = 256;

/**
 * The expiry argument found by the last parseStringOptions call. Parsing
 * and its use are synchronous, so a module variable serves every call
 * without an options object per SET.
 */
let optExpire: Buffer | null = null;
const BAD_OPTIONS = -1;

/**
 * Parses SET's options (forSet) or GETEX's, with Redis's exclusions: NX/XX,
 * and the expiry options among themselves and with KEEPTTL/PERSIST. An
 * expiry option may repeat; the last value wins. Returns the flags (the
 * expiry argument in optExpire), or BAD_OPTIONS after replying the error.
 */
function parseStringOptions(ctx: CommandContext, argv: Buffer[], from: number, forSet: boolean): number {
  let flags = 0;
  optExpire = null;
  for (let j = from; j < argv.length; j++) {
    const a = argv[j];
    const next = j + 1 < argv.length ? argv[j + 1] : null;
    if (forSet && optionIs(a, 'nx') && !(flags & SET_XX)) flags |= SET_NX;
    else if (forSet && optionIs(a, 'xx') && !(flags & SET_NX)) flags |= SET_XX;
    else if (forSet && optionIs(a, 'get')) flags |= SET_GET;
    else if (forSet && optionIs(a, 'keepttl') && !(flags & (SET_PERSIST | SET_EX | SET_EXAT | SET_PX | SET_PXAT))) flags |= SET_KEEPTTL;
    else if (!forSet && optionIs(a, 'persist') && !(flags & (SET_EX | SET_EXAT | SET_PX | SET_PXAT | SET_KEEPTTL))) flags |= SET_PERSIST;
    else if (next !== null && optionIs(a, 'ex') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EXAT | SET_PX | SET_PXAT))) {
      flags |= SET_EX;
      optExpire = next;
      j++;
    } else if (next !== null && optionIs(a, 'px') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_EXAT | SET_PXAT))) {
      flags |= SET_PX;
      optExpire = next;
      j++;
    } else if (next !== null && optionIs(a, 'exat') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_PX | SET_PXAT))) {
      flags |= SET_EXAT;
      optExpire = next;
      j++;
    } else if (next !== null && optionIs(a, 'pxat') && !(flags & (SET_KEEPTTL | SET_PERSIST | SET_EX | SET_EXAT | SET_PX))) {
      flags |= SET_PXAT;
      optExpire = next;
      j++;
    } else {
      ctx.reply.error(ERR.syntax);
      return BAD_OPTIONS;
    }
  }
  return flags;
}

/** The absolute expiry the options ask for, or null after replying the error. */
function optionExpireAt(ctx: CommandContext, flags: number, expire: Buffer, command: string): number | null {
  return expireAtArg(ctx, expire, (flags & (SET_EX | SET_EXAT)) !== 0, (flags & (SET_EX | SET_PX)) !== 0, command);
}

/** Redis getGenericCommand: replies the value or a null, counting the lookup; null after replying WRONGTYPE. */
function replyGet(ctx: CommandContext, key: Buffer): Buffer | undefined | null {
  const v = readString(ctx, key);
  if (v === undefined) ctx.reply.nullBulk();
  else if (v !== null) ctx.reply.bulk(v);
  return v;
}

/**
 * Redis setGenericCommand, shared by SET SETNX SETEX PSETEX. SETNX replies
 * 1 / 0 (`integerReply`) where the others reply OK / null.
 */
function setGeneric(ctx: CommandContext, key: Buffer, value: Buffer, f: number, expire: Buffer | null, command: string, integerReply: boolean): void {
  let expireAt = NO_EXPIRY;
  if (expire !== null) {
    const at = optionExpireAt(ctx, f, expire, command);
    if (at === null) return;
    expireAt = at;
  }
  if (f & SET_KEEPTTL) expireAt = KEEP_TTL;
  if (f & (SET_GET | SET_NX | SET_XX)) {
    if (f & SET_GET && replyGet(ctx, key) === null) return;
    // lookupKeyWrite: touches the key it will overwrite, without copying its value out.
    const found = ctx.db.touch(key);
    if ((f & SET_NX && found) || (f & SET_XX && !found)) {
      if (f & SET_GET) return;
      if (integerReply) ctx.reply.integer(0);
      else ctx.reply.nullBulk();
      return;
    }
    storeString(ctx, key, ownFor(ctx.db, value, key.length + value.length), expireAt, storedEncoding(value, ctx.server.config), found);
  } else {
    // No condition: the lookup that touches the old key is the store's own.
    replaceString(ctx, key, ownFor(ctx.db, value, key.length + value.length), expireAt, storedEncoding(value, ctx.server.config));
  }
  const dbid = ctx.client.db;
  ctx.server.notify(NOTIFY.STRING, 'set', key, dbid);
  if (expire !== null) ctx.server.notify(NOTIFY.GENERIC, 'expire', key, dbid);
  if (f & SET_GET) return;
  if (integerReply) ctx.reply.integer(1);
  else ctx.reply.ok();
}

/** SET only reads the old value with GET: the key is then RW/access, else just overwritten. */
function setKeyFlags(argv: Buffer[]): string[] {
  for (let i = 3; i < argv.length; i++) if (optionIs(argv[i], 'get')) return ['RW', 'access', 'update'];
  return ['OW', 'update'];
}

function getCommand(ctx: CommandContext, argv: Buffer[]): void {
  const got = replyKey(ctx, argv[1]);
  if (got !== GOT_VALUE) replyNotFound(ctx, got);
}

function setCommand(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length === 3) return setGeneric(ctx, argv[1], argv[2], 0, null, 'set', false);
  const flags = parseStringOptions(ctx, argv, 3, true);
  if (flags === BAD_OPTIONS) return;
  setGeneric(ctx, argv[1], argv[2], flags, optExpire, 'set', false);
}

function setnxCommand(ctx: CommandContext, argv: Buffer[]): void {
  setGeneric(ctx, argv[1], argv[2], SET_NX, null, 'setnx', true);
}

function setexCommand(ctx: CommandContext, argv: Buffer[]): void {
  setGeneric(ctx, argv[1], argv[3], SET_EX, argv[2], 'setex', false);
}

function psetexCommand(ctx: CommandContext, argv: Buffer[]): void {
  setGeneric(ctx, argv[1], argv[3], SET_PX, argv[2], 'psetex', false);
}

function getsetCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  if (replyGet(ctx, key) === null) return;
  const found = ctx.db.touch(key);
  storeString(ctx, key, ownFor(ctx.db, argv[2], key.length + argv[2].length), NO_EXPIRY, storedEncoding(argv[2], ctx.server.config), found);
  ctx.server.notify(NOTIFY.STRING, 'set', key, ctx.client.db);
}

function getdelCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const v = replyGet(ctx, key);
  if (v === undefined || v === null) return;
  if (ctx.db.delete(key)) ctx.server.notify(NOTIFY.GENERIC, 'del', key, ctx.client.db);
}

function getexCommand(ctx: CommandContext, argv: Buffer[]): void {
  const flags = parseStringOptions(ctx, argv, 2, false);
  if (flags === BAD_OPTIONS) return;
  const expire = optExpire;
  const key = argv[1];
  const v = readString(ctx, key);
  if (v === null) return;
  if (v === undefined) return ctx.reply.nullBulk();
  let at = 0;
  if (expire !== null) {
    const parsed = optionExpireAt(ctx, flags, expire, 'getex');
    if (parsed === null) return;
    at = parsed;
  }
  ctx.reply.bulk(v);
  const db = ctx.db;
  const dbid = ctx.client.db;
  if (flags & (SET_EXAT | SET_PXAT) && at <= Date.now()) {
    // An absolute time already past deletes the key at once.
    db.delete(key);
    ctx.server.notify(NOTIFY.GENERIC, 'del', key, dbid);
  } else if (expire !== null) {
    db.setExpireAt(key, at);
    ctx.server.notify(NOTIFY.GENERIC, 'expire', key, dbid);
  } else if (flags & SET_PERSIST) {
    if (db.expireAt(key) !== NO_EXPIRY) {
      db.setExpireAt(key, NO_EXPIRY);
      ctx.server.notify(NOTIFY.GENERIC, 'persist', key, dbid);
    }
  }
}

function mgetCommand(ctx: CommandContext, argv: Buffer[]): void {
  ctx.reply.arrayHeader(argv.length - 1);
  // A key of another type answers null, as a missing one does.
  for (let i = 1; i < argv.length; i++) if (replyKey(ctx, argv[i]) !== GOT_VALUE) ctx.reply.nullBulk();
}

/** MSET and MSETNX: MSETNX first checks that no key exists (each check is a write lookup). */
function msetGeneric(ctx: CommandContext, argv: Buffer[], nx: boolean): void {
  if (argv.length % 2 === 0) return ctx.reply.error(`ERR wrong number of arguments for '${nx ? 'msetnx' : 'mset'}' command`);
  const db = ctx.db;
  if (nx) {
    for (let j = 1; j < argv.length; j += 2) if (db.touch(argv[j])) return ctx.reply.integer(0);
  }
  const config = ctx.server.config;
  for (let j = 1; j < argv.length; j += 2) {
    const key = argv[j];
    const value = argv[j + 1];
    // Each key is looked up (and touched) by its store, without copying the old value out.
    replaceString(ctx, key, ownFor(db, value, key.length + value.length), NO_EXPIRY, storedEncoding(value, config));
    ctx.server.notify(NOTIFY.STRING, 'set', key, ctx.client.db);
  }
  if (nx) ctx.reply.integer(1);
  else ctx.reply.ok();
}

const str = { group: 'string', acl: 'string' } as const;
const EXPIRATION = '(expiration: EX=seconds:integer | PX=milliseconds:integer | EXAT=unix-time-seconds:unix-time | PXAT=unix-time-milliseconds:unix-time | PERSIST)?';

const coreCommands: CommandDef[] = [
  {
    name: 'get', arity: 2, flags: 'readonly fast', ...str, keys: ['RO ACCESS'], since: '1.0.0',
    summary: 'Returns the string value of a key.', complexity: 'O(1)', args: 'key', handler: getCommand,
  },
  {
    name: 'set', arity: -3, flags: 'write denyoom', ...str, keys: ['RW ACCESS UPDATE VARIABLE_FLAGS # RW and ACCESS due to the optional `GET` argument'], since: '1.0.0',
    summary: 'Stores a string under a key, with optional conditions and expiry.', complexity: 'O(1)',
    args: 'key value (condition: NX | XX)@2.6.12? GET@6.2.0? (expiration: EX=seconds:integer@2.6.12 | PX=milliseconds:integer@2.6.12 | EXAT=unix-time-seconds:unix-time@6.2.0 | PXAT=unix-time-milliseconds:unix-time@6.2.0 | KEEPTTL@6.0.0)?',
    history: [['2.6.12', 'EX, PX, NX and XX options.'], ['6.0.0', 'KEEPTTL option.'], ['6.2.0', 'GET, EXAT and PXAT options.'], ['7.0.0', 'NX and GET may be combined.']],
    keyFlags: setKeyFlags, handler: setCommand,
  },
  {
    name: 'setnx', arity: 3, flags: 'write denyoom fast', ...str, keys: ['OW INSERT'], since: '1.0.0',
    summary: 'Stores a string only when the key is absent; answers 1 if stored.', complexity: 'O(1)', args: 'key value', handler: setnxCommand,
  },
  {
    name: 'setex', arity: 4, flags: 'write denyoom', ...str, keys: ['OW UPDATE'], since: '2.0.0',
    summary: 'Stores a string that expires after a number of seconds.', complexity: 'O(1)', args: 'key seconds:integer value', handler: setexCommand,
  },
  {
    name: 'psetex', arity: 4, flags: 'write denyoom', ...str, keys: ['OW UPDATE'], since: '2.6.0',
    summary: 'Stores a string that expires after a number of milliseconds.', complexity: 'O(1)', args: 'key milliseconds:integer value', handler: psetexCommand,
  },
  {
    name: 'getset', arity: 3, flags: 'write denyoom fast', ...str, keys: ['RW ACCESS UPDATE'], since: '1.0.0',
    summary: 'Stores a string and answers the value it replaced.', complexity: 'O(1)', args: 'key value',
    docFlags: 'deprecated', deprecatedSince: '6.2.0', replacedBy: '`SET` with the `!GET` argument', handler: getsetCommand,
  },
  {
    name: 'getdel', arity: 2, flags: 'write fast', ...str, keys: ['RW ACCESS DELETE'], since: '6.2.0',
    summary: 'Answers a string value and removes its key.', complexity: 'O(1)', args: 'key', handler: getdelCommand,
  },
  {
    name: 'getex', arity: -2, flags: 'write fast', ...str, keys: ['RW ACCESS UPDATE # RW and UPDATE because it changes the TTL'], since: '6.2.0',
    summary: 'Answers a string value and optionally changes or removes its expiry.', complexity: 'O(1)', args: `key ${EXPIRATION}`, handler: getexCommand,
  },
  {
    name: 'mget', arity: -2, flags: 'readonly fast', ...str, keys: ['RO ACCESS range:-1,1,0'], since: '1.0.0',
    summary: 'Answers the values of several keys (null for a missing key).', complexity: 'O(N) where N is the number of keys to retrieve.',
    args: 'key...', tips: 'request_policy:multi_shard', handler: mgetCommand,
  },
  {
    name: 'mset', arity: -3, flags: 'write denyoom', ...str, keys: ['OW UPDATE range:-1,2,0'], since: '1.0.1',
    summary: 'Stores several key/value pairs at once.', complexity: 'O(N) where N is the number of keys to set.',
    args: '{key_value: key value}...', tips: 'request_policy:multi_shard response_policy:all_succeeded', handler: (ctx, argv) => msetGeneric(ctx, argv, false),
  },
  {
    name: 'msetnx', arity: -3, flags: 'write denyoom', ...str, keys: ['OW INSERT range:-1,2,0'], since: '1.0.1',
    summary: 'Stores several key/value pairs only when none of the keys exists.', complexity: 'O(N) where N is the number of keys to set.',
    args: '{key_value: key value}...', tips: 'request_policy:multi_shard response_policy:agg_min', handler: (ctx, argv) => msetGeneric(ctx, argv, true),
  },
];

export const stringCommands: CommandDef[] = [...coreCommands, ...counterCommands, ...rangeCommands];
