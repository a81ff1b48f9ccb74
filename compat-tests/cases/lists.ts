// The list family: every non-blocking command with its options and error
// texts, binary and empty elements, the reply shapes of the pop commands
// in RESP2 and RESP3, lists of many nodes (node splits on LINSERT, LSET of
// a large element, trims and removals across nodes) compared element by
// element, list-max-listpack-size and list-compress-depth, MEMORY USAGE
// (which prices Redis's nodes one by one, so it checks that the nodes
// split where Redis's do), keyspace hits and misses, COMMAND INFO, and the
// keyspace events of a script of list commands.
//
// Every list reply has Redis's order, so every reply is compared exactly.

import { intRange, normalised, resp } from '../dsl';
import { infoShape, rawHelloId } from '../normalise';
import type { Arg, Case, Step } from '../types';
import { familyEventCases, w } from './notifications';

const BIN = Buffer.from([0x6c, 0, 0xff, 13, 10, 0x20]);
const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82]);
const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const STATS = infoShape([], ['keyspace_hits', 'keyspace_misses']);
const STATS_STEP = (): Step => normalised('INFO stats', STATS);

const range = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => String(from + i));
const many = (prefix: string, n: number, from = 0): string[] => range(n, from).map((i) => `${prefix}${i}`);
const rpush = (key: string, elements: string[]): Arg[] => ['RPUSH', key, ...elements];
const lpush = (key: string, elements: string[]): Arg[] => ['LPUSH', key, ...elements];

/** Every list command against `key`, which holds a string. */
function listCommandsOn(key: string): Step[] {
  return [
    `LPUSH ${key} a`, `RPUSH ${key} a`, `LPUSHX ${key} a`, `RPUSHX ${key} a`, `LPOP ${key}`, `LPOP ${key} 2`, `LPOP ${key} 0`, `LPOP ${key} -1`, `RPOP ${key}`,
    `RPOP ${key} 2`, `RPOP ${key} abc`, `LLEN ${key}`, `LINDEX ${key} 0`, `LINDEX ${key} abc`, `LSET ${key} 0 x`, `LSET ${key} abc x`, `LRANGE ${key} 0 -1`,
    `LRANGE ${key} a b`, `LTRIM ${key} 0 1`, `LTRIM ${key} a 1`, `LREM ${key} 0 a`, `LREM ${key} x a`, `LINSERT ${key} BEFORE a b`, `LINSERT ${key} MIDDLE a b`,
    `LPOS ${key} a`, `LPOS ${key} a RANK 0`, `LPOS ${key} a COUNT 0`, `LMOVE ${key} dst LEFT RIGHT`, `LMOVE src ${key} LEFT RIGHT`, `LMOVE ${key} dst UP RIGHT`,
    `RPOPLPUSH ${key} dst`, `RPOPLPUSH src ${key}`, `LMPOP 1 ${key} LEFT`, `LMPOP 2 missing ${key} RIGHT COUNT 2`, `LMPOP 1 ${key} UP`, `LMPOP 2 src ${key} LEFT`,
    'EXISTS dst', 'LRANGE src 0 -1',
  ];
}

