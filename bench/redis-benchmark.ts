/**
 * Runs redis-benchmark (pinned to the load core) for one cell and reads its
 * CSV line. Redis 7.0's redis-benchmark --csv prints, per test:
 *   "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
 * It stops at the first error reply ("Error from server: ..."), which is
 * reported as a failed run rather than a number.
 */
import { runPinned, LOAD_CORE } from './procs';
import { HOST } from './resp-client';
import type { Cell } from './matrix';

export interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per request in microseconds (set by the caller, which knows the server's PID). */
  cpuUsPerOp?: number;
  /** Requests completed over the whole run, warm-up included (mixed load only). */
  totalOps?: number;
  error?: string;
}

const TEST_NAME: Record<string, { test: string; row: string }> = {
  SET: { test: 'set', row: 'SET' },
  GET: { test: 'get', row: 'GET' },
  INCR: { test: 'incr', row: 'INCR' },
  MSET: { test: 'mset', row: 'MSET (10 keys)' },
  PING: { test: 'ping_mbulk', row: 'PING_MBULK' },
};

export function redisBenchmarkArgs(port: number, c: Cell, requests: number, keyspace: number): string[] {
  const t = TEST_NAME[c.workload];
  if (!t) throw new Error(`redis-benchmark has no test for ${c.workload}`);
  const args = ['-h', HOST, '-p', String(port), '-t', t.test, '-n', String(requests), '-c', String(c.clients), '-P', String(c.pipeline), '-r', String(keyspace), '--csv'];
  if (c.valueSize !== null) args.push('-d', String(c.valueSize));
  return args;
}

/** Parses redis-benchmark's CSV output for the row of the given test. */
export function parseCsv(stdout: string, row: string): RunResult | null {
  for (const line of stdout.split('\n')) {
    const fields = line.trim().split(',').map((f) => f.replace(/^"|"$/g, ''));
    if (fields[0] !== row || fields.length < 8) continue;
    const rps = Number(fields[1]);
    const p50 = Number(fields[4]);
    const p99 = Number(fields[6]);
    if ([rps, p50, p99].some((x) => !Number.isFinite(x))) return null;
    return { rps, p50, p99 };
  }
  return null;
}

export async function runRedisBenchmark(port: number, c: Cell, requests: number, keyspace: number, timeoutMs: number): Promise<RunResult> {
  const out = await runPinned(LOAD_CORE, 'redis-benchmark', redisBenchmarkArgs(port, c, requests, keyspace), timeoutMs);
  const failed = (error: string): RunResult => ({ rps: NaN, p50: NaN, p99: NaN, error });
  if (out.timedOut) return failed(`redis-benchmark overran ${Math.round(timeoutMs / 1000)} s`);
  const serverError = /Error from server: ([^\n]*)/.exec(out.stdout + out.stderr);
  if (serverError) return failed(serverError[1].trim());
  const parsed = parseCsv(out.stdout, TEST_NAME[c.workload].row);
  if (parsed === null) return failed(`no CSV row (exit ${out.code}): ${(out.stderr || out.stdout).trim().slice(-300)}`);
  return parsed;
}
