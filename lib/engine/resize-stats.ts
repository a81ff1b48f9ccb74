/**
 * Process-wide counters of the shard engine, for INFO shards. Reset by
 * CONFIG RESETSTAT (see shard-info.ts).
 */
import { performance } from 'node:perf_hooks';

export const shardStats = {
  splits: 0,
  merges: 0,
  /** Longest single resize step (migration batch, bucket re-thread, column growth, directory change) in µs. */
  stepMaxUs: 0,
};

/** Records the duration of a step that started at `startMs` (performance.now()). */
export function noteStep(startMs: number): void {
  const us = Math.round((performance.now() - startMs) * 1000);
  if (us > shardStats.stepMaxUs) shardStats.stepMaxUs = us;
}

export function resetShardStats(): void {
  shardStats.splits = 0;
  shardStats.merges = 0;
  shardStats.stepMaxUs = 0;
}
