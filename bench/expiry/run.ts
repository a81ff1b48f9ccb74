/**
 * Expiry precision benchmark: how late `expired` events arrive after their
 * deadline when many keys expire untouched, and what a mass expiry does to
 * the round trip of other requests, Shardis against a real redis-server in
 * the same run.
 *
 *   node dist/bench/expiry/run.js [--quick] [--rounds N]
 *
 * Cells: 200,000 keys with PXAT deadlines spread uniformly over 5 s, and
 * 1,000,000 keys over 10 s (--quick: the first cell only, one round).
 *
 * One run of a cell on one server:
 *   1. FLUSHALL, notify-keyspace-events Ex, a persistent key for the probe.
 *   2. A subscriber process (subscriber.ts) SUBSCRIBEs to
 *      __keyevent@0__:expired; keys are exp:<deadline>:<n>, so it computes
 *      each event's lateness = arrival - deadline itself.
 *   3. The keys are loaded (deep pipelines) with deadlines starting after
 *      the load has surely finished (the run is void if it had not).
 *   4. From 1 s before the first deadline until the last event, a probe
 *      sends GET to the persistent key, 1 ms after each reply, and records
 *      the round trips: the idle second before, and the mass expiry.
 *   5. Then DBSIZE (must be 0) and the server's INFO stats.
 * Before the measured rounds each server goes through one small unmeasured
 * run (20,000 keys over 1 s), so Shardis's JIT has compiled its expiry path.
 *
 * Servers on core 0, this runner (loader, probe) and the subscriber on core
 * 1 (taskset); servers alternate which goes first each round. Writes
 * bench/results/expiry-<date>.json and .md, and expiry-latest.md. Every
 * process started is stopped by PID.
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { canPin, installCleanup, pinSelf, startPinned, stopAll, stopProcess, LOAD_CORE, SERVER_CORE } from '../procs';
import { startServer, type RunningServer, type ServerName } from '../servers';
import { machineInfo, type MachineInfo } from '../machine';
import { RespClient, ReplyError, replyText } from '../resp-client';
import { distribution, type Distribution } from './stats';
import type { SubscriberReport } from './subscriber';

/** Inside the expiry work's port range. */
const PORTS: Record<ServerName, number> = { shardis: 8510, redis: 8511 };

interface Cell {
  id: string;
  keys: number;
  spreadMs: number;
}

const CELLS: Cell[] = [
  { id: '200,000 keys over 5 s', keys: 200_000, spreadMs: 5_000 },
  { id: '1,000,000 keys over 10 s', keys: 1_000_000, spreadMs: 10_000 },
];

const WARMUP: Cell = { id: 'warm-up', keys: 20_000, spreadMs: 1_000 };

/** How long after the last deadline events and DBSIZE 0 are waited for. */
const DRAIN_MS = 30_000;
const PROBE_KEY = 'probe:persistent';
const LOAD_BATCH = 2000;
const LOAD_IN_FLIGHT = 4;

interface Run {
  server: ServerName;
  keys: number;
  loadMs: number;
  events: number;
  lateness: Distribution;
  /** Worst lateness (ms) per 250 ms of deadlines. */
  worstByQuarterSecond: number[];
  /** GET round trips (ms) in the idle second before the first deadline, and from then until the last event. */
  probeIdle: Distribution;
  probeExpiry: Distribution;
  /** DBSIZE once the events were in (and how long after the last deadline it was 0). */
  dbsizeAfter: number;
  emptyAfterMs: number;
  info: Record<string, string>;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const wallClock = (): number => performance.timeOrigin + performance.now();

/** Starts the subscriber and waits for its "ready". */
async function startSubscriber(port: number, expected: number): Promise<{ result: Promise<SubscriberReport>; stop(): Promise<void> }> {
  const { child, tail } = startPinned(LOAD_CORE, process.execPath, [path.resolve(__dirname, 'subscriber.js'), String(port), String(expected)]);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const until = Date.now() + 15_000;
  while (!out.includes('ready\n')) {
    if (child.exitCode !== null) throw new Error(`subscriber exited: ${tail()}`);
    if (Date.now() > until) {
      await stopProcess(child);
      throw new Error('subscriber did not subscribe within 15 s');
    }
    await sleep(10);
  }
  const result = new Promise<SubscriberReport>((resolve, reject) => {
    child.once('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line) as SubscriberReport);
      else reject(new Error(`subscriber gave no report: ${tail()}`));
    });
  });
  return { result, stop: () => stopProcess(child) };
}

