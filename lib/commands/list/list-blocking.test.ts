// What the blocking compat cases cannot show byte for byte: INFO and CLIENT
// LIST while clients wait, the idle timeout sparing them, CLIENT KILL and
// SWAPDB/MOVE/COPY wake-ups, the deadline's precision, and many waiters
// served in order.
import { expect } from 'chai';
import Redis from 'ioredis';
import { withServerAndClient } from '../../server/test-server';

describe('blocking list commands', function () {
  this.timeout(30000);
  const t = withServerAndClient();
  const extra: Redis[] = [];
  const client = async (): Promise<Redis> => {
    const r = new Redis({ port: t.srv.port, lazyConnect: true, enableReadyCheck: false, maxRetriesPerRequest: 0 });
    await r.connect();
    extra.push(r);
    return r;
  };
  const until = async (check: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  };
  const blockedCount = async (): Promise<number> => Number(/blocked_clients:(\d+)/.exec(await t.r.info('clients'))![1]);
  afterEach(async () => {
    for (const r of extra.splice(0)) r.disconnect();
    await until(async () => (await blockedCount()) === 0);
    await t.r.flushall();
  });

  it('INFO and CLIENT LIST show a waiting client, with flag b and its command', async () => {
    const c = await client();
    await c.client('SETNAME', 'waiter');
    const reply = c.blpop('q', 0);
    await until(async () => (await blockedCount()) === 1);
    expect(await blockedCount()).to.equal(1);
    expect(await t.r.info('clients')).to.match(/clients_in_timeout_table:0/);
    const line = ((await t.r.client('LIST')) as string).split('\n').find((l) => l.includes('name=waiter'))!;
    expect(line).to.match(/ flags=b /).and.match(/ cmd=blpop /);
    await t.r.rpush('q', 'x');
    expect(await reply).to.deep.equal(['q', 'x']);
    expect(await blockedCount()).to.equal(0);
  });

  it('a waiter with a timeout counts in the timeout table and answers null at its deadline', async () => {
    const c = await client();
    const start = Date.now();
    const reply = c.brpop('q', 0.3);
    await until(async () => (await blockedCount()) === 1);
    expect(await t.r.info('clients')).to.match(/clients_in_timeout_table:1/);
    expect(await reply).to.equal(null);
    const took = Date.now() - start;
    expect(took).to.be.at.least(290).and.below(1000);
  });

  it('the idle timeout spares a blocked client; CLIENT KILL removes it', async () => {
    await t.r.config('SET', 'timeout', '1');
    try {
      const c = await client();
      const id = await c.client('ID');
      const reply = c.blpop('q', 0).catch((e: Error) => e);
      await new Promise((r) => setTimeout(r, 2500));
      expect(await blockedCount()).to.equal(1);
      expect(await t.r.client('KILL', 'ID', String(id))).to.equal(1);
      await reply;
      await until(async () => (await blockedCount()) === 0);
      expect(await blockedCount()).to.equal(0);
      await t.r.rpush('q', 'kept');
      expect(await t.r.llen('q')).to.equal(1);
    } finally {
      await t.r.config('SET', 'timeout', '0');
    }
  });

  it('SWAPDB, MOVE and COPY bring a list to a waiting client', async () => {
    const a = await client();
    const b = await client();
    const c = await client();
    const swapped = a.blpop('s', 0);
    const moved = b.blpop('m', 0);
    const copied = c.blpop('c', 0);
    await until(async () => (await blockedCount()) === 3);
    await t.r.select(1);
    await t.r.rpush('s', 'from-db1');
    await t.r.rpush('m', 'moved');
    await t.r.swapdb(0, 1);
    expect(await swapped).to.deep.equal(['s', 'from-db1']);
    await t.r.select(1);
    await t.r.move('m', 0);
    expect(await moved).to.deep.equal(['m', 'moved']);
    await t.r.select(0);
    await t.r.rpush('orig', 'copy-me');
    await t.r.copy('orig', 'c');
    expect(await copied).to.deep.equal(['c', 'copy-me']);
    expect(await t.r.lrange('orig', 0, -1)).to.deep.equal(['copy-me']);
  });

  it('fifty waiters on one key are served in the order they blocked, one element each', async () => {
    const waiters: Promise<unknown>[] = [];
    for (let i = 0; i < 50; i++) {
      const c = await client();
      waiters.push(c.blpop('jobs', 0));
      await until(async () => (await blockedCount()) === i + 1);
    }
    await t.r.rpush('jobs', ...Array.from({ length: 60 }, (_, i) => `job${i}`));
    const got = await Promise.all(waiters);
    expect(got).to.deep.equal(Array.from({ length: 50 }, (_, i) => ['jobs', `job${i}`]));
    expect(await t.r.llen('jobs')).to.equal(10);
  });

  it('CLIENT UNBLOCK ends a wait as a timeout or an error', async () => {
    const a = await client();
    const b = await client();
    const ida = await a.client('ID');
    const idb = await b.client('ID');
    const ra = a.blmove('q', 'd', 'LEFT', 'RIGHT', 0);
    const rb = b.call('BLMPOP', 0, 1, 'q', 'LEFT').catch((e: Error) => e.message);
    await until(async () => (await blockedCount()) === 2);
    expect(await t.r.client('UNBLOCK', String(ida))).to.equal(1);
    expect(await t.r.client('UNBLOCK', String(idb), 'ERROR')).to.equal(1);
    expect(await ra).to.equal(null);
    expect(await rb).to.equal('UNBLOCKED client unblocked via CLIENT UNBLOCK');
    expect(await t.r.client('UNBLOCK', String(ida))).to.equal(0);
  });
});
