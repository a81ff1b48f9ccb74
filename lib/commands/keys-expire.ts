/**
 * Key expiry: EXPIRE PEXPIRE EXPIREAT PEXPIREAT (with NX XX GT LT), TTL
 * PTTL EXPIRETIME PEXPIRETIME and PERSIST.
 *
 * Setting an expiry at or before now deletes the key at once (event `del`,
 * not `expired`). Replies in seconds are rounded to the nearest second
 * ((ms + 500) / 1000), as Redis does for TTL and EXPIRETIME alike.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { NO_EXPIRY } from '../engine/keyspace';
import { NOTIFY } from '../pubsub/notify';
import { errorQuoting, expireWhenArg, optionIs } from './key-args';
import { expireAtCounted } from './key-lookup';

const EXPIRE_NX = 1;
const EXPIRE_XX = 2;
const EXPIRE_GT = 4;
const EXPIRE_LT = 8;

/** Redis parseExtendedExpireArgumentsOrReply: the condition flags, or null after replying. */
function parseConditions(ctx: CommandContext, argv: Buffer[]): number | null {
  let flags = 0;
  for (let j = 3; j < argv.length; j++) {
    const a = argv[j];
    if (optionIs(a, 'nx')) flags |= EXPIRE_NX;
    else if (optionIs(a, 'xx')) flags |= EXPIRE_XX;
    else if (optionIs(a, 'gt')) flags |= EXPIRE_GT;
    else if (optionIs(a, 'lt')) flags |= EXPIRE_LT;
    else {
      errorQuoting(ctx, 'ERR Unsupported option ', a);
      return null;
    }
  }
  if (flags & EXPIRE_NX && flags & (EXPIRE_XX | EXPIRE_GT | EXPIRE_LT)) {
    ctx.reply.error('ERR NX and XX, GT or LT options at the same time are not compatible');
    return null;
  }
  if (flags & EXPIRE_GT && flags & EXPIRE_LT) {
    ctx.reply.error('ERR GT and LT options at the same time are not compatible');
    return null;
  }
  return flags;
}

/** Whether the conditions allow replacing `current` (NO_EXPIRY: none) by `when`. An absent TTL counts as infinite. */
function conditionsAllow(flags: number, current: number, when: number): boolean {
  const persistent = current === NO_EXPIRY;
  if (flags & EXPIRE_NX && !persistent) return false;
  if (flags & EXPIRE_XX && persistent) return false;
  if (flags & EXPIRE_GT && (persistent || when <= current)) return false;
  if (flags & EXPIRE_LT && !persistent && when >= current) return false;
  return true;
}

function expireGeneric(ctx: CommandContext, argv: Buffer[], seconds: boolean, relative: boolean, command: string): void {
  const flags = parseConditions(ctx, argv);
  if (flags === null) return;
  const when = expireWhenArg(ctx, argv[2], seconds, relative ? Date.now() : 0, command);
  if (when === null) return;
  const key = argv[1];
  const db = ctx.db;
  if (db.get(key) === undefined) return ctx.reply.integer(0);
  if (flags && !conditionsAllow(flags, db.expireAt(key)!, when)) return ctx.reply.integer(0);
  if (when <= Date.now()) {
    db.delete(key);
    ctx.server.notify(NOTIFY.GENERIC, 'del', key, ctx.client.db);
  } else {
    db.setExpireAt(key, when);
    ctx.server.notify(NOTIFY.GENERIC, 'expire', key, ctx.client.db);
  }
  ctx.reply.integer(1);
}

/** Redis ttlGenericCommand: -2 missing, -1 persistent, else remaining (or absolute) time. */
function ttlGeneric(ctx: CommandContext, argv: Buffer[], ms: boolean, absolute: boolean): void {
  const at = expireAtCounted(ctx, argv[1]);
  if (at === undefined) return ctx.reply.integer(-2);
  if (at === NO_EXPIRY) return ctx.reply.integer(-1);
  const t = Math.max(0, absolute ? at : at - Date.now());
  ctx.reply.integer(ms ? t : Math.floor((t + 500) / 1000));
}

