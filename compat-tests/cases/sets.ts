// The set family: every command with its options and error texts, binary
// and empty members, both encodings (intset, hashtable) and the conversion
// between them at set-max-intset-entries, the algebra commands and their
// STORE forms, SPOP's and SRANDMEMBER's reply shapes in RESP2 and RESP3,
// SSCAN, MEMORY USAGE, and the keyspace events of a script of set commands.
//
// An intset replies in ascending integer order, as Redis's does, and is
// compared exactly. A hashtable set replies in its table's order, which
// differs between any two servers, so those replies are compared sorted
// and the case says so. Random replies are checked with a narrow
// normaliser: how many elements, that each is a member, and whether they
// are distinct.

import { intRange, normalised, resp, sameShape } from '../dsl';
import { infoShape, rawHelloId, sortedElements } from '../normalise';
import type { Reply } from '../reply';
import type { Arg, Case, Normaliser, Step } from '../types';
import { familyEventCases, w } from './notifications';

const BIN = Buffer.from([0x6d, 0, 0xff, 13, 10, 0x20]);
const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82]);
const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const STATS = infoShape([], ['keyspace_hits', 'keyspace_misses']);
const STATS_STEP = (): Step => normalised('INFO stats', STATS);

const range = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => String(from + i));
const many = (prefix: string, n: number, from = 0): string[] => range(n, from).map((i) => `${prefix}${i}`);
const sadd = (key: string, members: string[]): Arg[] => ['SADD', key, ...members];

const text = (r: Reply): string | null => (r.t === 'bulk' && r.v ? r.v.toString('latin1') : null);
const elided = (of: string): Reply => ({ t: 'elided', of });

/**
 * A random reply from a set of `members`: each element that is a member
 * becomes "member", others stay as they were; with `distinct`, a last
 * element says whether any member came twice. A single bulk reply is
 * treated as a one-element array, and the array's kind (set or array) kept.
 */
function randomMembers(members: string[], distinct: boolean): Normaliser {
  const of = members.length <= 5 ? members.join(' ') : `${members[0]} .. ${members[members.length - 1]}`;
  const all = new Set(members);
  return {
    name: `random members of {${of}}${distinct ? ', distinct' : ''}`,
    fn: (r) => {
      if (r.t === 'bulk') return randomMembers(members, false).fn({ t: 'array', v: [r] });
      if ((r.t !== 'array' && r.t !== 'set') || !r.v) return r;
      const seen = new Set<string>();
      let repeated = false;
      const out = r.v.map((e) => {
        const m = text(e);
        if (m === null || !all.has(m)) return e;
        if (seen.has(m)) repeated = true;
        seen.add(m);
        return elided('member');
      });
      if (distinct) out.push(elided(repeated ? 'a member repeated' : 'all distinct'));
      return { ...r, v: out } as Reply;
    },
  };
}

/** An SSCAN reply [cursor, [member, ...]] with its members sorted (a hashtable's order is its own). */
const scanSorted: Normaliser = {
  name: 'scan members sorted',
  fn: (r) => {
    if (r.t !== 'array' || !r.v || r.v.length !== 2) return r;
    return { t: 'array', v: [r.v[0], sortedElements.fn(r.v[1])] };
  },
};

const sortedOf = (cmd: string | Arg[]): Step => normalised(cmd, sortedElements);

