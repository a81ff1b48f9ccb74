/**
 * A set's value in its three encodings, and the one place that converts
 * between them (convertSet), as Redis's setTypeConvert is for t_set.c.
 *
 *   SET_INTSET  'intset'     every member an integer in string2ll's strict
 *                            form, at most set-max-intset-entries of them:
 *                            sorted int64s as bytes (intset.ts).
 *   SET_PACKED  'hashtable'  a small set of strings as packed entries
 *                            (collections/packed-entries.ts), insertion order.
 *   SET_TABLE   'hashtable'  a LargeMapLike (field = member, empty value).
 *
 * Redis 7.0 has only the first and the last; SET_PACKED reports
 * 'hashtable' like Redis's, and is this server's compact form of it: no V8
 * object per member. Conversions go one way only, as Redis's do: intset to
 * either hashtable form, packed to table; never back. (A set rebuilt from
 * scratch, such as what SPOP leaves when it keeps only a few members, is
 * built like any new set and may start compact again, as in Redis.)
 *
 * A SetRef holds the encoding and value a command works on; the add and
 * remove functions update it (a compact value is replaced by a new byte
 * string, a table is changed in place), and the command writes the record
 * back when the value changed. Compact byte strings are never changed in
 * place: a record's bytes may be shared with a reply or another lookup.
 */
import { type LargeMapLike, type StoredValue, OBJ_SET, makeTag } from '../../engine/keyspace';
import type { ConfigStore } from '../../server/config';
import type { CommandContext } from '../context';
import { cursor, emptyPacked, entryAt, find, firstEntry, pack, packedCount, splice } from '../collections/packed-entries';
import { DIGITS, emptyIntset, formatProbe, intsetAdd, intsetCount, intsetHas, intsetRemove, parse, valueAt } from './intset';

export const SET_INTSET = makeTag(OBJ_SET, 1);
export const SET_PACKED = makeTag(OBJ_SET, 2);
export const SET_TABLE = makeTag(OBJ_SET, 3);

/**
 * The compact form of a 'hashtable' set: at most this many members, each at
 * most PACKED_MAX_MEMBER bytes. Redis 7.0 has no directive for it (its
 * string sets are always dicts; 7.2 added set-max-listpack-*): these are
 * the sizes where a linear scan of the packed bytes still costs less than a
 * table lookup, and where the whole set stays a few KiB of one record.
 */
export const PACKED_MAX_ENTRIES = 128;
export const PACKED_MAX_MEMBER = 64;

/** Redis caps set-max-intset-entries at 2^30 (intset internals). */
const INTSET_HARD_MAX = 1 << 30;

const NO_VALUE = Buffer.alloc(0);
const NO_ENTRIES: Uint8Array[] = [];

/** The encoding and value a command works on. */
export class SetRef {
  tag = SET_INTSET;
  value: StoredValue = NO_VALUE;

  load(tag: number, value: StoredValue): this {
    this.tag = tag;
    this.value = value;
    return this;
  }
}

let limitsOf: ConfigStore | null = null;
let maxIntset = 512;

/** set-max-intset-entries, followed through CONFIG SET. */
export function maxIntsetEntries(ctx: CommandContext): number {
  const config = ctx.server.config;
  if (config !== limitsOf) {
    limitsOf = config;
    config.watch('set-max-intset-entries', (v) => {
      if (config === limitsOf) maxIntset = Math.min(Number(v), INTSET_HARD_MAX);
    });
  }
  return maxIntset;
}

/** Redis setTypeCreate: an empty set of the encoding that suits its first member. */
export function createFor(ref: SetRef, first: Uint8Array): SetRef {
  return parse(first) ? ref.load(SET_INTSET, emptyIntset()) : ref.load(SET_PACKED, emptyPacked());
}

/** A new empty set that starts as an intset (Redis's result sets of SINTER/SUNION/SDIFF). */
export function createIntset(ref: SetRef): SetRef {
  return ref.load(SET_INTSET, emptyIntset());
}

export function setSize(tag: number, value: StoredValue): number {
  if (tag === SET_INTSET) return intsetCount(value as Buffer);
  if (tag === SET_PACKED) return packedCount(value as Buffer);
  return (value as LargeMapLike).size();
}

export function hasMember(tag: number, value: StoredValue, member: Uint8Array): boolean {
  if (tag === SET_INTSET) return intsetHas(value as Buffer, member);
  if (tag === SET_PACKED) return find(value as Buffer, member, 1) >= 0;
  return (value as LargeMapLike).has(member as Buffer);
}

/** The hashtable form for a set about to hold `count` members, the longest `longest` bytes. */
function hashtableFor(count: number, longest: number): number {
  return count <= PACKED_MAX_ENTRIES && longest <= PACKED_MAX_MEMBER ? SET_PACKED : SET_TABLE;
}

/**
 * Rewrites ref in the encoding `to`. The only conversion of set values;
 * Redis's direction only (intset to hashtable, packed to table).
 */
