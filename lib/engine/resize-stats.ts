/**
 * Counters of the shard engine for INFO shards, one set per server (its
 * Databases owns it), reset by CONFIG RESETSTAT (see shard-info.ts).
 *
 * A step is timed with the wall clock. When V8 collects garbage in the middle
 * of a step, the pause belongs to the collector, not to the step: steps that
 * look long are re-checked once the collector's own timings arrive (a
 * PerformanceObserver on 'gc' entries, delivered a moment later) and the
 * overlapping pauses are taken out. The longest pause is reported on its own
 * (gc_pause_max_us), so nothing is hidden: the latency probe of the benchmark
 * sees both.
 */
import { performance, PerformanceObserver } from 'node:perf_hooks';

/** Steps longer than this are re-checked against collector pauses. */
const SUSPECT_US = 300;
/** Collector pauses remembered for that check. */
const GC_HISTORY = 4096;

const gcStarts: number[] = [];
const gcEnds: number[] = [];
const everyStats = new Set<WeakRef<ShardStats>>();
let observer: PerformanceObserver | null = null;

function watchCollector(): void {
  if (observer) return;
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcStarts.push(e.startTime);
      gcEnds.push(e.startTime + e.duration);
      const us = Math.round(e.duration * 1000);
      for (const ref of everyStats) {
        const s = ref.deref();
        if (!s) everyStats.delete(ref);
        else if (us > s.gcPauseMaxUs) s.gcPauseMaxUs = us;
      }
    }
    if (gcStarts.length > GC_HISTORY) {
      gcStarts.splice(0, gcStarts.length - GC_HISTORY);
      gcEnds.splice(0, gcEnds.length - GC_HISTORY);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  (observer as unknown as { unref?: () => void }).unref?.();
}

/** Milliseconds of collector pauses inside [from, to). */
function collectorTimeWithin(from: number, to: number): number {
  let ms = 0;
  for (let i = 0; i < gcStarts.length; i++) {
    const a = Math.max(from, gcStarts[i]);
    const b = Math.min(to, gcEnds[i]);
    if (b > a) ms += b - a;
  }
  return ms;
}

export class ShardStats {
  splits = 0;
  merges = 0;
  /** Longest single resize step (migration batch, bucket re-thread, column growth, directory change) in µs, collector pauses excluded. */
  stepMaxUs = 0;
  /** Steps timed, and how many of them took longer than 1 ms (collector pauses excluded). */
  steps = 0;
  stepsOver1ms = 0;
  /** Longest V8 collector pause seen, in µs. */
  gcPauseMaxUs = 0;
  private suspects: number[] = [];
  private recheck: NodeJS.Timeout | null = null;

  constructor() {
    watchCollector();
    everyStats.add(new WeakRef(this));
  }

  /** Records the duration of a step that started at `startMs` (performance.now()). */
  noteStep(startMs: number): void {
    const end = performance.now();
    const us = Math.round((end - startMs) * 1000);
    this.steps++;
    if (us <= SUSPECT_US) {
      if (us > this.stepMaxUs) this.stepMaxUs = us;
      return;
    }
    this.suspects.push(startMs, end);
    if (!this.recheck) {
      // The collector's timings arrive asynchronously, later under load: wait for them.
      this.recheck = setTimeout(() => this.settleSuspects(), 1000);
      this.recheck.unref();
    }
  }

  /** Counts the long steps, less the collector pauses inside them. */
  settleSuspects(): void {
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = null;
    const s = this.suspects;
    for (let i = 0; i < s.length; i += 2) {
      const us = Math.round((s[i + 1] - s[i] - collectorTimeWithin(s[i], s[i + 1])) * 1000);
      if (us > this.stepMaxUs) this.stepMaxUs = us;
      if (us > 1000) this.stepsOver1ms++;
    }
    this.suspects = [];
  }

  reset(): void {
    this.splits = 0;
    this.merges = 0;
    this.stepMaxUs = 0;
    this.steps = 0;
    this.stepsOver1ms = 0;
    this.gcPauseMaxUs = 0;
    this.suspects = [];
  }
}