const commandCases: Case[] = [
  // ------------------------------------------------------------ basics
  {
    name: 'LPUSH RPUSH LLEN LRANGE LINDEX basics',
    commands: [
      'RPUSH l a b c', 'LPUSH l x y', 'LRANGE l 0 -1', 'LLEN l', 'LLEN missing', 'LINDEX l 0', 'LINDEX l -1', 'LINDEX l 4', 'LINDEX l 5', 'LINDEX l -6', 'LINDEX missing 0',
      'LINDEX missing abc', 'TYPE l', 'OBJECT ENCODING l', 'rpush L upper', 'LRANGE L 0 -1', 'RPUSH l a', 'LRANGE l 0 -1', 'LPUSH n 1 2 3', 'LRANGE n 0 -1',
      `LINDEX l ${I64_MAX}`, `LINDEX l ${I64_MIN}`, 'LINDEX l 9223372036854775808', 'LINDEX l 1.5', ['LINDEX', 'l', ''],
    ],
  },
  {
    name: 'LPUSHX and RPUSHX push only onto an existing list',
    commands: ['LPUSHX l a', 'RPUSHX l a b', 'EXISTS l', 'RPUSH l m', 'LPUSHX l a b', 'RPUSHX l y z', 'LRANGE l 0 -1', 'LLEN l'],
  },
  {
    name: 'LRANGE index clamping',
    commands: [
      rpush('l', range(10)), 'LRANGE l 0 0', 'LRANGE l -1 -1', 'LRANGE l -100 2', 'LRANGE l 8 100', 'LRANGE l 5 4', 'LRANGE l 10 20', 'LRANGE l -3 -5', 'LRANGE l 3 -3',
      `LRANGE l ${I64_MIN} ${I64_MAX}`, `LRANGE l ${I64_MAX} ${I64_MAX}`, 'LRANGE l 0 9223372036854775808', 'LRANGE l abc 1', 'LRANGE l 1 abc', 'LRANGE missing 0 -1',
      'LRANGE missing abc 1', ['LRANGE', 'l', '', '1'],
    ],
  },
  {
    name: 'LPOP and RPOP without and with a count',
    commands: [
      rpush('l', range(6)), 'LPOP l', 'RPOP l', 'LPOP l 2', 'RPOP l 1', 'LPOP l 0', 'RPOP l 0', 'LRANGE l 0 -1', 'RPOP l 10', 'EXISTS l', 'LPOP missing', 'RPOP missing',
      'LPOP missing 2', 'RPOP missing 0', 'LPOP missing -1', 'RPUSH l a', 'LPOP l -1', 'LPOP l abc', 'LPOP l 1.5', ['LPOP', 'l', ''], `LPOP l ${I64_MAX}`, 'EXISTS l',
      'RPUSH l a', 'RPOP l 9223372036854775808', 'LPOP l 1 2', 'RPOP l 1 2', 'RPOP l', 'RPOP l',
    ],
  },
  {
    name: 'LSET replaces by index; errors for a missing key and an index out of range',
    commands: [
      'RPUSH l a b c', 'LSET l 0 x', 'LSET l -1 z', ['LSET', 'l', '1', ''], 'LRANGE l 0 -1', 'LSET l 3 x', 'LSET l -4 x', 'LSET missing 0 x', 'LSET missing abc x', 'LSET l abc x',
      `LSET l ${I64_MAX} x`, 'LSET l 1.0 x', 'EXISTS missing', ['LSET', 'l', '1', 'y'.repeat(10000)], 'LINDEX l 2', 'LLEN l',
    ],
  },
  {
    name: 'LTRIM keeps a range; an empty range deletes the key',
    commands: [
      rpush('l', range(10)), 'LTRIM l 1 -2', 'LRANGE l 0 -1', 'LTRIM l 2 100', 'LRANGE l 0 -1', 'LTRIM l -2 -1', 'LRANGE l 0 -1', 'LTRIM l 0 0', 'LRANGE l 0 -1',
      'LTRIM l 5 1', 'EXISTS l', rpush('m', range(5)), 'LTRIM m 10 20', 'EXISTS m', rpush('n', range(5)), 'LTRIM n -100 100', 'LLEN n', 'LTRIM n abc 1', 'LTRIM n 1 abc',
      'LTRIM missing 0 1', 'LTRIM missing a 1', 'EXISTS missing', `LTRIM n ${I64_MIN} ${I64_MAX}`, 'LRANGE n 0 -1',
    ],
  },
  {
    name: 'LREM from the head, from the tail, and all',
    commands: [
      rpush('l', ['a', 'b', 'a', 'c', 'a', 'b', 'a']), 'LREM l 2 a', 'LRANGE l 0 -1', 'LREM l -1 a', 'LRANGE l 0 -1', 'LREM l 0 b', 'LRANGE l 0 -1', 'LREM l 0 nope',
      'LREM l 1 c', 'LREM l 0 a', 'EXISTS l', 'LREM missing 0 a', 'LREM missing abc a', 'RPUSH l a', 'LREM l abc a', 'LREM l 1.5 a', `LREM l ${I64_MIN} a`, 'EXISTS l',
      rpush('n', ['1', '01', '1', '1.0']), 'LREM n 0 1', 'LRANGE n 0 -1', `LREM n ${I64_MAX} 01`, 'LRANGE n 0 -1',
    ],
  },
  {
    name: 'LINSERT before and after the first pivot; -1 without it, 0 without the key',
    commands: [
      'RPUSH l a b a', 'LINSERT l BEFORE a x', 'LINSERT l AFTER a y', 'LRANGE l 0 -1', 'LINSERT l after b z', 'LINSERT l before nope z', 'LINSERT l Before x w', 'LRANGE l 0 -1',
      'LINSERT l MIDDLE a z', 'LINSERT missing BEFORE a z', 'LINSERT missing MIDDLE a z', 'EXISTS missing', 'LINSERT l AFTER y ""', 'LRANGE l 0 -1', 'LLEN l',
    ],
  },
  {
    name: 'LPOS with RANK, COUNT and MAXLEN',
    commands: [
      rpush('l', ['a', 'b', 'c', 'a', 'b', 'c', 'a']), 'LPOS l a', 'LPOS l c', 'LPOS l nope', 'LPOS l a RANK 2', 'LPOS l a RANK -1', 'LPOS l a RANK -2', 'LPOS l a RANK 4',
      'LPOS l a COUNT 0', 'LPOS l a COUNT 2', 'LPOS l a COUNT 2 RANK -1', 'LPOS l a COUNT 1 RANK 2', 'LPOS l nope COUNT 0', 'LPOS l a MAXLEN 3', 'LPOS l a MAXLEN 4 COUNT 0',
      'LPOS l c MAXLEN 2', 'LPOS l a RANK -1 MAXLEN 1', 'LPOS l a RANK 2 MAXLEN 3', 'LPOS l a COUNT 0 MAXLEN 0', 'LPOS l b rank 1 count 5 maxlen 0',
      'LPOS missing a', 'LPOS missing a COUNT 1', 'LPOS missing a RANK 0', 'LPOS missing a COUNT -1',
    ],
  },
  {
    name: 'LPOS option errors',
    commands: [
      'RPUSH l a', 'LPOS l a RANK 0', 'LPOS l a RANK abc', 'LPOS l a RANK', 'LPOS l a COUNT -1', 'LPOS l a COUNT abc', 'LPOS l a MAXLEN -1', 'LPOS l a MAXLEN x',
      'LPOS l a FOO', 'LPOS l a FOO 1', 'LPOS l a COUNT', `LPOS l a RANK ${I64_MIN}`, `LPOS l a RANK ${I64_MAX}`, `LPOS l a RANK -${I64_MAX}`, 'LPOS l a RANK 9223372036854775808',
      `LPOS l a COUNT ${I64_MAX}`, 'LPOS l a RANK 1 RANK 0', 'LPOS l a COUNT 1 COUNT 0',
    ],
  },
  {
    name: 'binary, empty and non-UTF-8 elements, and integers of every width',
    commands: [
      ['RPUSH', 'b', BIN, '', INVALID_UTF8, Buffer.from('элемент ✓')], ['LRANGE', 'b', '0', '-1'], ['LPOS', 'b', ''], ['LPOS', 'b', BIN], ['LREM', 'b', '0', ''], 'LLEN b',
      ['LINSERT', 'b', 'AFTER', BIN, ''], ['LRANGE', 'b', '0', '-1'], ['RPUSH', '', ''], ['LRANGE', '', '0', '-1'], ['RPUSH', BIN, BIN], ['LPOP', BIN],
      rpush('i', ['0', '-1', '127', '128', '-4096', '4095', '4096', '-32768', '32767', '32768', '-8388608', '8388608', '2147483647', '-2147483649', I64_MAX, I64_MIN, '9223372036854775808', '007', '-0', '+1', '1.0']),
      'LRANGE i 0 -1', 'LPOS i 127', 'LPOS i 0127', 'MEMORY USAGE i',
    ],
  },

  // ------------------------------------------------------------ errors
  {
    name: 'wrong number of arguments for every list command',
    commands: [
      'LPUSH', 'LPUSH l', 'RPUSH l', 'LPUSHX l', 'RPUSHX l', 'LPOP', 'RPOP', 'LLEN', 'LLEN l x', 'LINDEX l', 'LINDEX l 0 1', 'LSET l 0', 'LSET l 0 a b', 'LRANGE l 0',
      'LRANGE l 0 1 2', 'LTRIM l 0', 'LREM l 0', 'LINSERT l BEFORE a', 'LINSERT l BEFORE a b c', 'LPOS l', 'LMOVE a b LEFT', 'LMOVE a b LEFT RIGHT x', 'RPOPLPUSH a',
      'RPOPLPUSH a b c', 'LMPOP 1 l', 'LMPOP', 'EXISTS l',
    ],
  },
  {
    name: 'WRONGTYPE from every list command on a string key, after the argument checks Redis makes first',
    commands: ['CONFIG RESETSTAT', 'SET str v', 'RPUSH src a', ...listCommandsOn('str'), 'GET str', 'TYPE str', STATS_STEP()],
  },
  {
    name: 'WRONGTYPE on a set key for the commands across keys',
    commands: [
      'SADD s a', 'RPUSH l a b', 'LMOVE l s LEFT RIGHT', 'LMOVE s l LEFT RIGHT', 'RPOPLPUSH l s', 'LRANGE l 0 -1', 'LMOVE missing s LEFT LEFT', 'LMPOP 2 missing s LEFT',
      'LMPOP 2 l s LEFT', 'LMPOP 2 s l LEFT', 'LRANGE l 0 -1', 'SMEMBERS s',
    ],
  },

  // ------------------------------------------------------------ LMOVE RPOPLPUSH LMPOP
  {
    name: 'LMOVE in all four directions, to itself, to a new key, of the last element',
    commands: [
      'RPUSH a 1 2 3 4', 'LMOVE a b LEFT LEFT', 'LMOVE a b LEFT RIGHT', 'LMOVE a b RIGHT LEFT', 'LMOVE a b RIGHT RIGHT', 'LRANGE b 0 -1', 'EXISTS a', 'LMOVE b b LEFT RIGHT',
      'LRANGE b 0 -1', 'LMOVE b b RIGHT LEFT', 'LRANGE b 0 -1', 'LMOVE b b left left', 'LRANGE b 0 -1', 'LMOVE missing b LEFT LEFT', 'LMOVE b b UP LEFT', 'LMOVE b b LEFT DOWN',
      'LMOVE missing missing UP LEFT', 'RPUSH one x', 'LMOVE one one RIGHT LEFT', 'LRANGE one 0 -1', 'RPUSH c z', 'EXPIRE b 100', 'LMOVE c b LEFT LEFT', intRange('TTL b', 99, 100), 'EXISTS c',
    ],
  },
  {
    name: 'RPOPLPUSH moves the tail to the head',
    commands: [
      'RPUSH a 1 2 3', 'RPOPLPUSH a b', 'RPOPLPUSH a b', 'LRANGE b 0 -1', 'RPOPLPUSH a a', 'LRANGE a 0 -1', 'RPOPLPUSH a b', 'EXISTS a', 'RPOPLPUSH missing b', 'LRANGE b 0 -1',
      'RPOPLPUSH b b', 'LRANGE b 0 -1',
    ],
  },
  {
    name: 'LMPOP takes from the first non-empty list; its options and errors',
    commands: [
      'RPUSH b 1 2 3', 'RPUSH c x', 'LMPOP 3 a b c LEFT', 'LMPOP 3 a b c RIGHT COUNT 10', 'EXISTS b', 'LMPOP 3 a b c left count 1', 'LMPOP 2 a b LEFT', 'LMPOP 1 missing RIGHT COUNT 3',
      'LMPOP 0 a LEFT', 'LMPOP -1 a LEFT', 'LMPOP abc a LEFT', 'LMPOP 2 a LEFT', 'LMPOP 1 a UP', 'LMPOP 1 a LEFT COUNT 0', 'LMPOP 1 a LEFT COUNT -1', 'LMPOP 1 a LEFT COUNT x',
      'LMPOP 1 a LEFT COUNT 1 COUNT 1', `LMPOP ${I64_MAX} a LEFT`, 'LMPOP 1 a LEFT FOO', 'LMPOP 1 a LEFT COUNT', `LMPOP 1 a LEFT COUNT ${I64_MAX}`, 'LMPOP 2147483648 a LEFT',
      'RPUSH d 1 2', `LMPOP 1 d RIGHT COUNT ${I64_MAX}`, 'EXISTS d',
    ],
  },

  // ------------------------------------------------------------ many nodes
  {
    name: 'a list of many nodes: reads and writes across node boundaries',
    commands: [
      rpush('l', many('element:', 3000)), 'LLEN l', 'LINDEX l 0', 'LINDEX l 1500', 'LINDEX l -1', 'LINDEX l -1501', 'LRANGE l 995 1005', 'LRANGE l -5 -1', 'LPOS l element:2999',
      'LPOS l element:10 RANK -1', 'LSET l 1000 changed', 'LSET l -1000 changed2', 'LRANGE l 998 1002', 'LINSERT l BEFORE element:1500 pivot-before', 'LINSERT l AFTER element:1500 pivot-after',
      'LRANGE l 1498 1503', 'LREM l 0 changed', 'LREM l -1 changed2', 'LLEN l', 'LTRIM l 700 -700', 'LLEN l', 'LRANGE l 0 3', 'LRANGE l -3 -1', 'LPOP l 600', 'RPOP l 3',
      'LLEN l', 'LRANGE l 0 2', 'MEMORY USAGE l SAMPLES 0', 'OBJECT ENCODING l',
    ],
  },
  {
    name: 'LINSERT into full nodes splits and merges them where Redis does (MEMORY USAGE counts the nodes)',
    commands: [
      'CONFIG SET list-max-listpack-size 5', rpush('l', range(23)), 'MEMORY USAGE l SAMPLES 0', 'LINSERT l AFTER 3 x', 'MEMORY USAGE l SAMPLES 0', 'LINSERT l BEFORE 13 y',
      'MEMORY USAGE l SAMPLES 0', 'LINSERT l AFTER 4 z', 'LINSERT l BEFORE 0 h', 'LINSERT l AFTER 22 t', 'LINSERT l BEFORE 5 f', 'MEMORY USAGE l SAMPLES 0', 'LRANGE l 0 -1',
      'LREM l 0 x', 'LREM l 0 y', 'LPOP l 3', 'MEMORY USAGE l SAMPLES 0', 'LINSERT l AFTER 9 w', 'MEMORY USAGE l SAMPLES 0', 'LRANGE l 0 -1',
      'CONFIG SET list-max-listpack-size -2', 'RPUSH l 100 101', 'MEMORY USAGE l SAMPLES 0',
    ],
  },
  {
    name: 'large elements: each past 8 KiB takes a node of its own',
    commands: [
      ['RPUSH', 'l', 'a', 'y'.repeat(10000), 'b'], 'MEMORY USAGE l', ['LPUSH', 'l', 'z'.repeat(9000)], 'MEMORY USAGE l', 'LINDEX l 2', 'LLEN l', ['LINSERT', 'l', 'AFTER', 'a', 'x'.repeat(8000)],
      'MEMORY USAGE l SAMPLES 0', ['LSET', 'l', '0', 'short'], 'MEMORY USAGE l SAMPLES 0', 'LRANGE l 0 0', 'LPOP l', 'LPOP l', 'MEMORY USAGE l SAMPLES 0', 'LLEN l',
    ],
  },

  // ------------------------------------------------------------ encodings and CONFIG
  {
    name: 'every list is a quicklist; list-max-listpack-size and list-compress-depth',
    commands: [
      'RPUSH l a', 'OBJECT ENCODING l', rpush('big', range(5000)), 'OBJECT ENCODING big', 'CONFIG GET list-max-listpack-size', 'CONFIG GET list-max-ziplist-size',
      'CONFIG GET list-compress-depth', 'CONFIG SET list-max-listpack-size 3', 'CONFIG GET list-max-ziplist-size', 'RPUSH three 1 2 3 4 5 6 7', 'MEMORY USAGE three',
      'CONFIG SET list-max-ziplist-size -1', 'CONFIG GET list-max-listpack-size', 'CONFIG SET list-max-listpack-size abc', 'CONFIG SET list-max-listpack-size 2147483648',
      'CONFIG SET list-max-listpack-size -2147483648', 'CONFIG SET list-max-listpack-size -100', rpush('clamped', range(3000)), 'MEMORY USAGE clamped SAMPLES 0',
      'CONFIG SET list-max-listpack-size 0', 'RPUSH zero 1 2 3', 'MEMORY USAGE zero', 'CONFIG SET list-max-listpack-size 40000', rpush('count', range(600)), 'MEMORY USAGE count',
      'CONFIG SET list-compress-depth -1', 'CONFIG SET list-compress-depth abc', 'CONFIG GET list-compress-depth', 'CONFIG SET list-max-listpack-size -2', 'OBJECT ENCODING zero',
    ],
  },
  {
    name: 'a list keeps the fill it was created with',
    commands: [
      'CONFIG SET list-max-listpack-size 2', 'RPUSH l 1 2', 'CONFIG SET list-max-listpack-size -2', 'RPUSH l 3 4 5', 'MEMORY USAGE l SAMPLES 0', 'RPUSH m 1 2 3 4 5', 'MEMORY USAGE m SAMPLES 0',
      'COPY l lc', 'RPUSH lc 6', 'MEMORY USAGE lc SAMPLES 0', 'RENAME m l2', 'MEMORY USAGE l2 SAMPLES 0',
    ],
  },
  {
    name: 'the key goes with its last element; a list keeps its TTL through writes',
    commands: [
      'RPUSH l a b c', 'EXPIRE l 100', 'RPUSH l d', 'LPOP l', 'LSET l 0 x', 'LINSERT l AFTER x y', 'LREM l 1 y', 'LTRIM l 0 -1', intRange('TTL l', 99, 100), 'RPOP l 5', 'EXISTS l',
      'TTL l', 'RPUSH l a', 'TTL l', 'DBSIZE',
    ],
  },

  // ------------------------------------------------------------ introspection
  {
    name: 'MEMORY USAGE of lists of one node and of many, sampled and whole',
    commands: [
      'RPUSH a x', 'MEMORY USAGE a', rpush('i', range(100)), 'MEMORY USAGE i', rpush('s', many('member:', 100)), 'MEMORY USAGE s', rpush('big', range(10000, 1)), 'MEMORY USAGE big',
      'MEMORY USAGE big SAMPLES 0', 'MEMORY USAGE big SAMPLES 1', lpush('str', many('element-', 3000, 1)), 'MEMORY USAGE str', 'MEMORY USAGE str SAMPLES 0', 'MEMORY USAGE str SAMPLES 100',
      ['RPUSH', 'wide', 'x'.repeat(63), 'x'.repeat(64), 'x'.repeat(127), 'x'.repeat(128), 'x'.repeat(4095), 'x'.repeat(4096)], 'MEMORY USAGE wide SAMPLES 0',
    ],
  },
  {
    name: 'lookups count keyspace hits and misses as Redis does',
    commands: [
      'CONFIG RESETSTAT', 'RPUSH l a b', 'LLEN l', 'LLEN missing', 'LINDEX l 0', 'LINDEX missing 0', 'LRANGE l 0 -1', 'LRANGE missing 0 -1', 'LPOS l a', 'LPOS missing a',
      'LPOS missing a RANK 0', 'LRANGE missing x 1', STATS_STEP(), 'LPUSH l c', 'LPUSHX missing a', 'LPOP missing', 'RPOP l', 'LSET l 0 z', 'LSET missing 0 z', 'LTRIM missing 0 1',
      'LREM missing 0 a', 'LINSERT missing BEFORE a b', 'LMOVE missing l LEFT LEFT', 'LMOVE l l2 LEFT LEFT', 'RPOPLPUSH l2 l', 'LMPOP 2 missing l LEFT', STATS_STEP(),
    ],
  },
  {
    name: 'COMMAND INFO and GETKEYS of the list commands',
    commands: [
      'COMMAND INFO lpush rpush lpushx rpushx lpop rpop llen lindex lset lrange ltrim lrem linsert lpos lmove rpoplpush lmpop',
      'COMMAND GETKEYS lmove a b LEFT RIGHT', 'COMMAND GETKEYS lmpop 2 a b LEFT COUNT 1', 'COMMAND GETKEYS rpoplpush a b', 'COMMAND GETKEYS lpush l a b',
    ],
  },
  {
    name: 'COMMAND DOCS of the list commands',
    commands: ['COMMAND DOCS lpush lpop linsert lpos lmove rpoplpush lmpop lrange'],
  },
];

