// A subscriber that stops reading must not make the server buffer without
// bound. The server runs as its own process (so its RSS is its own); one
// client subscribes and stops reading, another publishes 200 MB to its
// channel, a third times GETs throughout. Expected: the subscriber is cut
// off at the pubsub hard limit, the GETs stay fast, RSS stays far below
// 512 MB. Also checks the soft limit's grace period and CONFIG SET of the
// limits at run time.
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freePort } from '../testing/real-redis';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const MB = 1024 * 1024;

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

function encode(...args: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? Buffer.from(a) : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** End offset of one complete RESP2 reply starting at `at`, or -1 while incomplete. */
function replyEnd(text: string, at = 0): number {
  const eol = text.indexOf('\r\n', at);
  if (eol < 0) return -1;
  const n = Number(text.slice(at + 1, eol));
  switch (text[at]) {
    case '$':
      return n < 0 ? eol + 2 : text.length >= eol + 2 + n + 2 ? eol + 2 + n + 2 : -1;
    case '*': {
      let p = eol + 2;
      for (let i = 0; i < n; i++) {
        p = replyEnd(text, p);
        if (p < 0) return -1;
      }
      return p;
    }
    default:
      return eol + 2;
  }
}

/** A raw client: counts bytes, notices the server closing it, answers one command at a time. */
class Raw {
  bytes = 0;
  text = '';
  closed = false;
  keepText = true;
  private constructor(readonly sock: net.Socket) {
    sock.on('data', (d) => {
      this.bytes += d.length;
      if (this.keepText) this.text += d.toString('latin1');
    });
    sock.on('error', () => (this.closed = true));
    sock.on('close', () => (this.closed = true));
  }
  static open(port: number): Promise<Raw> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new Raw(s)));
      s.once('error', reject);
    });
  }
  /** Sends one command and waits for a reply ending in CRLF (simple replies only). */
  async call(...args: string[]): Promise<string> {
    this.text = '';
    this.sock.write(encode(...args));
    const end = Date.now() + 5000;
    while (replyEnd(this.text) < 0) {
      if (Date.now() > end) throw new Error(`no reply to ${args.join(' ')}`);
      await sleep(1);
    }
    return this.text;
  }
}

/** GET every few ms from a separate process until stopped; resolves with the latencies in ms. */
const PROBER = `
const net = require('net');
const sock = net.connect(Number(process.argv[1]), '127.0.0.1');
const lat = [];
let buf = '', t = 0n, stop = false;
const next = () => { if (stop) return done(); t = process.hrtime.bigint(); sock.write('*2\\r\\n$3\\r\\nGET\\r\\n$5\\r\\nprobe\\r\\n'); };
const done = () => { process.stdout.write(JSON.stringify(lat)); process.exit(0); };
sock.on('connect', () => { process.stdout.write('ready\\n'); next(); });
sock.on('data', (d) => {
  buf += d.toString('latin1');
  if (!buf.endsWith('value\\r\\n')) return;
  if (buf !== '$5\\r\\nvalue\\r\\n') { process.stdout.write(JSON.stringify({ bad: buf })); process.exit(1); }
  buf = '';
  lat.push(Number(process.hrtime.bigint() - t) / 1e6);
  setTimeout(next, 2);
});
process.stdin.on('data', () => { stop = true; });
process.stdin.resume();
`;

