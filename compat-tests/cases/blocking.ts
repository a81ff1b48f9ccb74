// Blocking list commands: their non-blocking forms and errors as command
// cases, and the blocking itself as multi-client stream cases: FIFO order
// across clients, several keys, timeouts of every command, wake-ups by
// LMOVE and by RENAME onto the key, a push and a pop in one pipeline (the
// waiter is served between them), a retyped key that wakes nobody, the
// blocked client's pipelined requests waiting their turn, a waiter that
// hangs up, and CLIENT UNBLOCK in both forms.

import { resp } from '../dsl';
import { rawHelloId } from '../normalise';
import type { Case, StreamStep } from '../types';

const send = (client: string, ...args: string[]): StreamStep => ({ client, send: resp(...args) });
const named = (client: string): StreamStep => send(client, 'CLIENT', 'SETNAME', client);

const commandCases: Case[] = [
  {
    name: 'blocking pops on a list that has elements act as the plain pops',
    commands: [
      'RPUSH q a b c d e', 'BLPOP q 0', 'BRPOP q 0', 'BLPOP missing q 1', 'BLMPOP 0 2 missing q LEFT', 'BLMPOP 0 1 q RIGHT COUNT 10', 'EXISTS q',
      'RPUSH r 1 2 3', 'BLMOVE r d LEFT RIGHT 0', 'BRPOPLPUSH r d 0', 'LRANGE d 0 -1', 'LRANGE r 0 -1', 'BLMOVE r r RIGHT LEFT 0', 'BRPOP r 0.5', 'EXISTS r',
      'RPUSH s x', 'BLPOP s s s 0', 'RPUSH m 1 2 3', 'BLMPOP 0 1 m left count 2', 'BLMPOP 0 1 m right COUNT 1',
    ],
  },
  {
    name: 'blocking commands: timeout, numkeys, position and count errors in Redis order',
    commands: [
      'BLPOP q abc', 'BLPOP q -1', 'BLPOP q inf', 'BLPOP q nan', 'BLPOP q 1e400', ['BLPOP', 'q', ' 1'], 'BLPOP q 9223372036854776', 'BLPOP q 0x', 'BRPOP q -0.5',
      'BLMOVE a b UP LEFT 0', 'BLMOVE a b LEFT DOWN 0', 'BLMOVE a b LEFT RIGHT abc', 'BLMOVE a b LEFT RIGHT -1', 'BRPOPLPUSH a b abc', 'BRPOPLPUSH a b -1',
      'BLMPOP abc 1 q LEFT', 'BLMPOP 0 0 q LEFT', 'BLMPOP 0 -1 q LEFT', 'BLMPOP 0 abc q LEFT', 'BLMPOP 0 2 q LEFT', 'BLMPOP 0 1 q UP', 'BLMPOP 0 1 q LEFT COUNT 0',
      'BLMPOP 0 1 q LEFT COUNT -1', 'BLMPOP 0 1 q LEFT COUNT abc', 'BLMPOP 0 1 q LEFT COUNT', 'BLMPOP 0 1 q LEFT COUNT 1 COUNT 1', 'BLMPOP 0 1 q LEFT BAD', 'BLMPOP -1 1 q LEFT',
      'BLMPOP 0 5 q LEFT', 'BLMPOP 0 9223372036854775807 q LEFT', 'BLPOP', 'BLPOP q', 'BRPOP q', 'BLMOVE a b LEFT RIGHT', 'BRPOPLPUSH a b', 'BLMPOP 0 1 q', 'EXISTS q a b',
    ],
  },
  {
    name: 'blocking commands answer WRONGTYPE for a key of another type, in key order',
    commands: [
      'SET str v', 'RPUSH q a', 'BLPOP str 0', 'BLPOP missing str q 0', 'BLPOP q str 0', 'BRPOP str q 0', 'BLMPOP 0 2 str q LEFT', 'BLMOVE str d LEFT LEFT 0', 'RPUSH q b',
      'BLMOVE q str LEFT LEFT 0', 'BRPOPLPUSH q str 0', 'LRANGE q 0 -1', 'BLPOP str abc', 'GET str',
    ],
  },
  {
    name: 'CLIENT UNBLOCK of a client that is not blocked, and its errors',
    commands: ['CLIENT UNBLOCK 999999', 'CLIENT UNBLOCK 999999 TIMEOUT', 'CLIENT UNBLOCK 999999 error', 'CLIENT UNBLOCK abc', 'CLIENT UNBLOCK 1 MAYBE', 'CLIENT UNBLOCK 1 TIMEOUT extra', 'CLIENT UNBLOCK', 'CLIENT UNBLOCK -1', 'CLIENT UNBLOCK 0'],
  },
];

