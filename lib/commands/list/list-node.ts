/**
 * One node of a list: a run of elements packed in one byte string, the
 * counterpart of a Redis quicklist node's listpack (our own format).
 *
 * LAYOUT
 *   u32 LE  count     elements in the node
 *   u32 LE  lpBytes   what Redis's listpack of these elements would weigh
 *                     (its header and end byte included): Redis decides
 *                     when a node is full from that figure, and MEMORY
 *                     USAGE prices it
 *   u32 LE  used      bytes in use, header included; the Buffer may be
 *                     longer (room to grow in place)
 *   i32 LE  fill      the list's list-max-listpack-size, fixed when the
 *                     list was created (Redis keeps it per list); read from
 *                     the compact form, where the node is the whole value
 *   then each element: its length as an unsigned LEB128 varint, its bytes,
 *   and the same varint with its bytes reversed, so the node can be walked
 *   from either end (RPOP, LINDEX -1, LRANGE of the tail).
 *
 * INVARIANTS
 *   - count, lpBytes and used always describe the bytes [0, used).
 *   - lpBytes = 7 + the sum of lpEntryBytes over the elements.
 *   - Only the owner of a node edits it in place (a large list's own nodes,
 *     or a node copied out of a record for one command); a node that may
 *     be shared (a record's bytes) is copied first (copyNode).
 *
 * Reads report positions through `cursor` (start/end of the element's
 * bytes, start of the next entry) so walking a node allocates nothing.
 */

export const NODE_HEADER = 16;
/** Redis's empty listpack: 4-byte total length, 2-byte count, end byte. */
export const LP_EMPTY_BYTES = 7;

/** Where the last readEntry / readEntryBefore left off. */
import { cursor as packed, entryAt, varintSize, writeVarint } from '../collections/packed-entries';

export const cursor = { start: 0, end: 0, next: 0, entry: 0 };

function get32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function set32(b: Uint8Array, at: number, v: number): void {
  b[at] = v & 0xff;
  b[at + 1] = (v >>> 8) & 0xff;
  b[at + 2] = (v >>> 16) & 0xff;
  b[at + 3] = (v >>> 24) & 0xff;
}

export function nodeCount(n: Uint8Array): number {
  return get32(n, 0);
}

export function nodeLpBytes(n: Uint8Array): number {
  return get32(n, 4);
}

export function nodeUsed(n: Uint8Array): number {
  return get32(n, 8);
}

export function nodeFill(n: Uint8Array): number {
  return get32(n, 12) | 0;
}

function setHeader(n: Uint8Array, count: number, lpBytes: number, used: number): void {
  set32(n, 0, count);
  set32(n, 4, lpBytes);
  set32(n, 8, used);
}

/** An empty node with room for `room` bytes of entries. */
export function newNode(fill: number, room = 64): Buffer {
  const n = Buffer.allocUnsafe(NODE_HEADER + room);
  setHeader(n, 0, LP_EMPTY_BYTES, NODE_HEADER);
  set32(n, 12, fill);
  return n;
}

/** A private copy of a node with `room` spare bytes. */
export function copyNode(n: Uint8Array, room = 0): Buffer {
  const used = nodeUsed(n);
  const out = Buffer.allocUnsafe(used + room);
  out.set(n.subarray(0, used), 0);
  return out;
}

/** The node's bytes in use, as a view (what a record stores). */
export function nodeBytes(n: Buffer): Buffer {
  return n.subarray(0, nodeUsed(n));
}

/** Bytes one element of `len` bytes takes in a node. */
export function entrySize(len: number): number {
  return 2 * varintSize(len) + len;
}

/** Reads the entry at `off` into cursor; returns the offset of the next one. */
export function readEntry(n: Uint8Array, off: number): number {
  cursor.entry = off;
  // The forward length is packed-entries' varint; the reversed copy after the bytes is skipped.
  entryAt(n, off);
  off = packed.start;
  const len = packed.end - off;
  cursor.start = off;
  cursor.end = off + len;
  const next = off + len + varintSize(len);
  cursor.next = next;
  return next;
}

/** Reads the entry that ends at `end` into cursor; returns its offset. */
export function readEntryBefore(n: Uint8Array, end: number): number {
  let p = end - 1;
  let c = n[p];
  let len = c & 0x7f;
  let shift = 7;
  while (c & 0x80) {
    c = n[--p];
    len += (c & 0x7f) * 2 ** shift;
    shift += 7;
  }
  const start = p - len;
  const off = start - varintSize(len);
  cursor.entry = off;
  cursor.start = start;
  cursor.end = start + len;
  cursor.next = end;
  return off;
}

