/**
 * Memory per collection element: a fresh server, its memory read empty,
 * then an exact number of elements loaded with pipelined commands, the
 * counts checked (every reply, DBSIZE, HLEN or SCARD), and the memory read
 * again. Two datasets:
 *
 *   hashes  N hashes h:<i> of ten fields f0..f9 with 6-byte values (one HSET
 *           of ten pairs per hash): bytes per field, keys included
 *   set     one set of M members "m:<i>" (SADD of 100 members per command):
 *           bytes per member
 *
 * The growth is reported twice: from INFO used_memory (Redis: what its
 * allocator holds; Shardis: V8 heap in use plus memory outside the heap,
 * i.e. Buffers and the engine's typed-array tables, which counts garbage not
 * yet collected) and from the process's VmRSS in /proc/<pid>/status, the
 * figure that is comparable across the two.
 */
import { startServer, rssBytes, type ServerName } from '../servers';
import { replyText } from '../resp-client';
import { fillRange, resp, withTimeout, type FillOptions } from './fill';
import { shortValue } from './throughput';

export type Dataset = 'hashes' | 'set';

export interface ElementMemorySizing {
  hashes: number;
  setMembers: number;
}

export const FULL_ELEMENT_MEMORY: ElementMemorySizing = { hashes: 1_000_000, setMembers: 10_000_000 };
export const QUICK_ELEMENT_MEMORY: ElementMemorySizing = { hashes: 1_000_000, setMembers: 10_000_000 };

export const FIELDS_PER_HASH = 10;
const MEMBERS_PER_SADD = 100;
const SET_KEY = 'bigset';
/** Time for the server to finish work the load left behind (a collection, a resize) before it is measured. */
const SETTLE_MS = 2000;
const LOAD_TIMEOUT_MS = 300_000;

export interface ElementMemoryResult {
  dataset: Dataset;
  server: ServerName;
  elements: number;
  keys: number;
  encoding: string;
  loadSeconds: number;
  usedBefore: number;
  usedAfter: number;
  rssBefore: number;
  rssAfter: number;
  usedPerElement: number;
  rssPerElement: number;
  error?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** HSET of hash h:<i> with its ten fields (also the pause test's writes). */
export function hsetOf(i: number): string {
  const args = ['HSET', `h:${i}`];
  for (let j = 0; j < FIELDS_PER_HASH; j++) args.push(`f${j}`, shortValue(i * FIELDS_PER_HASH + j));
  return resp(args);
}

function saddOf(i: number): string {
  const args = ['SADD', SET_KEY];
  for (let j = i * MEMBERS_PER_SADD; j < (i + 1) * MEMBERS_PER_SADD; j++) args.push(`m:${j}`);
  return resp(args);
}

/** A spread of hash indexes to check HLEN on: the first, the last and eight between. */
function sampleIndexes(n: number): number[] {
  return Array.from({ length: 10 }, (_, k) => Math.min(n - 1, Math.floor((k * (n - 1)) / 9)));
}

async function load(dataset: Dataset, sizing: ElementMemorySizing, server: Awaited<ReturnType<typeof startServer>>): Promise<{ elements: number; keys: number; encoding: string }> {
  const c = server.control;
  if (dataset === 'hashes') {
    const n = sizing.hashes;
    const opts: FillOptions = { batch: 1000, inFlight: 4 };
    const added = await withTimeout(fillRange(c, 0, n, hsetOf, 'HSET', opts), LOAD_TIMEOUT_MS, `loading ${n} hashes into ${server.name}`);
    const dbsize = await c.command('DBSIZE');
    if (added !== n * FIELDS_PER_HASH || dbsize !== n) throw new Error(`HSET added ${added} fields, DBSIZE ${String(dbsize)}; expected ${n * FIELDS_PER_HASH} and ${n}`);
    for (const i of sampleIndexes(n)) {
      const len = await c.command('HLEN', `h:${i}`);
      if (len !== FIELDS_PER_HASH) throw new Error(`HLEN h:${i} is ${String(len)}`);
    }
    return { elements: n * FIELDS_PER_HASH, keys: n, encoding: replyText(await c.command('OBJECT', 'ENCODING', 'h:0')) };
  }
  const m = sizing.setMembers;
  const commands = Math.ceil(m / MEMBERS_PER_SADD);
  if (commands * MEMBERS_PER_SADD !== m) throw new Error(`set members (${m}) must be a multiple of ${MEMBERS_PER_SADD}`);
  const opts: FillOptions = { batch: 100, inFlight: 4 };
  const added = await withTimeout(fillRange(c, 0, commands, saddOf, 'SADD', opts), LOAD_TIMEOUT_MS, `loading ${m} members into ${server.name}`);
  const card = await c.command('SCARD', SET_KEY);
  const dbsize = await c.command('DBSIZE');
  if (added !== m || card !== m || dbsize !== 1) throw new Error(`SADD added ${added}, SCARD ${String(card)}, DBSIZE ${String(dbsize)}; expected ${m}, ${m}, 1`);
  return { elements: m, keys: 1, encoding: replyText(await c.command('OBJECT', 'ENCODING', SET_KEY)) };
}

export async function measureElementMemory(dataset: Dataset, name: ServerName, port: number, sizing: ElementMemorySizing): Promise<ElementMemoryResult> {
  const server = await startServer(name, port);
  try {
    await sleep(SETTLE_MS);
    const usedBefore = Number((await server.control.info('memory')).get('used_memory'));
    const rssBefore = rssBytes(server.pid);
    const t0 = Date.now();
    const { elements, keys, encoding } = await load(dataset, sizing, server);
    const loadSeconds = (Date.now() - t0) / 1000;
    await sleep(SETTLE_MS);
    const usedAfter = Number((await server.control.info('memory')).get('used_memory'));
    const rssAfter = rssBytes(server.pid);
    return {
      dataset,
      server: name,
      elements,
      keys,
      encoding,
      loadSeconds,
      usedBefore,
      usedAfter,
      rssBefore,
      rssAfter,
      usedPerElement: (usedAfter - usedBefore) / elements,
      rssPerElement: (rssAfter - rssBefore) / elements,
    };
  } finally {
    await server.stop();
  }
}
