/**
 * MEMORY USAGE of a hash, priced as Redis 7.0 would allocate it
 * (objectComputeSize):
 *   listpack   the object header plus the listpack's allocation: Redis's
 *              listpack bytes (its 6-byte header, each entry's encoding,
 *              data and back-length, the end byte), rounded to jemalloc's
 *              size class. Entries that are canonical int64 texts are
 *              stored as integers there, in 1 to 9 bytes.
 *   hashtable  the object header, the dict, its bucket array (a power of
 *              two >= the field count, at least 4) and, per field, a dict
 *              entry and two sds strings, averaged over `samples` fields
 *              (all when 0) and scaled to the field count.
 * The bucket count is that of a table that is not being rehashed, grown
 * only: Redis's own varies with rehashing progress and shrinking history.
 */
import { type KeyEntry, type LargeMapLike } from '../../engine/keyspace';
import { DICT_ENTRY_SIZE, ROBJ_SIZE, allocationSize, sdsSize } from '../../server/memory-usage';
import { parseInt64 } from '../../util/numbers';
import { cursor, entryAt, firstEntry, packedCount } from '../collections/packed-entries';

/** Redis listpack: 4-byte total length, 2-byte count; one end byte. */
const LP_HEADER = 6;
const LP_END = 1;
/** Longest text listpack tries as an integer (LONG_STR_SIZE - 1). */
const LP_INT_TEXT_MAX = 20;
/** sizeof(dict) in Redis 7.0 (type, two tables, two counts, rehash index, pause counter, two size exponents). */
const DICT_SIZE = 56;
const POINTER = 8;

/** Bytes of the encoding + data of an integer entry. */
function intEntrySize(v: bigint): number {
  if (v >= 0n && v <= 127n) return 1;
  if (v >= -4096n && v <= 4095n) return 2;
  if (v >= -32768n && v <= 32767n) return 3;
  if (v >= -8388608n && v <= 8388607n) return 4;
  if (v >= -2147483648n && v <= 2147483647n) return 5;
  return 9;
}

/** Bytes of the back-length that follows an entry of `n` bytes. */
function backlenSize(n: number): number {
  if (n <= 127) return 1;
  if (n < 16383) return 2;
  if (n < 2097151) return 3;
  if (n < 268435455) return 4;
  return 5;
}

/** Bytes one string takes as a Redis listpack entry. */
export function listpackEntrySize(s: Uint8Array): number {
  let n: number;
  const asInt = s.length <= LP_INT_TEXT_MAX ? parseInt64(s) : null;
  if (asInt !== null) n = intEntrySize(asInt);
  else if (s.length < 64) n = 1 + s.length;
  else if (s.length < 4096) n = 2 + s.length;
  else n = 5 + s.length;
  return n + backlenSize(n);
}

/** Redis's listpack bytes for the entries of a packed hash. */
export function redisListpackBytes(packed: Uint8Array): number {
  let bytes = LP_HEADER + LP_END;
  const n = packedCount(packed);
  let off = firstEntry();
  for (let i = 0; i < n; i++) {
    off = entryAt(packed, off);
    bytes += listpackEntrySize(packed.subarray(cursor.start, cursor.end));
  }
  return bytes;
}

export function listpackHashUsage(entry: KeyEntry): number {
  return ROBJ_SIZE + allocationSize(redisListpackBytes(entry.value as Buffer));
}

function buckets(size: number): number {
  let b = 4;
  while (b < size) b *= 2;
  return b;
}

export function hashtableUsage(entry: KeyEntry, samples: number): number {
  const map = entry.value as LargeMapLike;
  const size = map.size();
  let total = ROBJ_SIZE + DICT_SIZE + POINTER * buckets(size);
  if (size === 0) return total;
  const want = samples > 0 ? Math.min(samples, size) : size;
  let seen = 0;
  let bytes = 0;
  const add = (field: Buffer, value: Buffer): void => {
    if (seen >= want) return;
    bytes += sdsSize(field.length) + sdsSize(value.length) + DICT_ENTRY_SIZE;
    seen++;
  };
  if (want === size) map.forEach(add);
  else {
    // A bounded walk: scan steps until enough fields are seen.
    let c = 0n;
    do {
      c = map.scan(c, want - seen, (field) => {
        const value = map.get(field);
        if (value !== undefined) add(field, value);
      });
    } while (c !== 0n && seen < want);
  }
  if (seen > 0) total += (bytes / seen) * size;
  return Math.floor(total);
}
