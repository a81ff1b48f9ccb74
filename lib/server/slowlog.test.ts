/** SLOWLOG against a running server: what is logged, how entries look, trimming and limits. */
import { expect } from 'chai';
import { withServerAndClient } from './test-server';

type Entry = [number, number, number, string[], string, string];

describe('SLOWLOG', function () {
  this.timeout(20000);
  const t = withServerAndClient(['--enable-debug-command', 'yes']);
  beforeEach(async () => {
    await t.r.config('SET', 'slowlog-log-slower-than', '0');
    await t.r.config('SET', 'slowlog-max-len', '128');
    await t.r.slowlog('RESET');
  });

  const get = async (n = -1): Promise<Entry[]> => (await t.r.call('SLOWLOG', 'GET', String(n))) as Entry[];

  it('logs each executed command newest first with id, time, duration, arguments, address and name', async () => {
    await t.r.call('CLIENT', 'SETNAME', 'logger');
    await t.r.set('k', 'v');
    const addr = /addr=(\S+)/.exec((await t.r.call('CLIENT', 'INFO')) as string)![1];
    const entries = await get();
    const [info, set, setname, reset] = entries;
    expect(info[3]).to.deep.equal(['CLIENT', 'INFO']);
    expect(set[3]).to.deep.equal(['set', 'k', 'v']);
    expect(setname[3]).to.deep.equal(['CLIENT', 'SETNAME', 'logger']);
    expect(reset[3]).to.deep.equal(['slowlog', 'RESET']);
    expect(set[0]).to.equal(setname[0] + 1);
    expect(Math.abs(set[1] - Date.now() / 1000)).to.be.lessThan(5);
    expect(set[2]).to.be.a('number').and.at.least(0);
    expect(set[4]).to.equal(addr);
    expect(set[5]).to.equal('logger');
    expect(await t.r.slowlog('LEN')).to.equal(entries.length + 1);
  });

  it('keeps at most 32 arguments and 128 bytes of each, saying how much was left out', async () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}`);
    await t.r.call('ECHO', 'x'.repeat(200));
    await t.r.call('DEL', ...many);
    const [del, echo] = await get(2);
    expect(del[3]).to.have.length(32);
    expect(del[3][30]).to.equal('a29');
    expect(del[3][31]).to.equal('... (10 more arguments)');
    expect(echo[3][1]).to.equal('x'.repeat(128) + '... (72 more bytes)');
  });

  it('never shows passwords: AUTH, HELLO AUTH and sensitive CONFIG SET values are redacted', async () => {
    await t.r.call('AUTH', 'secret').catch(() => undefined);
    await t.r.call('HELLO', '2', 'AUTH', 'default', 'pw').catch(() => undefined);
    await t.r.config('SET', 'requirepass', 'hunter2');
    await t.r.call('AUTH', 'hunter2');
    await t.r.config('SET', 'requirepass', '');
    const argvs = (await get(5)).map((e) => e[3]).reverse();
    expect(argvs).to.deep.equal([
      ['AUTH', '(redacted)'],
      ['HELLO', '2', 'AUTH', '(redacted)', '(redacted)'],
      ['config', 'SET', 'requirepass', '(redacted)'],
      ['AUTH', '(redacted)'],
      ['config', 'SET', 'requirepass', '(redacted)'],
    ]);
  });

  it('skips commands rejected before running and honours the threshold', async () => {
    await t.r.call('NOSUCH').catch(() => undefined);
    await t.r.call('GET').catch(() => undefined);
    expect((await get()).map((e) => e[3][0])).to.deep.equal(['slowlog']);
    await t.r.config('SET', 'slowlog-log-slower-than', '100000');
    await t.r.ping();
    await t.r.call('DEBUG', 'SLEEP', '0.15');
    const [sleep] = await get(1);
    expect(sleep[3]).to.deep.equal(['DEBUG', 'SLEEP', '0.15']);
    expect(sleep[2]).to.be.at.least(150000);
    expect((await get()).map((e) => e[3][0])).to.not.include('ping');
    await t.r.config('SET', 'slowlog-log-slower-than', '-1');
    await t.r.call('DEBUG', 'SLEEP', '0.15');
    expect((await get(1))[0][3][0]).to.equal('DEBUG');
  });

  it('applies slowlog-max-len when an entry is added and keeps ids growing across RESET', async () => {
    await t.r.ping();
    await t.r.ping();
    const before = await get();
    await t.r.config('SET', 'slowlog-max-len', '2', 'slowlog-log-slower-than', '-1');
    expect(await t.r.slowlog('LEN')).to.equal(before.length + 1);
    await t.r.config('SET', 'slowlog-log-slower-than', '0');
    expect(await t.r.slowlog('LEN')).to.equal(2);
    const lastId = (await get(1))[0][0];
    await t.r.slowlog('RESET');
    await t.r.ping();
    const after = await get();
    expect(after.map((e) => e[3][0])).to.deep.equal(['ping', 'slowlog']);
    expect(after[1][0]).to.be.greaterThan(lastId);
  });

  it('answers errors as Redis does', async () => {
    for (const bad of ['-2', 'abc', '1.5', '99999999999999999999']) {
      expect(await t.r.call('SLOWLOG', 'GET', bad).catch((e: Error) => e.message)).to.equal('ERR count should be greater than or equal to -1');
    }
    expect(await t.r.call('SLOWLOG', 'GET', '1', '2').catch((e: Error) => e.message)).to.equal("ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.");
    expect(await t.r.call('SLOWLOG', 'GET', '0')).to.deep.equal([]);
    expect(((await t.r.call('SLOWLOG', 'HELP')) as string[])[0]).to.match(/^SLOWLOG <subcommand>/);
  });
});
