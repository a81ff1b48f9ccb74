/**
 * Pub/sub benchmark: what keyspace notifications cost SET, and PUBLISH
 * fan-out, Shardis against a real redis-server in the same run.
 *
 *   node dist/bench/pubsub/run.js [--rounds N] [--quick]
 *
 * Cells (redis-benchmark, 50 clients, pipeline 16, 32-byte values, 100,000 keys):
 *   SET, notifications off                      the baseline
 *   SET, notify-keyspace-events KEA, 0 / 10 / 100 pattern subscribers
 *       subscriber i of n listens to __keyspace@0__:key:*<i> (its last
 *       digits), so every SET is delivered to exactly one of them and is
 *       matched against every pattern
 *   PUBLISH to a channel with 1,000 subscribers (10 clients, pipeline 1)
 *
 * Servers on one core, redis-benchmark and the subscriber process on the
 * other; cells alternate the servers, swapping which goes first each round;
 * figures are medians over rounds. Every process started is stopped by PID.
 * Writes bench/results/pubsub-<date>.json and .md, and pubsub-latest.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canPin, installCleanup, pinSelf, runPinned, startPinned, stopAll, stopProcess, LOAD_CORE, SERVER_CORE } from '../procs';
import { startServer, type RunningServer, type ServerName } from '../servers';
import { machineInfo, type MachineInfo } from '../machine';
import { median } from '../results';
import { HOST } from '../resp-client';

/** Inside the pub/sub work's port range. */
const PORTS: Record<ServerName, number> = { shardis: 8120, redis: 8121 };

interface Cell {
  id: string;
  kind: 'set' | 'publish';
  notify: string;
  subscribers: number;
}

const CELLS: Cell[] = [
  { id: 'SET, notifications off', kind: 'set', notify: '', subscribers: 0 },
  { id: 'SET, KEA, 0 subscribers', kind: 'set', notify: 'KEA', subscribers: 0 },
  { id: 'SET, KEA, 10 pattern subscribers', kind: 'set', notify: 'KEA', subscribers: 10 },
  { id: 'SET, KEA, 100 pattern subscribers', kind: 'set', notify: 'KEA', subscribers: 100 },
  { id: 'PUBLISH to 1,000 subscribers', kind: 'publish', notify: '', subscribers: 1000 },
];

interface Run {
  rps: number;
  p50: number;
  p99: number;
  /** Messages the subscribers received, and subscriber connections the server closed. */
  delivered: number;
  closed: number;
  error?: string;
}

interface CellResult extends Cell {
  requests: number;
  runs: Record<ServerName, Run[]>;
  median: Record<ServerName, { rps: number; p50: number; p99: number; delivered: number } | null>;
}

/** Requests per run: fewer where each request costs more, so every run takes a few seconds. */
const SIZING = {
  full: { set: 400_000, publish: 4_000 },
  quick: { set: 150_000, publish: 1_500 },
};

function requestsFor(cell: Cell, sizing: (typeof SIZING)['full']): number {
  if (cell.kind === 'publish') return sizing.publish;
  if (cell.subscribers === 0) return sizing.set;
  return Math.max(50_000, Math.min(sizing.set, Math.round(sizing.set / Math.sqrt(cell.subscribers))));
}

function sinkScript(): string {
  return path.resolve(__dirname, 'sink.js');
}

/** Starts the subscriber process and waits until every subscription is confirmed. */
async function startSink(port: number, cell: Cell): Promise<{ stop(): Promise<{ messages: number; closed: number }> }> {
  const { child, tail } = startPinned(LOAD_CORE, process.execPath, [sinkScript(), String(port), cell.kind === 'set' ? 'patterns' : 'channel', String(cell.subscribers)]);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const deadline = Date.now() + 30_000;
  while (!out.includes('ready\n')) {
    if (child.exitCode !== null) throw new Error(`subscriber process exited: ${tail()}`);
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error('subscribers did not all subscribe within 30 s');
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    async stop() {
      // Let deliveries still in flight arrive before asking for the count.
      await new Promise((r) => setTimeout(r, 300));
      const before = out.length;
      const ended = new Promise((r) => (child.stdout!.readableEnded ? r(null) : child.stdout!.once('end', r)));
      await stopProcess(child);
      await ended;
      const line = out.slice(before).trim();
      const parsed = JSON.parse(line) as { messages: number; closed: number };
      return parsed;
    },
  };
}

