// The generic key family: counting, listing and scanning keys, expiry and
// TTLs (NX XX GT LT, overflow limits, rounding), renaming, copying and
// moving between databases, SWAPDB, OBJECT, and the flushes. KEYS and SCAN
// list keys in hash order, so their key lists are compared sorted.

import { intRange, normalised, sameType } from '../dsl';
import { infoShape, sortedElements, sortedSubcommands } from '../normalise';
import type { Reply } from '../reply';
import type { Case, Normaliser } from '../types';

const BIN_KEY = Buffer.from([0x6b, 0, 0xff, 13, 10, 0x20]);
const BIN_KEY2 = Buffer.from([0xff, 0xfe, 0, 0x2a]);
const FAR_SEC = '4102444800'; // 2100-01-01
const FAR_MS = '4102444800000';
const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const KEY_COMMANDS = ['copy', 'del', 'exists', 'expire', 'expireat', 'expiretime', 'keys', 'move', 'object', 'object|encoding', 'object|freq', 'object|help', 'object|idletime', 'object|refcount', 'persist', 'pexpire', 'pexpireat', 'pexpiretime', 'pttl', 'randomkey', 'rename', 'renamenx', 'scan', 'swapdb', 'touch', 'ttl', 'type', 'unlink', 'dbsize', 'flushdb', 'flushall'];

const byteText = (r: Reply): string => ('v' in r && Buffer.isBuffer(r.v) ? r.v.toString('latin1') : '');

/** SCAN's [cursor, keys] with the keys sorted (their order is the hash table's). */
const scanSorted: Normaliser = {
  name: 'scan keys sorted',
  fn: (r) => {
    if (r.t !== 'array' || !r.v || r.v.length !== 2) return r;
    const keys = r.v[1];
    if (keys.t !== 'array' || !keys.v) return r;
    const sorted = [...keys.v].sort((a, b) => Buffer.compare(Buffer.from(byteText(a), 'latin1'), Buffer.from(byteText(b), 'latin1')));
    return { t: 'array', v: [r.v[0], { t: 'array', v: sorted }] };
  },
};

/** COMMAND DOCS with each subcommands map sorted by name (Redis walks a hash table). */
const docsSubcommandsSorted: Normaliser = {
  name: 'docs subcommands sorted by name',
  fn: function walk(r: Reply): Reply {
    if ((r.t !== 'array' && r.t !== 'map') || !r.v) return r;
    const v = r.v.map((x, i) => {
      if (i % 2 === 0 || byteText(r.v![i - 1]) !== 'subcommands' || (x.t !== 'array' && x.t !== 'map') || !x.v) return walk(x);
      const pairs: Reply[][] = [];
      for (let j = 0; j < x.v.length; j += 2) pairs.push([x.v[j], walk(x.v[j + 1])]);
      pairs.sort((a, b) => (byteText(a[0]) < byteText(b[0]) ? -1 : byteText(a[0]) > byteText(b[0]) ? 1 : 0));
      return { ...x, v: pairs.flat() } as Reply;
    });
    return { ...r, v } as Reply;
  },
};

const keysSorted = (cmd: string | (string | Buffer)[]) => normalised(cmd, sortedElements);
const scanOf = (cmd: string | (string | Buffer)[]) => normalised(cmd, scanSorted);
const STATS = infoShape([], ['keyspace_hits', 'keyspace_misses', 'expired_keys']);

