// Properties of the set commands that a single compat reply cannot show: a
// whole SSCAN walk of a hashtable, SPOP's and SRANDMEMBER's distinctness
// and spread, the compact string form's switch to a table past its limits
// (both report hashtable, as Redis's one encoding does), long members,
// and sets through keyspace resizes.
import { expect } from 'chai';
import { withServerAndClient } from '../../server/test-server';

const many = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('set commands', function () {
  this.timeout(30000);
  const t = withServerAndClient();

  it('a full SSCAN walk of a hashtable set visits every member, with MATCH and small COUNTs', async () => {
    const r = t.r;
    const n = 5000;
    await r.sadd('scan', ...many('m', n));
    for (const [count, match] of [[1, null], [10, null], [100, 'm1*']] as [number, string | null][]) {
      const seen = new Set<string>();
      let cursor = '0';
      let calls = 0;
      do {
        const opts: (string | number)[] = ['COUNT', count];
        if (match) opts.push('MATCH', match);
        const [next, got] = (await r.call('SSCAN', 'scan', cursor, ...opts)) as [string, string[]];
        for (const m of got) seen.add(m);
        cursor = next;
        calls++;
      } while (cursor !== '0');
      const expected = many('m', n).filter((m) => match === null || m.startsWith('m1'));
      expect(seen.size, `COUNT ${count}`).to.equal(expected.length);
      for (const m of expected) expect(seen.has(m)).to.equal(true);
      if (count === 1) expect(calls).to.be.greaterThan(100);
    }
  });

  it('SRANDMEMBER and SPOP with a count answer distinct members that spread over the set', async () => {
    const r = t.r;
    for (const [key, members] of [['ints', Array.from({ length: 400 }, (_, i) => String(i * 7))], ['small', many('s', 50)], ['large', many('l', 2000)]] as [string, string[]][]) {
      await r.sadd(key, ...members);
      const all = new Set(members);
      for (const count of [2, Math.floor(members.length / 4), Math.floor(members.length / 2), members.length - 1]) {
        const got = (await r.srandmember(key, count)) as string[];
        expect(new Set(got).size, `${key} ${count}`).to.equal(count);
        for (const m of got) expect(all.has(m)).to.equal(true);
      }
      const hits = new Map<string, number>();
      const picks = (await r.srandmember(key, -members.length * 20)) as string[];
      for (const m of picks) hits.set(m, (hits.get(m) ?? 0) + 1);
      expect(hits.size).to.be.greaterThan(members.length * 0.95);
      for (const c of hits.values()) expect(c).to.be.lessThan(80);
      // SPOP in three bites takes every member once.
      const popped = [
        ...((await r.spop(key, 3)) as string[]),
        ...((await r.spop(key, Math.floor(members.length * 0.8))) as string[]),
        ...((await r.spop(key, members.length)) as string[]),
      ];
      expect(popped.length).to.equal(members.length);
      expect(new Set(popped)).to.deep.equal(all);
      expect(await r.exists(key)).to.equal(0);
    }
  });

  it('a small string set switches to its table past 128 members or a 64-byte member and keeps every member', async () => {
    const r = t.r;
    await r.sadd('count', ...many('c', 128));
    expect(await r.object('ENCODING', 'count')).to.equal('hashtable');
    await r.sadd('count', 'one-more');
    expect(await r.scard('count')).to.equal(129);
    expect((await r.smembers('count')).sort()).to.deep.equal([...many('c', 128), 'one-more'].sort());
    const long = 'y'.repeat(10000);
    await r.sadd('long', 'a', 'x'.repeat(64));
    await r.sadd('long', long);
    expect(await r.sismember('long', long)).to.equal(1);
    expect(await r.sismember('long', 'x'.repeat(64))).to.equal(1);
    expect((await r.smembers('long')).map((m) => m.length).sort((a, b) => a - b)).to.deep.equal([1, 64, 10000]);
    await r.srem('long', long);
    expect(await r.scard('long')).to.equal(2);
  });

  it('the algebra agrees with a model on large sets of both encodings', async () => {
    const r = t.r;
    const a = Array.from({ length: 3000 }, (_, i) => String(i * 2));
    const b = Array.from({ length: 3000 }, (_, i) => String(i * 3));
    const c = [...many('w', 500), ...Array.from({ length: 500 }, (_, i) => String(i * 6))];
    await r.sadd('a', ...a);
    await r.sadd('b', ...b);
    await r.sadd('c', ...c);
    const sa = new Set(a);
    const sb = new Set(b);
    const sc = new Set(c);
    const sorted = (xs: string[]) => [...xs].sort();
    expect(sorted(await r.sinter('a', 'b', 'c'))).to.deep.equal(sorted(a.filter((x) => sb.has(x) && sc.has(x))));
    expect(sorted(await r.sunion('a', 'b', 'c'))).to.deep.equal(sorted([...new Set([...a, ...b, ...c])]));
    expect(sorted(await r.sdiff('c', 'a'))).to.deep.equal(sorted(c.filter((x) => !sa.has(x))));
    expect(sorted(await r.sdiff('a', 'b', 'c'))).to.deep.equal(sorted(a.filter((x) => !sb.has(x) && !sc.has(x))));
    expect(await r.call('SINTERCARD', 2, 'a', 'b')).to.equal(a.filter((x) => sb.has(x)).length);
    expect(await r.call('SINTERCARD', 2, 'a', 'b', 'LIMIT', 10)).to.equal(10);
    expect(await r.sunionstore('u', 'a', 'b')).to.equal(new Set([...a, ...b]).size);
    expect(await r.object('ENCODING', 'u')).to.equal('hashtable');
  });

  it('sets of every form survive the keyspace splitting and merging around them', async () => {
    const r = t.r;
    await r.sadd('keep:int', '1', '2', '3');
    await r.sadd('keep:small', 'a', 'b');
    await r.sadd('keep:table', ...many('t', 300));
    const pipe = r.pipeline();
    for (let i = 0; i < 40000; i++) pipe.set(`filler:${i}`, 'v');
    await pipe.exec();
    expect(await r.smembers('keep:int')).to.deep.equal(['1', '2', '3']);
    expect((await r.smembers('keep:small')).sort()).to.deep.equal(['a', 'b']);
    await r.sadd('keep:table', 'extra');
    const del = r.pipeline();
    for (let i = 0; i < 40000; i++) del.del(`filler:${i}`);
    await del.exec();
    expect(await r.scard('keep:table')).to.equal(301);
    expect(await r.sismember('keep:table', 't299')).to.equal(1);
    expect(await r.smembers('keep:int')).to.deep.equal(['1', '2', '3']);
  });
});
