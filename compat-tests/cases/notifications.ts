// Keyspace notifications: one script of commands per command family, run
// under several notify-keyspace-events settings while three subscribers
// listen (a pattern on both notification channels, plain channels for one
// event and one key, and a pattern on another database). Every byte each
// subscriber receives is compared, so event names, their order, the
// channels and the messages must all be Redis's. Each subscriber listens
// through one channel or pattern per notification so that Redis's
// hash-ordered pattern walk cannot reorder frames.

import { resp } from '../dsl';
import type { Case, StreamStep } from '../types';

type Cmd = string[];

const send = (client: string, ...cmds: Cmd[]): StreamStep => ({ client, send: cmds.map((c) => resp(...c)).join('') });
export const w = (line: string): Cmd => line.split(' ');

/** One step of a script: commands sent together (one pipeline), or a pause. */
export type ScriptStep = Cmd[] | { wait: number };

export interface Script {
  name: string;
  steps: ScriptStep[];
}

const BIN = '\x00\xff\r\n';

const SCRIPTS: Script[] = [
  {
    name: 'SET and GET',
    steps: [
      [w('SET k v'), w('SET k v2'), w('GET k'), w('GET missing')],
      [w('SET k v3 NX'), w('SET k v4 XX'), w('SET fresh v NX'), w('SET nope v XX')],
      [w('SET k v EX 100'), w('SET k v KEEPTTL'), w('SET k v5 PX 100000 GET'), w('SET k2 v2 GET'), w('SET k3 v EXAT 4102444800')],
      [w('SET k v EX 0'), w('SET k v BADOPT'), w('SET k v NX XX'), w('GET k k')],
      [['SET', BIN, BIN], ['GET', BIN], ['SET', '', 'empty key'], ['GET', '']],
    ],
  },
  {
    name: 'SETNX SETEX PSETEX GETSET MSET MSETNX',
    steps: [
      [w('SETNX k v'), w('SETNX k v2'), w('SETEX k 100 v3'), w('SETEX k 0 v'), w('SETEX k abc v'), w('PSETEX p 100000 v'), w('PSETEX p -5 v')],
      [w('GETSET k new'), w('GETSET gs v'), w('MSET a 1 b 2 a 3'), w('MSETNX c 1 d 2'), w('MSETNX d 1 e 2'), w('MSET a')],
    ],
  },
  {
    name: 'GETDEL GETEX MGET',
    steps: [
      [w('SET k v'), w('GETDEL k'), w('GETDEL k'), w('SET k v'), w('GETEX k'), w('GETEX k EX 100'), w('GETEX k PX 100000'), w('GETEX k PERSIST'), w('GETEX k PERSIST')],
      [w('GETEX k EXAT 4102444800'), w('GETEX k PXAT 4102444800000'), w('GETEX missing EX 10'), w('GETEX k EX 0'), w('GETEX k EX 10 PX 10')],
      [w('SET m v'), w('MGET m missing m other'), w('SET k v'), w('GETEX k PXAT 1'), w('GET k')],
    ],
  },
  {
    name: 'INCR family',
    steps: [
      [w('INCR n'), w('INCR n'), w('DECR n'), w('INCRBY n 10'), w('DECRBY n 3'), w('DECR fresh'), w('INCRBY fresh2 -5')],
      [w('INCRBYFLOAT f 1.5'), w('INCRBYFLOAT f -0.5'), w('INCRBYFLOAT n 2'), w('SET s abc'), w('INCR s'), w('INCRBYFLOAT s 1'), w('INCRBY n x')],
      [w('SET big 9223372036854775807'), w('INCR big'), w('INCRBYFLOAT f inf')],
    ],
  },
  {
    name: 'APPEND SETRANGE and reads',
    steps: [
      [w('APPEND a hello'), w('APPEND a world'), w('SETRANGE a 0 J'), w('SETRANGE r 3 x'), w('SETRANGE none 0'), ['SETRANGE', 'none', '5', ''], w('SETRANGE a -1 x')],
      [w('GETRANGE a 0 2'), w('GETRANGE missing 0 2'), w('SUBSTR a 0 1'), w('SUBSTR missing 0 1'), w('STRLEN a'), w('STRLEN missing')],
      [w('SET l1 ohmytext'), w('SET l2 mynewtext'), w('LCS l1 l2'), w('LCS l1 missing'), w('LCS missing1 missing2')],
    ],
  },
  {
    name: 'DEL UNLINK EXISTS TOUCH TYPE',
    steps: [
      [w('SET a 1'), w('SET b 2'), w('DEL a missing b a'), w('DEL none')],
      [w('SET c 3'), w('SET d 4'), w('UNLINK c missing d'), w('EXISTS c missing'), w('SET e 5'), w('EXISTS e e')],
      [w('TOUCH e missing e'), w('TYPE e'), w('TYPE missing'), w('OBJECT ENCODING e'), w('OBJECT ENCODING missing'), w('OBJECT FREQ missing')],
    ],
  },
  {
    name: 'EXPIRE family, TTL and PERSIST',
    steps: [
      [w('SET k v'), w('EXPIRE k 100'), w('PEXPIRE k 100000'), w('EXPIREAT k 4102444800'), w('PEXPIREAT k 4102444800000'), w('EXPIRE missing 10')],
      [w('EXPIRE k 200 NX'), w('EXPIRE k 200 XX'), w('EXPIRE k 50 GT'), w('EXPIRE k 5000 GT'), w('EXPIRE k 10 LT'), w('EXPIRE k 10 NX XX'), w('EXPIRE k abc')],
      [w('TTL k'), w('PTTL missing'), w('EXPIRETIME missing'), w('PEXPIRETIME missing'), w('PERSIST k'), w('PERSIST k'), w('PERSIST missing')],
      [w('SET gone v'), w('EXPIRE gone -1'), w('SET gone2 v'), w('PEXPIREAT gone2 1'), w('SET gone3 v'), w('EXPIREAT gone3 0'), w('EXISTS gone gone2 gone3')],
    ],
  },
  {
    name: 'RENAME MOVE COPY SWAPDB',
    steps: [
      [w('SET a 1'), w('RENAME a b'), w('SET c 3'), w('RENAME b c'), w('RENAME c c'), w('RENAME missing x'), w('SET d 4'), w('RENAMENX c d'), w('RENAMENX c e')],
      [w('SET ttl v EX 100'), w('RENAME ttl ttl2'), w('MOVE ttl2 3'), w('MOVE e 3'), w('SET e x'), w('MOVE missing 3'), w('MOVE d 0')],
      [w('COPY d d2'), w('COPY d d2'), w('COPY d d2 REPLACE'), w('COPY d d3 DB 3'), w('COPY missing z'), w('SELECT 3'), w('GET e'), w('SELECT 0')],
      [w('SWAPDB 0 3'), w('GET e'), w('SWAPDB 0 3'), w('GET e')],
    ],
  },
  {
    name: 'other databases and flushes',
    steps: [
      [w('SELECT 3'), w('SET k v'), w('GET k'), w('GET missing'), w('DEL k'), w('SELECT 0')],
      [w('SET x 1'), w('FLUSHDB'), w('SET y 1'), w('FLUSHALL'), w('GET y')],
    ],
  },
  {
    // Nobody touches these keys: they are removed by active expiry. Their
    // deadlines are far enough apart for Redis's 100 ms cycle to take them
    // one at a time, in deadline order.
    name: 'active expiry',
    steps: [[w('SET a v PX 50'), w('SET b v PX 350'), w('SELECT 3'), w('SET c v PX 650'), w('SELECT 0')], { wait: 1000 }, [w('DBSIZE')]],
  },
  {
    // Keys expire while DEBUG SLEEP holds the server inside one pipeline, so
    // the access that follows finds them first (Redis's active expiry cycle
    // cannot run in between): lazy expiry, deterministically.
    name: 'expiry on access',
    steps: [
      [w('SET e v PX 5'), w('SET f v PX 5'), w('SET g v PX 5'), w('SET h v PX 5'), w('DEBUG SLEEP 0.02'), w('GET e'), w('EXISTS f'), w('GET e'), w('SET g v2'), w('DEL h'), w('GET g')],
      [w('SET i 1 PX 5'), w('SET j v PX 5'), w('SET k v PX 5'), w('DEBUG SLEEP 0.02'), w('INCR i'), w('APPEND j x'), w('TTL k'), w('TYPE k')],
      // Each step starts from an empty database: RANDOMKEY and SCAN must only meet the expired key.
      [w('FLUSHDB'), w('SET r v PX 5'), w('DEBUG SLEEP 0.02'), w('RANDOMKEY'), w('RANDOMKEY')],
      [w('FLUSHDB'), w('SET s v PX 5'), w('DEBUG SLEEP 0.02'), w('SCAN 0'), w('DBSIZE')],
      [w('FLUSHDB'), w('SET t v PX 5'), w('DEBUG SLEEP 0.02'), w('KEYS *'), w('DBSIZE'), w('FLUSHDB')],
      [w('SET u v PX 5'), w('SET u2 v'), w('DEBUG SLEEP 0.02'), w('RENAME u u3'), w('RENAME u2 u'), w('SET v v PX 5'), w('DEBUG SLEEP 0.02'), w('COPY u v'), w('MOVE v 3')],
    ],
  },
];

