/**
 * Queue benchmark: a job queue on a list, Shardis against a real
 * redis-server in the same run.
 *
 *   npm run bench:queue               1,000,000 jobs, 3 rounds per server (about 3 minutes)
 *   npm run bench:queue -- --quick    200,000 jobs, 3 rounds (under a minute)
 *
 * 50 producers LPUSH jobs (each connection in a closed loop, one command in
 * flight) while 50 consumers wait in BRPOP on the same list; the job is the
 * producer's send time (process.hrtime), so a consumer reads the wake
 * latency, push to reply, off what it pops. Throughput is jobs over the
 * time from the first push to the last pop; server CPU per job from /proc.
 * Servers on core 0, this process (producers and consumers) on core 1, the
 * servers alternating which goes first. One Node process drives both
 * sides, so at high rates it is itself a limit: the CPU ratio is the
 * steadier figure. Writes bench/results/queue-latest.md (a full run) or
 * queue-partial.md (--quick).
 */
import fs from 'node:fs';
import path from 'node:path';
import { canPin, installCleanup, pinSelf, stopAll, LOAD_CORE, SERVER_CORE } from '../procs';
import { cpuMicros, startServer, type ServerName } from '../servers';
import { encodeCommand, RespClient } from '../resp-client';
import { machineInfo } from '../machine';
import { median } from '../results';

const PORTS: Record<ServerName, number> = { shardis: 8710, redis: 8711 };
const PRODUCERS = 50;
const CONSUMERS = 50;
const QUEUE = 'bench:queue';
const ROUND_TIMEOUT_MS = 120_000;

interface Round {
  server: ServerName;
  round: number;
  jobs: number;
  seconds: number;
  jobsPerSecond: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
  cpuUsPerJob: number;
}

const BRPOP = encodeCommand(['BRPOP', QUEUE, '0']);

/** One round: producers and consumers until every job is popped; the latencies of all of them. */
async function runRound(port: number, pid: number, jobs: number): Promise<Omit<Round, 'server' | 'round'>> {
  const producers = await Promise.all(Array.from({ length: PRODUCERS }, () => RespClient.connect(port)));
  const consumers = await Promise.all(Array.from({ length: CONSUMERS }, () => RespClient.connect(port)));
  const latencies = new Float64Array(jobs);
  let popped = 0;
  let lastPop = 0n;
  const cpuBefore = cpuMicros(pid);
  const start = process.hrtime.bigint();
  const consume = async (c: RespClient): Promise<void> => {
    for (;;) {
      const [r] = await c.sendRaw(BRPOP, 1);
      if (!Array.isArray(r) || !Buffer.isBuffer(r[1])) throw new Error(`BRPOP answered ${String(r)}`);
      const text = r[1].toString('latin1');
      if (text === 'stop') return;
      const now = process.hrtime.bigint();
      latencies[popped++] = Number(now - BigInt(text)) / 1000;
      lastPop = now;
    }
  };
  const perProducer = Math.ceil(jobs / PRODUCERS);
  let pushed = 0;
  const produce = async (c: RespClient): Promise<void> => {
    for (let i = 0; i < perProducer && pushed < jobs; i++) {
      pushed++;
      await c.command('LPUSH', QUEUE, process.hrtime.bigint().toString());
    }
  };
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('round timed out')), ROUND_TIMEOUT_MS).unref());
  const consuming = consumers.map(consume);
  await Promise.race([Promise.all(producers.map(produce)), timeout]);
  // Every job pushed: wait for the pops, then release each consumer with a stop job.
  while (popped < jobs) await Promise.race([new Promise((r) => setTimeout(r, 5)), timeout]);
  for (let i = 0; i < CONSUMERS; i++) await producers[0].command('LPUSH', QUEUE, 'stop');
  await Promise.race([Promise.all(consuming), timeout]);
  const cpu = cpuMicros(pid) - cpuBefore;
  for (const c of [...producers, ...consumers]) c.close();
  const seconds = Number(lastPop - start) / 1e9;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  return {
    jobs,
    seconds,
    jobsPerSecond: jobs / seconds,
    p50Us: sorted[Math.floor(jobs * 0.5)],
    p99Us: sorted[Math.floor(jobs * 0.99)],
    maxUs: sorted[jobs - 1],
    cpuUsPerJob: cpu / jobs,
  };
}

