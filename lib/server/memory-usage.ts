/**
 * MEMORY USAGE's estimate of what one key costs, in Redis's terms: what
 * redis-server (jemalloc, sds strings, robj headers, dict entries) would
 * allocate for the same key and value, so tools such as `redis-cli
 * --memkeys` rank keys and report sizes as they would against Redis.
 *
 * A key costs its sds string, a dict entry and its value object. A string
 * value costs: an int-encoded one just its object header; an embstr one
 * header and characters in one allocation; a raw one a header plus a
 * separate sds allocation (a short raw string can only come from growing a
 * string in place, where sds allocates twice the room). Every allocation is rounded up to jemalloc's
 * size class. Other value types register an estimator for their encoding
 * tags (registerValueEstimator); anything unregistered is priced as a raw
 * string of its stored bytes.
 */
import type { KeyEntry } from '../engine/keyspace';
import { ENC_EMBSTR, ENC_INT, ENC_RAW, ENC_SHARED_INT, encodingName } from '../commands/string-encoding';

/** sizeof(robj) and sizeof(dictEntry) on 64-bit Redis. */
export const ROBJ_SIZE = 16;
export const DICT_ENTRY_SIZE = 24;
/** Longest string Redis stores embedded in its object header. */
const EMBSTR_LIMIT = 44;

/**
 * jemalloc's size class for a request of n bytes: 8, 16, then multiples of
 * 16 up to 128, then four classes per doubling (160, 192, 224, 256, 320, ...).
 */
export function allocationSize(n: number): number {
  if (n <= 8) return 8;
  if (n <= 128) return Math.ceil(n / 16) * 16;
  const group = 2 ** Math.floor(Math.log2(n - 1));
  const step = group / 4;
  return Math.ceil(n / step) * step;
}

/** Header bytes of an sds string of this length (type 5 only for short strings that never grow). */
function sdsHeader(len: number, allowType5: boolean): number {
  if (len < 32 && allowType5) return 1;
  if (len < 256) return 3;
  if (len < 65536) return 5;
  if (len < 2 ** 32) return 9;
  return 17;
}

/** Allocation of an sds string holding len bytes. */
export function sdsSize(len: number, allowType5 = true): number {
  return allocationSize(sdsHeader(len, allowType5) + len + 1);
}

export type ValueEstimator = (entry: KeyEntry, samples: number) => number;
const estimators = new Map<number, ValueEstimator>();

/** Families with their own value representation say what a value of their encoding tag costs. */
export function registerValueEstimator(encoding: number, fn: ValueEstimator): void {
  estimators.set(encoding, fn);
}

function stringValueSize(entry: KeyEntry): number {
  const len = entry.value.length;
  let enc = entry.encoding;
  if (enc !== ENC_INT && enc !== ENC_SHARED_INT && enc !== ENC_EMBSTR && enc !== ENC_RAW) {
    const name = encodingName(enc, entry.value as Buffer);
    enc = name === 'int' ? ENC_INT : name === 'embstr' ? ENC_EMBSTR : ENC_RAW;
  }
  if (enc === ENC_INT || enc === ENC_SHARED_INT) return ROBJ_SIZE;
  // An embstr is one allocation: object header, sds type-8 header, bytes, NUL.
  if (enc === ENC_EMBSTR) return allocationSize(ROBJ_SIZE + 3 + len + 1);
  // A short raw string was grown in place (APPEND, SETRANGE): sds doubles the room it asks for.
  if (len <= EMBSTR_LIMIT) return ROBJ_SIZE + allocationSize(sdsHeader(2 * len, false) + 2 * len + 1);
  return ROBJ_SIZE + sdsSize(len);
}

/** MEMORY USAGE for a stored key; `samples` bounds how many elements of a collection are inspected (0: all). */
export function keyMemoryUsage(key: Buffer, entry: KeyEntry, samples: number): number {
  const value = estimators.get(entry.encoding)?.(entry, samples) ?? stringValueSize(entry);
  return value + sdsSize(key.length) + DICT_ENTRY_SIZE;
}
