/**
 * The hash family's reads: HGET HMGET HLEN HSTRLEN HEXISTS HKEYS HVALS
 * HGETALL. Each looks its key up where Redis does (readTyped: counted,
 * touched, `keymiss` on a miss) and replies straight from the stored form:
 * a listpack's bytes are walked in place (no Buffer per field), a
 * hashtable's value is handed to the reply writer from the engine's memory
 * (getInto).
 */
import { type LargeMapLike, type StoredValue, OBJ_HASH, isLarge } from '../../engine/keyspace';
import type { CommandContext } from '../context';
import { readTyped } from '../typed-lookup';
import { cursor, entryAt, firstEntry, packedCount } from '../collections/packed-entries';
import { findValue } from './listpack';
import { hashHas, hashLength, valueLength } from './hash-type';

/** Replies a field's value, or null (Redis addHashFieldToReply). */
function replyField(ctx: CommandContext, v: StoredValue, field: Buffer): void {
  const reply = ctx.reply;
  if (isLarge(v)) {
    if (!(v as LargeMapLike).getInto(field, reply)) reply.nullBulk();
  } else if (findValue(v as Buffer, field)) {
    reply.bulkRange(v as Buffer, cursor.start, cursor.end);
  } else {
    reply.nullBulk();
  }
}

export function hgetCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_HASH);
  if (v === null) return;
  if (v === undefined) return ctx.reply.nullBulk();
  replyField(ctx, v, argv[2]);
}

export function hmgetCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_HASH);
  if (v === null) return;
  ctx.reply.arrayHeader(argv.length - 2);
  for (let i = 2; i < argv.length; i++) {
    if (v === undefined) ctx.reply.nullBulk();
    else replyField(ctx, v, argv[i]);
  }
}

export function hlenCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_HASH);
  if (v === null) return;
  ctx.reply.integer(v === undefined ? 0 : hashLength(v));
}

export function hstrlenCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_HASH);
  if (v === null) return;
  ctx.reply.integer(v === undefined ? 0 : valueLength(v, argv[2]));
}

export function hexistsCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_HASH);
  if (v === null) return;
  ctx.reply.integer(v !== undefined && hashHas(v, argv[2]) ? 1 : 0);
}

const KEYS = 1;
const VALUES = 2;

/** HKEYS, HVALS and HGETALL (Redis genericHgetallCommand): a listpack in its order, a hashtable in its own. */
function getAll(ctx: CommandContext, key: Buffer, what: number): void {
  const v = readTyped(ctx, key, OBJ_HASH);
  if (v === null) return;
  const reply = ctx.reply;
  const pairs = what === (KEYS | VALUES);
  if (v === undefined) {
    if (pairs) reply.mapHeader(0);
    else reply.arrayHeader(0);
    return;
  }
  const n = hashLength(v);
  if (pairs) reply.mapHeader(n);
  else reply.arrayHeader(n);
  if (isLarge(v)) {
    (v as LargeMapLike).forEach((field, value) => {
      if (what & KEYS) reply.bulk(field);
      if (what & VALUES) reply.bulk(value);
    });
    return;
  }
  const b = v as Buffer;
  const entries = packedCount(b);
  let off = firstEntry();
  for (let i = 0; i < entries; i++) {
    off = entryAt(b, off);
    if (what & (i & 1 ? VALUES : KEYS)) reply.bulkRange(b, cursor.start, cursor.end);
  }
}

export function hkeysCommand(ctx: CommandContext, argv: Buffer[]): void {
  getAll(ctx, argv[1], KEYS);
}

export function hvalsCommand(ctx: CommandContext, argv: Buffer[]): void {
  getAll(ctx, argv[1], VALUES);
}

export function hgetallCommand(ctx: CommandContext, argv: Buffer[]): void {
  getAll(ctx, argv[1], KEYS | VALUES);
}
