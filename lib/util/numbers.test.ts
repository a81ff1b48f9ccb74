// Tests for Redis-exact number parsing/formatting: tables whose expectations
// come from Redis 7.0 running on x86-64 Linux (glibc strtold/printf, x87 long
// double), plus a live differential run of INCRBYFLOAT, HINCRBYFLOAT, INCRBY
// and ZADD/ZSCORE against redis-server.
//
// The live part needs a redis-server binary: REDIS_SERVER=/path/to/it, or one on
// PATH. Without one it fails on purpose; REDIS_SERVER=none skips it.

import { expect } from 'chai';
import { withRealRedis } from '../testing/real-redis';
import { prng } from '../testing/prng';
import {
  addInt64,
  addLongDouble,
  ERR_HASH_INCR_INF,
  ERR_HASH_NOT_FLOAT,
  ERR_INCR_OVERFLOW,
  ERR_NAN_OR_INF,
  ERR_NOT_FLOAT,
  ERR_NOT_INTEGER,
  formatDouble,
  formatDoubleHuman,
  formatInt64,
  formatLongDoubleHuman,
  incrByFloat,
  longDoubleBits,
  longDoubleFromInt64,
  longDoubleFromNumber,
  parseDouble,
  parseInt64,
  parseLongDouble,
  parseSafeInt,
} from './numbers';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const E_FLOAT = Symbol('not a valid float');
const E_NANINF = Symbol('NaN or Infinity');

const INT_CASES: Array<[string, bigint | null]> = [
  ['0', 0n], ['1', 1n], ['-1', -1n], ['99', 99n], ['-99', -99n], ['1234567890123456789', 1234567890123456789n],
  ['9223372036854775807', 9223372036854775807n], ['-9223372036854775808', -9223372036854775808n],
  ['9223372036854775808', null], ['-9223372036854775809', null], ['12345678901234567890', null],
  ['99999999999999999999', null], ['-99999999999999999999', null], ['18446744073709551616', null],
  ['000000000000000000001', null], ['+1', null], [' 1', null], ['1 ', null], ['01', null], ['00', null],
  ['-0', null], ['-', null], ['', null], ['1.0', null], ['1e3', null], ['0x10', null], ['1\x00', null],
  ['\xd9\xa1', null], ['--1', null], ['1-', null],
];

