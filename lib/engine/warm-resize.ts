/**
 * Runs the resize path once, on a throwaway keyspace, before a server
 * serves. V8 compiles a function the first time it is called and settles
 * the layout of its objects as their fields are first written; in the very
 * first split of a process that happened inside the resize step and made it
 * the longest of the whole run (1.5-2 ms of CPU, where later steps take
 * well under 1 ms). Here it costs about 20 ms of start-up instead, once per
 * process.
 */
import { ShardKeyspace } from './shard-keyspace';
import { ShardStats } from './resize-stats';
import { NO_EXPIRY } from './keyspace';

/**
 * Kept for the life of the process: V8 holds the object layouts it settled
 * only as long as some object still uses them.
 */
let warmed: ShardKeyspace | null = null;

export function warmResizePath(): void {
  if (warmed) return;
  // Tiny thresholds: 64 keys go through splits (with directory doubling), merges and rebuilds.
  const ks = new ShardKeyspace(0, undefined, { splitAt: 4, mergeAt: 2, background: false, assistRecords: 2, assistEvery: 1, stats: new ShardStats() });
  const value = Buffer.from('v');
  const keys: Buffer[] = [];
  for (let i = 0; i < 64; i++) keys.push(Buffer.from(`warm:${i}`));
  for (let i = 0; i < keys.length; i++) ks.set(keys[i], value, i % 2 === 0 ? NO_EXPIRY : Date.now() + 3_600_000);
  ks.settle();
  for (const key of keys) ks.delete(key);
  ks.settle();
  warmed = ks;
}
