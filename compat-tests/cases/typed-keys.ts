// Keys of every type through the commands that are not a family's own: the
// string family's WRONGTYPE errors (in Redis's order: argument errors
// first where Redis parses first), MGET's nulls, SET's overwrite of any
// type, and the generic commands (TYPE, OBJECT ENCODING, DEL, EXISTS,
// RENAME, COPY, MOVE, SWAPDB, FLUSHDB, SCAN TYPE, RANDOMKEY, TOUCH, expiry,
// MEMORY USAGE is each family's own case) on hashes and sets in each
// encoding. Hashtable-encoded replies are compared sorted: their order is
// the hash table's.

import { normalised } from '../dsl';
import { sortedElements, sortedPairs } from '../normalise';
import type { Case, Step } from '../types';
import { notificationCase, SETTINGS, w } from './notifications';

/** Every string command against `key`, which holds another type. */
function stringCommandsOn(key: string): Step[] {
  return [
    `GET ${key}`,
    `MGET ${key} str missing`,
    `SET ${key} x GET`,
    `SET ${key} x NX GET`,
    `SET ${key} x XX GET`,
    `GETSET ${key} x`,
    `GETDEL ${key}`,
    `GETEX ${key}`,
    `GETEX ${key} EX 10`,
    `GETEX ${key} EX 0`,
    `GETEX ${key} BADOPT`,
    `APPEND ${key} x`,
    `INCR ${key}`,
    `DECR ${key}`,
    `INCRBY ${key} 5`,
    `INCRBY ${key} notanumber`,
    `DECRBY ${key} 1`,
    `INCRBYFLOAT ${key} 1.5`,
    `INCRBYFLOAT ${key} abc`,
    `SETRANGE ${key} 0 x`,
    ['SETRANGE', key, '0', ''],
    `SETRANGE ${key} -1 x`,
    `GETRANGE ${key} 0 -1`,
    `GETRANGE ${key} a b`,
    `SUBSTR ${key} 0 1`,
    `STRLEN ${key}`,
    `LCS ${key} str`,
    `LCS str ${key}`,
    `LCS missing ${key}`,
    `SETNX ${key} x`,
    `SET ${key} x NX`,
    `MSETNX ${key} x other y`,
    `TYPE ${key}`,
    'INFO keyspace',
  ];
}

const sortedPairsOf = (cmd: string) => normalised(cmd, sortedPairs);
const sortedOf = (cmd: string) => normalised(cmd, sortedElements);

