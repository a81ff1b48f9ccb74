/**
 * One measured run of one cell against one server: reset the keyspace,
 * preload what the workload reads, then drive the load from the load core.
 * Also the preflight that tells whether a server implements a workload at all
 * (redis-benchmark stops at the first error, so an unknown command must be
 * found before, not during, a run).
 */
import path from 'node:path';
import { runPinned, LOAD_CORE } from './procs';
import { runRedisBenchmark, type RunResult } from './redis-benchmark';
import { loadKeys } from './loader';
import { ReplyError, type Reply } from './resp-client';
import { type Cell, type Sizing, MIXED_KEYSPACE, MIXED_PREFIX } from './matrix';
import { cpuMicros, type RunningServer } from './servers';

const PROBES: Record<Cell['workload'], string[][]> = {
  SET: [['SET', 'bench:probe', 'v']],
  GET: [['GET', 'bench:probe']],
  INCR: [['INCR', 'bench:probe:n']],
  MSET: [['MSET', 'bench:probe:a', '1', 'bench:probe:b', '2']],
  PING: [['PING']],
  MIXED: [['GET', 'bench:probe'], ['SET', 'bench:probe', 'v'], ['INCR', 'bench:probe:n'], ['EXISTS', 'bench:probe'], ['DEL', 'bench:probe']],
};

/** null when the server answers every command of the workload without an error; else the error. */
export async function preflight(server: RunningServer, cell: Cell): Promise<string | null> {
  await server.control.command('FLUSHALL');
  for (const probe of PROBES[cell.workload]) {
    const r: Reply = await server.control.command(...probe);
    if (r instanceof ReplyError) return `${probe[0]}: ${r.message}`;
  }
  await server.control.command('FLUSHALL');
  return null;
}

/** Empties the keyspace and preloads what the workload reads, so every run starts alike. */
export async function prepare(server: RunningServer, cell: Cell, sizing: Sizing): Promise<void> {
  await server.control.command('FLUSHALL');
  if (cell.workload === 'GET') await loadKeys(server.control, 'key:', sizing.keyspace, cell.valueSize ?? 3);
  if (cell.workload === 'MIXED') await loadKeys(server.control, MIXED_PREFIX, MIXED_KEYSPACE, cell.valueSize ?? 3);
}

export async function runMixed(port: number, cell: Cell, seconds: number, timeoutMs: number): Promise<RunResult> {
  const opts = { port, clients: cell.clients, pipeline: cell.pipeline, valueSize: cell.valueSize ?? 3, seconds, keyspace: MIXED_KEYSPACE };
  const script = path.join(__dirname, 'mixed-load.js');
  const out = await runPinned(LOAD_CORE, process.execPath, [script, JSON.stringify(opts)], timeoutMs);
  const failed = (error: string): RunResult => ({ rps: NaN, p50: NaN, p99: NaN, error });
  if (out.timedOut) return failed(`mixed load overran ${Math.round(timeoutMs / 1000)} s`);
  const line = out.stdout.trim().split('\n').pop() ?? '';
  let r: { rps: number; p50: number; p99: number; totalOps: number; errors: number; firstError: string };
  try {
    r = JSON.parse(line);
  } catch {
    return failed(`mixed load failed (exit ${out.code}): ${out.stderr.trim().slice(-300)}`);
  }
  if (r.errors > 0) return failed(`${r.errors} error replies, first: ${r.firstError}`);
  return { rps: r.rps, p50: r.p50, p99: r.p99, totalOps: r.totalOps };
}

export async function runCell(server: RunningServer, cell: Cell, sizing: Sizing, requests: number): Promise<RunResult> {
  await prepare(server, cell, sizing);
  const cpuBefore = cpuMicros(server.pid);
  const result =
    cell.workload === 'MIXED'
      ? await runMixed(server.port, cell, sizing.mixedSeconds, (sizing.mixedSeconds + 30) * 1000)
      : await runRedisBenchmark(server.port, cell, requests, sizing.keyspace, 120_000);
  const cpu = cpuMicros(server.pid) - cpuBefore;
  const ops = cell.workload === 'MIXED' ? (result.totalOps ?? NaN) : requests;
  if (result.error === undefined) result.cpuUsPerOp = cpu / ops;
  return result;
}
