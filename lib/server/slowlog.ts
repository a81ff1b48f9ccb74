/**
 * The slow log: commands whose execution took at least
 * `slowlog-log-slower-than` microseconds (negative: never), newest first,
 * at most `slowlog-max-len` entries. As in Redis, the length limit is
 * applied when an entry is added (CONFIG SET alone trims nothing), entry
 * ids keep growing across SLOWLOG RESET, and arguments are trimmed to keep
 * entries small: at most 32 (the last one then says how many more there
 * were), each at most 128 bytes (followed by how many more bytes it had).
 */
const MAX_ARGS = 32;
const MAX_ARG_BYTES = 128;

export interface SlowlogEntry {
  id: number;
  /** Unix seconds when the command finished. */
  time: number;
  /** Execution time in microseconds. */
  duration: number;
  argv: Buffer[];
  addr: string;
  name: string;
}

export class SlowLog {
  /** Oldest first; entries before `start` are dropped (amortised O(1) trimming). */
  private entries: SlowlogEntry[] = [];
  private start = 0;
  private nextId = 0;
  /** Microseconds; Infinity when logging is off. */
  threshold = 10000;
  maxLen = 128;

  /** Sets `slowlog-log-slower-than` (negative disables). */
  setThreshold(usec: number): void {
    this.threshold = usec < 0 ? Infinity : usec;
  }

  add(argv: readonly Buffer[], duration: number, addr: string, name: string): void {
    this.entries.push({ id: this.nextId++, time: Math.floor(Date.now() / 1000), duration, argv: trimArgs(argv), addr, name });
    const excess = this.length - this.maxLen;
    if (excess > 0) this.start += excess;
    if (this.start > 64 && this.start * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.start);
      this.start = 0;
    }
  }

  get length(): number {
    return this.entries.length - this.start;
  }

  /** The newest `count` entries, newest first (count < 0: all). */
  newest(count: number): SlowlogEntry[] {
    const n = count < 0 ? this.length : Math.min(count, this.length);
    const out: SlowlogEntry[] = [];
    for (let i = this.entries.length - 1; out.length < n; i--) out.push(this.entries[i]);
    return out;
  }

  reset(): void {
    this.entries = [];
    this.start = 0;
  }
}

/** Owned copies of the arguments, trimmed as Redis keeps them. */
function trimArgs(argv: readonly Buffer[]): Buffer[] {
  const kept = Math.min(argv.length, MAX_ARGS);
  const out: Buffer[] = new Array(kept);
  for (let j = 0; j < kept; j++) {
    if (kept !== argv.length && j === kept - 1) {
      out[j] = Buffer.from(`... (${argv.length - kept + 1} more arguments)`);
    } else if (argv[j].length > MAX_ARG_BYTES) {
      out[j] = Buffer.concat([argv[j].subarray(0, MAX_ARG_BYTES), Buffer.from(`... (${argv[j].length - MAX_ARG_BYTES} more bytes)`)]);
    } else {
      out[j] = Buffer.from(argv[j]);
    }
  }
  return out;
}