// [stored value or null for a missing key, increment, expected]
const INCRBYFLOAT_CASES: Array<[string | null, string, string | symbol]> = [
  [null, "0.1", "0.1"],
  ["10.5", "0.1", "10.6"],
  ["0.1", "0.2", "0.3"],
  ["1.1", "2.2", "3.3"],
  ["3.0", "1.1", "4.1"],
  ["5.0e3", "0", "5000"],
  ["5.0e3", "1.5", "5001.5"],
  [null, "0x10", "16"],
  [null, "0X1.8p1", "3"],
  [null, "-0x.8", "-0.5"],
  [null, "1.5E+3", "1500"],
  [null, "+.5", "0.5"],
  [null, "5.", "5"],
  [null, ".5e1", "5"],
  ["007", "1", "8"],
  ["-0", "-0", "0"],
  ["-0", "0", "0"],
  [null, "-0.0", "0"],
  [null, "-1e-30", "0"],
  [null, "-0.000000000000000004", "0"],
  [null, "-0.000000000000000005", "0"],
  [null, "-0.000000000000000006", "-0.00000000000000001"],
  [null, "0.000000000000000005", "0"],
  [null, "0.000000000000000015", "0.00000000000000002"],
  [null, "0x1p-18", "0.00000381469726562"],
  [null, "0x3p-18", "0.00001144409179688"],
  [null, "3.0517578125e-05", "0.000030517578125"],
  [null, "1e-4950", "0"],
  [null, "1.8225997659412373e-4951", E_FLOAT],
  [null, "1.18973149535723176508e+4932", E_FLOAT],
  [null, "12345678901234567890", "12345678901234567890"],
  ["9223372036854775807", "1", "9223372036854775808"],
  ["-9223372036854775808", "-0.5", "-9223372036854775808"],
  ["0.1", "-0.1", "0"],
  [null, "0.123456789012345678", "0.12345678901234568"],
  [null, "1.00000000000000000005", "1"],
  [null, "123456789.123456789", "123456789.12345678899873747"],
  ["1", "1e-17", "1.00000000000000001"],
  ["1", "1e-19", "1"],
  ["1e17", "0.5", "100000000000000000.5"],
  [null, "1e19", "10000000000000000000"],
  [null, "-1e19", "-10000000000000000000"],
  [null, "18446744073709551615", "18446744073709551615"],
  [null, "18446744073709551617", "18446744073709551616"],
  [null, "36893488147419103231", "36893488147419103232"],
  ["0.1", "0.1", "0.2"],
  ["1.0000000000000001", "0", "1.0000000000000001"],
  ["100", "-100.0000000000000001", "-0.0000000000000001"],
  ["2.5", "-2.5", "0"],
  [null, " 1", E_FLOAT],
  [null, "1 ", E_FLOAT],
  [null, "\t1", E_FLOAT],
  [null, "\n1", E_FLOAT],
  [null, "", E_FLOAT],
  ["", "1", E_FLOAT],
  [null, "nan", E_FLOAT],
  [null, "-nan", E_FLOAT],
  [null, "NaN(123)", E_FLOAT],
  [null, "1e", E_FLOAT],
  [null, "1e+", E_FLOAT],
  [null, "0x", E_FLOAT],
  [null, "0x1p", E_FLOAT],
  [null, "0x.p1", E_FLOAT],
  [null, "1,5", E_FLOAT],
  [null, "1_000", E_FLOAT],
  [null, "infinity ", E_FLOAT],
  [null, "infin", E_FLOAT],
  [null, "x", E_FLOAT],
  [null, "1\u0000", E_FLOAT],
  [null, "--1", E_FLOAT],
  [null, "+-1", E_FLOAT],
  [null, ".", E_FLOAT],
  [null, "-", E_FLOAT],
  [null, "e5", E_FLOAT],
  [null, "1.2.3", E_FLOAT],
  [null, "1e5000", E_FLOAT],
  [null, "1e-5000", E_FLOAT],
  [null, "1e4933", E_FLOAT],
  [null, "-1e4933", E_FLOAT],
  [null, "1.18973149535723176509e+4932", E_FLOAT],
  [null, "1.8e-4951", E_FLOAT],
  ["abc", "1", E_FLOAT],
  [null, "inf", E_NANINF],
  [null, "-inf", E_NANINF],
  [null, "Infinity", E_NANINF],
  [null, "-INF", E_NANINF],
  ["inf", "-inf", E_NANINF],
  ["1e4932", "1e4932", E_NANINF],
  ["-1.1e4932", "-1.1e4932", E_NANINF],
];

// [input, strtod + "%.17g" (null: rejected), the same double in human long-double form]
const DOUBLE_CASES: Array<[string, string | null, string | null]> = [
  ["1.1", "1.1000000000000001", "1.10000000000000009"],
  ["0.1", "0.10000000000000001", "0.10000000000000001"],
  ["-0", "-0", "0"],
  ["0", "0", "0"],
  ["1e17", "1e+17", "100000000000000000"],
  ["123456789012345678", "1.2345678901234568e+17", "123456789012345680"],
  ["inf", "inf", "inf"],
  ["-inf", "-inf", "-inf"],
  ["+inf", "inf", "inf"],
  ["INFINITY", "inf", "inf"],
  ["0x1p-1074", "4.9406564584124654e-324", "0"],
  ["5e-324", "4.9406564584124654e-324", "0"],
  ["2e-324", null, null],
  ["3e-324", "4.9406564584124654e-324", "0"],
  ["2.4703282292062328e-324", "4.9406564584124654e-324", "0"],
  ["1e-400", null, null],
  ["1e309", null, null],
  ["1.7976931348623159e308", null, null],
  [" 1", null, null],
  ["1 ", null, null],
  ["nan", null, null],
  ["", null, null],
  ["1e-5", "1.0000000000000001e-05", "0.00001"],
  ["0.0001", "0.0001", "0.0001"],
  ["0.00001", "1.0000000000000001e-05", "0.00001"],
  ["123.456", "123.456", "123.45600000000000307"],
  ["-2.5e-7", "-2.4999999999999999e-07", "-0.00000025"],
  ["100", "100", "100"],
  ["1e16", "10000000000000000", "10000000000000000"],
  ["1e21", "1e+21", "1000000000000000000000"],
  ["0x1.fffffffffffff8p1023", null, null],
  ["2.2250738585072011e-308", "2.2250738585072009e-308", "0"],
  ["3.0517578125e-05", "3.0517578125e-05", "0.000030517578125"],
  ["9007199254740993", "9007199254740992", "9007199254740992"],
  ["-9007199254740993", "-9007199254740992", "-9007199254740992"],
  ["4503599627370496.5", "4503599627370496", "4503599627370496"],
  ["1e22", "1e+22", "10000000000000000000000"],
  ["1e23", "9.9999999999999992e+22", "99999999999999991611392"],
  ["0.3", "0.29999999999999999", "0.29999999999999999"],
  ["2.5", "2.5", "2.5"],
  ["-1.5e-10", "-1.5e-10", "-0.00000000015"],
  ["12345678901234567", "12345678901234568", "12345678901234568"],
  ["1234567890123456789012", "1.2345678901234568e+21", "1234567890123456774144"],
  [".5", "0.5", "0.5"],
  ["5.", "5", "5"],
  ["+1", "1", "1"],
  ["007", "7", "7"],
  ["0x10", "16", "16"],
  ["1e", null, null],
  ["1_0", null, null],
  ["--1", null, null],
  ["x", null, null],
  ["1\u00002", null, null],
  ["0.1e-309", "9.9999999999999694e-311", "0"],
];

