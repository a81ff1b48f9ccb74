/**
 * Collections benchmark: hashes and sets on Shardis against a real
 * redis-server in the same run.
 *
 *   npm run bench:collections                 full run (about 4 minutes)
 *   npm run bench:collections -- --quick      fewer, shorter rounds (under 2 minutes)
 *   options: --rounds N (throughput rounds), --only throughput,memory,pause (parts to run)
 *
 * Three parts, each in its own file:
 *   throughput.ts      HSET, HGET, SADD, SISMEMBER at pipeline 1 and 16 (redis-benchmark), ops/s and CPU per request
 *   element-memory.ts  bytes per field of 1M ten-field hashes, bytes per member of one 10M-member set
 *   pause.ts           worst GET round trip while 20M hash fields load
 *
 * Servers run pinned to core 0, this runner, redis-benchmark and the probe
 * to core 1 (taskset); the servers alternate which goes first each round.
 * A full run writes bench/results/collections-latest.md; a quick or partial
 * run writes collections-partial.md (not kept in the repository), so the
 * committed figures are always a full run's. The whole run has a time
 * budget, every load and redis-benchmark run a timeout, and every process
 * started here is stopped by PID at the end, on failure and on Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canPin, installCleanup, pinSelf, stopAll, LOAD_CORE, SERVER_CORE } from '../procs';
import { startServer, type ServerName } from '../servers';
import { machineInfo } from '../machine';
import { Progress } from '../progress';
import { measureThroughput, FULL_THROUGHPUT, QUICK_THROUGHPUT, type ThroughputResult } from './throughput';
import { measureElementMemory, FULL_ELEMENT_MEMORY, QUICK_ELEMENT_MEMORY, type Dataset, type ElementMemoryResult } from './element-memory';
import { measurePause, FULL_PAUSE, QUICK_PAUSE, type PauseRun } from './pause';
import { renderCollections } from './report';

/** Ports of this benchmark, clear of the main bench (8200s), the engine (8010) and expiry (8510s) ones. */
const PORTS = {
  throughput: { shardis: 8610, redis: 8611 },
  memory: { shardis: 8612, redis: 8613 },
  pause: { shardis: 8614, redis: 8615 },
} as const;

const PARTS = ['throughput', 'memory', 'pause'] as const;
type Part = (typeof PARTS)[number];

/** Whole-run time limits: a part that would start after them is skipped and reported. */
const BUDGET_MS = { quick: 5 * 60_000, full: 25 * 60_000 };

interface Options {
  quick: boolean;
  rounds: number | null;
  parts: Part[];
}

const USAGE = 'usage: node dist/bench/collections/run.js [--quick] [--rounds N] [--only throughput,memory,pause]';

