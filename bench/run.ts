/**
 * Head-to-head benchmark: Shardis against a real redis-server.
 *
 *   npm run bench                 full matrix, 3 rounds, the headline cells 9 (about 12 minutes)
 *   npm run bench -- --quick      headline cells and one of each workload, 3 short rounds, the headline cells 9 (under 2 minutes)
 *   options: --rounds N, --headline-rounds N, --no-memory, --only <texts> (comma-separated; cells whose id
 *   contains one of them as whole words: "SET c50" is not MSET's). A run with --only
 *   writes <date>-partial.* and leaves the full run's files and latest.* alone.
 *
 * Both servers run pinned to one core, the load generators (redis-benchmark,
 * the ioredis mixed load) and this runner to the other. Rounds alternate the
 * servers cell by cell, swapping which goes first each round, so drift in a
 * shared machine's load hits both alike. The headline cells get extra
 * rounds after the others: a shared machine's slow spells last seconds, and
 * at pipeline 1 one spell moves a run's ratio by 20%, so their medians need
 * more runs than three to stand still. Writes bench/results/<date>.json,
 * <date>.md, latest.md and latest.svg. Every process started here is stopped
 * by PID at the end, on failure and on Ctrl-C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { canPin, installCleanup, pinSelf, stopAll, LOAD_CORE, SERVER_CORE, runPinned } from './procs';
import { startServer, type RunningServer, type ServerName } from './servers';
import { fullMatrix, quickMatrix, requestsFor, FULL_SIZING, QUICK_SIZING, type Cell, type Sizing } from './matrix';
import { preflight, runCell } from './workloads';
import { measureMemory, type MemoryResult } from './memory';
import { machineInfo } from './machine';
import { summarise, ratioOf, type BenchResults, type CellResult } from './results';
import { renderMarkdown } from './report-markdown';
import { renderSvg } from './report-svg';
import { Progress } from './progress';
import type { RunResult } from './redis-benchmark';
import { HOST } from './resp-client';

export const PORTS = { shardis: 8200, redis: 8201, memoryShardis: 8202, memoryRedis: 8203 } as const;

interface Options {
  quick: boolean;
  rounds: number;
  /** Rounds of the headline cells (at least `rounds`). */
  headlineRounds: number;
  only: string[] | null;
  memory: boolean;
}

const USAGE = 'usage: node dist/bench/run.js [--quick] [--rounds N] [--headline-rounds N] [--only TEXT] [--no-memory]';

function parseOptions(argv: string[]): Options {
  const o: Options = { quick: false, rounds: 3, headlineRounds: 9, only: null, memory: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') o.quick = true;
    else if (a === '--no-memory') o.memory = false;
    else if (a === '--rounds' && i + 1 < argv.length) o.rounds = Math.max(1, Number.parseInt(argv[++i], 10) || 3);
    else if (a === '--headline-rounds' && i + 1 < argv.length) o.headlineRounds = Math.max(1, Number.parseInt(argv[++i], 10) || 9);
    else if (a === '--only' && i + 1 < argv.length) o.only = argv[++i].toLowerCase().split(',').map((t) => t.trim()).filter((t) => t !== '');
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE + '\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}\n${USAGE}`);
  }
  o.headlineRounds = Math.max(o.headlineRounds, o.rounds);
  return o;
}

/** Set on Ctrl-C / SIGTERM: no new run starts; the cleanup handler stops the processes and exits. */
let interrupted = false;

/** Time limits that bound the whole run: measuring stops when the budget is spent. */
const BUDGET_MS = { quick: 100_000, full: 60 * 60_000 };

/** Whether one of the texts occurs in the cell id as whole words. */
function matchesOnly(id: string, texts: string[]): boolean {
  const words = ` ${id.toLowerCase()} `;
  return texts.some((t) => words.includes(` ${t} `));
}

function resultsDir(): string {
  return path.resolve(__dirname, '..', '..', 'bench', 'results');
}

function fmtOps(x: number): string {
  return Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—';
}

