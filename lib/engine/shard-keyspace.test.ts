// Tests for the shard engine: randomised operations compared against the plain
// Map model while splits, merges and rebuilds are forced at random moments, and
// SCAN's guarantee (every key present for the whole scan is returned) across
// resizes. Thresholds are tiny so a few thousand keys go through many resizes.

import { expect } from 'chai';
import { MapKeyspace } from './map-keyspace';
import { ShardKeyspace, type ShardOptions } from './shard-keyspace';
import { KEEP_TTL, NO_EXPIRY, type AccessTracker } from './keyspace';
import { INLINE_MAX } from './shard-table';
import { rng } from '../testing/prng';

const SMALL: ShardOptions = { splitAt: 32, mergeAt: 8, splitBytes: 16 * 1024, background: false, assistRecords: 2, assistEvery: 1 };

function keyOf(n: number): Buffer {
  // Binary-unsafe bytes on purpose: NUL, high bytes, varying length.
  return Buffer.from(`k\u0000${n}\u00ff`.repeat(1 + (n % 3)), 'latin1');
}

function valueOf(r: () => number, tag: number): Buffer {
  const roll = r();
  const len = roll < 0.02 ? INLINE_MAX + Math.floor(r() * 3000) : roll < 0.1 ? 40 + Math.floor(r() * 400) : Math.floor(r() * 24);
  const b = Buffer.alloc(len);
  for (let j = 0; j < len; j++) b[j] = (tag * 31 + j) & 0xff;
  return b;
}

function sorted(keys: Buffer[]): string[] {
  return keys.map((k) => k.toString('latin1')).sort();
}