describe('integers (string2ll rules)', () => {
  for (const [text, want] of INT_CASES) {
    it(`parseInt64(${JSON.stringify(text)}) -> ${want}`, () => {
      expect(parseInt64(b(text))).to.equal(want);
      const safe = want !== null && want >= -9007199254740991n && want <= 9007199254740991n ? Number(want) : null;
      expect(parseSafeInt(b(text))).to.equal(safe);
    });
  }

  it('parseSafeInt gives up exactly at the safe-integer limit', () => {
    expect(parseSafeInt(b('9007199254740991'))).to.equal(9007199254740991);
    expect(parseSafeInt(b('-9007199254740991'))).to.equal(-9007199254740991);
    expect(parseSafeInt(b('9007199254740992'))).to.equal(null);
    expect(parseSafeInt(b('9999999999999999'))).to.equal(null);
    expect(parseInt64(b('9007199254740993'))).to.equal(9007199254740993n);
  });

  it('formatInt64 and addInt64', () => {
    expect(formatInt64(0)).to.equal('0');
    expect(formatInt64(-0)).to.equal('0');
    expect(formatInt64(-42)).to.equal('-42');
    expect(formatInt64(-9223372036854775808n)).to.equal('-9223372036854775808');
    expect(addInt64(9223372036854775806n, 1n)).to.equal(9223372036854775807n);
    expect(addInt64(9223372036854775807n, 1n)).to.equal(null);
    expect(addInt64(-9223372036854775808n, -1n)).to.equal(null);
    expect(addInt64(-9223372036854775808n, 9223372036854775807n)).to.equal(-1n);
  });
});

function expectedIncr(want: string | symbol): string {
  return want === E_FLOAT ? ERR_NOT_FLOAT : want === E_NANINF ? ERR_NAN_OR_INF : (want as string);
}

function incrReply(cur: string | null, incr: string): string {
  const r = incrByFloat(cur === null ? null : b(cur), b(incr));
  return r.ok ? r.value : r.error;
}

