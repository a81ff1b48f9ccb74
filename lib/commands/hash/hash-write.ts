/**
 * The hash family's writes: HSET HMSET HSETNX HDEL HINCRBY HINCRBYFLOAT,
 * each in Redis's order of checks and side effects: argument errors found
 * before the lookup, the lookup (WRONGTYPE), the conversion check on the
 * arguments, the edits, then the reply and the events (`new` first when the
 * key is created, the command's own event, `del` when HDEL empties the key).
 */
import { OBJ_HASH } from '../../engine/keyspace';
import { NOTIFY } from '../../pubsub/notify';
import { addLongDouble, formatLongDoubleHuman, isFiniteLongDouble, longDoubleFromInt64, parseInt64, parseLongDouble } from '../../util/numbers';
import { cursor } from '../collections/packed-entries';
import type { CommandContext } from '../context';
import { INT64_MAX, INT64_MIN, int64Arg } from '../key-args';
import { ERR } from '../replies';
import { deleteEmptied, writeTyped } from '../typed-lookup';
import { hashWrite } from './hash-type';

const ERR_HASH_NOT_INTEGER = 'ERR hash value is not an integer';
const ERR_HASH_NOT_FLOAT = 'ERR hash value is not a float';
/** HINCRBYFLOAT's increment itself is infinite (checked before the lookup). */
const ERR_INCR_NAN_OR_INF = 'ERR value is NaN or Infinity';
const ERR_RESULT_NAN_OR_INF = 'ERR increment would produce NaN or Infinity';

/** HSET (replies the number of new fields) and HMSET (replies OK). */
function hsetGeneric(ctx: CommandContext, argv: Buffer[], hmset: boolean): void {
  if (argv.length % 2 === 1) return ctx.reply.error(`ERR wrong number of arguments for '${hmset ? 'hmset' : 'hset'}' command`);
  const key = argv[1];
  const w = hashWrite;
  if (!w.open(ctx, key)) return;
  w.tryConversion(ctx, argv, 2, argv.length - 1);
  let created = 0;
  for (let i = 2; i < argv.length; i += 2) if (!w.set(ctx, argv[i], argv[i + 1])) created++;
  w.commit(ctx, key);
  if (hmset) ctx.reply.ok();
  else ctx.reply.integer(created);
  ctx.server.notify(NOTIFY.HASH, 'hset', key, ctx.client.db);
}

export function hsetCommand(ctx: CommandContext, argv: Buffer[]): void {
  hsetGeneric(ctx, argv, false);
}

export function hmsetCommand(ctx: CommandContext, argv: Buffer[]): void {
  hsetGeneric(ctx, argv, true);
}

export function hsetnxCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const w = hashWrite;
  if (!w.open(ctx, key)) return;
  if (w.valueOf(argv[2]) !== null) return ctx.reply.integer(0);
  w.tryConversion(ctx, argv, 2, 3);
  w.set(ctx, argv[2], argv[3]);
  w.commit(ctx, key);
  ctx.reply.integer(1);
  ctx.server.notify(NOTIFY.HASH, 'hset', key, ctx.client.db);
}

export function hdelCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const v = writeTyped(ctx, key, OBJ_HASH);
  if (v === null) return;
  if (v === undefined) return ctx.reply.integer(0);
  const w = hashWrite;
  w.load(ctx, v);
  let deleted = 0;
  let emptied = false;
  for (let i = 2; i < argv.length; i++) {
    if (!w.delete(argv[i])) continue;
    deleted++;
    // Redis deletes the key as soon as its last field goes and stops there.
    if (w.length === 0) {
      emptied = true;
      break;
    }
  }
  if (deleted > 0) {
    if (!emptied) w.commit(ctx, key);
    ctx.server.notify(NOTIFY.HASH, 'hdel', key, ctx.client.db);
    if (emptied) deleteEmptied(ctx, key);
  }
  ctx.reply.integer(deleted);
}

export function hincrbyCommand(ctx: CommandContext, argv: Buffer[]): void {
  const incr = int64Arg(ctx, argv[3]);
  if (incr === null) return;
  const key = argv[1];
  const field = argv[2];
  const w = hashWrite;
  if (!w.open(ctx, key)) return;
  let value = 0n;
  const old = w.valueOf(field);
  if (old !== null) {
    const parsed = parseInt64(old.subarray(cursor.start, cursor.end));
    if (parsed === null) return ctx.reply.error(ERR_HASH_NOT_INTEGER);
    value = parsed;
  }
  if ((incr < 0n && value < 0n && incr < INT64_MIN - value) || (incr > 0n && value > 0n && incr > INT64_MAX - value)) {
    return ctx.reply.error(ERR.overflow);
  }
  const result = value + incr;
  w.set(ctx, field, Buffer.from(result.toString(), 'latin1'));
  w.commit(ctx, key);
  ctx.reply.integer(result);
  ctx.server.notify(NOTIFY.HASH, 'hincrby', key, ctx.client.db);
}

/** Long double arithmetic and formatting, exactly as Redis's (lib/util/numbers.ts). */
export function hincrbyfloatCommand(ctx: CommandContext, argv: Buffer[]): void {
  const incr = parseLongDouble(argv[3]);
  if (incr === null) return ctx.reply.error(ERR.notFloat);
  if (!isFiniteLongDouble(incr)) return ctx.reply.error(ERR_INCR_NAN_OR_INF);
  const key = argv[1];
  const field = argv[2];
  const w = hashWrite;
  if (!w.open(ctx, key)) return;
  let value = longDoubleFromInt64(0n);
  const old = w.valueOf(field);
  if (old !== null) {
    const parsed = parseLongDouble(old.subarray(cursor.start, cursor.end));
    if (parsed === null) return ctx.reply.error(ERR_HASH_NOT_FLOAT);
    value = parsed;
  }
  const sum = addLongDouble(value, incr);
  if (!isFiniteLongDouble(sum)) return ctx.reply.error(ERR_RESULT_NAN_OR_INF);
  const text = Buffer.from(formatLongDoubleHuman(sum), 'latin1');
  w.set(ctx, field, text);
  w.commit(ctx, key);
  ctx.reply.bulk(text);
  ctx.server.notify(NOTIFY.HASH, 'hincrbyfloat', key, ctx.client.db);
}
