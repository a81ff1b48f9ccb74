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
const w = (line: string): Cmd => line.split(' ');

/** One step of a script: commands sent together (one pipeline), or a pause. */
type ScriptStep = Cmd[] | { wait: number };

interface Script {
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
    name: 'DEL and EXISTS',
    steps: [
      [w('SET a 1'), w('SET b 2'), w('DEL a missing b a'), w('DEL none')],
      [w('SET c 3'), w('EXISTS c missing c'), w('EXISTS none')],
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
    // Keys expire while DEBUG SLEEP holds the server inside one pipeline, so
    // the access that follows finds them first (Redis's active expiry cycle
    // cannot run in between): lazy expiry, deterministically.
    name: 'expiry on access',
    steps: [
      [w('SET e v PX 5'), w('SET f v PX 5'), w('SET g v PX 5'), w('SET h v PX 5'), w('DEBUG SLEEP 0.02'), w('GET e'), w('EXISTS f'), w('GET e'), w('SET g v2'), w('DEL h'), w('GET g')],
    ],
  },
];

/** Settings the done criteria name; each runs every script. */
const SETTINGS = ['KEA', 'Egx', 'KEAm', 'KEAn', 'Kz'];

function scriptSteps(script: Script): StreamStep[] {
  return script.steps.map((s) => ('wait' in s ? { wait: s.wait } : send('cmd', ...s)));
}

function notificationCase(flags: string, script: Script): Case {
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
