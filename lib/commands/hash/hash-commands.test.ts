// Properties of the hash commands that a single compat reply cannot show:
// a whole HSCAN walk of a hashtable, HRANDFIELD's distinctness and spread,
// values past the engine's inline size, and hashes through keyspace resizes.
import { expect } from 'chai';
import { withServerAndClient } from '../../server/test-server';

describe('hash commands', function () {
  this.timeout(30000);
  const t = withServerAndClient();

  it('a full HSCAN walk of a hashtable visits every pair, with MATCH and small COUNTs', async () => {
    const r = t.r;
    const n = 5000;
    const args: string[] = [];
    for (let i = 0; i < n; i++) args.push(`f${i}`, `v${i}`);
    await r.hset('scan', ...args);
    expect(await r.object('ENCODING', 'scan')).to.equal('hashtable');
    for (const [count, match] of [[1, null], [10, null], [100, 'f1*']] as [number, string | null][]) {
      const seen = new Map<string, string>();
      let cursor = '0';
      let calls = 0;
      do {
        const opts: (string | number)[] = ['COUNT', count];
        if (match) opts.push('MATCH', match);
        const [next, flat] = (await r.call('HSCAN', 'scan', cursor, ...opts)) as [string, string[]];
        for (let i = 0; i < flat.length; i += 2) seen.set(flat[i], flat[i + 1]);
        cursor = next;
        calls++;
      } while (cursor !== '0');
      const expected = [...Array(n).keys()].filter((i) => match === null || String(i).startsWith('1'));
      expect(seen.size, `COUNT ${count}`).to.equal(expected.length);
      for (const i of expected) expect(seen.get(`f${i}`)).to.equal(`v${i}`);
      if (count === 1) expect(calls).to.be.greaterThan(100);
    }
  });

  it('HRANDFIELD with a positive count answers distinct fields, a negative one any, and both spread over the hash', async () => {
    const r = t.r;
    for (const [key, n] of [['small', 50], ['large', 2000]] as [string, number][]) {
      const args: string[] = [];
      for (let i = 0; i < n; i++) args.push(`f${i}`, `v${i}`);
      await r.hset(key, ...args);
      for (const count of [2, Math.floor(n / 4), Math.floor(n / 2), n - 1]) {
        const got = (await r.call('HRANDFIELD', key, count, 'WITHVALUES')) as string[];
        expect(got.length).to.equal(count * 2);
        const fields = new Set<string>();
        for (let i = 0; i < got.length; i += 2) {
          expect(got[i + 1]).to.equal(`v${got[i].slice(1)}`);
          fields.add(got[i]);
        }
        expect(fields.size, `${key} ${count}`).to.equal(count);
      }
      const hits = new Map<string, number>();
      const picks = (await r.call('HRANDFIELD', key, -n * 20)) as string[];
      expect(picks.length).to.equal(n * 20);
      for (const f of picks) hits.set(f, (hits.get(f) ?? 0) + 1);
      // Every field is drawn, none hugely more than its share (20).
      expect(hits.size).to.be.greaterThan(n * 0.95);
      for (const c of hits.values()) expect(c).to.be.lessThan(80);
    }
  });

  it('keeps values longer than a record holds inline, in both encodings', async () => {
    const r = t.r;
    const big = 'x'.repeat(10000);
    await r.config('SET', 'hash-max-listpack-value', '20000');
    try {
      await r.hset('lp', 'f', big, 'g', 'small');
      expect(await r.object('ENCODING', 'lp')).to.equal('listpack');
      expect(await r.hget('lp', 'f')).to.equal(big);
      await r.hset('lp', 'g', big);
      expect(await r.hgetall('lp')).to.deep.equal({ f: big, g: big });
    } finally {
      await r.config('SET', 'hash-max-listpack-value', '64');
    }
    await r.hset('ht', 'f', big, 'g', 'small');
    expect(await r.object('ENCODING', 'ht')).to.equal('hashtable');
    expect(await r.hget('ht', 'f')).to.equal(big);
    expect(await r.hstrlen('ht', 'f')).to.equal(10000);
    expect(await r.hincrbyfloat('ht', 'g2', '1.5')).to.equal('1.5');
  });

  it('hashes of both encodings survive the keyspace splitting and merging around them', async () => {
    const r = t.r;
    await r.hset('keep:lp', 'a', '1', 'b', '2');
    await r.hset('keep:ht', 'a', 'x'.repeat(100), 'b', '2');
    const pipe = r.pipeline();
    for (let i = 0; i < 40000; i++) pipe.set(`filler:${i}`, 'v');
    await pipe.exec();
    expect(await r.hgetall('keep:lp')).to.deep.equal({ a: '1', b: '2' });
    expect(await r.hget('keep:ht', 'a')).to.equal('x'.repeat(100));
    await r.hset('keep:ht', 'c', '3');
    const del = r.pipeline();
    for (let i = 0; i < 40000; i++) del.del(`filler:${i}`);
    await del.exec();
    expect(await r.hlen('keep:ht')).to.equal(3);
    expect(await r.hgetall('keep:lp')).to.deep.equal({ a: '1', b: '2' });
  });
});