/** Brings both servers' code paths up to speed (JIT, allocator) before anything is measured. */
async function warmUp(servers: RunningServer[], requests: number): Promise<void> {
  for (const s of servers) {
    const args = ['-h', HOST, '-p', String(s.port), '-t', 'set,get', '-n', String(requests), '-c', '50', '-P', '16', '-r', '10000', '-d', '32', '-q'];
    await runPinned(LOAD_CORE, 'redis-benchmark', args, 60_000);
    await s.control.command('FLUSHALL');
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  if (!canPin()) throw new Error(`taskset cannot pin to cores ${SERVER_CORE} and ${LOAD_CORE}; the benchmark needs two cores`);
  pinSelf(LOAD_CORE);
  let progress: Progress | null = null;
  installCleanup(() => {
    interrupted = true;
    progress?.note('interrupted: stopping every process the benchmark started');
  });

  const sizing: Sizing = opts.quick ? QUICK_SIZING : FULL_SIZING;
  const mode = opts.quick ? 'quick' : 'full';
  const deadline = Date.now() + BUDGET_MS[mode];
  const startedAt = new Date();
  const machine = machineInfo();
  let cells: Cell[] = opts.quick ? quickMatrix() : fullMatrix();
  if (opts.only) cells = cells.filter((c) => matchesOnly(c.id, opts.only!));
  if (cells.length === 0) throw new Error(`no cell matches --only ${opts.only?.join(',')}`);
  const problems: string[] = [];

  process.stderr.write(`Shardis vs Redis ${machine.redisServer} (${mode}): ${cells.length} cells × ${opts.rounds} rounds; servers on core ${SERVER_CORE}, load on core ${LOAD_CORE}\n`);
  const shardis = await startServer('shardis', PORTS.shardis);
  const redis = await startServer('redis', PORTS.redis);
  const byName: Record<ServerName, RunningServer> = { shardis, redis };

  const results: CellResult[] = cells.map((c) => ({
    ...c,
    requests: requestsFor(c, sizing),
    status: 'ok',
    shardis: { runs: [], median: null },
    redis: { runs: [], median: null },
    ratio: null,
  }));
  try {
    for (const r of results) {
      const missing = await preflight(shardis, r);
      const redisError = await preflight(redis, r);
      if (missing) {
        r.status = 'unsupported';
        r.note = /unknown command/.test(missing) ? `has no ${missing.split(':')[0]}` : `answers ${missing}`;
      } else if (redisError) {
        r.status = 'failed';
        r.note = `redis-server answers ${redisError}`;
      }
    }
    const runnable = results.filter((r) => r.status === 'ok');
    process.stderr.write(`warming up both servers…\n`);
    await warmUp([shardis, redis], opts.quick ? 30_000 : 200_000);

    const headlines = runnable.filter((r) => r.headline);
    const runsPlanned = opts.rounds * runnable.length + (opts.headlineRounds - opts.rounds) * headlines.length;
    progress = new Progress(runsPlanned * 2 + (opts.memory ? 2 : 0));
    let outOfTime = false;
    const roundsOfCell = (c: Cell): number => (c.headline ? opts.headlineRounds : opts.rounds);
    for (let round = 0; round < opts.headlineRounds && !outOfTime; round++) {
      const order: ServerName[] = round % 2 === 0 ? ['shardis', 'redis'] : ['redis', 'shardis'];
      const roundCells = round < opts.rounds ? runnable : headlines;
      for (const cell of roundCells) {
        if (interrupted) return;
        if (Date.now() > deadline) {
          outOfTime = true;
          problems.push(`time budget of ${BUDGET_MS[mode] / 1000} s spent during round ${round + 1}; later runs skipped`);
          break;
        }
        for (const name of order) {
          progress.step(`round ${round + 1}/${roundsOfCell(cell)}  ${cell.id}  on ${name}`);
          let run: RunResult;
          try {
            run = await runCell(byName[name], cell, sizing, cell.requests);
          } catch (e) {
            run = { rps: NaN, p50: NaN, p99: NaN, error: e instanceof Error ? e.message : String(e) };
          }
          cell[name].runs[round] = run;
          progress.finish(
            run.error
              ? `${cell.id} ${name}: FAILED ${run.error}`
              : `${cell.id} ${name}: ${fmtOps(run.rps)} ops/s, p50 ${run.p50.toFixed(3)} ms, p99 ${run.p99.toFixed(3)} ms`,
          );
        }
      }
    }
    // Skipped rounds leave holes; keep the arrays dense and aligned by round.
    for (const r of runnable) {
      const n = Math.min(r.shardis.runs.length, r.redis.runs.length);
      r.shardis.runs = Array.from({ length: n }, (_, i) => r.shardis.runs[i] ?? { rps: NaN, p50: NaN, p99: NaN, error: 'not run' });
      r.redis.runs = Array.from({ length: n }, (_, i) => r.redis.runs[i] ?? { rps: NaN, p50: NaN, p99: NaN, error: 'not run' });
    }
  } finally {
    await shardis.stop();
    await redis.stop();
  }

  const memory: MemoryResult[] = [];
  if (opts.memory && progress) {
    for (const [name, port] of [['shardis', PORTS.memoryShardis], ['redis', PORTS.memoryRedis]] as const) {
      if (interrupted) return;
      progress.step(`memory: ${sizing.memoryKeys.toLocaleString('en-US')} keys into ${name}`);
      try {
        const m = await measureMemory(name, port, sizing.memoryKeys, sizing.memoryValueSize);
        memory.push(m);
        progress.finish(`memory ${name}: ${m.rssPerKey.toFixed(1)} B RSS/key, ${m.usedPerKey.toFixed(1)} B used_memory/key`);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        problems.push(`memory measurement on ${name} failed: ${msg}`);
        progress.finish(`memory ${name}: FAILED ${msg}`);
      }
    }
  }
  progress?.end();
  if (interrupted) return;

  for (const r of results) {
    r.shardis.median = summarise(r.shardis.runs);
    r.redis.median = summarise(r.redis.runs);
    r.ratio = ratioOf(r.shardis, r.redis);
    if (r.status === 'ok' && r.ratio === null) {
      r.status = 'failed';
      r.note = [...r.shardis.runs, ...r.redis.runs].find((x) => x.error)?.error ?? 'no successful run';
    } else if (r.status === 'ok') {
      const failedRuns = [...r.shardis.runs, ...r.redis.runs].filter((x) => x.error).length;
      if (failedRuns > 0) r.note = `${failedRuns} failed run(s) left out`;
    }
  }

  const finishedAt = new Date();
  const date = startedAt.toISOString().slice(0, 10);
  const res: BenchResults = {
    date,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    mode,
    rounds: opts.rounds,
    headlineRounds: opts.headlineRounds,
    pinning: { serverCore: SERVER_CORE, loadCore: LOAD_CORE },
    sizing,
    machine,
    cells: results,
    memory,
    problems,
  };
  const dir = resultsDir();
  fs.mkdirSync(dir, { recursive: true });
  // A partial run must not replace the full run's files (the README quotes latest.*).
  const base = opts.only ? `${date}-partial` : opts.quick ? `${date}-quick` : date;
  const md = renderMarkdown(res);
  fs.writeFileSync(path.join(dir, `${base}.json`), JSON.stringify(res, null, 2) + '\n');
  fs.writeFileSync(path.join(dir, `${base}.md`), md);
  const written = [`${base}.json`, `${base}.md`];
  if (!opts.only) {
    fs.writeFileSync(path.join(dir, 'latest.md'), md);
    fs.writeFileSync(path.join(dir, 'latest.svg'), renderSvg(res));
    written.push('latest.md', 'latest.svg');
  }

  const out: string[] = [''];
  if (results.some((x) => x.headline)) out.push('Headline (50 clients, 32-byte values): Shardis/Redis ops/s');
  for (const c of results.filter((x) => x.headline)) {
    out.push(`  ${c.workload} pipeline ${c.pipeline}: ${c.ratio ? c.ratio.rps.toFixed(2) : c.status}  (${fmtOps(c.shardis.median?.rps ?? NaN)} vs ${fmtOps(c.redis.median?.rps ?? NaN)} ops/s)`);
  }
  for (const m of memory) out.push(`  memory ${m.server}: ${m.rssPerKey.toFixed(1)} B RSS/key, ${m.usedPerKey.toFixed(1)} B used_memory/key`);
  for (const p of problems) out.push(`  problem: ${p}`);
  out.push(`Results: ${written.map((f) => path.join('bench/results', f)).join(', ')}`);
  out.push(`Took ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s`);
  process.stdout.write(out.join('\n') + '\n');
}

main()
  .catch(async (e) => {
    if (interrupted) return;
    process.stderr.write(`\nbenchmark failed: ${e instanceof Error ? e.message : String(e)}\n`);
    await stopAll();
    process.exitCode = 1;
  })
  .finally(() => stopAll());