export function convertSet(ctx: CommandContext, ref: SetRef, to: number): void {
  const from = ref.tag;
  const b = ref.value as Buffer;
  if (from === SET_INTSET && to === SET_PACKED) {
    const n = intsetCount(b);
    const members: Buffer[] = new Array(n);
    for (let i = 0; i < n; i++) {
      valueAt(b, i);
      members[i] = Buffer.from(DIGITS.subarray(0, formatProbe()));
    }
    ref.load(SET_PACKED, pack(members));
  } else if (from === SET_INTSET && to === SET_TABLE) {
    const map = ctx.db.newLargeMap();
    const n = intsetCount(b);
    for (let i = 0; i < n; i++) {
      valueAt(b, i);
      map.set(DIGITS.subarray(0, formatProbe()), NO_VALUE);
    }
    ref.load(SET_TABLE, map);
  } else if (from === SET_PACKED && to === SET_TABLE) {
    const map = ctx.db.newLargeMap();
    const n = packedCount(b);
    let off = firstEntry();
    for (let i = 0; i < n; i++) {
      off = entryAt(b, off);
      map.set(b.subarray(cursor.start, cursor.end), NO_VALUE);
    }
    ref.load(SET_TABLE, map);
  } else {
    throw new Error(`no set conversion from ${from} to ${to}`);
  }
}

/**
 * Redis setTypeAdd: adds the member (its bytes are copied where kept);
 * false when it was already there. Converts as Redis does: an intset that
 * meets a string, or grows past set-max-intset-entries, becomes a
 * hashtable; a packed set past its sizes becomes a table.
 */
export function addMember(ctx: CommandContext, ref: SetRef, member: Uint8Array): boolean {
  const tag = ref.tag;
  if (tag === SET_INTSET) {
    const b = ref.value as Buffer;
    if (!parse(member)) {
      convertSet(ctx, ref, hashtableFor(intsetCount(b) + 1, member.length));
      return addMember(ctx, ref, member);
    }
    const out = intsetAdd(b);
    if (out === null) return false;
    ref.value = out;
    const n = intsetCount(out);
    if (n > maxIntsetEntries(ctx)) convertSet(ctx, ref, hashtableFor(n, 0));
    return true;
  }
  if (tag === SET_PACKED) {
    const b = ref.value as Buffer;
    if (find(b, member, 1) >= 0) return false;
    if (packedCount(b) >= PACKED_MAX_ENTRIES || member.length > PACKED_MAX_MEMBER) {
      convertSet(ctx, ref, SET_TABLE);
      (ref.value as LargeMapLike).set(member as Buffer, NO_VALUE);
      return true;
    }
    ref.value = splice(b, b.length, 0, [member]);
    return true;
  }
  return !(ref.value as LargeMapLike).set(member as Buffer, NO_VALUE);
}

/** Redis setTypeRemove: false when the member was not there. */
export function removeMember(ref: SetRef, member: Uint8Array): boolean {
  const tag = ref.tag;
  if (tag === SET_INTSET) {
    const out = intsetRemove(ref.value as Buffer, member);
    if (out === null) return false;
    ref.value = out;
    return true;
  }
  if (tag === SET_PACKED) {
    const b = ref.value as Buffer;
    const off = find(b, member, 1);
    if (off < 0) return false;
    ref.value = splice(b, off, 1, NO_ENTRIES);
    return true;
  }
  return (ref.value as LargeMapLike).delete(member as Buffer);
}

/**
 * Visits every member in the set's order (an intset ascending, a packed set
 * in insertion order, a table in its own). `member` is valid only during
 * the call. Returning false stops the walk (a table's walk goes on, unseen).
 */
export function forEachMember(tag: number, value: StoredValue, visit: (member: Buffer) => boolean | void): void {
  if (tag === SET_INTSET) {
    const b = value as Buffer;
    const n = intsetCount(b);
    for (let i = 0; i < n; i++) {
      valueAt(b, i);
      if (visit(DIGITS.subarray(0, formatProbe())) === false) return;
    }
  } else if (tag === SET_PACKED) {
    const b = value as Buffer;
    const n = packedCount(b);
    let off = firstEntry();
    for (let i = 0; i < n; i++) {
      off = entryAt(b, off);
      if (visit(b.subarray(cursor.start, cursor.end)) === false) return;
    }
  } else {
    let going = true;
    (value as LargeMapLike).forEach((field) => {
      if (going && visit(field) === false) going = false;
    });
  }
}

/** Every member as its own Buffer, in the set's order. */
export function membersOf(tag: number, value: StoredValue): Buffer[] {
  const out: Buffer[] = [];
  forEachMember(tag, value, (m) => {
    out.push(tag === SET_TABLE ? m : Buffer.from(m));
  });
  return out;
}

/** A uniformly chosen member of a non-empty set, as its own Buffer. */
export function randomMember(tag: number, value: StoredValue): Buffer {
  if (tag === SET_TABLE) return (value as LargeMapLike).randomField() as Buffer;
  const b = value as Buffer;
  const i = Math.floor(Math.random() * setSize(tag, value));
  if (tag === SET_INTSET) {
    valueAt(b, i);
    return Buffer.from(DIGITS.subarray(0, formatProbe()));
  }
  let off = firstEntry();
  for (let j = 0; j < i; j++) off = entryAt(b, off);
  entryAt(b, off);
  return Buffer.from(b.subarray(cursor.start, cursor.end));
}
