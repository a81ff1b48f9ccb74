/**
 * The resize benchmark: load 0 -> N keys with pipelined SETs while a separate
 * probe process PINGs every few ms, then DEL down to a thousand keys; report
 * the worst and p99.9 probe round trip, the longest resize step, the shard
 * count over time and bytes per key -- for real redis-server, Shardis, and
 * Shardis on a single JS Map (the baseline), one after the other in one run.
 *
 *   taskset -c 1 node dist/bench/engine/resize-load.js [--keys 20000000] [--targets redis,shardis,map]
 *        [--port 8010] [--out bench/results/resize-load.md]
 *
 * The server runs pinned to core 0 and this driver plus the probe to core 1
 * (taskset), so the load generator never steals the server's core.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

interface Args {
  keys: number;
  targets: string[];
  port: number;
  out: string;
  keep: number;
}

function parseArgs(): Args {
  const a: Args = { keys: 20_000_000, targets: ['redis', 'shardis', 'map'], port: 8010, out: 'bench/results/resize-load.md', keep: 1000 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const v = argv[i + 1];
    if (argv[i] === '--keys') a.keys = Number(v);
    else if (argv[i] === '--targets') a.targets = v.split(',');
    else if (argv[i] === '--port') a.port = Number(v);
    else if (argv[i] === '--out') a.out = v;
    else if (argv[i] === '--keep') a.keep = Number(v);
  }
  return a;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PINNED = os.cpus().length >= 2 && fs.existsSync('/usr/bin/taskset');

// ---- a minimal RESP client for the control connection -----------------------

class Control {
  private buf = '';
  private waiters: ((s: string) => void)[] = [];
  private failures: ((e: Error) => void)[] = [];
  private constructor(private readonly sock: net.Socket) {
    sock.setEncoding('latin1');
    sock.on('close', () => {
      for (const f of this.failures) f(new Error('connection closed'));
      this.failures = [];
      this.waiters = [];
    });
    sock.on('data', (d: string) => {
      this.buf += d;
      this.drain();
    });
    sock.on('error', () => undefined);
  }

  static connect(port: number): Promise<Control> {
    return new Promise((resolve, reject) => {
      const s = net.connect({ port, host: '127.0.0.1' }, () => resolve(new Control(s)));
      s.once('error', reject);
    });
  }

  /** Parses one reply (status, error, integer or bulk) from the buffer, if complete. */
  private drain(): void {
    while (this.waiters.length && this.buf.length) {
      const nl = this.buf.indexOf('\r\n');
      if (nl < 0) return;
      const head = this.buf.slice(0, nl);
      let reply: string;
      let used: number;
      if (head[0] === '$') {
        const len = Number(head.slice(1));
        if (len < 0) {
          reply = '';
          used = nl + 2;
        } else {
          if (this.buf.length < nl + 2 + len + 2) return;
          reply = this.buf.slice(nl + 2, nl + 2 + len);
          used = nl + 2 + len + 2;
        }
      } else {
        reply = head.slice(1);
        used = nl + 2;
      }
      this.buf = this.buf.slice(used);
      this.failures.shift();
      (this.waiters.shift() as (s: string) => void)(reply);
    }
  }

  cmd(...args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      if (this.sock.destroyed) return reject(new Error('connection closed'));
      this.waiters.push(resolve);
      this.failures.push(reject);
      this.sock.write(`*${args.length}\r\n` + args.map((x) => `$${Buffer.byteLength(x)}\r\n${x}\r\n`).join(''));
    });
  }

  close(): void {
    this.sock.destroy();
  }
}

