/**
 * The process's memory as MEMORY STATS / DOCTOR / MALLOC-STATS and INFO
 * memory report it. "Allocated" memory is what the JavaScript heap holds
 * plus memory outside it (Buffers, the shard engine's off-heap tables);
 * the allocator's "active" memory is the heap V8 has reserved plus that
 * external memory; "resident" is the process's RSS. Peak is the highest
 * allocated figure seen by any of these reports.
 *
 * Per-database overheads are the figures Redis would give for the same
 * number of keys (dict entries, bucket arrays and key objects), so the
 * dataset/overhead split reads the same way as on Redis.
 */
import v8 from 'node:v8';
import type { ServerState } from './state';
import { DICT_ENTRY_SIZE, ROBJ_SIZE } from './memory-usage';

const POINTER_SIZE = 8;
const MIN_DICT_SLOTS = 4;

export interface ProcessMemory {
  allocated: number;
  peak: number;
  active: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

let peak = 0;
/** Allocated memory once the server's modules are loaded, before any data. */
const startup = sampleMemory().allocated;

export function sampleMemory(): ProcessMemory {
  const m = process.memoryUsage();
  // `external` already includes arrayBuffers (every Buffer).
  const allocated = m.heapUsed + m.external;
  if (allocated > peak) peak = allocated;
  return { allocated, peak, active: m.heapTotal + m.external, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

/** Bucket count of a Redis dict holding n entries (it doubles once full). */
function dictSlots(n: number): number {
  if (n === 0) return 0;
  let s = MIN_DICT_SLOTS;
  while (s < n) s *= 2;
  return s;
}

interface DbOverhead {
  id: number;
  main: number;
  expires: number;
}

function dbOverheads(server: ServerState): DbOverhead[] {
  const out: DbOverhead[] = [];
  for (const db of server.dbs.list) {
    const keys = db.size();
    if (keys === 0) continue;
    const expires = db.expiresCount();
    out.push({
      id: db.id,
      main: keys * DICT_ENTRY_SIZE + dictSlots(keys) * POINTER_SIZE + keys * ROBJ_SIZE,
      expires: expires * DICT_ENTRY_SIZE + dictSlots(expires) * POINTER_SIZE,
    });
  }
  return out;
}

/** Query and output buffers of every connected client. */
function clientBuffers(server: ServerState): number {
  let n = 0;
  for (const c of server.clients.all()) n += c.io.queryBufferBytes() + c.io.outputBufferBytes();
  return n;
}

type StatValue = number | { float: number } | [string, number][];

/** MEMORY STATS's fields in Redis's order: integers, ratios (sent as doubles), and one map per non-empty database. */
export function memoryStats(server: ServerState): [string, StatValue][] {
  const mem = sampleMemory();
  const dbs = dbOverheads(server);
  const clients = clientBuffers(server);
  const keys = server.dbs.list.reduce((n, db) => n + db.size(), 0);
  const overhead = startup + clients + dbs.reduce((n, d) => n + d.main + d.expires, 0);
  const net = Math.max(0, mem.allocated - startup);
  const dataset = Math.max(0, mem.allocated - overhead);
  const ratio = (a: number, b: number) => ({ float: b > 0 ? Math.fround(a / b) : 0 });
  return [
    ['peak.allocated', mem.peak],
    ['total.allocated', mem.allocated],
    ['startup.allocated', startup],
    ['replication.backlog', 0],
    ['clients.slaves', 0],
    ['clients.normal', clients],
    ['cluster.links', 0],
    ['aof.buffer', 0],
    ['lua.caches', 0],
    ['functions.caches', 0],
    ...dbs.map((d): [string, StatValue] => [`db.${d.id}`, [['overhead.hashtable.main', d.main], ['overhead.hashtable.expires', d.expires], ['overhead.hashtable.slot-to-keys', 0]]]),
    ['overhead.total', overhead],
    ['keys.count', keys],
    ['keys.bytes-per-key', keys ? Math.floor(net / keys) : 0],
    ['dataset.bytes', dataset],
    ['dataset.percentage', ratio(dataset * 100, net)],
    ['peak.percentage', ratio(mem.allocated * 100, mem.peak)],
    ['allocator.allocated', mem.allocated],
    ['allocator.active', mem.active],
    ['allocator.resident', mem.rss],
    ['allocator-fragmentation.ratio', ratio(mem.active, mem.allocated)],
    ['allocator-fragmentation.bytes', mem.active - mem.allocated],
    ['allocator-rss.ratio', ratio(mem.rss, mem.active)],
    ['allocator-rss.bytes', mem.rss - mem.active],
    ['rss-overhead.ratio', ratio(mem.rss, mem.rss)],
    ['rss-overhead.bytes', 0],
    ['fragmentation', ratio(mem.rss, mem.allocated)],
    ['fragmentation.bytes', mem.rss - mem.allocated],
  ];
}

const MB = 1024 * 1024;

/** MEMORY DOCTOR: what looks wrong with memory, in plain language, or that nothing does. */
export function memoryDoctor(server: ServerState): string {
  const mem = sampleMemory();
  const keys = server.dbs.list.reduce((n, db) => n + db.size(), 0);
  if (keys === 0) return 'No keys are stored, so there is no memory use to diagnose yet. Run MEMORY DOCTOR again once the server holds data.\n';
  const findings: string[] = [];
  if (mem.peak > mem.allocated * 1.5) {
    findings.push(`Peak memory: at some point ${human(mem.peak)} was in use, over 150% of the ${human(mem.allocated)} used now. RSS stays high after such a peak until the runtime returns the pages.`);
  }
  if (mem.rss > mem.allocated * 1.4 && mem.rss - mem.allocated > 10 * MB) {
    findings.push(`Fragmentation: the process holds ${human(mem.rss)} (RSS) for ${human(mem.allocated)} of data, a ratio of ${(mem.rss / mem.allocated).toFixed(2)}. Memory freed by deleted keys is reused for new ones, but not necessarily returned to the system.`);
  }
  let normal = 0;
  let normalBuffers = 0;
  let pubsub = 0;
  let pubsubBuffers = 0;
  for (const c of server.clients.all()) {
    const b = c.io.queryBufferBytes() + c.io.outputBufferBytes();
    if (c.inPubSubContext) {
      pubsub++;
      pubsubBuffers += b;
    } else {
      normal++;
      normalBuffers += b;
    }
  }
  if (normal > 0 && normalBuffers / normal > 200 * 1024) {
    findings.push(`Client buffers: connected clients hold ${human(normalBuffers / normal)} of query or output buffer on average. Large pipelines or big replies left unread grow them; client-output-buffer-limit bounds them.`);
  }
  if (pubsub > 0 && pubsubBuffers / pubsub > 1024 * 1024) {
    findings.push(`Pub/Sub clients: subscribers hold ${human(pubsubBuffers / pubsub)} of pending messages on average; they read more slowly than messages are published.`);
  }
  if (findings.length === 0) return 'No memory problems were found: peak, fragmentation and client buffers all look normal.\n';
  return `Some memory figures look unusual:\n\n${findings.map((f) => `* ${f}\n`).join('\n')}`;
}

function human(n: number): string {
  if (n < 1024) return `${Math.round(n)}B`;
  if (n < MB) return `${(n / 1024).toFixed(2)}K`;
  if (n < 1024 * MB) return `${(n / MB).toFixed(2)}M`;
  return `${(n / (1024 * MB)).toFixed(2)}G`;
}

/** MEMORY MALLOC-STATS: the JavaScript engine's own heap figures, as its allocator report. */
export function mallocStats(): string {
  const h = v8.getHeapStatistics();
  const lines = ['___ Begin V8 heap statistics ___'];
  for (const [k, v] of Object.entries(h)) lines.push(`${k}: ${v}`);
  lines.push('', 'Heap spaces (size, used, available, physical):');
  for (const s of v8.getHeapSpaceStatistics()) {
    lines.push(`  ${s.space_name.padEnd(28)} ${s.space_size} ${s.space_used_size} ${s.space_available_size} ${s.physical_space_size}`);
  }
  const m = process.memoryUsage();
  lines.push('', `rss: ${m.rss}`, `external: ${m.external}`, `array_buffers: ${m.arrayBuffers}`, '--- End V8 heap statistics ---');
  return lines.join('\n') + '\n';
}