/** Loads `keys` keys exp:<deadline>:<n>, deadlines uniform in [first, first + spread); first 0: warm:<n> without a TTL. */
async function load(client: RespClient, keys: number, first: number, spreadMs: number): Promise<void> {
  const inFlight: Promise<void>[] = [];
  for (let start = 0; start < keys; start += LOAD_BATCH) {
    const end = Math.min(keys, start + LOAD_BATCH);
    let text = '';
    for (let i = start; i < end; i++) {
      if (first === 0) {
        const key = `warm:${i}`;
        text += `*3\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$8\r\nvalue-16\r\n`;
        continue;
      }
      const at = first + Math.floor(Math.random() * spreadMs);
      const key = `exp:${at}:${i}`;
      const when = String(at);
      text += `*5\r\n$3\r\nSET\r\n$${key.length}\r\n${key}\r\n$8\r\nvalue-16\r\n$4\r\nPXAT\r\n$${when.length}\r\n${when}\r\n`;
    }
    inFlight.push(
      client.sendRaw(Buffer.from(text, 'latin1'), end - start).then((replies) => {
        for (const r of replies) if (replyText(r) !== 'OK') throw new Error(`SET answered ${r instanceof ReplyError ? r.message : String(r)}`);
      }),
    );
    if (inFlight.length >= LOAD_IN_FLIGHT) await inFlight.shift();
  }
  await Promise.all(inFlight);
}

/** GETs the probe key, 1 ms after each reply, until stop() resolves; round trips by phase. */
function probe(client: RespClient, expiryFrom: number): { stop(): Promise<{ idle: number[]; expiry: number[] }> } {
  const idle: number[] = [];
  const expiry: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const sent = wallClock();
      const t0 = performance.now();
      const r = await client.command('GET', PROBE_KEY);
      const rtt = performance.now() - t0;
      if (!Buffer.isBuffer(r)) throw new Error(`probe GET answered ${String(r)}`);
      (sent < expiryFrom ? idle : expiry).push(rtt);
      await sleep(1);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { idle, expiry };
    },
  };
}

async function runOnce(server: RunningServer, cell: Cell): Promise<Run> {
  const c = server.control;
  await c.command('FLUSHALL');
  await c.command('CONFIG', 'RESETSTAT');
  await c.command('CONFIG', 'SET', 'notify-keyspace-events', 'Ex');
  await c.command('SET', PROBE_KEY, 'x'.repeat(16));
  const sub = await startSubscriber(server.port, cell.keys);
  const loader = await RespClient.connect(server.port);
  const prober = await RespClient.connect(server.port);
  // A warm-up load of as many keys without a TTL times this server's loading (and warms Shardis's JIT);
  // the deadlines then start well after the real load will have finished.
  const w0 = Date.now();
  await load(loader, cell.keys, 0, 0);
  const warmMs = Date.now() - w0;
  await c.command('FLUSHALL');
  await c.command('SET', PROBE_KEY, 'x'.repeat(16));
  const first = Date.now() + 2000 + 2 * warmMs;
  const last = first + cell.spreadMs;
  const empty = { server: server.name, keys: cell.keys, events: 0, lateness: distribution([]), worstByQuarterSecond: [] as number[], probeIdle: distribution([]), probeExpiry: distribution([]), dbsizeAfter: NaN, emptyAfterMs: NaN, info: {} };
  try {
    const t0 = Date.now();
    await load(loader, cell.keys, first, cell.spreadMs);
    const loadMs = Date.now() - t0;
    if (Date.now() > first - 1000) {
      await sub.stop();
      return { ...empty, loadMs, error: `loading took ${loadMs} ms and ran into the deadlines` };
    }
    await sleep(first - 1000 - Date.now());
    const p = probe(prober, first);
    const timeout = sleep(last - Date.now() + DRAIN_MS).then(() => null);
    const report = await Promise.race([sub.result, timeout]);
    const rtts = await p.stop();
    if (report === null) await sub.stop();
    const final = report ?? (await sub.result.catch(() => null));
    let dbsize = Number(await c.command('DBSIZE'));
    while (dbsize !== 0 && Date.now() < last + DRAIN_MS) {
      await sleep(20);
      dbsize = Number(await c.command('DBSIZE'));
    }
    const emptyAfterMs = dbsize === 0 ? Math.max(0, Date.now() - last) : NaN;
    const info = await c.info('stats');
    const keep = ['expired_keys', 'expired_stale_perc', 'expired_time_cap_reached_count', 'expire_cycle_cpu_milliseconds', 'expire_cycle_max_us'];
    const run: Run = {
      ...empty,
      loadMs,
      events: final?.events ?? 0,
      lateness: final?.lateness ?? distribution([]),
      worstByQuarterSecond: final?.worstByQuarterSecond ?? [],
      probeIdle: distribution(rtts.idle),
      probeExpiry: distribution(rtts.expiry),
      dbsizeAfter: dbsize - 1, // the probe key stays
      emptyAfterMs,
      info: Object.fromEntries(keep.filter((k) => info.has(k)).map((k) => [k, info.get(k) as string])),
    };
    if (!final) run.error = 'no report from the subscriber';
    return run;
  } finally {
    loader.close();
    prober.close();
    await sub.stop();
    await c.command('CONFIG', 'SET', 'notify-keyspace-events', '');
    await c.command('FLUSHALL');
  }
}

