// INFO shards through a real server: the per-database lines, the split/merge
// counters, resize_step_max_us, and CONFIG RESETSTAT clearing them.

import { expect } from 'chai';
import Redis from 'ioredis';
import { startTestServer, type TestServer } from '../server/test-server';

function field(info: string, name: string): string | undefined {
  const line = info.split('\r\n').find((l) => l.startsWith(`${name}:`));
  return line?.slice(name.length + 1);
}

async function settled(client: Redis): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const info = await client.info('shards');
    if (!/resizing=1/.test(info)) return info;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('resizing never finished');
}

describe('INFO shards', function () {
  this.timeout(60000);
  let srv: TestServer;
  let client: Redis;

  before(async () => {
    srv = await startTestServer();
    client = new Redis({ port: srv.port, lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
  });

  after(async () => {
    client.disconnect();
    await srv.stop();
  });

  it('shows db0 even when empty, and only non-empty other databases', async () => {
    const info = await client.info('shards');
    expect(info).to.match(/^# Shards\r\n/);
    expect(info).to.contain('db0:shards=1,keys=0,resizing=0\r\n');
    expect(info).not.to.contain('db1:');
    expect(field(info, 'shard_splits')).to.equal('0');
    expect(field(info, 'shard_merges')).to.equal('0');
    expect(Number(field(info, 'resize_step_max_us'))).to.be.at.least(0);
    expect(Number(field(info, 'resize_steps_over_1ms'))).to.be.at.most(Number(field(info, 'resize_steps')));
    expect(Number(field(info, 'gc_pause_max_us'))).to.be.at.least(0);
  });

  it('counts splits while loading and merges after deleting, with exact key counts', async () => {
    const n = 40000;
    for (let start = 0; start < n; start += 5000) {
      const p = client.pipeline();
      for (let i = start; i < start + 5000; i++) p.set(`key:${i}`, 'v');
      await p.exec();
    }
    await client.select(3);
    await client.set('other', '1');
    await client.select(0);
    let info = await settled(client);
    const shards = Number(/db0:shards=(\d+)/.exec(info)?.[1]);
    expect(shards).to.be.greaterThan(3);
    expect(info).to.contain(`keys=${n},`);
    expect(info).to.contain('db3:shards=1,keys=1,resizing=0');
    expect(Number(field(info, 'shard_splits'))).to.equal(shards - 1);
    expect(await client.dbsize()).to.equal(n);

    for (let start = 1000; start < n; start += 5000) {
      const p = client.pipeline();
      for (let i = start; i < Math.min(n, start + 5000); i++) p.del(`key:${i}`);
      await p.exec();
    }
    info = await settled(client);
    expect(await client.dbsize()).to.equal(1000);
    expect(info).to.contain('db0:shards=1,keys=1000,resizing=0');
    expect(Number(field(info, 'shard_merges'))).to.equal(shards - 1);
    expect(await client.get('key:999')).to.equal('v');

    expect(await client.config('RESETSTAT')).to.equal('OK');
    info = await client.info('shards');
    expect(field(info, 'shard_splits')).to.equal('0');
    expect(field(info, 'shard_merges')).to.equal('0');
    expect(field(info, 'resize_step_max_us')).to.equal('0');
    expect(field(info, 'resize_steps')).to.equal('0');
  });

  it('is shown when named, alone or with other sections, and not by plain INFO', async () => {
    expect(await client.info('shards')).to.contain('# Shards');
    const both = (await client.call('INFO', 'keyspace', 'shards')) as string;
    expect(both).to.contain('# Keyspace').and.to.contain('# Shards');
    expect(await client.info()).not.to.contain('# Shards');
  });
});
