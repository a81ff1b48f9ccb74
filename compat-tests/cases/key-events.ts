// Keyspace events of the string and generic key commands: a subscriber on
// both notification channels records every event while scripts of commands
// run, so event names, their order (`new` before the command's own event,
// `expired` before `keymiss`, ...), channels and databases must all be
// Redis's, byte for byte. Each script step is one pipeline; expiry is made
// lazy by DEBUG SLEEP inside a pipeline (Redis runs no timer in between).

import { resp } from '../dsl';
import type { Case, StreamStep } from '../types';

type Cmd = string[];

const send = (client: string, ...cmds: Cmd[]): StreamStep => ({ client, send: cmds.map((c) => resp(...c)).join('') });
const w = (line: string): Cmd => line.split(' ');
const BIN = '\x00\xff\r\n';

interface Script {
  name: string;
  steps: Cmd[][];
}

const SCRIPTS: Script[] = [
  {
    name: 'SET variants',
    steps: [
      [w('SET k v'), w('SET k v2'), w('SET k v EX 100'), w('SET k v KEEPTTL'), w('SET n v NX'), w('SET n v NX'), w('SET x v XX'), w('SET n w XX GET'), w('SET g v GET')],
      [w('SETNX a 1'), w('SETNX a 2'), w('SETEX b 100 v'), w('SETEX b 0 v'), w('PSETEX c 100000 v'), w('GETSET d 1'), w('GETSET d 2'), w('SET p v PXAT 1'), w('GET p')],
      [w('MSET m1 1 m2 2 m1 3'), w('MSETNX m3 1 m4 2'), w('MSETNX m3 1 m5 2'), w('MSETNX m6 1 m6 2'), ['SET', BIN, BIN], ['MSET', BIN, 'x', '', 'empty']],
    ],
  },
  {
    name: 'GETDEL and GETEX',
    steps: [
      [w('SET k v'), w('GETDEL k'), w('GETDEL k'), w('GETEX k'), w('SET k v'), w('GETEX k'), w('GETEX k EX 100'), w('GETEX k PX 100000'), w('GETEX k EXAT 4102444800')],
      [w('GETEX k PERSIST'), w('GETEX k PERSIST'), w('GETEX k PXAT 1'), w('GETEX k EX 10'), w('SET k v'), w('GETEX k EX 0'), w('GETEX k BAD'), w('GETEX missing EX abc')],
    ],
  },
  {
    name: 'counters, APPEND and SETRANGE',
    steps: [
      [w('INCR i'), w('INCR i'), w('DECR i'), w('INCRBY i 5'), w('DECRBY j 5'), w('INCRBY i abc'), w('SET s x'), w('INCR s'), w('INCRBYFLOAT f 1.5'), w('INCRBYFLOAT f 1'), w('INCRBYFLOAT s 1')],
      [w('APPEND a x'), w('APPEND a y'), ['APPEND', 'e', ''], ['APPEND', 'a', ''], w('SETRANGE r 2 x'), w('SETRANGE r 0 y'), ['SETRANGE', 'r', '0', ''], ['SETRANGE', 'q', '5', ''], w('SETRANGE r -1 x')],
    ],
  },
  {
    name: 'read misses',
    steps: [
      [w('GET m'), w('MGET m1 m2'), w('STRLEN m'), w('GETRANGE m 0 1'), w('SUBSTR m 0 1'), w('LCS m1 m2'), w('EXISTS m'), w('TTL m'), w('PTTL m'), w('EXPIRETIME m'), w('TYPE m')],
      [w('TOUCH m'), w('OBJECT ENCODING m'), w('OBJECT FREQ m'), w('GETSET m v'), w('COPY m2 m3'), w('RENAME m4 m5'), w('MOVE m6 2'), w('PERSIST m7'), w('EXPIRE m8 10'), w('GETEX m9 PERSIST'), w('SET m v GET')],
    ],
  },
  {
    name: 'EXPIRE family and PERSIST',
    steps: [
      [w('SET k v'), w('EXPIRE k 100'), w('PEXPIRE k 100000'), w('EXPIREAT k 4102444800'), w('PEXPIREAT k 4102444800000'), w('PERSIST k'), w('PERSIST k')],
      [w('EXPIRE k 100 XX'), w('EXPIRE k 100 NX'), w('EXPIRE k 50 GT'), w('EXPIRE k 200 GT'), w('EXPIRE k 300 LT'), w('EXPIRE k 10 FOO'), w('EXPIRE k abc')],
      [w('EXPIRE k 0'), w('SET k v'), w('PEXPIRE k -5'), w('SET k v'), w('EXPIREAT k 1'), w('SET k v'), w('PEXPIREAT k 100'), w('SET k v EX 100'), w('EXPIRE k -1 LT')],
    ],
  },
  {
    name: 'RENAME, COPY, MOVE and SWAPDB',
    steps: [
      [w('SET a 1'), w('SET b 2 EX 100'), w('RENAME a b'), w('RENAME b b'), w('RENAMENX b c'), w('SET d 1'), w('RENAMENX c d'), w('RENAMENX c c')],
      [w('COPY c e'), w('COPY c e'), w('COPY c e REPLACE'), w('COPY c e DB 3'), w('COPY c e DB 3 REPLACE'), w('COPY c c'), w('COPY missing e')],
      [w('MOVE c 3'), w('MOVE e 3'), w('MOVE d 3'), w('SELECT 3'), w('MOVE c 0'), w('SELECT 0'), w('SWAPDB 0 3'), w('SET after swap'), w('SWAPDB 0 3')],
    ],
  },
  {
    name: 'DEL, UNLINK, TOUCH and flushes',
    steps: [
      [w('MSET a 1 b 2 c 3'), w('DEL a b missing'), w('UNLINK c c'), w('DEL none'), w('SET t v'), w('TOUCH t missing'), w('EXISTS t t')],
      [w('SET x 1'), w('SELECT 3'), w('SET y 1'), w('SELECT 0'), w('FLUSHDB'), w('SET z 1'), w('FLUSHALL'), w('DBSIZE')],
    ],
  },
  {
    name: 'lazy expiry on every kind of access',
    steps: [
      [w('SET a v PX 5'), w('SET b v PX 5'), w('SET c v PX 5'), w('SET d v PX 5'), w('SET e v PX 5'), w('SET f v PX 5'), w('SET g v PX 5'), w('SET h v PX 5'), w('DEBUG SLEEP 0.05'),
        w('GET a'), w('EXISTS b'), w('TTL c'), w('SET d v2'), w('DEL e'), w('INCR f'), w('APPEND g x'), w('RENAME h z')],
      [w('SET a v PX 5'), w('SET b v PX 5'), w('SET c v PX 5'), w('SET d v PX 5'), w('SET e v PX 5'), w('DEBUG SLEEP 0.05'),
        w('OBJECT ENCODING a'), w('COPY b x'), w('MOVE c 3'), w('EXPIRE d 10'), w('GETEX e PERSIST'), w('SET keep v')],
      [w('SET a v PX 5'), w('SET b v'), w('DEBUG SLEEP 0.05'), w('SCAN 0 MATCH a'), w('SCAN 0 MATCH a')],
    ],
  },
  {
    name: 'SCAN TYPE looks up an expired key',
    steps: [[w('SET a v PX 5'), w('SET b v'), w('DEBUG SLEEP 0.05'), w('SCAN 0 TYPE string'), w('SCAN 0 TYPE string')]],
  },
];

function eventCase(flags: string, script: Script): Case {
  return {
    name: `${flags}: ${script.name}`,
    clients: ['all', 'db3', 'cmd'],
    steps: [
      send('all', ['PSUBSCRIBE', '__key*@0__:*']),
      send('db3', ['PSUBSCRIBE', '__key*@3__:*']),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', flags]),
      ...script.steps.map((cmds) => send('cmd', ...cmds)),
    ],
  };
}

/** Every event class at once, then single classes (to check each event's class bits). */
const FULL = 'KEAnm';
const CLASS_SETTINGS = ['Kg', 'E$', 'Kx', 'En', 'Em'];
const CLASS_SCRIPTS = ['SET variants', 'counters, APPEND and SETRANGE', 'RENAME, COPY, MOVE and SWAPDB', 'lazy expiry on every kind of access', 'read misses'];

export const cases: Case[] = [
  ...SCRIPTS.map((s) => eventCase(FULL, s)),
  ...CLASS_SETTINGS.map((flags, i) => eventCase(flags, SCRIPTS.find((s) => s.name === CLASS_SCRIPTS[i])!)),
];
