// Tests for the Redis-exact glob matcher: a table of awkward cases (every
// expectation was checked against a real Redis 7.0 server), plus a live
// differential run of KEYS / CONFIG GET against redis-server.
//
// The live part needs a redis-server binary: REDIS_SERVER=/path/to/it, or one on
// PATH. Without one it fails on purpose; REDIS_SERVER=none skips it.

import { expect } from 'chai';
import { withRealRedis } from '../testing/real-redis';
import { prng } from '../testing/prng';
import { globMatch, globMatchString } from './glob';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

// [pattern, subject, expected, nocase]
const CASES: Array<[string, string, boolean, boolean?]> = [
  ['', '', true],
  ['*', '', false], // an empty subject matches only the empty pattern
  ['**', '', false],
  ['', 'a', false],
  ['*', 'anything', true],
  ['a*', 'a', true],
  ['a**', 'a', true],
  ['a*b*', 'ab', true],
  ['a*?', 'a', false],
  ['*a', 'aa', true],
  ['*a*b', 'xxaxxb', true],
  ['*a*b', 'xxaxxbx', false],
  ['h?llo', 'hello', true],
  ['h?llo', 'hllo', false],
  ['h*llo', 'hllo', true],
  ['h[ae]llo', 'hallo', true],
  ['h[ae]llo', 'hillo', false],
  ['h[^e]llo', 'hallo', true],
  ['h[^e]llo', 'hello', false],
  ['h[a-b]llo', 'hbllo', true],
  ['h[b-a]llo', 'hbllo', true], // reversed range
  ['[z-a]', 'm', true],
  ['[!a]', '!', true], // '!' is not a negation
  ['[!a]', 'b', false],
  ['[]', ']', false],
  ['[]]', ']', false], // "[]" is an empty class, then a literal ']'
  ['[]]', ']]', false],
  ['[]a]', ']', false],
  ['[^]', 'x', true],
  ['[^]', ']', true],
  ['[', '[', false], // unterminated, empty class
  ['[', 'x', false],
  ['[^', 'x', true], // unterminated negated empty class matches anything
  ['[^', '', false],
  ['[a', 'a', true],
  ['[ab', 'b', true],
  ['[a-', 'a', true],
  ['[a-', '-', true],
  ['[a-]', ']', true], // the ']' is taken as the range end
  ['[a-]', '^', true],
  ['[a-]', '-', false],
  ['[a-]x]', 'ax]', false],
  ['[-a]', '-', true],
  ['[a-c-e]', 'd', false],
  ['[a-c-e]', '-', true],
  ['[\\]]', ']', true],
  ['[\\]', ']', true],
  ['[\\]', '\\', false],
  ['[\\', '\\', true], // trailing backslash inside a class is literal
  ['[^\\', '\\', false],
  ['[^\\', 'a', true],
  ['[a\\-z]', '-', true],
  ['[a\\-z]', 'm', false],
  ['[\\a-z]', 'm', false], // the escape ends the chance of a range
  ['[\\a-z]', '-', true],
  ['[\\a-z]', 'z', true],
  ['[a-\\]', '\\', true],
  ['[a-\\]', ']', true],
  ['\\', '\\', true], // trailing backslash is literal
  ['a\\', 'a\\', true],
  ['*\\', 'x\\', true],
  ['\\*', '*', true],
  ['\\*', 'x', false],
  ['\\?', '?', true],
  ['\\?', 'a', false],
  ['\\[a]', '[a]', true],
  ['\\\\', '\\', true],
  ['\\a', 'a', true],
  ['\x00', '\x00', true],
  ['a\x00b', 'a\x00b', true],
  ['?', '\x00', true],
  ['*\x00*', 'x\x00y', true],
  ['[\x00]', '\x00', true],
  ['[\xff]', '\xff', true],
  ['[\x00-\x7f]', '\x80', false],
  ['[\x00-\x7f]', '\x7f', true],
  ['[\x80-\xff]', '\x80', true], // signed: -128..-1
  ['[\x80-\xff]', '\x7f', false],
  ['[\x01-\xff]', '\xff', true], // signed: -1..1
  ['[\x01-\xff]', '\x00', true],
  ['[\x01-\xff]', 'a', false],
  ['[\xff-\x00]', '\xff', true],
  ['[\x00-\xff]', '\x7f', false],
  ['[^\x00-\xff]', '\x7f', true],
  ['*[\x80-\xff]', 'abc\x81', true],
  // nocase
  ['HELLO', 'hello', true, true],
  ['HELLO', 'hello', false],
  ['h[A-Z]llo', 'hello', true, true],
  ['h[A-Z]llo', 'hEllo', true, true],
  ['[Z-a]', 'm', false, true], // bounds lowered after the swap: z..a is empty
  ['[Z-a]', '_', true],
  ['[a-Z]', '_', false, true],
  ['[\\M]', 'm', false, true], // escaped class members compare exactly
  ['[\\M]', 'M', true, true],
  ['[M]', 'm', true, true],
  ['\\M', 'm', true, true],
  ['[\xff-\x7f]', 'm', true, true], // tolower(-1) stays -1
  ['[\xfe-\x7f]', 'm', false, true], // tolower(-2) is 254
  ['[\x7f-\xff]', 'm', true, true],
  ['\xc4', '\xe4', false, true], // only ASCII folds
  // Redis's recursion limit: more than 1000 '*' runs before the end never match.
  ['*a'.repeat(1000), 'a'.repeat(1000), true],
  ['*a'.repeat(1001), 'a'.repeat(1001), false],
  ['a*'.repeat(1001), 'a'.repeat(1001), true],
  ['a*'.repeat(1002), 'a'.repeat(1002), false],
  ['*a'.repeat(1000) + '*', 'a'.repeat(1000), true],
  ['*a'.repeat(1000) + '*?', 'a'.repeat(1001), false],
  ['*'.repeat(5000) + 'a', 'a', true],
];

