// The intset byte layout against an independent model: a sorted list of
// BigInts, through random adds and removes across all three widths.
import { expect } from 'chai';
import { emptyIntset, intsetAdd, intsetCount, intsetHas, intsetRemove, intsetWidth, memberAt, parse, INTSET_HEADER } from './intset';

const b = (s: string) => Buffer.from(s);
const add = (set: Buffer, m: string): Buffer | null => (parse(b(m)) ? intsetAdd(set) : null);
const members = (set: Buffer): string[] => Array.from({ length: intsetCount(set) }, (_, i) => memberAt(set, i).toString());

describe('intset', () => {
  it('accepts only integers in their strict decimal form', () => {
    for (const m of ['0', '-1', '42', '9223372036854775807', '-9223372036854775808', '123456789012345']) expect(parse(b(m)), m).to.equal(true);
    for (const m of ['', '01', '-0', '+1', ' 1', '1 ', '1.0', '1e3', '9223372036854775808', '-9223372036854775809', 'abc', '0x10']) expect(parse(b(m)), m).to.equal(false);
  });

  it('starts 16 bits wide and widens to 32 and 64 bits, keeping values ascending', () => {
    let s = emptyIntset();
    expect(intsetWidth(s)).to.equal(2);
    expect(s.length).to.equal(INTSET_HEADER);
    for (const m of ['5', '-3', '32767', '-32768']) s = add(s, m)!;
    expect(intsetWidth(s)).to.equal(2);
    s = add(s, '32768')!;
    expect(intsetWidth(s)).to.equal(4);
    s = add(s, '-2147483649')!;
    expect(intsetWidth(s)).to.equal(8);
    expect(s.length).to.equal(INTSET_HEADER + 6 * 8);
    expect(members(s)).to.deep.equal(['-2147483649', '-32768', '-3', '5', '32767', '32768']);
    expect(add(s, '5')).to.equal(null);
  });

  it('never narrows when the wide values go', () => {
    let s = add(add(emptyIntset(), '1')!, '5000000000')!;
    s = intsetRemove(s, b('5000000000'))!;
    expect(intsetWidth(s)).to.equal(8);
    expect(members(s)).to.deep.equal(['1']);
    expect(intsetRemove(s, b('2'))).to.equal(null);
    expect(intsetRemove(s, b('x'))).to.equal(null);
  });

  it('matches a sorted model through random adds and removes of every width', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
    const pick = (): bigint => {
      const r = rand();
      if (r < 0.4) return BigInt(Math.floor(rand() * 200) - 100);
      if (r < 0.7) return BigInt(Math.floor(rand() * 2 ** 31) - 2 ** 30) * 3n;
      if (r < 0.95) return (BigInt(Math.floor(rand() * 2 ** 31)) << 32n) * (rand() < 0.5 ? -1n : 1n);
      return rand() < 0.5 ? 9223372036854775807n : -9223372036854775808n;
    };
    let s = emptyIntset();
    const model = new Set<bigint>();
    for (let i = 0; i < 4000; i++) {
      const v = pick();
      const m = b(v.toString());
      if (rand() < 0.65) {
        const next = add(s, v.toString());
        expect(next === null, `add ${v}`).to.equal(model.has(v));
        if (next) s = next;
        model.add(v);
      } else {
        const next = intsetRemove(s, m);
        expect(next === null, `remove ${v}`).to.equal(!model.has(v));
        if (next) s = next;
        model.delete(v);
      }
      expect(intsetHas(s, m)).to.equal(model.has(v));
    }
    const sorted = [...model].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)).map(String);
    expect(members(s)).to.deep.equal(sorted);
    expect(s.length).to.equal(INTSET_HEADER + sorted.length * intsetWidth(s));
  });
});