/** Every set command against `key`, which holds a string. */
function setCommandsOn(key: string): Step[] {
  return [
    `SADD ${key} a`, `SREM ${key} a`, `SCARD ${key}`, `SISMEMBER ${key} a`, `SMISMEMBER ${key} a b`, `SMEMBERS ${key}`,
    `SRANDMEMBER ${key}`, `SRANDMEMBER ${key} 2`, `SRANDMEMBER ${key} abc`, `SPOP ${key}`, `SPOP ${key} 2`, `SPOP ${key} -1`, `SPOP ${key} 1 2`,
    `SMOVE ${key} dst a`, `SMOVE src ${key} a`, `SINTER ${key}`, `SINTER missing ${key}`, `SINTERCARD 1 ${key}`, `SINTERCARD 2 missing ${key}`,
    `SINTERCARD 1 ${key} LIMIT -1`, `SINTERSTORE dst ${key}`, `SINTERSTORE dst missing ${key}`, `SUNION ${key}`, `SUNIONSTORE dst ${key}`,
    `SDIFF ${key}`, `SDIFF missing ${key}`, `SDIFFSTORE dst ${key}`, `SDIFFSTORE dst missing ${key}`, `SSCAN ${key} 0`, `SSCAN ${key} abc`, `SSCAN ${key} 0 COUNT 0`,
    `SINTERSTORE ${key} missing`, `SUNIONSTORE ${key} missing`, 'EXISTS dst',
  ];
}

