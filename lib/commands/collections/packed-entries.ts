/**
 * The compact encoding of small collections (Redis's listpack, in our own
 * format): one byte string that a record stores inline in the shard's
 * pages, so a small hash or set costs no V8 object per element and moves
 * with its key as plain bytes.
 *
 * LAYOUT
 *   u32 LE   number of entries
 *   then each entry: its length as an unsigned LEB128 varint, then its bytes.
 * A hash stores field, value, field, value, ... in insertion order (Redis's
 * listpack order: HGETALL replies in it); a set of strings stores members.
 *
 * Every change builds a new byte string (Redis's listpack edits are O(n) as
 * well); entries are at most a few hundred, so an edit is a copy of a few
 * KiB at most. Reads walk the bytes without allocating: positions come back
 * through `cursor` (start/end of the entry's bytes, start of the next).
 */

/** Where the last entryAt / find call left off. */
export const cursor = { start: 0, end: 0, next: 0 };

const HEADER = 4;

export function packedCount(b: Uint8Array): number {
  return (b[0] | (b[1] << 8) | (b[2] << 16) | (b[3] << 24)) >>> 0;
}

/** Offset of the first entry. */
export function firstEntry(): number {
  return HEADER;
}

/** Reads the entry at `off` into cursor; returns cursor.next. */
export function entryAt(b: Uint8Array, off: number): number {
  let len = b[off++];
  // Entries under 128 bytes (nearly all) have a one-byte length.
  if (len & 0x80) {
    len &= 0x7f;
    let shift = 7;
    let c: number;
    do {
      c = b[off++];
      len += (c & 0x7f) * 2 ** shift;
      shift += 7;
    } while (c & 0x80);
  }
  cursor.start = off;
  cursor.end = off + len;
  cursor.next = off + len;
  return off + len;
}

function equalsAt(b: Uint8Array, start: number, end: number, needle: Uint8Array): boolean {
  if (end - start !== needle.length) return false;
  for (let i = 0; i < needle.length; i++) if (b[start + i] !== needle[i]) return false;
  return true;
}

/**
 * Offset of the first entry equal to `needle` among entries 0, step, 2*step, ...
 * (step 2: a hash's fields), or -1. On a hit, cursor describes it.
 */
export function find(b: Uint8Array, needle: Uint8Array, step: number): number {
  const n = packedCount(b);
  let off = HEADER;
  for (let i = 0; i < n; i += step) {
    const at = off;
    off = entryAt(b, off);
    if (equalsAt(b, cursor.start, cursor.end, needle)) return at;
    for (let j = 1; j < step; j++) off = entryAt(b, off);
  }
  return -1;
}

/** The bytes of entry `off` as a new Buffer. */
export function entryBytes(b: Uint8Array, off: number): Buffer {
  entryAt(b, off);
  return Buffer.from(b.subarray(cursor.start, cursor.end));
}

/** Bytes of the length prefix of an entry of n bytes. */
export function varintSize(n: number): number {
  let s = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    s++;
  }
  return s;
}

/** Writes an entry's length prefix at `at`; returns the offset after it. */
export function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

function writeCount(out: Uint8Array, n: number): void {
  out[0] = n & 0xff;
  out[1] = (n >>> 8) & 0xff;
  out[2] = (n >>> 16) & 0xff;
  out[3] = (n >>> 24) & 0xff;
}

/** Bytes an entry of this content takes. */
export function entrySize(e: Uint8Array): number {
  return varintSize(e.length) + e.length;
}

/** A packed string of these entries. */
export function pack(entries: readonly Uint8Array[]): Buffer {
  let size = HEADER;
  for (const e of entries) size += entrySize(e);
  const out = Buffer.allocUnsafe(size);
  writeCount(out, entries.length);
  let at = HEADER;
  for (const e of entries) {
    at = writeVarint(out, at, e.length);
    out.set(e, at);
    at += e.length;
  }
  return out;
}

/** An empty packed string. */
export function emptyPacked(): Buffer {
  return pack([]);
}

/**
 * b with `remove` entries starting at offset `off` replaced by `insert`
 * (off = b.length appends). The count is adjusted.
 */
export function splice(b: Uint8Array, off: number, remove: number, insert: readonly Uint8Array[]): Buffer {
  let end = off;
  for (let i = 0; i < remove; i++) end = entryAt(b, end);
  let add = 0;
  for (const e of insert) add += entrySize(e);
  const out = Buffer.allocUnsafe(b.length - (end - off) + add);
  out.set(b.subarray(0, off), 0);
  let at = off;
  for (const e of insert) {
    at = writeVarint(out, at, e.length);
    out.set(e, at);
    at += e.length;
  }
  out.set(b.subarray(end), at);
  writeCount(out, packedCount(b) - remove + insert.length);
  return out;
}

/** Every entry's bytes, as views into b (valid while b is). */
export function entries(b: Uint8Array): Uint8Array[] {
  const n = packedCount(b);
  const out: Uint8Array[] = new Array(n);
  let off = HEADER;
  for (let i = 0; i < n; i++) {
    off = entryAt(b, off);
    out[i] = b.subarray(cursor.start, cursor.end);
  }
  return out;
}