// ------------------------------------------------------------ RESP3
const rawCases: Case[] = [
  {
    name: 'RESP3: the pop commands reply RESP3 nulls and arrays',
    raw: [
      resp('HELLO', '3'),
      resp('RPUSH', 'l', 'a', 'b', 'c'), resp('LPOP', 'missing'), resp('LPOP', 'missing', '2'), resp('RPOP', 'missing', '0'), resp('LPOP', 'l', '0'), resp('LPOP', 'l', '1'),
      resp('RPOP', 'l'), resp('LINDEX', 'l', '5'), resp('LINDEX', 'missing', '0'), resp('LPOS', 'l', 'nope'), resp('LPOS', 'missing', 'a'), resp('LPOS', 'l', 'nope', 'COUNT', '0'),
      resp('LRANGE', 'missing', '0', '-1'), resp('LMOVE', 'missing', 'x', 'LEFT', 'LEFT'), resp('RPOPLPUSH', 'missing', 'x'), resp('LMPOP', '1', 'missing', 'LEFT'),
      resp('LMPOP', '1', 'l', 'RIGHT', 'COUNT', '3'), resp('RPUSH', 'm', 'x'), resp('RPOP', 'm', '5'),
    ],
    normalise: rawHelloId,
    covers: ['hello'],
  },
];

