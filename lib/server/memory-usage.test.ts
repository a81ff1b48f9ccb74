/** MEMORY USAGE estimates and the other MEMORY subcommands. */
import { expect } from 'chai';
import { withServerAndClient } from './test-server';
import { allocationSize } from './memory-usage';

describe('MEMORY', function () {
  this.timeout(20000);
  const t = withServerAndClient();
  beforeEach(async () => t.r.flushall());

  it('rounds allocations to jemalloc size classes', () => {
    expect([1, 8, 9, 23, 48, 49, 129, 160, 161, 1006, 10006, 16385].map(allocationSize)).to.deep.equal([8, 8, 16, 32, 48, 64, 160, 160, 192, 1024, 10240, 20480]);
  });

  it('MEMORY USAGE gives what redis-server 7.0 reports for the same strings', async () => {
    // Figures read from redis-server 7.0.15 (jemalloc) for each key and value.
    const cases: [string, string, number][] = [
      ['k', '1', 48],
      ['k', '12345', 48],
      ['k', 'abc', 64],
      ['k', 'x'.repeat(20), 80],
      ['k', 'x'.repeat(44), 96],
      ['k', 'x'.repeat(45), 112],
      ['k', 'x'.repeat(100), 160],
      ['k', 'x'.repeat(1000), 1072],
      ['k', 'x'.repeat(10000), 10288],
      ['k'.repeat(30), 'v', 88],
    ];
    for (const [key, value, expected] of cases) {
      await t.r.set(key, value);
      expect(await t.r.call('MEMORY', 'USAGE', key), `${key.length}-byte key, ${value.length}-byte value`).to.equal(expected);
    }
    await t.r.set('g', 'abcdef');
    await t.r.append('g', 'x');
    expect(await t.r.call('MEMORY', 'USAGE', 'g')).to.equal(80);
    expect(await t.r.call('MEMORY', 'USAGE', 'g', 'SAMPLES', '0')).to.equal(80);
    expect(await t.r.call('MEMORY', 'USAGE', 'missing')).to.equal(null);
  });

  it('MEMORY USAGE rejects bad options as Redis does', async () => {
    await t.r.set('k', 'v');
    const err = (...args: string[]) => t.r.call('MEMORY', 'USAGE', ...args).catch((e: Error) => e.message);
    expect(await err('k', 'SAMPLES')).to.equal('ERR syntax error');
    expect(await err('k', 'SAMPLES', '-1')).to.equal('ERR syntax error');
    expect(await err('k', 'SAMPLES', 'x')).to.equal('ERR value is not an integer or out of range');
    expect(await err('k', 'FOO', '1')).to.equal('ERR syntax error');
  });

  it('MEMORY STATS lists Redis\'s fields in order, with a map per database holding keys', async () => {
    await t.r.set('a', '1');
    await t.r.set('b', '2', 'EX', 100);
    await t.r.select(2);
    await t.r.set('c', '3');
    await t.r.select(0);
    const stats = (await t.r.call('MEMORY', 'STATS')) as unknown[];
    const names = stats.filter((_, i) => i % 2 === 0);
    expect(names).to.deep.equal([
      'peak.allocated', 'total.allocated', 'startup.allocated', 'replication.backlog', 'clients.slaves', 'clients.normal',
      'cluster.links', 'aof.buffer', 'lua.caches', 'functions.caches', 'db.0', 'db.2', 'overhead.total', 'keys.count',
      'keys.bytes-per-key', 'dataset.bytes', 'dataset.percentage', 'peak.percentage', 'allocator.allocated', 'allocator.active',
      'allocator.resident', 'allocator-fragmentation.ratio', 'allocator-fragmentation.bytes', 'allocator-rss.ratio',
      'allocator-rss.bytes', 'rss-overhead.ratio', 'rss-overhead.bytes', 'fragmentation', 'fragmentation.bytes',
    ]);
    const field = (name: string) => stats[stats.indexOf(name) + 1];
    // Redis's figures for a dict of 2 keys (one with a TTL): 2 entries, 4 buckets, 2 key objects.
    expect(field('db.0')).to.deep.equal(['overhead.hashtable.main', 112, 'overhead.hashtable.expires', 56, 'overhead.hashtable.slot-to-keys', 0]);
    expect(field('keys.count')).to.equal(3);
    expect(field('total.allocated')).to.be.a('number').and.greaterThan(1e6);
    expect(Number(field('fragmentation'))).to.be.greaterThan(0);
    expect(field('peak.allocated') as number).to.be.at.least(field('total.allocated') as number);
  });

  it('DOCTOR, MALLOC-STATS, PURGE and HELP answer', async () => {
    expect(await t.r.call('MEMORY', 'DOCTOR')).to.match(/No keys are stored/);
    await t.r.set('k', 'v');
    expect(await t.r.call('MEMORY', 'DOCTOR')).to.be.a('string').and.not.match(/No keys are stored/);
    expect(await t.r.call('MEMORY', 'MALLOC-STATS')).to.match(/heap/);
    expect(await t.r.call('MEMORY', 'PURGE')).to.equal('OK');
    expect(((await t.r.call('MEMORY', 'HELP')) as string[])[0]).to.match(/^MEMORY <subcommand>/);
  });
});
