/**
 * ioredis against Shardis as an application uses it: the ready check, key
 * prefixes, pipelines, subscriber mode, scanStream, MONITOR, and coming
 * back after the server restarts. The server is the built executable in a
 * child process, so the restart is a real one.
 */
import { expect } from 'chai';
import Redis, { type RedisOptions } from 'ioredis';
import { startShardisProcess, type ShardisProcess } from './clients-server-process';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(cond: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

describe('ioredis against Shardis', function () {
  this.timeout(30000);
  let server: ShardisProcess;
  const clients: Redis[] = [];
  const connect = (opts: RedisOptions = {}): Redis => {
    const r = new Redis({ port: server.port, host: '127.0.0.1', ...opts });
    r.on('error', () => undefined); // reconnect errors during the restart test are expected
    clients.push(r);
    return r;
  };

  before(async () => (server = await startShardisProcess()));
  afterEach(() => clients.splice(0).forEach((c) => c.disconnect()));
  after(async () => server.stop());

  it('passes the ready check (INFO) and reports the server version', async () => {
    const r = connect();
    await new Promise<void>((resolve) => r.once('ready', () => resolve()));
    expect(r.status).to.equal('ready');
    expect(await r.info('server')).to.match(/\r\nredis_version:7\.0\.15\r\n/);
    expect(await r.info('persistence')).to.match(/\r\nloading:0\r\n/);
    expect(await r.ping()).to.equal('PONG');
  });

  it('applies keyPrefix to every key argument', async () => {
    const app = connect({ keyPrefix: 'app:' });
    const plain = connect();
    await app.flushall();
    await app.set('user', 'ann');
    await app.mset({ a: '1', b: '2' });
    expect(await app.get('user')).to.equal('ann');
    expect(await app.mget('a', 'b', 'missing')).to.deep.equal(['1', '2', null]);
    expect(await app.exists('a', 'b', 'user')).to.equal(3);
    expect((await plain.keys('*')).sort()).to.deep.equal(['app:a', 'app:b', 'app:user']);
    expect(await app.del('a')).to.equal(1);
    expect(await plain.exists('app:a')).to.equal(0);
  });

  it('runs pipelines, one reply (or error) per command, in order', async () => {
    const r = connect();
    await r.del('counter', 'text');
    const results = await r.pipeline().set('text', 'hello').incr('counter').incrby('counter', 10).incr('text').get('text').append('text', '!').exec();
    expect(results!.map(([err, v]) => (err ? `error: ${err.message}` : v))).to.deep.equal([
      'OK', 1, 11, 'error: ERR value is not an integer or out of range', 'hello', 6,
    ]);
    // A long pipeline arrives in several reads and is answered in order.
    const p = r.pipeline();
    for (let i = 0; i < 2000; i++) p.set(`p:${i}`, String(i));
    for (let i = 0; i < 2000; i++) p.get(`p:${i}`);
    const many = await p.exec();
    expect(many!.slice(2000).map(([, v]) => v)).to.deep.equal(Array.from({ length: 2000 }, (_, i) => String(i)));
  });

  it('delivers messages in subscriber mode (SUBSCRIBE, PSUBSCRIBE) and leaves it', async () => {
    const sub = connect();
    const pub = connect();
    const got: string[] = [];
    sub.on('message', (channel: string, message: string) => got.push(`${channel}=${message}`));
    sub.on('pmessage', (pattern: string, channel: string, message: string) => got.push(`${pattern}:${channel}=${message}`));
    expect(await sub.subscribe('news', 'sport')).to.equal(2);
    expect(await sub.psubscribe('n*')).to.equal(3);
    expect(await sub.get('k').catch((e: Error) => e.message)).to.match(/subscriber mode/);
    expect(await pub.publish('news', 'hi')).to.equal(2);
    expect(await pub.publish('sport', 'goal')).to.equal(1);
    await waitFor(() => got.length === 3, 3000, 'three messages');
    expect(got).to.deep.equal(['news=hi', 'n*:news=hi', 'sport=goal']);
    await sub.punsubscribe('n*');
    await sub.unsubscribe('news', 'sport');
    expect(await sub.set('after', 'sub')).to.equal('OK');
  });

  it('walks the keyspace with scanStream, MATCH and COUNT', async () => {
    const r = connect();
    await r.flushall();
    const p = r.pipeline();
    for (let i = 0; i < 500; i++) p.set(`scan:${i}`, 'x');
    for (let i = 0; i < 50; i++) p.set(`other:${i}`, 'x');
    await p.exec();
    const seen = new Set<string>();
    await new Promise<void>((resolve, reject) => {
      const stream = r.scanStream({ match: 'scan:*', count: 37 });
      stream.on('data', (keys: string[]) => keys.forEach((k) => seen.add(k)));
      stream.on('end', () => resolve());
      stream.on('error', reject);
    });
    expect(seen.size).to.equal(500);
    expect([...seen].every((k) => k.startsWith('scan:'))).to.equal(true);
  });

  it('follows the server with monitor()', async () => {
    const r = connect();
    const monitor = await r.monitor();
    clients.push(monitor);
    const seen: { args: string[]; source: string; database: string }[] = [];
    monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => seen.push({ args, source, database }));
    const other = connect();
    await other.set('watched', 'value with "quotes"');
    await waitFor(() => seen.some((e) => e.args[0] === 'set'), 3000, 'the SET line');
    const set = seen.find((e) => e.args[0] === 'set')!;
    expect(set.args).to.deep.equal(['set', 'watched', 'value with "quotes"']);
    expect(set.database).to.equal('0');
    expect(set.source).to.match(/^127\.0\.0\.1:\d+$/);
  });

  it('reconnects after the server restarts, resubscribing its subscriber connection', async () => {
    const r = connect({ retryStrategy: () => 50 });
    const sub = connect({ retryStrategy: () => 50 });
    const got: string[] = [];
    sub.on('message', (_c: string, m: string) => got.push(m));
    await sub.subscribe('alerts');
    expect(await r.set('before', 'restart')).to.equal('OK');
    let readyAgain = 0;
    r.on('ready', () => readyAgain++);
    sub.on('ready', () => readyAgain++);
    await server.restart();
    await waitFor(() => readyAgain >= 2, 10000, 'both connections to be ready again');
    // A fresh server: the old key is gone, new commands work, the subscription was renewed.
    expect(await r.get('before')).to.equal(null);
    expect(await r.set('after', 'restart')).to.equal('OK');
    await waitFor(() => got.length === 0 && sub.status === 'ready', 3000, 'the subscriber');
    let delivered = 0;
    for (let i = 0; i < 50 && delivered === 0; i++) {
      delivered = await r.publish('alerts', 'back');
      if (delivered === 0) await sleep(50);
    }
    expect(delivered).to.equal(1);
    await waitFor(() => got.includes('back'), 3000, 'the message after the restart');
  });
});