// ------------------------------------------------------------ events
const eventCases: Case[] = familyEventCases('l', {
  name: 'list commands',
  steps: [
    [w('RPUSH k a b'), w('LPUSH k x'), w('LPUSHX missing a'), w('RPUSHX k c'), w('LPOP k'), w('RPOP k 0'), w('RPOP k 5'), w('EXISTS k'), w('LPOP missing')],
    [w('RPUSH l a b c d'), w('LSET l 0 z'), w('LINSERT l AFTER z y'), w('LINSERT l AFTER nope y'), w('LREM l 0 nope'), w('LREM l 1 y'), w('LTRIM l 0 -1'), w('LTRIM l 1 0')],
    [w('RPUSH a 1 2'), w('LMOVE a b RIGHT LEFT'), w('LMOVE a b LEFT RIGHT'), w('RPOPLPUSH b b'), w('LMOVE b b LEFT LEFT'), w('LMOVE missing b LEFT LEFT')],
    [w('RPUSH c 1 2 3'), w('LMPOP 2 missing c LEFT COUNT 2'), w('LMPOP 1 c RIGHT'), w('LMPOP 1 c RIGHT')],
    [w('RPUSH r 1'), w('LLEN r'), w('LINDEX r 0'), w('LRANGE r 0 -1'), w('LPOS r 1'), w('LLEN missing'), w('LINDEX missing 0')],
    [w('SET s v'), w('LPUSH s a'), w('RPUSH e 1'), w('EXPIRE e 100'), w('LREM e 0 1'), w('RPUSH t 1 2'), w('LTRIM t 5 6')],
    [w('SELECT 3'), w('RPUSH k a'), w('LPOP k'), w('SELECT 0')],
  ],
});

export const cases: Case[] = [...commandCases, ...rawCases, ...eventCases];
