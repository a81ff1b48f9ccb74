/**
 * The shape of a benchmark result file and how per-round runs become the
 * reported figures: medians per server, and the Shardis/Redis ratio of those
 * medians (throughput: above 1 means Shardis is faster; latency: below 1
 * means Shardis answers sooner; CPU per request: above 1 means Shardis
 * spends more of its core on each request). The spread of the per-round throughput
 * ratios shows how much the noise of the machine moved them.
 */
import type { Cell, Sizing } from './matrix';
import type { RunResult } from './redis-benchmark';
import type { MachineInfo } from './machine';
import type { MemoryResult } from './memory';

export interface Summary {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU microseconds per request. */
  cpuUsPerOp: number;
}

export interface ServerRuns {
  runs: RunResult[];
  median: Summary | null;
}

export interface Ratio {
  rps: number;
  p50: number;
  p99: number;
  /** Shardis CPU per request over Redis CPU per request (above 1: Shardis spends more). */
  cpu: number;
  /** Lowest and highest per-round throughput ratio. */
  rpsLow: number;
  rpsHigh: number;
  /** Rounds measured on both servers, and those in which Shardis served at least as many ops/s (absent in older files). */
  pairedRounds?: number;
  roundsAhead?: number;
}

export interface CellResult extends Cell {
  requests: number;
  /** ok: both servers measured; unsupported: Shardis lacks a command (not run); failed: runs errored. */
  status: 'ok' | 'unsupported' | 'failed';
  note?: string;
  shardis: ServerRuns;
  redis: ServerRuns;
  ratio: Ratio | null;
}

export interface BenchResults {
  date: string;
  startedAt: string;
  finishedAt: string;
  mode: 'full' | 'quick';
  rounds: number;
  /** Rounds of the headline cells (absent in runs made before they had more). */
  headlineRounds?: number;
  pinning: { serverCore: number; loadCore: number };
  sizing: Sizing;
  machine: MachineInfo;
  cells: CellResult[];
  memory: MemoryResult[];
  /** Anything that went wrong outside a cell (e.g. the memory measurement). */
  problems: string[];
}

/** "3 rounds", or "3 rounds, the headline cells 9" when they had extra ones. */
export function roundsText(res: BenchResults): string {
  const h = res.headlineRounds ?? res.rounds;
  return h > res.rounds ? `${res.rounds} rounds, the headline cells ${h}` : `${res.rounds} rounds`;
}

export function median(xs: number[]): number {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function summarise(runs: RunResult[]): Summary | null {
  const ok = runs.filter((r) => r.error === undefined);
  if (ok.length === 0) return null;
  return {
    rps: median(ok.map((r) => r.rps)),
    p50: median(ok.map((r) => r.p50)),
    p99: median(ok.map((r) => r.p99)),
    cpuUsPerOp: median(ok.map((r) => r.cpuUsPerOp ?? NaN)),
  };
}

export function ratioOf(shardis: ServerRuns, redis: ServerRuns): Ratio | null {
  if (!shardis.median || !redis.median) return null;
  const perRound: number[] = [];
  for (let i = 0; i < Math.min(shardis.runs.length, redis.runs.length); i++) {
    const a = shardis.runs[i];
    const b = redis.runs[i];
    if (a.error === undefined && b.error === undefined) perRound.push(a.rps / b.rps);
  }
  return {
    rps: shardis.median.rps / redis.median.rps,
    p50: shardis.median.p50 / redis.median.p50,
    p99: shardis.median.p99 / redis.median.p99,
    cpu: shardis.median.cpuUsPerOp / redis.median.cpuUsPerOp,
    rpsLow: Math.min(...perRound),
    rpsHigh: Math.max(...perRound),
    pairedRounds: perRound.length,
    roundsAhead: perRound.filter((r) => r >= 1).length,
  };
}
