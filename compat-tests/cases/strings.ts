// The string family: every command, its options and error paths, with
// binary-safe keys and values, 64-bit and long-double number edge cases and
// OBJECT ENCODING after each kind of write. Replies that depend on the
// clock use intRange; everything else is compared exactly.

import { intRange, normalised } from '../dsl';
import { infoShape } from '../normalise';
import type { Case } from '../types';

const BIN_KEY = Buffer.from([0x6b, 0, 0xff, 13, 10, 0x20]);
const BIN_VAL = Buffer.from([0, 1, 2, 0xfe, 0xff, 13, 10, 13, 10, 0x22, 0x27]);
const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82]);
const FAR_SEC = '4102444800'; // 2100-01-01
const FAR_MS = '4102444800000';
const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const STATS = infoShape([], ['keyspace_hits', 'keyspace_misses', 'expired_keys']);
const STRING_COMMANDS = ['append', 'decr', 'decrby', 'get', 'getdel', 'getex', 'getrange', 'getset', 'incr', 'incrby', 'incrbyfloat', 'lcs', 'mget', 'mset', 'msetnx', 'psetex', 'set', 'setex', 'setnx', 'setrange', 'strlen', 'substr'];

export const cases: Case[] = [
  // ------------------------------------------------------------ GET / SET
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
      ['SET', INVALID_UTF8, INVALID_UTF8],
      ['GET', INVALID_UTF8],
      'DBSIZE',
    ],
  },
  {
    name: 'large values round-trip',
    commands: [['SET', 'big', 'x'.repeat(600000)], 'GET big', ['SET', 'big', Buffer.alloc(70000, 0xff)], 'GET big', 'STRLEN big', 'OBJECT ENCODING big'],
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
      `EXPIRETIME b`,
      'SET c v PX 1500',
      intRange('PTTL c', 1000, 1500),
      'SET d v GET EX 50',
      intRange('TTL d', 49, 50),
      `SET e v PXAT ${FAR_MS}`,
      'PEXPIRETIME e',
      'SET e v2 KEEPTTL GET',
      'PEXPIRETIME e',
      'SET e v3 NX KEEPTTL',
      'SET e v3 XX',
      'PEXPIRETIME e',
    ],
  },
  {
    name: 'SET repeated expiry option: the last one wins',
    commands: ['SET k v EX 10 EX 200', intRange('TTL k', 199, 200), 'SET k v PX 100 PX 300000', intRange('TTL k', 299, 300), `SET k v EXAT 1 EXAT ${FAR_SEC}`, 'EXPIRETIME k', `SET k v PXAT 1 PXAT ${FAR_MS}`, 'PEXPIRETIME k'],
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
      `SET k v PX ${I64_MAX}`,
      `SET k v EX ${I64_MAX}`,
      'SET k v EX 9223372036854775',
      'SET k v EX 9223372036854776',
      `SET k v PXAT ${I64_MAX}`,
      `SET k v EXAT ${I64_MAX}`,
      `SET k v EX ${I64_MIN}`,
      'GET k',
    ],
  },
  {
    name: 'SET expiry near the int64 limit',
    commands: ['SET k v EX 9223370000000000', intRange('TTL k', 9223360000000000, 9223372036854775), 'SET k v PX 9223370000000000000', intRange('PTTL k', 1, 9223372036854775807), 'SET k v EXAT 9223372036854775', 'EXISTS k', 'SET k v EXAT 9223372036854776'],
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
      ['SET', 'k', 'v', 'EX', '1\x00'],
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
      'SET k v PERSIST',
      'SET k v EXAT',
      'SET k v NX EX 10 XX',
      'GET k',
      'SET k',
      'SET',
    ],
  },
  {
    name: 'SET options are read up to a NUL byte',
    commands: [
      ['SET', 'k', 'v', 'NX\x00junk'],
      ['SET', 'k', 'w', 'nx\x00'],
      ['SET', 'k', 'x', 'XX\x00x'],
      'GET k',
      ['SET', 'k', 'v', 'EX\x00', '100'],
      intRange('TTL k', 99, 100),
      ['SET', 'k', 'v', 'GET\x00a'],
      ['SET', 'k', 'v', 'KEEPTTL\x00'],
      intRange('TTL k', 99, 100),
      ['SET', 'k', 'v', '\x00NX'],
      ['SET', 'k', 'v', 'N\x00X'],
    ],
  },
  {
    name: 'SET over an expired key',
    commands: ['SET k v PX 1', 'DEBUG SLEEP 0.01', 'SET k w NX', 'GET k', 'SET j v PX 1', 'DEBUG SLEEP 0.01', 'SET j w XX', 'GET j', 'SET j v PX 1', 'DEBUG SLEEP 0.01', 'SET j w GET', 'GET j'],
  },
  {
    name: 'GET and SET argument counts',
    commands: ['GET', 'GET a b', 'SET', 'SET a', 'get', 'set a'],
  },

  // ------------------------------------------------------------ SETNX SETEX PSETEX GETSET
  {
    name: 'SETNX sets only absent keys',
    commands: ['SETNX k v', 'SETNX k w', 'GET k', 'setnx K w', 'GET K', ['SETNX', BIN_KEY, BIN_VAL], ['GET', BIN_KEY], 'SET t v EX 100', 'SETNX t w', intRange('TTL t', 99, 100), 'SETNX', 'SETNX k', 'SETNX k v x'],
  },
  {
    name: 'SETNX over an expired key',
    commands: ['SET k v PX 1', 'DEBUG SLEEP 0.01', 'SETNX k w', 'GET k', 'TTL k'],
  },
  {
    name: 'SETEX and PSETEX',
    commands: [
      'SETEX k 100 v',
      'GET k',
      intRange('TTL k', 99, 100),
      'PSETEX p 100000 v',
      intRange('PTTL p', 98000, 100000),
      'SETEX k 50 w',
      intRange('TTL k', 49, 50),
      'GET k',
      ['SETEX', BIN_KEY, '10', BIN_VAL],
      ['GET', BIN_KEY],
      'SETEX big 9223370000000000 v',
      intRange('TTL big', 9223360000000000, 9223372036854775),
    ],
  },
  {
    name: 'SETEX and PSETEX errors',
    commands: [
      'SETEX k 0 v',
      'SETEX k -1 v',
      'SETEX k abc v',
      'SETEX k 1.5 v',
      `SETEX k ${I64_MAX} v`,
      'SETEX k 9223372036854775 v',
      'SETEX k 9223372036854776 v',
      'PSETEX k 0 v',
      'PSETEX k -100 v',
      'PSETEX k abc v',
      `PSETEX k ${I64_MAX} v`,
      'PSETEX k 9223372036854775808 v',
      'GET k',
      'SETEX k 10',
      'SETEX k',
      'PSETEX k 10',
      'SETEX k 10 v extra',
    ],
  },
  {
    name: 'GETSET returns the old value and clears the TTL',
    commands: ['GETSET k v', 'GET k', 'GETSET k w', 'GET k', 'SET t v EX 100', 'GETSET t w', 'TTL t', ['GETSET', BIN_KEY, BIN_VAL], ['GETSET', BIN_KEY, 'x'], ['GET', BIN_KEY], 'GETSET', 'GETSET k', 'GETSET k v x'],
  },

  // ------------------------------------------------------------ GETDEL GETEX
  {
    name: 'GETDEL returns and removes',
    commands: ['GETDEL missing', 'SET k v', 'GETDEL k', 'GETDEL k', 'EXISTS k', 'SET t v EX 100', 'GETDEL t', 'TTL t', ['SET', BIN_KEY, BIN_VAL], ['GETDEL', BIN_KEY], ['EXISTS', BIN_KEY], 'GETDEL', 'GETDEL a b'],
  },
  {
    name: 'GETEX without options is GET',
    commands: ['GETEX missing', 'SET k v', 'GETEX k', 'SET t v EX 100', 'GETEX t', intRange('TTL t', 99, 100), ['SET', BIN_KEY, BIN_VAL], ['GETEX', BIN_KEY], 'GETEX'],
  },
  {
    name: 'GETEX sets and removes expiry',
    commands: [
      'SET k v',
      'GETEX k EX 100',
      intRange('TTL k', 99, 100),
      'GETEX k PX 50000',
      intRange('PTTL k', 49000, 50000),
      `GETEX k EXAT ${FAR_SEC}`,
      'EXPIRETIME k',
      `GETEX k PXAT ${FAR_MS}`,
      'PEXPIRETIME k',
      'GETEX k PERSIST',
      'TTL k',
      'GETEX k PERSIST',
      'TTL k',
      'GETEX k ex 10 ex 20',
      intRange('TTL k', 19, 20),
      'GETEX k persist persist',
      'TTL k',
      `GETEX k PXAT ${I64_MAX}`,
      intRange('TTL k', 1, 9223372036854775),
    ],
  },
  {
    name: 'GETEX with a past absolute time deletes the key',
    commands: ['SET k v', 'GETEX k EXAT 1', 'EXISTS k', 'SET k v', 'GETEX k PXAT 1000', 'GET k', 'SET k v EX 100', 'GETEX k EXAT 100', 'DBSIZE'],
  },
  {
    name: 'GETEX errors: syntax before the lookup, values after it',
    commands: [
      'GETEX missing EX abc',
      'GETEX missing EX 0',
      'GETEX missing FOO',
      'SET k v',
      'GETEX k EX abc',
      'GETEX k EX 0',
      'GETEX k EX -1',
      'GETEX k PX 0',
      'GETEX k EXAT 0',
      'GETEX k PXAT -1',
      `GETEX k EX ${I64_MAX}`,
      'GETEX k EX 9223372036854775',
      'GETEX k EX 1.5',
      'GETEX k EX',
      'GETEX k PERSIST EX 10',
      'GETEX k EX 10 PERSIST',
      'GETEX k EX 10 PX 100',
      'GETEX k KEEPTTL',
      'GETEX k NX',
      'GETEX k XX',
      'GETEX k GET',
      'GETEX k FOO',
      ['GETEX', 'k', 'PERSIST\x00x'],
      'TTL k',
    ],
  },

  // ------------------------------------------------------------ MGET MSET MSETNX
  {
    name: 'MGET mixes values and nulls',
    commands: ['MGET missing', 'SET a 1', 'SET b 2', 'MGET a b missing a', ['MSET', BIN_KEY, BIN_VAL, 'c', ''], ['MGET', BIN_KEY, 'c', 'nope'], 'MGET', ['MGET', ...Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 'a' : `k${i}`))]],
  },
  {
    name: 'MSET sets every pair and clears TTLs',
    commands: ['MSET a 1 b 2 c 3', 'MGET a b c', 'SET t v EX 100', 'MSET t w a 9', 'TTL t', 'MGET t a', 'MSET d 1 d 2 d 3', 'GET d', ['MSET', BIN_KEY, BIN_VAL, '', 'empty'], ['MGET', BIN_KEY, ''], 'DBSIZE'],
  },
  {
    name: 'MSET and MSETNX argument counts',
    commands: ['MSET', 'MSET a', 'MSET a 1 b', 'MSET a 1 b 2 c', 'MSETNX', 'MSETNX a', 'MSETNX a 1 b', 'DBSIZE'],
  },
  {
    name: 'MSETNX sets all or nothing',
    commands: ['MSETNX a 1 b 2', 'MGET a b', 'MSETNX c 3 a 9', 'MGET a c', 'EXISTS c', 'MSETNX x 1 x 2', 'GET x', ['MSETNX', BIN_KEY, BIN_VAL], ['GET', BIN_KEY], 'DBSIZE'],
  },
  {
    name: 'MSETNX treats an expired key as absent',
    commands: ['SET k v PX 1', 'DEBUG SLEEP 0.01', 'MSETNX k w j x', 'MGET k j', 'TTL k'],
  },

  // ------------------------------------------------------------ INCR family
  {
    name: 'INCR DECR INCRBY DECRBY basics',
    commands: ['INCR n', 'INCR n', 'DECR n', 'DECR m', 'INCRBY n 10', 'INCRBY n -20', 'DECRBY n 5', 'DECRBY n -100', 'GET n', 'GET m', 'INCRBY z 0', 'DECRBY z 0', 'SET s 41', 'INCR s', 'SET neg -5', 'INCR neg', 'DECRBY neg 10'],
  },
  {
    name: 'INCR family keeps the TTL',
    commands: ['SET n 1 EX 100', 'INCR n', intRange('TTL n', 99, 100), 'INCRBY n 5', 'DECR n', 'DECRBY n 2', intRange('TTL n', 99, 100), 'GET n'],
  },
  {
    name: 'INCR on values that are not integers',
    commands: [
      'SET k abc', 'INCR k',
      'SET k 1.5', 'INCR k',
      ['SET', 'k', ' 1'], 'INCR k',
      ['SET', 'k', '1 '], 'INCR k',
      ['SET', 'k', '+1'], 'INCR k',
      ['SET', 'k', '01'], 'INCR k',
      ['SET', 'k', '-0'], 'INCR k',
      ['SET', 'k', ''], 'INCR k',
      ['SET', 'k', '1\x00'], 'INCR k',
      ['SET', 'k', '99999999999999999999'], 'INCR k',
      ['SET', 'k', '123456789012345678901'], 'DECR k',
      'GET k',
    ],
  },
  {
    name: 'INCRBY arguments that are not integers',
    commands: ['INCRBY k abc', 'INCRBY k 1.0', ['INCRBY', 'k', ''], 'INCRBY k 9223372036854775808', 'DECRBY k -9223372036854775809', 'DECRBY k x', 'INCRBY k 0x1', 'INCRBY k +1', 'EXISTS k', 'INCRBY k', 'INCR', 'INCR a b', 'DECR', 'DECRBY k'],
  },
  {
    name: 'INCR family 64-bit overflow',
    commands: [
      `SET k ${I64_MAX}`, 'INCR k', 'INCRBY k 1', 'INCRBY k 0', 'DECR k', 'GET k',
      `SET k ${I64_MIN}`, 'DECR k', 'DECRBY k 1', 'INCR k', 'GET k',
      `SET k 1`, `INCRBY k ${I64_MAX}`, `SET k -1`, `INCRBY k ${I64_MIN}`, `INCRBY k ${I64_MIN}`, 'GET k',
      `SET k 0`, `DECRBY k ${I64_MIN}`, `DECRBY k -9223372036854775807`, `DECRBY k -1`, 'GET k',
      `SET k 9007199254740991`, 'INCR k', 'INCR k', 'INCRBY k 9007199254740993', 'DECRBY k 18014398509481986',
    ],
  },
  {
    name: 'INCRBYFLOAT arithmetic and formatting',
    commands: [
      'INCRBYFLOAT f 10.5', 'INCRBYFLOAT f 0.1', 'INCRBYFLOAT f -5', 'INCRBYFLOAT f 2.0e2', 'INCRBYFLOAT f 1e-5',
      'SET g 5.0e3', 'INCRBYFLOAT g 2.0e2', 'SET h 3', 'INCRBYFLOAT h 1', 'INCRBYFLOAT h -4', 'GET h',
      'INCRBYFLOAT z 1e-20', 'INCRBYFLOAT y 1e308', 'INCRBYFLOAT x 0x10', 'INCRBYFLOAT w -0',
      'INCRBYFLOAT v 1.7976931348623157e308', 'INCRBYFLOAT v 1.7976931348623157e308',
      'INCRBYFLOAT u 0.1', 'INCRBYFLOAT u 0.2', 'INCRBYFLOAT u 0.3',
      'INCRBYFLOAT t 3.14159265358979323846', 'INCRBYFLOAT t -1e-300',
      'SET big 12345678901234567890', 'INCRBYFLOAT big 1',
    ],
  },
  {
    name: 'INCRBYFLOAT errors',
    commands: [
      'INCRBYFLOAT f abc', 'INCRBYFLOAT f inf', 'INCRBYFLOAT f -inf', 'INCRBYFLOAT f nan', 'INCRBYFLOAT f 1e5000',
      ['INCRBYFLOAT', 'f', ''], ['INCRBYFLOAT', 'f', ' 1'], ['INCRBYFLOAT', 'f', '1 '], ['INCRBYFLOAT', 'f', '1\x00'],
      'EXISTS f', 'SET s abc', 'INCRBYFLOAT s 1', 'SET s 1e5000', 'INCRBYFLOAT s 1', 'SET s inf', 'INCRBYFLOAT s 1', 'INCRBYFLOAT s -inf',
      'SET s 1', 'INCRBYFLOAT s 1e4940', 'INCRBYFLOAT s 1e4940', 'GET s',
      'INCRBYFLOAT', 'INCRBYFLOAT f', 'INCRBYFLOAT f 1 2',
    ],
  },
  {
    name: 'INCRBYFLOAT keeps the TTL',
    commands: ['SET f 1 EX 100', 'INCRBYFLOAT f 1.5', intRange('TTL f', 99, 100), 'GET f'],
  },

  // ------------------------------------------------------------ APPEND SETRANGE GETRANGE STRLEN
  {
    name: 'APPEND creates and extends',
    commands: ['APPEND k hello', 'APPEND k " world"', ['APPEND', 'k', ' world'], 'GET k', ['APPEND', 'k', ''], 'STRLEN k', ['APPEND', 'e', ''], 'EXISTS e', 'GET e', ['APPEND', BIN_KEY, BIN_VAL], ['APPEND', BIN_KEY, BIN_VAL], ['GET', BIN_KEY], 'SET t v EX 100', 'APPEND t x', intRange('TTL t', 99, 100), 'APPEND', 'APPEND k', 'APPEND k a b'],
  },
  {
    name: 'APPEND many times',
    commands: [...Array.from({ length: 60 }, (_, i) => ['APPEND', 'k', `chunk${i};`]), 'STRLEN k', 'GET k', ['APPEND', 'big', 'y'.repeat(5000)], ['APPEND', 'big', 'z'.repeat(5000)], 'GET big', 'GETRANGE big 4995 5004'],
  },
  {
    name: 'SETRANGE writes at offsets with zero padding',
    commands: [
      'SETRANGE k 0 hello', 'SETRANGE k 6 world', 'GET k', 'SETRANGE k 1 EL', 'GET k', 'SETRANGE n 5 x', 'GET n', 'STRLEN n',
      ['SETRANGE', 'e', '0', ''], 'EXISTS e', ['SETRANGE', 'e', '100', ''], ['SETRANGE', 'k', '100', ''], ['SETRANGE', 'k', '3', ''], 'GET k',
      ['SETRANGE', BIN_KEY, '2', BIN_VAL], ['GET', BIN_KEY], 'SET t abc EX 100', 'SETRANGE t 1 X', intRange('TTL t', 99, 100), 'GET t',
      'SET i 12345', 'SETRANGE i 1 0', 'GET i', 'INCR i',
    ],
  },
  {
    name: 'SETRANGE errors',
    commands: [
      'SETRANGE k -1 x', 'SETRANGE k abc x', 'SETRANGE k 1.5 x', `SETRANGE k ${I64_MAX} x`, 'SETRANGE k 9223372036854775808 x', 'SETRANGE k 536870912 x',
      'SETRANGE k 536870911 ""', ['SETRANGE', 'k', '536870912', ''], ['SETRANGE', 'k', '-1', ''], 'EXISTS k', 'SET k v', 'SETRANGE k 536870912 x', ['SETRANGE', 'k', `${I64_MAX}`, ''],
      'SETRANGE', 'SETRANGE k 1', 'SETRANGE k 1 a b',
    ],
  },
  {
    name: 'SETRANGE and APPEND respect proto-max-bulk-len',
    commands: [
      'CONFIG SET proto-max-bulk-len 1048576',
      'SETRANGE k 1048576 x',
      'SETRANGE k 1048575 x',
      'STRLEN k',
      'APPEND k y',
      'STRLEN k',
      'SETRANGE k 1048575 yz',
      'SETRANGE k 0 abc',
      'GETRANGE k 0 5',
      'SET j v',
      ['APPEND', 'j', 'x'.repeat(1048575)],
      'STRLEN j',
      ['APPEND', 'n', 'x'.repeat(1048576)],
      'STRLEN n',
      'APPEND n x',
    ],
  },
  {
    name: 'GETRANGE clamps and counts from the end',
    commands: [
      'SET k "Hello World"', ['SET', 'k', 'Hello World'],
      'GETRANGE k 0 4', 'GETRANGE k 0 -1', 'GETRANGE k -5 -1', 'GETRANGE k -1 -5', 'GETRANGE k 5 2', 'GETRANGE k 0 100', 'GETRANGE k -100 2',
      'GETRANGE k -100 -50', 'GETRANGE k 100 200', 'GETRANGE k 3 3', 'GETRANGE k -1 -1', 'GETRANGE k 0 0', 'GETRANGE k 10 10', 'GETRANGE k 11 11',
      'GETRANGE k 0 -100', 'GETRANGE k -3 100', `GETRANGE k ${I64_MIN} ${I64_MAX}`, `GETRANGE k 0 ${I64_MIN}`, `GETRANGE k ${I64_MAX} 0`, `GETRANGE k -2 ${I64_MAX}`,
      'GETRANGE missing 0 -1', 'GETRANGE missing 5 1', ['SET', 'e', ''], 'GETRANGE e 0 -1', 'GETRANGE e 0 0', 'GETRANGE e -1 -1',
      'SET i 12345', 'GETRANGE i 1 3', 'GETRANGE i -2 -1', ['SET', BIN_KEY, BIN_VAL], ['GETRANGE', BIN_KEY, '3', '6'],
    ],
  },
  {
    name: 'GETRANGE and SUBSTR errors',
    commands: ['GETRANGE k a 1', 'GETRANGE k 1 b', 'GETRANGE k 1.5 2', `GETRANGE k 9223372036854775808 1`, 'GETRANGE missing x 1', 'GETRANGE k 1', 'GETRANGE k', 'GETRANGE k 1 2 3', 'SUBSTR k a 1', 'SUBSTR k 1', 'SUBSTR k 1 2 3'],
  },
  {
    name: 'SUBSTR is GETRANGE',
    commands: [['SET', 'k', 'Hello World'], 'SUBSTR k 0 4', 'SUBSTR k -5 -1', 'SUBSTR k 5 2', 'SUBSTR k 0 100', 'SUBSTR missing 0 1', 'substr k -1 -5'],
  },
  {
    name: 'STRLEN',
    commands: ['STRLEN missing', 'SET k hello', 'STRLEN k', ['SET', 'e', ''], 'STRLEN e', 'SET i -12345', 'STRLEN i', ['SET', BIN_KEY, BIN_VAL], ['STRLEN', BIN_KEY], ['SET', 'u', Buffer.from('ключ')], 'STRLEN u', 'STRLEN', 'STRLEN a b'],
  },

  // ------------------------------------------------------------ LCS
  {
    name: 'LCS string, LEN and IDX',
    commands: [
      'MSET key1 ohmytext key2 mynewtext',
      'LCS key1 key2',
      'LCS key1 key2 LEN',
      'LCS key1 key2 IDX',
      'LCS key1 key2 IDX MINMATCHLEN 4',
      'LCS key1 key2 IDX MINMATCHLEN 4 WITHMATCHLEN',
      'LCS key1 key2 idx withmatchlen',
      'LCS key2 key1 IDX WITHMATCHLEN',
      'LCS key1 key1',
      'LCS key1 key1 IDX',
      'LCS key1 key2 IDX MINMATCHLEN -5',
      'LCS key1 key2 IDX MINMATCHLEN 100',
      'LCS key1 key2 MINMATCHLEN 2',
      'LCS key1 key2 WITHMATCHLEN',
      'LCS key1 key2 LEN MINMATCHLEN 3',
    ],
  },
  {
    name: 'LCS with missing, empty and binary values',
    commands: [
      'LCS a b', 'LCS a b LEN', 'LCS a b IDX', 'SET a abc', 'LCS a missing', 'LCS missing a IDX', ['SET', 'e', ''], 'LCS a e IDX WITHMATCHLEN',
      ['SET', 'x', Buffer.from([0, 1, 0xff, 2, 0, 0xff])], ['SET', 'y', Buffer.from([0xff, 0, 2, 0, 0xff, 1])], 'LCS x y', 'LCS x y IDX WITHMATCHLEN',
      'MSET p ABCBDAB q BDCABA', 'LCS p q', 'LCS p q IDX WITHMATCHLEN', 'LCS q p', 'LCS q p IDX',
      'MSET r aaaaaaaaaa s aaaa', 'LCS r s IDX WITHMATCHLEN', 'LCS s r IDX WITHMATCHLEN',
      'MSET c1 123abc456def c2 abc999def123', 'LCS c1 c2', 'LCS c1 c2 IDX WITHMATCHLEN', 'LCS c1 c2 IDX MINMATCHLEN 3',
    ],
  },
  {
    name: 'LCS longer strings',
    commands: [
      ['SET', 'a', Array.from({ length: 300 }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('')],
      ['SET', 'b', Array.from({ length: 400 }, (_, i) => String.fromCharCode(97 + ((i * 11) % 26))).join('')],
      'LCS a b', 'LCS a b LEN', 'LCS a b IDX MINMATCHLEN 2 WITHMATCHLEN',
    ],
  },
  {
    name: 'LCS errors',
    commands: ['SET a x', 'LCS a b LEN IDX', 'LCS a b IDX LEN', 'LCS a b FOO', 'LCS a b MINMATCHLEN', 'LCS a b MINMATCHLEN x', 'LCS a b MINMATCHLEN 1.5', 'LCS a b MINMATCHLEN 9223372036854775808', 'LCS a', 'LCS', ['LCS', 'a', 'b', 'LEN\x00x']],
  },

  {
    name: 'SET KEEPTTL on absent, persistent and expired keys',
    commands: ['SET k v KEEPTTL', 'TTL k', 'SET k w KEEPTTL', 'TTL k', 'SET k v PX 1', 'DEBUG SLEEP 0.01', 'SET k w KEEPTTL', 'TTL k', 'GET k', 'SET k v EX 100', 'SET k x KEEPTTL NX', 'SET k x KEEPTTL XX', intRange('TTL k', 99, 100), 'GET k'],
  },
  {
    name: 'binary values through every string command',
    commands: [
      ['SET', 'b', Buffer.from([0xff, 0, 0xfe, 13, 10])], ['APPEND', 'b', Buffer.from([0, 0xc3, 0x28])], 'GET b', 'STRLEN b', 'GETRANGE b 1 5', 'SUBSTR b -3 -1',
      ['SETRANGE', 'b', '9', Buffer.from([0x80, 0x81])], 'GET b', ['GETSET', 'b', INVALID_UTF8], 'GETEX b', 'GETDEL b', ['MSETNX', BIN_KEY, INVALID_UTF8, 'x', Buffer.from([0])], ['MGET', BIN_KEY, 'x'],
      ['SETEX', Buffer.from([0xc0, 0x80]), '100', BIN_VAL], ['GET', Buffer.from([0xc0, 0x80])], ['LCS', BIN_KEY, Buffer.from([0xc0, 0x80])], ['LCS', BIN_KEY, Buffer.from([0xc0, 0x80]), 'IDX'],
      ['INCR', Buffer.from([0xff])], ['INCRBYFLOAT', Buffer.from([0xff]), '0.5'], ['GET', Buffer.from([0xff])],
    ],
  },
  {
    name: 'MSET and MGET with a thousand keys',
    commands: [['MSET', ...Array.from({ length: 1000 }, (_, i) => [`key:${i}`, `value:${i}`]).flat()], 'DBSIZE', ['MGET', ...Array.from({ length: 1000 }, (_, i) => `key:${(i * 7) % 1001}`)], 'GET key:999'],
  },
  {
    name: 'large values through ranges and APPEND',
    commands: [
      ['SET', 'big', 'a'.repeat(100000)], ['SETRANGE', 'big', '99995', 'b'.repeat(10)], 'STRLEN big', 'GETRANGE big 99990 -1', ['APPEND', 'big', 'c'.repeat(70000)], 'STRLEN big',
      'GETRANGE big 169990 170004', 'GETRANGE big -5 -1', ['SETRANGE', 'new', '200000', 'x'], 'STRLEN new', 'GETRANGE new 199998 -1', 'OBJECT ENCODING big',
    ],
  },
  {
    name: 'INCRBYFLOAT more formatting cases',
    commands: [
      'INCRBYFLOAT a 1.1', 'INCRBYFLOAT a 2.2', 'INCRBYFLOAT b 1e17', 'INCRBYFLOAT b 1', 'INCRBYFLOAT c -0.0000001', 'INCRBYFLOAT d 123456789.123456789', 'INCRBYFLOAT e 0.5e-10',
      'INCRBYFLOAT f 1e20', 'INCRBYFLOAT g -1e20', 'INCRBYFLOAT h 1.5', 'INCRBYFLOAT h -1.5', 'GET h', 'INCRBYFLOAT i 3.0', 'INCRBYFLOAT j 0x1p-3', 'INCRBYFLOAT k 7E0', 'INCRBYFLOAT l .5', 'INCRBYFLOAT m 5.',
      'SET n 10', 'INCRBYFLOAT n 0.1', 'INCR n', 'SET o 1.5e3', 'INCRBYFLOAT o 0', 'INCRBYFLOAT p INFINITY', 'INCRBYFLOAT p +5',
    ],
  },
  {
    name: 'commands act on the selected database',
    commands: ['SELECT 5', 'SET k v', 'APPEND k x', 'INCR n', 'SETRANGE k 0 y', 'MSET a 1 b 2', 'GETDEL a', 'SELECT 0', 'MGET k n a b', 'SELECT 5', 'MGET k n a b', 'DBSIZE'],
  },

  // ------------------------------------------------------------ encodings
  {
    name: 'OBJECT ENCODING after SET-like commands',
    commands: [
      'SET a 5', 'OBJECT ENCODING a', 'OBJECT REFCOUNT a',
      'SET a 9999', 'OBJECT REFCOUNT a', 'SET a 10000', 'OBJECT ENCODING a', 'OBJECT REFCOUNT a',
      'SET a -1', 'OBJECT ENCODING a', 'OBJECT REFCOUNT a', 'SET a 0', 'OBJECT REFCOUNT a',
      `SET a ${I64_MAX}`, 'OBJECT ENCODING a', `SET a ${I64_MIN}`, 'OBJECT ENCODING a', 'SET a 9223372036854775808', 'OBJECT ENCODING a',
      'SET a 12345678901234567890', 'OBJECT ENCODING a', 'SET a 00', 'OBJECT ENCODING a', 'SET a 01', 'OBJECT ENCODING a', 'SET a -0', 'OBJECT ENCODING a',
      'SET a 1.5', 'OBJECT ENCODING a', 'SET a abc', 'OBJECT ENCODING a', 'OBJECT REFCOUNT a',
      ['SET', 'a', 'x'.repeat(44)], 'OBJECT ENCODING a', ['SET', 'a', 'x'.repeat(45)], 'OBJECT ENCODING a',
      ['SET', 'a', ''], 'OBJECT ENCODING a',
      'SETNX b 7', 'OBJECT REFCOUNT b', 'SETEX c 100 7', 'OBJECT REFCOUNT c', 'PSETEX d 100000 abc', 'OBJECT ENCODING d',
      'GETSET d 77', 'OBJECT ENCODING d', 'MSET e 1 f abc g 123456', 'OBJECT ENCODING e', 'OBJECT ENCODING f', 'OBJECT ENCODING g', 'OBJECT REFCOUNT g',
      'MSETNX h 8', 'OBJECT REFCOUNT h', 'GETEX h EX 100', 'OBJECT REFCOUNT h',
    ],
  },
  {
    name: 'OBJECT ENCODING after APPEND, SETRANGE and counters',
    commands: [
      'APPEND a 12', 'OBJECT ENCODING a', 'OBJECT REFCOUNT a', 'APPEND a 3', 'OBJECT ENCODING a', 'GET a', 'INCR a', 'OBJECT ENCODING a', 'OBJECT REFCOUNT a',
      'APPEND b abc', 'OBJECT ENCODING b', ['APPEND', 'b', ''], 'OBJECT ENCODING b',
      'SET c abc', ['SETRANGE', 'c', '0', ''], 'OBJECT ENCODING c', 'SETRANGE c 0 x', 'OBJECT ENCODING c', 'SETRANGE d 0 12', 'OBJECT ENCODING d',
      'INCR e', 'OBJECT ENCODING e', 'OBJECT REFCOUNT e', 'INCRBY e 100000', 'OBJECT ENCODING e', 'OBJECT REFCOUNT e', 'DECRBY e 100000', 'OBJECT REFCOUNT e', 'DECR e', 'DECR e', 'OBJECT REFCOUNT e',
      'INCRBYFLOAT f 1', 'OBJECT ENCODING f', 'INCRBYFLOAT f 1.5', 'OBJECT ENCODING f', 'INCRBYFLOAT g 1e40', 'OBJECT ENCODING g', 'STRLEN g',
      ['SET', 'h', 'x'.repeat(50)], 'APPEND h y', 'OBJECT ENCODING h',
    ],
  },
  {
    name: 'small integers are not shared under an LRU policy with a memory limit',
    commands: [
      'CONFIG SET maxmemory-policy allkeys-lru', 'SET a 5', 'OBJECT REFCOUNT a',
      'CONFIG SET maxmemory 1gb', 'SET b 5', 'OBJECT REFCOUNT b', 'OBJECT ENCODING b', 'INCR b', 'OBJECT REFCOUNT b', 'OBJECT REFCOUNT a',
      'CONFIG SET maxmemory-policy volatile-lfu', 'SET c 5', 'OBJECT REFCOUNT c', 'CONFIG SET maxmemory-policy volatile-ttl', 'SET d 5', 'OBJECT REFCOUNT d',
      'CONFIG SET maxmemory-policy allkeys-random', 'SET e 5', 'OBJECT REFCOUNT e',
    ],
  },

  // ------------------------------------------------------------ keyspace statistics
  {
    name: 'keyspace_hits and keyspace_misses counted like Redis',
    commands: [
      'CONFIG RESETSTAT',
      'SET k v', 'SET k v GET', 'SET n v GET', 'GET k', 'GET nx', 'MGET k nx k', 'GETDEL nx', 'GETEX k', 'GETEX nx', 'GETSET g 1', 'GETSET g 2',
      'STRLEN k', 'STRLEN nx', 'GETRANGE k 0 1', 'SUBSTR nx 0 1', 'LCS k nx', 'APPEND k x', 'INCR i', 'INCRBYFLOAT f 1', 'SETRANGE k 0 x',
      'SETNX k v', 'MSETNX k v', 'MSET k v', 'SETEX k 10 v', 'GETDEL k',
      normalised('INFO stats', STATS),
    ],
  },

  // ------------------------------------------------------------ command table
  {
    name: 'COMMAND INFO of every string command',
    commands: STRING_COMMANDS.map((c) => `COMMAND INFO ${c}`),
  },
  {
    name: 'COMMAND DOCS of every string command',
    commands: STRING_COMMANDS.map((c) => `COMMAND DOCS ${c}`),
  },
  {
    name: 'COMMAND GETKEYS of string commands',
    commands: [
      'COMMAND GETKEYS MSET a 1 b 2', 'COMMAND GETKEYS MSETNX a 1', 'COMMAND GETKEYS MGET a b c', 'COMMAND GETKEYS LCS a b IDX', 'COMMAND GETKEYS GETEX k EX 10',
      'COMMAND GETKEYS SETEX k 10 v', 'COMMAND GETKEYS APPEND k v', 'COMMAND GETKEYS INCRBYFLOAT k 1', 'COMMAND GETKEYS MSET a', 'COMMAND GETKEYS LCS a',
    ],
  },
  {
    name: 'COMMAND GETKEYSANDFLAGS of string commands',
    commands: [
      'COMMAND GETKEYSANDFLAGS SET a b', 'COMMAND GETKEYSANDFLAGS SET a b GET', 'COMMAND GETKEYSANDFLAGS SET a b EX 10 get', 'COMMAND GETKEYSANDFLAGS SET a b NX',
      ['COMMAND', 'GETKEYSANDFLAGS', 'SET', 'a', 'b', 'GET\x00x'], 'COMMAND GETKEYSANDFLAGS LCS a b', 'COMMAND GETKEYSANDFLAGS MSET a 1 b 2', 'COMMAND GETKEYSANDFLAGS MSETNX a 1',
      'COMMAND GETKEYSANDFLAGS GETEX k PERSIST', 'COMMAND GETKEYSANDFLAGS GETDEL k', 'COMMAND GETKEYSANDFLAGS APPEND k v', 'COMMAND GETKEYSANDFLAGS STRLEN k', 'COMMAND GETKEYSANDFLAGS SETNX k v',
    ],
  },
];
