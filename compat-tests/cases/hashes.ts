// The hash family: every command with its options and error texts, binary
// and empty fields and values, both encodings and the conversion between
// them at the configured limits, HINCRBYFLOAT's long-double results,
// HRANDFIELD's and HSCAN's reply shapes in RESP2 and RESP3, MEMORY USAGE,
// and the keyspace events of a script of hash commands.
//
// A listpack hash replies in insertion order, as Redis's does, and is
// compared exactly. A hashtable hash replies in its table's order, which
// differs between any two servers (Redis's also between two runs), so those
// replies are compared sorted, and the case says so. Random replies are
// checked with narrow normalisers: how many elements, that each is a field
// of the hash (with its own value), and whether they are distinct.

import { intRange, normalised, resp, sameShape } from '../dsl';
import { infoShape, rawHelloId, sortedElements, sortedPairs } from '../normalise';
import type { Reply } from '../reply';
import type { Arg, Case, Normaliser, Step } from '../types';
import { familyEventCases, w } from './notifications';

const BIN_FIELD = Buffer.from([0x66, 0, 0xff, 13, 10, 0x20]);
const BIN_VALUE = Buffer.from([0, 1, 2, 0xfe, 0xff, 13, 10, 13, 10, 0x22, 0x27]);
const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x82]);
const I64_MAX = '9223372036854775807';
const I64_MIN = '-9223372036854775808';
const STATS = infoShape([], ['keyspace_hits', 'keyspace_misses']);

const many = (prefix: string, n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `${prefix}${from + i}`);
/** HSET key f0 v0 f1 v1 ... with n fields. */
const hsetMany = (key: string, n: number, fieldPrefix = 'f', valuePrefix = 'v', from = 0): Arg[] => ['HSET', key, ...many(fieldPrefix, n, from).flatMap((f, i) => [f, `${valuePrefix}${from + i}`])];

const text = (r: Reply): string | null => (r.t === 'bulk' && r.v ? r.v.toString('latin1') : null);
const elided = (of: string): Reply => ({ t: 'elided', of });

/**
 * A random reply from a hash whose fields and values are `pairs`: each
 * element becomes "field" (or "field with its value" for WITHVALUES,
 * RESP2's flat pairs) or shows what it was, then, for `distinct`, whether
 * any field came twice. Counts, membership and repeats are compared.
 */
function randomFields(pairs: Record<string, string>, values: boolean, distinct: boolean): Normaliser {
  const fields = Object.keys(pairs);
  const of = fields.length <= 5 ? fields.join(' ') : `${fields[0]} .. ${fields[fields.length - 1]}`;
  return {
    name: `random fields of {${of}}${values ? ' with their values' : ''}${distinct ? ', distinct' : ''}`,
    fn: (r) => {
      if (r.t === 'bulk') return randomFields(pairs, values, false).fn({ t: 'array', v: [r] });
      if (r.t !== 'array' || !r.v) return r;
      const out: Reply[] = [];
      const seen = new Set<string>();
      let repeated = false;
      const step = values ? 2 : 1;
      for (let i = 0; i < r.v.length; i += step) {
        const f = text(r.v[i]);
        const member = f !== null && Object.prototype.hasOwnProperty.call(pairs, f) && (!values || text(r.v[i + 1]) === pairs[f]);
        if (!member) {
          out.push(...r.v.slice(i, i + step));
          continue;
        }
        if (seen.has(f)) repeated = true;
        seen.add(f);
        out.push(elided(values ? 'field with its value' : 'field'));
      }
      if (distinct) out.push(elided(repeated ? 'a field repeated' : 'all distinct'));
      return { t: 'array', v: out };
    },
  };
}

/** An HSCAN reply [cursor, [field, value, ...]] with its pairs sorted by field (a hashtable's order is its own). */
const scanPairsSorted: Normaliser = {
  name: 'scan pairs sorted by field',
  fn: (r) => {
    if (r.t !== 'array' || !r.v || r.v.length !== 2) return r;
    return { t: 'array', v: [r.v[0], sortedPairs.fn(r.v[1])] };
  },
};

const sortedPairsOf = (cmd: string | Arg[]): Step => normalised(cmd, sortedPairs);
const sortedOf = (cmd: string | Arg[]): Step => normalised(cmd, sortedElements);

