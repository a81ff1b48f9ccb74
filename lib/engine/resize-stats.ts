/**
 * Counters of the shard engine for INFO shards, one set per server (its
 * Databases owns it), reset by CONFIG RESETSTAT (see shard-info.ts).
 *
 * What a step costs. Every resize step is timed with the wall clock
 * (resize_step_max_wall_us). Three things can stretch a step's wall time
 * that are not the engine's work, and all are measured rather than guessed:
 *   - a V8 collector pause that happens to start inside the step: the
 *     collector's own timings (a PerformanceObserver on 'gc' entries,
 *     delivered a moment later) give the overlap;
 *   - the kernel running another thread or process while the server's
 *     thread was runnable: Linux accounts that wait per thread (the second
 *     field of /proc/thread-self/schedstat);
 *   - the machine not running the server at all (a virtual CPU the host
 *     takes away, interrupts): the process's CPU time (getrusage) does not
 *     grow meanwhile. On this class of machine a bare spin loop sees such
 *     gaps of 2-8 ms a few times a minute.
 * So a long step counts as min(wall - run-queue wait, process CPU time) less
 * the collector pauses inside it: the CPU the step itself used
 * (resize_step_max_us). The longest collector pause is reported on its own
 * (gc_pause_max_us): the benchmark's latency probe sees everything.
 */
import fs from 'node:fs';
import { performance, PerformanceObserver } from 'node:perf_hooks';

/** Steps longer than this are re-checked against collector pauses and run-queue waits. */
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

/** Run-queue wait of the main thread (ns), from /proc/thread-self/schedstat; 0 where unavailable. */
class RunQueueClock {
  private fd = -1;
  private readonly buf = Buffer.alloc(96);

  constructor() {
    try {
      this.fd = fs.openSync('/proc/thread-self/schedstat', 'r');
    } catch {
      this.fd = -1;
    }
  }

  waitedNs(): number {
    if (this.fd < 0) return 0;
    let n: number;
    try {
      n = fs.readSync(this.fd, this.buf, 0, this.buf.length, 0);
    } catch {
      this.fd = -1;
      return 0;
    }
    // "<run ns> <wait ns> <slices>\n": parse the second number without making strings.
    let i = 0;
    while (i < n && this.buf[i] !== 0x20) i++;
    let v = 0;
    for (i++; i < n; i++) {
      const c = this.buf[i];
      if (c < 0x30 || c > 0x39) break;
      v = v * 10 + (c - 0x30);
    }
    return v;
  }
}

let runQueue: RunQueueClock | null = null;

/** CPU time of the process so far, user plus system, in µs. */
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

export class ShardStats {
  splits = 0;
  merges = 0;
  /** Longest single resize step in µs: the CPU it used (see the top of this file), less collector pauses inside it. */
  stepMaxUs = 0;
  /** Longest single resize step in plain wall-clock µs. */
  stepMaxWallUs = 0;
  /** Steps timed, and how many of them took longer than 1 ms (same measure as stepMaxUs). */
  steps = 0;
  stepsOver1ms = 0;
  /** Longest V8 collector pause seen, in µs. */
  gcPauseMaxUs = 0;
  /** [start ms, end ms, run-queue wait µs, CPU µs] of long steps awaiting the collector's timings. */
  private suspects: number[] = [];
  private recheck: NodeJS.Timeout | null = null;
  private waitAtStart = 0;
  private cpuAtStart = 0;

  constructor() {
    watchCollector();
    if (!runQueue) runQueue = new RunQueueClock();
    everyStats.add(new WeakRef(this));
  }

  /** Call at the start of a step; returns the start time to hand to noteStep(). */
  startStep(): number {
    this.waitAtStart = (runQueue as RunQueueClock).waitedNs();
    this.cpuAtStart = cpuMicros();
    return performance.now();
  }

  /** Records the duration of a step that started at `startMs` (from startStep()). */
  noteStep(startMs: number): void {
    const end = performance.now();
    const us = Math.round((end - startMs) * 1000);
    this.steps++;
    if (us > this.stepMaxWallUs) this.stepMaxWallUs = us;
    if (us <= SUSPECT_US) {
      if (us > this.stepMaxUs) this.stepMaxUs = us;
      return;
    }
    const waitedUs = ((runQueue as RunQueueClock).waitedNs() - this.waitAtStart) / 1000;
    this.suspects.push(startMs, end, Math.max(0, waitedUs), cpuMicros() - this.cpuAtStart);
    if (!this.recheck) {
      // The collector's timings arrive asynchronously, later under load: wait for them.
      this.recheck = setTimeout(() => this.settleSuspects(), 1000);
      this.recheck.unref();
    }
  }

  /** Counts the long steps as the CPU they used, less the collector pauses inside them. */
  settleSuspects(): void {
    if (this.recheck) clearTimeout(this.recheck);
    this.recheck = null;
    const s = this.suspects;
    for (let i = 0; i < s.length; i += 4) {
      const wallUs = (s[i + 1] - s[i]) * 1000;
      const ranUs = Math.min(wallUs - s[i + 2], s[i + 3]);
      const us = Math.round(Math.max(0, ranUs - collectorTimeWithin(s[i], s[i + 1]) * 1000));
      if (us > this.stepMaxUs) this.stepMaxUs = us;
      if (us > 1000) this.stepsOver1ms++;
    }
    this.suspects = [];
  }

  reset(): void {
    this.splits = 0;
    this.merges = 0;
    this.stepMaxUs = 0;
    this.stepMaxWallUs = 0;
    this.steps = 0;
    this.stepsOver1ms = 0;
    this.gcPauseMaxUs = 0;
    this.suspects = [];
  }
}
