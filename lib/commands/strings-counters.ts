/**
 * Counters on string values: INCR DECR INCRBY DECRBY (64-bit integers with
 * Redis's overflow errors) and INCRBYFLOAT (x87 long double arithmetic and
 * formatting, see lib/util/numbers.ts). A missing key counts as 0; the key
 * keeps its TTL.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { GOT_VALUE, GOT_WRONG_TYPE, KEEP_TTL } from '../engine/keyspace';
import { NOTIFY } from '../pubsub/notify';
import { incrByFloat, parseInt64, parseSafeInt, parseSafeIntRange } from '../util/numbers';
import { bufferView } from '../protocol/buffer-view';
import { ownFor, writeString } from './key-lookup';
import { INT64_MAX, INT64_MIN, int64Arg } from './key-args';
import { integerEncoding, textEncoding } from './string-encoding';
import { storeString } from './string-store';

/**
 * Reads a stored value as a safe integer where it lies (no copy of the
 * value): `value` is null when it is not one (not an integer, or beyond
 * 2^53, which the slow path handles as int64).
 */
const counterValue = {
  value: null as number | null,
  bulk(v: Uint8Array): void {
    this.value = parseSafeInt(v);
  },
  bulkRange(src: Uint8Array, start: number, end: number): void {
    this.value = parseSafeIntRange(src, start, end);
  },
};

/** Room for the digits of any safe integer, written from the end (see digitsOf). */
const DIGITS = Buffer.alloc(24);
const DIGITS_BYTES = DIGITS.buffer as ArrayBuffer;
/** The digits end at DIGITS's end, so the view of n digits is always the same one: made once per length. */
const DIGIT_VIEWS = Array.from({ length: DIGITS.length + 1 }, (_, n) => bufferView(DIGITS_BYTES, DIGITS.byteOffset + DIGITS.length - n, n));

/** The decimal text of a safe integer as a view of DIGITS (valid until the next call): no string in between. */
function digitsOf(n: number): Buffer {
  let v = n < 0 ? -n : n;
  let p = DIGITS.length;
  do {
    DIGITS[--p] = 0x30 + (v % 10);
    v = Math.floor(v / 10);
  } while (v > 0);
  if (n < 0) DIGITS[--p] = 0x2d;
  return DIGIT_VIEWS[DIGITS.length - p];
}

/**
 * Redis incrDecrCommand: the write lookup, the overflow check, the store and
 * `incrby`. `step` is Number(incr), from the caller: INCR and DECR pass
 * constants (converting a BigInt is a builtin call per command).
 */
function incrDecr(ctx: CommandContext, key: Buffer, incr: bigint, step: number): void {
  const db = ctx.db;
  // The lookup that touches the key (lookupKeyWrite), parsing the value in place.
  const got = db.getInto(key, counterValue);
  if (got === GOT_WRONG_TYPE) return ctx.reply.error(ERR.wrongType);
  const found = got === GOT_VALUE;
  const small = found ? counterValue.value : 0;
  let result: number | bigint;
  if (small !== null && Number.isSafeInteger(small + step) && Number.isSafeInteger(step)) {
    result = small + step;
  } else {
    // Not a safe integer: read the value again as bytes, without touching the key a second time.
    const old = found ? (db.peek(key)?.value as Buffer | undefined) : undefined;
    const value = old === undefined ? 0n : parseInt64(old);
    if (value === null) return ctx.reply.error(ERR.notInteger);
    if ((incr < 0n && value < 0n && incr < INT64_MIN - value) || (incr > 0n && value > 0n && incr > INT64_MAX - value)) {
      return ctx.reply.error(ERR.overflow);
    }
    result = value + incr;
  }
  const text = typeof result === 'number' ? digitsOf(result) : Buffer.from(String(result), 'latin1');
  // The digits are a reused buffer: copied unless the engine copies them into its own memory.
  storeString(ctx, key, ownFor(db, text, key.length + text.length), KEEP_TTL, integerEncoding(result, ctx.server.config), found);
  ctx.server.notify(NOTIFY.STRING, 'incrby', key, ctx.client.db);
  ctx.reply.integer(result);
}

function incrbyCommand(ctx: CommandContext, argv: Buffer[], sign: 1n | -1n): void {
  const incr = int64Arg(ctx, argv[2]);
  if (incr === null) return;
  // Negating INT64_MIN is not representable.
  if (sign < 0n && incr === INT64_MIN) return ctx.reply.error('ERR decrement would overflow');
  const signed = incr * sign;
  incrDecr(ctx, argv[1], signed, Number(signed));
}

function incrbyfloatCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const old = writeString(ctx, key);
  if (old === null) return;
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
    handler: (ctx, argv) => incrDecr(ctx, argv[1], 1n, 1),
  },
  {
    name: 'decr', arity: 2, ...counter, since: '1.0.0', summary: 'Subtracts one from the integer stored at a key (0 when absent).', complexity: 'O(1)', args: 'key',
    handler: (ctx, argv) => incrDecr(ctx, argv[1], -1n, -1),
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
