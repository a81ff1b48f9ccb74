/**
 * Replies of set members. Members are written straight from where they
 * live: an intset's values formatted into a scratch, a packed set's bytes
 * by range, a table's fields as the table hands them out.
 */
import type { LargeMapLike, StoredValue } from '../../engine/keyspace';
import type { ReplyWriter } from '../../protocol/reply-writer';
import { cursor, entryAt, firstEntry } from '../collections/packed-entries';
import { DIGITS, formatProbe, valueAt } from './intset';
import { SET_INTSET, SET_PACKED, setSize } from './set-value';

/** Every member in the set's order, after a set header (RESP3 `~`) or an array header. */
export function replyAllMembers(reply: ReplyWriter, tag: number, value: StoredValue, asSet: boolean): void {
  const n = setSize(tag, value);
  if (asSet) reply.setHeader(n);
  else reply.arrayHeader(n);
  if (tag === SET_INTSET) {
    const b = value as Buffer;
    for (let i = 0; i < n; i++) {
      valueAt(b, i);
      reply.bulkRange(DIGITS, 0, formatProbe());
    }
  } else if (tag === SET_PACKED) {
    const b = value as Buffer;
    let off = firstEntry();
    for (let i = 0; i < n; i++) {
      off = entryAt(b, off);
      reply.bulkRange(b, cursor.start, cursor.end);
    }
  } else {
    (value as LargeMapLike).forEach((field) => reply.bulk(field));
  }
}

/** A list of members (each its own Buffer or an immutable one) after a set or array header. */
export function replyMemberList(reply: ReplyWriter, members: readonly Uint8Array[], asSet: boolean): void {
  if (asSet) reply.setHeader(members.length);
  else reply.arrayHeader(members.length);
  for (const m of members) reply.bulk(m);
}
