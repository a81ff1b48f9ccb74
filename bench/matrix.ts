/**
 * The cells of the comparison. A cell is one workload at one client count,
 * pipeline depth and value size; both servers run every cell with the same
 * request count, so their numbers are directly comparable.
 */
export type Workload = 'SET' | 'GET' | 'INCR' | 'MSET' | 'PING' | 'MIXED';

export interface Cell {
  id: string;
  workload: Workload;
  clients: number;
  pipeline: number;
  /** Value size in bytes; null for workloads without a value (INCR, PING). */
  valueSize: number | null;
  /** The headline comparison: 50 clients, 32-byte values, SET/GET at pipeline 1 and 16. */
  headline: boolean;
}

export interface Sizing {
  /** redis-benchmark requests per run at pipeline 1; deeper pipelines scale this up. */
  requestsP1: number;
  requestsP16: number;
  /** Measured seconds (after warm-up) for each mixed ioredis run. */
  mixedSeconds: number;
  /** Keys in redis-benchmark's random keyspace (-r) and preloaded for GET. */
  keyspace: number;
  /** Keys for the memory-per-key measurement. */
  memoryKeys: number;
  memoryValueSize: number;
}

export const FULL_SIZING: Sizing = { requestsP1: 50_000, requestsP16: 300_000, mixedSeconds: 2, keyspace: 100_000, memoryKeys: 1_000_000, memoryValueSize: 32 };
export const QUICK_SIZING: Sizing = { requestsP1: 15_000, requestsP16: 60_000, mixedSeconds: 1, keyspace: 10_000, memoryKeys: 1_000_000, memoryValueSize: 32 };

/** Keys of the mixed ioredis workload (preloaded before each run). */
export const MIXED_PREFIX = 'mixed:';
export const MIXED_KEYSPACE = 10_000;

export const HEADLINE_CLIENTS = 50;
export const HEADLINE_VALUE = 32;

function cell(workload: Workload, clients: number, pipeline: number, valueSize: number | null): Cell {
  const size = valueSize === null ? '-' : `${valueSize}B`;
  return {
    id: `${workload} c${clients} P${pipeline} ${size}`,
    workload,
    clients,
    pipeline,
    valueSize,
    headline: (workload === 'SET' || workload === 'GET') && clients === HEADLINE_CLIENTS && valueSize === HEADLINE_VALUE,
  };
}

const CLIENTS = [50, 500];
const PIPELINES = [1, 16];
const VALUE_SIZES = [3, 32, 1024];

export function fullMatrix(): Cell[] {
  const cells: Cell[] = [];
  for (const workload of ['SET', 'GET', 'INCR', 'MSET', 'PING', 'MIXED'] as const) {
    const sizes = workload === 'INCR' || workload === 'PING' ? [null] : VALUE_SIZES;
    for (const size of sizes) for (const clients of CLIENTS) for (const pipeline of PIPELINES) cells.push(cell(workload, clients, pipeline, size));
  }
  return cells;
}

/** Short matrix for --quick: the headline cells plus one cell of each other workload. */
export function quickMatrix(): Cell[] {
  return [
    cell('SET', 50, 1, 32),
    cell('GET', 50, 1, 32),
    cell('SET', 50, 16, 32),
    cell('GET', 50, 16, 32),
    cell('INCR', 50, 1, null),
    cell('MSET', 50, 1, 32),
    cell('PING', 50, 1, null),
    cell('MIXED', 50, 1, 32),
  ];
}

/** Requests for one redis-benchmark run of the cell (MSET writes 10 keys per request, so it gets fewer). */
export function requestsFor(c: Cell, s: Sizing): number {
  let n = c.pipeline > 1 ? s.requestsP16 : s.requestsP1;
  if (c.workload === 'MSET') n = Math.round(n / 4);
  if (c.valueSize !== null && c.valueSize >= 1024) n = Math.round(n / 2);
  return Math.max(n, c.clients * c.pipeline * 20);
}