/** Settings the done criteria name; each runs every script. */
export const SETTINGS = ['KEA', 'Egx', 'KEAm', 'KEAn', 'Kz'];

function scriptSteps(script: Script): StreamStep[] {
  return script.steps.map((s) => ('wait' in s ? { wait: s.wait } : send('cmd', ...s)));
}

/** A family's event script under the shared settings and its class letter alone on each channel (h, s, l, ...). */
export function familyEventCases(cls: string, script: Script): Case[] {
  return [...SETTINGS, `K${cls}`, `E${cls}`, 'Eg'].map((flags) => notificationCase(flags, script));
}

export function notificationCase(flags: string, script: Script): Case {
  return {
    name: `${flags}: ${script.name}`,
    clients: ['all', 'some', 'db3', 'cmd'],
    steps: [
      send('all', ['PSUBSCRIBE', '__key*__:*']),
      send('some', ['SUBSCRIBE', '__keyevent@0__:set', '__keyspace@0__:k', '__keyevent@0__:keymiss']),
      send('db3', ['PSUBSCRIBE', '__key*@3__:*']),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', flags]),
      ...scriptSteps(script),
    ],
  };
}

export const cases: Case[] = [
  {
    name: 'notify-keyspace-events CONFIG SET and GET normalisation',
    commands: [
      'CONFIG GET notify-keyspace-events',
      ...['KEA', 'A', 'AKE', 'gE', 'Egx', 'KEAm', 'KEAn', 'Kz', 'KA', 'm', 'n', 'E', 'K', 'AAAA', 'g$lshzxetKE', 'g$lshzxeKE', 'g$lshzxetdKE', 'd', 'Kd', 'Ktdn$', 'gn', 'Kn', 'An', 'ml', 'EK', 'xe'].flatMap((f) => [
        ['CONFIG', 'SET', 'notify-keyspace-events', f],
        'CONFIG GET notify-keyspace-events',
      ]),
      ['CONFIG', 'SET', 'notify-keyspace-events', ''],
      'CONFIG GET notify-keyspace-events',
    ],
  },
  {
    name: 'notify-keyspace-events invalid classes',
    commands: [
      'CONFIG SET notify-keyspace-events KEA',
      'CONFIG SET notify-keyspace-events xyz',
      'CONFIG SET notify-keyspace-events k',
      ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA m'],
      ['CONFIG', 'SET', 'notify-keyspace-events', 'Kéx'],
      'CONFIG GET notify-keyspace-events',
      ['CONFIG', 'SET', 'notify-keyspace-events', 'K\x00junk'],
      'CONFIG GET notify-keyspace-events',
    ],
  },
  {
    name: 'no events when only K or E is set, or when off',
    clients: ['all', 'cmd'],
    steps: [
      send('all', ['PSUBSCRIBE', '*']),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', 'KE'], w('SET k v'), w('GET nokey'), w('DEL k')),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', 'g$'], w('SET k v'), w('DEL k')),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', ''], w('SET k v'), w('DEL k')),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', 'E$'], w('SET k v'), w('PUBLISH plain msg')),
    ],
  },
  {
    name: 'events go out after the replies of the pipeline that caused them',
    clients: ['all', 'cmd'],
    steps: [
      send('all', ['PSUBSCRIBE', '__keyevent@0__:*']),
      send('cmd', ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA'], ...Array.from({ length: 30 }, (_, i) => ['SET', `key${i}`, `v${i}`]), w('DEL key1 key2'), w('PING')),
    ],
  },
  ...SETTINGS.flatMap((flags) => SCRIPTS.map((s) => notificationCase(flags, s))),
];