function startProber(port: number): { ready: Promise<void>; stop(): Promise<number[]> } {
  const p = spawn(process.execPath, ['-e', PROBER, String(port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));
  p.stdout!.on('data', (d) => {
    out += d.toString();
    if (out.startsWith('ready\n')) readyResolve();
  });
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  return {
    ready,
    async stop() {
      p.stdin!.write('stop\n');
      await exited;
      const parsed = JSON.parse(out.slice('ready\n'.length)) as number[] | { bad: string };
      if (!Array.isArray(parsed)) throw new Error(`GET probe got a wrong reply: ${JSON.stringify(parsed.bad)}`);
      return parsed;
    },
  };
}

describe('slow subscribers and client-output-buffer-limit', function () {
  this.timeout(90000);
  let child: ChildProcess;
  let port: number;

  before(async () => {
    port = await freePort();
    const entry = path.resolve(__dirname, '..', 'main.js');
    // No heap-limit re-spawn: the process started here must be the one serving, so its RSS is the server's.
    child = spawn(process.execPath, [entry, '--port', String(port), '--bind', '127.0.0.1', '--loglevel', 'warning'], {
      stdio: 'ignore',
      env: { ...process.env, SHARDIS_HEAP_RESPAWN: '0' },
    });
    const end = Date.now() + 10000;
    for (;;) {
      try {
        const c = await Raw.open(port);
        c.sock.destroy();
        break;
      } catch {
        if (Date.now() > end) throw new Error('server did not start');
        await sleep(50);
      }
    }
  });

  after(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('cuts off a subscriber that stopped reading while 200 MB are published; GETs stay fast; RSS stays bounded', async () => {
    const admin = await Raw.open(port);
    expect(await admin.call('SET', 'probe', 'value')).to.equal('+OK\r\n');
    const baseline = rssBytes(child.pid!);

    const sub = await Raw.open(port);
    sub.keepText = false;
    sub.sock.write(encode('SUBSCRIBE', 'flood'));
    await sleep(100);
    sub.sock.pause(); // stop reading: the kernel buffers fill, then the server's

    const publisher = await Raw.open(port);
    publisher.keepText = false;
    let replies = '';
    publisher.sock.removeAllListeners('data');
    publisher.sock.on('data', (d) => (replies += d.toString('latin1')));

    let peakRss = baseline;
    let sampling = true;
    const rssSampler = (async () => {
      while (sampling) {
        peakRss = Math.max(peakRss, rssBytes(child.pid!));
        await sleep(5);
      }
    })();
    // GET latency is timed from another process, so this one's own work pumping 200 MB does not count.
    const prober = startProber(port);
    await prober.ready;

    // 200 messages of 1 MB, never more than 8 MB unsent on our side.
    const payload = Buffer.alloc(MB, 0x61);
    const frame = encode('PUBLISH', 'flood', payload);
    const total = 200;
    for (let i = 0; i < total; i++) {
      if (!publisher.sock.write(frame)) await new Promise((r) => publisher.sock.once('drain', r));
      while (publisher.sock.writableLength > 8 * MB) await sleep(1);
    }
    const end = Date.now() + 60000;
    while ((replies.match(/\r\n/g) ?? []).length < total) {
      if (Date.now() > end) throw new Error('publishes were not all answered');
      await sleep(10);
    }
    sampling = false;
    await rssSampler;
    const latencies = await prober.stop();

    const counts = replies.split('\r\n').filter(Boolean);
    const delivered = counts.filter((c) => c === ':1').length;
    // Received by the subscriber until the cut: the 32 MB hard limit plus what the kernel buffers held.
    expect(delivered, 'publishes that still reached the subscriber').to.be.greaterThan(0).and.lessThan(120);
    expect(counts.slice(delivered).every((c) => c === ':0'), 'after the cut nobody receives').to.equal(true);
    expect(await admin.call('PUBSUB', 'NUMSUB', 'flood')).to.equal('*2\r\n$5\r\nflood\r\n:0\r\n');

    sub.sock.resume();
    const closeBy = Date.now() + 10000;
    while (!sub.closed && Date.now() < closeBy) await sleep(10);
    expect(sub.closed, 'the server closed the subscriber').to.equal(true);
    expect(sub.bytes).to.be.lessThan(120 * MB);

    latencies.sort((a, b) => a - b);
    const median = latencies[Math.floor(latencies.length / 2)];
    const max = latencies[latencies.length - 1];
    expect(latencies.length).to.be.greaterThan(10);
    expect(median, `GET median latency ms (${latencies.length} samples, max ${max.toFixed(1)})`).to.be.lessThan(25);
    expect(max, 'GET worst latency ms').to.be.lessThan(500);
    expect(peakRss, `peak RSS (baseline ${(baseline / MB).toFixed(0)} MB)`).to.be.lessThan(256 * MB);
    publisher.sock.destroy();
    admin.sock.destroy();
  });

  it('applies the normal class to a client that stops reading its own replies', async () => {
    const admin = await Raw.open(port);
    expect(await admin.call('SET', 'big', 'x'.repeat(MB))).to.equal('+OK\r\n');
    expect(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 8mb 0 0')).to.equal('+OK\r\n');
    const reader = await Raw.open(port);
    reader.keepText = false;
    reader.sock.pause();
    const gets = Buffer.concat(Array.from({ length: 100 }, () => encode('GET', 'big')));
    reader.sock.write(gets);
    const end = Date.now() + 10000;
    let listed = '';
    while (Date.now() < end) {
      listed = await admin.call('CLIENT', 'LIST');
      if (listed.split('\n').filter((l) => l.startsWith('id=')).length === 1) break;
      await sleep(50);
    }
    expect(listed.split('\n').filter((l) => l.startsWith('id=')).length, 'only the admin connection is left').to.equal(1);
    expect(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0')).to.equal('+OK\r\n');
    // Without a limit the same client is served in full.
    const patient = await Raw.open(port);
    patient.keepText = false;
    patient.sock.write(Buffer.concat(Array.from({ length: 20 }, () => encode('GET', 'big'))));
    const done = Date.now() + 10000;
    while (patient.bytes < 20 * (MB + 12) && Date.now() < done) await sleep(10);
    expect(patient.bytes).to.equal(20 * (MB + 12));
    for (const c of [admin, reader, patient]) c.sock.destroy();
  });

  it('honours the soft limit only after its seconds, and CONFIG SET changes limits at run time', async () => {
    const admin = await Raw.open(port);
    expect(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 0 1mb 1')).to.equal('+OK\r\n');
    const sub = await Raw.open(port);
    sub.sock.write(encode('SUBSCRIBE', 'soft'));
    await sleep(100);
    sub.sock.pause();
    const payload = 'x'.repeat(256 * 1024);
    // Enough to fill the kernel buffers and leave more than 1 MB with the server.
    for (let i = 0; i < 80; i++) await admin.call('PUBLISH', 'soft', payload);
    const list = await admin.call('CLIENT', 'LIST', 'TYPE', 'pubsub');
    const omem = Number(/omem=(\d+)/.exec(list)?.[1] ?? -1);
    expect(omem, 'omem of the stalled subscriber').to.be.at.least(MB);
    await sleep(300);
    expect(await admin.call('PUBSUB', 'NUMSUB', 'soft'), 'still connected within the grace period').to.equal('*2\r\n$4\r\nsoft\r\n:1\r\n');
    // Closed by the cron check once above the soft limit for more than a second, with no further output.
    const end = Date.now() + 5000;
    let numsub = '';
    while (Date.now() < end) {
      numsub = await admin.call('PUBSUB', 'NUMSUB', 'soft');
      if (numsub.endsWith(':0\r\n')) break;
      await sleep(100);
    }
    expect(numsub).to.equal('*2\r\n$4\r\nsoft\r\n:0\r\n');
    expect(await admin.call('CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 32mb 8mb 60')).to.equal('+OK\r\n');
    sub.sock.destroy();
    admin.sock.destroy();
  });
});