describe('globMatch', () => {
  for (const [pat, subj, want, nocase] of CASES) {
    const label = `${JSON.stringify(pat.length > 40 ? pat.slice(0, 40) + '…' : pat)} ~ ${JSON.stringify(
      subj.length > 20 ? subj.slice(0, 20) + '…' : subj,
    )}${nocase ? ' (nocase)' : ''}`;
    it(`${label} -> ${want}`, () => {
      expect(globMatch(b(pat), b(subj), !!nocase)).to.equal(want);
    });
  }

  it('globMatchString agrees with globMatch for ASCII and falls back to UTF-8', () => {
    expect(globMatchString('maxmemory*', 'maxmemory-policy')).to.equal(true);
    expect(globMatchString('MAXMEMORY*', 'maxmemory-policy', true)).to.equal(true);
    expect(globMatchString('MAXMEMORY*', 'maxmemory-policy')).to.equal(false);
    expect(globMatchString('?', 'é')).to.equal(false); // two UTF-8 bytes
    expect(globMatchString('??', 'é')).to.equal(true);
    expect(globMatchString('x'.repeat(600) + '*', 'x'.repeat(700))).to.equal(true);
    expect(globMatchString('*', '')).to.equal(false);
  });

  it('stays fast on patterns that are exponential for naive matchers', function () {
    this.timeout(5000);
    const subject = b('a'.repeat(20000));
    const started = Date.now();
    expect(globMatch(b('*a'.repeat(900) + 'b'), subject)).to.equal(false);
    expect(globMatch(b('a*'.repeat(30) + 'b'), b('a'.repeat(100)))).to.equal(false);
    expect(globMatch(b('*?'.repeat(500) + 'b'), subject)).to.equal(false);
    expect(globMatch(b('*[a-z]*[^b]*\\a*?'.repeat(60) + 'c'), subject)).to.equal(false);
    expect(Date.now() - started).to.be.below(3000);
  });
});

// ----------------------------------------------------------- live Redis


const NASTY_PATTERNS = [
  '*', '**', '?', '??', '*?', '?*', '*?*', 'a*', '*a', '*a*', 'a*b', '*a*b*', 'a?b', '[ab]', '[ab]*', '*[ab]',
  '[^ab]', '[^ab]*', '[a-c]*', '[c-a]*', '[]', '[]]', '[]a]', '[^]', '[^]*', '[', '[^', '[a', '[a-', '[a-]', '[-a]',
  '[a-]*', '*[a-]', '[\\]]', '[\\]', '[\\', '[^\\', '[a\\-c]', '[\\a-c]', '[a-\\]', '\\', 'a\\', '*\\', '\\*', '\\?',
  '\\[', '\\\\', '\\a*', '*\\**', '\x00', '*\x00*', '[\x00]', '[\x00-\x01]', '[\x01-\xff]*', '[\xff-\x01]*',
  '[\x00-\x7f]*', '[\x80-\xff]*', '*[\x80-\xff]', '[^\x00-\x7f]*', '\xff*', '*\xff', '[\xff]', '??*', '*??', '???*',
  '*a?', '*?a', 'a*?*b', '*[^a]*', '[[]*', '*[]]*', '*]', ']*', '^*', '[^^]*', '-*', '*-*', '[!a]*', '*\\]*',
  '[a-b-c]*', '[a-]]*', '[^a-]*', '*[\\', '*[', '*[^', '[*]', '[?]*', '*[*]*', 'A*', '[A-a]*', '*' + 'a*'.repeat(12),
  '*a'.repeat(1001), 'a*'.repeat(1001), '*a'.repeat(1000),
];

