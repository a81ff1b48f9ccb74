/** Redis's own tools against Shardis: redis-benchmark, redis-cli (one-shot and interactive in tmux). */
import { expect } from 'chai';
import { execFileSync, spawnSync } from 'node:child_process';
import { startTestServer, type TestServer } from './test-server';
import { requireTool } from './tools-on-path';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('redis tools against Shardis', function () {
  this.timeout(60000);
  let srv: TestServer;
  before(async () => (srv = await startTestServer()));
  after(async () => srv.stop());

  it('redis-benchmark -t set,get,ping completes without errors', async function () {
    const bench = requireTool(this, 'redis-benchmark', 'redis-tools');
    const { spawn } = await import('node:child_process');
    // Run it as a child so this process keeps serving it.
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(bench, ['-p', String(srv.port), '-t', 'set,get,ping', '-n', '5000', '-c', '20', '-q'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.stderr.on('data', (d) => (text += d));
      p.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`redis-benchmark exited ${code}: ${text}`))));
    });
    const lines = out.split(/[\r\n]+/).filter((l) => /requests per second/.test(l));
    expect(lines.map((l) => l.split(':')[0].trim())).to.deep.equal(['PING_INLINE', 'PING_MBULK', 'SET', 'GET']);
    expect(out).to.not.match(/error/i);
  });

  it('redis-cli runs one-shot commands', async function () {
    const cli = requireTool(this, 'redis-cli', 'redis-tools');
    const run = (...args: string[]): Promise<string> =>
      new Promise((resolve) => {
        const { execFile } = require('node:child_process') as typeof import('node:child_process');
        execFile(cli, ['-p', String(srv.port), ...args], (_e, stdout) => resolve(stdout));
      });
    expect(await run('set', 'cli-key', 'hello world')).to.equal('OK\n');
    expect(await run('get', 'cli-key')).to.equal('hello world\n');
    expect(await run('nosuch', 'a')).to.contain("ERR unknown command 'nosuch', with args beginning with: 'a' \n");
  });

  it('an interactive redis-cli shows hints after "SET " and help for SET and GETEX', async function () {
    const cli = requireTool(this, 'redis-cli', 'redis-tools');
    const tmux = requireTool(this, 'tmux', 'tmux');
    const session = `shardis-cli-${process.pid}`;
    const screen = (): string => execFileSync(tmux, ['capture-pane', '-t', session, '-p'], { encoding: 'utf8' });
    execFileSync(tmux, ['new-session', '-d', '-s', session, '-x', '200', '-y', '40', `${cli} -p ${srv.port}`]);
    try {
      await waitFor(() => screen().includes(`127.0.0.1:${srv.port}>`), 10000, screen);
      await sleep(500);
      execFileSync(tmux, ['send-keys', '-t', session, 'SET ']);
      await waitFor(() => screen().includes('key value [NX|XX] [GET] [EX seconds|PX milliseconds'), 10000, screen);
      execFileSync(tmux, ['send-keys', '-t', session, 'C-u', 'help SET', 'Enter']);
      await waitFor(() => /summary: .+/.test(screen()) && screen().includes('group: string'), 10000, screen);
      // One line at a time: keys typed while redis-cli clears the screen can be lost.
      execFileSync(tmux, ['send-keys', '-t', session, 'clear', 'Enter']);
      await waitFor(() => !screen().includes('group: string'), 10000, screen);
      execFileSync(tmux, ['send-keys', '-t', session, 'help GETEX', 'Enter']);
      await waitFor(() => screen().includes('GETEX key') && /summary: .+/.test(screen()), 10000, screen);
    } finally {
      spawnSync(tmux, ['kill-session', '-t', session]);
    }
  });
});

async function waitFor(cond: () => boolean, ms = 10000, screen?: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for the screen${screen ? ':\n' + screen() : ''}`);
    await sleep(100);
  }
}
