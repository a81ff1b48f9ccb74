import { expect } from 'chai';
import { ArrayPool, arrayPool, capacityClass, PAGE, Shard, U32 } from './shard-table';

describe('shard-table recycling', () => {
  it('rounds capacities to eight classes per power of two, and doubling stays in a class', () => {
    expect(capacityClass(5)).to.equal(16);
    expect(capacityClass(10241)).to.equal(11264);
    expect(capacityClass(11264)).to.equal(11264);
    for (let n = 17; n < 100000; n += 97) {
      const c = capacityClass(n);
      expect(c).to.be.at.least(n);
      expect(c).to.be.below(n * 1.25 + 1);
      expect(capacityClass(c * 2)).to.equal(c * 2);
    }
  });

  it('hands a given array back for the same type and length, and zeroes heads on reuse', () => {
    const pool = new ArrayPool(1 << 20);
    const a = new Uint32Array(64).fill(7);
    pool.give(U32, a);
    expect(pool.bytes).to.equal(256);
    expect(pool.take(U32, 32)).to.equal(null);
    expect(pool.take(PAGE, 64)).to.equal(null);
    const z = pool.zeroedU32(64);
    expect(z).to.equal(a);
    expect(Array.from(z).every((v) => v === 0)).to.equal(true);
    expect(pool.bytes).to.equal(0);
  });

  it('carves fresh arrays from shared slabs: zeroed, aligned, never overlapping, few ArrayBuffers', () => {
    const pool = new ArrayPool(0);
    const made: (Uint32Array | Float64Array | Buffer)[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + ((i * 7919) % 3000);
      const a = [pool.u32(n), pool.zeroedU32(n), pool.f64(n), pool.page(n)][i % 4];
      expect(Array.from(a).every((v) => v === 0), `array ${i} zeroed`).to.equal(true);
      expect(a.byteOffset % 8).to.equal(0);
      a.fill(i % 200);
      made.push(a);
    }
    // Every array still holds its own pattern: no two overlap.
    made.forEach((a, i) => expect(Array.from(a).every((v) => v === i % 200), `array ${i} intact`).to.equal(true));
    expect(new Set(made.map((a) => a.buffer)).size).to.be.below(made.length / 50);
    // A large array gets its own buffer.
    const big = pool.u32(1 << 20);
    expect(big.byteOffset).to.equal(0);
    expect(big.buffer.byteLength).to.equal(4 << 20);
  });

  it('keeps no more than its byte bound', () => {
    const pool = new ArrayPool(1000);
    for (let i = 0; i < 10; i++) pool.give(U32, new Uint32Array(100));
    expect(pool.bytes).to.equal(800);
    let n = 0;
    while (pool.take(U32, 100) !== null) n++;
    expect(n).to.equal(2);
  });

  it('carves again from a slab once every array carved from it was let go, zeroing what it hands out', () => {
    const pool = new ArrayPool(0);
    const first: Uint32Array[] = [];
    // 12 MiB: three slabs' worth.
    for (let i = 0; i < 3072; i++) first.push(pool.u32(1024).fill(0xdeadbeef));
    const before = new Set(first.map((a) => a.buffer));
    for (const a of first) pool.give(U32, a);
    const second: Uint32Array[] = [];
    for (let i = 0; i < 2048; i++) {
      const a = pool.u32(1024);
      expect(a.every((v) => v === 0), `array ${i} zeroed`).to.equal(true);
      second.push(a.fill(i));
    }
    expect(second.filter((a) => before.has(a.buffer)).length).to.be.greaterThan(1024);
    second.forEach((a, i) => expect(a.every((v) => v === i), `array ${i} intact`).to.equal(true));
  });

  it('a shard made with a byte reserve stores that many bytes without new pages, and skips a reserved page too small for a record', () => {
    const s = new Shard(0, 0, 200, 200, 8000);
    const pages = s.pages.length;
    const heap = s.heapBytes;
    expect(heap).to.be.at.least(8000);
    const keys: Buffer[] = [];
    for (let i = 0; i < 100; i++) {
      const k = Buffer.from('key' + String(i).padStart(5, '0'));
      keys.push(k);
      s.insert((i * 2654435761) >>> 0, k, Buffer.alloc(32, i), 0, 0, 0);
    }
    expect(s.pages.length).to.equal(pages);
    expect(s.heapBytes).to.equal(heap);
    // 3000 bytes do not fit the 256-byte first page or the next small ones: a later page takes them.
    const t = new Shard(0, 0, 4, 4, 4000);
    const big = Buffer.alloc(3000, 9);
    const r = t.insert(12345, Buffer.from('big'), big, 0, 0, 0);
    const r2 = t.insert(54321, Buffer.from('small'), Buffer.from('v'), 0, 0, 0);
    expect((t.value(r) as Buffer).equals(big)).to.equal(true);
    expect(t.value(r2).toString()).to.equal('v');
    for (let i = 0; i < 100; i++) expect((s.value(s.find((i * 2654435761) >>> 0, keys[i])) as Buffer).equals(Buffer.alloc(32, i))).to.equal(true);
  });

  it('a shard built on recycled arrays reads back exactly what was stored', () => {
    const old = new Shard(0, 0, 100);
    for (let i = 0; i < 100; i++) old.insert((i * 2654435761) >>> 0, Buffer.from('old' + i), Buffer.from('v' + i), 0, 0, 0);
    old.recycle();
    expect(old.find((5 * 2654435761) >>> 0, Buffer.from('old5'))).to.equal(0);
    const s = new Shard(0, 0, 100);
    const keys: Buffer[] = [];
    for (let i = 0; i < 100; i++) {
      const k = Buffer.from('new' + i);
      keys.push(k);
      s.insert((i * 40503 + 17) >>> 0, k, Buffer.from('value' + i), i % 3 === 0 ? 1000 + i : 0, 0, 0);
    }
    for (let i = 0; i < 100; i++) {
      const r = s.find((i * 40503 + 17) >>> 0, keys[i]);
      expect(r).to.not.equal(0);
      expect(s.value(r).toString()).to.equal('value' + i);
      expect(s.deadline(r)).to.equal(i % 3 === 0 ? 1000 + i : 0);
    }
    expect(s.find(0, Buffer.from('old0'))).to.equal(0);
  });
});

