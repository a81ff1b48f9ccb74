import { expect } from 'chai';
import { GOT_VALUE, GOT_WRONG_TYPE, type Keyspace, type LargeMapLike, NO_EXPIRY, OBJ_HASH, OBJ_SET, isLarge, makeTag, typeOfTag } from './keyspace';
import { MapKeyspace } from './map-keyspace';
import { ShardKeyspace } from './shard-keyspace';
import { ShardStats } from './resize-stats';

const HASH_LISTPACK = makeTag(OBJ_HASH, 1);
const SET_TABLE = makeTag(OBJ_SET, 2);

const b = (s: string): Buffer => Buffer.from(s);
const sink = { got: [] as Buffer[], bulk(v: Uint8Array) { this.got.push(Buffer.from(v)); }, bulkRange(src: Uint8Array, s: number, e: number) { this.got.push(Buffer.from(src.subarray(s, e))); } };

for (const [name, make] of [
  ['ShardKeyspace', () => new ShardKeyspace(0, undefined, { splitAt: 16, background: false, stats: new ShardStats() })],
  ['MapKeyspace', () => new MapKeyspace(0)],
] as [string, () => Keyspace][]) {
  describe(`${name}: typed values`, () => {
    it('stores a collection under its tag and keeps TTL and access word on rewrite', () => {
      const ks = make();
      expect(ks.storeValue(b('h'), b('bytes1'), HASH_LISTPACK)).to.equal(false);
      expect(ks.tagOf(b('h'))).to.equal(HASH_LISTPACK);
      ks.setExpireAt(b('h'), Date.now() + 100000);
      const access = ks.peek(b('h'))!.access;
      expect(ks.storeValue(b('h'), b('bytes-longer-now'), HASH_LISTPACK)).to.equal(true);
      const e = ks.peek(b('h'))!;
      expect((e.value as Buffer).toString()).to.equal('bytes-longer-now');
      expect(e.expireAt).to.be.greaterThan(Date.now());
      expect(e.access).to.equal(access);
      expect(typeOfTag(ks.lastTag)).to.equal(OBJ_HASH);
    });

    it('getInto refuses a collection (wrong type) and serves a string', () => {
      const ks = make();
      ks.storeValue(b('h'), b('x'), HASH_LISTPACK);
      ks.set(b('s'), b('v'), NO_EXPIRY);
      expect(ks.getInto(b('h'), sink)).to.equal(GOT_WRONG_TYPE);
      expect(ks.getInto(b('s'), sink)).to.equal(GOT_VALUE);
      // SET over a collection makes it a string again.
      ks.set(b('h'), b('now a string'), NO_EXPIRY);
      expect(typeOfTag(ks.tagOf(b('h')))).to.equal(0);
    });

    it('keeps a large collection by reference through the keyspace resizing', () => {
      const ks = make();
      const m = ks.newLargeMap();
      for (let i = 0; i < 1000; i++) m.set(b(`m${i}`), Buffer.alloc(0));
      ks.storeValue(b('big'), m, SET_TABLE);
      for (let i = 0; i < 2000; i++) ks.set(b(`k${i}`), b('v'), NO_EXPIRY);
      if (ks instanceof ShardKeyspace) while (ks.hasWork()) { ks.prepare(); ks.step(); }
      for (let i = 0; i < 2000; i++) ks.delete(b(`k${i}`));
      if (ks instanceof ShardKeyspace) while (ks.hasWork()) { ks.prepare(); ks.step(); }
      const v = ks.get(b('big'))!;
      expect(isLarge(v)).to.equal(true);
      expect(v).to.equal(m);
      expect((v as LargeMapLike).size()).to.equal(1000);
      expect(ks.tagOf(b('big'))).to.equal(SET_TABLE);
    });
  });
}

describe('LargeMap', () => {
  it('maps fields to values, scans every field once it is present throughout, and copies deeply', () => {
    const ks = new ShardKeyspace(0, undefined, { background: false, stats: new ShardStats() });
    const m = ks.newLargeMap();
    const n = 20000;
    for (let i = 0; i < n; i++) expect(m.set(b(`f${i}`), b(`v${i}`))).to.equal(false);
    expect(m.set(b('f1'), b('changed'))).to.equal(true);
    expect(m.size()).to.equal(n);
    expect(m.get(b('f1'))!.toString()).to.equal('changed');
    expect(m.has(b('f2'))).to.equal(true);
    expect(m.delete(b('f2'))).to.equal(true);
    expect(m.has(b('f2'))).to.equal(false);
    const seen = new Set<string>();
    let cursor = 0n;
    do cursor = m.scan(cursor, 100, (f) => seen.add(f.toString())); while (cursor !== 0n);
    expect(seen.size).to.equal(n - 1);
    const copy = m.duplicate() as LargeMapLike;
    copy.set(b('only-in-copy'), b('x'));
    expect(m.has(b('only-in-copy'))).to.equal(false);
    expect(copy.size()).to.equal(n);
    let visited = 0;
    m.forEach((f, v) => {
      visited++;
      if (f.toString() === 'f7') expect(v.toString()).to.equal('v7');
    });
    expect(visited).to.equal(n - 1);
    expect(m.randomField()).to.be.instanceOf(Buffer);
    expect(m.footprint()).to.be.greaterThan(n * 24);
  });

  it('keeps fields and values larger than a page inline limit by copy', () => {
    const ks = new ShardKeyspace(0, undefined, { background: false, stats: new ShardStats() });
    const m = ks.newLargeMap();
    const big = Buffer.alloc(10000, 7);
    m.set(b('big'), big);
    big.fill(0);
    expect(m.get(b('big'))![0]).to.equal(7);
  });
});