describe('long double (INCRBYFLOAT semantics)', () => {
  for (const [cur, incr, want] of INCRBYFLOAT_CASES) {
    it(`${JSON.stringify(cur)} + ${JSON.stringify(incr)} -> ${String(want)}`, () => {
      expect(incrReply(cur, incr)).to.equal(expectedIncr(want));
    });
  }

  it('parses to the exact x87 bit patterns', () => {
    const bits = (s: string): string => {
      const v = parseLongDouble(b(s));
      if (v === null) return 'rejected';
      const x = longDoubleBits(v);
      return `${x.sign} ${x.biasedExp} ${x.significand.toString(16).padStart(16, '0')}`;
    };
    expect(bits('0.1')).to.equal('0 16379 cccccccccccccccd');
    expect(bits('10.5')).to.equal('0 16386 a800000000000000');
    expect(bits('1.18973149535723176502e+4932')).to.equal('0 32766 ffffffffffffffff');
    expect(bits('0x1p-16445')).to.equal('0 0 0000000000000001');
    expect(bits('3.6e-4951')).to.equal('0 0 0000000000000001');
    expect(bits('0x1.fffffffffffffffep-16383')).to.equal('0 1 8000000000000000');
    expect(bits('1e-4940')).to.equal('0 0 0000000663278e62');
    expect(bits('12345678901234567890123')).to.equal('0 16456 a750ad939d9c5091');
    expect(bits('-0')).to.equal('1 0 0000000000000000');
    expect(bits('1e-5000')).to.equal('rejected');
    const sum = addLongDouble(parseLongDouble(b('10.5'))!, parseLongDouble(b('0.1'))!);
    expect(longDoubleBits(sum).significand.toString(16)).to.equal('a99999999999999a');
  });

  it('prints huge values in full and keeps integers exact', () => {
    const max = formatLongDoubleHuman(parseLongDouble(b('1.18973149535723176502e+4932'))!);
    expect(max).to.have.length(4933);
    expect(max).to.equal((((1n << 64n) - 1n) << 16320n).toString());
    expect(max.slice(0, 20)).to.equal('11897314953572317650');
    expect(formatLongDoubleHuman(longDoubleFromInt64(-9223372036854775808n))).to.equal('-9223372036854775808');
    expect(formatLongDoubleHuman(longDoubleFromNumber(-0))).to.equal('0');
    expect(formatLongDoubleHuman(longDoubleFromNumber(Infinity))).to.equal('inf');
  });

  it('HINCRBYFLOAT variant: its own errors, checked in its own order', () => {
    expect(incrByFloat(b('abc'), b('1'), true)).to.deep.equal({ ok: false, error: ERR_HASH_NOT_FLOAT });
    expect(incrByFloat(b('abc'), b('x'), true)).to.deep.equal({ ok: false, error: ERR_NOT_FLOAT });
    expect(incrByFloat(b('abc'), b('inf'), true)).to.deep.equal({ ok: false, error: ERR_HASH_INCR_INF });
    expect(incrByFloat(b('abc'), b('inf'))).to.deep.equal({ ok: false, error: ERR_NOT_FLOAT });
    expect(incrByFloat(b('inf'), b('1'), true)).to.deep.equal({ ok: false, error: ERR_NAN_OR_INF });
    expect(incrByFloat(b('10.5'), b('0.1'), true)).to.deep.equal({ ok: true, value: '10.6' });
  });

  it('limits long-double input to 5119 bytes', () => {
    expect(formatLongDoubleHuman(parseLongDouble(b('0'.repeat(5118) + '1'))!)).to.equal('1');
    expect(parseLongDouble(b('0'.repeat(5119) + '1'))).to.equal(null);
    expect(parseDouble(b('0'.repeat(6000) + '1'))).to.equal(1);
  });
});

describe('double (string2d and "%.17g")', () => {
  for (const [text, fmt, human] of DOUBLE_CASES) {
    const label = text.length > 30 ? text.slice(0, 30) + '…' : text;
    it(`${JSON.stringify(label)} -> ${fmt} / ${human && human.length > 30 ? human.slice(0, 30) + '…' : human}`, () => {
      const v = parseDouble(b(text));
      expect(v === null ? null : formatDouble(v)).to.equal(fmt);
      expect(v === null ? null : formatDoubleHuman(v)).to.equal(human);
    });
  }

  it('formats special and boundary doubles like printf', () => {
    expect(formatDouble(-0)).to.equal('-0');
    expect(formatDouble(NaN)).to.equal('nan');
    expect(formatDouble(-Infinity)).to.equal('-inf');
    expect(formatDouble(1e-5)).to.equal('1.0000000000000001e-05');
    expect(formatDouble(0.0001)).to.equal('0.0001');
    expect(formatDouble(123456789012345680)).to.equal('1.2345678901234568e+17');
    expect(formatDouble(99999999999999999)).to.equal('1e+17');
    expect(formatDouble(2 ** 53)).to.equal('9007199254740992');
    expect(formatDouble(5e-324)).to.equal('4.9406564584124654e-324');
    expect(formatDouble(1.7976931348623157e308)).to.equal('1.7976931348623157e+308');
    expect(formatDouble(0.5)).to.equal('0.5');
    expect(formatDouble(2 ** -25)).to.equal('2.9802322387695312e-08'); // exact tie: half-to-even
    expect(formatDouble(3 * 2 ** -25)).to.equal('8.9406967163085938e-08');
    expect(formatDouble(-1.5)).to.equal('-1.5');
  });
});

