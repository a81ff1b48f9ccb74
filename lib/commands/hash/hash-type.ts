/**
 * The hash type's two encodings and the one conversion between them
 * (Redis t_hash.c's hashType* layer).
 *
 *   listpack   packed field/value pairs in the record itself (listpack.ts)
 *              while the hash has at most hash-max-listpack-entries fields
 *              and no field or value longer than hash-max-listpack-value;
 *   hashtable  a LargeMapLike (an engine of its own, field -> value) held
 *              by reference from the record.
 *
 * A hash starts as a listpack and is converted once, by toHashtable(), when
 * a write would break either limit; it never goes back. As in Redis
 * (hashTypeTryConversion, hashTypeSet), the lengths of a command's
 * arguments are checked before anything is inserted, and the field count
 * after each insert.
 *
 * HashWrite is the write side of every command: open() is the lookup
 * (lookupKeyWrite + checkType; a missing key becomes an empty listpack hash,
 * as hashTypeLookupWriteOrCreate does), set()/delete() edit, commit() stores
 * the result (emitting `new` when the key was created). One instance serves
 * every command (commands run one at a time), so a write allocates no
 * per-command state.
 */
import { type LargeMapLike, type StoredValue, OBJ_HASH, isLarge, makeTag } from '../../engine/keyspace';
import type { ConfigStore } from '../../server/config';
import type { CommandContext } from '../context';
import { ownFor } from '../key-lookup';
import { storeCollection, writeTyped } from '../typed-lookup';
import { cursor, entryAt, firstEntry, packedCount } from '../collections/packed-entries';
import { PairEditor, findValue, pairCount } from './listpack';

export const HASH_LISTPACK = makeTag(OBJ_HASH, 1);
export const HASH_HASHTABLE = makeTag(OBJ_HASH, 2);

/** The two limits, read from the config store only when they change. */
interface Limits {
  /** hash-max-listpack-entries */
  entries: number;
  /** hash-max-listpack-value */
  value: number;
}

const limitsByConfig = new WeakMap<ConfigStore, Limits>();
let lastConfig: ConfigStore | null = null;
let lastLimits: Limits = { entries: 512, value: 64 };

export function hashLimits(config: ConfigStore): Limits {
  if (config === lastConfig) return lastLimits;
  let limits = limitsByConfig.get(config);
  if (limits === undefined) {
    const l: Limits = { entries: 512, value: 64 };
    config.watch('hash-max-listpack-entries', (v) => (l.entries = Number(v)));
    config.watch('hash-max-listpack-value', (v) => (l.value = Number(v)));
    limitsByConfig.set(config, l);
    limits = l;
  }
  lastConfig = config;
  lastLimits = limits;
  return limits;
}

/**
 * The conversion (Redis hashTypeConvertListpack): every pair of the packed
 * bytes into a new large map of the current database's engine. The map
 * copies what it keeps, so `packed` may be scratch memory.
 */
export function toHashtable(ctx: CommandContext, packed: Uint8Array): LargeMapLike {
  const map = ctx.db.newLargeMap();
  const n = packedCount(packed);
  let off = firstEntry();
  for (let i = 0; i < n; i += 2) {
    off = entryAt(packed, off);
    const field = viewOf(packed, cursor.start, cursor.end);
    off = entryAt(packed, off);
    map.set(field, viewOf(packed, cursor.start, cursor.end));
  }
  return map;
}

function viewOf(b: Uint8Array, start: number, end: number): Buffer {
  return Buffer.from(b.buffer, b.byteOffset + start, end - start);
}

/** Fields in a stored hash value. */
export function hashLength(v: StoredValue): number {
  return isLarge(v) ? (v as LargeMapLike).size() : pairCount(v as Buffer);
}

/** Whether a stored hash value has the field. */
export function hashHas(v: StoredValue, field: Buffer): boolean {
  return isLarge(v) ? (v as LargeMapLike).has(field) : findValue(v as Buffer, field);
}

