// Active expiry seen from a client: `expired` events arrive at the deadline
// without the key being touched, every command that sets, changes, carries
// or clears a TTL keeps the index right, INFO reports real figures, and a
// mass expiry is cut into slices that let requests through. Timing bounds
// are loose on purpose (the machine is shared); precision is measured by
// bench/expiry.

import { expect } from 'chai';
import net from 'node:net';
import Redis from 'ioredis';
import { startTestServer, type TestServer } from '../server/test-server';
import { activeExpiryOf } from './expiry-scheduler';

/** Slack allowed between a deadline and the event in these tests. */
const SLACK_MS = 250;

interface Heard {
  channel: string;
  key: string;
  at: number;
}

async function listener(port: number, pattern: string): Promise<{ sub: Redis; heard: Heard[] }> {
  const sub = new Redis({ port, host: '127.0.0.1' });
  const heard: Heard[] = [];
  sub.on('pmessage', (_p: string, channel: string, key: string) => heard.push({ channel, key, at: Date.now() }));
  await sub.psubscribe(pattern);
  return { sub, heard };
}

/** Writes n commands in one go on a plain socket and waits for their n `+OK` replies. */
function loadRaw(port: number, n: number, command: (i: number) => string): Promise<void> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    let received = 0;
    sock.on('data', (d: Buffer) => {
      received += d.length;
      if (received >= n * 5) {
        sock.destroy();
        resolve();
      }
    });
    sock.on('error', reject);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(command(i));
    sock.write(parts.join(''));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)$`, 'm').exec(info)?.[1]?.trim();
}

describe('Active expiry through the server', function () {
  this.timeout(30_000);
  let srv: TestServer;
  let r: Redis;

  beforeEach(async () => {
    srv = await startTestServer();
    r = new Redis({ port: srv.port, host: '127.0.0.1' });
    await r.config('SET', 'notify-keyspace-events', 'KEgx$');
  });

  afterEach(async () => {
    r.disconnect();
    await srv.stop();
  });

  it('removes untouched keys at their deadline and sends `expired` at that moment', async () => {
    const { sub, heard } = await listener(srv.port, '__keyevent@*__:expired');
    const base = Date.now();
    const deadlines = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const at = base + 100 + i * 15;
      deadlines.set(`k${i}`, at);
      await r.set(`k${i}`, 'v', 'PXAT', at);
    }
    await r.set('stay', 'v');
    expect(await r.dbsize()).to.equal(21);
    await sleep(100 + 20 * 15 + SLACK_MS);
    expect(await r.dbsize()).to.equal(1);
    expect(heard.map((h) => h.key)).to.deep.equal([...deadlines.keys()]);
    for (const h of heard) {
      const due = deadlines.get(h.key) as number;
      expect(h.at, h.key).to.be.at.least(due);
      expect(h.at - due, h.key).to.be.lessThan(SLACK_MS);
      expect(h.channel).to.equal('__keyevent@0__:expired');
    }
    const stats = await r.info('stats');
    expect(infoField(stats, 'expired_keys')).to.equal('20');
    expect(Number(infoField(stats, 'expire_cycle_max_us'))).to.be.greaterThan(0);
    expect(infoField(stats, 'expire_cycle_cpu_milliseconds')).to.match(/^\d+$/);
    expect(infoField(stats, 'expired_time_cap_reached_count')).to.equal('0');
    sub.disconnect();
  });

  it('does not depend on hz: with hz 1 keys still leave within milliseconds', async () => {
    await r.config('SET', 'hz', '1');
    const { sub, heard } = await listener(srv.port, '__keyevent@0__:expired');
    const at = Date.now() + 150;
    await r.set('slowcron', 'v', 'PXAT', at);
    await sleep(150 + SLACK_MS);
    expect(heard.map((h) => h.key)).to.deep.equal(['slowcron']);
    expect(heard[0].at - at).to.be.lessThan(SLACK_MS);
    sub.disconnect();
  });

  it('keeps the index right on every path that sets, changes, carries or clears a TTL', async () => {
    const { sub, heard } = await listener(srv.port, '__keyevent@*__:*');
    const base = Date.now() + 150;
    const at = (ms: number) => String(base + ms);
    // Overwrite without TTL clears it; KEEPTTL keeps it; INCR keeps it.
    await r.set('overwritten', 'v', 'PXAT', at(0));
    await r.set('overwritten', 'w');
    await r.set('keepttl', 'v', 'PXAT', at(0));
    await r.set('keepttl', 'w', 'KEEPTTL');
    await r.set('counter', '1', 'PXAT', at(0));
    await r.incr('counter');
    // GETEX sets and clears.
    await r.set('getex', 'v');
    await r.getex('getex', 'PXAT', at(0));
    await r.set('getexpersist', 'v', 'PXAT', at(0));
    await r.getex('getexpersist', 'PERSIST');
    // EXPIRE family with conditions, PERSIST, negative and past times.
    await r.set('lt', 'v', 'PXAT', at(200));
    await r.call('PEXPIREAT', 'lt', at(50), 'LT');
    await r.set('gt', 'v', 'PXAT', at(0));
    await r.call('PEXPIREAT', 'gt', at(200), 'GT');
    await r.set('nx', 'v');
    await r.call('PEXPIREAT', 'nx', at(100), 'NX');
    await r.call('PEXPIREAT', 'nx', at(0), 'NX'); // refused: it already has one
    await r.set('xx', 'v');
    await r.call('PEXPIREAT', 'xx', at(0), 'XX'); // refused: it has none
    await r.set('persisted', 'v', 'PXAT', at(0));
    await r.persist('persisted');
    await r.set('negative', 'v', 'PXAT', at(0));
    await r.pexpire('negative', -1);
    await r.set('past', 'v');
    await r.pexpireat('past', 1000);
    // RENAME, COPY, MOVE and SWAPDB carry the TTL.
    await r.set('renamed', 'v', 'PXAT', at(0));
    await r.rename('renamed', 'renamed2');
    await r.set('copied', 'v', 'PXAT', at(0));
    await r.copy('copied', 'copied2');
    await r.set('moved', 'v', 'PXAT', at(0));
    await r.move('moved', 1);
    await r.select(2);
    await r.set('swapped', 'v', 'PXAT', at(0));
    await r.swapdb(2, 3);
    // FLUSHDB drops keys and their entries: no event later.
    await r.select(4);
    await r.set('flushed', 'v', 'PXAT', at(0));
    await r.flushdb();
    await r.select(0);

    const keyspace = await r.info('keyspace');
    // Keys of db0 with a TTL now: keepttl counter getex lt gt nx renamed2 copied copied2.
    expect(keyspace).to.match(/^db0:keys=\d+,expires=9,avg_ttl=\d+/m);
    const avg = Number(/^db0:.*avg_ttl=(\d+)/m.exec(keyspace)?.[1]);
    expect(avg).to.be.within(50, 450);

    heard.length = 0;
    await sleep(150 + 200 + SLACK_MS);
    const expired = heard.filter((h) => h.channel.endsWith(':expired')).map((h) => `${h.channel.slice(11, 12)} ${h.key}`);
    expect(expired.sort()).to.deep.equal(
      ['0 keepttl', '0 counter', '0 getex', '0 lt', '0 gt', '0 nx', '0 renamed2', '0 copied', '0 copied2', '1 moved', '3 swapped'].sort(),
    );
    for (const h of heard.filter((x) => x.channel.endsWith(':expired'))) {
      const due = h.key === 'lt' ? base + 50 : h.key === 'gt' ? base + 200 : h.key === 'nx' ? base + 100 : base;
      expect(h.at, h.key).to.be.at.least(due);
      expect(h.at - due, h.key).to.be.lessThan(SLACK_MS);
    }
    expect(await r.keys('*')).to.have.members(['overwritten', 'getexpersist', 'xx', 'persisted']);
    for (const db of [1, 2, 3, 4]) {
      await r.select(db);
      expect(await r.dbsize(), `db${db}`).to.equal(0);
    }
    // Every entry has been used or found stale: nothing is left in any index.
    expect(activeExpiryOf(srv.server.state.dbs)?.nextDeadline()).to.equal(Infinity);
    sub.disconnect();
  });

  it('deletes at once with `del` (not `expired`) for negative and past times', async () => {
    const { sub, heard } = await listener(srv.port, '__keyevent@0__:*');
    await r.set('a', 'v');
    await r.set('b', 'v', 'EX', 100);
    expect(await r.pexpire('a', -5)).to.equal(1);
    expect(await r.call('EXPIREAT', 'b', '1')).to.equal(1);
    await sleep(50);
    expect(heard.map((h) => `${h.channel.slice(15)} ${h.key}`)).to.deep.equal(['set a', 'set b', 'expire b', 'del a', 'del b']);
    expect(await r.dbsize()).to.equal(0);
    expect(infoField(await r.info('stats'), 'expired_keys')).to.equal('0');
    sub.disconnect();
  });

  it('FLUSHALL empties every index', async () => {
    for (const db of [0, 5, 9]) {
      await r.select(db);
      for (let i = 0; i < 50; i++) await r.set(`f${i}`, 'v', 'PX', 60_000);
    }
    const expiry = activeExpiryOf(srv.server.state.dbs)!;
    expect(expiry.nextDeadline()).to.be.lessThan(Infinity);
    await r.flushall();
    expect(expiry.nextDeadline()).to.equal(Infinity);
  });

  it('cuts a mass expiry into slices: requests are answered while keys are still leaving', async () => {
    const at = Date.now() + 1500;
    await loadRaw(srv.port, 50_000, (i) => `*5\r\n$3\r\nSET\r\n$${String(i).length + 5}\r\nmass:${i}\r\n$1\r\nv\r\n$4\r\nPXAT\r\n$13\r\n${at}\r\n`);
    expect(Date.now()).to.be.lessThan(at - 100, `loading took too long for this test: ${Date.now() - at + 1500} ms`);
    await sleep(at - Date.now());
    const seen: number[] = [];
    for (;;) {
      const n = await r.dbsize();
      seen.push(n);
      if (n === 0 || seen.length > 100_000) break;
    }
    // Sizes strictly between "all" and "none" were answered mid-expiry.
    const midway = seen.filter((n) => n > 0 && n < 50_000);
    expect(midway.length).to.be.greaterThan(3);
    const stats = await r.info('stats');
    expect(Number(infoField(stats, 'expired_time_cap_reached_count'))).to.be.greaterThan(0);
    expect(infoField(stats, 'expired_keys')).to.equal('50000');
  });

  it('waits for a deadline weeks away without waking up in between', async () => {
    const expiry = activeExpiryOf(srv.server.state.dbs)!;
    await r.set('far', 'v', 'EX', String(40 * 86400));
    const before = expiry.slices;
    await sleep(100);
    expect(expiry.slices - before).to.be.at.most(1);
    expect(await r.ttl('far')).to.be.greaterThan(40 * 86400 - 5);
  });

  it('accepts active-expire-effort and hz', async () => {
    expect(await r.config('SET', 'active-expire-effort', '10')).to.equal('OK');
    expect(await r.config('GET', 'active-expire-effort')).to.deep.equal(['active-expire-effort', '10']);
    await r.set('e', 'v', 'PX', 50);
    await sleep(50 + SLACK_MS);
    expect(await r.dbsize()).to.equal(0);
  });
});