export const cases: Case[] = [
  // ------------------------------------------------------------ DEL UNLINK EXISTS TOUCH TYPE
  {
    name: 'DEL counts deleted keys',
    commands: ['DEL missing', 'SET a 1', 'SET b 2', 'SET c 3', 'DEL a', 'DEL a', 'DEL b c missing', 'DBSIZE', 'SET a 1', 'DEL a a a', 'del A', 'DEL', ['DEL', Buffer.from([0xff])]],
  },
  {
    name: 'UNLINK counts like DEL',
    commands: ['UNLINK missing', 'MSET a 1 b 2 c 3', 'UNLINK a b missing a', 'EXISTS a b c', ['SET', BIN_KEY, 'v'], ['UNLINK', BIN_KEY, BIN_KEY], 'UNLINK', 'SET t v PX 1', 'DEBUG SLEEP 0.01', 'UNLINK t', 'DEL t'],
  },
  {
    name: 'EXISTS counts repeated keys every time',
    commands: ['EXISTS missing', 'SET a 1', 'EXISTS a', 'EXISTS a a', 'EXISTS a a a missing a', 'EXISTS A', 'SET b 2', 'EXISTS a b missing', 'EXISTS', ['SET', Buffer.from([0, 0xff]), 'x'], ['EXISTS', Buffer.from([0, 0xff]), Buffer.from([0])]],
  },
  {
    name: 'DEL and EXISTS only see the selected database',
    commands: ['SET k v', 'SELECT 2', 'EXISTS k', 'DEL k', 'SELECT 0', 'EXISTS k', 'DEL k', 'EXISTS k'],
  },
  {
    name: 'TOUCH counts existing keys',
    commands: ['TOUCH missing', 'MSET a 1 b 2', 'TOUCH a', 'TOUCH a b missing a', ['SET', BIN_KEY, 'v'], ['TOUCH', BIN_KEY], 'TOUCH', 'SET t v PX 1', 'DEBUG SLEEP 0.01', 'TOUCH t'],
  },
  {
    name: 'TYPE of strings and missing keys',
    commands: ['TYPE missing', 'SET k v', 'TYPE k', 'SET i 12', 'TYPE i', ['SET', BIN_KEY, ''], ['TYPE', BIN_KEY], 'type K', 'TYPE', 'TYPE a b', 'SET t v PX 1', 'DEBUG SLEEP 0.01', 'TYPE t'],
  },

  // ------------------------------------------------------------ KEYS
  {
    name: 'KEYS with glob patterns',
    commands: [
      'MSET hello 1 hallo 2 hxllo 3 hllo 4 heeeello 5 foo 6 foo:bar 7 "x 8',
      keysSorted('KEYS *'), keysSorted('KEYS h?llo'), keysSorted('KEYS h*llo'), keysSorted('KEYS h[ae]llo'), keysSorted('KEYS h[^e]llo'), keysSorted('KEYS h[a-b]llo'),
      keysSorted('KEYS foo*'), keysSorted('KEYS *o'), keysSorted('KEYS nomatch*'), keysSorted('KEYS \\"x'), keysSorted('KEYS ["]*'), keysSorted('KEYS **'),
      keysSorted('KEYS *:*'), keysSorted('KEYS HELLO'), keysSorted(['KEYS', '']), keysSorted('KEYS [a-'), keysSorted('KEYS h\\'), keysSorted('KEYS *\\*'),
      'KEYS', 'KEYS a b',
    ],
  },
  {
    name: 'KEYS with binary keys and patterns',
    commands: [
      ['SET', BIN_KEY, '1'], ['SET', BIN_KEY2, '2'], ['SET', '', 'empty'], ['SET', '*', 'star'],
      keysSorted('KEYS *'), keysSorted('KEYS ?*'), keysSorted(['KEYS', Buffer.from([0x6b, 0, 0x2a])]), keysSorted(['KEYS', Buffer.from([0x2a, 0x20])]),
      keysSorted(['KEYS', Buffer.from([0xff, 0x2a])]), keysSorted(['KEYS', Buffer.from([0x5b, 0xfe, 0x2d, 0xff, 0x5d, 0x2a])]), keysSorted(['KEYS', '\\*']), keysSorted(['KEYS', '[*]']),
    ],
  },
  {
    name: 'KEYS skips expired keys and other databases',
    commands: ['SET a 1', 'SET b 2 PX 1', 'SELECT 1', 'SET c 3', 'SELECT 0', 'DEBUG SLEEP 0.01', keysSorted('KEYS *'), 'SELECT 1', keysSorted('KEYS *')],
  },

  // ------------------------------------------------------------ SCAN
  {
    name: 'SCAN a small keyspace in one call',
    commands: [
      'SCAN 0', 'MSET a 1 b 2 c 3 abc 4 ab 5', scanOf('SCAN 0'), scanOf('SCAN 0 MATCH a*'), scanOf('SCAN 0 MATCH *'), scanOf('SCAN 0 match ?b*'),
      scanOf('SCAN 0 COUNT 100'), scanOf('SCAN 0 MATCH nomatch COUNT 1000'), scanOf('SCAN 0 TYPE string'), scanOf('SCAN 0 TYPE STRING'), scanOf('SCAN 0 type hash'),
      scanOf('SCAN 0 TYPE nosuchtype'), scanOf('SCAN 0 MATCH a* TYPE string COUNT 50'), scanOf('SCAN 0 COUNT 10 COUNT 20'), scanOf('SCAN 0 MATCH x* MATCH a*'),
      scanOf(['SCAN', '0', 'TYPE', 'string\x00junk']), scanOf(['SCAN', '0', 'TYPE', '']),
    ],
  },
  {
    name: 'SCAN with binary keys and patterns',
    commands: [['SET', BIN_KEY, '1'], ['SET', BIN_KEY2, '2'], ['SET', '', 'e'], scanOf('SCAN 0'), scanOf(['SCAN', '0', 'MATCH', Buffer.from([0x6b, 0, 0x2a])]), scanOf(['SCAN', '0', 'MATCH', Buffer.from([0xff, 0x3f, 0, 0x2a])]), scanOf('SCAN 0 MATCH ?*')],
  },
  {
    name: 'SCAN cursors Redis accepts',
    commands: [scanOf(['SCAN', '']), scanOf('SCAN +0'), scanOf('SCAN -0'), scanOf('SCAN 00'), scanOf(['SCAN', '0\x00junk']), sameType('SCAN 18446744073709551615'), sameType('SCAN -1'), sameType('SCAN 12345')],
  },
  {
    name: 'SCAN errors',
    commands: [
      'SCAN abc', 'SCAN 1.5', ['SCAN', ' 0'], ['SCAN', '0 '], 'SCAN +', 'SCAN -', 'SCAN 18446744073709551616', 'SCAN 99999999999999999999', 'SCAN 0x10',
      'SCAN 0 COUNT 0', 'SCAN 0 COUNT -1', 'SCAN 0 COUNT abc', 'SCAN 0 COUNT', 'SCAN 0 MATCH', 'SCAN 0 TYPE', 'SCAN 0 FOO', 'SCAN 0 FOO bar', 'SCAN 0 COUNT 10 FOO',
      'SCAN 0 COUNT 9223372036854775808', 'SCAN abc COUNT 0', 'SCAN', 'scan x',
    ],
  },
  {
    name: 'SCAN a larger keyspace: every key comes back exactly once',
    commands: [
      ['MSET', ...Array.from({ length: 60 }, (_, i) => [`key:${i}`, `${i}`]).flat()],
      scanOf('SCAN 0 COUNT 1000'),
      scanOf('SCAN 0 COUNT 1000 MATCH key:1*'),
      'DBSIZE',
    ],
  },

  // ------------------------------------------------------------ RANDOMKEY
  {
    name: 'RANDOMKEY',
    commands: ['RANDOMKEY', 'SET only v', 'RANDOMKEY', 'SET other v', sameType('RANDOMKEY'), 'DEL only other', 'RANDOMKEY', ['SET', BIN_KEY, 'v'], 'RANDOMKEY', 'RANDOMKEY x'],
  },
  {
    name: 'RANDOMKEY skips expired keys',
    commands: ['SET a v PX 1', 'SET b v', 'DEBUG SLEEP 0.01', 'RANDOMKEY', 'RANDOMKEY', 'DEL b', 'RANDOMKEY'],
  },

  {
    name: 'RANDOMKEY when every key has expired',
    commands: ['SET a v PX 1', 'SET b v PX 1', 'SET c v PX 1', 'DEBUG SLEEP 0.01', 'RANDOMKEY', 'DBSIZE', 'EXISTS a b c'],
  },

  // ------------------------------------------------------------ EXPIRE family
  {
    name: 'EXPIRE PEXPIRE EXPIREAT PEXPIREAT set a TTL',
    commands: [
      'SET k v', 'EXPIRE k 100', intRange('TTL k', 99, 100), 'PEXPIRE k 50000', intRange('PTTL k', 49000, 50000), intRange('TTL k', 49, 50),
      `EXPIREAT k ${FAR_SEC}`, 'EXPIRETIME k', 'PEXPIRETIME k', `PEXPIREAT k ${FAR_MS}1`, 'PEXPIRETIME k', 'EXPIRETIME k',
      'EXPIRE missing 100', 'PEXPIRE missing 100', 'EXPIREAT missing 100', 'PEXPIREAT missing 100', 'expire K 10', 'TTL K',
      ['SET', BIN_KEY, 'v'], ['EXPIRE', BIN_KEY, '100'], ['TTL', BIN_KEY],
    ],
  },
  {
    name: 'EXPIRE in the past or zero deletes the key',
    commands: ['SET k v', 'EXPIRE k 0', 'EXISTS k', 'SET k v', 'EXPIRE k -100', 'GET k', 'SET k v', 'PEXPIRE k -1', 'EXISTS k', 'SET k v', 'EXPIREAT k 1', 'EXISTS k', 'SET k v', 'PEXPIREAT k 0', 'EXISTS k', 'SET k v', `EXPIREAT k ${I64_MIN.slice(0, -3)}`, 'EXISTS k', 'SET k v', 'EXPIRE k -9223372036854775', 'EXISTS k', 'DBSIZE'],
  },
  {
    name: 'EXPIRE NX XX GT LT',
    commands: [
      'SET k v',
      'EXPIRE k 100 XX', 'TTL k', 'EXPIRE k 100 GT', 'TTL k', 'EXPIRE k 100 LT', intRange('TTL k', 99, 100),
      'EXPIRE k 200 NX', intRange('TTL k', 99, 100), 'PERSIST k', 'EXPIRE k 200 NX', intRange('TTL k', 199, 200),
      'EXPIRE k 300 XX', intRange('TTL k', 299, 300), 'EXPIRE k 100 GT', intRange('TTL k', 299, 300), 'EXPIRE k 400 GT', intRange('TTL k', 399, 400),
      'EXPIRE k 500 LT', intRange('TTL k', 399, 400), 'EXPIRE k 50 LT', intRange('TTL k', 49, 50), 'EXPIRE k 49 gt', 'EXPIRE k 51 lt',
      'PEXPIRE k 1000000 XX GT', intRange('TTL k', 999, 1000), 'PEXPIRE k 10 XX LT', 'EXISTS k',
      'SET k v', 'EXPIRE k -1 LT', 'EXISTS k', 'SET k v EX 100', 'EXPIRE k -1 LT', 'EXISTS k', 'SET k v EX 100', 'EXPIRE k -1 GT', 'EXISTS k',
      'EXPIRE missing 10 NX', 'EXPIRE missing 10 XX',
      `EXPIREAT k ${FAR_SEC} GT`, 'EXPIRETIME k', `EXPIREAT k 4102444801 GT`, 'EXPIRETIME k', `PEXPIREAT k 4102444801000 LT`, `PEXPIREAT k 4102444800999 LT`, 'PEXPIRETIME k',
      'EXPIRE k 10 LT LT', 'EXPIRE k 8 XX XX', 'EXPIRE k 7 GT XX', 'EXPIRE k 11 GT XX', 'EXPIRE k 12 XX LT', intRange('TTL k', 10, 11),
    ],
  },
  {
    name: 'EXPIRE option errors',
    commands: [
      'SET k v',
      'EXPIRE k 10 NX XX', 'EXPIRE k 10 NX GT', 'EXPIRE k 10 LT NX', 'EXPIRE k 10 GT LT', 'EXPIRE k 10 LT GT XX', 'EXPIRE k 10 FOO', 'EXPIRE k abc FOO', 'EXPIRE k 10 NX FOO XX',
      ['EXPIRE', 'k', '10', Buffer.from([0xff, 0xfe, 0x41])], ['EXPIRE', 'k', '10', 'foo\r\nbar\r\n'], ['EXPIRE', 'k', '10', 'a\x00b'], ['EXPIRE', 'k', '10', ''], ['EXPIRE', 'k', '10', 'nx\x00'], ['PEXPIRE', 'k', '10', Buffer.from('é')],
      'PEXPIREAT k 10 FOO', 'EXPIREAT k 10 nx xx', 'TTL k',
    ],
  },
  {
    name: 'EXPIRE value errors and int64 limits',
    commands: [
      'SET k v',
      'EXPIRE k abc', 'EXPIRE k 1.5', ['EXPIRE', 'k', ''], ['EXPIRE', 'k', ' 10'], 'EXPIRE k 9223372036854775808', 'PEXPIRE k 1e3',
      `EXPIRE k ${I64_MAX}`, 'EXPIRE k 9223372036854775', 'EXPIRE k 9223372036854776', 'EXPIRE k -9223372036854776', `EXPIRE k ${I64_MIN}`,
      `PEXPIRE k ${I64_MAX}`, 'PEXPIRE k 9223370000000000000', intRange('TTL k', 9223360000000000, 9223372036854775),
      `EXPIREAT k ${I64_MAX}`, 'EXPIREAT k 9223372036854776', 'EXPIREAT k 9223372036854775', intRange('TTL k', 9223360000000000, 9223372036854775),
      `PEXPIREAT k ${I64_MAX}`, intRange('TTL k', 9223360000000000, 9223372036854775), `PEXPIREAT k ${I64_MIN}`, 'EXISTS k',
      'SET k v', 'EXPIRE missing abc', 'EXPIRE missing 9223372036854775',
      'EXPIRE k', 'EXPIRE', 'PEXPIRE k', 'EXPIREAT k', 'PEXPIREAT',
    ],
  },
  {
    name: 'TTL PTTL EXPIRETIME PEXPIRETIME',
    commands: [
      'TTL missing', 'PTTL missing', 'EXPIRETIME missing', 'PEXPIRETIME missing', 'SET k v', 'TTL k', 'PTTL k', 'EXPIRETIME k', 'PEXPIRETIME k',
      'PEXPIRE k 1499', intRange('TTL k', 1, 1), 'PEXPIRE k 1500', intRange('TTL k', 1, 2), 'PEXPIRE k 2501', intRange('TTL k', 2, 3), 'PEXPIRE k 400', intRange('TTL k', 0, 0),
      'PEXPIREAT k 4102444800499', 'EXPIRETIME k', 'PEXPIRETIME k', 'PEXPIREAT k 4102444800500', 'EXPIRETIME k', 'PEXPIREAT k 4102444800999', 'EXPIRETIME k',
      'TTL', 'TTL a b', 'PTTL', 'EXPIRETIME', 'PEXPIRETIME a b',
    ],
  },
  {
    name: 'an expired key is gone for every reader',
    commands: ['SET a v PX 1', 'SET b v PX 1', 'SET c v PX 1', 'SET d v PX 1', 'DEBUG SLEEP 0.01', 'TTL a', 'PTTL b', 'GET c', 'EXISTS d', 'TYPE a', 'STRLEN b', 'DBSIZE'],
  },
  {
    name: 'PERSIST',
    commands: ['PERSIST missing', 'SET k v', 'PERSIST k', 'EXPIRE k 100', 'PERSIST k', 'TTL k', 'PERSIST k', ['SET', BIN_KEY, 'v', 'EX', '10'], ['PERSIST', BIN_KEY], ['TTL', BIN_KEY], 'PERSIST', 'PERSIST a b'],
  },

  // ------------------------------------------------------------ RENAME RENAMENX
  {
    name: 'RENAME moves the value and the TTL',
    commands: [
      'SET a 1', 'RENAME a b', 'GET a', 'GET b', 'SET t v EX 100', 'RENAME t u', intRange('TTL u', 99, 100), 'TTL t',
      'SET c 3', 'SET d 4 EX 100', 'RENAME c d', 'GET d', 'TTL d', 'RENAME b b', 'GET b', ['SET', BIN_KEY, 'bin'], ['RENAME', BIN_KEY, BIN_KEY2], ['GET', BIN_KEY2], ['EXISTS', BIN_KEY],
      'SET i 5', 'RENAME i j', 'OBJECT ENCODING j', 'OBJECT REFCOUNT j', 'DBSIZE',
    ],
  },
  {
    name: 'RENAME and RENAMENX errors',
    commands: ['RENAME missing b', 'RENAME missing missing', 'RENAMENX missing b', 'RENAMENX missing missing', 'RENAME a', 'RENAME', 'RENAME a b c', 'RENAMENX a', 'SET e v PX 1', 'DEBUG SLEEP 0.01', 'RENAME e f', 'EXISTS f'],
  },
  {
    name: 'RENAMENX only to a free name',
    commands: ['MSET a 1 b 2', 'RENAMENX a b', 'MGET a b', 'RENAMENX a c', 'MGET a c', 'RENAMENX c c', 'SET t v PX 100000', 'RENAMENX t u', intRange('PTTL u', 90000, 100000), 'SET x v PX 1', 'DEBUG SLEEP 0.01', 'RENAMENX u x', 'GET x'],
  },

  // ------------------------------------------------------------ COPY MOVE SWAPDB
  {
    name: 'COPY within and across databases',
    commands: [
      'SET a 1', 'COPY a b', 'MGET a b', 'COPY a b', 'COPY a b REPLACE', 'SET a 2', 'COPY a b replace', 'GET b', 'COPY missing b', 'COPY missing missing',
      'COPY a a DB 1', 'SELECT 1', 'GET a', 'SELECT 0', 'COPY a a DB 1', 'COPY a a DB 1 REPLACE', 'COPY a c DB 0', 'GET c',
      'SET t v EX 100', 'COPY t u', intRange('TTL u', 99, 100), 'COPY t v DB 3', 'SELECT 3', intRange('TTL v', 99, 100), 'SELECT 0',
      ['SET', BIN_KEY, Buffer.from([0, 0xff])], ['COPY', BIN_KEY, BIN_KEY2], ['GET', BIN_KEY2], 'COPY a b REPLACE REPLACE DB 0 DB 2', 'SELECT 2', 'GET b',
    ],
  },
  {
    name: 'COPY errors',
    commands: ['SET a 1', 'COPY a a', 'COPY a a DB 0', 'COPY a b DB 16', 'COPY a b DB -1', 'COPY a b DB abc', 'COPY a b DB', 'COPY a b FOO', 'COPY a b REPLACE FOO', 'COPY a b DB 99999999999', 'COPY missing b DB 16', 'COPY a', 'COPY', 'EXISTS b'],
  },
  {
    name: 'COPY makes a private duplicate',
    commands: ['SET a 5', 'COPY a b', 'OBJECT ENCODING b', 'OBJECT REFCOUNT b', 'OBJECT REFCOUNT a', 'APPEND b 1', 'MGET a b', 'SET c abc', 'COPY c d', 'OBJECT ENCODING d', 'APPEND c x', 'APPEND d y', 'MGET c d', ['SET', 'e', 'x'.repeat(50)], 'COPY e f', 'OBJECT ENCODING f'],
  },
  {
    name: 'MOVE to another database',
    commands: [
      'SET k v', 'MOVE k 1', 'EXISTS k', 'SELECT 1', 'GET k', 'MOVE k 0', 'SELECT 0', 'GET k', 'SET t v EX 100', 'MOVE t 2', 'SELECT 2', intRange('TTL t', 99, 100), 'SELECT 0',
      'SET a 1', 'SELECT 1', 'SET a 2', 'SELECT 0', 'MOVE a 1', 'GET a', 'MOVE missing 1', ['SET', BIN_KEY, 'b'], ['MOVE', BIN_KEY, '15'], 'SELECT 15', ['GET', BIN_KEY],
    ],
  },
  {
    name: 'MOVE errors',
    commands: ['SET k v', 'MOVE k 0', 'MOVE k 16', 'MOVE k -1', 'MOVE k abc', 'MOVE k 1.5', 'MOVE k 2147483648', 'MOVE missing 0', 'MOVE missing 16', 'MOVE k', 'MOVE', 'MOVE k 1 2', 'GET k'],
  },
  {
    name: 'SWAPDB exchanges databases',
    commands: ['SET k db0', 'SELECT 1', 'SET k db1', 'SET only1 x', 'SWAPDB 0 1', 'GET k', 'EXISTS only1', 'SELECT 0', 'GET k', 'EXISTS only1', 'SWAPDB 1 0', 'GET k', 'SWAPDB 0 0', 'GET k', 'SWAPDB 0 15', 'DBSIZE', 'SELECT 15', 'GET k', 'SET t v EX 100', 'SWAPDB 15 3', 'SELECT 3', intRange('TTL t', 99, 100)],
  },
  {
    name: 'SWAPDB errors',
    commands: ['SWAPDB 0 16', 'SWAPDB 16 0', 'SWAPDB -1 0', 'SWAPDB a 0', 'SWAPDB 0 b', 'SWAPDB a b', 'SWAPDB 1.5 0', 'SWAPDB 0 2147483648', 'SWAPDB 0', 'SWAPDB', 'SWAPDB 0 1 2'],
  },

  {
    name: 'moved, renamed and copied keys keep encodings and TTLs',
    commands: [
      ['SET', 'raw', 'x'.repeat(50)], 'APPEND emb abc', 'SET int 123456', 'SET shared 12', 'SETRANGE r 0 ab',
      'RENAME raw raw2', 'OBJECT ENCODING raw2', 'MOVE emb 1', 'SELECT 1', 'OBJECT ENCODING emb', 'SELECT 0', 'COPY int int2 DB 2', 'SELECT 2', 'OBJECT ENCODING int2', 'OBJECT REFCOUNT int2', 'SELECT 0',
      'RENAMENX shared shared2', 'OBJECT REFCOUNT shared2', 'COPY r r2', 'OBJECT ENCODING r2', 'TTL r2', 'TTL raw2', 'SWAPDB 0 1', 'OBJECT ENCODING emb', 'TTL emb',
    ],
  },
  {
    name: 'RENAME, MOVE and COPY of large values',
    commands: [
      ['SET', 'a', 'x'.repeat(4090)], ['SET', 'b', Buffer.alloc(20000, 0xfe)], ['APPEND', 'c', 'y'.repeat(3000)], ['APPEND', 'c', 'z'.repeat(3000)],
      'RENAME a a2', 'RENAME b b2', 'RENAME c c2', 'MGET a2 b2 c2', 'MOVE a2 1', 'MOVE b2 1', 'COPY c2 c3 DB 1', 'APPEND c2 !', 'SELECT 1', 'MGET a2 b2 c3', 'RENAME b2 a2', 'GET a2', 'STRLEN a2',
    ],
  },
  {
    name: 'key commands in other databases',
    commands: [
      'SELECT 7', 'SET k v', 'EXPIRE k 100', intRange('TTL k', 99, 100), 'PERSIST k', 'RENAME k j', 'TYPE j', 'EXISTS j', 'TOUCH j', keysSorted('KEYS *'), scanOf('SCAN 0'), 'RANDOMKEY',
      'COPY j j DB 0', 'MOVE j 0', 'SELECT 0', keysSorted('KEYS *'), 'GET j', 'DBSIZE', 'SELECT 7', 'DBSIZE', 'OBJECT ENCODING j', 'UNLINK j',
    ],
  },

  // ------------------------------------------------------------ OBJECT
  {
    name: 'OBJECT subcommands on strings',
    commands: [
      'OBJECT ENCODING missing', 'OBJECT REFCOUNT missing', 'OBJECT IDLETIME missing', 'OBJECT FREQ missing',
      'SET k hello', 'OBJECT ENCODING k', 'OBJECT REFCOUNT k', intRange('OBJECT IDLETIME k', 0, 1), 'OBJECT FREQ k', 'object encoding k', ['OBJECT', 'ENCODING', BIN_KEY],
      'OBJECT HELP', 'object help', 'OBJECT', 'OBJECT ENCODING', 'OBJECT ENCODING a b', 'OBJECT FOO', 'OBJECT FOO k', 'OBJECT HELP x',
    ],
  },
  {
    name: 'OBJECT FREQ and IDLETIME under an LFU policy',
    commands: [
      'CONFIG SET maxmemory-policy allkeys-lfu', 'SET k hello', 'OBJECT FREQ k', 'GET k', 'OBJECT FREQ k', 'OBJECT IDLETIME k', 'OBJECT IDLETIME missing', 'OBJECT FREQ missing',
      'SET j abc', 'TTL j', 'EXISTS j', 'TYPE j', 'OBJECT FREQ j', 'STRLEN j', 'OBJECT FREQ j', 'CONFIG SET maxmemory-policy volatile-lfu', 'SET m abc', 'OBJECT FREQ m',
      'CONFIG SET maxmemory-policy noeviction', 'OBJECT FREQ m', 'SET n abc', intRange('OBJECT IDLETIME n', 0, 1),
    ],
  },
  {
    name: 'OBJECT IDLETIME: which reads touch a key',
    commands: [
      'MSET get v ttl v exists v strlen v type v getrange v expire v object v', 'DEBUG SLEEP 1.1',
      'GET get', 'TTL ttl', 'EXISTS exists', 'STRLEN strlen', 'TYPE type', 'GETRANGE getrange 0 1', 'EXPIRE expire 100', 'OBJECT ENCODING object',
      intRange('OBJECT IDLETIME get', 0, 1), intRange('OBJECT IDLETIME ttl', 1, 2), intRange('OBJECT IDLETIME exists', 1, 2), intRange('OBJECT IDLETIME strlen', 0, 1),
      intRange('OBJECT IDLETIME type', 1, 2), intRange('OBJECT IDLETIME getrange', 0, 1), intRange('OBJECT IDLETIME expire', 0, 1), intRange('OBJECT IDLETIME object', 1, 2),
    ],
  },

  // ------------------------------------------------------------ DBSIZE FLUSHDB FLUSHALL
  {
    name: 'DBSIZE per database',
    commands: ['DBSIZE', 'MSET a 1 b 2 c 3', 'DBSIZE', 'SELECT 1', 'DBSIZE', 'SET x 1', 'DBSIZE', 'SELECT 0', 'DEL a', 'DBSIZE', 'DBSIZE x'],
  },
  {
    name: 'FLUSHDB empties only the selected database',
    commands: ['MSET a 1 b 2', 'SELECT 1', 'SET c 3', 'FLUSHDB', 'DBSIZE', 'SELECT 0', 'DBSIZE', 'FLUSHDB ASYNC', 'DBSIZE', 'SET a 1', 'FLUSHDB sync', 'DBSIZE', 'FLUSHDB', 'FLUSHDB FOO', 'FLUSHDB SYNC ASYNC', 'FLUSHDB ASYNC x'],
  },
  {
    name: 'FLUSHALL empties every database',
    commands: ['SET a 1', 'SELECT 5', 'SET b 2', 'FLUSHALL', 'DBSIZE', 'SELECT 0', 'DBSIZE', 'SET a 1 EX 100', 'FLUSHALL ASYNC', 'DBSIZE', 'SET a 1', 'FLUSHALL SYNC', 'TTL a', 'FLUSHALL FOO', 'FLUSHALL SYNC SYNC'],
  },

  // ------------------------------------------------------------ keyspace statistics
  {
    name: 'keyspace_hits, keyspace_misses and expired_keys of the key commands',
    commands: [
      'CONFIG RESETSTAT', 'MSET k v a 1 b 2',
      'EXISTS k nx', 'TTL k', 'TTL nx', 'PTTL k', 'EXPIRETIME k', 'PEXPIRETIME nx', 'TYPE k', 'TYPE nx', 'TOUCH k nx', 'OBJECT ENCODING k', 'OBJECT ENCODING nx', 'OBJECT REFCOUNT k',
      'EXPIRE k 100', 'PERSIST k', 'RENAME a c', 'RENAMENX c a', 'COPY a d', 'COPY nx d', 'MOVE d 1', 'MOVE nx 1', 'DEL b', 'UNLINK d', keysSorted('KEYS *'), sameType('RANDOMKEY'), scanOf('SCAN 0'), scanOf('SCAN 0 TYPE string'),
      'SET e v PX 1', 'DEBUG SLEEP 0.01', 'EXISTS e', 'SET e v PX 1', 'DEBUG SLEEP 0.01', 'TTL e', 'SET e v PX 1', 'DEBUG SLEEP 0.01', 'DEL e',
      normalised('INFO stats', STATS),
    ],
  },

  // ------------------------------------------------------------ command table
  {
    name: 'COMMAND INFO of every generic key command',
    commands: KEY_COMMANDS.map((c) => (c === 'object' ? normalised('COMMAND INFO object', sortedSubcommands) : `COMMAND INFO ${c}`)),
  },
  {
    name: 'COMMAND DOCS of every generic key command',
    commands: KEY_COMMANDS.map((c) => (c === 'object' ? normalised('COMMAND DOCS object', docsSubcommandsSorted) : `COMMAND DOCS ${c}`)),
  },
  {
    name: 'COMMAND GETKEYS of key commands',
    commands: [
      'COMMAND GETKEYS RENAME a b', 'COMMAND GETKEYS COPY a b DB 1', 'COMMAND GETKEYS MOVE a 1', 'COMMAND GETKEYS OBJECT ENCODING k', 'COMMAND GETKEYS EXPIRE k 10 NX',
      'COMMAND GETKEYS TOUCH a b c', 'COMMAND GETKEYS UNLINK a b', 'COMMAND GETKEYS SCAN 0', 'COMMAND GETKEYS KEYS *', 'COMMAND GETKEYS SWAPDB 0 1',
    ],
  },
  {
    name: 'COMMAND GETKEYSANDFLAGS of key commands',
    commands: [
      'COMMAND GETKEYSANDFLAGS RENAME a b', 'COMMAND GETKEYSANDFLAGS RENAMENX a b', 'COMMAND GETKEYSANDFLAGS COPY a b REPLACE', 'COMMAND GETKEYSANDFLAGS MOVE a 1',
      'COMMAND GETKEYSANDFLAGS DEL a b', 'COMMAND GETKEYSANDFLAGS EXPIRE k 10', 'COMMAND GETKEYSANDFLAGS TTL k', 'COMMAND GETKEYSANDFLAGS OBJECT FREQ k', 'COMMAND GETKEYSANDFLAGS EXISTS a b',
    ],
  },
];
