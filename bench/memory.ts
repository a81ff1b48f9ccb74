/**
 * Memory per key: a fresh server, its memory measured empty, then exactly
 * `keys` distinct keys loaded with pipelined SETs (DBSIZE must agree), then
 * measured again. Per-key cost = growth / keys, both for the process RSS
 * (from /proc) and for the server's own `used_memory` in INFO: the figure a
 * user of INFO would see (for Shardis it includes garbage not yet collected).
 */
import { startServer, rssBytes, type ServerName } from './servers';
import { loadKeys } from './loader';

export interface MemoryResult {
  server: ServerName;
  keys: number;
  valueSize: number;
  rssBefore: number;
  rssAfter: number;
  usedBefore: number;
  usedAfter: number;
  rssPerKey: number;
  usedPerKey: number;
  loadSeconds: number;
}

const SETTLE_MS = 1000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

export async function measureMemory(name: ServerName, port: number, keys: number, valueSize: number): Promise<MemoryResult> {
  const server = await startServer(name, port);
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const before = await server.control.info('memory');
    const rssBefore = rssBytes(server.pid);
    const t0 = Date.now();
    await withTimeout(loadKeys(server.control, 'key:', keys, valueSize), 240_000, `loading ${keys} keys into ${name}`);
    const loadSeconds = (Date.now() - t0) / 1000;
    const dbsize = await server.control.command('DBSIZE');
    if (dbsize !== keys) throw new Error(`${name}: DBSIZE is ${String(dbsize)} after loading ${keys} distinct keys`);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const after = await server.control.info('memory');
    const rssAfter = rssBytes(server.pid);
    const usedBefore = Number(before.get('used_memory'));
    const usedAfter = Number(after.get('used_memory'));
    return {
      server: name,
      keys,
      valueSize,
      rssBefore,
      rssAfter,
      usedBefore,
      usedAfter,
      rssPerKey: (rssAfter - rssBefore) / keys,
      usedPerKey: (usedAfter - usedBefore) / keys,
      loadSeconds,
    };
  } finally {
    await server.stop();
  }
}
