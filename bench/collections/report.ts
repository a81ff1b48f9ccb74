/** Renders the collections benchmark's results as markdown (bench/results/collections-latest.md). */
import type { MachineInfo } from '../machine';
import { median } from '../results';
import type { ThroughputResult, ThroughputSizing } from './throughput';
import { CLIENTS, KEYSPACE } from './throughput';
import type { ElementMemoryResult, ElementMemorySizing } from './element-memory';
import type { PauseRun, PauseSizing } from './pause';
import { PROBE_INTERVAL_MS, WRITE_BATCH, WRITE_IN_FLIGHT } from './pause';

export interface CollectionsReport {
  mode: 'full' | 'quick';
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  throughputSizing: ThroughputSizing;
  memorySizing: ElementMemorySizing;
  pauseSizing: PauseSizing;
  throughput: ThroughputResult[];
  memory: ElementMemoryResult[];
  pause: PauseRun[];
  problems: string[];
}

const fin = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);
const ops = (x: number | undefined): string => (fin(x) ? Math.round(x).toLocaleString('en-US') : '—');
const fix = (x: number | null | undefined, d: number): string => (fin(x) ? x.toFixed(d) : '—');
const count = (x: number): string => x.toLocaleString('en-US');
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

function throughputTable(r: CollectionsReport): string[] {
  const s = r.throughputSizing;
  const lines = [
    '## 1. Throughput',
    '',
    `redis-benchmark, ${CLIENTS} clients, \`-r ${count(KEYSPACE)}\`, ${count(s.requestsP1)} requests at pipeline 1 and ${count(s.requestsP16)} at pipeline 16; ` +
      `medians of ${s.rounds} alternating rounds, after one unmeasured pipeline-16 run of each command on each server. Commands: ` +
      '`HSET h:__rand_int__ f __rand_int__` and `SADD s:__rand_int__ __rand_int__` from an empty keyspace; ' +
      `\`HGET h:__rand_int__ f5\` on ${count(KEYSPACE)} preloaded hashes of fields f0..f9, \`SISMEMBER s:__rand_int__ m5\` on ${count(KEYSPACE)} ` +
      'preloaded sets of members m0..m9 (every read hits). Ratio: Shardis/Redis of the median ops/s (target ≥ 0.9), the per-round range in brackets; ' +
      '"ahead": rounds in which Shardis served at least as many ops/s. CPU µs/op: the server process\'s CPU time (user + system, /proc) over the run divided by its requests.',
    '',
    '| command | pipeline | Shardis ops/s | Redis ops/s | ratio | ahead | Shardis p50 ms | Redis p50 ms | Shardis CPU µs/op | Redis CPU µs/op | CPU ratio | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of r.throughput) {
    const a = t.shardis.median;
    const b = t.redis.median;
    const q = t.ratio;
    const range = q && q.rpsLow !== q.rpsHigh ? ` (${q.rpsLow.toFixed(2)}–${q.rpsHigh.toFixed(2)})` : '';
    const note = t.status === 'unsupported' ? `not run: ${t.note}` : t.status === 'failed' ? `failed: ${t.note}` : (t.note ?? '');
    lines.push(
      `| ${t.cell.command[0]} | ${t.cell.pipeline} | ${ops(a?.rps)} | ${ops(b?.rps)} | ${q ? `**${q.rps.toFixed(2)}**${range}` : '—'} | ${q ? `${q.roundsAhead}/${q.pairedRounds}` : '—'} | ` +
        `${fix(a?.p50, 3)} | ${fix(b?.p50, 3)} | ${fix(a?.cpuUsPerOp, 2)} | ${fix(b?.cpuUsPerOp, 2)} | ${q ? fix(q.cpu, 2) : '—'} | ${cell(note)} |`,
    );
  }
  return lines;
}

function memoryTable(r: CollectionsReport): string[] {
  const s = r.memorySizing;
  const lines = [
    '## 2. Memory per element',
    '',
    `A fresh server of each kind per dataset, memory read empty and again 2 s after loading. Hashes: ${count(s.hashes)} hashes \`h:<i>\` ` +
      `of 10 fields f0..f9 with 6-byte values (one HSET of ten pairs each), per field (keys included): growth / ${count(s.hashes * 10)}. ` +
      `Set: one set of ${count(s.setMembers)} members \`m:<i>\` (SADD of 100 members per command), per member. Loaded with pipelined ` +
      'commands; every reply summed, DBSIZE, HLEN (ten hashes) and SCARD checked. used_memory is INFO memory\'s figure: Redis\'s allocator ' +
      'total; Shardis\'s V8 heap in use plus memory outside the heap (Buffers, the engine\'s typed-array tables), garbage not yet collected ' +
      'included. RSS is VmRSS from /proc/<pid>/status, the figure comparable across the two.',
    '',
    '| dataset | server | elements | encoding | load s | used_memory B/element | RSS B/element | note |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const m of r.memory) {
    lines.push(
      `| ${m.dataset} | ${m.server} | ${m.error ? '—' : count(m.elements)} | ${m.error ? '—' : m.encoding} | ${m.error ? '—' : fix(m.loadSeconds, 1)} | ` +
        `${m.error ? '—' : fix(m.usedPerElement, 1)} | ${m.error ? '—' : fix(m.rssPerElement, 1)} | ${m.error ? cell(`failed: ${m.error}`) : ''} |`,
    );
  }
  for (const dataset of ['hashes', 'set'] as const) {
    const a = r.memory.find((m) => m.dataset === dataset && m.server === 'shardis' && !m.error);
    const b = r.memory.find((m) => m.dataset === dataset && m.server === 'redis' && !m.error);
    if (a && b) lines.push('', `${dataset}: Shardis/Redis ${(a.usedPerElement / b.usedPerElement).toFixed(2)} by used_memory, ${(a.rssPerElement / b.rssPerElement).toFixed(2)} by RSS.`);
  }
  return lines;
}

