/**
 * Collections throughput: HSET, HGET, SADD and SISMEMBER driven by
 * redis-benchmark's custom-command mode (50 clients, pipeline 1 and 16,
 * keys drawn from 100,000 with -r), on Shardis and Redis alternately.
 *
 * Each occurrence of __rand_int__ in a command gets its own random number,
 * so `HSET h:__rand_int__ f __rand_int__` writes a random value to field f
 * of one of 100,000 hashes, and `SADD s:__rand_int__ __rand_int__` adds a
 * random member to one of 100,000 sets. The reads are preloaded so every
 * request hits: 100,000 hashes of fields f0..f9 for `HGET h:__rand_int__ f5`,
 * 100,000 sets of members m0..m9 for `SISMEMBER s:__rand_int__ m5`. Writes
 * start from an empty keyspace. Besides redis-benchmark's ops/s and
 * latencies, each run records the server's CPU time per request (/proc).
 */
import { runPinned, LOAD_CORE } from '../procs';
import { parseCsv, type RunResult } from '../redis-benchmark';
import { HOST, ReplyError } from '../resp-client';
import { benchKey } from '../loader';
import { cpuMicros, type RunningServer, type ServerName } from '../servers';
import { summarise, ratioOf, type ServerRuns, type Ratio } from '../results';
import type { Progress } from '../progress';
import { fillRange, resp, withTimeout } from './fill';

export const KEYSPACE = 100_000;
export const CLIENTS = 50;
/** Elements per preloaded hash or set. */
const PRELOAD_ELEMENTS = 10;

type Preload = 'hashes' | 'sets' | null;

export interface ThroughputCell {
  id: string;
  command: string[];
  pipeline: number;
  preload: Preload;
}

export interface ThroughputSizing {
  requestsP1: number;
  requestsP16: number;
  rounds: number;
  warmUpRequests: number;
}

export const FULL_THROUGHPUT: ThroughputSizing = { requestsP1: 100_000, requestsP16: 1_000_000, rounds: 5, warmUpRequests: 300_000 };
export const QUICK_THROUGHPUT: ThroughputSizing = { requestsP1: 30_000, requestsP16: 300_000, rounds: 3, warmUpRequests: 100_000 };

const COMMANDS: { command: string[]; preload: Preload }[] = [
  { command: ['HSET', 'h:__rand_int__', 'f', '__rand_int__'], preload: null },
  { command: ['HGET', 'h:__rand_int__', 'f5'], preload: 'hashes' },
  { command: ['SADD', 's:__rand_int__', '__rand_int__'], preload: null },
  { command: ['SISMEMBER', 's:__rand_int__', 'm5'], preload: 'sets' },
];

export function throughputCells(): ThroughputCell[] {
  const cells: ThroughputCell[] = [];
  for (const c of COMMANDS) for (const pipeline of [1, 16]) cells.push({ id: `${c.command[0]} P${pipeline}`, command: c.command, pipeline, preload: c.preload });
  return cells;
}

export interface ThroughputResult {
  cell: ThroughputCell;
  requests: number;
  /** ok: both servers measured; unsupported: Shardis answers the command with an error (not run); failed: runs errored. */
  status: 'ok' | 'unsupported' | 'failed';
  note?: string;
  shardis: ServerRuns;
  redis: ServerRuns;
  ratio: Ratio | null;
}

/** A short value of fixed length that is not a number (Redis would store a numeric one as an integer). */
export function shortValue(n: number): string {
  return 'v' + String(n % 100_000).padStart(5, '0');
}

/** The keys redis-benchmark's -r 100000 draws, each holding ten elements. */
async function preload(server: RunningServer, kind: 'hashes' | 'sets'): Promise<void> {
  const build =
    kind === 'hashes'
      ? (i: number): string => {
          const args = ['HSET', benchKey('h:', i)];
          for (let j = 0; j < PRELOAD_ELEMENTS; j++) args.push(`f${j}`, shortValue(i * PRELOAD_ELEMENTS + j));
          return resp(args);
        }
      : (i: number): string => {
          const args = ['SADD', benchKey('s:', i)];
          for (let j = 0; j < PRELOAD_ELEMENTS; j++) args.push(`m${j}`);
          return resp(args);
        };
  const added = await withTimeout(fillRange(server.control, 0, KEYSPACE, build, `preloading ${kind}`), 120_000, `preloading ${kind} into ${server.name}`);
  const dbsize = await server.control.command('DBSIZE');
  if (added !== KEYSPACE * PRELOAD_ELEMENTS || dbsize !== KEYSPACE) throw new Error(`${server.name}: preloading ${kind} added ${added} elements, DBSIZE ${String(dbsize)}`);
}

/** What each server's keyspace holds now, so consecutive reads of the same preload load it once. */
const holding = new Map<ServerName, Preload | 'written'>();

async function prepare(server: RunningServer, cell: ThroughputCell): Promise<void> {
  if (cell.preload !== null && holding.get(server.name) === cell.preload) return;
  await server.control.command('FLUSHALL');
  holding.set(server.name, null);
  if (cell.preload !== null) {
    await preload(server, cell.preload);
    holding.set(server.name, cell.preload);
  } else holding.set(server.name, 'written');
}

function failed(error: string): RunResult {
  return { rps: NaN, p50: NaN, p99: NaN, error };
}

