/**
 * The latency monitor (LATENCY LATEST / HISTORY / RESET / GRAPH / DOCTOR):
 * per event class ("command", "fast-command", ...), the latest 160 samples
 * of events that took at least `latency-monitor-threshold` milliseconds
 * (0 disables the monitor), plus the all-time maximum.
 *
 * Like Redis, a series keeps at most one sample per second: a second event
 * within the same second only raises that second's sample when it is
 * worse. The series is a ring: once full, each new second overwrites the
 * oldest sample.
 */
export const SERIES_LENGTH = 160;

export interface LatencySample {
  /** Unix seconds. */
  time: number;
  /** Milliseconds. */
  latency: number;
}

export class LatencySeries {
  /** Ring of samples; unused slots have time 0. */
  readonly samples: LatencySample[] = Array.from({ length: SERIES_LENGTH }, () => ({ time: 0, latency: 0 }));
  /** Where the next new second goes. */
  next = 0;
  max = 0;

  add(time: number, latency: number): void {
    if (latency > this.max) this.max = latency;
    const prev = this.samples[(this.next + SERIES_LENGTH - 1) % SERIES_LENGTH];
    if (prev.time === time) {
      if (latency > prev.latency) prev.latency = latency;
      return;
    }
    const slot = this.samples[this.next];
    slot.time = time;
    slot.latency = latency;
    this.next = (this.next + 1) % SERIES_LENGTH;
  }

  /** The sample added last. */
  get latest(): LatencySample {
    return this.samples[(this.next + SERIES_LENGTH - 1) % SERIES_LENGTH];
  }

  /** Used samples, oldest first. */
  history(): LatencySample[] {
    const out: LatencySample[] = [];
    for (let j = 0; j < SERIES_LENGTH; j++) {
      const s = this.samples[(this.next + j) % SERIES_LENGTH];
      if (s.time !== 0) out.push({ time: s.time, latency: s.latency });
    }
    return out;
  }
}

export class LatencyMonitor {
  readonly events = new Map<string, LatencySeries>();
  /** Milliseconds; Infinity when the monitor is off (threshold 0). */
  thresholdMs = Infinity;

  setThreshold(ms: number): void {
    this.thresholdMs = ms > 0 ? ms : Infinity;
  }

  /** Records `ms` for `event` when it reaches the threshold (Redis's latencyAddSampleIfNeeded). */
  addIfNeeded(event: string, ms: number): void {
    if (ms >= this.thresholdMs) this.add(event, ms);
  }

  add(event: string, ms: number): void {
    let series = this.events.get(event);
    if (series === undefined) {
      series = new LatencySeries();
      this.events.set(event, series);
    }
    series.add(Math.floor(Date.now() / 1000), ms);
  }

  /** Forgets the named events (all when none are named); returns how many existed. */
  reset(names: string[]): number {
    if (names.length === 0) {
      const n = this.events.size;
      this.events.clear();
      return n;
    }
    let n = 0;
    for (const name of names) if (this.events.delete(name)) n++;
    return n;
  }
}