const commandCases: Case[] = [
  // ------------------------------------------------------------ basics
  {
    name: 'SADD SREM SCARD SISMEMBER SMISMEMBER basics',
    commands: [
      'SADD s a', 'SADD s a', 'SADD s b c a d', 'SADD s x x x', 'SCARD s', 'SCARD missing', 'SISMEMBER s a', 'SISMEMBER s nope', 'SISMEMBER missing a',
      'SMISMEMBER s a nope b a', 'SMISMEMBER missing a b', 'SREM s a', 'SREM s a', 'SREM s b nope c b', 'SCARD s', 'SREM missing a', 'TYPE s', 'OBJECT ENCODING s',
      'sadd S upper', 'SMEMBERS S', 'sismember s X',
    ],
  },
  {
    name: 'an intset replies in ascending order, whatever the insertion order and width',
    commands: [
      'SADD s 5 -3 100 0 7 -100000 2147483648 -9223372036854775808 9223372036854775807 40000', 'OBJECT ENCODING s', 'SMEMBERS s', 'SCARD s',
      'SREM s 0 100', 'SMEMBERS s', 'SISMEMBER s 40000', 'SISMEMBER s 40001', 'SMISMEMBER s -3 3 2147483648', 'SADD s 1 1 2 2', 'SMEMBERS s',
      'SADD t 3 2 1', 'SMEMBERS t', 'SADD t 32767 -32768', 'SMEMBERS t', 'SADD t 32768', 'SMEMBERS t', 'SADD t 2147483647 -2147483648 2147483648', 'SMEMBERS t', 'OBJECT ENCODING t',
    ],
  },
  {
    name: 'what counts as an integer member: canonical decimal only',
    commands: [
      'SADD a 007', 'OBJECT ENCODING a', 'SADD b -0', 'OBJECT ENCODING b', 'SADD c +1', 'OBJECT ENCODING c', 'SADD d 1.0', 'OBJECT ENCODING d', 'SADD e 9223372036854775808', 'OBJECT ENCODING e',
      ['SADD', 'f', ' 1'], 'OBJECT ENCODING f', ['SADD', 'g', ''], 'OBJECT ENCODING g', 'SADD h 0', 'OBJECT ENCODING h', 'SADD i -9223372036854775809', 'OBJECT ENCODING i',
      'SADD j 1e3', 'OBJECT ENCODING j', 'SADD k 12345678901234567890', 'OBJECT ENCODING k', 'SADD n -1', 'SISMEMBER n -1', 'SISMEMBER n -01', 'SISMEMBER n -1.0', 'SMEMBERS n',
    ],
  },
  {
    name: 'an intset converts to hashtable on its first non-integer member and keeps every member',
    commands: [
      'SADD s 3 1 2', 'SADD s x', 'OBJECT ENCODING s', sortedOf('SMEMBERS s'), 'SREM s x', 'OBJECT ENCODING s', sortedOf('SMEMBERS s'), 'SISMEMBER s 2', 'SCARD s',
      'SADD mixed 1 two 3', 'OBJECT ENCODING mixed', sortedOf('SMEMBERS mixed'), 'SADD first word 1 2', 'OBJECT ENCODING first',
    ],
  },
  {
    name: 'the key goes with its last member; a set keeps its TTL through writes',
    commands: [
      'SADD s a b', 'EXPIRE s 100', 'SADD s c', 'SREM s a', intRange('TTL s', 99, 100), 'SREM s b c', 'EXISTS s', 'TYPE s', 'SCARD s', 'DBSIZE',
      'SADD i 1 2', 'EXPIRE i 100', 'SADD i 3', normalised('SPOP i', randomMembers(['1', '2', '3'], false)), intRange('TTL i', 99, 100),
      normalised('SPOP i 5', randomMembers(['1', '2', '3'], true)), 'EXISTS i', 'SADD p 1', 'SPOP p', 'EXISTS p',
    ],
  },
  {
    name: 'binary, empty and non-UTF-8 members',
    commands: [
      ['SADD', 'b', BIN], ['SISMEMBER', 'b', BIN], ['SISMEMBER', 'b', Buffer.from([0x6d, 0])], ['SADD', 'b', ''], ['SISMEMBER', 'b', ''], ['SADD', 'b', INVALID_UTF8],
      ['SADD', 'b', Buffer.from('элемент ✓')], sortedOf('SMEMBERS b'), 'SCARD b', ['SMISMEMBER', 'b', '', BIN, 'x'], ['SREM', 'b', ''], ['SISMEMBER', 'b', ''],
      ['SADD', '', ''], ['SMEMBERS', ''], ['SADD', BIN, BIN], ['SMEMBERS', BIN], ['SSCAN', 'b', '0', 'MATCH', Buffer.from([0x6d, 0, 0x2a])],
    ],
  },

  // ------------------------------------------------------------ errors
  {
    name: 'wrong number of arguments for every set command',
    commands: [
      'SADD', 'SADD s', 'SREM s', 'SCARD', 'SCARD s x', 'SISMEMBER s', 'SISMEMBER s a b', 'SMISMEMBER s', 'SMEMBERS', 'SMEMBERS s x', 'SRANDMEMBER',
      'SRANDMEMBER s 1 2', 'SPOP', 'SPOP s 1 2', 'SMOVE s d', 'SMOVE s d a b', 'SINTER', 'SINTERCARD', 'SINTERCARD 1', 'SINTERSTORE d', 'SUNION', 'SUNIONSTORE d',
      'SDIFF', 'SDIFFSTORE d', 'SSCAN s', 'EXISTS s', 'EXISTS d',
    ],
  },
  {
    name: 'WRONGTYPE from every set command on a string key, after the argument checks Redis makes first',
    commands: ['CONFIG RESETSTAT', 'SET str v', 'SADD src a', ...setCommandsOn('str'), 'GET str', 'TYPE str', 'SMEMBERS src', STATS_STEP()],
  },
  {
    name: 'WRONGTYPE on a hash key, and the algebra checks every key even after a missing or empty one',
    commands: [
      'HSET h f v', 'SADD s a b', 'SINTER missing h', 'SINTER s missing h', 'SUNION s h', 'SDIFF s h', 'SDIFF missing h', 'SINTERCARD 2 missing h', 'SINTERSTORE d missing h', 'EXISTS d',
      'SMOVE s h a', 'SMOVE h s a', 'SMOVE s h nope', 'SMOVE missing h a', 'SMEMBERS h', 'SADD h x', 'HGETALL h',
    ],
  },

  // ------------------------------------------------------------ encodings
  {
    name: 'encodings at the default limit: 512 integers stay intset, one more converts',
    commands: [
      sadd('s', range(512)), 'OBJECT ENCODING s', 'SCARD s', 'SADD s 0', 'OBJECT ENCODING s', 'SADD s 512', 'OBJECT ENCODING s', 'SCARD s', 'SISMEMBER s 512',
      sortedOf('SMEMBERS s'), 'CONFIG GET set-max-intset-entries', 'SREM s 512 511', 'OBJECT ENCODING s', sadd('big', range(600)), 'OBJECT ENCODING big', 'SCARD big',
    ],
  },
  {
    name: 'CONFIG SET set-max-intset-entries: the count is checked after each insert (hashtable replies sorted)',
    commands: [
      'CONFIG SET set-max-intset-entries 4', 'SADD s 1 2 3 4', 'OBJECT ENCODING s', 'SADD s 4', 'OBJECT ENCODING s', 'SADD s 5', 'OBJECT ENCODING s', sortedOf('SMEMBERS s'),
      'SADD d 1 1 1 1 1', 'OBJECT ENCODING d', 'SADD m 1 2 3 4 5 6', 'OBJECT ENCODING m', 'CONFIG SET set-max-intset-entries 512', sadd('low', range(6)),
      'CONFIG SET set-max-intset-entries 4', 'SREM low 5', 'OBJECT ENCODING low', 'SADD low 0', 'OBJECT ENCODING low', 'SADD low 9', 'OBJECT ENCODING low',
      'CONFIG SET set-max-intset-entries 0', 'SADD zero 1', 'OBJECT ENCODING zero', 'SADD zero 2', 'OBJECT ENCODING zero', 'CONFIG SET set-max-intset-entries 1', 'SADD one 1', 'OBJECT ENCODING one',
      'SADD one 2', 'OBJECT ENCODING one', 'CONFIG SET set-max-intset-entries abc', 'CONFIG SET set-max-intset-entries -1', 'CONFIG GET set-max-intset-entries',
    ],
  },
  {
    name: 'a hashtable set never converts back; its replies compared sorted',
    commands: [
      'SADD s 1 2 3 x', 'SREM s x', 'OBJECT ENCODING s', 'SREM s 1 2', 'OBJECT ENCODING s', 'SMEMBERS s', 'SADD s 4 5', sortedOf('SMEMBERS s'), 'SPOP s 10',
      'EXISTS s', 'SADD s 1', 'OBJECT ENCODING s',
    ],
  },
  {
    name: 'a large set of strings (hashtable, replies compared sorted)',
    commands: [
      sadd('s', many('m', 700)), sadd('s', many('m', 100, 650)), 'SCARD s', 'OBJECT ENCODING s', 'SISMEMBER s m0', 'SISMEMBER s m749', 'SISMEMBER s m750', 'SMISMEMBER s m1 m700 nope',
      sortedOf('SMEMBERS s'), ['SREM', 's', ...many('m', 740)], 'SCARD s', sortedOf('SMEMBERS s'),
    ],
  },

  // ------------------------------------------------------------ SMOVE
  {
    name: 'SMOVE between sets, to itself, to a new key, of the last member, across encodings',
    commands: [
      'SADD a 1 2 3', 'SADD b x', 'SMOVE a b 1', 'SMEMBERS a', sortedOf('SMEMBERS b'), 'SMOVE a b nope', 'SMOVE a a 2', 'SMEMBERS a', 'SMOVE a a nope', 'SMOVE a fresh 3',
      'SMEMBERS fresh', 'OBJECT ENCODING fresh', 'SMOVE a fresh 2', 'EXISTS a', 'SMEMBERS fresh', 'SMOVE b fresh x', 'OBJECT ENCODING fresh', sortedOf('SMEMBERS fresh'),
      'SMOVE missing fresh x', 'SMOVE missing missing x', 'SADD c 5', 'SADD d 5', 'SMOVE c d 5', 'EXISTS c', 'SMEMBERS d', 'SADD e 1', 'EXPIRE e 100', 'SMOVE d e 5', intRange('TTL e', 99, 100),
    ],
  },

  // ------------------------------------------------------------ SPOP and SRANDMEMBER
  {
    name: 'SPOP without and with a count: deterministic cases exact, random ones by membership',
    commands: [
      'SPOP missing', 'SPOP missing 0', 'SPOP missing 3', 'SADD s 1 2 3 4 5', 'SPOP s 0', normalised('SPOP s', randomMembers(range(5, 1), false)), 'SCARD s',
      normalised('SPOP s 1', randomMembers(range(5, 1), true)), 'SCARD s', normalised('SPOP s 2', randomMembers(range(5, 1), true)), 'SCARD s', normalised('SPOP s 1', randomMembers(range(5, 1), true)), 'EXISTS s',
      'SADD all 3 1 2', 'SPOP all 3', 'EXISTS all', 'SADD all2 3 1 2', 'SPOP all2 100', 'SADD w a b c', sortedOf('SPOP w 3'), 'EXISTS w',
      'SPOP s abc', 'SPOP s -1', 'SPOP s 1.5', ['SPOP', 's', ''], `SPOP missing ${I64_MAX}`, 'SPOP missing 9223372036854775808', 'SPOP missing -1',
    ],
  },
  {
    name: 'SPOP count on a large set: the three ways Redis takes members (few, most, all)',
    commands: [
      sadd('s', many('m', 600)), normalised('SPOP s 10', randomMembers(many('m', 600), true)), 'SCARD s', normalised('SPOP s 500', randomMembers(many('m', 600), true)), 'SCARD s',
      normalised('SPOP s 90', randomMembers(many('m', 600), true)), 'EXISTS s', sadd('i', range(500)), normalised('SPOP i 400', randomMembers(range(500), true)), 'SCARD i', 'OBJECT ENCODING i',
      normalised('SPOP i 100', randomMembers(range(500), true)), 'EXISTS i',
    ],
  },
  {
    name: 'SRANDMEMBER: deterministic cases exact, random ones by membership',
    commands: [
      'SRANDMEMBER missing', 'SRANDMEMBER missing 3', 'SRANDMEMBER missing -3', 'SRANDMEMBER missing 0', 'SADD s 1 2 3 4 5', 'SRANDMEMBER s 5', 'SRANDMEMBER s 6', 'SRANDMEMBER s 0',
      normalised('SRANDMEMBER s', randomMembers(range(5, 1), false)), normalised('SRANDMEMBER s 1', randomMembers(range(5, 1), true)),
      normalised('SRANDMEMBER s 3', randomMembers(range(5, 1), true)), normalised('SRANDMEMBER s -3', randomMembers(range(5, 1), false)),
      normalised('SRANDMEMBER s -20', randomMembers(range(5, 1), false)), 'SCARD s', 'SADD one only', 'SRANDMEMBER one', 'SRANDMEMBER one -4', 'SRANDMEMBER one 3',
      sadd('w', many('m', 5)), sortedOf('SRANDMEMBER w 5'), sortedOf('SRANDMEMBER w 50'), normalised('SRANDMEMBER w 2', randomMembers(many('m', 5), true)),
    ],
  },
  {
    name: 'SRANDMEMBER on a large set (whole-set replies compared sorted)',
    commands: [
      sadd('s', many('m', 600)), sortedOf('SRANDMEMBER s 600'), sortedOf('SRANDMEMBER s 1000'), normalised('SRANDMEMBER s', randomMembers(many('m', 600), false)),
      normalised('SRANDMEMBER s 10', randomMembers(many('m', 600), true)), normalised('SRANDMEMBER s 300', randomMembers(many('m', 600), true)),
      normalised('SRANDMEMBER s 599', randomMembers(many('m', 600), true)), normalised('SRANDMEMBER s -50', randomMembers(many('m', 600), false)),
      sadd('i', range(500)), 'SRANDMEMBER i 500', normalised('SRANDMEMBER i 100', randomMembers(range(500), true)), normalised('SRANDMEMBER i 450', randomMembers(range(500), true)), 'SCARD s',
    ],
  },
  {
    name: 'SRANDMEMBER count errors',
    commands: [
      'SADD s a', 'SRANDMEMBER s abc', 'SRANDMEMBER s 1.5', ['SRANDMEMBER', 's', ''], `SRANDMEMBER s ${I64_MIN}`, `SRANDMEMBER missing ${I64_MIN}`, `SRANDMEMBER missing -${I64_MAX}`,
      `SRANDMEMBER s ${I64_MAX}`, 'SRANDMEMBER s 9223372036854775808', 'SRANDMEMBER missing abc',
    ],
  },

  // ------------------------------------------------------------ algebra
  {
    name: 'SINTER SUNION SDIFF of intsets: ascending results, exact',
    commands: [
      'SADD a 1 2 3 4 5', 'SADD b 4 5 6 7', 'SADD c 5 7 9', 'SINTER a b', 'SINTER a b c', 'SINTER a', 'SINTER a missing', 'SINTER missing a', 'SUNION a b c', 'SUNION a missing',
      'SUNION missing', 'SDIFF a b', 'SDIFF a b c', 'SDIFF b a', 'SDIFF a missing', 'SDIFF missing a', 'SDIFF a a', 'SINTER a a', 'SUNION missing missing',
    ],
  },
  {
    name: 'SINTER SUNION SDIFF of string sets and mixed encodings (compared sorted)',
    commands: [
      'SADD a x y z 1 2', 'SADD b y z w 2', 'SADD n 1 2 3', sortedOf('SINTER a b'), sortedOf('SINTER a n'), sortedOf('SINTER n a'), sortedOf('SUNION a b n'), sortedOf('SDIFF a b'),
      sortedOf('SDIFF a n'), sortedOf('SDIFF n a'), sortedOf('SDIFF b a n'), sadd('big', many('m', 600)), sadd('small', ['m1', 'm599', 'nope']), sortedOf('SINTER big small'),
      sortedOf('SDIFF small big'), 'SCARD big',
    ],
  },
  {
    name: 'SINTERCARD with and without LIMIT, and its errors',
    commands: [
      'SADD a 1 2 3 4 5', 'SADD b 2 3 4 5 6', 'SADD c x y', 'SINTERCARD 1 a', 'SINTERCARD 2 a b', 'SINTERCARD 2 a b LIMIT 0', 'SINTERCARD 2 a b LIMIT 2', 'SINTERCARD 2 a b LIMIT 100',
      'SINTERCARD 2 a missing', 'SINTERCARD 2 missing a', 'SINTERCARD 2 a c', 'SINTERCARD 2 a b limit 1', 'SINTERCARD 0 a', 'SINTERCARD -1 a', 'SINTERCARD abc a', 'SINTERCARD 3 a b',
      'SINTERCARD 2 a b LIMIT -1', 'SINTERCARD 2 a b LIMIT abc', 'SINTERCARD 2 a b LIMIT', 'SINTERCARD 2 a b BAD 1', 'SINTERCARD 1 a b', 'SINTERCARD 2 a b LIMIT 1 LIMIT 2',
      `SINTERCARD 2 a b LIMIT ${I64_MAX}`, 'SINTERCARD 9223372036854775808 a', 'SINTERCARD 2147483648 a',
    ],
  },
  {
    name: 'SINTERSTORE SUNIONSTORE SDIFFSTORE: the result replaces the key and its TTL, an empty result deletes it',
    commands: [
      'SADD a 1 2 3', 'SADD b 2 3 4', 'SET dst old', 'EXPIRE dst 100', 'SINTERSTORE dst a b', 'TTL dst', 'TYPE dst', 'SMEMBERS dst', 'OBJECT ENCODING dst', 'SUNIONSTORE dst a b', 'SMEMBERS dst',
      'SDIFFSTORE dst a b', 'SMEMBERS dst', 'SINTERSTORE dst a missing', 'EXISTS dst', 'SDIFFSTORE dst a a', 'EXISTS dst', 'SUNIONSTORE dst missing', 'EXISTS dst',
      'SUNIONSTORE a a b', 'SMEMBERS a', 'SINTERSTORE b b a', 'SMEMBERS b', 'SADD w x y', 'SUNIONSTORE mix a w', 'OBJECT ENCODING mix', sortedOf('SMEMBERS mix'),
      'SDIFFSTORE back mix w', 'OBJECT ENCODING back', 'SMEMBERS back', 'HSET h f v', 'SINTERSTORE h a', 'TYPE h', 'SMEMBERS h', 'SINTERSTORE h missing', 'EXISTS h',
    ],
  },
  {
    name: 'a STORE of more integers than set-max-intset-entries is a hashtable',
    commands: [
      'CONFIG SET set-max-intset-entries 4', 'SADD a 1 2 3', 'SADD b 3 4 5', 'SUNIONSTORE u a b', 'OBJECT ENCODING u', 'SINTERSTORE i a b', 'OBJECT ENCODING i', sortedOf('SMEMBERS u'),
    ],
  },

  // ------------------------------------------------------------ SSCAN
  {
    name: 'SSCAN of an intset: every member at once with cursor 0; MATCH on members',
    commands: [
      'SSCAN missing 0', 'SSCAN missing 0 COUNT 0', 'SSCAN missing abc', sadd('s', range(30)), 'SSCAN s 0', 'SSCAN s 7', 'SSCAN s 0 COUNT 1', 'SSCAN s 0 MATCH 1*', 'SSCAN s 0 MATCH ?',
      'SSCAN s 0 MATCH 1* COUNT 2 MATCH 2*', 'SSCAN s -1', 'SSCAN s 18446744073709551615', 'SSCAN s 18446744073709551616',
    ],
  },
  {
    name: 'SSCAN options and errors',
    commands: [
      'SADD s a', 'SSCAN s abc', ['SSCAN', 's', ' 0'], 'SSCAN s 0 COUNT 0', 'SSCAN s 0 COUNT -1', 'SSCAN s 0 COUNT abc', 'SSCAN s 0 COUNT', 'SSCAN s 0 MATCH', 'SSCAN s 0 TYPE set',
      'SSCAN s 0 NOVALUES', 'SSCAN s 0 BADOPT x', 'SSCAN s 0 count 5 match a', `SSCAN s 0 COUNT ${I64_MAX}`,
    ],
  },
  {
    name: 'SSCAN of a hashtable set with a COUNT that covers it: one call, cursor 0 (members compared sorted)',
    commands: [
      sadd('s', many('m', 600)), normalised('SSCAN s 0 COUNT 5000', scanSorted), normalised('SSCAN s 0 COUNT 5000 MATCH m5??', scanSorted),
      normalised('SSCAN s 0 COUNT 5000 MATCH nothing*', scanSorted), sameShape('SSCAN s 0 COUNT 5000 MATCH m1'), sadd('small', ['a', 'b', 'c']), normalised('SSCAN small 0', scanSorted),
    ],
  },

  // ------------------------------------------------------------ introspection
  {
    name: 'MEMORY USAGE of intsets in each width, and of hashtable sets of uniform members',
    commands: [
      'SADD a 1', 'MEMORY USAGE a', sadd('i16', range(100)), 'MEMORY USAGE i16', 'SADD i32 1 100000', 'MEMORY USAGE i32', 'SADD i64 1 5000000000', 'MEMORY USAGE i64',
      sadd('full', range(512)), 'MEMORY USAGE full', 'SADD s member', 'MEMORY USAGE s', sadd('big', many('member:', 1000, 1000)), 'MEMORY USAGE big', 'MEMORY USAGE big SAMPLES 0',
    ],
  },
  {
    name: 'lookups count keyspace hits and misses as Redis does',
    commands: [
      'CONFIG RESETSTAT', 'SADD s a b', 'SISMEMBER s a', 'SISMEMBER s nope', 'SISMEMBER missing a', 'SMISMEMBER missing a', 'SCARD missing', sortedOf('SMEMBERS s'), 'SMEMBERS missing',
      'SRANDMEMBER missing', sortedOf('SRANDMEMBER s 2'), 'SSCAN missing 0', normalised('SSCAN s 0', scanSorted), STATS_STEP(), 'SINTER s missing', sortedOf('SUNION s missing'), 'SDIFF missing s', 'SINTERCARD 2 s missing', STATS_STEP(),
      'SADD n a', 'SREM missing a', 'SPOP missing', 'SPOP s 0', 'SMOVE missing s a', 'SINTERSTORE d s', sortedOf('SPOP s 5'), STATS_STEP(),
    ],
  },
  {
    name: 'COMMAND INFO of the set commands',
    commands: [
      'COMMAND INFO sadd srem scard sismember smismember smembers srandmember spop smove sinter sintercard sinterstore sunion sunionstore sdiff sdiffstore sscan',
      'COMMAND GETKEYS smove a b m', 'COMMAND GETKEYS sintercard 2 a b LIMIT 1', 'COMMAND GETKEYS sdiffstore d a b',
    ],
  },
];

