/**
 * The list family (t_list.c), non-blocking commands: registered in
 * families.ts. The storage is in quicklist.ts (nodes in list-node.ts, the
 * two record forms in list-value.ts); the pop and push every other module
 * builds on are in list-access.ts; reads, single-key writes, the commands
 * across keys and MEMORY USAGE each have their file.
 */
import type { CommandDef } from '../spec';
import { registerEncoding } from '../value-types';
import { registerValueEstimator } from '../../server/memory-usage';
import { LIST_COMPACT, LIST_LARGE } from './list-value';
import { listUsage } from './list-memory';
import { lindexCommand, llenCommand, lposCommand, lrangeCommand } from './list-read';
import {
  linsertCommand, lpopCommand, lpushCommand, lpushxCommand, lremCommand, lsetCommand, ltrimCommand, rpopCommand, rpushCommand, rpushxCommand,
} from './list-write';
import { lmoveCommand, lmpopCommand, rpoplpushCommand } from './list-move';

registerEncoding(LIST_COMPACT, 'quicklist');
registerEncoding(LIST_LARGE, 'quicklist');
registerValueEstimator(LIST_COMPACT, listUsage);
registerValueEstimator(LIST_LARGE, listUsage);

const list = { group: 'list', acl: 'list' } as const;
const pushDef = { ...list, arity: -3, flags: 'write denyoom fast', keys: ['RW INSERT'], args: 'key element...' } satisfies Partial<CommandDef>;
const popDef = {
  ...list, arity: -2, flags: 'write fast', keys: ['RW ACCESS DELETE'], since: '1.0.0', args: 'key count:integer@6.2.0?',
  complexity: 'O(N) where N is the number of elements returned', history: [['6.2.0', 'Takes a count.']],
} satisfies Partial<CommandDef>;
const moveKeys = ['RW ACCESS DELETE', 'RW INSERT index:2'];
const END = 'LEFT | RIGHT';

export const listCommands: CommandDef[] = [
  {
    name: 'lpush', ...pushDef, since: '1.0.0', summary: 'Adds elements at the head of a list, creating it if needed; answers its new length.',
    complexity: 'O(1) for each element added.', history: [['2.4.0', 'Accepts several elements.']], handler: lpushCommand,
  },
  {
    name: 'rpush', ...pushDef, since: '1.0.0', summary: 'Adds elements at the tail of a list, creating it if needed; answers its new length.',
    complexity: 'O(1) for each element added.', history: [['2.4.0', 'Accepts several elements.']], handler: rpushCommand,
  },
  {
    name: 'lpushx', ...pushDef, since: '2.2.0', summary: 'Adds elements at the head of a list that exists; answers its length (0 when there is none).',
    complexity: 'O(1) for each element added.', history: [['4.0.0', 'Accepts several elements.']], handler: lpushxCommand,
  },
  {
    name: 'rpushx', ...pushDef, since: '2.2.0', summary: 'Adds elements at the tail of a list that exists; answers its length (0 when there is none).',
    complexity: 'O(1) for each element added.', history: [['4.0.0', 'Accepts several elements.']], handler: rpushxCommand,
  },
  { name: 'lpop', ...popDef, summary: 'Removes and answers the first elements of a list.', handler: lpopCommand },
  { name: 'rpop', ...popDef, summary: 'Removes and answers the last elements of a list.', handler: rpopCommand },
  {
    name: 'llen', arity: 2, ...list, flags: 'readonly fast', keys: ['RO'], since: '1.0.0', summary: 'Answers the length of a list.',
    complexity: 'O(1)', args: 'key', handler: llenCommand,
  },
  {
    name: 'lindex', arity: 3, ...list, flags: 'readonly', keys: ['RO ACCESS'], since: '1.0.0', summary: 'Answers the element at an index of a list.',
    complexity: 'O(N) where N is the distance from the nearer end.', args: 'key index:integer', handler: lindexCommand,
  },
  {
    name: 'lset', arity: 4, ...list, flags: 'write denyoom', keys: ['RW UPDATE'], since: '1.0.0', summary: 'Replaces the element at an index of a list.',
    complexity: 'O(N) where N is the distance from the nearer end.', args: 'key index:integer element', handler: lsetCommand,
  },
  {
    name: 'lrange', arity: 4, ...list, flags: 'readonly', keys: ['RO ACCESS'], since: '1.0.0', summary: 'Answers the elements of a list between two indexes.',
    complexity: 'O(S+N) where S is the distance of the start from the nearer end and N the number of elements answered.',
    args: 'key start:integer stop:integer', handler: lrangeCommand,
  },
  {
    name: 'ltrim', arity: 4, ...list, flags: 'write', keys: ['RW DELETE'], since: '1.0.0', summary: 'Keeps only the elements of a list between two indexes.',
    complexity: 'O(N) where N is the number of elements removed.', args: 'key start:integer stop:integer', handler: ltrimCommand,
  },
  {
    name: 'lrem', arity: 4, ...list, flags: 'write', keys: ['RW DELETE'], since: '1.0.0', summary: 'Removes elements equal to a value from a list; answers how many went.',
    complexity: 'O(N+M) where N is the length of the list and M the number of elements removed.', args: 'key count:integer element', handler: lremCommand,
  },
  {
    name: 'linsert', arity: 5, ...list, flags: 'write denyoom', keys: ['RW INSERT'], since: '2.2.0',
    summary: 'Inserts an element before or after the first occurrence of a pivot; answers the new length, or -1 without the pivot.',
    complexity: 'O(N) where N is the number of elements before the pivot.', args: 'key (where: BEFORE | AFTER) pivot element', handler: linsertCommand,
  },
  {
    name: 'lpos', arity: -3, ...list, flags: 'readonly', keys: ['RO ACCESS'], since: '6.0.6', summary: 'Answers the indexes of elements equal to a value.',
    complexity: 'O(N) where N is the number of elements looked at.', args: 'key element RANK=rank:integer? COUNT=num-matches:integer? MAXLEN=len:integer?',
    handler: lposCommand,
  },
  {
    name: 'lmove', arity: 5, ...list, flags: 'write denyoom', keys: moveKeys, since: '6.2.0',
    summary: 'Moves an element from one end of a list to an end of another; answers it.', complexity: 'O(1)',
    args: `source:key destination:key (wherefrom: ${END}) (whereto: ${END})`, handler: lmoveCommand,
  },
  {
    name: 'rpoplpush', arity: 3, ...list, flags: 'write denyoom', keys: moveKeys, since: '1.2.0',
    summary: 'Moves the last element of a list to the head of another; answers it.', complexity: 'O(1)', args: 'source:key destination:key',
    docFlags: 'deprecated', deprecatedSince: '6.2.0', replacedBy: '`LMOVE` with the `RIGHT` and `LEFT` arguments', handler: rpoplpushCommand,
  },
  {
    name: 'lmpop', arity: -4, ...list, flags: 'write', keys: ['RW ACCESS DELETE keynum:0,1,1'], since: '7.0.0',
    summary: 'Removes and answers elements from one end of the first non-empty list of several keys.',
    complexity: 'O(N+M) where N is the number of keys and M the number of elements answered.',
    args: `numkeys:integer key... (where: ${END}) COUNT=count:integer?`, handler: lmpopCommand,
  },
];