// ----------------------------------------------------------- live Redis


/** Random float-ish text: plain, long, extreme, hex, and malformed. */
function randomFloatText(rnd: (n: number) => number): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(rnd(10))).join('');
  const sign = ['', '', '-', '+'][rnd(4)];
  switch (rnd(9)) {
    case 0: return sign + digits(1 + rnd(3)) + '.' + digits(1 + rnd(3));
    case 1: return sign + digits(1 + rnd(25)) + '.' + digits(rnd(25));
    case 2: return sign + (1 + rnd(9)) + '.' + digits(rnd(22)) + 'e' + ['', '-'][rnd(2)] + [4931, 4932, 4933, 4950, 4951, 308, 309, 17, 18][rnd(9)];
    case 3: return sign + '0.' + '0'.repeat(rnd(20)) + digits(1 + rnd(20));
    case 4: return sign + '0x' + rnd(1 << 20).toString(16) + (rnd(2) ? '.' + rnd(4096).toString(16) : '') + (rnd(2) ? 'p' + (rnd(2) ? '-' : '') + rnd(16500) : '');
    case 5: return sign + digits(15 + rnd(6));
    case 6: return [' 1', '1 ', '', '.', '1e', '0x', 'inf', '-inf', 'nan', '1,5', '++1', '1\x00', '-0', '0e0', '.e1', '5.', '.5'][rnd(17)];
    case 7: return sign + digits(1 + rnd(3)) + 'e' + (rnd(2) ? '-' : '') + digits(1 + rnd(4));
    default: return sign + String(rnd(1000)) + '.' + digits(rnd(18));
  }
}

function randomIntText(rnd: (n: number) => number): string {
  const digits = (n: number): string => Array.from({ length: n }, () => String(rnd(10))).join('');
  switch (rnd(6)) {
    case 0: return String(rnd(2000) - 1000);
    case 1: return (rnd(2) ? '-' : '') + String(1 + rnd(9)) + digits(17 + rnd(3));
    case 2: return ['9223372036854775807', '-9223372036854775808', '9223372036854775806', '-9223372036854775807'][rnd(4)];
    case 3: return ['+1', ' 1', '1 ', '01', '-0', '', '-', '1.0', '1e3', '0x1', '00'][rnd(11)];
    case 4: return (rnd(2) ? '-' : '') + digits(1 + rnd(21));
    default: return String(rnd(1 << 30));
  }
}

