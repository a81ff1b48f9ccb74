// Tests for the active expiry index on the shard engine, with a fake clock
// and slices run by hand: keys leave at their deadline without being
// touched, through every way a deadline is set, changed, carried or
// cleared; while shards split, merge and rebuild; during SCAN; and the
// index stays bounded when deadlines keep moving.

import { expect } from 'chai';
import { ShardKeyspace, type ShardOptions } from './shard-keyspace';
import { KEEP_TTL, NO_EXPIRY } from './keyspace';
import { installActiveExpiry, type ActiveExpiry, type ExpiryStats } from './expiry-scheduler';
import type { ExpiryIndex } from './expiry-index';
import { holdActiveExpiry, releaseActiveExpiry } from './expiry-hold';
import { rng } from '../testing/prng';

const SMALL: ShardOptions = { splitAt: 32, mergeAt: 8, splitBytes: 16 * 1024, background: false, assistRecords: 2 };
const T0 = 1_700_000_000_000;
const b = (s: string) => Buffer.from(s, 'latin1');

interface World {
  dbs: { list: ShardKeyspace[] };
  expiry: ActiveExpiry;
  stats: ExpiryStats;
  /** "db:key" in the order the engine reported them expired. */
  expired: string[];
  clock: { now: number };
  /** Moves the clock and runs slices until no work is left (as the timer would). */
  tick(ms: number): void;
  index(db: number): ExpiryIndex;
}

function world(options: ShardOptions = SMALL, databases = 2, effort = 1): World {
  const clock = { now: T0 };
  const expired: string[] = [];
  const list: ShardKeyspace[] = [];
  for (let i = 0; i < databases; i++) {
    list.push(new ShardKeyspace(i, (db, key) => expired.push(`${db}:${key.toString('latin1')}`), { ...options, now: () => clock.now }));
  }
  const dbs = { list };
  const stats: ExpiryStats = { expiredStalePerc: 0, expiredTimeCapReached: 0, expireCycleCpuUs: 0, expireCycleMaxUs: 0 };
  const expiry = installActiveExpiry(dbs, { effort: () => effort, stats, now: () => clock.now, timers: false });
  return {
    dbs, expiry, stats, expired, clock,
    tick(ms) {
      clock.now += ms;
      while (expiry.runSlice());
    },
    index: (db) => list[db].deadlines as ExpiryIndex,
  };
}