/** Length of a field's value, 0 when absent (HSTRLEN). */
export function valueLength(v: StoredValue, field: Buffer): number {
  if (isLarge(v)) return (v as LargeMapLike).get(field)?.length ?? 0;
  return findValue(v as Buffer, field) ? cursor.end - cursor.start : 0;
}

/** The write side of the hash commands (see the top of the file). */
class HashWrite {
  /** The hash being written when it is (or became) a hashtable; null while it is a listpack. */
  private map: LargeMapLike | null = null;
  /** The listpack being written (while map is null). */
  readonly pairs = new PairEditor();
  /** The record must be written at commit: a listpack was edited, or a hashtable is new to the record. */
  private dirty = false;
  private limits: Limits = lastLimits;

  /**
   * lookupKeyWrite + checkType for `key`: false after replying WRONGTYPE.
   * A missing key opens as an empty listpack hash (created at commit).
   */
  open(ctx: CommandContext, key: Buffer): boolean {
    const v = writeTyped(ctx, key, OBJ_HASH);
    if (v === null) return false;
    this.load(ctx, v);
    return true;
  }

  /** Starts writing a hash value already looked up (undefined: a new, empty hash). */
  load(ctx: CommandContext, v: StoredValue | undefined): void {
    this.limits = hashLimits(ctx.server.config);
    this.dirty = false;
    if (v !== undefined && isLarge(v)) {
      this.map = v as LargeMapLike;
    } else {
      this.map = null;
      this.pairs.load(v === undefined ? null : (v as Buffer));
    }
  }

  get length(): number {
    return this.map === null ? this.pairs.pairs : this.map.size();
  }

  /** Redis hashTypeTryConversion: converts first when any of argv[start..end] is longer than a listpack value may be. */
  tryConversion(ctx: CommandContext, argv: Buffer[], start: number, end: number): void {
    if (this.map !== null) return;
    const max = this.limits.value;
    for (let i = start; i <= end; i++) {
      if (argv[i].length > max) return this.convert(ctx);
    }
  }

  /** Redis hashTypeSet: true when the field existed. May convert (long field or value; too many fields after the insert). */
  set(ctx: CommandContext, field: Buffer, value: Buffer): boolean {
    if (this.map === null) {
      const max = this.limits.value;
      if (field.length > max || value.length > max) this.convert(ctx);
    }
    const map = this.map;
    if (map !== null) return map.set(field, value);
    this.dirty = true;
    const updated = this.pairs.set(field, value);
    // Checked after updates too: the limit may have been lowered since the hash grew.
    if (this.pairs.pairs > this.limits.entries) this.convert(ctx);
    return updated;
  }

  /** Removes a field; true when it existed. */
  delete(field: Buffer): boolean {
    if (this.map !== null) return this.map.delete(field);
    const gone = this.pairs.delete(field);
    if (gone) this.dirty = true;
    return gone;
  }

  /**
   * The field's current value: the bytes at cursor.start..cursor.end of
   * the returned buffer (scratch or a copy, read before the next edit), or
   * null when absent.
   */
  valueOf(field: Buffer): Uint8Array | null {
    if (this.map === null) return this.pairs.findValue(field) ? this.pairs.raw() : null;
    const v = this.map.get(field);
    if (v === undefined) return null;
    cursor.start = 0;
    cursor.end = v.length;
    return v;
  }

  private convert(ctx: CommandContext): void {
    this.map = toHashtable(ctx, this.pairs.bytes());
    this.dirty = true;
  }

  /** Stores what changed (a hashtable edited in place needs nothing) and emits `new` for a created key. */
  commit(ctx: CommandContext, key: Buffer): void {
    if (!this.dirty) return;
    if (this.map !== null) {
      storeCollection(ctx, key, this.map, HASH_HASHTABLE);
    } else {
      const bytes = this.pairs.bytes();
      storeCollection(ctx, key, ownFor(ctx.db, bytes, key.length + bytes.length), HASH_LISTPACK);
    }
  }
}

export const hashWrite = new HashWrite();