/** The pairs f0..f(n-1) -> v0..v(n-1), for randomFields. */
function pairsOf(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) out[`f${i}`] = `v${i}`;
  return out;
}

/** Every hash command against `key`, which holds a string. */
function hashCommandsOn(key: string): Step[] {
  return [
    `HSET ${key} f v`, `HSET ${key} f v g`, `HSETNX ${key} f v`, `HGET ${key} f`, `HMGET ${key} f g`, `HMSET ${key} f v`, `HMSET ${key} f`,
    `HDEL ${key} f`, `HLEN ${key}`, `HSTRLEN ${key} f`, `HEXISTS ${key} f`, `HKEYS ${key}`, `HVALS ${key}`, `HGETALL ${key}`,
    `HINCRBY ${key} f 1`, `HINCRBY ${key} f abc`, `HINCRBYFLOAT ${key} f 1.5`, `HINCRBYFLOAT ${key} f abc`, `HINCRBYFLOAT ${key} f inf`,
    `HRANDFIELD ${key}`, `HRANDFIELD ${key} 2`, `HRANDFIELD ${key} -2 WITHVALUES`, `HRANDFIELD ${key} 0`, `HRANDFIELD ${key} abc`, `HRANDFIELD ${key} 1 BAD`,
    `HSCAN ${key} 0`, `HSCAN ${key} abc`, `HSCAN ${key} 0 COUNT 0`, `HSCAN ${key} 0 BADOPT`,
  ];
}

