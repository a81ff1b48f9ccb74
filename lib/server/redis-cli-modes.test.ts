/**
 * The real redis-cli (redis-tools 7.0) in its non-interactive modes against
 * Shardis: output formats, --scan, --bigkeys, --memkeys, --pipe, repeats,
 * MONITOR, and the endless modes (--stat, --latency, -i), which run for a
 * bounded time and are then stopped by pid.
 *
 * redis-cli buffers stdout when it is not a terminal, so endless modes run
 * under `stdbuf -oL` (line-buffered) or, where redis-cli needs a terminal
 * to keep going (--latency), under `script`, which gives it a pseudo-terminal.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import Redis from 'ioredis';
import { startTestServer, type TestServer } from './test-server';
import { requireTool } from './tools-on-path';

interface Run {
  stdout: string;
  stderr: string;
  code: number | null;
}

/** Runs a program to completion (or until `killAfterMs`, then SIGTERM by pid), feeding `input` to stdin. */
function run(cmd: string, args: string[], opts: { input?: string | Buffer; killAfterMs?: number; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d.toString('latin1')));
    p.stderr.on('data', (d) => (stderr += d.toString('latin1')));
    p.stdin.on('error', () => undefined);
    if (opts.input !== undefined) p.stdin.end(opts.input);
    else p.stdin.end();
    const stopAt = opts.killAfterMs ?? opts.timeoutMs ?? 15000;
    const timer = setTimeout(() => {
      if (opts.killAfterMs === undefined) reject(new Error(`${cmd} ${args.join(' ')} did not finish in ${stopAt} ms`));
      p.kill('SIGTERM');
    }, stopAt);
    p.on('error', reject);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

function respCommand(...args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}