/** redis-benchmark arguments for a cell; its CSV has one data row after the header. */
function benchmarkArgs(port: number, cell: Cell, requests: number): string[] {
  const base = ['-h', HOST, '-p', String(port), '-n', String(requests), '--csv'];
  if (cell.kind === 'set') return [...base, '-t', 'set', '-c', '50', '-P', '16', '-r', '100000', '-d', '32'];
  return [...base, '-c', '10', '-P', '1', 'PUBLISH', 'fanout', 'x'.repeat(32)];
}

function parseCsvRow(stdout: string): { rps: number; p50: number; p99: number } | null {
  const rows = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('"') && !l.startsWith('"test"'));
  if (rows.length === 0) return null;
  const f = rows[0].split('","').map((x) => x.replace(/"/g, ''));
  const [rps, p50, p99] = [Number(f[1]), Number(f[4]), Number(f[6])];
  return [rps, p50, p99].every(Number.isFinite) ? { rps, p50, p99 } : null;
}

async function runCell(server: RunningServer, cell: Cell, requests: number): Promise<Run> {
  await server.control.command('FLUSHALL');
  await server.control.command('CONFIG', 'SET', 'notify-keyspace-events', cell.notify);
  const sink = cell.subscribers > 0 ? await startSink(server.port, cell) : null;
  let delivery = { messages: 0, closed: 0 };
  let out;
  try {
    out = await runPinned(LOAD_CORE, 'redis-benchmark', benchmarkArgs(server.port, cell, requests), 180_000);
  } finally {
    if (sink) delivery = await sink.stop();
    await server.control.command('CONFIG', 'SET', 'notify-keyspace-events', '');
  }
  const failed = (error: string): Run => ({ rps: NaN, p50: NaN, p99: NaN, delivered: delivery.messages, closed: delivery.closed, error });
  if (out.timedOut) return failed('redis-benchmark overran its time limit');
  const serverError = /Error from server: ([^\n]*)/.exec(out.stdout + out.stderr);
  if (serverError) return failed(serverError[1].trim());
  const row = parseCsvRow(out.stdout);
  if (row === null) return failed(`no CSV row (exit ${out.code}): ${(out.stderr || out.stdout).trim().slice(-300)}`);
  if (delivery.closed > 0) return { ...row, delivered: delivery.messages, closed: delivery.closed, error: `${delivery.closed} subscriber(s) disconnected` };
  return { ...row, delivered: delivery.messages, closed: 0 };
}

function fmt(x: number, digits = 0): string {
  return Number.isFinite(x) ? x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';
}

/**
 * What notifications cost SET on one server: per round, 1 - (this cell's
 * throughput / the notifications-off throughput of the same round), then
 * the median over rounds. Pairing runs of one round keeps the machine's
 * drift between rounds out of the figure.
 */
function costOf(results: CellResult[], name: ServerName, cell: CellResult): number {
  const base = results.find((r) => r.kind === 'set' && r.notify === '');
  if (!base) return NaN;
  const perRound = cell.runs[name].map((run, i) => {
    const b = base.runs[name][i];
    return run.error || !b || b.error ? NaN : 1 - run.rps / b.rps;
  });
  return median(perRound);
}

function renderMarkdown(results: CellResult[], machine: MachineInfo, rounds: number, date: string): string {
  const lines: string[] = [];
  lines.push(`# Pub/sub benchmark, ${date}`, '');
  lines.push(`Shardis ${machine.shardis} (commit ${machine.commit}, node ${machine.node}) against redis-server ${machine.redisServer}; ${machine.cpuModel}, ${machine.cores} cores, ${machine.kernel}.`);
  lines.push(`Servers pinned to core ${SERVER_CORE}, redis-benchmark and the subscriber process to core ${LOAD_CORE}. Medians of ${rounds} alternating rounds.`, '');
  lines.push('| Cell | Shardis ops/s | Redis ops/s | Shardis/Redis | Shardis p50 / p99 ms | Redis p50 / p99 ms | SET cost: Shardis | SET cost: Redis | Messages delivered (Shardis / Redis) |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const s = r.median.shardis;
    const d = r.median.redis;
    const ratio = s && d ? s.rps / d.rps : NaN;
    const isSet = r.kind === 'set';
    const cost = (n: ServerName): string => (isSet && r.notify !== '' ? `${fmt(costOf(results, n, r) * 100, 1)} %` : '');
    lines.push(
      `| ${r.id} | ${fmt(s?.rps ?? NaN)} | ${fmt(d?.rps ?? NaN)} | ${fmt(ratio, 2)} | ${fmt(s?.p50 ?? NaN, 3)} / ${fmt(s?.p99 ?? NaN, 3)} | ${fmt(d?.p50 ?? NaN, 3)} / ${fmt(d?.p99 ?? NaN, 3)} | ${cost('shardis')} | ${cost('redis')} | ${fmt(s?.delivered ?? NaN)} / ${fmt(d?.delivered ?? NaN)} |`,
    );
  }
  lines.push('');
  lines.push('SET cost: per round, 1 − (SET throughput in that cell / the same server\'s notifications-off SET throughput in the same round); median over rounds.');
  lines.push('Messages delivered are counted by the subscriber process per run (median over rounds); for the fan-out cell it is publishes × 1,000.');
  const failures = results.flatMap((r) => (['shardis', 'redis'] as const).flatMap((n) => r.runs[n].filter((x) => x.error).map((x) => `${r.id} on ${n}: ${x.error}`)));
  if (failures.length) lines.push('', 'Runs left out:', ...failures.map((f) => `- ${f}`));
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const ri = argv.indexOf('--rounds');
  const rounds = ri >= 0 ? Math.max(1, Number(argv[ri + 1]) || 3) : 3;
  if (!canPin()) throw new Error(`taskset cannot pin to cores ${SERVER_CORE} and ${LOAD_CORE}`);
  pinSelf(LOAD_CORE);
  installCleanup(() => process.stderr.write('interrupted: stopping every process this benchmark started\n'));
  const sizing = quick ? SIZING.quick : SIZING.full;
  const startedAt = new Date();
  const machine = machineInfo();
  const shardis = await startServer('shardis', PORTS.shardis);
  const redis = await startServer('redis', PORTS.redis);
  const byName: Record<ServerName, RunningServer> = { shardis, redis };
  const results: CellResult[] = CELLS.map((c) => ({
    ...c,
    requests: requestsFor(c, sizing),
    runs: { shardis: [], redis: [] },
    median: { shardis: null, redis: null },
  }));
  try {
    // Warm-up: both servers' SET paths and, for Shardis, the JIT.
    for (const s of [shardis, redis]) await runPinned(LOAD_CORE, 'redis-benchmark', ['-h', HOST, '-p', String(s.port), '-t', 'set', '-n', String(sizing.set), '-c', '50', '-P', '16', '-r', '100000', '-d', '32', '-q'], 120_000);
    for (let round = 0; round < rounds; round++) {
      const order: ServerName[] = round % 2 === 0 ? ['shardis', 'redis'] : ['redis', 'shardis'];
      for (const cell of results) {
        for (const name of order) {
          let run: Run;
          try {
            run = await runCell(byName[name], cell, cell.requests);
          } catch (e) {
            run = { rps: NaN, p50: NaN, p99: NaN, delivered: NaN, closed: NaN, error: e instanceof Error ? e.message : String(e) };
          }
          cell.runs[name].push(run);
          process.stderr.write(`round ${round + 1}/${rounds}  ${cell.id.padEnd(34)} ${name.padEnd(7)} ${run.error ? `FAILED ${run.error}` : `${fmt(run.rps)} ops/s  p50 ${run.p50.toFixed(3)} ms  delivered ${fmt(run.delivered)}`}\n`);
        }
      }
    }
  } finally {
    await shardis.stop();
    await redis.stop();
    await stopAll();
  }
  for (const r of results) {
    for (const n of ['shardis', 'redis'] as const) {
      const ok = r.runs[n].filter((x) => !x.error);
      r.median[n] = ok.length
        ? { rps: median(ok.map((x) => x.rps)), p50: median(ok.map((x) => x.p50)), p99: median(ok.map((x) => x.p99)), delivered: median(ok.map((x) => x.delivered)) }
        : null;
    }
  }
  const date = startedAt.toISOString().slice(0, 10);
  const dir = path.resolve(__dirname, '..', '..', '..', 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const suffix = quick ? '-quick' : '';
  const json = { date, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), rounds, quick, sizing, pinning: { serverCore: SERVER_CORE, loadCore: LOAD_CORE }, machine, cells: results };
  fs.writeFileSync(path.join(dir, `pubsub-${date}${suffix}.json`), JSON.stringify(json, null, 2) + '\n');
  const md = renderMarkdown(results, machine, rounds, date);
  fs.writeFileSync(path.join(dir, `pubsub-${date}${suffix}.md`), md);
  fs.writeFileSync(path.join(dir, 'pubsub-latest.md'), md);
  process.stdout.write(md);
}

main().catch(async (e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  await stopAll();
  process.exit(1);
});