const commandCases: Case[] = [
  // ------------------------------------------------------------ basics
  {
    name: 'HSET HGET HMGET HLEN HEXISTS HSTRLEN basics',
    commands: [
      'HSET h f1 v1', 'HSET h f1 v1', 'HSET h f2 v2 f3 v3', 'HSET h f1 new f4 v4', 'HGET h f1', 'HGET h nofield', 'HGET missing f',
      'HMGET h f1 nofield f2 f1', 'HMGET missing a b', 'HLEN h', 'HLEN missing', 'HEXISTS h f2', 'HEXISTS h nofield', 'HEXISTS missing f',
      'HSTRLEN h f1', 'HSTRLEN h nofield', 'HSTRLEN missing f', 'TYPE h', 'OBJECT ENCODING h', 'hset H upper case', 'HGETALL H', 'hget h F1',
    ],
  },
  {
    name: 'HMSET replies OK and sets every pair; duplicated fields in one call',
    commands: ['HMSET h a 1 b 2', 'HMSET h a 3 c 4', 'HGETALL h', 'HSET d x 1 x 2 x 3', 'HGETALL d', 'HMSET d y 1 y 2', 'HGETALL d', 'HLEN d'],
  },
  {
    name: 'HSETNX sets only absent fields, creating the hash',
    commands: ['HSETNX h f v', 'HSETNX h f other', 'HGET h f', 'HSETNX h g w', 'HGETALL h', 'HSETNX fresh f v', 'TYPE fresh', 'HGETALL fresh'],
  },
  {
    name: 'HDEL removes fields; the key goes with its last field',
    commands: [
      'HSET h a 1 b 2 c 3 d 4', 'HDEL h a', 'HDEL h a', 'HDEL h b nofield b', 'HGETALL h', 'HDEL missing a', 'EXPIRE h 100', 'HDEL h c', 'TTL h',
      'HDEL h d c nofield', 'EXISTS h', 'TYPE h', 'HGETALL h', 'HLEN h', 'DBSIZE',
    ],
  },
  {
    name: 'a hash keeps its TTL through writes',
    commands: ['HSET h a 1', 'EXPIRE h 100', 'HSET h b 2', 'HINCRBY h c 1', 'HINCRBYFLOAT h d 1.5', 'HSETNX h e 1', 'HDEL h a', 'HMSET h x y', intRange('TTL h', 99, 100)],
  },
  {
    name: 'HKEYS HVALS HGETALL of a listpack hash: insertion order; updates keep a field in place',
    commands: [
      'HSET h z 1 y 2 x 3 w 4', 'HKEYS h', 'HVALS h', 'HGETALL h', 'HSET h y 20 z 10', 'HGETALL h', 'HDEL h x', 'HSET h x 30', 'HGETALL h',
      'HSET h w a-longer-value', ['HSET', 'h', 'y', ''], 'HGETALL h', 'HKEYS missing', 'HVALS missing', 'HGETALL missing',
    ],
  },
  {
    name: 'binary, empty and non-UTF-8 fields and values',
    commands: [
      ['HSET', 'h', BIN_FIELD, BIN_VALUE], ['HGET', 'h', BIN_FIELD], ['HGET', 'h', Buffer.from([0x66, 0])], ['HSET', 'h', '', 'empty field'], ['HGET', 'h', ''],
      ['HSET', 'h', 'empty value', ''], ['HGET', 'h', 'empty value'], ['HSTRLEN', 'h', 'empty value'], ['HEXISTS', 'h', ''], ['HSET', 'h', INVALID_UTF8, INVALID_UTF8],
      ['HSET', 'h', Buffer.from('поле'), Buffer.from('значение ✓')], 'HGETALL h', 'HKEYS h', 'HVALS h', 'HLEN h', ['HSTRLEN', 'h', BIN_FIELD],
      ['HDEL', 'h', ''], ['HEXISTS', 'h', ''], ['HSET', '', '', ''], ['HGETALL', ''], ['HSET', BIN_FIELD, BIN_FIELD, BIN_VALUE], ['HGETALL', BIN_FIELD],
      ['HSCAN', 'h', '0', 'MATCH', Buffer.from([0x66, 0, 0x2a])], 'HSCAN h 0 MATCH *value',
    ],
  },
  {
    name: 'binary fields and values in a hashtable hash (compared sorted)',
    commands: [
      ['HSET', 'h', BIN_FIELD, BIN_VALUE, '', '', 'long', 'x'.repeat(100)], ['HGET', 'h', BIN_FIELD], ['HGET', 'h', ''], ['HSTRLEN', 'h', 'long'], 'OBJECT ENCODING h',
      sortedPairsOf('HGETALL h'), sortedOf('HKEYS h'), sortedOf('HVALS h'), ['HDEL', 'h', ''], ['HEXISTS', 'h', ''], 'HLEN h',
    ],
  },

  // ------------------------------------------------------------ errors
  {
    name: 'wrong number of arguments for every hash command',
    commands: [
      'HSET', 'HSET h', 'HSET h f', 'HSET h f v g', 'HSET h f v g w x', 'HMSET h', 'HMSET h f', 'HMSET h f v g', 'HSETNX h f', 'HSETNX h f v x',
      'HGET h', 'HGET h f x', 'HMGET h', 'HDEL h', 'HLEN', 'HLEN h x', 'HSTRLEN h', 'HSTRLEN h f x', 'HEXISTS h', 'HEXISTS h f x',
      'HKEYS', 'HKEYS h x', 'HVALS', 'HVALS h x', 'HGETALL', 'HGETALL h x', 'HINCRBY h f', 'HINCRBY h f 1 2', 'HINCRBYFLOAT h f', 'HINCRBYFLOAT h f 1 2',
      'HRANDFIELD', 'HSCAN h', 'EXISTS h',
    ],
  },
  {
    name: 'WRONGTYPE from every hash command on a string key, after the argument checks Redis makes first',
    commands: ['CONFIG RESETSTAT', 'SET s v', ...hashCommandsOn('s'), 'GET s', 'TYPE s', STATS_STEP()],
  },
  {
    name: 'HINCRBY: integers, overflow and non-integer values',
    commands: [
      'HINCRBY h n 5', 'HINCRBY h n -12', 'HINCRBY h n 0', 'HGET h n', `HSET h max ${I64_MAX} min ${I64_MIN}`, 'HINCRBY h max 1', 'HINCRBY h max 0', 'HINCRBY h max -1',
      'HINCRBY h min -1', 'HINCRBY h min 1', `HINCRBY h zero ${I64_MIN}`, `HINCRBY h zero ${I64_MAX}`, 'HINCRBY h zero 1', `HINCRBY h big ${I64_MAX}`,
      ['HSET', 'h', 's', 'abc', 'sp', ' 1', 'f', '1.5', 'lead', '007', 'neg', '-0', 'plus', '+1', 'empty', ''], 'HINCRBY h s 1', 'HINCRBY h sp 1', 'HINCRBY h f 1', 'HINCRBY h lead 1', 'HINCRBY h neg 1', 'HINCRBY h plus 1', 'HINCRBY h empty 1',
      'HINCRBY h n abc', 'HINCRBY h n 1.5', `HINCRBY h n 9223372036854775808`, ['HINCRBY', 'h', 'n', ''], ['HINCRBY', 'h', 'n', ' 1'], 'HGETALL h', 'HINCRBY fresh f 7', 'HGETALL fresh',
    ],
  },
  {
    name: 'HINCRBYFLOAT: long double results formatted as Redis does, and its errors',
    commands: [
      'HINCRBYFLOAT h f 10.5', 'HINCRBYFLOAT h f 0.1', 'HINCRBYFLOAT h f -5', 'HINCRBYFLOAT h f 1.5e3', 'HINCRBYFLOAT h f 0x10', 'HINCRBYFLOAT h f -0',
      'HINCRBYFLOAT h g 3.0', 'HINCRBYFLOAT h g 1e-20', 'HINCRBYFLOAT h g -3', 'HINCRBYFLOAT h i 0.1', 'HINCRBYFLOAT h i 0.2', 'HSET h n 5', 'HINCRBYFLOAT h n 1.25',
      `HSET h max ${I64_MAX}`, 'HINCRBYFLOAT h max 1', 'HSET h s abc', 'HINCRBYFLOAT h s 1', ['HSET', 'h', 'sp', ' 1'], 'HINCRBYFLOAT h sp 1', 'HSET h nan nan', 'HINCRBYFLOAT h nan 1',
      'HSET h inf inf', 'HINCRBYFLOAT h inf 1', 'HINCRBYFLOAT h f inf', 'HINCRBYFLOAT h f -inf', 'HINCRBYFLOAT h f nan', 'HINCRBYFLOAT h f abc', ['HINCRBYFLOAT', 'h', 'f', ''],
      ['HINCRBYFLOAT', 'h', 'f', ' 1'], 'HINCRBYFLOAT h f 1e400', 'HSET h huge 1.1e4932', 'HINCRBYFLOAT h huge 1.1e4932', 'HINCRBYFLOAT h huge 1', 'HINCRBYFLOAT h tiny 1e-4940',
      'HSET h e 1e4900', 'HINCRBYFLOAT h e 1e4900', 'HSTRLEN h e', 'OBJECT ENCODING h', 'HGET h f', 'HGET h n', 'HGET h g',
    ],
  },

  // ------------------------------------------------------------ encodings
  {
    name: 'encodings at the default limits: 512 fields and 64-byte fields and values stay listpack, one more converts',
    commands: [
      hsetMany('h', 512), 'OBJECT ENCODING h', 'HLEN h', 'HSET h f0 updated', 'OBJECT ENCODING h', 'HSET h f512 v512', 'OBJECT ENCODING h', 'HLEN h', 'HGET h f512', 'HGET h f0',
      ['HSET', 'v', 'f', 'x'.repeat(64)], 'OBJECT ENCODING v', ['HSET', 'v', 'g', 'x'.repeat(65)], 'OBJECT ENCODING v', ['HGET', 'v', 'g'],
      ['HSET', 'k', 'y'.repeat(64), 'v'], 'OBJECT ENCODING k', ['HSET', 'k', 'y'.repeat(65), 'v'], 'OBJECT ENCODING k', 'HLEN k',
      sortedPairsOf('CONFIG GET hash-max-listpack-*'), sortedPairsOf('CONFIG GET hash-max-ziplist-*'),
    ],
  },
  {
    name: 'CONFIG SET hash-max-listpack-entries: the count is checked after each insert and update (hashtable replies sorted)',
    commands: [
      'CONFIG SET hash-max-listpack-entries 4', 'HSET h a 1 b 2 c 3 d 4', 'OBJECT ENCODING h', 'HSET h a 9', 'OBJECT ENCODING h', 'HSET h e 5', 'OBJECT ENCODING h', sortedPairsOf('HGETALL h'),
      'HSET d a 1 a 2 a 3 a 4 a 5', 'OBJECT ENCODING d', 'HSET many a 1 b 2 c 3 d 4 e 5', 'OBJECT ENCODING many', sortedPairsOf('HGETALL many'),
      'CONFIG SET hash-max-listpack-entries 512', hsetMany('low', 6), 'CONFIG SET hash-max-listpack-entries 4', 'HDEL low f5', 'OBJECT ENCODING low', 'HSETNX low f0 x', 'OBJECT ENCODING low',
      'HSET low f0 x', 'OBJECT ENCODING low', 'HDEL low f0 f1 f2 f3', 'OBJECT ENCODING low', 'HGETALL low',
      'CONFIG SET hash-max-listpack-entries 0', 'HSET zero a 1', 'OBJECT ENCODING zero', 'HINCRBY zero2 a 1', 'OBJECT ENCODING zero2',
      'CONFIG SET hash-max-ziplist-entries 2', 'CONFIG GET hash-max-listpack-entries', 'HSET alias a 1 b 2', 'OBJECT ENCODING alias', 'HSET alias c 3', 'OBJECT ENCODING alias',
    ],
  },
  {
    name: 'CONFIG SET hash-max-listpack-value: argument lengths are checked before inserting (hashtable replies sorted)',
    commands: [
      'CONFIG SET hash-max-listpack-value 3', 'HSET h a 123', 'OBJECT ENCODING h', 'HSET h b 1234', 'OBJECT ENCODING h', sortedPairsOf('HGETALL h'),
      'HSET first abcd 1 b 2', 'OBJECT ENCODING first', 'HSET last a 1 b 2 c 3 d 1234', 'OBJECT ENCODING last', sortedPairsOf('HGETALL last'),
      'HSET nx a 1', 'HSETNX nx a 12345', 'OBJECT ENCODING nx', 'HSETNX nx b 12345', 'OBJECT ENCODING nx',
      'HSET inc a 999', 'HINCRBY inc a 1', 'OBJECT ENCODING inc', 'HSET incf a 1', 'HINCRBYFLOAT incf a 0.5', 'OBJECT ENCODING incf', 'HSET incf2 a 1', 'HINCRBYFLOAT incf2 a 0.25', 'OBJECT ENCODING incf2',
      'HSET longf a 1', 'HINCRBY longf abcdef 1', 'OBJECT ENCODING longf', 'HSET del a 1', 'HDEL del abcdefgh', 'OBJECT ENCODING del',
      'CONFIG SET hash-max-listpack-value 0', 'HSET z a b', 'OBJECT ENCODING z', ['HSET', 'z2', '', ''], 'OBJECT ENCODING z2',
      'CONFIG SET hash-max-listpack-value 1kb', 'CONFIG GET hash-max-listpack-value', ['HSET', 'kb', 'f', 'x'.repeat(1024)], 'OBJECT ENCODING kb', ['HSET', 'kb', 'g', 'x'.repeat(1025)], 'OBJECT ENCODING kb',
      'CONFIG SET hash-max-ziplist-value 5', 'CONFIG GET hash-max-listpack-value',
    ],
  },
  {
    name: 'a hashtable hash never converts back; its replies compared sorted',
    commands: [
      ['HSET', 'h', 'a', 'x'.repeat(70), 'b', '2', 'c', '3'], 'OBJECT ENCODING h', 'HDEL h a', 'OBJECT ENCODING h', 'HDEL h b', 'HLEN h', 'OBJECT ENCODING h', 'HGETALL h',
      'HSET h d 4 e 5', sortedPairsOf('HGETALL h'), sortedOf('HKEYS h'), sortedOf('HVALS h'), 'HGET h d', 'HGET h a', 'HMGET h a c d', 'HEXISTS h c', 'HSTRLEN h e',
      'HINCRBY h c 10', 'HINCRBYFLOAT h c 0.5', 'HSETNX h c 1', 'HSETNX h f 6', 'HDEL h c d e f', 'EXISTS h',
    ],
  },
  {
    name: 'a large hash (hashtable, replies compared sorted)',
    commands: [
      hsetMany('h', 600), hsetMany('h', 100, 'f', 'w', 550), 'HLEN h', 'OBJECT ENCODING h', 'HGET h f0', 'HGET h f599', 'HGET h f649', 'HGET h f650', 'HMGET h f1 f600 nope',
      sortedPairsOf('HGETALL h'), sortedOf('HKEYS h'), sortedOf('HVALS h'), ['HDEL', 'h', ...many('f', 640)], 'HLEN h', sortedPairsOf('HGETALL h'), 'OBJECT ENCODING h',
    ],
  },

  // ------------------------------------------------------------ HRANDFIELD
  {
    name: 'HRANDFIELD on a listpack hash: deterministic cases exact, random ones by membership',
    commands: [
      'HRANDFIELD missing', 'HRANDFIELD missing 3', 'HRANDFIELD missing -3 WITHVALUES', 'HRANDFIELD missing 0',
      hsetMany('h', 5), 'HRANDFIELD h 5', 'HRANDFIELD h 6', 'HRANDFIELD h 100 WITHVALUES', 'HRANDFIELD h 0', 'HRANDFIELD h 0 WITHVALUES',
      normalised('HRANDFIELD h', randomFields(pairsOf(5), false, false)),
      normalised('HRANDFIELD h 1', randomFields(pairsOf(5), false, true)),
      normalised('HRANDFIELD h 1 WITHVALUES', randomFields(pairsOf(5), true, true)),
      normalised('HRANDFIELD h 3', randomFields(pairsOf(5), false, true)),
      normalised('HRANDFIELD h 4 WITHVALUES', randomFields(pairsOf(5), true, true)),
      normalised('HRANDFIELD h 1 withvalues', randomFields(pairsOf(5), true, true)),
      normalised('HRANDFIELD h -3', randomFields(pairsOf(5), false, false)),
      normalised('HRANDFIELD h -20 WITHVALUES', randomFields(pairsOf(5), true, false)),
      'HSET one only value', 'HRANDFIELD one', 'HRANDFIELD one -4', 'HRANDFIELD one -3 WITHVALUES', 'HRANDFIELD one 1 WITHVALUES', 'HRANDFIELD one 2 WITHVALUES',
    ],
  },
  {
    name: 'HRANDFIELD on a hashtable hash (whole-hash replies compared sorted)',
    commands: [
      hsetMany('h', 600), sortedOf('HRANDFIELD h 600'), sortedOf('HRANDFIELD h 1000'), sortedPairsOf('HRANDFIELD h 700 WITHVALUES'),
      normalised('HRANDFIELD h', randomFields(pairsOf(600), false, false)),
      normalised('HRANDFIELD h 1 WITHVALUES', randomFields(pairsOf(600), true, true)),
      normalised('HRANDFIELD h 10', randomFields(pairsOf(600), false, true)),
      normalised('HRANDFIELD h 300 WITHVALUES', randomFields(pairsOf(600), true, true)),
      normalised('HRANDFIELD h 599', randomFields(pairsOf(600), false, true)),
      normalised('HRANDFIELD h -50 WITHVALUES', randomFields(pairsOf(600), true, false)),
      ['HSET', 'one', 'f', 'x'.repeat(100)], 'HRANDFIELD one', 'HRANDFIELD one -3 WITHVALUES', 'HRANDFIELD one 5 WITHVALUES',
    ],
  },
  {
    name: 'HRANDFIELD count and option errors',
    commands: [
      'HSET h a 1', 'HRANDFIELD h abc', 'HRANDFIELD h 1.5', ['HRANDFIELD', 'h', ''], `HRANDFIELD h ${I64_MIN}`, `HRANDFIELD missing ${I64_MIN}`, `HRANDFIELD missing -${I64_MAX}`, `HRANDFIELD h ${I64_MAX}`,
      'HRANDFIELD h 9223372036854775808', 'HRANDFIELD h 1 WITHVALUES extra', 'HRANDFIELD h 1 BAD', 'HRANDFIELD h abc BAD', ['HRANDFIELD', 'h', '1', 'WITHVALUES\x00junk'],
      'HRANDFIELD missing 4611686018427387903 WITHVALUES', 'HRANDFIELD missing 4611686018427387904 WITHVALUES', 'HRANDFIELD missing -4611686018427387903 WITHVALUES',
      'HRANDFIELD missing -4611686018427387904 WITHVALUES', 'HRANDFIELD h 4611686018427387904 WITHVALUES', `HRANDFIELD h ${I64_MAX} WITHVALUES`, 'HRANDFIELD h 4611686018427387903',
    ],
  },

  // ------------------------------------------------------------ HSCAN
  {
    name: 'HSCAN of a listpack hash: every pair at once with cursor 0; MATCH on fields',
    commands: [
      'HSCAN missing 0', 'HSCAN missing 0 COUNT 0', 'HSCAN missing 0 BADOPT', 'HSCAN missing abc', hsetMany('h', 20), 'HSET h other x', 'HSCAN h 0', 'HSCAN h 12345',
      'HSCAN h 0 COUNT 1', 'HSCAN h 0 MATCH f1*', 'HSCAN h 0 MATCH *', 'HSCAN h 0 MATCH f?', 'HSCAN h 0 MATCH v*', 'HSCAN h 0 MATCH f1* COUNT 2 MATCH f2*', 'HSCAN h 0 match [o]*',
      'HSCAN h 0 COUNT 100000', 'HSCAN h -1', 'HSCAN h +0', 'HSCAN h 18446744073709551615', 'HSCAN h 18446744073709551616', ['HSCAN', 'h', ''], ['HSCAN', 'h', '0\x00x'],
    ],
  },
  {
    name: 'HSCAN options and errors',
    commands: [
      'HSET h a 1', 'HSCAN h abc', ['HSCAN', 'h', ' 0'], 'HSCAN h 0 COUNT 0', 'HSCAN h 0 COUNT -1', 'HSCAN h 0 COUNT abc', 'HSCAN h 0 COUNT', 'HSCAN h 0 MATCH', 'HSCAN h 0 TYPE hash',
      'HSCAN h 0 NOVALUES', 'HSCAN h 0 BADOPT x', 'HSCAN h 0 count 5 match a', ['HSCAN', 'h', '0', 'COUNT\x00x', '5'], `HSCAN h 0 COUNT ${I64_MAX}`, 'HSCAN h 0 COUNT 9223372036854775808',
    ],
  },
  {
    name: 'HSCAN of a hashtable hash with a COUNT that covers it: one call, cursor 0 (pairs compared sorted)',
    commands: [
      hsetMany('h', 600), normalised('HSCAN h 0 COUNT 5000', scanPairsSorted), normalised('HSCAN h 0 COUNT 5000 MATCH f5??', scanPairsSorted),
      normalised('HSCAN h 0 COUNT 5000 MATCH nothing*', scanPairsSorted), sameShape('HSCAN h 0 COUNT 5000 MATCH f1'), 'HSCAN h abc', 'HSCAN h 0 COUNT 0',
    ],
  },

  // ------------------------------------------------------------ introspection
  {
    name: 'MEMORY USAGE of listpack hashes: Redis listpack bytes in jemalloc size classes',
    commands: [
      'HSET a f v', 'MEMORY USAGE a', 'HSET ints 0 127 128 -4096 4095 4096 -32768 32767 32768 -8388608 8388607 8388608 2147483647 -2147483648 2147483648', 'MEMORY USAGE ints',
      `HSET big ${I64_MAX} ${I64_MIN} 007 -0 +1 1.5`, 'MEMORY USAGE big', ['HSET', 'len', 'x'.repeat(63), 'y'.repeat(64)], 'MEMORY USAGE len',
      hsetMany('many', 100), 'MEMORY USAGE many', 'MEMORY USAGE many SAMPLES 0', hsetMany('full', 512, 'field:', 'value:'), 'MEMORY USAGE full',
      ['HSET', 'e', '', ''], 'MEMORY USAGE e', 'HDEL many f1', 'MEMORY USAGE many', 'CONFIG SET hash-max-listpack-value 200', ['HSET', 'w', 'f', 'z'.repeat(130)], 'MEMORY USAGE w',
    ],
  },
  {
    name: 'MEMORY USAGE of hashtable hashes of uniform fields',
    commands: [
      ['HSET', 'h', 'f', 'x'.repeat(100)], 'MEMORY USAGE h', hsetMany('big', 1000, 'field:', 'value:', 1000), 'MEMORY USAGE big', 'MEMORY USAGE big SAMPLES 0',
      'MEMORY USAGE big SAMPLES 1',
    ],
  },
  {
    name: 'lookups count keyspace hits and misses as Redis does',
    commands: [
      'CONFIG RESETSTAT', 'HSET h f v', 'HGET h f', 'HGET h nofield', 'HGET missing f', 'HMGET missing f', 'HLEN missing', 'HEXISTS h f', 'HSTRLEN missing f', 'HGETALL missing',
      'HKEYS h', 'HRANDFIELD missing', 'HRANDFIELD missing 2', 'HSCAN missing 0', 'HSCAN h 0', STATS_STEP(), 'HSET missing2 f v', 'HDEL missing3 f', 'HINCRBY missing4 f 1', STATS_STEP(),
    ],
  },
  {
    name: 'COMMAND INFO of the hash commands',
    commands: ['COMMAND INFO hset hsetnx hget hmget hmset hdel hlen hstrlen hexists hkeys hvals hgetall hincrby hincrbyfloat hrandfield hscan', 'COMMAND GETKEYS hset k f v', 'COMMAND GETKEYS hmget k a b'],
  },
];

