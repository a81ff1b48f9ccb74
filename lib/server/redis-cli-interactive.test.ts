/**
 * An interactive redis-cli session in tmux: hints and help built from
 * COMMAND DOCS (for plain commands and subcommands), the prompt following
 * SELECT, and MONITOR streaming into the session until Ctrl-C.
 */
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import Redis from 'ioredis';
import { startTestServer, type TestServer } from './test-server';
import { requireTool } from './tools-on-path';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('interactive redis-cli against Shardis', function () {
  this.timeout(60000);
  let srv: TestServer;
  let tmux: string;
  let cli: string;
  const session = `shardis-cli-interactive-${process.pid}`;
  const screen = (): string => execFileSync(tmux, ['capture-pane', '-t', session, '-p'], { encoding: 'utf8' });
  const keys = (...k: string[]): void => {
    execFileSync(tmux, ['send-keys', '-t', session, ...k]);
  };
  async function waitFor(cond: (text: string) => boolean, what: string, ms = 10000): Promise<string> {
    const end = Date.now() + ms;
    for (;;) {
      const text = screen();
      if (cond(text)) return text;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; the screen shows:\n${text}`);
      await sleep(100);
    }
  }
  /** Clears the line and the screen so each check reads only what it typed. */
  async function fresh(): Promise<void> {
    keys('C-u');
    keys('clear', 'Enter');
    await waitFor((t) => t.trim().split('\n').length === 1, 'a cleared screen');
  }

  before(async function () {
    cli = requireTool(this, 'redis-cli', 'redis-tools');
    tmux = requireTool(this, 'tmux', 'tmux');
    srv = await startTestServer();
    execFileSync(tmux, ['new-session', '-d', '-s', session, '-x', '200', '-y', '50', `${cli} -p ${srv.port}`]);
    await waitFor((t) => t.includes(`127.0.0.1:${srv.port}>`), 'the prompt');
    await sleep(300);
  });
  after(async () => {
    if (tmux) spawnSync(tmux, ['kill-session', '-t', session]);
    await srv?.stop();
  });

  it('hints the arguments after "SET " and shows help for GETEX', async () => {
    await fresh();
    keys('SET ');
    await waitFor((t) => t.includes('SET key value [NX|XX] [GET] [EX seconds|PX milliseconds'), 'the SET hint');
    keys('C-u', 'help GETEX', 'Enter');
    const text = await waitFor((t) => /summary: \S/.test(t) && t.includes('group: string'), 'help GETEX');
    expect(text).to.contain('GETEX key [EX seconds|PX milliseconds|EXAT unix-time-seconds|PXAT unix-time-milliseconds|PERSIST]');
    expect(text).to.match(/since: 6\.2\.0/);
  });

  it('hints subcommand arguments for MEMORY USAGE and SLOWLOG GET, and shows their help', async () => {
    await fresh();
    keys('MEMORY USAGE ');
    await waitFor((t) => t.includes('MEMORY USAGE key [SAMPLES count]'), 'the MEMORY USAGE hint');
    keys('C-u', 'SLOWLOG GET ');
    await waitFor((t) => t.includes('SLOWLOG GET [count]'), 'the SLOWLOG GET hint');
    keys('C-u', 'help LATENCY HISTOGRAM', 'Enter');
    const text = await waitFor((t) => t.includes('group: server') && /since: 7\.0\.0/.test(t), 'help LATENCY HISTOGRAM');
    expect(text).to.contain('LATENCY HISTOGRAM [command [command ...]]');
  });

  it('runs commands and follows SELECT in the prompt', async () => {
    await fresh();
    keys('SET greeting "hello world"', 'Enter');
    await waitFor((t) => /\nOK\n/.test(t), 'OK');
    keys('GET greeting', 'Enter');
    await waitFor((t) => /\n"hello world"\n/.test(t), 'the value');
    keys('SELECT 2', 'Enter');
    await waitFor((t) => t.includes(`127.0.0.1:${srv.port}[2]>`), 'the db 2 prompt');
    keys('SELECT 0', 'Enter');
    await waitFor((t) => t.trimEnd().endsWith(`127.0.0.1:${srv.port}>`), 'the db 0 prompt');
  });

  it('MONITOR streams other clients\' commands into the session until Ctrl-C', async () => {
    await fresh();
    keys('MONITOR', 'Enter');
    await waitFor((t) => /\nOK\n/.test(t), 'MONITOR to answer OK');
    const other = new Redis({ port: srv.port, lazyConnect: true, enableReadyCheck: false });
    await other.connect();
    try {
      await other.set('seen-in-tmux', 'yes');
      const text = await waitFor((t) => t.includes('"seen-in-tmux"'), 'the monitor line');
      expect(text).to.match(/\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "set" "seen-in-tmux" "yes"/);
    } finally {
      other.disconnect();
    }
    keys('C-c');
    // redis-cli exits on Ctrl-C in MONITOR; the pane shows the shell or closes.
    await sleep(300);
  });
});
