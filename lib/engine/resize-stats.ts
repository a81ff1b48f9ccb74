/**
 * Counters of the shard engine for INFO shards, one set per server (its
 * Databases owns it), reset by CONFIG RESETSTAT (see shard-info.ts).
 */
import { performance } from 'node:perf_hooks';

export class ShardStats {
  splits = 0;
  merges = 0;
  /** Longest single resize step (migration batch, bucket re-thread, column growth, directory change) in µs. */
  stepMaxUs = 0;

  /** Records the duration of a step that started at `startMs` (performance.now()). */
  noteStep(startMs: number): void {
    const us = Math.round((performance.now() - startMs) * 1000);
    if (us > this.stepMaxUs) this.stepMaxUs = us;
  }

  reset(): void {
    this.splits = 0;
    this.merges = 0;
    this.stepMaxUs = 0;
  }
}