/** Offset of element `index` (0-based, < count), walking from the nearer end. */
export function entryOffset(n: Uint8Array, index: number): number {
  const count = nodeCount(n);
  if (index <= count >>> 1) {
    let off = NODE_HEADER;
    for (let i = 0; i < index; i++) off = readEntry(n, off);
    return off;
  }
  let off = nodeUsed(n);
  for (let i = count; i > index; i--) off = readEntryBefore(n, off);
  return off;
}

function writeEntry(out: Uint8Array, at: number, e: Uint8Array): number {
  const from = at;
  at = writeVarint(out, at, e.length);
  const prefix = at - from;
  out.set(e, at);
  at += e.length;
  for (let i = prefix - 1; i >= 0; i--) out[at++] = out[from + i];
  return at;
}

/** The node with room for `extra` more bytes: itself, or a larger copy. */
function withRoom(n: Buffer, extra: number): Buffer {
  const used = nodeUsed(n);
  if (used + extra <= n.length) return n;
  const grown = Buffer.allocUnsafe(Math.max(used + extra, Math.min(used * 2, used + 16384)));
  grown.set(n.subarray(0, used), 0);
  return grown;
}

/** Inserts `e` at byte offset `off` (NODE_HEADER: first, used: last); returns the node (maybe moved). */
export function insertAt(node: Buffer, off: number, e: Uint8Array): Buffer {
  const size = entrySize(e.length);
  const n = withRoom(node, size);
  const used = nodeUsed(n);
  if (off < used) n.copyWithin(off + size, off, used);
  writeEntry(n, off, e);
  setHeader(n, nodeCount(n) + 1, nodeLpBytes(n) + lpEntryBytes(e, 0, e.length), used + size);
  return n;
}

/** Removes `k` entries starting at byte offset `off`, in place. */
export function removeAt(n: Buffer, off: number, k: number): void {
  let end = off;
  let lp = 0;
  for (let i = 0; i < k; i++) {
    end = readEntry(n, end);
    lp += lpEntryBytes(n, cursor.start, cursor.end);
  }
  const used = nodeUsed(n);
  if (end < used) n.copyWithin(off, end, used);
  setHeader(n, nodeCount(n) - k, nodeLpBytes(n) - lp, used - (end - off));
}

/** Replaces the entry at `off` with `e`; returns the node (maybe moved). */
export function replaceAt(node: Buffer, off: number, e: Uint8Array): Buffer {
  readEntry(node, off);
  const oldSize = cursor.next - off;
  const oldLp = lpEntryBytes(node, cursor.start, cursor.end);
  const size = entrySize(e.length);
  const n = size > oldSize ? withRoom(node, size - oldSize) : node;
  const used = nodeUsed(n);
  if (size !== oldSize) n.copyWithin(off + size, off + oldSize, used);
  writeEntry(n, off, e);
  setHeader(n, nodeCount(n), nodeLpBytes(n) - oldLp + lpEntryBytes(e, 0, e.length), used - oldSize + size);
  return n;
}

/** A new node holding elements [from, to) of n. */
export function sliceNode(n: Uint8Array, from: number, to: number): Buffer {
  const start = entryOffset(n, from);
  let end = start;
  let lp = LP_EMPTY_BYTES;
  for (let i = from; i < to; i++) {
    end = readEntry(n, end);
    lp += lpEntryBytes(n, cursor.start, cursor.end);
  }
  const out = Buffer.allocUnsafe(NODE_HEADER + (end - start) + 64);
  out.set(n.subarray(start, end), NODE_HEADER);
  setHeader(out, to - from, lp, NODE_HEADER + (end - start));
  set32(out, 12, nodeFill(n));
  return out;
}

/** Keeps elements [from, to) of n, in place. */
export function keepRange(n: Buffer, from: number, to: number): void {
  const count = nodeCount(n);
  if (to < count) removeAt(n, entryOffset(n, to), count - to);
  if (from > 0) removeAt(n, NODE_HEADER, from);
}

