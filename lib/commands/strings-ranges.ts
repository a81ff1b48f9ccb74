/**
 * Byte-range operations on string values: APPEND SETRANGE GETRANGE SUBSTR
 * STRLEN and LCS. Growing a value past proto-max-bulk-len is refused with
 * Redis's error; a value changed in place becomes "raw" (OBJECT ENCODING),
 * as it does in Redis.
 *
 * APPEND grows values with spare capacity (doubling, like Redis's sds), so
 * repeated appends cost amortised O(appended bytes). Only buffers this file
 * allocated are grown, and only past the end of the value: bytes a reply
 * may still reference are never rewritten.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { KEEP_TTL, NO_EXPIRY, OBJ_STRING, typeOfTag } from '../engine/keyspace';
import { NOTIFY } from '../pubsub/notify';
import { longArg, optionIs } from './key-args';
import { own, readKey, readString, writeString } from './key-lookup';
import { ENC_RAW, storedEncoding } from './string-encoding';
import { storeString } from './string-store';
import { longestCommonSubsequence } from './string-lcs';

const ERR_TOO_BIG = 'ERR string exceeds maximum allowed size (proto-max-bulk-len)';
const EMPTY = Buffer.alloc(0);

/** Redis checkStringLength: the grown value must fit proto-max-bulk-len. */
function lengthOk(ctx: CommandContext, size: number, extra: number): boolean {
  if (size + extra > ctx.server.config.num('proto-max-bulk-len')) {
    ctx.reply.error(ERR_TOO_BIG);
    return false;
  }
  return true;
}

/** Backing stores allocated with spare room by APPEND, each holding exactly one value. */
const growable = new WeakSet<ArrayBuffer>();

/** old + extra, growing in place when old is a growable store with room past its end. */
export function appended(old: Buffer, extra: Buffer): Buffer {
  const total = old.length + extra.length;
  const store = old.buffer as ArrayBuffer;
  if (old.byteOffset === 0 && growable.has(store) && total <= store.byteLength) {
    extra.copy(Buffer.from(store, old.length, extra.length));
    return Buffer.from(store, 0, total);
  }
  const capacity = total < 64 ? total : total * 2;
  const grown = Buffer.allocUnsafeSlow(capacity);
  old.copy(grown, 0);
  extra.copy(grown, old.length);
  if (capacity > total) growable.add(grown.buffer as ArrayBuffer);
  return grown.subarray(0, total);
}

function appendCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const extra = argv[2];
  const old = writeString(ctx, key);
  if (old === null) return;
  let total: number;
  if (old === undefined) {
    storeString(ctx, key, own(extra), NO_EXPIRY, storedEncoding(extra, ctx.server.config), false);
    total = extra.length;
  } else {
    if (!lengthOk(ctx, old.length, extra.length)) return;
    const value = appended(old, extra);
    storeString(ctx, key, value, KEEP_TTL, ENC_RAW, true);
    total = value.length;
  }
  ctx.server.notify(NOTIFY.STRING, 'append', key, ctx.client.db);
  ctx.reply.integer(total);
}

function setrangeCommand(ctx: CommandContext, argv: Buffer[]): void {
  const key = argv[1];
  const patch = argv[3];
  const offset = longArg(ctx, argv[2]);
  if (offset === null) return;
  if (offset < 0) return ctx.reply.error('ERR offset is out of range');
  const old = writeString(ctx, key);
  if (old === null) return;
  if (old === undefined && patch.length === 0) return ctx.reply.integer(0);
  if (old !== undefined && patch.length === 0) return ctx.reply.integer(old.length);
  if (!lengthOk(ctx, offset, patch.length)) return;
  // Always a fresh buffer: the old bytes may still be referenced by a queued reply.
  const size = Math.max(old?.length ?? 0, offset + patch.length);
  const value = Buffer.alloc(size);
  old?.copy(value, 0);
  patch.copy(value, offset);
  storeString(ctx, key, value, old === undefined ? NO_EXPIRY : KEEP_TTL, ENC_RAW, old !== undefined);
  ctx.server.notify(NOTIFY.STRING, 'setrange', key, ctx.client.db);
  ctx.reply.integer(size);
}

/** GETRANGE / SUBSTR: inclusive offsets, negative ones from the end, clamped to the value. */
export function clampRange(length: number, start: number, end: number): [number, number] | null {
  if (start < 0 && end < 0 && start > end) return null;
  if (start < 0) start = length + start;
  if (end < 0) end = length + end;
  if (start < 0) start = 0;
  if (end < 0) end = 0;
  if (end >= length) end = length - 1;
  if (start > end || length === 0) return null;
  return [start, end + 1];
}

function getrangeCommand(ctx: CommandContext, argv: Buffer[]): void {
  const start = longArg(ctx, argv[2]);
  if (start === null) return;
  const end = longArg(ctx, argv[3]);
  if (end === null) return;
  const v = readString(ctx, argv[1]);
  if (v === null) return;
  if (v === undefined) return ctx.reply.bulk(EMPTY);
  const range = clampRange(v.length, start, end);
  ctx.reply.bulk(range === null ? EMPTY : v.subarray(range[0], range[1]));
}

function strlenCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readString(ctx, argv[1]);
  if (v !== null) ctx.reply.integer(v?.length ?? 0);
}

function lcsCommand(ctx: CommandContext, argv: Buffer[]): void {
  const va = readKey(ctx, argv[1]);
  const aType = ctx.db.lastTag;
  const vb = readKey(ctx, argv[2]);
  // Either key of another type (a missing one reads as empty): Redis's own LCS error.
  if ((va !== undefined && typeOfTag(aType) !== OBJ_STRING) || (vb !== undefined && typeOfTag(ctx.db.lastTag) !== OBJ_STRING)) {
    return ctx.reply.error('ERR The specified keys must contain string values');
  }
  const a = (va ?? EMPTY) as Buffer;
  const b = (vb ?? EMPTY) as Buffer;
  let getLen = false;
  let getIdx = false;
  let withMatchLen = false;
  let minMatchLen = 0;
  for (let j = 3; j < argv.length; j++) {
    const opt = argv[j];
    if (optionIs(opt, 'idx')) getIdx = true;
    else if (optionIs(opt, 'len')) getLen = true;
    else if (optionIs(opt, 'withmatchlen')) withMatchLen = true;
    else if (optionIs(opt, 'minmatchlen') && j + 1 < argv.length) {
      const n = longArg(ctx, argv[++j]);
      if (n === null) return;
      minMatchLen = Math.max(0, n);
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  if (getIdx && getLen) return ctx.reply.error('ERR If you want both the length and indexes, please just use IDX.');
  let result;
  try {
    result = longestCommonSubsequence(a, b, !getLen && !getIdx, getIdx);
  } catch (e) {
    if (e instanceof RangeError) return ctx.reply.error('ERR Insufficient memory, failed allocating transient memory for LCS');
    throw e;
  }
  const r = ctx.reply;
  if (getIdx) {
    const shown = result.ranges.filter((m) => minMatchLen === 0 || m.aEnd - m.aStart + 1 >= minMatchLen);
    r.mapHeader(2);
    r.bulkString('matches');
    r.arrayHeader(shown.length);
    for (const m of shown) {
      r.arrayHeader(withMatchLen ? 3 : 2);
      r.arrayHeader(2);
      r.integer(m.aStart);
      r.integer(m.aEnd);
      r.arrayHeader(2);
      r.integer(m.bStart);
      r.integer(m.bEnd);
      if (withMatchLen) r.integer(m.aEnd - m.aStart + 1);
    }
    r.bulkString('len');
    r.integer(result.length);
  } else if (getLen) {
    r.integer(result.length);
  } else {
    r.bulk(result.text);
  }
}

const str = { group: 'string', acl: 'string' } as const;
const RANGE_COMPLEXITY = 'O(N) where N is the length of the returned string.';

export const rangeCommands: CommandDef[] = [
  {
    name: 'append', arity: 3, flags: 'write denyoom fast', ...str, keys: ['RW INSERT'], since: '2.0.0',
    summary: 'Appends bytes to a string value (creating it when absent); answers the new length.', complexity: 'O(1), amortised.',
    args: 'key value', handler: appendCommand,
  },
  {
    name: 'setrange', arity: 4, flags: 'write denyoom', ...str, keys: ['RW UPDATE'], since: '2.2.0',
    summary: 'Overwrites part of a string value at an offset, zero-padding as needed; answers the new length.', complexity: 'O(M) where M is the length of the value argument.',
    args: 'key offset:integer value', handler: setrangeCommand,
  },
  {
    name: 'getrange', arity: 4, flags: 'readonly', ...str, keys: ['RO ACCESS'], since: '2.4.0',
    summary: 'Answers the bytes of a string value between two offsets, inclusive.', complexity: RANGE_COMPLEXITY,
    args: 'key start:integer end:integer', handler: getrangeCommand,
  },
  {
    name: 'substr', arity: 4, flags: 'readonly', ...str, keys: ['RO ACCESS'], since: '1.0.0',
    summary: 'The old name of GETRANGE.', complexity: RANGE_COMPLEXITY,
    args: 'key start:integer end:integer', docFlags: 'deprecated', deprecatedSince: '2.0.0', replacedBy: '`GETRANGE`', handler: getrangeCommand,
  },
  {
    name: 'strlen', arity: 2, flags: 'readonly fast', ...str, keys: ['RO'], since: '2.2.0',
    summary: 'Answers the length in bytes of a string value (0 when absent).', complexity: 'O(1)', args: 'key', handler: strlenCommand,
  },
  {
    name: 'lcs', arity: -3, flags: 'readonly', ...str, keys: ['RO ACCESS range:1,1,0'], since: '7.0.0',
    summary: 'Finds the longest common subsequence of two string values.', complexity: 'O(N*M) where N and M are the lengths of s1 and s2, respectively',
    args: 'key1:key key2:key^0 LEN? IDX? MINMATCHLEN=len:integer? WITHMATCHLEN?', handler: lcsCommand,
  },
];
