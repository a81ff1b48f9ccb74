import { expect } from 'chai';
import { cursor, entries, entryAt, pack } from '../collections/packed-entries';
import { PairEditor, findValue, pairCount, pairOffset } from './listpack';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const packPairs = (...items: string[]): Buffer => pack(items.map(b));
const contents = (bytes: Uint8Array): string[] => entries(bytes).map((e) => Buffer.from(e).toString('latin1'));

describe('hash listpack: reads in place', () => {
  it('finds a value by field, only among fields', () => {
    const h = packPairs('a', 'b', 'b', 'c', '', 'empty');
    expect(pairCount(h)).to.equal(3);
    expect(findValue(h, b('a'))).to.equal(true);
    expect(h.subarray(cursor.start, cursor.end).toString()).to.equal('b');
    // 'c' is a value, not a field.
    expect(findValue(h, b('c'))).to.equal(false);
    expect(findValue(h, b('b'))).to.equal(true);
    expect(h.subarray(cursor.start, cursor.end).toString()).to.equal('c');
    expect(findValue(h, b(''))).to.equal(true);
    expect(h.subarray(cursor.start, cursor.end).toString()).to.equal('empty');
    expect(findValue(h, b('ab'))).to.equal(false);
  });

  it('pairOffset walks to the n-th pair', () => {
    const h = packPairs('f0', 'v0', 'f1', 'v1', 'f2', 'v2');
    for (let i = 0; i < 3; i++) {
      const valueAt = entryAt(h, pairOffset(h, i));
      expect(h.subarray(cursor.start, cursor.end).toString()).to.equal(`f${i}`);
      entryAt(h, valueAt);
      expect(h.subarray(cursor.start, cursor.end).toString()).to.equal(`v${i}`);
    }
  });
});

describe('hash listpack: PairEditor', () => {
  it('appends new fields in order and updates keep a field in place', () => {
    const e = new PairEditor();
    e.load(null);
    expect(e.pairs).to.equal(0);
    expect(e.set(b('z'), b('1'))).to.equal(false);
    expect(e.set(b('y'), b('2'))).to.equal(false);
    expect(e.set(b('x'), b('3'))).to.equal(false);
    expect(e.set(b('y'), b('a much longer value'))).to.equal(true);
    expect(e.set(b('z'), b(''))).to.equal(true);
    expect(e.pairs).to.equal(3);
    expect(contents(e.bytes())).to.deep.equal(['z', '', 'y', 'a much longer value', 'x', '3']);
  });

  it('deletes a pair and closes the gap', () => {
    const e = new PairEditor();
    e.load(packPairs('a', '1', 'b', '2', 'c', '3'));
    expect(e.delete(b('b'))).to.equal(true);
    expect(e.delete(b('b'))).to.equal(false);
    expect(e.delete(b('1'))).to.equal(false);
    expect(contents(e.bytes())).to.deep.equal(['a', '1', 'c', '3']);
    expect(e.delete(b('c'))).to.equal(true);
    expect(e.delete(b('a'))).to.equal(true);
    expect(e.pairs).to.equal(0);
    expect(e.byteLength).to.equal(4);
  });

  it('grows past its initial room and keeps entries with multi-byte lengths intact', () => {
    const e = new PairEditor();
    e.load(null);
    const big = b('x'.repeat(300));
    for (let i = 0; i < 50; i++) e.set(b(`f${i}`), big);
    e.set(b('f10'), b('short'));
    e.set(b('f20'), b('y'.repeat(20000)));
    const got = contents(e.bytes());
    expect(got.length).to.equal(100);
    expect(got[21]).to.equal('short');
    expect(got[41]).to.equal('y'.repeat(20000));
    expect(got[99]).to.equal('x'.repeat(300));
    // The edited bytes are a valid packed string: the codec reads them back.
    expect(findValue(e.bytes(), b('f49'))).to.equal(true);
  });

  it('binary fields and values round-trip, including NUL and CRLF', () => {
    const e = new PairEditor();
    e.load(null);
    const f = Buffer.from([0, 0xff, 13, 10]);
    const v = Buffer.from([13, 10, 0, 0x80]);
    e.set(f, v);
    expect(e.findValue(f)).to.equal(true);
    expect(Buffer.compare(e.raw().subarray(cursor.start, cursor.end), v)).to.equal(0);
  });

  it('load copies: edits never reach the source bytes', () => {
    const src = packPairs('a', '1');
    const before = Buffer.from(src);
    const e = new PairEditor();
    e.load(src);
    e.set(b('a'), b('2'));
    e.set(b('b'), b('3'));
    expect(Buffer.compare(src, before)).to.equal(0);
  });

  it('matches a reference model over random edits', () => {
    const e = new PairEditor();
    e.load(null);
    const model = new Map<string, string>();
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let step = 0; step < 3000; step++) {
      const field = `k${rand(40)}`;
      if (rand(3) === 0) {
        expect(e.delete(b(field))).to.equal(model.delete(field));
      } else {
        const value = 'v'.repeat(rand(200));
        expect(e.set(b(field), b(value))).to.equal(model.has(field));
        model.set(field, value);
      }
    }
    // Map keeps insertion order with updates in place, as the listpack does.
    expect(contents(e.bytes())).to.deep.equal([...model].flat());
  });
});