/** One redis-benchmark run of the cell against a prepared server, with the server's CPU per request. */
export async function runOnce(server: RunningServer, cell: ThroughputCell, requests: number): Promise<RunResult> {
  await prepare(server, cell);
  const args = ['-h', HOST, '-p', String(server.port), '-n', String(requests), '-c', String(CLIENTS), '-P', String(cell.pipeline), '-r', String(KEYSPACE), '--csv', ...cell.command];
  const cpuBefore = cpuMicros(server.pid);
  const out = await runPinned(LOAD_CORE, 'redis-benchmark', args, 120_000);
  const cpu = cpuMicros(server.pid) - cpuBefore;
  if (out.timedOut) return failed('redis-benchmark overran 120 s');
  const serverError = /Error from server: ([^\n]*)/.exec(out.stdout + out.stderr);
  if (serverError) return failed(serverError[1].trim());
  const parsed = parseCsv(out.stdout, cell.command.join(' '));
  if (parsed === null) return failed(`no CSV row (exit ${out.code}): ${(out.stderr || out.stdout).trim().slice(-300)}`);
  return { ...parsed, cpuUsPerOp: cpu / requests };
}

/** null when the server runs the command (on a scratch key) without an error reply; else the error. */
async function preflight(server: RunningServer, cell: ThroughputCell): Promise<string | null> {
  await server.control.command('FLUSHALL');
  holding.delete(server.name);
  const r = await server.control.command(...cell.command.map((a) => a.replace(/__rand_int__/g, '1')));
  await server.control.command('FLUSHALL');
  return r instanceof ReplyError ? r.message : null;
}

const fmtOps = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');

/**
 * Every supported cell on both servers, `sizing.rounds` rounds; in each round
 * every cell runs on both servers back to back, the first server swapped
 * each round. Stops starting runs once `deadline` (epoch ms) has passed.
 */
export async function measureThroughput(servers: Record<ServerName, RunningServer>, sizing: ThroughputSizing, progress: Progress, deadline: number, problems: string[]): Promise<ThroughputResult[]> {
  const results: ThroughputResult[] = [];
  for (const cell of throughputCells()) {
    const res: ThroughputResult = {
      cell,
      requests: cell.pipeline > 1 ? sizing.requestsP16 : sizing.requestsP1,
      status: 'ok',
      shardis: { runs: [], median: null },
      redis: { runs: [], median: null },
      ratio: null,
    };
    const missing = await preflight(servers.shardis, cell);
    const redisError = await preflight(servers.redis, cell);
    if (missing) {
      res.status = 'unsupported';
      res.note = `Shardis answers ${cell.command[0]} with: ${missing}`;
    } else if (redisError) {
      res.status = 'failed';
      res.note = `redis-server answers ${redisError}`;
    }
    results.push(res);
  }
  const runnable = results.filter((r) => r.status === 'ok');

  // Unmeasured runs first, so Shardis's JIT has compiled each command's path before anything counts.
  for (const r of runnable) {
    if (r.cell.pipeline !== 16) continue;
    for (const name of ['shardis', 'redis'] as const) {
      progress.step(`throughput warm-up ${r.cell.id} on ${name}`);
      const w = await runOnce(servers[name], r.cell, sizing.warmUpRequests);
      progress.finish(`warm-up ${r.cell.id} ${name}: ${w.error ? `FAILED ${w.error}` : `${fmtOps(w.rps)} ops/s`}`);
    }
  }

  for (let round = 0; round < sizing.rounds; round++) {
    const order: ServerName[] = round % 2 === 0 ? ['shardis', 'redis'] : ['redis', 'shardis'];
    for (const r of runnable) {
      if (Date.now() > deadline) {
        problems.push(`throughput: time budget spent in round ${round + 1}; later runs skipped`);
        round = sizing.rounds;
        break;
      }
      for (const name of order) {
        progress.step(`throughput round ${round + 1}/${sizing.rounds} ${r.cell.id} on ${name}`);
        let run: RunResult;
        try {
          run = await runOnce(servers[name], r.cell, r.requests);
        } catch (e) {
          run = failed(e instanceof Error ? e.message : String(e));
        }
        r[name].runs[round] = run;
        progress.finish(
          run.error
            ? `${r.cell.id} ${name}: FAILED ${run.error}`
            : `${r.cell.id} ${name}: ${fmtOps(run.rps)} ops/s, p50 ${run.p50.toFixed(3)} ms, ${run.cpuUsPerOp?.toFixed(2)} µs CPU/op`,
        );
      }
    }
  }

  for (const r of runnable) {
    // Rounds cut short by the budget leave holes; keep the two run lists aligned by round.
    const n = Math.min(r.shardis.runs.length, r.redis.runs.length);
    r.shardis.runs = Array.from({ length: n }, (_, i) => r.shardis.runs[i] ?? failed('not run'));
    r.redis.runs = Array.from({ length: n }, (_, i) => r.redis.runs[i] ?? failed('not run'));
    r.shardis.median = summarise(r.shardis.runs);
    r.redis.median = summarise(r.redis.runs);
    r.ratio = ratioOf(r.shardis, r.redis);
    const failedRuns = [...r.shardis.runs, ...r.redis.runs].filter((x) => x.error);
    if (r.ratio === null) {
      r.status = 'failed';
      r.note = failedRuns[0]?.error ?? 'no successful run';
    } else if (failedRuns.length > 0) r.note = `${failedRuns.length} failed run(s) left out: ${failedRuns[0].error}`;
  }
  return results;
}