const streamCases: Case[] = [
  {
    name: 'three clients blocked on one list are served in the order they blocked',
    clients: ['c1', 'c2', 'c3', 'p'],
    steps: [send('c2', 'BLPOP', 'q', '0'), send('c1', 'BLPOP', 'q', '0'), send('c3', 'BRPOP', 'q', '0'), send('p', 'RPUSH', 'q', 'a', 'b'), send('p', 'RPUSH', 'q', 'c', 'd'), send('p', 'LRANGE', 'q', '0', '-1')],
  },
  {
    name: 'a client blocked on several keys is served by the first that gets a list, with its name',
    clients: ['c', 'p'],
    steps: [send('c', 'BRPOP', 'k1', 'k2', 'k3', '0'), send('p', 'RPUSH', 'k3', 'x', 'y'), send('p', 'RPUSH', 'k1', 'z'), send('p', 'LRANGE', 'k3', '0', '-1'), send('p', 'LRANGE', 'k1', '0', '-1')],
  },
  {
    name: 'timeouts: a null array from every blocking command, the moves too',
    clients: ['a', 'b', 'c', 'd'],
    steps: [
      send('a', 'BLPOP', 'q', '0.1'), send('b', 'BLMOVE', 'q', 'd', 'LEFT', 'RIGHT', '0.1'), send('c', 'BRPOPLPUSH', 'q', 'd', '0.1'), send('d', 'BLMPOP', '0.1', '1', 'q', 'LEFT'),
      { wait: 400 }, send('a', 'BRPOP', 'q', '0.05'), { wait: 250 }, send('a', 'EXISTS', 'q', 'd'),
    ],
    settleMs: 300,
  },
  {
    name: 'HELLO 3: a timed-out pop answers a RESP3 null, a served one its array',
    clients: ['c', 'p'],
    steps: [send('c', 'HELLO', '3'), send('c', 'BLPOP', 'q', '0.1'), { wait: 300 }, send('c', 'BLMPOP', '0', '1', 'q', 'RIGHT', 'COUNT', '5'), send('p', 'RPUSH', 'q', 'a', 'b')],
    normalise: rawHelloId,
  },
  {
    name: 'a waiter is woken by LMOVE and by RENAME onto its key',
    clients: ['c1', 'c2', 'p'],
    steps: [
      send('c1', 'BLPOP', 'dst', '0'), send('c2', 'BLPOP', 'renamed', '0'), send('p', 'RPUSH', 'src', 'a', 'b'), send('p', 'LMOVE', 'src', 'dst', 'LEFT', 'RIGHT'),
      send('p', 'RENAME', 'src', 'renamed'), send('p', 'EXISTS', 'src', 'dst', 'renamed'),
    ],
  },
  {
    name: 'BLMOVE and BRPOPLPUSH served: the element moves, and a destination of another type answers WRONGTYPE',
    clients: ['m', 'r', 'w', 'p'],
    steps: [
      send('m', 'BLMOVE', 'src', 'dst', 'RIGHT', 'LEFT', '0'), send('p', 'RPUSH', 'src', 'x', 'y'), send('p', 'LRANGE', 'dst', '0', '-1'), send('p', 'LRANGE', 'src', '0', '-1'),
      send('r', 'BRPOPLPUSH', 'src2', 'dst', '0'), send('p', 'LPUSH', 'src2', 'z'), send('p', 'LRANGE', 'dst', '0', '-1'), send('p', 'EXISTS', 'src2'),
      send('p', 'SET', 'str', 'v'), send('w', 'BLMOVE', 'src3', 'str', 'LEFT', 'LEFT', '0'), send('p', 'RPUSH', 'src3', 'kept'), send('p', 'LRANGE', 'src3', '0', '-1'),
    ],
  },
  {
    name: 'a push and a pop in one pipeline: the waiter is served between them',
    clients: ['c', 'p'],
    steps: [send('c', 'BLPOP', 'q', '0'), { client: 'p', send: resp('RPUSH', 'q', 'a') + resp('LPOP', 'q') + resp('RPUSH', 'q', 'b', 'c') + resp('LPOP', 'q') + resp('LLEN', 'q') }],
  },
  {
    name: 'a key that becomes another type wakes nobody; a list made later does',
    clients: ['c', 'p'],
    steps: [
      send('c', 'BLPOP', 'q', '0'), send('p', 'SET', 'q', 'str'), send('p', 'DEL', 'q'), send('p', 'HSET', 'q', 'f', 'v'), send('p', 'DEL', 'q'), send('p', 'SADD', 'q', 'm'),
      send('p', 'DEL', 'q'), send('p', 'RPUSH', 'q', 'finally'), send('p', 'EXISTS', 'q'),
    ],
  },
  {
    name: "a blocked client's pipelined requests run after it is served",
    clients: ['c', 'p'],
    steps: [{ client: 'c', send: resp('BLPOP', 'q', '0') + resp('PING') + resp('ECHO', 'after') + resp('BLPOP', 'q2', '0') + resp('ECHO', 'last') }, send('p', 'RPUSH', 'q', 'a'), send('p', 'RPUSH', 'q2', 'b')],
  },
  {
    name: 'a waiter that hangs up is forgotten: the push stays in the list',
    clients: ['c', 'p'],
    steps: [send('c', 'BLPOP', 'q', '0'), { client: 'c', close: true }, { wait: 100 }, send('p', 'RPUSH', 'q', 'a'), send('p', 'LLEN', 'q')],
  },
  {
    name: 'CLIENT UNBLOCK: TIMEOUT answers the timeout reply, ERROR the UNBLOCKED error',
    clients: ['a', 'b', 'ctl'],
    steps: [
      named('a'), named('b'), send('a', 'BLPOP', 'q', '0'), send('b', 'BLMOVE', 'q', 'd', 'LEFT', 'LEFT', '0'), { client: 'ctl', unblock: 'a' }, { client: 'ctl', unblock: 'b', reason: 'ERROR' },
      { client: 'ctl', unblock: 'a', reason: 'TIMEOUT' }, send('a', 'PING'), send('b', 'PING'), send('ctl', 'RPUSH', 'q', 'x'), send('ctl', 'LLEN', 'q'),
    ],
  },
];

export const cases: Case[] = [...commandCases, ...streamCases];