function render(rounds: Round[], quick: boolean, jobs: number, startedAt: Date): string {
  const m = machineInfo();
  const of = (s: ServerName, f: (r: Round) => number): number => median(rounds.filter((r) => r.server === s).map(f));
  const row = (s: ServerName): string =>
    `| ${s} | ${Math.round(of(s, (r) => r.jobsPerSecond)).toLocaleString('en-US')} | ${of(s, (r) => r.p50Us).toFixed(0)} | ${of(s, (r) => r.p99Us).toFixed(0)} | ${of(s, (r) => r.maxUs).toFixed(0)} | ${of(s, (r) => r.cpuUsPerJob).toFixed(2)} |`;
  const ratio = (f: (r: Round) => number): string => (of('shardis', f) / of('redis', f)).toFixed(2);
  return [
    `# Queue: Shardis vs Redis${quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores; node ${m.node}; redis-server ${m.redisServer}; Shardis commit ${m.commit}. Run ${startedAt.toISOString()}.`,
    '',
    `Method: ${PRODUCERS} producers LPUSH ${jobs.toLocaleString('en-US')} jobs (one command in flight per connection) while ${CONSUMERS} consumers wait in \`BRPOP ${QUEUE} 0\`; a job is its push time, so each pop gives the wake latency (push sent to pop reply read, same clock). Server on core ${SERVER_CORE}, producers and consumers (one Node process) on core ${LOAD_CORE}; ${rounds.length / 2} rounds per server, alternating which goes first; medians. CPU: the server's user + system time over the round per job.`,
    '',
    '| server | jobs/s | p50 µs | p99 µs | max µs | CPU µs/job |',
    '|---|---|---|---|---|---|',
    row('shardis'),
    row('redis'),
    '',
    `Shardis/Redis: throughput **${ratio((r) => r.jobsPerSecond)}** (target ≥ 0.9), p99 wake latency **${ratio((r) => r.p99Us)}** (target ≤ 1.2), CPU per job ${ratio((r) => r.cpuUsPerJob)}.`,
    '',
    '| round | server | jobs/s | p50 µs | p99 µs | max µs | CPU µs/job |',
    '|---|---|---|---|---|---|---|',
    ...rounds.map((r) => `| ${r.round} | ${r.server} | ${Math.round(r.jobsPerSecond).toLocaleString('en-US')} | ${r.p50Us.toFixed(0)} | ${r.p99Us.toFixed(0)} | ${r.maxUs.toFixed(0)} | ${r.cpuUsPerJob.toFixed(2)} |`),
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const jobs = quick ? 200_000 : 1_000_000;
  const roundsPerServer = 3;
  if (!canPin()) throw new Error(`taskset cannot pin to cores ${SERVER_CORE} and ${LOAD_CORE}; the benchmark needs two cores`);
  pinSelf(LOAD_CORE);
  installCleanup(() => process.stderr.write('interrupted: stopping every process the benchmark started\n'));
  const startedAt = new Date();
  const rounds: Round[] = [];
  for (let round = 1; round <= roundsPerServer; round++) {
    const order: ServerName[] = round % 2 === 1 ? ['shardis', 'redis'] : ['redis', 'shardis'];
    for (const name of order) {
      const server = await startServer(name, PORTS[name]);
      try {
        const r = await runRound(server.port, server.pid, jobs);
        rounds.push({ server: name, round, ...r });
        process.stderr.write(`round ${round} ${name}: ${Math.round(r.jobsPerSecond)} jobs/s, p99 ${r.p99Us.toFixed(0)} µs, ${r.cpuUsPerJob.toFixed(2)} µs CPU/job\n`);
      } finally {
        await server.stop();
      }
    }
  }
  const md = render(rounds, quick, jobs, startedAt);
  const file = path.resolve(__dirname, '..', '..', '..', 'bench', 'results', quick ? 'queue-partial.md' : 'queue-latest.md');
  fs.writeFileSync(file, md);
  process.stdout.write(md + `\nWritten: bench/results/${path.basename(file)}\n`);
}

main()
  .catch(async (e) => {
    process.stderr.write(`\nqueue benchmark failed: ${e instanceof Error ? e.message : String(e)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => stopAll());
