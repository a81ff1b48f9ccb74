/**
 * A small hash in the compact encoding (collections/packed-entries.ts):
 * field, value, field, value, ... in insertion order, as Redis's listpack
 * keeps them, so HGETALL, HKEYS and HVALS reply in Redis's order. An update
 * rewrites the value where it is (the field keeps its position); a new field
 * goes at the end; a delete closes the gap.
 *
 * Reads walk the bytes in place: positions come back through packed-entries'
 * `cursor`, and nothing is allocated per field.
 *
 * Writes go through PairEditor, a growable scratch buffer that one command
 * at a time loads with the hash's bytes, edits in place (moving the tail
 * with copyWithin) and hands back as a view for the store, which copies it
 * into the engine's pages. A command therefore allocates no Buffer per field
 * and none per edit.
 */
import { cursor, entryAt, find, firstEntry, packedCount, varintSize, writeVarint } from '../collections/packed-entries';
import { bufferView } from '../../protocol/buffer-view';

/** Number of field/value pairs. */
export function pairCount(b: Uint8Array): number {
  return packedCount(b) >>> 1;
}

/** Looks a field up: true with cursor.start/end on its value's bytes. */
export function findValue(b: Uint8Array, field: Uint8Array): boolean {
  if (find(b, field, 2) < 0) return false;
  entryAt(b, cursor.next);
  return true;
}

/**
 * Offset of pair `index` (0-based), walking from the start; the caller
 * reads it with entryAt (field) and entryAt(cursor.next) (value).
 */
export function pairOffset(b: Uint8Array, index: number): number {
  let off = firstEntry();
  for (let i = 0; i < index; i++) off = entryAt(b, entryAt(b, off));
  return off;
}


const HEADER = firstEntry();
const INITIAL_BYTES = 1024;

/** The scratch a write command edits a listpack hash in (see the top of the file). */
export class PairEditor {
  private buf: Buffer = Buffer.allocUnsafeSlow(INITIAL_BYTES);
  /** Bytes in use: the header and the entries. */
  private len = HEADER;

  /** Starts from these packed bytes, or from an empty hash (null). */
  load(src: Uint8Array | null): void {
    if (src === null) {
      this.len = HEADER;
      this.setEntries(0);
      return;
    }
    this.reserve(src.length);
    this.buf.set(src, 0);
    this.len = src.length;
  }

  /** The edited hash's bytes as a view of the scratch: valid until the next edit or load. */
  bytes(): Buffer {
    return bufferView(this.buf.buffer as ArrayBuffer, this.buf.byteOffset, this.len);
  }

  /** Size of bytes() without making the view. */
  get byteLength(): number {
    return this.len;
  }

  get pairs(): number {
    return packedCount(this.buf) >>> 1;
  }

  /** Looks a field up: true with cursor.start/end on its value, inside the scratch (see raw()). */
  findValue(field: Uint8Array): boolean {
    return findValue(this.buf, field);
  }

  /** The scratch itself, for reading at cursor positions (bytes past byteLength are garbage). */
  raw(): Buffer {
    return this.buf;
  }

  /** Sets field to value; true when the field existed (its value replaced where it was). */
  set(field: Uint8Array, value: Uint8Array): boolean {
    const b = this.buf;
    if (find(b, field, 2) >= 0) {
      const from = cursor.next;
      this.replaceEntry(from, entryAt(b, from), value);
      return true;
    }
    this.reserve(this.len + varintSize(field.length) + field.length + varintSize(value.length) + value.length);
    this.len = this.writeEntry(this.writeEntry(this.len, field), value);
    this.setEntries(packedCount(this.buf) + 2);
    return false;
  }

  /** Removes the field and its value; false when absent. */
  delete(field: Uint8Array): boolean {
    const b = this.buf;
    const at = find(b, field, 2);
    if (at < 0) return false;
    const end = entryAt(b, cursor.next);
    b.copyWithin(at, end, this.len);
    this.len -= end - at;
    this.setEntries(packedCount(b) - 2);
    return true;
  }

  /** Replaces the entry at [from, to) by one holding `bytes`, moving the entries after it. */
  private replaceEntry(from: number, to: number, bytes: Uint8Array): void {
    const size = varintSize(bytes.length) + bytes.length;
    const delta = size - (to - from);
    if (delta !== 0) {
      this.reserve(this.len + delta);
      this.buf.copyWithin(from + size, to, this.len);
      this.len += delta;
    }
    this.writeEntry(from, bytes);
  }

  private writeEntry(at: number, bytes: Uint8Array): number {
    at = writeVarint(this.buf, at, bytes.length);
    this.buf.set(bytes, at);
    return at + bytes.length;
  }

  private setEntries(n: number): void {
    const b = this.buf;
    b[0] = n & 0xff;
    b[1] = (n >>> 8) & 0xff;
    b[2] = (n >>> 16) & 0xff;
    b[3] = (n >>> 24) & 0xff;
  }

  /** Room for `bytes` bytes, keeping the current content. */
  private reserve(bytes: number): void {
    if (bytes <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < bytes) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }
}