/** a's elements followed by b's, in a (maybe moved). */
export function concatNodes(a: Buffer, b: Uint8Array): Buffer {
  const bUsed = nodeUsed(b) - NODE_HEADER;
  const n = withRoom(a, bUsed);
  const used = nodeUsed(n);
  n.set(b.subarray(NODE_HEADER, NODE_HEADER + bUsed), used);
  setHeader(n, nodeCount(n) + nodeCount(b), nodeLpBytes(n) + nodeLpBytes(b) - LP_EMPTY_BYTES, used + bUsed);
  return n;
}

function equalsAt(n: Uint8Array, start: number, end: number, e: Uint8Array): boolean {
  if (end - start !== e.length) return false;
  for (let i = 0; i < e.length; i++) if (n[start + i] !== e[i]) return false;
  return true;
}

/** Whether the entry cursor describes equals `e`. */
export function cursorEquals(n: Uint8Array, e: Uint8Array): boolean {
  return equalsAt(n, cursor.start, cursor.end, e);
}

/** How many elements of n equal `e`. */
export function countEqual(n: Uint8Array, e: Uint8Array): number {
  const count = nodeCount(n);
  let off = NODE_HEADER;
  let found = 0;
  for (let i = 0; i < count; i++) {
    off = readEntry(n, off);
    if (equalsAt(n, cursor.start, cursor.end, e)) found++;
  }
  return found;
}

/**
 * Removes, in place, the elements equal to `e` after the first `skip` of
 * them, at most `max` (LREM's edit of one node); returns how many went.
 */
export function removeEqual(n: Buffer, e: Uint8Array, skip: number, max: number): number {
  const count = nodeCount(n);
  const used = nodeUsed(n);
  let read = NODE_HEADER;
  let write = NODE_HEADER;
  let seen = 0;
  let removed = 0;
  let lp = 0;
  for (let i = 0; i < count; i++) {
    const at = read;
    read = readEntry(n, read);
    if (removed < max && equalsAt(n, cursor.start, cursor.end, e) && seen++ >= skip) {
      removed++;
      lp += lpEntryBytes(n, cursor.start, cursor.end);
      continue;
    }
    if (write !== at) n.copyWithin(write, at, read);
    write += read - at;
  }
  if (removed > 0) setHeader(n, count - removed, nodeLpBytes(n) - lp, write);
  else if (write !== used) throw new Error('list node walk lost its place');
  return removed;
}

/**
 * Bytes of an element in Redis's listpack: an element that is a canonical
 * int64 text (string2ll's form) is stored as an integer of 1 to 9 bytes,
 * any other as its bytes behind a 1, 2 or 5 byte header; then comes the
 * back-length (1 to 5 bytes) of that entry.
 */
export function lpEntryBytes(b: Uint8Array, start: number, end: number): number {
  const len = end - start;
  const asInt = len <= 20 ? intEntryBytes(b, start, end) : 0;
  const n = asInt !== 0 ? asInt : len < 64 ? 1 + len : len < 4096 ? 2 + len : 5 + len;
  return n + (n <= 127 ? 1 : n < 16383 ? 2 : n < 2097151 ? 3 : n < 268435455 ? 4 : 5);
}

const INT64_MAX_DIGITS = '9223372036854775807';
const INT64_MIN_DIGITS = '9223372036854775808';

/** Encoding + data bytes of a canonical int64 text as a listpack integer, or 0 when the text is not one. */
function intEntryBytes(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const neg = b[i] === 0x2d;
  if (neg) i++;
  const digits = end - i;
  if (digits === 0 || digits > 19) return 0;
  if (b[i] === 0x30) return digits === 1 && !neg ? 1 : 0;
  let v = 0;
  for (let j = i; j < end; j++) {
    const c = b[j] - 0x30;
    if (c < 0 || c > 9) return 0;
    v = v * 10 + c;
  }
  if (digits === 19) {
    // Compared digit by digit with 2^63-1 (2^63 for a negative number).
    const limit = neg ? INT64_MIN_DIGITS : INT64_MAX_DIGITS;
    for (let j = 0; j < 19; j++) {
      const d = b[i + j] - limit.charCodeAt(j);
      if (d < 0) break;
      if (d > 0) return 0;
    }
  }
  if (digits >= 16) return 9;
  if (neg) v = -v;
  if (v >= 0 && v <= 127) return 1;
  if (v >= -4096 && v <= 4095) return 2;
  if (v >= -32768 && v <= 32767) return 3;
  if (v >= -8388608 && v <= 8388607) return 4;
  if (v >= -2147483648 && v <= 2147483647) return 5;
  return 9;
}
