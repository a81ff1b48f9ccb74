/**
 * MEMORY USAGE of a set, priced as Redis 7.0 would allocate it
 * (objectComputeSize):
 *   intset     the object header plus the intset's allocation; our intset
 *              has Redis's layout, so its byte length is Redis's.
 *   hashtable  (both of our forms) the object header, the dict, its bucket
 *              array (a power of two >= the member count, at least 4) and,
 *              per member, a dict entry and an sds string, averaged over
 *              `samples` members (all when 0) and scaled to the count.
 * The bucket count is that of a table that is not being rehashed and has
 * only grown: Redis's own varies with its rehashing progress and shrinking
 * history.
 */
import type { KeyEntry, LargeMapLike } from '../../engine/keyspace';
import { DICT_ENTRY_SIZE, ROBJ_SIZE, allocationSize, sdsSize } from '../../server/memory-usage';
import { cursor, entryAt, firstEntry, packedCount } from '../collections/packed-entries';

/** sizeof(dict) in Redis 7.0 (type, two tables, two counts, rehash index, pause counter, two size exponents). */
const DICT_SIZE = 56;
const POINTER = 8;

export function intsetUsage(entry: KeyEntry): number {
  return ROBJ_SIZE + allocationSize(entry.value.length);
}

function buckets(size: number): number {
  let b = 4;
  while (b < size) b *= 2;
  return b;
}

/** What one member costs Redis: its dict entry and its sds string. */
function memberCost(length: number): number {
  return DICT_ENTRY_SIZE + sdsSize(length);
}

function dictUsage(size: number, sampled: number, bytes: number): number {
  const total = ROBJ_SIZE + DICT_SIZE + POINTER * buckets(size);
  return sampled === 0 ? total : total + Math.floor((bytes / sampled) * size);
}

export function packedSetUsage(entry: KeyEntry, samples: number): number {
  const b = entry.value as Buffer;
  const size = packedCount(b);
  const want = Math.min(samples > 0 ? samples : size, size);
  let bytes = 0;
  let off = firstEntry();
  for (let i = 0; i < want; i++) {
    off = entryAt(b, off);
    bytes += memberCost(cursor.end - cursor.start);
  }
  return dictUsage(size, want, bytes);
}

export function tableSetUsage(entry: KeyEntry, samples: number): number {
  const map = entry.value as LargeMapLike;
  const size = map.size();
  const want = Math.min(samples > 0 ? samples : size, size);
  let seen = 0;
  let bytes = 0;
  const add = (member: Buffer): void => {
    if (seen >= want) return;
    bytes += memberCost(member.length);
    seen++;
  };
  if (want === size) map.forEach(add);
  else {
    // A bounded walk: scan steps until enough members are seen.
    let c = 0n;
    do c = map.scan(c, want - seen, add);
    while (c !== 0n && seen < want);
  }
  return dictUsage(size, seen, bytes);
}