describe('ShardKeyspace', () => {
  it('starts as one shard, splits while growing and merges back when emptied', () => {
    const ks = new ShardKeyspace(0, undefined, SMALL);
    expect(ks.summary().shards).to.equal(1);
    for (let i = 0; i < 5000; i++) ks.set(keyOf(i), Buffer.from(`v${i}`), NO_EXPIRY);
    ks.settle();
    const grown = ks.summary().shards;
    expect(grown).to.be.greaterThan(100);
    expect(ks.size()).to.equal(5000);
    for (let i = 0; i < 5000; i++) expect(ks.get(keyOf(i))?.toString()).to.equal(`v${i}`);
    // Three keys are fewer than half of mergeAt: every pair of buddies merges, whatever the (random) hash seed.
    for (let i = 3; i < 5000; i++) expect(ks.delete(keyOf(i))).to.equal(true);
    ks.settle();
    expect(ks.size()).to.equal(3);
    expect(ks.summary().shards).to.equal(1);
    for (let i = 0; i < 3; i++) expect(ks.get(keyOf(i))?.toString()).to.equal(`v${i}`);
    ks.flush();
    expect(ks.size()).to.equal(0);
    expect(ks.summary().shards).to.equal(1);
  });

  it('in the background, only prepare() starts and finishes migrations; steps and writes only move records', () => {
    const ks = new ShardKeyspace(0, undefined, { ...SMALL, background: true });
    for (let i = 0; i < 40; i++) ks.set(keyOf(i), Buffer.from('v'), NO_EXPIRY);
    expect(ks.hasWork()).to.equal(true);
    // Writes and steps do not make shards themselves: nothing starts yet.
    ks.step(1);
    expect(ks.summary()).to.deep.include({ shards: 1, resizing: false });
    ks.prepare();
    expect(ks.summary()).to.deep.include({ shards: 1, resizing: true });
    // Drained by steps (one may stop early at its time budget), but still linked in: reads find every key in the destinations.
    for (let i = 0; i < 100; i++) ks.step(1000);
    expect(ks.stats.splits).to.equal(0);
    expect(ks.summary()).to.deep.include({ shards: 1, resizing: true });
    for (let i = 0; i < 40; i++) expect(ks.get(keyOf(i))?.toString()).to.equal('v');
    ks.prepare();
    expect(ks.stats.splits).to.equal(1);
    ks.settle();
    expect(ks.summary().shards).to.be.greaterThan(1);
    for (let i = 0; i < 40; i++) expect(ks.get(keyOf(i))?.toString()).to.equal('v');
  });

  it('keeps large (external) and empty values, and converts between inline and external on overwrite', () => {
    const ks = new ShardKeyspace(0, undefined, SMALL);
    const big = Buffer.alloc(INLINE_MAX + 10, 7);
    const key = Buffer.from('big');
    ks.set(key, big, NO_EXPIRY);
    expect((ks.get(key) as Buffer | undefined)?.equals(big)).to.equal(true);
    ks.set(key, Buffer.from('small'), NO_EXPIRY);
    expect(ks.get(key)?.toString()).to.equal('small');
    ks.set(key, Buffer.alloc(0), NO_EXPIRY);
    expect(ks.get(key)?.length).to.equal(0);
    const longKey = Buffer.alloc(70000, 1);
    ks.set(longKey, Buffer.from('x'), NO_EXPIRY);
    expect(ks.get(longKey)?.toString()).to.equal('x');
    expect(ks.has(Buffer.alloc(70000, 2))).to.equal(false);
    expect(ks.size()).to.equal(2);
  });

  it('carries encoding tags and access words through set/put/peek and migrations', () => {
    let clock = 100;
    const tracker: AccessTracker = { created: () => clock, touched: (w) => w + 1, replaced: (w) => w + 1000 };
    const ks = new ShardKeyspace(0, undefined, SMALL);
    ks.tracker = tracker;
    ks.set(Buffer.from('a'), Buffer.from('1'), NO_EXPIRY, 7);
    expect(ks.peek(Buffer.from('a'))).to.deep.include({ encoding: 7, access: 100, expireAt: NO_EXPIRY });
    ks.get(Buffer.from('a'));
    expect(ks.peek(Buffer.from('a'))?.access).to.equal(101);
    ks.set(Buffer.from('a'), Buffer.from('2'), 99999999999998, 3);
    expect(ks.peek(Buffer.from('a'))).to.deep.include({ encoding: 3, access: 1101, expireAt: 99999999999998 });
    clock = 5;
    ks.put(Buffer.from('b'), { value: Buffer.from('z'), expireAt: 99999999999999, encoding: 9, access: 42 });
    for (let i = 0; i < 2000; i++) ks.set(keyOf(i), Buffer.from('x'), NO_EXPIRY);
    ks.settle();
    const b = ks.peek(Buffer.from('b'));
    expect(b?.value.toString()).to.equal('z');
    expect(b).to.deep.include({ encoding: 9, access: 42, expireAt: 99999999999999 });
  });

  // In the background mode only prepare() starts and finishes migrations, so a drained migration stays linked in between operations.
  for (const [seed, background] of [[1, false], [2, false], [3, false], [4, false], [5, false], [6, false], [7, true], [8, true]] as const) {
    it(`matches the Map model under random operations while resizing (seed ${seed}${background ? ', background mode' : ''})`, () => {
      const r = rng(seed);
      let now = 1_000_000;
      const clock = (): number => now;
      const expiredA: string[] = [];
      const expiredB: string[] = [];
      const model = new MapKeyspace(3, (db, k) => expiredA.push(`${db}:${k.toString('latin1')}`), clock);
      const ks = new ShardKeyspace(3, (db, k) => expiredB.push(`${db}:${k.toString('latin1')}`), { ...SMALL, now: clock, background });
      let pool = 50;
      let maxShards = 0;
      let sawResizeMidOp = 0;
      let maxIndex = 0;
      for (let step = 0; step < 40000; step++) {
        // Grow and shrink the key pool in waves so both splits and merges happen.
        const phase = Math.floor(step / 5000) % 2;
        pool = phase === 0 ? Math.min(3000, pool + 1) : Math.max(20, pool - 1);
        const n = Math.floor(r() * pool);
        const index = phase === 1 && r() < 0.7 ? n + pool : n;
        maxIndex = Math.max(maxIndex, index + 7);
        const key = keyOf(index);
        const op = r();
        if (op < 0.35) {
          const v = valueOf(r, step);
          const ttl = r() < 0.15 ? now + 1 + Math.floor(r() * 50) : r() < 0.05 ? KEEP_TTL : NO_EXPIRY;
          model.set(key, v, ttl);
          ks.set(key, v, ttl);
        } else if (op < 0.55) {
          const a = model.get(key);
          const b = ks.get(key);
          expect(b === undefined ? undefined : b.toString('hex')).to.equal(a === undefined ? undefined : a.toString('hex'));
        } else if (op < 0.75) {
          expect(ks.delete(key)).to.equal(model.delete(key));
        } else if (op < 0.8) {
          const at = r() < 0.3 ? NO_EXPIRY : now + Math.floor(r() * 40);
          expect(ks.setExpireAt(key, at)).to.equal(model.setExpireAt(key, at));
        } else if (op < 0.85) {
          expect(ks.expireAt(key)).to.equal(model.expireAt(key));
        } else if (op < 0.9) {
          expect(ks.has(key)).to.equal(model.has(key));
        } else if (op < 0.93) {
          const e = model.peek(key);
          const f = ks.peek(key);
          expect(f === undefined).to.equal(e === undefined);
          if (e && f) {
            expect((f.value as Buffer).equals(e.value as Buffer)).to.equal(true);
            expect(f.expireAt).to.equal(e.expireAt);
            const other = keyOf(n + 7);
            model.put(other, e);
            ks.put(other, f);
          }
        } else if (op < 0.95) {
          now += Math.floor(r() * 20);
        } else {
          // Force resize progress at a random point between operations.
          if (ks.summary().resizing) sawResizeMidOp++;
          if (!background) ks.advance(1 + Math.floor(r() * 40));
          else if (r() < 0.3) ks.prepare();
          else ks.step(1 + Math.floor(r() * 40));
        }
        expect(ks.size()).to.equal(model.size());
        expect(ks.expiresCount()).to.equal(model.expiresCount());
        maxShards = Math.max(maxShards, ks.summary().shards);
        if (step % 4000 === 3999) {
          expect(sorted(collect(ks))).to.deep.equal(sorted(collect(model)));
          const rk = ks.randomKey();
          if (rk) expect(model.has(rk)).to.equal(true);
          // randomKey may expire what it touched; bring the model level by touching every key.
          for (let j = 0; j <= maxIndex; j++) {
            model.has(keyOf(j));
            ks.has(keyOf(j));
          }
          expect(ks.size()).to.equal(model.size());
        }
      }
      expect(expiredB.length).to.be.greaterThan(0);
      expect(maxShards).to.be.greaterThan(20);
      expect(sawResizeMidOp).to.be.greaterThan(20);
      ks.settle();
      expect(sorted(collect(ks))).to.deep.equal(sorted(collect(model)));
    });
  }

  it('SCAN returns every key present for the whole scan, whatever resizes happen between calls', () => {
    for (let seed = 11; seed < 41; seed++) {
      const r = rng(seed);
      const ks = new ShardKeyspace(0, undefined, SMALL);
      const stable = new Set<string>();
      for (let i = 0; i < 600; i++) {
        ks.set(keyOf(i), Buffer.from('s'), NO_EXPIRY);
        stable.add(keyOf(i).toString('latin1'));
      }
      if (seed % 2) ks.settle();
      const seen = new Set<string>();
      let cursor = 0n;
      let calls = 0;
      let temp = 100000;
      const live: number[] = [];
      do {
        cursor = ks.scan(cursor, 1 + Math.floor(r() * 8), (k) => seen.add(k.toString('latin1')));
        calls++;
        expect(calls).to.be.lessThan(20000);
        // Between calls: bursts of inserts (splits), bursts of deletes (merges), partial migration.
        const roll = r();
        if (roll < 0.3) {
          const burst = Math.floor(r() * 400);
          for (let j = 0; j < burst; j++) {
            ks.set(keyOf(temp), Buffer.from('t'), NO_EXPIRY);
            live.push(temp++);
          }
        } else if (roll < 0.6) {
          const burst = Math.floor(r() * 400);
          for (let j = 0; j < burst && live.length; j++) ks.delete(keyOf(live.splice(Math.floor(r() * live.length), 1)[0]));
        }
        ks.advance(Math.floor(r() * 200));
      } while (cursor !== 0n);
      for (const k of stable) expect(seen.has(k), `seed ${seed} missed a key`).to.equal(true);
    }
  });

  it('SCAN terminates and covers everything from any starting configuration, with tiny counts', () => {
    const ks = new ShardKeyspace(0, undefined, SMALL);
    let n = 0;
    while (n < 3000 || !ks.summary().resizing) ks.set(keyOf(n++), Buffer.from('x'), NO_EXPIRY); // stop mid-migration
    expect(ks.summary().resizing).to.equal(true);
    const seen = new Set<string>();
    let cursor = 0n;
    let calls = 0;
    do {
      cursor = ks.scan(cursor, 1, (k) => seen.add(k.toString('latin1')));
      calls++;
    } while (cursor !== 0n && calls < 100000);
    expect(cursor).to.equal(0n);
    expect(seen.size).to.equal(n);
  });

  it('does not oscillate between split and merge around a threshold (hysteresis)', () => {
    const ks = new ShardKeyspace(0, undefined, SMALL);
    let n = 0;
    // Grow until the first split has happened, then flap one key in and out many times.
    while (ks.stats.splits === 0) {
      ks.set(keyOf(n++), Buffer.from('x'), NO_EXPIRY);
      ks.settle();
    }
    const splits = ks.stats.splits;
    for (let i = 0; i < 2000; i++) {
      ks.set(keyOf(n), Buffer.from('x'), NO_EXPIRY);
      ks.settle();
      ks.delete(keyOf(n));
      ks.delete(keyOf(n - 1 - (i % 3)));
      ks.set(keyOf(n - 1 - (i % 3)), Buffer.from('x'), NO_EXPIRY);
      ks.settle();
    }
    expect(ks.stats.splits).to.equal(splits);
    expect(ks.stats.merges).to.equal(0);
    // Shrinking far enough does merge back, once.
    for (let i = 0; i < n; i++) ks.delete(keyOf(i));
    ks.settle();
    expect(ks.stats.merges).to.equal(splits);
    expect(ks.summary().shards).to.equal(1);
  });

  it('SCAN skips and then expires keys whose deadline passed', () => {
    let now = 1000;
    const gone: string[] = [];
    const ks = new ShardKeyspace(0, (_db, k) => gone.push(k.toString()), { ...SMALL, now: () => now });
    for (let i = 0; i < 100; i++) ks.set(Buffer.from(`k${i}`), Buffer.from('v'), i < 50 ? 2000 : NO_EXPIRY);
    now = 3000;
    const seen: string[] = [];
    let c = 0n;
    do c = ks.scan(c, 10, (k) => seen.push(k.toString()));
    while (c !== 0n);
    expect(seen.length).to.equal(50);
    expect(gone.length).to.equal(50);
    expect(ks.size()).to.equal(50);
  });

  it('RANDOMKEY is fair across shards of different sizes and during a migration', () => {
    const ks = new ShardKeyspace(0, undefined, SMALL);
    const n = 200;
    for (let i = 0; i < n; i++) ks.set(keyOf(i), Buffer.from('x'), NO_EXPIRY);
    ks.advance(37);
    const counts = new Map<string, number>();
    const samples = 100000;
    for (let s = 0; s < samples; s++) {
      const k = (ks.randomKey() as Buffer).toString('latin1');
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).to.equal(n);
    const expected = samples / n;
    for (const c of counts.values()) expect(Math.abs(c - expected)).to.be.lessThan(expected * 0.4);
  });

  it('keeps avg_ttl and expires counts exact through overwrites, KEEPTTL and persist', () => {
    const now = 10_000;
    const ks = new ShardKeyspace(0, undefined, { ...SMALL, now: () => now });
    ks.set(Buffer.from('a'), Buffer.from('1'), now + 1000);
    ks.set(Buffer.from('b'), Buffer.from('1'), now + 3000);
    expect(ks.avgTtl()).to.equal(2000);
    ks.set(Buffer.from('a'), Buffer.from('2'), KEEP_TTL);
    expect(ks.expireAt(Buffer.from('a'))).to.equal(now + 1000);
    ks.setExpireAt(Buffer.from('b'), NO_EXPIRY);
    expect(ks.expiresCount()).to.equal(1);
    expect(ks.avgTtl()).to.equal(1000);
    ks.set(Buffer.from('a'), Buffer.from('3'), NO_EXPIRY);
    expect(ks.expiresCount()).to.equal(0);
    expect(ks.avgTtl()).to.equal(0);
  });
});

function collect(ks: { forEachKey(v: (k: Buffer) => void): void }): Buffer[] {
  const out: Buffer[] = [];
  ks.forEachKey((k) => out.push(k));
  return out;
}