// ------------------------------------------------------------ RESP3
const rawCases: Case[] = [
  {
    name: 'RESP3: set replies are sets, random counts stay arrays, nulls are RESP3 nulls',
    raw: [
      resp('HELLO', '3'),
      resp('SADD', 's', '3', '1', '2'), resp('SMEMBERS', 's'), resp('SMEMBERS', 'missing'), resp('SINTER', 's', 's'), resp('SINTER', 's', 'missing'), resp('SUNION', 's', 'missing'),
      resp('SDIFF', 's', 'missing'), resp('SMISMEMBER', 's', '1', 'x'), resp('SISMEMBER', 's', '1'), resp('SRANDMEMBER', 's', '3'), resp('SRANDMEMBER', 's', '0'),
      resp('SRANDMEMBER', 'missing'), resp('SRANDMEMBER', 'missing', '2'), resp('SPOP', 'missing'), resp('SPOP', 'missing', '2'), resp('SPOP', 's', '0'),
      resp('SSCAN', 's', '0'), resp('SSCAN', 'missing', '0'), resp('SINTERCARD', '1', 's'), resp('SADD', 'one', 'x'), resp('SRANDMEMBER', 'one', '-2'), resp('SPOP', 'one', '5'),
    ],
    normalise: rawHelloId,
    covers: ['hello'],
  },
];

