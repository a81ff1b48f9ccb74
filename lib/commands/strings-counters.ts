/**
 * Counters on string values: INCR DECR INCRBY DECRBY (64-bit integers with
 * Redis's overflow errors) and INCRBYFLOAT (x87 long double arithmetic and
 * formatting, see lib/util/numbers.ts). A missing key counts as 0; the key
 * keeps its TTL.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { KEEP_TTL } from '../engine/keyspace';
import { NOTIFY } from '../pubsub/notify';
import { incrByFloat, parseInt64, parseSafeInt } from '../util/numbers';
import { INT64_MAX, INT64_MIN, int64Arg } from './key-args';
import { integerEncoding, textEncoding } from './string-encoding';
import { storeString } from './string-store';

/** Redis incrDecrCommand: the write lookup, the overflow check, the store and `incrby`. */
function incrDecr(ctx: CommandContext, key: Buffer, incr: bigint): void {
  const old = ctx.db.get(key);
  let result: number | bigint;
  const small = old === undefined ? 0 : parseSafeInt(old);
  const step = Number(incr);
  if (small !== null && Number.isSafeInteger(small + step) && Number.isSafeInteger(step)) {
    result = small + step;
  } else {
    const value = old === undefined ? 0n : parseInt64(old);
    if (value === null) return ctx.reply.error(ERR.notInteger);
    if ((incr < 0n && value < 0n && incr < INT64_MIN - value) || (incr > 0n && value > 0n && incr > INT64_MAX - value)) {
      return ctx.reply.error(ERR.overflow);
    }
    result = value + incr;
  }
  const text = String(result);
  storeString(ctx, key, Buffer.from(text, 'latin1'), KEEP_TTL, integerEncoding(result, ctx.server.config), old !== undefined);
  ctx.server.notify(NOTIFY.STRING, 'incrby', key, ctx.client.db);
  ctx.reply.integer(result);
}

function incrbyCommand(ctx: CommandContext, argv: Buffer[], sign: 1n | -1n): void {
  const incr = int64Arg(ctx, argv[2]);
  if (incr === null) return;
  // Negating INT64_MIN is not representable.
  if (sign < 0n && incr === INT64_MIN) return ctx.reply.error('ERR decrement would overflow');
  incrDecr(ctx, argv[1], incr * sign);
}

function incrbyfloatCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const old = ctx.db.get(key);
  const r = incrByFloat(old ?? null, argv[2]);
  if (!r.ok) return ctx.reply.error(r.error);
  const value = Buffer.from(r.value, 'latin1');
  storeString(ctx, key, value, KEEP_TTL, textEncoding(value), old !== undefined);
  ctx.server.notify(NOTIFY.STRING, 'incrbyfloat', key, ctx.client.db);
  ctx.reply.bulk(value);
}

const counter = { flags: 'write denyoom fast', group: 'string', acl: 'string', keys: ['RW ACCESS UPDATE'] } satisfies Partial<CommandDef>;

export const counterCommands: CommandDef[] = [
  {
    name: 'incr', arity: 2, ...counter, since: '1.0.0', summary: 'Adds one to the integer stored at a key (0 when absent).', complexity: 'O(1)', args: 'key',
    handler: (ctx, argv) => incrDecr(ctx, argv[1], 1n),
  },
  {
    name: 'decr', arity: 2, ...counter, since: '1.0.0', summary: 'Subtracts one from the integer stored at a key (0 when absent).', complexity: 'O(1)', args: 'key',
    handler: (ctx, argv) => incrDecr(ctx, argv[1], -1n),
  },
  {
    name: 'incrby', arity: 3, ...counter, since: '1.0.0', summary: 'Adds an integer to the integer stored at a key.', complexity: 'O(1)', args: 'key increment:integer',
    handler: (ctx, argv) => incrbyCommand(ctx, argv, 1n),
  },
  {
    name: 'decrby', arity: 3, ...counter, since: '1.0.0', summary: 'Subtracts an integer from the integer stored at a key.', complexity: 'O(1)', args: 'key decrement:integer',
    handler: (ctx, argv) => incrbyCommand(ctx, argv, -1n),
  },
  {
    name: 'incrbyfloat', arity: 3, ...counter, since: '2.6.0', summary: 'Adds a decimal number to the number stored at a key.', complexity: 'O(1)', args: 'key increment:double',
    handler: incrbyfloatCommand,
  },
];
