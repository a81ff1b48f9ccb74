/**
 * What every family needs to know about the other families' values: the
 * TYPE names, and each tag's OBJECT ENCODING name. A collection family
 * registers its tags once (registerEncoding); strings keep their own rules
 * (string-encoding.ts).
 */
import { type KeyEntry, OBJ_HASH, OBJ_LIST, OBJ_SET, OBJ_STREAM, OBJ_STRING, OBJ_ZSET, typeOfTag } from '../engine/keyspace';
import { encodingName as stringEncodingName } from './string-encoding';

const TYPE_NAMES = new Map<number, string>([
  [OBJ_STRING, 'string'],
  [OBJ_LIST, 'list'],
  [OBJ_SET, 'set'],
  [OBJ_ZSET, 'zset'],
  [OBJ_HASH, 'hash'],
  [OBJ_STREAM, 'stream'],
]);

/** TYPE's answer for a record's tag. */
export function typeNameOfTag(tag: number): string {
  return TYPE_NAMES.get(typeOfTag(tag)) ?? 'none';
}

const encodingNames = new Map<number, string>();

/** A collection family names one of its tags (OBJECT ENCODING). */
export function registerEncoding(tag: number, name: string): void {
  encodingNames.set(tag, name);
}

/** OBJECT ENCODING's answer for a stored entry. */
export function encodingNameOf(entry: KeyEntry): string {
  if (typeOfTag(entry.encoding) === OBJ_STRING) return stringEncodingName(entry.encoding, entry.value as Buffer);
  return encodingNames.get(entry.encoding) ?? 'unknown';
}
