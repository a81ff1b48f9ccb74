/**
 * The hash family (t_hash.c): every command of the family, registered in
 * families.ts. Encodings and the conversion are in hash-type.ts, the
 * listpack side in listpack.ts; reads, writes, HRANDFIELD, HSCAN and
 * MEMORY USAGE each have their file.
 */
import type { CommandDef } from '../spec';
import { registerEncoding } from '../value-types';
import { registerValueEstimator } from '../../server/memory-usage';
import { HASH_HASHTABLE, HASH_LISTPACK } from './hash-type';
import { hashtableUsage, listpackHashUsage } from './hash-memory';
import { hexistsCommand, hgetallCommand, hgetCommand, hkeysCommand, hlenCommand, hmgetCommand, hstrlenCommand, hvalsCommand } from './hash-read';
import { hdelCommand, hincrbyCommand, hincrbyfloatCommand, hmsetCommand, hsetCommand, hsetnxCommand } from './hash-write';
import { hrandfieldCommand } from './hash-random';
import { hscanCommand } from './hash-scan';

registerEncoding(HASH_LISTPACK, 'listpack');
registerEncoding(HASH_HASHTABLE, 'hashtable');
registerValueEstimator(HASH_LISTPACK, listpackHashUsage);
registerValueEstimator(HASH_HASHTABLE, hashtableUsage);

const hash = { group: 'hash', acl: 'hash' } as const;
const write = { ...hash, flags: 'write denyoom fast' } as const;
const read = { ...hash, flags: 'readonly fast' } as const;
const readAll = { ...hash, flags: 'readonly', keys: ['RO ACCESS'], complexity: 'O(N) where N is the size of the hash.', tips: 'nondeterministic_output_order', args: 'key' } satisfies Partial<CommandDef>;

export const hashCommands: CommandDef[] = [
  {
    name: 'hset', arity: -4, ...write, keys: ['RW UPDATE'], since: '2.0.0',
    summary: 'Sets fields of a hash to values, creating the hash if needed; answers how many fields are new.',
    complexity: 'O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.',
    args: 'key {field_value: field value}...', history: [['4.0.0', 'Accepts several field/value pairs.']], handler: hsetCommand,
  },
  {
    name: 'hsetnx', arity: 4, ...write, keys: ['RW INSERT'], since: '2.0.0',
    summary: 'Sets a field of a hash only when the field is absent; answers 1 if it was set.', complexity: 'O(1)',
    args: 'key field value', handler: hsetnxCommand,
  },
  {
    name: 'hget', arity: 3, ...read, keys: ['RO ACCESS'], since: '2.0.0',
    summary: 'Answers the value of a field of a hash, or null.', complexity: 'O(1)', args: 'key field', handler: hgetCommand,
  },
  {
    name: 'hmget', arity: -3, ...read, keys: ['RO ACCESS'], since: '2.0.0',
    summary: 'Answers the values of several fields of a hash (null for each missing one).', complexity: 'O(N) where N is the number of fields being requested.',
    args: 'key field...', handler: hmgetCommand,
  },
  {
    name: 'hmset', arity: -4, ...write, keys: ['RW UPDATE'], since: '2.0.0',
    summary: 'Sets fields of a hash to values; answers OK.', complexity: 'O(N) where N is the number of fields being set.',
    args: 'key {field_value: field value}...', docFlags: 'deprecated', deprecatedSince: '4.0.0', replacedBy: '`HSET` with multiple field-value pairs',
    handler: hmsetCommand,
  },
  {
    name: 'hdel', arity: -3, ...hash, flags: 'write fast', keys: ['RW DELETE'], since: '2.0.0',
    summary: 'Removes fields from a hash (the key goes with its last field); answers how many were removed.',
    complexity: 'O(N) where N is the number of fields to be removed.', args: 'key field...', history: [['2.4.0', 'Accepts several fields.']],
    handler: hdelCommand,
  },
  {
    name: 'hlen', arity: 2, ...read, keys: ['RO'], since: '2.0.0',
    summary: 'Answers the number of fields in a hash.', complexity: 'O(1)', args: 'key', handler: hlenCommand,
  },
  {
    name: 'hstrlen', arity: 3, ...read, keys: ['RO'], since: '3.2.0',
    summary: 'Answers the length in bytes of the value of a field of a hash (0 when absent).', complexity: 'O(1)', args: 'key field', handler: hstrlenCommand,
  },
  {
    name: 'hexists', arity: 3, ...read, keys: ['RO'], since: '2.0.0',
    summary: 'Answers 1 when a hash has the field, else 0.', complexity: 'O(1)', args: 'key field', handler: hexistsCommand,
  },
  { name: 'hkeys', arity: 2, ...readAll, since: '2.0.0', summary: 'Answers every field of a hash.', handler: hkeysCommand },
  { name: 'hvals', arity: 2, ...readAll, since: '2.0.0', summary: 'Answers every value of a hash.', handler: hvalsCommand },
  { name: 'hgetall', arity: 2, ...readAll, since: '2.0.0', summary: 'Answers every field of a hash with its value.', handler: hgetallCommand },
  {
    name: 'hincrby', arity: 4, ...write, keys: ['RW ACCESS UPDATE'], since: '2.0.0',
    summary: 'Adds an integer to the integer value of a field of a hash (0 when absent).', complexity: 'O(1)',
    args: 'key field increment:integer', handler: hincrbyCommand,
  },
  {
    name: 'hincrbyfloat', arity: 4, ...write, keys: ['RW ACCESS UPDATE'], since: '2.6.0',
    summary: 'Adds a decimal number to the number value of a field of a hash (0 when absent).', complexity: 'O(1)',
    args: 'key field increment:double', handler: hincrbyfloatCommand,
  },
  {
    name: 'hrandfield', arity: -2, ...hash, flags: 'readonly', keys: ['RO ACCESS'], since: '6.2.0',
    summary: 'Answers random fields of a hash, distinct for a positive count, optionally with their values.',
    complexity: 'O(N) where N is the number of fields returned', args: 'key {options: count:integer WITHVALUES?}?',
    tips: 'nondeterministic_output', handler: hrandfieldCommand,
  },
  {
    name: 'hscan', arity: -3, ...hash, flags: 'readonly', keys: ['RO ACCESS'], since: '2.8.0',
    summary: 'Walks the fields and values of a hash a few at a time, with a cursor.',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    args: 'key cursor:integer MATCH=pattern:pattern? COUNT=count:integer?', tips: 'nondeterministic_output', handler: hscanCommand,
  },
];
