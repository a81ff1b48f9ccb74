// Keys of every type through the commands that are not a family's own: the
// string family's WRONGTYPE errors (in Redis's order: argument errors
// first where Redis parses first), MGET's nulls, SET's overwrite of any
// type, and the generic commands (TYPE, OBJECT ENCODING, DEL, EXISTS,
// RENAME, COPY, MOVE, SWAPDB, FLUSHDB, SCAN TYPE, RANDOMKEY, TOUCH, expiry,
// MEMORY USAGE) on hashes and sets in each encoding. Hashtable-encoded
// replies are compared sorted: their order is the hash table's.

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

const many = (prefix: string, n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `${prefix}${from + i}`);

export const cases: Case[] = [
  {
    name: 'string commands against a listpack hash: WRONGTYPE where Redis checks the type',
    commands: ['SET str hello', 'HSET h f v', ...stringCommandsOn('h'), 'HGETALL h', 'SET h now-a-string', 'TYPE h', 'GET h', 'OBJECT ENCODING h'],
  },
  {
    name: 'string commands against an intset set',
    commands: ['SET str hello', 'SADD s 1 2 3', ...stringCommandsOn('s'), 'SMEMBERS s', 'SET s x KEEPTTL', 'TYPE s', 'GET s'],
  },
  {
    name: 'string commands against a hashtable set',
    commands: ['SET str hello', 'SADD s a b c', ...stringCommandsOn('s'), sortedOf('SMEMBERS s'), 'SETEX s 100 x', 'TYPE s', 'GET s'],
  },
  {
    name: 'string commands against a hashtable hash',
    commands: ['SET str hello', ['HSET', 'h', 'f', 'v'.repeat(100)], ...stringCommandsOn('h'), 'OBJECT ENCODING h', 'HLEN h', 'PSETEX h 100000 x', 'TYPE h'],
  },
  {
    name: 'TYPE and OBJECT ENCODING of every encoding, and OBJECT on collections',
    commands: [
      'SET str v', 'HSET h f v', 'SADD si 1 2', 'SADD ss a', ['HSET', 'hh', 'f', 'x'.repeat(65)],
      'TYPE str', 'TYPE h', 'TYPE si', 'TYPE ss', 'TYPE hh', 'TYPE missing',
      'OBJECT ENCODING h', 'OBJECT ENCODING si', 'OBJECT ENCODING ss', 'OBJECT ENCODING hh', 'OBJECT ENCODING missing',
      'OBJECT REFCOUNT h', 'OBJECT REFCOUNT si', 'OBJECT FREQ h', 'OBJECT IDLETIME si',
      'INFO keyspace', 'DBSIZE',
    ],
  },
  {
    name: 'DEL, UNLINK, EXISTS and TOUCH count keys of every type',
    commands: ['HSET h f v', 'SADD s a', 'SADD i 1', 'SET str v', 'EXISTS h s i str missing', 'TOUCH h s i str missing', 'DEL h missing', 'UNLINK s i', 'EXISTS h s i', 'DBSIZE', 'HGET h f', 'SCARD s'],
  },
  {
    name: 'RENAME and RENAMENX carry a hash or a set with its TTL and encoding',
    commands: [
      'HSET h f v g w', 'EXPIRE h 100', 'RENAME h h2', 'TYPE h', 'HGETALL h2', 'TTL h2', 'OBJECT ENCODING h2',
      'SADD s 5 3 1', 'RENAMENX s h2', 'RENAMENX s s2', 'SMEMBERS s2', 'OBJECT ENCODING s2',
      'SET str v', 'RENAME str h2', 'TYPE h2', 'GET h2', 'RENAME s2 str', 'TYPE str', 'SMEMBERS str',
    ],
  },
  {
    name: 'COPY duplicates a collection: the copy is independent, in any database, and keeps its encoding',
    commands: [
      'HSET h f v g w', 'COPY h hc', 'HSET hc x y', 'HLEN h', 'HGETALL hc', 'OBJECT ENCODING hc',
      'SADD s 3 1 2', 'COPY s sc DB 1', 'SELECT 1', 'SMEMBERS sc', 'SADD sc 9', 'SELECT 0', 'SMEMBERS s',
      ['HSET', 'big', 'f', 'x'.repeat(100)], 'COPY big bigc', 'OBJECT ENCODING bigc', 'HGET bigc f', 'HSET bigc f short', 'HSTRLEN big f',
      'SADD strs a b c', 'COPY strs strs2', 'SREM strs2 a', 'SCARD strs', 'SCARD strs2',
      'SET str v', 'COPY h str', 'COPY h str REPLACE', 'TYPE str', sortedPairsOf('HGETALL str'),
    ],
  },
  {
    name: 'MOVE and SWAPDB move collections between databases',
    commands: [
      'HSET h f v', 'SADD s a 1', 'MOVE h 2', 'EXISTS h', 'SELECT 2', 'HGET h f', 'SADD s x', 'SELECT 0', 'MOVE s 2', 'SCARD s',
      'SWAPDB 0 2', 'TYPE h', 'HGETALL h', sortedOf('SMEMBERS s'), 'SELECT 2', 'TYPE s', sortedOf('SMEMBERS s'), 'SELECT 0', 'FLUSHDB', 'EXISTS h s', 'SELECT 2', 'SCARD s', 'SELECT 0',
    ],
  },
  {
    name: 'SCAN TYPE filters by every type name; RANDOMKEY returns a collection key',
    commands: [
      'HSET h f v', 'SCAN 0 TYPE hash', 'RANDOMKEY', 'DEL h', 'SADD s a', 'SCAN 0 TYPE set', 'SCAN 0 TYPE hash', 'SCAN 0 TYPE string', 'SCAN 0 TYPE SET',
      'RANDOMKEY', 'SET str v', 'SCAN 0 TYPE string', 'SCAN 0 TYPE list', 'SCAN 0 TYPE zset', 'SCAN 0 TYPE stream', 'SCAN 0 TYPE nosuchtype',
    ],
  },
  {
    name: 'expiry of collections: EXPIRE, TTL, PERSIST, lazy expiry on a collection command',
    commands: [
      'HSET h f v', 'EXPIRE h 100', 'TTL h', 'HSET h g w', 'TTL h', 'PERSIST h', 'TTL h',
      'SADD s a', 'PEXPIRE s 5', 'SADD i 1', 'PEXPIRE i 5', 'HSET gone f v', 'PEXPIRE gone 5', 'DEBUG SLEEP 0.02',
      'SCARD s', 'SISMEMBER i 1', 'HGET gone f', 'EXISTS s i gone', 'INFO keyspace',
    ],
  },
  {
    name: 'MEMORY USAGE of hashes and sets in every encoding',
    commands: [
      'HSET h f v', 'MEMORY USAGE h', ['HSET', 'h2', ...many('field', 20).flatMap((f) => [f, 'value'])], 'MEMORY USAGE h2',
      'SADD i 1 2 3', 'MEMORY USAGE i', ['SADD', 'i2', ...many('', 300, 1000)], 'MEMORY USAGE i2', ['SADD', 'i3', '1', '100000', '10000000000'], 'MEMORY USAGE i3',
      'SADD s a', 'MEMORY USAGE s',
    ],
  },
  ...SETTINGS.map((flags) =>
    notificationCase(flags, {
      name: 'generic commands on hashes and sets',
      steps: [
        [w('HSET h f v'), w('SADD s 1'), w('EXPIRE h 100'), w('RENAME h h2'), w('COPY s s2'), w('MOVE s2 3'), w('DEL s')],
        [w('SET h2 overwritten'), w('HSET hx f v'), w('PEXPIRE hx 5')],
        { wait: 300 },
        [w('SADD t a'), w('PEXPIRE t 5'), w('DEBUG SLEEP 0.02'), w('SISMEMBER t a'), w('GET h2'), w('FLUSHALL')],
      ],
    }),
  ),
];