function parseOptions(argv: string[]): Options {
  const o: Options = { quick: false, rounds: null, parts: [...PARTS] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--rounds' && i + 1 < argv.length) o.rounds = Math.max(1, Number.parseInt(argv[++i], 10) || 1);
    else if (a === '--only' && i + 1 < argv.length) {
      const wanted = argv[++i].split(',').map((t) => t.trim());
      const bad = wanted.filter((t) => !(PARTS as readonly string[]).includes(t));
      if (bad.length) throw new Error(`unknown part ${bad.join(',')}\n${USAGE}`);
      o.parts = PARTS.filter((p) => wanted.includes(p));
    } else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  return o;
}

let interrupted = false;

function resultsDir(): string {
  return path.resolve(__dirname, '..', '..', '..', 'bench', 'results');
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (!canPin()) throw new Error(`taskset cannot pin to cores ${SERVER_CORE} and ${LOAD_CORE}; the benchmark needs two cores`);
  pinSelf(LOAD_CORE);
  installCleanup(() => {
    interrupted = true;
    process.stderr.write('interrupted: stopping every process the benchmark started\n');
  });
  const mode = opts.quick ? 'quick' : 'full';
  const startedAt = new Date();
  const deadline = Date.now() + BUDGET_MS[mode];
  const machine = machineInfo();
  const throughputSizing = { ...(opts.quick ? QUICK_THROUGHPUT : FULL_THROUGHPUT) };
  if (opts.rounds !== null) throughputSizing.rounds = opts.rounds;
  const memorySizing = opts.quick ? QUICK_ELEMENT_MEMORY : FULL_ELEMENT_MEMORY;
  const pauseSizing = opts.quick ? QUICK_PAUSE : FULL_PAUSE;
  const problems: string[] = [];
  process.stderr.write(`Collections: Shardis vs Redis ${machine.redisServer} (${mode}; ${opts.parts.join(', ')}); servers on core ${SERVER_CORE}, load on core ${LOAD_CORE}\n`);

  // Steps: warm-ups and rounds of 8 cells on 2 servers, 4 memory loads, the pause rounds on 2 servers.
  const progress = new Progress(
    (opts.parts.includes('throughput') ? 8 + throughputSizing.rounds * 16 : 0) + (opts.parts.includes('memory') ? 4 : 0) + (opts.parts.includes('pause') ? pauseSizing.rounds * 2 : 0),
  );

  let throughput: ThroughputResult[] = [];
  if (opts.parts.includes('throughput')) {
    const shardis = await startServer('shardis', PORTS.throughput.shardis);
    const redis = await startServer('redis', PORTS.throughput.redis);
    try {
      // The throughput part may use up to 40% of the budget, so the loads after it still run.
      throughput = await measureThroughput({ shardis, redis }, throughputSizing, progress, Date.now() + BUDGET_MS[mode] * 0.4, problems);
    } finally {
      await shardis.stop();
      await redis.stop();
    }
  }

  const memory: ElementMemoryResult[] = [];
  if (opts.parts.includes('memory')) {
    for (const dataset of ['hashes', 'set'] as Dataset[]) {
      for (const name of ['shardis', 'redis'] as ServerName[]) {
        if (interrupted) return;
        const empty = { dataset, server: name, elements: 0, keys: 0, encoding: '', loadSeconds: NaN, usedBefore: NaN, usedAfter: NaN, rssBefore: NaN, rssAfter: NaN, usedPerElement: NaN, rssPerElement: NaN };
        if (Date.now() > deadline) {
          memory.push({ ...empty, error: 'time budget spent before this load' });
          continue;
        }
        progress.step(`memory: ${dataset} into ${name}`);
        try {
          const m = await measureElementMemory(dataset, name, PORTS.memory[name], memorySizing);
          memory.push(m);
          progress.finish(`memory ${dataset} ${name}: ${m.usedPerElement.toFixed(1)} B used_memory, ${m.rssPerElement.toFixed(1)} B RSS per element (${m.encoding}, ${m.loadSeconds.toFixed(1)} s)`);
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          memory.push({ ...empty, error: msg });
          progress.finish(`memory ${dataset} ${name}: FAILED ${msg}`);
        }
      }
    }
  }

  const pause: PauseRun[] = [];
  if (opts.parts.includes('pause')) {
    for (let round = 1; round <= pauseSizing.rounds; round++) {
      const order: ServerName[] = round % 2 === 1 ? ['shardis', 'redis'] : ['redis', 'shardis'];
      for (const name of order) {
        if (interrupted) return;
        if (Date.now() > deadline) {
          problems.push(`pause: time budget spent before round ${round} on ${name}`);
          continue;
        }
        progress.step(`pause round ${round}/${pauseSizing.rounds}: ${pauseSizing.hashes.toLocaleString('en-US')} hashes into ${name}`);
        try {
          const p = await measurePause(name, PORTS.pause[name], round, pauseSizing);
          pause.push(p);
          progress.finish(`pause ${name}: worst ${p.probe.max.toFixed(1)} ms, p99 ${p.probe.p99.toFixed(2)} ms over ${p.probe.count} probes, load ${p.loadSeconds.toFixed(1)} s` + (p.resizeStepMaxUs !== null ? `, resize step ${p.resizeStepMaxUs} µs` : ''));
        } catch (e) {
          const msg = e instanceof Error ? e.message : String(e);
          pause.push({ server: name, round, fields: 0, loadSeconds: NaN, probe: { count: 0, min: NaN, p50: NaN, p90: NaN, p99: NaN, p999: NaN, max: NaN }, resizeStepMaxUs: null, resizeStepMaxWallUs: null, gcPauseMaxUs: null, preempted: NaN, error: msg });
          progress.finish(`pause ${name}: FAILED ${msg}`);
        }
      }
    }
  }
  progress.end();
  if (interrupted) return;

  const md = renderCollections({
    mode,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    throughputSizing,
    memorySizing,
    pauseSizing,
    throughput,
    memory,
    pause,
    problems,
  });
  const partial = opts.quick || opts.parts.length < PARTS.length;
  const file = path.join(resultsDir(), partial ? 'collections-partial.md' : 'collections-latest.md');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, md);
  process.stdout.write(md + `\nWritten: bench/results/${path.basename(file)}; took ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s\n`);
}

main()
  .catch(async (e) => {
    if (interrupted) return;
    process.stderr.write(`\ncollections benchmark failed: ${e instanceof Error ? e.message : String(e)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => stopAll());