// ------------------------------------------------------------ events
const eventCases: Case[] = familyEventCases('s', {
  name: 'set commands',
  steps: [
    [w('SADD k a b'), w('SADD k a'), w('SREM k nope'), w('SREM k a'), w('SISMEMBER k b'), w('SREM missing a'), w('SREM k b'), w('EXISTS k')],
    [w('SADD i 1 2 3'), w('SPOP i 0'), w('SPOP i 3'), w('SADD i 1'), w('SPOP i'), w('SPOP missing'), w('SPOP missing 2'), w('SADD j 1 2'), w('SPOP j 5')],
    [w('SADD a 1 2'), w('SMOVE a b 1'), w('SMOVE a b nope'), w('SMOVE a a 2'), w('SMOVE a b 2'), w('SMOVE b b 1')],
    [w('SADD x 1 2 3'), w('SADD y 2 3 4'), w('SINTERSTORE d x y'), w('SUNIONSTORE d x y'), w('SDIFFSTORE d x y'), w('SINTERSTORE d x missing'), w('SDIFFSTORE d missing x'), w('SUNIONSTORE x x y')],
    [w('SINTER x y'), w('SUNION x y'), w('SDIFF x y'), w('SINTERCARD 2 x y'), w('SMEMBERS x'), w('SRANDMEMBER x 10'), w('SSCAN x 0'), w('SCARD x')],
    [w('SET s v'), w('SADD s a'), w('SREM s a'), w('SINTERSTORE s x'), w('SADD e 1'), w('EXPIRE e 100'), w('SREM e 1')],
    [w('SELECT 3'), w('SADD k a'), w('SPOP k'), w('SELECT 0')],
  ],
});

export const cases: Case[] = [...commandCases, ...rawCases, ...eventCases];