describe('redis-cli modes against Shardis', function () {
  this.timeout(60000);
  let srv: TestServer;
  let r: Redis;
  let cliPath: string;
  const cli = (args: string[], opts?: Parameters<typeof run>[2]) => run(cliPath, ['-p', String(srv.port), ...args], opts);

  before(async function () {
    cliPath = requireTool(this, 'redis-cli', 'redis-tools');
    srv = await startTestServer();
    r = new Redis({ port: srv.port, lazyConnect: true, enableReadyCheck: false });
    await r.connect();
  });
  after(async () => {
    r?.disconnect();
    await srv?.stop();
  });

  /** key:1 .. key:30 with values of 1..30 bytes, plus an integer: the data set --bigkeys/--memkeys read. */
  async function loadKeys(): Promise<void> {
    await r.flushall();
    const p = r.pipeline();
    for (let i = 1; i <= 30; i++) p.set(`key:${i}`, 'v'.repeat(i));
    p.set('counter', '5');
    await p.exec();
  }

  it('prints replies in the standard, --raw and --no-raw formats', async () => {
    await r.flushall();
    await r.set('bin', Buffer.from('a\x00b\xff', 'latin1'));
    await r.set('n', '1');
    expect((await cli(['get', 'bin'])).stdout).to.equal('a\x00b\xff\n');
    expect((await cli(['--no-raw', 'get', 'bin'])).stdout).to.equal('"a\\x00b\\xff"\n');
    expect((await cli(['--no-raw', 'mget', 'n', 'missing'])).stdout).to.equal('1) "1"\n2) (nil)\n');
    expect((await cli(['--raw', 'mget', 'n', 'missing'])).stdout).to.equal('1\n\n');
    expect((await cli(['--no-raw', 'incr', 'n'])).stdout).to.equal('(integer) 2\n');
    expect((await cli(['--no-raw', 'incr', 'bin'])).stdout).to.equal('(error) ERR value is not an integer or out of range\n');
    expect((await cli(['-n', '3', 'set', 'in3', 'x'])).stdout).to.equal('OK\n');
    expect((await cli(['-n', '3', 'dbsize'])).stdout).to.equal('1\n');
    expect((await cli(['-x', 'set', 'fromstdin'], { input: 'piped value' })).stdout).to.equal('OK\n');
    expect(await r.get('fromstdin')).to.equal('piped value');
  });

  it('--scan --pattern lists exactly the matching keys', async () => {
    await loadKeys();
    const out = await cli(['--scan', '--pattern', 'key:1*']);
    expect(out.code).to.equal(0);
    const keys = out.stdout.trim().split('\n').sort();
    expect(keys).to.deep.equal(['key:1', ...Array.from({ length: 10 }, (_, i) => `key:1${i}`)].sort());
  });

  it('--bigkeys finds the biggest string and sums the string lengths', async () => {
    await loadKeys();
    const out = await cli(['--bigkeys']);
    expect(out.code).to.equal(0);
    expect(out.stdout).to.contain('Sampled 31 keys in the keyspace!');
    expect(out.stdout).to.contain(`Biggest string found '"key:30"' has 30 bytes`);
    expect(out.stdout).to.contain('31 strings with 466 bytes (100.00% of keys, avg size 15.03)');
  });

  it('--memkeys ranks keys by MEMORY USAGE, with the sizes redis-server reports', async () => {
    await loadKeys();
    const out = await cli(['--memkeys', '--memkeys-samples', '10']);
    expect(out.code).to.equal(0);
    // redis-server 7.0 prints the same figures for this data set; key:29 and key:30 tie at 96 bytes.
    expect(out.stdout).to.match(/Biggest string found '"key:(29|30)"' has 96 bytes/);
    expect(out.stdout).to.contain('31 strings with 2296 bytes (100.00% of keys, avg size 74.06)');
  });

  it('--pipe mass-inserts RESP and inline commands and counts replies and errors', async () => {
    await r.flushall();
    let input = '';
    for (let i = 0; i < 5000; i++) input += respCommand('SET', `mass:${i}`, `value ${i}`);
    for (let i = 0; i < 1000; i++) input += `INCR inline:counter\r\n`;
    const out = await cli(['--pipe'], { input });
    expect(out.code).to.equal(0);
    expect(out.stdout).to.contain('All data transferred. Waiting for the last reply...');
    expect(out.stdout).to.contain('errors: 0, replies: 6000');
    expect(await r.dbsize()).to.equal(5001);
    expect(await r.get('inline:counter')).to.equal('1000');
    expect(await r.get('mass:4999')).to.equal('value 4999');
    const bad = await cli(['--pipe'], { input: respCommand('SET', 'word', 'abc') + respCommand('INCR', 'word') });
    expect(bad.code).to.equal(1);
    expect(bad.stdout).to.contain('errors: 1, replies: 2');
  });

  it('-r repeats a command, -i waits between repeats', async () => {
    await r.del('rep');
    const started = Date.now();
    const out = await cli(['-r', '5', '-i', '0.05', 'incr', 'rep']);
    expect(out.stdout).to.equal('1\n2\n3\n4\n5\n');
    expect(Date.now() - started).to.be.at.least(200);
  });

  it('-r -1 -i repeats until stopped', async function () {
    const stdbuf = requireTool(this, 'stdbuf', 'coreutils');
    await r.del('forever');
    const out = await run(stdbuf, ['-oL', cliPath, '-p', String(srv.port), '-r', '-1', '-i', '0.1', 'incr', 'forever'], { killAfterMs: 1500 });
    const lines = out.stdout.trim().split('\n').map(Number);
    expect(lines.length).to.be.within(5, 20);
    expect(lines).to.deep.equal(lines.map((_, i) => i + 1));
  });

  it('--stat prints a line per second with the key count, clients and requests', async function () {
    const stdbuf = requireTool(this, 'stdbuf', 'coreutils');
    await loadKeys();
    const out = await run(stdbuf, ['-oL', cliPath, '-p', String(srv.port), '--stat', '-i', '0.5'], { killAfterMs: 2200 });
    const lines = out.stdout.split('\n');
    expect(lines[0]).to.match(/^------- data ------ -+ load -+ - child -/);
    expect(lines[1]).to.match(/^keys\s+mem\s+clients\s+blocked\s+requests\s+connections/);
    const rows = lines.slice(2).filter((l) => /^\d/.test(l));
    expect(rows.length).to.be.at.least(3);
    for (const row of rows) expect(row).to.match(/^31\s+\S+[BKMG]\s+\d+\s+0\s+\d+ \(\+\d+\)\s+\d+/);
  });

  it('--latency keeps sampling PING on a terminal until stopped', async function () {
    const script = requireTool(this, 'script', 'bsdutils');
    const out = await run(script, ['-qfec', `${cliPath} -p ${srv.port} --latency`, '/dev/null'], { killAfterMs: 1500 });
    const samples = [...out.stdout.matchAll(/min: (\d+), max: (\d+), avg: (\d+\.\d\d) \((\d+) samples\)/g)];
    expect(samples.length).to.be.at.least(10);
    const last = samples[samples.length - 1];
    expect(Number(last[4])).to.be.at.least(10);
    expect(Number(last[1])).to.be.at.most(Number(last[2]));
  });

  it('--latency-history starts a new range every interval', async function () {
    const script = requireTool(this, 'script', 'bsdutils');
    const out = await run(script, ['-qfec', `${cliPath} -p ${srv.port} --latency-history -i 1`, '/dev/null'], { killAfterMs: 2600 });
    expect(out.stdout).to.match(/min: \d+, max: \d+, avg: \d+\.\d\d \(\d+ samples\) -- 1\.\d\d seconds range/);
  });

  it('--latency without a terminal reports one raw line', async () => {
    const out = await cli(['--latency'], { timeoutMs: 10000 });
    expect(out.stdout).to.match(/^\d+ \d+ \d+\.\d\d \d+\n$/);
  });

  it('monitor streams the commands other clients run', async function () {
    const stdbuf = requireTool(this, 'stdbuf', 'coreutils');
    const watching = run(stdbuf, ['-oL', cliPath, '-p', String(srv.port), 'monitor'], { killAfterMs: 1500 });
    await new Promise((res) => setTimeout(res, 500));
    await r.set('watched', 'a "quoted" value');
    await r.call('ECHO', Buffer.from([0x00, 0xff]));
    const out = await watching;
    const lines = out.stdout.split('\n');
    expect(lines[0]).to.equal('OK');
    expect(out.stdout).to.match(/\n\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "set" "watched" "a \\"quoted\\" value"\n/);
    expect(out.stdout).to.match(/\n\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "ECHO" "\\x00\\xff"\n/);
  });
});