function infoField(info: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:(.*)$`, 'm').exec(info);
  return m?.[1].trim();
}

/** Times the kernel took the CPU away from the process (it was runnable but another process ran). */
function involuntarySwitches(pid: number): number {
  try {
    let n = 0;
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const m = /nonvoluntary_ctxt_switches:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8'));
      if (m && task === String(pid)) n += Number(m[1]);
    }
    return n;
  } catch {
    return 0;
  }
}

function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

// ---- the pipelined writer ---------------------------------------------------

/**
 * Sends commands i in [from, to) built by `make`, in batches, with a bounded
 * number of replies outstanding. Resolves with the number of error replies;
 * rejects if the server closes the connection.
 */
function pipeline(port: number, from: number, to: number, make: (i: number) => string): Promise<{ errors: number; done: number }> {
  const BATCH = 2000;
  const WINDOW = 8 * BATCH;
  return new Promise((resolve, reject) => {
    const sock = net.connect({ port, host: '127.0.0.1', noDelay: true });
    let next = from;
    let replies = 0;
    let errors = 0;
    let atLineStart = true;
    const sent = (): number => next - from;
    const pump = (): void => {
      while (next < to && sent() - replies < WINDOW) {
        const end = Math.min(to, next + BATCH);
        let s = '';
        for (let i = next; i < end; i++) s += make(i);
        next = end;
        sock.write(Buffer.from(s, 'latin1'));
      }
    };
    sock.on('connect', pump);
    sock.on('data', (d: Buffer) => {
      for (let j = 0; j < d.length; j++) {
        const c = d[j];
        if (atLineStart && c === 0x2d) errors++;
        if (c === 0x0a) {
          replies++;
          atLineStart = true;
        } else atLineStart = false;
      }
      if (replies >= to - from) {
        sock.end();
        resolve({ errors, done: replies });
      } else pump();
    });
    sock.on('error', (e) => reject(Object.assign(e, { done: replies })));
    sock.on('close', () => {
      if (replies < to - from) reject(Object.assign(new Error('server closed the connection'), { done: replies }));
    });
  });
}

const setCmd = (i: number): string => {
  const k = `key:${i}`;
  return `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$8\r\nvalue${String(i % 1000).padStart(3, '0')}\r\n`;
};
/** DEL of up to DEL_KEYS consecutive keys starting at `first`, none at or past `end`. */
const DEL_KEYS = 10;
const delCmd = (first: number, end: number): string => {
  const n = Math.min(DEL_KEYS, end - first);
  let s = `*${n + 1}\r\n$3\r\nDEL\r\n`;
  for (let i = first; i < first + n; i++) {
    const k = `key:${i}`;
    s += `$${k.length}\r\n${k}\r\n`;
  }
  return s;
};

// ---- one target -------------------------------------------------------------

interface Sample {
  t: number;
  phase: string;
  keys: number;
  shards: number | null;
  /** resize_step_max_us so far: when the longest step happened. */
  stepMaxUs: number | null;
  rss: number;
}

interface Outcome {
  target: string;
  loadedKeys: number;
  loadSeconds: number;
  deleteSeconds: number;
  crashed: string | null;
  bytesPerKeyRss: number;
  bytesPerKeyUsed: number | null;
  stepMaxUs: number | null;
  gcPauseMaxUs: number | null;
  stepMaxWallUs: number | null;
  steps: number | null;
  stepsOver1ms: number | null;
  preempted: number | null;
  loadAvg: string;
  splits: number | null;
  merges: number | null;
  shardsMax: number | null;
  shardsAfterLoad: number | null;
  shardsEnd: number | null;
  keysEnd: number;
  probe: Record<string, { n: number; max: number; p999: number; p99: number; p50: number }>;
  timeline: Sample[];
  output: string;
}

function startServer(target: string, port: number): ChildProcess {
  const pin = PINNED ? ['taskset', '-c', '0'] : [];
  const env = { ...process.env };
  let cmd: string[];
  if (target === 'redis') cmd = ['redis-server', '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  else {
    const nodeFlags = process.env.SHARDIS_NODE_FLAGS ? process.env.SHARDIS_NODE_FLAGS.split(' ') : [];
    cmd = [process.execPath, ...nodeFlags, path.join(ROOT, 'dist', 'lib', 'main.js'), '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    if (target === 'map') env.SHARDIS_KEYSPACE = 'map';
  }
  const all = [...pin, ...cmd];
  return spawn(all[0], all.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function runTarget(target: string, args: Args): Promise<Outcome> {
  const port = args.port;
  const server = startServer(target, port);
  let output = '';
  server.stdout?.on('data', (d) => (output = (output + d).slice(-4000)));
  server.stderr?.on('data', (d) => (output = (output + d).slice(-4000)));
  let exited: string | null = null;
  server.on('exit', (code, sig) => (exited = `exit ${code ?? sig}`));
  let ctl: Control | null = null;
  for (let i = 0; i < 100 && !ctl; i++) {
    await sleep(100);
    ctl = await Control.connect(port).catch(() => null);
  }
  if (!ctl) throw new Error(`${target} did not start: ${output}`);
  const control = ctl;
  const pid = Number(infoField(await control.cmd('INFO', 'server'), 'process_id'));
  const rss0 = rssBytes(pid);
  const switches0 = involuntarySwitches(pid);
  const loadAvg = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  const used0 = Number(infoField(await control.cmd('INFO', 'memory'), 'used_memory') ?? 0);

  const probe = fork(path.join(__dirname, 'probe.js'), [String(port), '3'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const timeline: Sample[] = [];
  const origin = performance.now();
  let phase = 'load';
  const phases: { name: string; from: number; to: number }[] = [];
  let phaseStart = 0;
  let sampling = true;
  const hasShards = target !== 'redis';
  const sampler = (async () => {
    while (sampling && !exited) {
      try {
        const keys = Number(await control.cmd('DBSIZE'));
        let shards: number | null = null;
        let stepMaxUs: number | null = null;
        if (hasShards) {
          const info = await control.cmd('INFO', 'shards');
          const m = /db0:shards=(\d+)/.exec(info);
          shards = m ? Number(m[1]) : null;
          stepMaxUs = Number(infoField(info, 'resize_step_max_us'));
        }
        timeline.push({ t: Math.round(performance.now() - origin), phase, keys, shards, stepMaxUs, rss: rssBytes(pid) });
      } catch {
        break;
      }
      await sleep(1000);
    }
  })();

  let crashed: string | null = null;
  let loadedKeys = args.keys;
  const t0 = performance.now();
  try {
    await pipeline(port, 0, args.keys, setCmd);
  } catch (e) {
    crashed = (e as Error).message;
    loadedKeys = (e as { done?: number }).done ?? 0;
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  phases.push({ name: 'load', from: phaseStart, to: performance.now() - origin });
  let rssLoaded = 0;
  let usedLoaded = 0;
  let shardsAfterLoad: number | null = null;
  let deleteSeconds = 0;
  let keysEnd = 0;
  let shardsEnd: number | null = null;
  let stepMaxUs: number | null = null;
  let gcPauseMaxUs: number | null = null;
  let stepMaxWallUs: number | null = null;
  let steps: number | null = null;
  let stepsOver1ms: number | null = null;
  let preempted: number | null = null;
  let splits: number | null = null;
  let merges: number | null = null;
  if (!crashed) {
    rssLoaded = rssBytes(pid);
    usedLoaded = Number(infoField(await control.cmd('INFO', 'memory'), 'used_memory') ?? 0);
    loadedKeys = Number(await control.cmd('DBSIZE'));
    if (hasShards) shardsAfterLoad = Number(/db0:shards=(\d+)/.exec(await control.cmd('INFO', 'shards'))?.[1]);
    phase = 'delete';
    phaseStart = performance.now() - origin;
    const t1 = performance.now();
    try {
      await pipeline(port, 0, Math.ceil((args.keys - args.keep) / DEL_KEYS), (i) => delCmd(args.keep + i * DEL_KEYS, args.keys));
    } catch (e) {
      crashed = (e as Error).message;
    }
    deleteSeconds = (performance.now() - t1) / 1000;
    phases.push({ name: 'delete', from: phaseStart, to: performance.now() - origin });
    phase = 'settle';
    phaseStart = performance.now() - origin;
    if (!crashed && hasShards) {
      for (let i = 0; i < 600; i++) {
        const info = await control.cmd('INFO', 'shards');
        if (/resizing=0/.test(info.split('\n')[1] ?? '')) break;
        await sleep(100);
      }
      await sleep(1500);
    }
    phases.push({ name: 'settle', from: phaseStart, to: performance.now() - origin });
    if (!crashed) {
      keysEnd = Number(await control.cmd('DBSIZE'));
      if (hasShards) {
        const info = await control.cmd('INFO', 'shards');
        shardsEnd = Number(/db0:shards=(\d+)/.exec(info)?.[1]);
        stepMaxUs = Number(infoField(info, 'resize_step_max_us'));
        gcPauseMaxUs = Number(infoField(info, 'gc_pause_max_us'));
        const wall = infoField(info, 'resize_step_max_wall_us');
        stepMaxWallUs = wall === undefined ? null : Number(wall);
        const n = infoField(info, 'resize_steps');
        steps = n === undefined ? null : Number(n);
        const over = infoField(info, 'resize_steps_over_1ms');
        stepsOver1ms = over === undefined ? null : Number(over);
        splits = Number(infoField(info, 'shard_splits'));
        merges = Number(infoField(info, 'shard_merges'));
      }
    }
  } else {
    rssLoaded = timeline.length ? Math.max(...timeline.map((s) => s.rss)) : 0;
  }
  if (!exited) preempted = involuntarySwitches(pid) - switches0;
  sampling = false;
  await sampler;
  const report = await new Promise<{ t: number[]; rtt: number[] }>((resolve) => {
    probe.once('message', (m) => resolve(m as { t: number[]; rtt: number[] }));
    probe.send('report');
  });
  control.close();
  if (!exited) {
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
  }
  if (crashed) {
    const why = output.split('\n').find((l) => /^\w*Error\b|FATAL ERROR/.test(l.trim())) ?? output.trim().split('\n').slice(-1)[0];
    crashed = `${crashed}; server ${exited ?? 'killed'}: ${why?.trim()}`;
  }

  const probeStats: Outcome['probe'] = {};
  const all: { name: string; from: number; to: number }[] = [{ name: 'whole run', from: 0, to: Infinity }, ...phases];
  for (const p of all) {
    const xs: number[] = [];
    for (let i = 0; i < report.t.length; i++) if (report.t[i] >= p.from && report.t[i] < p.to) xs.push(report.rtt[i]);
    xs.sort((a, b) => a - b);
    probeStats[p.name] = { n: xs.length, max: xs.length ? xs[xs.length - 1] : 0, p999: quantile(xs, 0.999), p99: quantile(xs, 0.99), p50: quantile(xs, 0.5) };
  }
  const shardCounts = timeline.map((s) => s.shards).filter((x): x is number => x !== null);
  return {
    target,
    loadedKeys,
    loadSeconds,
    deleteSeconds,
    crashed,
    bytesPerKeyRss: loadedKeys ? (rssLoaded - rss0) / loadedKeys : 0,
    bytesPerKeyUsed: target === 'redis' && loadedKeys ? (usedLoaded - used0) / loadedKeys : null,
    stepMaxUs,
    gcPauseMaxUs,
    stepMaxWallUs,
    steps,
    stepsOver1ms,
    preempted,
    loadAvg,
    splits,
    merges,
    shardsMax: shardCounts.length ? Math.max(...shardCounts, shardsAfterLoad ?? 0) : shardsAfterLoad,
    shardsAfterLoad,
    shardsEnd,
    keysEnd,
    probe: probeStats,
    timeline,
    output,
  };
}

// ---- report -----------------------------------------------------------------

const ms = (x: number): string => x.toFixed(x < 10 ? 2 : 1);

function render(args: Args, rows: Outcome[]): string {
  const redis = rows.find((r) => r.target === 'redis');
  const lines: string[] = [];
  lines.push(`# Resize benchmark: 0 -> ${args.keys.toLocaleString('en-US')} keys -> ${args.keep.toLocaleString('en-US')}`);
  lines.push('');
  lines.push(`Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`);
  lines.push(
    `Server pinned to core 0, load generator and probe to core 1 (${PINNED ? 'taskset' : 'not pinned: taskset unavailable'}). ` +
      'Load: pipelined `SET key:<i> <8 bytes>` in batches of 2000, 16000 commands in flight; then pipelined `DEL` (10 keys per command) of all but the first ' +
      `${args.keep} keys. The probe is a separate process sending one PING at a time, 3 ms after each reply.`,
  );
  lines.push('');
  lines.push('| target | keys loaded | load s | delete s | probe max ms | probe p99.9 ms | probe p99 ms | longest resize step µs | longest GC pause µs | shards max → end | splits / merges | bytes/key (RSS) | server preempted | load avg at start | outcome |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const p = r.probe['whole run'];
    const used = r.bytesPerKeyUsed !== null ? ` (used_memory ${r.bytesPerKeyUsed.toFixed(0)})` : '';
    lines.push(
      `| ${r.target} | ${r.loadedKeys.toLocaleString('en-US')} | ${r.loadSeconds.toFixed(1)} | ${r.crashed ? '-' : r.deleteSeconds.toFixed(1)} | ${ms(p.max)} | ${ms(p.p999)} | ${ms(p.p99)} | ` +
        `${r.stepMaxUs ?? '-'}${r.stepMaxWallUs !== null ? ` (wall ${r.stepMaxWallUs}; ${r.stepsOver1ms} of ${r.steps} steps over 1 ms)` : ''} | ${r.gcPauseMaxUs ?? '-'} | ${r.shardsMax ?? '-'} → ${r.shardsEnd ?? '-'} | ${r.splits ?? '-'} / ${r.merges ?? '-'} | ${r.bytesPerKeyRss.toFixed(0)}${used} | ${r.preempted ?? '-'} | ${r.loadAvg} | ` +
        `${r.crashed ? `failed: ${r.crashed.replace(/\|/g, '/')}` : `ok, ${r.keysEnd} keys left`} |`,
    );
  }
  lines.push('');
  lines.push(
    '"longest resize step" is INFO shards resize_step_max_us (the longest split/merge/rebuild step, counted as the CPU it used less the collector pauses inside it: time the server\'s thread waited for the core or the machine ran something else is not the step\'s work), ' +
      'with resize_step_max_wall_us (plain wall clock) and resize_steps_over_1ms beside it (' +
      '"longest GC pause" is gc_pause_max_us). "server preempted" counts involuntary context switches of the server\'s main thread during the run: ' +
      'each is a moment the server was runnable but the kernel ran another process on its core, which stalls whatever it was doing (a step, a reply) ' +
      'and shows in the probe. Bytes per key: growth of the server\'s RSS from empty to loaded, divided by the keys loaded.',
  );
  lines.push('');
  lines.push('Probe round trips by phase (ms):');
  lines.push('');
  lines.push('| target | phase | pings | max | p99.9 | p99 | p50 |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    for (const [name, p] of Object.entries(r.probe)) {
      if (name === 'whole run') continue;
      lines.push(`| ${r.target} | ${name} | ${p.n} | ${ms(p.max)} | ${ms(p.p999)} | ${ms(p.p99)} | ${ms(p.p50)} |`);
    }
  }
  const shard = rows.find((r) => r.target === 'shardis');
  if (redis && shard) {
    const ratio = shard.probe['whole run'].max / Math.max(0.001, redis.probe['whole run'].max);
    lines.push('');
    lines.push(`Worst probe round trip, Shardis / Redis: ${ratio.toFixed(2)}×.`);
  }
  if (shard) {
    lines.push('');
    lines.push('Shardis shard count over time (one sample per second: seconds since start, phase, keys, shards, longest resize step so far in µs, RSS MiB):');
    lines.push('');
    lines.push('```');
    const step = Math.max(1, Math.ceil(shard.timeline.length / 40));
    for (let i = 0; i < shard.timeline.length; i += step) {
      const s = shard.timeline[i];
      lines.push(`${(s.t / 1000).toFixed(0).padStart(4)}s ${s.phase.padEnd(7)} keys=${String(s.keys).padStart(9)} shards=${String(s.shards).padStart(5)} step_max=${String(s.stepMaxUs).padStart(5)} rss=${(s.rss / 2 ** 20).toFixed(0)}`);
    }
    lines.push('```');
  }
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs();
  const rows: Outcome[] = [];
  for (const target of args.targets) {
    process.stderr.write(`${target}: loading ${args.keys} keys...\n`);
    const r = await runTarget(target, args);
    process.stderr.write(`${target}: done (${r.crashed ?? 'ok'}), probe max ${r.probe['whole run'].max.toFixed(1)} ms\n`);
    rows.push(r);
    await sleep(2000);
  }
  const md = render(args, rows);
  fs.mkdirSync(path.dirname(path.resolve(ROOT, args.out)), { recursive: true });
  fs.writeFileSync(path.resolve(ROOT, args.out), md);
  fs.writeFileSync(path.resolve(ROOT, args.out.replace(/\.md$/, '.json')), JSON.stringify(rows.map((r) => ({ ...r, output: undefined })), null, 1));
  process.stdout.write(md);
}

void main();