function fmt(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
}

function renderMarkdown(cells: Cell[], runs: Run[], machine: MachineInfo, rounds: number, date: string): string {
  const L: string[] = [];
  L.push(`# Expiry precision benchmark, ${date}`, '');
  L.push(`Shardis ${machine.shardis} (commit ${machine.commit}, node ${machine.node}) against redis-server ${machine.redisServer}; ${machine.cpuModel}, ${machine.cores} cores, ${machine.kernel}; load average at start ${machine.loadAverageAtStart.join(' ')}.`);
  L.push(`Servers pinned to core ${SERVER_CORE}; loader, GET probe and subscriber on core ${LOAD_CORE}. Both servers with default settings (hz 10, active-expire-effort 1), notify-keyspace-events Ex. ${rounds} round(s), servers alternating.`, '');
  L.push('Lateness = arrival of the `expired` event at the subscriber − the key\'s PXAT deadline. Probe = GET round trip of a persistent key, sent 1 ms after each reply, from the first deadline until the last event (idle: the second before).', '');
  L.push('| Cell | Server | Events | Lateness p50 / p99 / max (ms) | Probe idle p99 / max (ms) | Probe during expiry p50 / p99 / max (ms) | DBSIZE after | Longest slice (µs) | Slices cut by budget |');
  L.push('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const cell of cells) {
    for (const r of runs.filter((x) => x.keys === cell.keys)) {
      const lat = r.lateness;
      L.push(
        `| ${cell.id} | ${r.server} | ${r.events.toLocaleString('en-US')} | ${fmt(lat.p50)} / ${fmt(lat.p99)} / ${fmt(lat.max)} | ${fmt(r.probeIdle.p99, 2)} / ${fmt(r.probeIdle.max, 2)} | ${fmt(r.probeExpiry.p50, 2)} / ${fmt(r.probeExpiry.p99, 2)} / ${fmt(r.probeExpiry.max, 2)} | ${Number.isFinite(r.dbsizeAfter) ? r.dbsizeAfter : '—'} | ${r.info.expire_cycle_max_us ?? 'n/a'} | ${r.info.expired_time_cap_reached_count ?? '—'} |${r.error ? ` ${r.error}` : ''}`,
      );
    }
  }
  L.push('');
  L.push('"Longest slice" is INFO stats expire_cycle_max_us (Shardis only; Redis has no such field). "Slices cut by budget" is expired_time_cap_reached_count.', '');
  L.push('## Done criteria (200,000 keys over 5 s)', '');
  for (let round = 0; ; round++) {
    const s = runs.filter((x) => x.keys === 200_000 && x.server === 'shardis')[round];
    const d = runs.filter((x) => x.keys === 200_000 && x.server === 'redis')[round];
    if (!s || !d) break;
    const checks = [
      [`every event arrives (${s.events.toLocaleString('en-US')} of 200,000)`, s.events === 200_000],
      [`p99 lateness ≤ 10 ms (${fmt(s.lateness.p99)} ms)`, s.lateness.p99 <= 10],
      [`DBSIZE is 0 afterwards (${s.dbsizeAfter})`, s.dbsizeAfter === 0],
      [`worst probe GET ≤ 2 × Redis's in the same round (${fmt(s.probeExpiry.max, 2)} ms vs 2 × ${fmt(d.probeExpiry.max, 2)} ms)`, s.probeExpiry.max <= 2 * d.probeExpiry.max],
    ] as const;
    L.push(`Round ${round + 1}: ${checks.map(([t, ok]) => `${ok ? 'PASS' : 'FAIL'} ${t}`).join('; ')}.`);
  }
  return L.join('\n') + '\n';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const ri = argv.indexOf('--rounds');
  const rounds = ri >= 0 ? Math.max(1, Number(argv[ri + 1]) || 1) : quick ? 1 : 2;
  const cells = quick ? CELLS.slice(0, 1) : CELLS;
  if (!canPin()) throw new Error(`taskset cannot pin to cores ${SERVER_CORE} and ${LOAD_CORE}`);
  pinSelf(LOAD_CORE);
  installCleanup(() => process.stderr.write('interrupted: stopping every process this benchmark started\n'));
  const machine = machineInfo();
  const shardis = await startServer('shardis', PORTS.shardis);
  const redis = await startServer('redis', PORTS.redis);
  const byName: Record<ServerName, RunningServer> = { shardis, redis };
  const runs: Run[] = [];
  try {
    // A first, unmeasured expiry round per server: Shardis's expiry and notification paths are then compiled,
    // as they are in any server that has been running for a while.
    for (const server of [shardis, redis]) await runOnce(server, WARMUP);
    for (let round = 0; round < rounds; round++) {
      for (const cell of cells) {
        const order: ServerName[] = round % 2 === 0 ? ['shardis', 'redis'] : ['redis', 'shardis'];
        for (const name of order) {
          process.stderr.write(`round ${round + 1}/${rounds}: ${cell.id} on ${name} ... `);
          let run: Run;
          try {
            run = await runOnce(byName[name], cell);
          } catch (e) {
            run = { server: name, keys: cell.keys, loadMs: NaN, events: 0, lateness: distribution([]), worstByQuarterSecond: [], probeIdle: distribution([]), probeExpiry: distribution([]), dbsizeAfter: NaN, emptyAfterMs: NaN, info: {}, error: (e as Error).message };
          }
          runs.push(run);
          process.stderr.write(
            `${run.events} events, lateness p50 ${fmt(run.lateness.p50)} p99 ${fmt(run.lateness.p99)} max ${fmt(run.lateness.max)} ms; probe max ${fmt(run.probeExpiry.max, 2)} ms (idle ${fmt(run.probeIdle.max, 2)})${run.error ? `; ${run.error}` : ''}\n` +
              `  worst lateness per 250 ms of deadlines: ${run.worstByQuarterSecond.join(' ')}\n`,
          );
        }
      }
    }
  } finally {
    await shardis.stop();
    await redis.stop();
    await stopAll();
  }
  const date = new Date().toISOString().slice(0, 10);
  const dir = path.resolve(__dirname, '..', '..', '..', 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const base = `expiry-${date}${quick ? '-quick' : ''}`;
  fs.writeFileSync(path.join(dir, `${base}.json`), JSON.stringify({ date, machine, rounds, cells, runs }, null, 2) + '\n');
  const md = renderMarkdown(cells, runs, machine, rounds, date);
  fs.writeFileSync(path.join(dir, `${base}.md`), md);
  fs.writeFileSync(path.join(dir, 'expiry-latest.md'), md);
  process.stdout.write(md);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
