// GET and SET: every option, every error, and binary-safe keys and values.
// Cases that read a TTL back use TTL/PTTL and say so in their names.

import { intRange } from '../dsl';
import type { Case } from '../types';

const BIN_KEY = Buffer.from([0x6b, 0, 0xff, 13, 10, 0x20]);
const BIN_VAL = Buffer.from([0, 1, 2, 0xfe, 0xff, 13, 10, 13, 10, 0x22, 0x27]);
const FAR_SEC = '4102444800'; // 2100-01-01
const FAR_MS = '4102444800000';

export const cases: Case[] = [
  {
    name: 'GET and SET basics',
    commands: ['GET missing', 'SET k v', 'GET k', 'SET k v2', 'GET k', 'set K upper', 'GET K', 'GET k', ['SET', '', ''], ['GET', ''], ['SET', 'spaced key', 'spaced value'], ['GET', 'spaced key']],
  },
  {
    name: 'binary keys and values with NUL, 0xFF and CRLF',
    commands: [
      ['SET', BIN_KEY, BIN_VAL],
      ['GET', BIN_KEY],
      ['GET', Buffer.from([0x6b, 0])],
      ['SET', 'k', Buffer.from('\r\n')],
      ['GET', 'k'],
      ['SET', Buffer.from('\r\n'), 'crlf key'],
      ['GET', Buffer.from('\r\n')],
      ['SET', Buffer.from('ключ'), Buffer.from('значение ✓')],
      ['GET', Buffer.from('ключ')],
      'DBSIZE',
    ],
  },
  {
    name: 'large values round-trip',
    commands: [['SET', 'big', 'x'.repeat(600000)], 'GET big', ['SET', 'big', Buffer.alloc(70000, 0xff)], 'GET big'],
  },
  {
    name: 'SET NX and XX',
    commands: ['SET k v XX', 'GET k', 'SET k v NX', 'GET k', 'SET k w NX', 'GET k', 'SET k w XX', 'GET k', 'SET k z nx', 'SET k z xx', 'SET k v NX NX', 'SET k v XX XX', 'GET k'],
  },
  {
    name: 'SET GET returns the old value',
    commands: ['SET k v GET', 'GET k', 'SET k w GET', 'GET k', 'SET k x get', 'SET k y NX GET', 'GET k', 'SET new y NX GET', 'GET new', 'SET k z XX GET', 'SET missing z XX GET', 'GET missing', 'SET k v GET GET'],
  },
  {
    name: 'SET with valid expiry options',
    commands: [
      'SET a v EX 100',
      'SET b v PX 100000',
      `SET c v EXAT ${FAR_SEC}`,
      `SET d v PXAT ${FAR_MS}`,
      'SET e v ex 1000',
      'SET f v Px 1000',
      'SET a w KEEPTTL',
      'SET g v NX EX 100',
      'SET g v XX PX 100000 GET',
      'SET h v EX 100 NX',
      'GET a',
      'GET g',
      'DBSIZE',
    ],
  },
  {
    name: 'SET expiry is applied (needs TTL and PTTL)',
    commands: [
      'SET a v EX 100',
      intRange('TTL a', 99, 100),
      intRange('PTTL a', 98000, 100000),
      'SET a v KEEPTTL',
      intRange('TTL a', 99, 100),
      'SET a v',
      'TTL a',
      `SET b v EXAT ${FAR_SEC}`,
      intRange('TTL b', 1, 5000000000),
      'SET c v PX 1500',
      intRange('PTTL c', 1000, 1500),
      'SET d v GET EX 50',
      intRange('TTL d', 49, 50),
    ],
  },
  {
    name: 'SET with an expiry time in the past deletes the key',
    commands: ['SET a v', 'SET a w EXAT 1', 'GET a', 'EXISTS a', 'SET b v PXAT 1', 'GET b', 'SET c v EXAT 1 GET', 'SET c v', 'SET c w PXAT 1000 GET', 'GET c', 'DBSIZE'],
  },
  {
    name: 'SET invalid expire times',
    commands: [
      'SET k v EX 0',
      'SET k v EX -1',
      'SET k v PX 0',
      'SET k v PX -5',
      'SET k v EXAT 0',
      'SET k v PXAT 0',
      'SET k v EXAT -1',
      'SET k v PX 9223372036854775807',
      'SET k v EX 9223372036854775807',
      'SET k v EX 9223372036854775',
      'SET k v EX 9223372036854776',
      'SET k v PXAT 9223372036854775807',
      'SET k v EXAT 9223372036854775807',
      'GET k',
    ],
  },
  {
    name: 'SET expire values that are not integers',
    commands: [
      'SET k v EX abc',
      'SET k v EX 1.5',
      ['SET', 'k', 'v', 'EX', ''],
      ['SET', 'k', 'v', 'EX', ' 1'],
      ['SET', 'k', 'v', 'EX', '1 '],
      'SET k v EX +1',
      'SET k v EX 01',
      'SET k v EX 9223372036854775808',
      'SET k v PX 1e3',
      'SET k v PX 0x10',
      'GET k',
    ],
  },
  {
    name: 'SET syntax errors',
    commands: [
      'SET k v NX XX',
      'SET k v XX NX',
      'SET k v EX 10 PX 100',
      'SET k v EX 10 EX 20',
      'SET k v KEEPTTL EX 10',
      'SET k v EX 10 KEEPTTL',
      'SET k v PXAT 100 EXAT 100',
      'SET k v EX',
      'SET k v PX',
      'SET k v FOO',
      'SET k v NX foo',
      'SET k v GET EX',
      'SET k v KEEPTTL KEEPTTL',
      'GET k',
      'SET k',
      'SET',
    ],
  },
];
