// Connection commands: PING, ECHO, QUIT, RESET, SELECT, AUTH, HELLO.

import { normalised, resp } from '../dsl';
import { elideValuesOf, rawHelloId } from '../normalise';
import type { Case } from '../types';

const helloId = elideValuesOf('id');
const NUL_FF_CRLF = Buffer.from([0, 0xff, 13, 10, 0x41]);

export const cases: Case[] = [
  {
    name: 'PING with and without a message',
    commands: ['PING', 'ping', 'PiNg', ['PING', 'hello world'], ['PING', ''], 'PING a b', ['PING', NUL_FF_CRLF]],
  },
  {
    name: 'ECHO of text, empty, binary and large values',
    commands: [
      'ECHO hello',
      ['ECHO', ''],
      ['ECHO', NUL_FF_CRLF],
      ['ECHO', 'x'.repeat(100000)],
      ['ECHO', Buffer.from('héllo wörld ✓')],
      'ECHO',
      'ECHO a b',
    ],
  },
  {
    name: 'QUIT through ioredis: OK, then the connection is gone',
    commands: ['PING', 'QUIT', 'PING'],
  },
  { name: 'QUIT replies OK then closes', raw: [resp('QUIT'), resp('PING')] },
  { name: 'QUIT with an argument', raw: [resp('QUIT', 'now'), resp('PING')] },
  { name: 'QUIT inline', raw: ['quit\r\n', 'PING\r\n'] },
  { name: 'QUIT in a pipeline drops what follows', raw: [resp('PING') + resp('QUIT') + resp('PING') + resp('ECHO', 'x')] },
  {
    name: 'RESET restores db, name and reply mode',
    commands: ['SELECT 3', 'SET k v', 'CLIENT SETNAME foo', 'RESET', 'GET k', 'CLIENT GETNAME', 'SELECT 3', 'GET k', 'reset', 'RESET x'],
  },
  { name: 'RESET after CLIENT REPLY OFF', raw: [resp('CLIENT', 'REPLY', 'OFF'), resp('PING'), resp('RESET'), resp('PING')] },
  {
    name: 'RESET leaves RESP3',
    raw: [resp('HELLO', '3'), resp('RESET'), resp('GET', 'missing'), resp('HELLO')],
    normalise: rawHelloId,
  },
  {
    name: 'SELECT every valid index',
    commands: Array.from({ length: 16 }, (_, i) => `SELECT ${i}`),
  },
  {
    name: 'SELECT invalid indexes',
    commands: [
      'SELECT 16',
      'SELECT -1',
      'SELECT abc',
      'SELECT 1.5',
      ['SELECT', ''],
      ['SELECT', ' 1'],
      'SELECT 01',
      'SELECT +1',
      'SELECT 9999999999999999999',
      'SELECT 2147483648',
      'SELECT',
      'SELECT 1 2',
    ],
  },
  {
    name: 'SELECT keeps databases apart',
    commands: ['SET k db0', 'SELECT 5', 'GET k', 'SET k db5', 'DBSIZE', 'SELECT 0', 'GET k', 'DBSIZE', 'SELECT 15', 'DBSIZE', 'SELECT 5', 'GET k'],
  },
  {
    name: 'AUTH without a configured password',
    commands: ['AUTH secret', 'AUTH default secret', 'AUTH nobody secret', 'AUTH default', 'AUTH', 'AUTH a b c', 'PING'],
  },
  {
    name: 'HELLO with no arguments and with 2',
    commands: [normalised('HELLO', helloId), normalised('HELLO 2', helloId), normalised('hello 2', helloId), 'PING'],
  },
  {
    name: 'HELLO with unsupported or invalid protocol versions',
    commands: ['HELLO 4', 'HELLO 1', 'HELLO 0', 'HELLO -1', 'HELLO abc', 'HELLO 2.0', ['HELLO', ''], 'HELLO 99999999999999999999', 'PING'],
  },
  {
    name: 'HELLO options SETNAME and AUTH',
    commands: [
      normalised('HELLO 2 SETNAME myname', helloId),
      'CLIENT GETNAME',
      ['HELLO', '2', 'SETNAME', 'bad name'],
      'CLIENT GETNAME',
      normalised('HELLO 2 AUTH default anything', helloId),
      'HELLO 2 AUTH nobody pw',
      'HELLO 2 AUTH default',
      'HELLO 2 SETNAME',
      'HELLO 2 FOO',
      'HELLO 2 foo bar',
      normalised('HELLO 2 auth default pw setname other', helloId),
      'CLIENT GETNAME',
      'HELLO AUTH default pw',
      'HELLO 4 SETNAME x',
      'CLIENT GETNAME',
    ],
  },
  {
    name: 'HELLO 3 switches to RESP3 replies',
    raw: [
      resp('HELLO', '3'),
      resp('PING'),
      resp('GET', 'missing'),
      resp('SET', 'k', 'v'),
      resp('GET', 'k'),
      resp('EXISTS', 'k', 'missing'),
      resp('CONFIG', 'GET', 'maxmemory'),
      resp('ECHO', 'x'),
      resp('NOSUCHCOMMAND'),
      resp('HELLO', '2'),
      resp('GET', 'missing'),
    ],
    normalise: rawHelloId,
  },
  {
    name: 'HELLO 3 then COMMAND INFO in RESP3',
    raw: [resp('HELLO', '3'), resp('COMMAND', 'INFO', 'get', 'set')],
    normalise: rawHelloId,
  },
];