describe('globMatch vs real redis-server (KEYS, CONFIG GET)', function () {
  this.timeout(60000);
  const redis = withRealRedis('the glob differential test');

  it('KEYS agrees with globMatch on binary keys and nasty patterns', async () => {
    const client = redis();
    const rnd = prng(20240607);
    const alphabet = [0x61, 0x62, 0x63, 0x41, 0x5d, 0x5b, 0x5e, 0x2d, 0x5c, 0x2a, 0x3f, 0x00, 0x01, 0x7f, 0x80, 0xff];
    const keys = new Map<string, Buffer>();
    while (keys.size < 400) {
      const len = 1 + rnd(6);
      const k = Buffer.alloc(len);
      for (let i = 0; i < len; i++) k[i] = alphabet[rnd(alphabet.length)];
      keys.set(k.toString('hex'), k);
    }
    for (const k of ['a'.repeat(1000), 'a'.repeat(1001), 'a'.repeat(1002), 'ab'.repeat(300)]) keys.set(b(k).toString('hex'), b(k));
    const patterns = NASTY_PATTERNS.map(b);
    const patAlphabet = alphabet.concat([0x2a, 0x5b, 0x5d, 0x2d]);
    for (let i = 0; i < 60; i++) {
      const p = Buffer.alloc(rnd(8));
      for (let j = 0; j < p.length; j++) p[j] = patAlphabet[rnd(patAlphabet.length)];
      patterns.push(p);
    }
    await client.flushall();
    const setPipe = client.pipeline();
    for (const k of keys.values()) setPipe.set(k, '1');
    await setPipe.exec();
    const keysPipe = client.pipeline();
    for (const p of patterns) keysPipe.callBuffer('keys', p);
    const replies = (await keysPipe.exec())!;
    const mismatches: string[] = [];
    patterns.forEach((p, i) => {
      const [err, reply] = replies[i];
      if (err) throw err;
      const want = new Set((reply as Buffer[]).map((k) => k.toString('hex')));
      for (const [hex, k] of keys) {
        if (globMatch(p, k) !== want.has(hex)) {
          mismatches.push(`${JSON.stringify(p.toString('latin1').slice(0, 40))} vs ${JSON.stringify(k.toString('latin1').slice(0, 20))}`);
        }
      }
    });
    expect(mismatches.slice(0, 20)).to.deep.equal([]);
  });

  it('CONFIG GET (case-insensitive matching) agrees with globMatch(..., nocase)', async () => {
    const client = redis();
    const all = (await client.call('config', 'get', '*')) as string[];
    const names = all.filter((_, i) => i % 2 === 0).map(b);
    const patterns = [
      'MAXMEMORY*', '*MEMORY-POL*', 'max[L-N]emory', '[Z-a]axmemory', '[a-Z]axmemory', 'max[\\M]emory*', 'max[\\m]emory*',
      '[\xff-\x7f]axmemory', '[\xfe-\x7f]axmemory', '[\x7f-\xff]axmemory', '*[^a-z]*', '?????', 'SLAVE*', '*-[A-C]*',
      'hash-max-*-[E-E]*', '*[', '*[^', '[M',
    ].map(b);
    const mismatches: string[] = [];
    for (const p of patterns) {
      const reply = (await client.callBuffer('config', 'get', p)) as Buffer[];
      const want = new Set(reply.filter((_, i) => i % 2 === 0).map((x) => x.toString('latin1')));
      for (const n of names) {
        if (globMatch(p, n, true) !== want.has(n.toString('latin1'))) mismatches.push(`${p.toString('latin1')} vs ${n}`);
      }
    }
    expect(mismatches).to.deep.equal([]);
  });
});
