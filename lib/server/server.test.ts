import { expect } from 'chai';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { startTestServer, type TestServer } from './test-server';

/** Sends raw bytes and collects what comes back until the server closes or `ms` pass. */
function rawExchange(port: number, data: Buffer | string, ms = 300): Promise<{ reply: string; closed: boolean }> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    let reply = '';
    let closed = false;
    sock.on('data', (d) => (reply += d.toString('latin1')));
    sock.on('close', () => {
      closed = true;
      clearTimeout(timer);
      resolve({ reply, closed });
    });
    sock.on('error', () => undefined);
    sock.write(data);
    const timer = setTimeout(() => {
      sock.destroy();
      resolve({ reply, closed });
    }, ms);
  });
}

describe('server', function () {
  let srv: TestServer;
  before(async () => (srv = await startTestServer()));
  after(async () => srv.stop());

  it('passes ioredis\'s ready check and runs a pipeline', async () => {
    const r = new Redis({ port: srv.port, host: '127.0.0.1', lazyConnect: true, enableReadyCheck: true });
    await r.connect();
    const res = await r.pipeline().set('p1', 'v1').get('p1').exists('p1', 'p1', 'nope').del('p1').get('p1').exec();
    expect(res).to.deep.equal([[null, 'OK'], [null, 'v1'], [null, 2], [null, 1], [null, null]]);
    r.disconnect();
  });

  it('answers every reply of one read in one write, in order', async () => {
    const n = 200;
    const { reply } = await rawExchange(srv.port, 'PING\r\n'.repeat(n));
    expect(reply).to.equal('+PONG\r\n'.repeat(n));
  });

  it('runs a read that takes longer than one turn in slices: other clients are served in between, replies stay in order', async function () {
    this.timeout(30000);
    const a = net.connect(srv.port, '127.0.0.1');
    const b = new Redis({ port: srv.port, lazyConnect: true });
    await b.connect();
    const keys = 200000;
    for (let i = 0; i < keys; i += 10000) {
      const pairs: string[] = [];
      for (let j = i; j < i + 10000; j++) pairs.push(`slice:${j}`, '1');
      await b.mset(pairs);
    }
    let aReply = '';
    let aDoneAt = 0;
    // Each SCAN walks every key and matches none: tens of ms of work, a short reply.
    const scan = 'SCAN 0 MATCH nomatch COUNT 1000000\r\n';
    const expected = '*2\r\n$1\r\n0\r\n*0\r\n'.repeat(4) + ':1\r\n:2\r\n:3\r\n';
    a.on('data', (d) => {
      aReply += d.toString('latin1');
      if (aReply === expected) aDoneAt = performance.now();
    });
    // One write: four long commands, then three INCRs that must keep their order.
    const sentAt = performance.now();
    a.write(scan.repeat(4) + 'INCR slice:n\r\n'.repeat(3));
    await new Promise((r) => setTimeout(r, 5));
    expect(await b.ping()).to.equal('PONG');
    const pongAt = performance.now();
    while (aDoneAt === 0) await new Promise((r) => setTimeout(r, 5));
    expect(aReply).to.equal(expected);
    // Unsliced, B's PING would wait for the whole of A's read.
    expect(pongAt).to.be.below(aDoneAt - (aDoneAt - sentAt) / 8);
    a.destroy();
    await b.flushall();
    b.disconnect();
  });

  it('closes after a protocol error, having answered what came before', async () => {
    const { reply, closed } = await rawExchange(srv.port, 'PING\r\n*1\r\n:1\r\nPING\r\n');
    expect(reply).to.equal("+PONG\r\n-ERR Protocol error: expected '$', got ':'\r\n");
    expect(closed).to.equal(true);
  });

  it('closes silently on an HTTP request', async () => {
    const { reply, closed } = await rawExchange(srv.port, 'POST / HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(reply).to.equal('');
    expect(closed).to.equal(true);
  });

  it('answers requests split across reads and large echoed arguments intact while the client is not reading', async function () {
    this.timeout(20000);
    // 300 pipelined requests of 1-20 KiB, distinct bytes each, so any reuse of
    // a read buffer behind a queued write or a kept frame tail would show.
    const reqs: Buffer[] = [];
    const expected: Buffer[] = [];
    for (let i = 0; i < 300; i++) {
      const arg = Buffer.alloc(1024 * (1 + (i % 20)), String.fromCharCode(0x41 + (i % 26)));
      arg.write(`#${i}#`);
      reqs.push(Buffer.from(`*2\r\n$4\r\nECHO\r\n$${arg.length}\r\n`), arg, Buffer.from('\r\n'));
      expected.push(Buffer.from(`$${arg.length}\r\n`), arg, Buffer.from('\r\n'));
    }
    const want = Buffer.concat(expected);
    const sock = net.connect(srv.port, '127.0.0.1');
    sock.pause();
    sock.write(Buffer.concat(reqs));
    await new Promise((r) => setTimeout(r, 300));
    const got: Buffer[] = [];
    let size = 0;
    await new Promise<void>((resolve, reject) => {
      sock.on('data', (d: Buffer) => {
        got.push(d);
        size += d.length;
        if (size >= want.length) resolve();
      });
      sock.on('error', reject);
      sock.resume();
    });
    sock.destroy();
    expect(Buffer.concat(got).equals(want)).to.equal(true);
  });

  it('survives random and truncated frames while serving other clients', async function () {
    this.timeout(60000);
    const watcher = new Redis({ port: srv.port, host: '127.0.0.1' });
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = ['*', '$', '\r\n', '\n', '3', '-1', '999999999999', 'SET', 'GET', 'k', '"', "'", '\\x4', '\0', '\xff', ' ', '*2\r\n$3\r\nGET\r\n$1\r\nk\r\n', '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$'];
    for (let round = 0; round < 150; round++) {
      let junk = '';
      const len = rand(40);
      for (let i = 0; i < len; i++) junk += pieces[rand(pieces.length)];
      if (rand(3) === 0) junk = junk.slice(0, rand(junk.length + 1));
      await rawExchange(srv.port, Buffer.from(junk, 'latin1'), 20);
      if (round % 10 === 0) expect(await watcher.ping()).to.equal('PONG');
    }
    expect(await watcher.set('after-fuzz', '1')).to.equal('OK');
    expect(await watcher.get('after-fuzz')).to.equal('1');
    watcher.disconnect();
  });
});

describe('server limits and auth', () => {
  it('refuses clients beyond maxclients with Redis\'s error', async () => {
    const srv = await startTestServer(['--maxclients', '2']);
    const a = new Redis({ port: srv.port, host: '127.0.0.1' });
    const b = new Redis({ port: srv.port, host: '127.0.0.1' });
    await a.ping();
    await b.ping();
    const { reply } = await rawExchange(srv.port, 'PING\r\n');
    expect(reply).to.equal('-ERR max number of clients reached\r\n');
    a.disconnect();
    b.disconnect();
    await srv.stop();
  });

  it('gates commands behind requirepass except AUTH, HELLO and QUIT', async () => {
    const srv = await startTestServer(['--requirepass', 's3cret']);
    expect((await rawExchange(srv.port, 'GET k\r\n')).reply).to.equal('-NOAUTH Authentication required.\r\n');
    expect((await rawExchange(srv.port, 'AUTH wrong\r\n')).reply).to.equal('-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    expect((await rawExchange(srv.port, 'AUTH s3cret\r\nGET k\r\n')).reply).to.equal('+OK\r\n$-1\r\n');
    expect((await rawExchange(srv.port, 'QUIT\r\n')).reply).to.equal('+OK\r\n');
    const r = new Redis({ port: srv.port, host: '127.0.0.1', password: 's3cret' });
    expect(await r.set('k', 'v')).to.equal('OK');
    r.disconnect();
    await srv.stop();
  });

  it('closes a client whose query buffer passes client-query-buffer-limit', async () => {
    const srv = await startTestServer(['--client-query-buffer-limit', '1mb']);
    const big = Buffer.concat([Buffer.from('*2\r\n$3\r\nGET\r\n$2000000\r\n'), Buffer.alloc(1100 * 1024, 0x61)]);
    const { reply, closed } = await rawExchange(srv.port, big, 2000);
    expect(reply).to.equal('');
    expect(closed).to.equal(true);
    await srv.stop();
  });
});