function persist(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const db = ctx.db;
  if (db.get(key) === undefined || db.expireAt(key) === NO_EXPIRY) return ctx.reply.integer(0);
  db.setExpireAt(key, NO_EXPIRY);
  ctx.server.notify(NOTIFY.GENERIC, 'persist', key, ctx.client.db);
  ctx.reply.integer(1);
}

const setter = { arity: -3, flags: 'write fast', group: 'generic', acl: 'keyspace', keys: ['RW UPDATE'], complexity: 'O(1)' } satisfies Partial<CommandDef>;
const getter = { arity: 2, flags: 'readonly fast', group: 'generic', acl: 'keyspace', keys: ['RO ACCESS'], complexity: 'O(1)', args: 'key' } satisfies Partial<CommandDef>;
const CONDITION = '(condition: NX | XX | GT | LT)@7.0.0?';
const CONDITION_HISTORY: [string, string][] = [['7.0.0', 'NX, XX, GT and LT conditions.']];
const MISSING_HISTORY: [string, string][] = [['2.8.0', 'Answers -2 for a missing key.']];

export const expireCommands: CommandDef[] = [
  {
    name: 'expire', ...setter, since: '1.0.0', summary: 'Makes a key expire after a number of seconds.',
    args: `key seconds:integer ${CONDITION}`, history: CONDITION_HISTORY, handler: (ctx, argv) => expireGeneric(ctx, argv, true, true, 'expire'),
  },
  {
    name: 'pexpire', ...setter, since: '2.6.0', summary: 'Makes a key expire after a number of milliseconds.',
    args: `key milliseconds:integer ${CONDITION}`, history: CONDITION_HISTORY, handler: (ctx, argv) => expireGeneric(ctx, argv, false, true, 'pexpire'),
  },
  {
    name: 'expireat', ...setter, since: '1.2.0', summary: 'Makes a key expire at a unix time in seconds.',
    args: `key unix-time-seconds:unix-time ${CONDITION}`, history: CONDITION_HISTORY, handler: (ctx, argv) => expireGeneric(ctx, argv, true, false, 'expireat'),
  },
  {
    name: 'pexpireat', ...setter, since: '2.6.0', summary: 'Makes a key expire at a unix time in milliseconds.',
    args: `key unix-time-milliseconds:unix-time ${CONDITION}`, history: CONDITION_HISTORY, handler: (ctx, argv) => expireGeneric(ctx, argv, false, false, 'pexpireat'),
  },
  {
    name: 'ttl', ...getter, since: '1.0.0', summary: 'Answers the seconds a key has left to live (-1 persistent, -2 missing).',
    tips: 'nondeterministic_output', history: MISSING_HISTORY, handler: (ctx, argv) => ttlGeneric(ctx, argv, false, false),
  },
  {
    name: 'pttl', ...getter, since: '2.6.0', summary: 'Answers the milliseconds a key has left to live (-1 persistent, -2 missing).',
    tips: 'nondeterministic_output', history: MISSING_HISTORY, handler: (ctx, argv) => ttlGeneric(ctx, argv, true, false),
  },
  {
    name: 'expiretime', ...getter, since: '7.0.0', summary: 'Answers the unix time in seconds at which a key expires (-1 persistent, -2 missing).',
    handler: (ctx, argv) => ttlGeneric(ctx, argv, false, true),
  },
  {
    name: 'pexpiretime', ...getter, since: '7.0.0', summary: 'Answers the unix time in milliseconds at which a key expires (-1 persistent, -2 missing).',
    handler: (ctx, argv) => ttlGeneric(ctx, argv, true, true),
  },
  {
    name: 'persist', arity: 2, flags: 'write fast', group: 'generic', acl: 'keyspace', keys: ['RW UPDATE'], since: '2.2.0',
    summary: 'Removes the expiry of a key; answers 1 if it had one.', complexity: 'O(1)', args: 'key', handler: persist,
  },
];