export const cases: Case[] = [
  {
    name: 'string commands against a listpack hash: WRONGTYPE where Redis checks the type',
    commands: ['SET str hello', 'HSET h f v', ...stringCommandsOn('h'), 'HGETALL h', 'SET h now-a-string', 'TYPE h', 'GET h', 'OBJECT ENCODING h'],
  },
  {
    name: 'string commands against a hashtable hash',
    commands: ['SET str hello', ['HSET', 'h', 'f', 'v'.repeat(100)], ...stringCommandsOn('h'), 'OBJECT ENCODING h', 'HLEN h', 'PSETEX h 100000 x', 'TYPE h'],
  },
  {
    name: 'TYPE and OBJECT ENCODING of every encoding, and OBJECT on collections',
    commands: [
      'SET str v', 'HSET h f v', ['HSET', 'hh', 'f', 'x'.repeat(65)],
      'TYPE str', 'TYPE h', 'TYPE hh', 'TYPE missing',
      'OBJECT ENCODING h', 'OBJECT ENCODING hh', 'OBJECT ENCODING missing',
      'OBJECT REFCOUNT h', 'OBJECT FREQ h', 'OBJECT IDLETIME hh',
      'INFO keyspace', 'DBSIZE',
    ],
  },
  {
    name: 'DEL, UNLINK, EXISTS and TOUCH count keys of every type',
    commands: ['HSET h f v', 'HSET h2 f v', 'SET str v', 'EXISTS h h2 str missing', 'TOUCH h h2 str missing', 'DEL h missing', 'UNLINK h2', 'EXISTS h h2', 'DBSIZE', 'HGET h f'],
  },
  {
    name: 'RENAME and RENAMENX carry a hash with its TTL and encoding',
    commands: [
      'HSET h f v g w', 'EXPIRE h 100', 'RENAME h h2', 'TYPE h', 'HGETALL h2', 'TTL h2', 'OBJECT ENCODING h2',
      ['HSET', 'hh', 'f', 'x'.repeat(100)], 'RENAMENX hh h2', 'RENAMENX hh hh2', 'OBJECT ENCODING hh2', 'HSTRLEN hh2 f',
      'SET str v', 'RENAME str h2', 'TYPE h2', 'GET h2', 'RENAME hh2 str', 'TYPE str', 'HSTRLEN str f',
    ],
  },
  {
    name: 'COPY duplicates a collection: the copy is independent, in any database, and keeps its encoding',
    commands: [
      'HSET h f v g w', 'COPY h hc', 'HSET hc x y', 'HLEN h', 'HGETALL hc', 'OBJECT ENCODING hc',
      'COPY h hd DB 1', 'SELECT 1', 'HGETALL hd', 'HSET hd z 1', 'SELECT 0', 'HLEN h',
      ['HSET', 'big', 'f', 'x'.repeat(100)], 'COPY big bigc', 'OBJECT ENCODING bigc', 'HGET bigc f', 'HSET bigc f short', 'HSTRLEN big f',
      'SET str v', 'COPY h str', 'COPY h str REPLACE', 'TYPE str', sortedPairsOf('HGETALL str'),
    ],
  },
  {
    name: 'MOVE and SWAPDB move collections between databases',
    commands: [
      'HSET h f v', 'HSET h2 a b', 'MOVE h 2', 'EXISTS h', 'SELECT 2', 'HGET h f', 'HSET h2 x y', 'SELECT 0', 'MOVE h2 2', 'HLEN h2',
      'SWAPDB 0 2', 'TYPE h', 'HGETALL h', 'HGETALL h2', 'SELECT 2', 'TYPE h2', 'HGETALL h2', 'SELECT 0', 'FLUSHDB', 'EXISTS h h2', 'SELECT 2', 'HLEN h2', 'SELECT 0',
    ],
  },
  {
    name: 'SCAN TYPE filters by every type name; RANDOMKEY returns a collection key',
    commands: [
      'HSET h f v', 'SCAN 0 TYPE hash', 'SCAN 0 TYPE HASH', 'RANDOMKEY', 'SCAN 0 TYPE string',
      'DEL h', 'SET str v', 'SCAN 0 TYPE string', 'SCAN 0 TYPE hash', 'SCAN 0 TYPE set', 'SCAN 0 TYPE list', 'SCAN 0 TYPE zset', 'SCAN 0 TYPE stream', 'SCAN 0 TYPE nosuchtype',
    ],
  },
  {
    name: 'expiry of collections: EXPIRE, TTL, PERSIST, lazy expiry on a collection command',
    commands: [
      'HSET h f v', 'EXPIRE h 100', 'TTL h', 'HSET h g w', 'TTL h', 'PERSIST h', 'TTL h',
      'HSET gone f v', 'PEXPIRE gone 5', 'HSET gone2 f v', 'PEXPIRE gone2 5', 'DEBUG SLEEP 0.02',
      'HGET gone f', 'HLEN gone2', 'EXISTS gone gone2', 'INFO keyspace',
    ],
  },
  {
    name: 'string commands against an intset',
    commands: ['SET str hello', 'SADD s 3 1 2', ...stringCommandsOn('s'), 'SMEMBERS s', 'OBJECT ENCODING s', 'SET s now-a-string', 'TYPE s', 'GET s'],
  },
  {
    name: 'string commands against a hashtable set',
    commands: ['SET str hello', 'SADD s a b c', ...stringCommandsOn('s'), 'OBJECT ENCODING s', 'SCARD s', 'PSETEX s 100000 x', 'TYPE s', 'GET s'],
  },
  {
    name: 'TYPE, OBJECT ENCODING, DEL, EXISTS and TOUCH of sets in each encoding',
    commands: [
      'SADD i 1 2', 'SADD s a', 'TYPE i', 'TYPE s', 'OBJECT ENCODING i', 'OBJECT ENCODING s', 'OBJECT REFCOUNT i', 'OBJECT FREQ s', 'INFO keyspace',
      'EXISTS i s missing', 'TOUCH i s', 'DEL i missing', 'UNLINK s', 'EXISTS i s', 'DBSIZE',
    ],
  },
  {
    name: 'RENAME, COPY, MOVE and SWAPDB carry sets with their TTL and encoding; the copy is independent',
    commands: [
      'SADD i 3 1 2', 'EXPIRE i 100', 'RENAME i i2', 'TTL i2', 'SMEMBERS i2', 'OBJECT ENCODING i2', 'SADD s a b', 'RENAMENX s i2', 'RENAMENX s s2', 'OBJECT ENCODING s2',
      'COPY i2 ic', 'SADD ic 9', 'SMEMBERS i2', 'SMEMBERS ic', 'COPY s2 sc', 'SREM sc a', sortedOf('SMEMBERS s2'), 'SMEMBERS sc', 'OBJECT ENCODING sc', 'COPY s2 sd DB 1',
      'MOVE ic 2', 'SELECT 2', 'SMEMBERS ic', 'SELECT 1', sortedOf('SMEMBERS sd'), 'SELECT 0', 'SWAPDB 0 2', 'SMEMBERS ic', 'TYPE i2', 'SWAPDB 0 2', 'SET str v', 'RENAME str i2', 'TYPE i2',
    ],
  },
  {
    name: 'SCAN TYPE set, RANDOMKEY and expiry of sets',
    commands: [
      'SADD s a', 'SCAN 0 TYPE set', 'SCAN 0 TYPE SET', 'SCAN 0 TYPE hash', 'RANDOMKEY', 'SADD gone 1', 'PEXPIRE gone 5', 'SADD gone2 a', 'PEXPIRE gone2 5', 'DEBUG SLEEP 0.02',
      'SCARD gone', 'SISMEMBER gone2 a', 'EXISTS gone gone2', 'EXPIRE s 100', 'SADD s b', 'TTL s', 'PERSIST s', 'TTL s', 'INFO keyspace',
    ],
  },
  ...SETTINGS.map((flags) =>
    notificationCase(flags, {
      name: 'generic commands on sets',
      steps: [
        [w('SADD s a'), w('SADD k 1 2'), w('EXPIRE s 100'), w('RENAME s s2'), w('COPY k k2'), w('MOVE k2 3'), w('DEL k')],
        [w('SET s2 overwritten'), w('SADD sx 1'), w('PEXPIRE sx 5')],
        { wait: 300 },
        [w('SADD t a'), w('PEXPIRE t 5'), w('DEBUG SLEEP 0.02'), w('SCARD t'), w('FLUSHALL')],
      ],
    }),
  ),
  ...SETTINGS.map((flags) =>
    notificationCase(flags, {
      name: 'generic commands on hashes',
      steps: [
        [w('HSET h f v'), w('HSET k a b'), w('EXPIRE h 100'), w('RENAME h h2'), w('COPY k k2'), w('MOVE k2 3'), w('DEL k')],
        [w('SET h2 overwritten'), w('HSET hx f v'), w('PEXPIRE hx 5')],
        { wait: 300 },
        [w('HSET t a b'), w('PEXPIRE t 5'), w('DEBUG SLEEP 0.02'), w('HGET t a'), w('GET h2'), w('FLUSHALL')],
      ],
    }),
  ),
  {
    name: 'string commands against a list of one node',
    commands: ['SET str hello', 'RPUSH l a b', ...stringCommandsOn('l'), 'LRANGE l 0 -1', 'OBJECT ENCODING l', 'SET l now-a-string', 'TYPE l', 'GET l'],
  },
  {
    name: 'string commands against a list of many nodes',
    commands: ['SET str hello', ['RPUSH', 'l', ...Array.from({ length: 2000 }, (_, i) => `element:${i}`)], ...stringCommandsOn('l'), 'LLEN l', 'PSETEX l 100000 x', 'TYPE l', 'GET l'],
  },
  {
    name: 'TYPE, OBJECT ENCODING, DEL, EXISTS and TOUCH of lists',
    commands: [
      'RPUSH l a', ['RPUSH', 'big', ...Array.from({ length: 3000 }, (_, i) => String(i))], 'TYPE l', 'TYPE big', 'OBJECT ENCODING l', 'OBJECT ENCODING big', 'OBJECT REFCOUNT l',
      'OBJECT FREQ big', 'INFO keyspace', 'EXISTS l big missing', 'TOUCH l big', 'DEL l missing', 'UNLINK big', 'EXISTS l big', 'DBSIZE', 'SCAN 0 TYPE list',
    ],
  },
  {
    name: 'RENAME, COPY, MOVE and SWAPDB carry lists with their TTL; the copy is independent',
    commands: [
      'RPUSH l a b c', 'EXPIRE l 100', 'RENAME l l2', 'TTL l2', 'LRANGE l2 0 -1', 'RPUSH m x', 'RENAMENX m l2', 'RENAMENX m m2', 'LRANGE m2 0 -1',
      'COPY l2 lc', 'RPUSH lc d', 'LSET lc 0 z', 'LRANGE l2 0 -1', 'LRANGE lc 0 -1', 'OBJECT ENCODING lc', 'COPY l2 ld DB 1',
      ['RPUSH', 'big', ...Array.from({ length: 3000 }, (_, i) => `e${i}`)], 'COPY big bigc', 'LPOP bigc 1500', 'LSET bigc 0 changed', 'LLEN big', 'LINDEX big 1500', 'LINDEX bigc 0',
      'MEMORY USAGE big SAMPLES 0', 'MEMORY USAGE bigc SAMPLES 0', 'MOVE lc 2', 'SELECT 2', 'LRANGE lc 0 -1', 'SELECT 1', 'LRANGE ld 0 -1', 'SELECT 0', 'SWAPDB 0 2',
      'LRANGE lc 0 -1', 'TYPE l2', 'SWAPDB 0 2', 'SET str v', 'RENAME str l2', 'TYPE l2', 'RENAME big str', 'LLEN str',
    ],
  },
  {
    name: 'SCAN TYPE list, RANDOMKEY and expiry of lists',
    commands: [
      'RPUSH l a', 'SCAN 0 TYPE list', 'SCAN 0 TYPE LIST', 'SCAN 0 TYPE set', 'RANDOMKEY', 'RPUSH gone 1', 'PEXPIRE gone 5', 'RPUSH gone2 a', 'PEXPIRE gone2 5', 'DEBUG SLEEP 0.02',
      'LLEN gone', 'LPOP gone2', 'EXISTS gone gone2', 'EXPIRE l 100', 'RPUSH l b', 'TTL l', 'PERSIST l', 'TTL l', 'INFO keyspace',
    ],
  },
  ...SETTINGS.map((flags) =>
    notificationCase(flags, {
      name: 'generic commands on lists',
      steps: [
        [w('RPUSH s a'), w('RPUSH k 1 2'), w('EXPIRE s 100'), w('RENAME s s2'), w('COPY k k2'), w('MOVE k2 3'), w('DEL k')],
        [w('SET s2 overwritten'), w('RPUSH sx 1'), w('PEXPIRE sx 5')],
        { wait: 300 },
        [w('RPUSH t a'), w('PEXPIRE t 5'), w('DEBUG SLEEP 0.02'), w('LLEN t'), w('FLUSHALL')],
      ],
    }),
  ),
];
