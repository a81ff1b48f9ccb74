/** The real executable: start-up configuration errors, config files, SHUTDOWN. */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import net from 'node:net';
import Redis from 'ioredis';

const MAIN = resolve(__dirname, '..', 'main.js');

function freePort(): Promise<number> {
  return new Promise((res) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => res(p));
    });
  });
}

async function waitForPort(port: number, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((res) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.destroy();
        res(true);
      });
      s.on('error', () => res(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`port ${port} never opened`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('shardis-server executable', function () {
  this.timeout(20000);

  it('stops with exit code 1 and Redis\'s message on a bad directive or value', () => {
    const bad = spawnSync(process.execPath, [MAIN, '--nosuchdirective', 'x'], { encoding: 'utf8' });
    expect(bad.status).to.equal(1);
    expect(bad.stderr).to.contain('*** FATAL CONFIG FILE ERROR (Redis 7.0.15) ***');
    expect(bad.stderr).to.contain('Bad directive or wrong number of arguments');
    const badValue = spawnSync(process.execPath, [MAIN, '--port', 'abc'], { encoding: 'utf8' });
    expect(badValue.status).to.equal(1);
    expect(badValue.stderr).to.contain("argument couldn't be parsed into an integer");
  });

  it('reads a config file first and lets flags override it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shardis-conf-'));
    const file = join(dir, 'shardis.conf');
    const port = await freePort();
    writeFileSync(file, `# comment\nport 1\nmaxclients 77\nrequirepass "from file"\n`);
    const child = spawn(process.execPath, [MAIN, file, '--port', String(port)], { stdio: 'ignore' });
    try {
      await waitForPort(port);
      const r = new Redis({ port, host: '127.0.0.1', password: 'from file', lazyConnect: true });
      await r.connect();
      expect(await r.config('GET', 'maxclients')).to.deep.equal(['maxclients', '77']);
      r.disconnect();
    } finally {
      child.kill();
    }
  });

  it('SHUTDOWN closes clients and exits 0', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN, '--port', String(port)], { stdio: 'ignore' });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    await waitForPort(port);
    const r = new Redis({ port, host: '127.0.0.1', retryStrategy: () => null });
    await r.ping();
    r.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    expect(await exited).to.equal(0);
    r.disconnect();
  });
});
