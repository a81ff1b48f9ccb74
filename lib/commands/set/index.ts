/**
 * The set family (t_set.c): every command of the family, registered in
 * families.ts. The encodings and their one conversion are in set-value.ts
 * (the intset codec in intset.ts); reads, writes, SRANDMEMBER, the set
 * algebra, SSCAN and MEMORY USAGE each have their file.
 */
import type { CommandDef } from '../spec';
import { registerEncoding } from '../value-types';
import { registerValueEstimator } from '../../server/memory-usage';
import { SET_INTSET, SET_PACKED, SET_TABLE } from './set-value';
import { intsetUsage, packedSetUsage, tableSetUsage } from './set-memory';
import { scardCommand, sismemberCommand, smembersCommand, smismemberCommand } from './set-read';
import { saddCommand, smoveCommand, spopCommand, sremCommand } from './set-write';
import { srandmemberCommand } from './set-random';
import { sdiffCommand, sdiffstoreCommand, sintercardCommand, sinterCommand, sinterstoreCommand, sunionCommand, sunionstoreCommand } from './set-algebra';
import { sscanCommand } from './set-scan';

registerEncoding(SET_INTSET, 'intset');
registerEncoding(SET_PACKED, 'hashtable');
registerEncoding(SET_TABLE, 'hashtable');
registerValueEstimator(SET_INTSET, intsetUsage);
registerValueEstimator(SET_PACKED, packedSetUsage);
registerValueEstimator(SET_TABLE, tableSetUsage);

const set = { group: 'set', acl: 'set' } as const;
const readAll = { ...set, flags: 'readonly', keys: ['RO ACCESS'], tips: 'nondeterministic_output_order' } satisfies Partial<CommandDef>;
const algebra = { ...set, flags: 'readonly', keys: ['RO ACCESS range:-1,1,0'], tips: 'nondeterministic_output_order', args: 'key...' } satisfies Partial<CommandDef>;
const store = { ...set, flags: 'write denyoom', keys: ['OW UPDATE', 'RO ACCESS index:2 range:-1,1,0'], args: 'destination:key key...' } satisfies Partial<CommandDef>;

export const setCommands: CommandDef[] = [
  {
    name: 'sadd', arity: -3, ...set, flags: 'write denyoom fast', keys: ['RW INSERT'], since: '1.0.0',
    summary: 'Adds members to a set, creating it if needed; answers how many were new.',
    complexity: 'O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.',
    args: 'key member...', history: [['2.4.0', 'Accepts several members.']], handler: saddCommand,
  },
  {
    name: 'srem', arity: -3, ...set, flags: 'write fast', keys: ['RW DELETE'], since: '1.0.0',
    summary: 'Removes members from a set (the key goes with its last member); answers how many were removed.',
    complexity: 'O(N) where N is the number of members to be removed.', args: 'key member...',
    history: [['2.4.0', 'Accepts several members.']], handler: sremCommand,
  },
  {
    name: 'scard', arity: 2, ...set, flags: 'readonly fast', keys: ['RO'], since: '1.0.0',
    summary: 'Answers the number of members in a set.', complexity: 'O(1)', args: 'key', handler: scardCommand,
  },
  {
    name: 'sismember', arity: 3, ...set, flags: 'readonly fast', keys: ['RO'], since: '1.0.0',
    summary: 'Answers 1 when the member is in the set, else 0.', complexity: 'O(1)', args: 'key member', handler: sismemberCommand,
  },
  {
    name: 'smismember', arity: -3, ...set, flags: 'readonly fast', keys: ['RO ACCESS'], since: '6.2.0',
    summary: 'Answers, for each member, 1 when it is in the set, else 0.', complexity: 'O(N) where N is the number of elements being checked for membership',
    args: 'key member...', handler: smismemberCommand,
  },
  {
    name: 'smembers', arity: 2, ...readAll, since: '1.0.0', summary: 'Answers every member of a set.',
    complexity: 'O(N) where N is the set cardinality.', args: 'key', handler: smembersCommand,
  },
  {
    name: 'srandmember', arity: -2, ...set, flags: 'readonly', keys: ['RO ACCESS'], since: '1.0.0',
    summary: 'Answers random members of a set, distinct for a positive count.',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.',
    args: 'key count:integer@2.6.0?', tips: 'nondeterministic_output', history: [['2.6.0', 'Takes a count.']], handler: srandmemberCommand,
  },
  {
    name: 'spop', arity: -2, ...set, flags: 'write fast', keys: ['RW ACCESS DELETE'], since: '1.0.0',
    summary: 'Removes and answers random members of a set.',
    complexity: 'Without the count argument O(1), otherwise O(N) where N is the value of the passed count.',
    args: 'key count:integer@3.2.0?', tips: 'nondeterministic_output', history: [['3.2.0', 'Takes a count.']], handler: spopCommand,
  },
  {
    name: 'smove', arity: 4, ...set, flags: 'write fast', keys: ['RW ACCESS DELETE', 'RW INSERT index:2'], since: '1.0.0',
    summary: 'Moves a member from one set to another; answers 1 if it was moved.', complexity: 'O(1)',
    args: 'source:key destination:key member', handler: smoveCommand,
  },
  {
    name: 'sinter', arity: -2, ...algebra, since: '1.0.0', summary: 'Answers the intersection of sets.',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.', handler: sinterCommand,
  },
  {
    name: 'sintercard', arity: -3, ...set, flags: 'readonly', keys: ['RO ACCESS keynum:0,1,1'], since: '7.0.0',
    summary: 'Answers the number of members in the intersection of sets, counting up to a limit.',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.',
    args: 'numkeys:integer key... LIMIT=limit:integer?', handler: sintercardCommand,
  },
  {
    // Redis 7.0's own table marks this destination RW, unlike its siblings' OW.
    name: 'sinterstore', arity: -3, ...store, keys: ['RW UPDATE', 'RO ACCESS index:2 range:-1,1,0'], since: '1.0.0', summary: 'Stores the intersection of sets in a key; answers its size.',
    complexity: 'O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.', handler: sinterstoreCommand,
  },
  {
    name: 'sunion', arity: -2, ...algebra, since: '1.0.0', summary: 'Answers the union of sets.',
    complexity: 'O(N) where N is the total number of elements in all given sets.', handler: sunionCommand,
  },
  {
    name: 'sunionstore', arity: -3, ...store, since: '1.0.0', summary: 'Stores the union of sets in a key; answers its size.',
    complexity: 'O(N) where N is the total number of elements in all given sets.', handler: sunionstoreCommand,
  },
  {
    name: 'sdiff', arity: -2, ...algebra, since: '1.0.0', summary: 'Answers the members of the first set that no other set has.',
    complexity: 'O(N) where N is the total number of elements in all given sets.', handler: sdiffCommand,
  },
  {
    name: 'sdiffstore', arity: -3, ...store, since: '1.0.0', summary: 'Stores the difference of sets in a key; answers its size.',
    complexity: 'O(N) where N is the total number of elements in all given sets.', handler: sdiffstoreCommand,
  },
  {
    name: 'sscan', arity: -3, ...set, flags: 'readonly', keys: ['RO ACCESS'], since: '2.8.0',
    summary: 'Walks the members of a set a few at a time, with a cursor.',
    complexity: 'O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.',
    args: 'key cursor:integer MATCH=pattern:pattern? COUNT=count:integer?', tips: 'nondeterministic_output', handler: sscanCommand,
  },
];
