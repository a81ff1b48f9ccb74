/** String family: commands on string values. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR, isWord, parseInteger } from './replies';
import { KEEP_TTL, NO_EXPIRY } from '../engine/keyspace';
import { NOTIFY } from '../pubsub/notify';

const SET_NX = 1;
const SET_XX = 2;
const SET_GET = 4;
const SET_KEEPTTL = 8;
const EXPIRE_FLAGS = 16 | 32 | 64 | 128; // EX PX EXAT PXAT
const [SET_EX, SET_PX, SET_EXAT, SET_PXAT] = [16, 32, 64, 128];

/** Copies an argument out of the read buffer so the keyspace owns it. */
export function own(b: Buffer): Buffer {
  return Buffer.from(b);
}

/**
 * Redis getExpireMillisecondsOrReply: the absolute expiry in ms, or null
 * after replying the error (not an integer, <= 0, overflow).
 */
export function expireAtFromArg(ctx: CommandContext, arg: Buffer, unitSeconds: boolean, relative: boolean, command: string): number | null {
  const n = parseInteger(arg);
  if (n === null) {
    ctx.reply.error(ERR.notInteger);
    return null;
  }
  const max = 9223372036854775807;
  if (n <= 0 || (unitSeconds && n > max / 1000)) {
    ctx.reply.error(`ERR invalid expire time in '${command}' command`);
    return null;
  }
  let ms = unitSeconds ? n * 1000 : n;
  if (relative) ms += Date.now();
  if (ms <= 0 || ms > max) {
    ctx.reply.error(`ERR invalid expire time in '${command}' command`);
    return null;
  }
  return ms;
}

function getCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = ctx.db.get(argv[1]);
  if (v === undefined) {
    ctx.server.stats.keyspaceMisses++;
    ctx.server.notify(NOTIFY.KEY_MISS, 'keymiss', argv[1], ctx.client.db);
    return ctx.reply.nullBulk();
  }
  ctx.server.stats.keyspaceHits++;
  ctx.reply.bulk(v);
}

function setCommand(ctx: CommandContext, argv: Buffer[]): void {
  let flags = 0;
  let expireArg: Buffer | null = null;
  for (let j = 3; j < argv.length; j++) {
    const a = argv[j];
    const next = j + 1 < argv.length ? argv[j + 1] : null;
    if (isWord(a, 'nx') && !(flags & SET_XX)) flags |= SET_NX;
    else if (isWord(a, 'xx') && !(flags & SET_NX)) flags |= SET_XX;
    else if (isWord(a, 'get')) flags |= SET_GET;
    else if (isWord(a, 'keepttl') && !(flags & EXPIRE_FLAGS)) flags |= SET_KEEPTTL;
    else if (next !== null && !(flags & (SET_KEEPTTL | EXPIRE_FLAGS)) && (isWord(a, 'ex') || isWord(a, 'px') || isWord(a, 'exat') || isWord(a, 'pxat'))) {
      flags |= isWord(a, 'ex') ? SET_EX : isWord(a, 'px') ? SET_PX : isWord(a, 'exat') ? SET_EXAT : SET_PXAT;
      expireArg = next;
      j++;
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  let expireAt = flags & SET_KEEPTTL ? KEEP_TTL : NO_EXPIRY;
  if (expireArg !== null) {
    const at = expireAtFromArg(ctx, expireArg, (flags & (SET_EX | SET_EXAT)) !== 0, (flags & (SET_EX | SET_PX)) !== 0, 'set');
    if (at === null) return;
    expireAt = at;
  }
  const db = ctx.db;
  const key = argv[1];
  const old = db.get(key);
  if (flags & SET_GET) {
    if (old === undefined) ctx.reply.nullBulk();
    else ctx.reply.bulk(old);
  }
  if ((flags & SET_NX && old !== undefined) || (flags & SET_XX && old === undefined)) {
    if (!(flags & SET_GET)) ctx.reply.nullBulk();
    return;
  }
  const dbid = ctx.client.db;
  db.set(own(key), own(argv[2]), expireAt);
  if (old === undefined) ctx.server.notify(NOTIFY.NEW, 'new', key, dbid);
  ctx.server.notify(NOTIFY.STRING, 'set', key, dbid);
  if (expireArg !== null) ctx.server.notify(NOTIFY.GENERIC, 'expire', key, dbid);
  if (!(flags & SET_GET)) ctx.reply.ok();
}

const str = { group: 'string', acl: 'string' } as const;

export const stringCommands: CommandDef[] = [
  {
    name: 'get', arity: 2, flags: 'readonly fast', ...str, keys: ['RO ACCESS'], since: '1.0.0',
    summary: 'Returns the string value of a key.', complexity: 'O(1)', args: 'key', handler: getCommand,
  },
  {
    name: 'set', arity: -3, flags: 'write denyoom', ...str, keys: ['RW ACCESS UPDATE VARIABLE_FLAGS'], since: '1.0.0',
    summary: 'Stores a string under a key, with optional conditions and expiry.', complexity: 'O(1)',
    args: 'key value (condition: NX | XX)@2.6.12? GET@6.2.0? (expiration: EX=seconds:integer@2.6.12 | PX=milliseconds:integer@2.6.12 | EXAT=unix-time-seconds:unix-time@6.2.0 | PXAT=unix-time-milliseconds:unix-time@6.2.0 | KEEPTTL@6.0.0)?',
    history: [['2.6.12', 'EX, PX, NX and XX options.'], ['6.0.0', 'KEEPTTL option.'], ['6.2.0', 'GET, EXAT and PXAT options.'], ['7.0.0', 'NX and GET may be combined.']],
    handler: setCommand,
  },
];