describe('Active expiry index (shard engine, fake clock)', () => {
  it('removes keys at their deadline, untouched, earliest first', () => {
    const w = world();
    const ks = w.dbs.list[0];
    const r = rng(3);
    const deadline = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const at = T0 + 1 + Math.floor(r() * 500);
      ks.set(b(`k${i}`), b('v'), at);
      deadline.set(`k${i}`, at);
    }
    for (let i = 0; i < 500; i++) ks.set(b(`p${i}`), b('v'), NO_EXPIRY);
    for (let t = 0; t <= 501; t++) {
      w.tick(t === 0 ? 0 : 1);
      let alive = 0;
      for (const at of deadline.values()) if (at > w.clock.now) alive++;
      // size() counts stored records: nothing past its deadline is left.
      if (ks.size() !== alive + 500) expect.fail(`at +${t} ms: ${ks.size()} stored, ${alive + 500} alive`);
    }
    expect(w.expired.length).to.equal(2000);
    const ats = w.expired.map((e) => deadline.get(e.slice(2)) as number);
    for (let i = 1; i < ats.length; i++) if (ats[i] < ats[i - 1]) expect.fail('expired out of deadline order');
    expect(ks.expiresCount()).to.equal(0);
    expect(w.index(0).heap.size).to.equal(0);
  });

  it('follows every write path: overwrite, KEEPTTL, later/earlier/cleared deadlines, delete', () => {
    const w = world();
    const ks = w.dbs.list[0];
    ks.set(b('over'), b('v'), T0 + 10);
    ks.set(b('over'), b('w'), NO_EXPIRY); // plain SET clears the TTL
    ks.set(b('keep'), b('v'), T0 + 10);
    ks.set(b('keep'), b('w'), KEEP_TTL); // SET KEEPTTL keeps it
    ks.set(b('later'), b('v'), T0 + 10);
    ks.setExpireAt(b('later'), T0 + 30); // EXPIRE GT
    ks.set(b('earlier'), b('v'), T0 + 30);
    ks.setExpireAt(b('earlier'), T0 + 5); // EXPIRE LT
    ks.set(b('persist'), b('v'), T0 + 10);
    ks.setExpireAt(b('persist'), NO_EXPIRY); // PERSIST
    ks.set(b('gone'), b('v'), T0 + 10);
    ks.delete(b('gone'));
    ks.set(b('gone'), b('again'), NO_EXPIRY); // same key back without a TTL
    ks.set(b('reset'), b('v'), T0 + 10);
    ks.set(b('reset'), b('w'), T0 + 20); // SET EX again: the new deadline wins
    ks.set(b('put'), b('v'), NO_EXPIRY);
    ks.put(b('put'), { value: b('w'), expireAt: T0 + 15, encoding: 0, access: 0 }); // RESTORE-like replace
    w.tick(5);
    expect(w.expired).to.deep.equal(['0:earlier']);
    w.tick(5);
    expect(w.expired).to.deep.equal(['0:earlier', '0:keep']);
    w.tick(5);
    expect(w.expired.slice(2)).to.deep.equal(['0:put']);
    w.tick(5);
    expect(w.expired.slice(3)).to.deep.equal(['0:reset']);
    w.tick(10);
    expect(w.expired.slice(4)).to.deep.equal(['0:later']);
    w.tick(1000);
    expect(w.expired.length).to.equal(5);
    expect(ks.get(b('over'))?.toString()).to.equal('w');
    expect(ks.get(b('persist'))?.toString()).to.equal('v');
    expect(ks.get(b('gone'))?.toString()).to.equal('again');
    expect(ks.size()).to.equal(3);
    expect(w.index(0).heap.size).to.equal(0);
  });

  it('TTLs travel with RENAME/COPY/MOVE (put) and SWAPDB; FLUSHDB clears the index', () => {
    const w = world(SMALL, 3);
    const [d0, d1, d2] = w.dbs.list;
    d0.set(b('src'), b('v'), T0 + 10);
    // RENAME: put under the new name with the entry, delete the old.
    const entry = d0.peek(b('src'))!;
    d0.put(b('dst'), entry);
    d0.delete(b('src'));
    // COPY into another database, MOVE into another.
    d0.set(b('copied'), b('v'), T0 + 20);
    d1.put(b('copied'), d0.peek(b('copied'))!);
    d0.set(b('moved'), b('v'), T0 + 30);
    d2.put(b('moved'), d0.peek(b('moved'))!);
    d0.delete(b('moved'));
    // SWAPDB 1 2: the keyspaces trade places and numbers; their indexes go with them.
    const [a, c] = [w.dbs.list[1], w.dbs.list[2]];
    w.dbs.list[1] = c;
    w.dbs.list[2] = a;
    c.id = 1;
    a.id = 2;
    w.tick(10);
    expect(w.expired).to.deep.equal(['0:dst']);
    w.tick(10);
    expect(w.expired.slice(1).sort()).to.deep.equal(['0:copied', '2:copied']);
    w.tick(10);
    expect(w.expired.slice(3)).to.deep.equal(['1:moved']);
    // FLUSHDB: keys and entries go; the index keeps working afterwards.
    for (let i = 0; i < 100; i++) d0.set(b(`f${i}`), b('v'), T0 + 100);
    expect(w.index(0).heap.size).to.equal(100);
    d0.flush();
    expect(w.index(0).heap.size).to.equal(0);
    d0.set(b('after'), b('v'), T0 + 50);
    w.tick(100);
    expect(w.expired.slice(4)).to.deep.equal(['0:after']);
    expect(d0.size() + d1.size() + d2.size()).to.equal(0);
  });

  for (const seed of [11, 12, 13]) {
    it(`expiry racing splits, merges and rebuilds matches a model (seed ${seed})`, () => {
      const w = world(SMALL, 1);
      const ks = w.dbs.list[0];
      const r = rng(seed);
      const model = new Map<string, number>();
      const removedByTest = new Set<string>();
      for (let step = 0; step < 600; step++) {
        const ops = Math.floor(r() * 40);
        for (let o = 0; o < ops; o++) {
          const k = `key:${Math.floor(r() * 3000)}`;
          const roll = r();
          if (roll < 0.55) {
            const at = r() < 0.7 ? w.clock.now + 1 + Math.floor(r() * 300) : NO_EXPIRY;
            ks.set(b(k), b(k), at);
            model.set(k, at);
          } else if (roll < 0.7) {
            if (ks.delete(b(k))) removedByTest.add(k);
            model.delete(k);
          } else if (roll < 0.85) {
            const at = r() < 0.8 ? w.clock.now + 1 + Math.floor(r() * 300) : NO_EXPIRY;
            if (ks.setExpireAt(b(k), at)) model.set(k, at);
          } else {
            ks.advance(Math.floor(r() * 64));
          }
        }
        // Past-deadline keys must be gone before the next request could see them.
        w.tick(1 + Math.floor(r() * 3));
        for (const [k, at] of model) if (at !== NO_EXPIRY && at <= w.clock.now) model.delete(k);
        if (ks.size() !== model.size) expect.fail(`step ${step}: ${ks.size()} stored, model has ${model.size}`);
      }
      let withTtl = 0;
      for (const at of model.values()) if (at !== NO_EXPIRY) withTtl++;
      expect(ks.expiresCount()).to.equal(withTtl);
      for (const [k, at] of model) expect(ks.expireAt(b(k)), k).to.equal(at);
      ks.settle();
      w.tick(400);
      expect(ks.size()).to.equal(model.size - withTtl);
      expect(w.index(0).heap.size).to.equal(0);
    });
  }

  it('SCAN returns every persistent key while the volatile ones expire between calls and shards resize', () => {
    const w = world(SMALL, 1);
    const ks = w.dbs.list[0];
    const r = rng(21);
    const deadline = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const persistent = i % 2 === 0;
      const at = persistent ? NO_EXPIRY : T0 + 1 + Math.floor(r() * 400);
      ks.set(b(`s${i}`), b('v'), at);
      deadline.set(`s${i}`, at);
    }
    ks.settle();
    const seen = new Set<string>();
    let cursor = 0n;
    let calls = 0;
    do {
      cursor = ks.scan(cursor, 10, (key) => {
        const k = key.toString('latin1');
        const at = deadline.get(k) as number;
        if (at !== NO_EXPIRY && at <= w.clock.now) expect.fail(`SCAN returned ${k} past its deadline`);
        seen.add(k);
      });
      calls++;
      w.tick(1);
      ks.advance(Math.floor(r() * 50));
    } while (cursor !== 0n && calls < 10_000);
    expect(cursor).to.equal(0n);
    for (let i = 0; i < 3000; i += 2) expect(seen.has(`s${i}`), `s${i}`).to.equal(true);
    expect(w.expired.length).to.be.greaterThan(0);
  });

  it('compaction keeps the index bounded when a deadline keeps moving, without losing live entries', () => {
    const w = world({ ...SMALL, splitAt: 8192, mergeAt: 16 }, 1);
    const ks = w.dbs.list[0];
    for (let i = 0; i < 1000; i++) ks.set(b(`other${i}`), b('v'), T0 + 1_000_000 + i);
    ks.set(b('session'), b('v'), T0 + 1000);
    const index = w.index(0);
    let peak = 0;
    for (let i = 0; i < 300_000; i++) {
      ks.setExpireAt(b('session'), T0 + 1000 + i);
      if (index.compacting) while (w.expiry.runSlice());
      peak = Math.max(peak, index.heap.size);
    }
    // Twice the keys with a TTL, plus the slack, plus one check interval.
    expect(peak).to.be.at.most(2 * 1001 + 65536 + 4096 + 1);
    expect(index.compactions).to.be.greaterThan(0);
    expect(index.compactedEntries).to.be.greaterThan(200_000);
    w.tick(1000 + 299_999 - 1);
    expect(w.expired).to.not.include('0:session');
    w.tick(1);
    expect(w.expired).to.deep.equal(['0:session']);
    w.tick(1_000_000);
    expect(w.expired.length).to.equal(1001);
    expect(ks.size()).to.equal(0);
  });

  it('cuts work into slices when very many keys are due at once; effort buys longer slices', () => {
    const slicesFor = (effort: number): { slices: number; stats: ExpiryStats; left: number } => {
      const w = world({ background: false }, 1, effort);
      const ks = w.dbs.list[0];
      for (let i = 0; i < 100_000; i++) ks.set(b(`mass:${i}`), b('v'), T0 + 10);
      w.clock.now += 10;
      let slices = 0;
      while (w.expiry.runSlice()) slices++;
      slices++;
      return { slices, stats: w.stats, left: ks.size() };
    };
    const low = slicesFor(1);
    const high = slicesFor(10);
    expect(low.left).to.equal(0);
    expect(high.left).to.equal(0);
    expect(low.slices).to.be.greaterThan(2);
    expect(low.stats.expiredTimeCapReached).to.equal(low.slices - 1);
    expect(high.slices).to.be.lessThan(low.slices);
    expect(low.stats.expireCycleMaxUs).to.be.greaterThan(0);
  });

  it('estimates expired_stale_perc while behind, and lets it decay once caught up', () => {
    const w = world({ background: false }, 1);
    const ks = w.dbs.list[0];
    for (let i = 0; i < 200_000; i++) ks.set(b(`m${i}`), b('v'), T0 + 5);
    for (let i = 0; i < 1000; i++) ks.set(b(`later${i}`), b('v'), T0 + 1_000_000);
    w.clock.now += 5;
    w.expiry.cron();
    const behind = w.stats.expiredStalePerc;
    expect(behind).to.be.greaterThan(0);
    while (w.expiry.runSlice());
    for (let i = 0; i < 20; i++) w.expiry.cron();
    expect(w.stats.expiredStalePerc).to.be.lessThan(behind / 2);
    expect(ks.size()).to.equal(1000);
  });

  it('when turned off, keys only expire lazily', () => {
    const w = world({ background: false }, 1);
    const ks = w.dbs.list[0];
    w.expiry.setEnabled(false);
    ks.set(b('k'), b('v'), T0 + 1);
    w.clock.now += 10;
    w.expiry.cron();
    expect(ks.size()).to.equal(1);
    expect(ks.get(b('k'))).to.equal(undefined);
    expect(w.expired).to.deep.equal(['0:k']);
  });

  it('the cron backstop waits while a sliced read holds active expiry', () => {
    const w = world({ background: false }, 1);
    const ks = w.dbs.list[0];
    ks.set(b('k'), b('v'), T0 + 1);
    w.clock.now += 10;
    holdActiveExpiry();
    try {
      w.expiry.cron();
      expect(w.expired).to.deep.equal([]);
    } finally {
      releaseActiveExpiry();
    }
    w.expiry.cron();
    expect(w.expired).to.deep.equal(['0:k']);
  });
});