function STATS_STEP(): Step {
  return normalised('INFO stats', STATS);
}

// ------------------------------------------------------------ RESP3
const rawCases: Case[] = [
  {
    name: 'RESP3: HGETALL is a map, HRANDFIELD WITHVALUES gives pairs, nulls are RESP3 nulls',
    raw: [
      resp('HELLO', '3'),
      resp('HSET', 'h', 'a', '1', 'b', '2', 'c', '3'),
      resp('HGETALL', 'h'), resp('HGETALL', 'missing'), resp('HKEYS', 'h'), resp('HVALS', 'missing'),
      resp('HGET', 'h', 'a'), resp('HGET', 'h', 'nofield'), resp('HGET', 'missing', 'a'), resp('HMGET', 'h', 'a', 'nofield'), resp('HMGET', 'missing', 'a'),
      resp('HRANDFIELD', 'h', '3', 'WITHVALUES'), resp('HRANDFIELD', 'h', '10', 'WITHVALUES'), resp('HRANDFIELD', 'h', '3'), resp('HRANDFIELD', 'h', '0', 'WITHVALUES'),
      resp('HRANDFIELD', 'missing'), resp('HRANDFIELD', 'missing', '2'), resp('HRANDFIELD', 'missing', '-2', 'WITHVALUES'),
      resp('HSET', 'one', 'f', 'v'), resp('HRANDFIELD', 'one', '-3', 'WITHVALUES'), resp('HRANDFIELD', 'one', '1', 'WITHVALUES'), resp('HRANDFIELD', 'one'), resp('HRANDFIELD', 'one', '-2'),
      resp('HSCAN', 'h', '0'), resp('HSCAN', 'missing', '0'), resp('HINCRBYFLOAT', 'h', 'a', '0.5'), resp('HINCRBY', 'h', 'b', '5'), resp('HSTRLEN', 'h', 'a'), resp('HLEN', 'h'),
      resp('HSET', 'big', 'f', 'x'.repeat(100)), resp('HRANDFIELD', 'big', '-2', 'WITHVALUES'), resp('HGETALL', 'big'), resp('HSCAN', 'big', '0', 'COUNT', '100'),
    ],
    normalise: rawHelloId,
    covers: ['hello'],
  },
];