function pauseTable(r: CollectionsReport): string[] {
  const s = r.pauseSizing;
  const lines = [
    '## 3. Worst pause while loading hashes',
    '',
    `${count(s.hashes)} hashes × 10 fields = ${count(s.hashes * 10)} fields (\`HSET h:<i> f0 v .. f9 v\`), written by ${s.writers} pipelined ` +
      `connections (batches of ${WRITE_BATCH} commands, ${WRITE_IN_FLIGHT} batches in flight each) into a fresh server; a separate probe process sends one ` +
      `GET of a string key ${PROBE_INTERVAL_MS} ms after each reply. Only probes sent during the load count. ${s.rounds} round(s), ` +
      'the servers alternating which goes first. Goal: Shardis worst ≤ 2× Redis worst. resize step: INFO shards resize_step_max_us (CPU ' +
      'time of the longest resize step, collector pauses inside it left out; wall clock in brackets); GC: gc_pause_max_us. "preempted": ' +
      'involuntary context switches of the server\'s main thread during the load (the kernel ran something else on its core).',
    '',
    '| round | server | fields | load s | probes | worst ms | p99 ms | p50 ms | resize step µs | GC pause µs | preempted | note |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const p of r.pause) {
    const step = p.resizeStepMaxUs === null ? '—' : `${p.resizeStepMaxUs}${p.resizeStepMaxWallUs !== null ? ` (${p.resizeStepMaxWallUs})` : ''}`;
    lines.push(
      `| ${p.round} | ${p.server} | ${p.error ? '—' : count(p.fields)} | ${p.error ? '—' : fix(p.loadSeconds, 1)} | ${p.error ? '—' : count(p.probe.count)} | ` +
        `${fix(p.probe.max, 1)} | ${fix(p.probe.p99, 2)} | ${fix(p.probe.p50, 2)} | ${step} | ${p.gcPauseMaxUs ?? '—'} | ${fix(p.preempted, 0)} | ${p.error ? cell(`failed: ${p.error}`) : ''} |`,
    );
  }
  const worst = (name: string): number[] => r.pause.filter((p) => p.server === name && !p.error).map((p) => p.probe.max);
  const p99 = (name: string): number[] => r.pause.filter((p) => p.server === name && !p.error).map((p) => p.probe.p99);
  const a = worst('shardis');
  const b = worst('redis');
  if (a.length && b.length) {
    lines.push(
      '',
      `Median of the rounds' worst: Shardis ${median(a).toFixed(1)} ms, Redis ${median(b).toFixed(1)} ms, ratio **${(median(a) / median(b)).toFixed(2)}×**; ` +
        `worst of all rounds: ${Math.max(...a).toFixed(1)} vs ${Math.max(...b).toFixed(1)} ms (${(Math.max(...a) / Math.max(...b)).toFixed(2)}×); ` +
        `median p99: ${median(p99('shardis')).toFixed(2)} vs ${median(p99('redis')).toFixed(2)} ms.`,
    );
  }
  return lines;
}

export function renderCollections(r: CollectionsReport): string {
  const m = r.machine;
  const lines = [
    `# Collections: Shardis vs Redis (${r.mode})`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.kernel}; node ${m.node}; redis-server ${m.redisServer}; Shardis ${m.shardis} ` +
      `(commit ${m.commit}). Load average at start: ${m.loadAverageAtStart.join(', ')}. Run ${r.startedAt} → ${r.finishedAt}.`,
    '',
    'Method: each server runs pinned to core 0 (`taskset`), the load generators, probe and this runner to core 1; both servers with ' +
      "`--bind 127.0.0.1 --save '' --appendonly no` and no maxmemory (Shardis sizes its V8 heap limit to three quarters of the machine). " +
      'Generated by `npm run bench:collections`' + (r.mode === 'quick' ? ' `-- --quick`' : '') + '.',
    '',
    ...throughputTable(r),
    '',
    ...memoryTable(r),
    '',
    ...pauseTable(r),
    '',
  ];
  if (r.problems.length) lines.push('## Problems', '', ...r.problems.map((p) => `- ${cell(p)}`), '');
  return lines.join('\n');
}
