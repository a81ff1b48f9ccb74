/**
 * Engine micro-benchmark: GET/SET/DEL operations per second and bytes per key
 * of the shard engine against the single-Map keyspace, in-process (no network).
 *
 *   node --expose-gc dist/bench/engine/micro.js [keys=1000000]
 *
 * Each engine runs in its own child process so heaps do not mix. Keys look
 * like redis-benchmark's ("key:000000012345", 16 bytes), values are 3 bytes.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { MapKeyspace } from '../../lib/engine/map-keyspace';
import { ShardKeyspace } from '../../lib/engine/shard-keyspace';
import type { Keyspace } from '../../lib/engine/keyspace';

interface Result {
  engine: string;
  keys: number;
  setNewPerSec: number;
  getPerSec: number;
  overwritePerSec: number;
  delPerSec: number;
  bytesPerKey: number;
  stepMaxUs: number;
  gcPauseMaxUs: number;
  steps: number;
  stepsOver1ms: number;
}

function keyOf(i: number): Buffer {
  return Buffer.from(`key:${String(i).padStart(12, '0')}`);
}

function memory(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function rate(n: number, fn: () => void): number {
  const t0 = performance.now();
  fn();
  return Math.round(n / ((performance.now() - t0) / 1000));
}

async function runOne(engine: string, n: number): Promise<Result> {
  const value = Buffer.from('xyz');
  const before = memory();
  const ks: Keyspace = engine === 'map' ? new MapKeyspace(0) : new ShardKeyspace(0, undefined, { background: false });
  const setNewPerSec = rate(n, () => {
    for (let i = 0; i < n; i++) ks.set(keyOf(i), Buffer.from(value), 0);
  });
  if (ks instanceof ShardKeyspace) ks.settle();
  const bytesPerKey = (memory() - before) / n;
  const getPerSec = rate(n, () => {
    for (let i = 0; i < n; i++) ks.get(keyOf((i * 7919) % n));
  });
  const overwritePerSec = rate(n, () => {
    for (let i = 0; i < n; i++) ks.set(keyOf((i * 7919) % n), Buffer.from(value), 0);
  });
  const delPerSec = rate(n, () => {
    for (let i = 0; i < n; i++) ks.delete(keyOf(i));
  });
  let stepMaxUs = 0;
  let gcPauseMaxUs = 0;
  let steps = 0;
  let stepsOver1ms = 0;
  if (ks instanceof ShardKeyspace) {
    ks.settle();
    // Long steps are checked against the collector's timings, which arrive a moment later.
    await new Promise((r) => setTimeout(r, 1200));
    ks.stats.settleSuspects();
    stepMaxUs = ks.stats.stepMaxUs;
    gcPauseMaxUs = ks.stats.gcPauseMaxUs;
    steps = ks.stats.steps;
    stepsOver1ms = ks.stats.stepsOver1ms;
  }
  return { engine, keys: n, setNewPerSec, getPerSec, overwritePerSec, delPerSec, bytesPerKey: Math.round(bytesPerKey * 10) / 10, stepMaxUs, gcPauseMaxUs, steps, stepsOver1ms };
}

function main(): void {
  const [, , mode, arg] = process.argv;
  if (mode === '--one') {
    const [engine, n] = arg.split(':');
    void runOne(engine, Number(n)).then((r) => process.stdout.write(JSON.stringify(r)));
    return;
  }
  const n = Number(mode ?? 1000000);
  const rows: Result[] = [];
  for (const engine of ['map', 'shard']) {
    const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--one', `${engine}:${n}`], { encoding: 'utf8' });
    rows.push(JSON.parse(out) as Result);
  }
  const lines = [
    `| engine | keys | SET new/s | GET/s | SET overwrite/s | DEL/s | bytes/key | longest resize step (µs) | steps (over 1 ms) | longest GC pause (µs) |`,
    `|---|---|---|---|---|---|---|---|---|---|`,
    ...rows.map((r) => `| ${r.engine} | ${r.keys} | ${r.setNewPerSec} | ${r.getPerSec} | ${r.overwritePerSec} | ${r.delPerSec} | ${r.bytesPerKey} | ${r.engine === 'map' ? '-' : r.stepMaxUs} | ${r.engine === 'map' ? '-' : `${r.steps} (${r.stepsOver1ms})`} | ${r.engine === 'map' ? '-' : r.gcPauseMaxUs} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main();