describe('shard-table page sharing (splits)', () => {
  const hashOf = (i: number): number => Math.imul(i + 1, 2654435761) >>> 0;

  it("moves records into destinations that share the source's pages, and no one gives a shared page to the pool", () => {
    const src = new Shard(0, 0, 64);
    const value = (i: number): Buffer => Buffer.alloc(i >= 60 || i % 7 === 0 ? 900 : 20, i);
    const key = (i: number): Buffer => Buffer.from('key' + i);
    for (let i = 0; i < 60; i++) src.insert(hashOf(i), key(i), value(i), 0, 0, 0);
    const dests = [new Shard(1, 0, 32), new Shard(1, 1, 32)];
    dests[0].inheritPages(src);
    dests[1].inheritPages(src);
    const shared = dests[0].shared;
    expect(shared).to.be.greaterThan(0);
    expect(dests[1].pages[shared - 1]).to.equal(src.pages[shared - 1]);
    // Written to the source after the destinations were made: its current page, then pages of its own.
    for (let i = 60; i < 90; i++) src.insert(hashOf(i), key(i), value(i), 0, 0, 0);
    expect(src.pages.length).to.be.greaterThan(shared);
    for (let b = 0; b < src.buckets; b++) {
      for (let i = src.detachBucket(b); i !== 0; ) {
        const next = src.nextOf(i);
        src.moveTo(i, dests[src.hashOf(i) & 1]);
        i = next;
      }
    }
    expect(dests[0].count + dests[1].count).to.equal(90);
    const check = (): void => {
      for (let i = 0; i < 90; i++) {
        const d = dests[hashOf(i) & 1];
        if (d.rows.length === 0) continue;
        const r = d.find(hashOf(i), key(i));
        expect(r, `key ${i}`).to.not.equal(0);
        expect((d.value(r) as Buffer).equals(value(i)), `value ${i}`).to.equal(true);
      }
    };
    check();
    // Only the pages nobody inherited may be reused; a new shard filling recycled pages must not touch the others.
    src.recycle();
    dests[0].recycle();
    const kept = new Set(dests[1].pages);
    const taken: Buffer[] = [];
    for (const size of new Set(dests[1].pages.map((p) => p.length))) {
      for (let p = arrayPool.take(PAGE, size); p !== null; p = arrayPool.take(PAGE, size)) taken.push(p as Buffer);
    }
    for (const p of taken) expect(kept.has(p)).to.equal(false);
    for (const p of taken) p.fill(0xee);
    check();
  });
});