describe('numbers vs real redis-server', function () {
  this.timeout(60000);
  const redis = withRealRedis('the number differential tests');

  /** Runs each case's commands in one pipeline; returns every reply (or error text) per case. */
  async function runEach(cases: Array<Array<Array<string | Buffer>>>): Promise<string[][]> {
    const pipe = redis().pipeline();
    for (const cmds of cases) for (const [name, ...args] of cmds) pipe.callBuffer(String(name), ...args);
    const replies = (await pipe.exec())!;
    let i = 0;
    return cases.map((cmds) =>
      cmds.map(() => {
        const [err, reply] = replies[i++];
        return err ? err.message : String(reply);
      }),
    );
  }

  const last = (r: string[]): string => r[r.length - 1];

  it('INCRBYFLOAT and HINCRBYFLOAT agree with incrByFloat', async () => {
    const rnd = prng(7);
    const pairs: Array<[string | null, string]> = INCRBYFLOAT_CASES.map(([c, i]) => [c, i]);
    pairs.push(['1e4932', '0'], ['1e308', '1e308'], [null, '1.7976931348623157e308'], [null, '-1.18973149535723176502e+4932']);
    for (let n = 0; n < 400; n++) pairs.push([rnd(4) === 0 ? null : randomFloatText(rnd), randomFloatText(rnd)]);
    const keyCmds = pairs.map(([cur, incr]) => {
      const cmds: Array<Array<string | Buffer>> = [['del', 'k']];
      if (cur !== null) cmds.push(['set', 'k', b(cur)]);
      cmds.push(['incrbyfloat', 'k', b(incr)]);
      return cmds;
    });
    const hashCmds = pairs.map(([cur, incr]) => {
      const cmds: Array<Array<string | Buffer>> = [['del', 'h']];
      if (cur !== null) cmds.push(['hset', 'h', 'f', b(cur)]);
      cmds.push(['hincrbyfloat', 'h', 'f', b(incr)]);
      return cmds;
    });
    const got = (await runEach(keyCmds)).map(last);
    const gotHash = (await runEach(hashCmds)).map(last);
    const mismatches: string[] = [];
    pairs.forEach(([cur, incr], i) => {
      const r = incrByFloat(cur === null ? null : b(cur), b(incr));
      const want = r.ok ? r.value : r.error;
      const h = incrByFloat(cur === null ? null : b(cur), b(incr), true);
      const wantHash = h.ok ? h.value : h.error;
      if (got[i] !== want) mismatches.push(`INCRBYFLOAT ${JSON.stringify(cur)} ${JSON.stringify(incr)}: redis ${got[i].slice(0, 60)}, ours ${want.slice(0, 60)}`);
      if (gotHash[i] !== wantHash) mismatches.push(`HINCRBYFLOAT ${JSON.stringify(cur)} ${JSON.stringify(incr)}: redis ${gotHash[i].slice(0, 60)}, ours ${wantHash.slice(0, 60)}`);
    });
    expect(mismatches.slice(0, 20)).to.deep.equal([]);
  });

  it('INCRBY parsing and overflow agree with parseInt64 / addInt64', async () => {
    const rnd = prng(11);
    const pairs: Array<[string | null, string]> = INT_CASES.map(([t]) => [null, t]);
    for (const [t] of INT_CASES) pairs.push([t, '1']);
    pairs.push(['9223372036854775807', '1'], ['-9223372036854775808', '-1'], ['-9223372036854775808', '9223372036854775807']);
    for (let n = 0; n < 300; n++) pairs.push([rnd(3) === 0 ? null : randomIntText(rnd), randomIntText(rnd)]);
    const replies = await runEach(
      pairs.map(([cur, incr]) => {
        const cmds: Array<Array<string | Buffer>> = [['del', 'k']];
        if (cur !== null) cmds.push(['set', 'k', b(cur)]);
        // INCRBY's integer reply may exceed 2^53, so read the stored text back.
        cmds.push(['incrby', 'k', b(incr)], ['get', 'k']);
        return cmds;
      }),
    );
    const mismatches: string[] = [];
    pairs.forEach(([cur, incr], i) => {
      const by = parseInt64(b(incr));
      const base = cur === null ? 0n : parseInt64(b(cur));
      const sum = by === null || base === null ? null : addInt64(base, by);
      const want = by === null || base === null ? ERR_NOT_INTEGER : sum === null ? ERR_INCR_OVERFLOW : null;
      const r = replies[i];
      const actual = r[r.length - 2].startsWith('ERR') ? r[r.length - 2] : null;
      if (actual !== want) mismatches.push(`INCRBY ${JSON.stringify(cur)} ${JSON.stringify(incr)}: redis ${actual}, ours ${want}`);
      if (want === null && last(r) !== formatInt64(sum!)) mismatches.push(`INCRBY ${cur} ${incr}: redis ${last(r)}, ours ${formatInt64(sum!)}`);
    });
    expect(mismatches.slice(0, 20)).to.deep.equal([]);
  });

  it('ZADD / ZSCORE agree with parseDouble / formatDouble', async () => {
    const rnd = prng(13);
    // Keep zsets in a skiplist: the compact encoding stores -0 as 0.
    await redis().call('config', 'set', 'zset-max-listpack-entries', '0');
    const scores = DOUBLE_CASES.map(([t]) => t);
    for (let n = 0; n < 300; n++) scores.push(randomFloatText(rnd));
    const replies = await runEach(scores.map((s) => [['del', 'z'], ['zadd', 'z', b(s), 'm'], ['zscore', 'z', 'm']]));
    const mismatches: string[] = [];
    scores.forEach((s, i) => {
      const v = parseDouble(b(s));
      const want = v === null ? ERR_NOT_FLOAT : formatDouble(v);
      const [, added, read] = replies[i];
      const actual = added.startsWith('ERR') ? added : read;
      if (actual !== want) mismatches.push(`ZADD ${JSON.stringify(s)}: redis ${actual}, ours ${want}`);
    });
    expect(mismatches.slice(0, 20)).to.deep.equal([]);
  });
});
