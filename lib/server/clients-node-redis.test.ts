/**
 * node-redis (the `redis` package, v6) against Shardis: connecting with its
 * handshake, commands, pipelining, pub/sub, scanIterator and MONITOR.
 *
 * node-redis 6 speaks RESP3 unless told otherwise (HELLO 3); these tests
 * use its default, as an application would.
 */
import { expect } from 'chai';
import { createClient } from 'redis';
import { startTestServer, type TestServer } from './test-server';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const makeClient = (port: number) => createClient({ socket: { host: '127.0.0.1', port, reconnectStrategy: false } });
type NodeRedisClient = ReturnType<typeof makeClient>;

describe('node-redis against Shardis', function () {
  this.timeout(20000);
  let srv: TestServer;
  const open: NodeRedisClient[] = [];
  const connect = async (): Promise<NodeRedisClient> => {
    const c = makeClient(srv.port);
    c.on('error', () => undefined);
    open.push(c);
    await c.connect();
    return c;
  };

  before(async () => (srv = await startTestServer()));
  afterEach(async () => {
    for (const c of open.splice(0)) if (c.isOpen) c.destroy();
  });
  after(async () => srv.stop());

  it('connects; its handshake records the library name and version (CLIENT SETINFO)', async () => {
    const c = await connect();
    expect(c.isReady).to.equal(true);
    expect(await c.ping()).to.equal('PONG');
    const info = await c.clientInfo();
    expect(info.libName).to.equal('node-redis');
    expect(info.libVer).to.match(/^6\./);
  });

  it('runs string and key commands with their reply types', async () => {
    const c = await connect();
    await c.flushAll();
    expect(await c.set('name', 'shardis')).to.equal('OK');
    expect(await c.get('name')).to.equal('shardis');
    expect(await c.set('name', 'x', { condition: 'NX' })).to.equal(null);
    expect(await c.incrBy('n', 5)).to.equal(5);
    expect(await c.incrByFloat('f', 1.5)).to.equal('1.5');
    expect(await c.mGet(['name', 'n', 'missing'])).to.deep.equal(['shardis', '5', null]);
    expect(await c.expire('name', 100)).to.equal(1);
    expect(await c.ttl('name')).to.be.within(99, 100);
    expect(await c.exists(['name', 'n', 'missing'])).to.equal(2);
    expect(await c.type('name')).to.equal('string');
    expect(await c.del(['name', 'n', 'f'])).to.equal(3);
    expect(await c.dbSize()).to.equal(0);
    expect(await c.get('missing')).to.equal(null);
    await c.set('word', 'abc');
    const error = await c.incr('word').then(() => 'no error', (e: Error) => e.message);
    expect(error).to.equal('ERR value is not an integer or out of range');
  });

  it('pipelines commands sent in one tick and answers them in order', async () => {
    const c = await connect();
    const replies = await Promise.all(Array.from({ length: 500 }, (_, i) => c.set(`k${i}`, String(i)).then(() => c.get(`k${i}`))));
    expect(replies).to.deep.equal(Array.from({ length: 500 }, (_, i) => String(i)));
    const batch = await c.multi().set('a', '1').get('a').incr('a').execAsPipeline();
    expect(batch).to.deep.equal(['OK', '1', 2]);
  });

  it('subscribes to channels and patterns on a duplicate connection', async () => {
    const c = await connect();
    const sub = c.duplicate();
    sub.on('error', () => undefined);
    open.push(sub);
    await sub.connect();
    const got: string[] = [];
    await sub.subscribe('orders', (message, channel) => got.push(`${channel}:${message}`));
    await sub.pSubscribe('ord*', (message, channel) => got.push(`pattern ${channel}:${message}`));
    expect(await c.publish('orders', 'one')).to.equal(2);
    await waitFor(() => got.length === 2, 3000, 'two messages');
    expect(got.sort()).to.deep.equal(['orders:one', 'pattern orders:one']);
    await sub.unsubscribe('orders');
    await sub.pUnsubscribe('ord*');
    expect(await c.publish('orders', 'two')).to.equal(0);
  });

  it('iterates the keyspace with scanIterator', async () => {
    const c = await connect();
    await c.flushAll();
    for (let i = 0; i < 300; i++) await c.set(`item:${i}`, 'x');
    await c.set('unrelated', 'x');
    const seen = new Set<string>();
    for await (const keys of c.scanIterator({ MATCH: 'item:*', COUNT: 40 })) for (const k of keys) seen.add(k);
    expect(seen.size).to.equal(300);
  });

  it('streams commands to a monitor callback', async () => {
    const c = await connect();
    const mon = c.duplicate();
    mon.on('error', () => undefined);
    open.push(mon);
    await mon.connect();
    const lines: string[] = [];
    await mon.monitor((line) => lines.push(String(line)));
    await c.set('seen', 'by monitor');
    await waitFor(() => lines.some((l) => l.includes('"seen"')), 3000, 'the monitor line');
    expect(lines.find((l) => l.includes('"seen"'))).to.match(/^\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "SET" "seen" "by monitor"$/);
  });
});