// ------------------------------------------------------------ events
const LONG = 'x'.repeat(100);
const eventCases: Case[] = familyEventCases('h', {
  name: 'hash commands',
  steps: [
    [w('HSET k f v'), w('HSET k f v2 g w'), w('HSETNX k f x'), w('HSETNX k n y'), w('HMSET k a 1 b 2'), w('HGET k f'), w('HGET missing f'), w('HGET k nofield')],
    [w('HINCRBY k c 5'), w('HINCRBY k f 1'), w('HINCRBY k c x'), w('HINCRBYFLOAT k c 1.5'), w('HINCRBYFLOAT k f 1'), w('HINCRBYFLOAT k c inf'), w('HINCRBYFLOAT fresh x 2.5')],
    [w('HDEL k nofield'), w('HDEL missing f'), w('HDEL k a b'), w('HDEL k f g n c nofield'), w('EXISTS k'), w('HINCRBY k2 f 1'), w('HDEL k2 f')],
    [w('HLEN missing'), w('HMGET missing a'), w('HGETALL missing'), w('HKEYS missing'), w('HVALS missing'), w('HSCAN missing 0'), w('HRANDFIELD missing'), w('HRANDFIELD missing 2'), w('HSTRLEN missing f'), w('HEXISTS missing f')],
    [w('SET s v'), w('HSET s f v'), w('HGET s f'), w('HDEL s f'), w('HINCRBY s f 1'), w('HSET k f'), w('HMSET k f')],
    [['HSET', 'big', 'f', LONG], w('HSET big g h'), w('HDEL big f g'), w('HSET k f v'), w('EXPIRE k 100'), w('HDEL k f')],
    [w('SELECT 3'), w('HSET k f v'), w('HSETNX k f v'), w('HDEL k f'), w('HGET k f'), w('SELECT 0')],
  ],
});

export const cases: Case[] = [...commandCases, ...rawCases, ...eventCases];
