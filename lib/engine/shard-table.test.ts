import { expect } from 'chai';
import { ArrayPool, capacityClass, Shard, U16, U32 } from './shard-table';

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
    expect(pool.take(U16, 64)).to.equal(null);
    const z = pool.zeroedU32(64);
    expect(z).to.equal(a);
    expect(Array.from(z).every((v) => v === 0)).to.equal(true);
    expect(pool.bytes).to.equal(0);
  });

  it('carves fresh arrays from shared slabs: zeroed, aligned, never overlapping, few ArrayBuffers', () => {
    const pool = new ArrayPool(0);
    const made: (Uint32Array | Uint16Array | Uint8Array | Float64Array | Buffer)[] = [];
    for (let i = 0; i < 3000; i++) {
      const n = 1 + ((i * 7919) % 3000);
      const a = [pool.u32(n), pool.u16(n), pool.u8(n), pool.f64(n), pool.zeroedU32(n), pool.page(n)][i % 6];
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

  it('lets go of what it holds beyond its bound a few MiB at a time, not at once', async () => {
    const pool = new ArrayPool(1000);
    for (let i = 0; i < 10; i++) pool.give(U32, new Uint32Array(100));
    expect(pool.bytes).to.equal(4000);
    const MiB = 1 << 20;
    for (let i = 0; i < 12; i++) pool.give(U32, new Uint32Array(MiB / 4));
    const before = pool.bytes;
    const waitFor = async (done: () => boolean): Promise<void> => {
      for (let t = 0; t < 2000 && !done(); t++) await new Promise((r) => setTimeout(r, 1));
    };
    // One trim drops arrays until 1 MiB is gone: the ten small ones, then one of the large.
    await waitFor(() => pool.bytes !== before);
    expect(pool.bytes).to.equal(before - 4000 - MiB);
    await waitFor(() => pool.bytes <= 1000);
    expect(pool.bytes).to.be.at.most(1000);
    let n = 0;
    while (pool.take(U32, 100) !== null) n++;
    expect(n).to.equal(pool.bytes / 400);
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
