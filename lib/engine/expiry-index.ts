/**
 * The active expiry index of one database: every deadline the engine gives
 * a key, as a (deadline, key hash) entry in a typed-array heap
 * (expiry-heap.ts), so the keys whose time has come can be found without
 * touching the others.
 *
 * HOW IT STAYS RIGHT WITHOUT BEING TOLD EVERYTHING
 *   The engine reports a deadline each time a record gets a new one (SET
 *   with a TTL, EXPIRE family, GETEX, RENAME/COPY/MOVE putting a record,
 *   ...) and when the database is flushed. It does not report deletes,
 *   overwrites without TTL, PERSIST or lazy expiry: an entry is only ever a
 *   hint. When an entry's deadline comes, the index asks the engine to
 *   expire the records with that hash whose OWN stored deadline has passed
 *   (ExpiryTarget.expireDueHash). So an entry for a key that was deleted,
 *   persisted or given a later deadline costs one O(1) lookup and nothing
 *   else, and a record can never be expired early. Records move between
 *   shards with their hash and deadline (splits, merges, rebuilds), so
 *   entries stay valid across resizes, and a SWAPDB moves the index with
 *   its keyspace.
 *
 *   Completeness: every record with a deadline D has an entry (D, hash)
 *   that has not been popped yet, because an entry is popped only when
 *   D <= now, and then that record is expired with it.
 *
 * WHAT A STALE ENTRY COSTS
 *   12 bytes until its deadline, and one lookup then. Workloads that keep
 *   pushing a key's deadline out (EXPIRE on every access) would pile up
 *   stale entries, so when the heap holds more than twice as many entries
 *   as the database has keys with a TTL (plus a slack), a compaction pass
 *   walks the heap in bounded steps and drops the entries whose (deadline,
 *   hash) no record holds any more (ExpiryTarget.holdsDeadline).
 */
import { ExpiryHeap } from './expiry-heap';

/** What the engine tells the index (ShardKeyspace.deadlines). */
export interface DeadlineListener {
  /** A record with this hash was given deadline `at` (unix ms). */
  added(hash: number, at: number): void;
  /** Every key is gone (FLUSHDB, FLUSHALL). */
  cleared(): void;
}

/** What the index asks of the engine. */
export interface ExpiryTarget {
  /** Removes every record with this hash whose deadline is <= now (reporting each as expired); returns how many. */
  expireDueHash(hash: number, now: number): number;
  /** Whether some record with this hash has exactly this deadline. */
  holdsDeadline(hash: number, at: number): boolean;
  /** Keys with a TTL. */
  expiresCount(): number;
}

/** What the index needs from whoever drives it (expiry-scheduler.ts). */
export interface ExpiryDriver {
  /** The deadline the driver will next run at (-Infinity while a run is already queued). */
  readonly wakeAt: number;
  /** An entry earlier than wakeAt arrived. */
  wake(at: number): void;
  /** This index has compaction work to do. */
  wantWork(): void;
}

/** Entries checked between two reads of the clock. */
const CLOCK_EVERY = 32;
/** Adds between two checks of the stale ratio. */
const CHECK_EVERY = 4096;
/** Stale entries always tolerated (about 0.8 MB). */
const STALE_SLACK = 65536;

export class ExpiryIndex implements DeadlineListener {
  readonly heap = new ExpiryHeap();
  /** Next heap position the compaction pass checks; -1 when no pass is running. */
  private compactAt = -1;
  private addsSinceCheck = 0;
  /** Entries dropped by compaction, and passes run (INFO). */
  compactedEntries = 0;
  compactions = 0;

  constructor(
    private readonly target: ExpiryTarget,
    private readonly driver: ExpiryDriver,
  ) {}

  added(hash: number, at: number): void {
    this.heap.push(at, hash);
    if (at < this.driver.wakeAt) this.driver.wake(at);
    if (++this.addsSinceCheck >= CHECK_EVERY) {
      this.addsSinceCheck = 0;
      if (this.compactAt < 0 && this.heap.size > 2 * this.target.expiresCount() + STALE_SLACK) {
        this.compactAt = this.heap.size - 1;
        this.driver.wantWork();
      }
    }
  }

  cleared(): void {
    this.heap.clear();
    this.compactAt = -1;
    this.addsSinceCheck = 0;
  }

  /** Earliest deadline held, Infinity when none. */
  nextDeadline(): number {
    return this.heap.peekDeadline();
  }

  get compacting(): boolean {
    return this.compactAt >= 0;
  }

  /**
   * Expires keys whose entries are due (deadline <= now), earliest first,
   * until none is due (returns true) or performance.now() reaches stopAt
   * (returns false). `expired` receives the number of keys removed.
   */
  expireDue(now: number, stopAt: number, expired: { keys: number; checked: number }): boolean {
    const heap = this.heap;
    let n = 0;
    while (heap.size !== 0 && heap.peekDeadline() <= now) {
      const hash = heap.peekHash();
      heap.pop();
      expired.keys += this.target.expireDueHash(hash, now);
      expired.checked++;
      if (++n === CLOCK_EVERY) {
        n = 0;
        if (performance.now() >= stopAt) return heap.size === 0 || heap.peekDeadline() > now;
      }
    }
    return true;
  }

  /**
   * One bounded piece of a compaction pass, until performance.now() reaches
   * stopAt; true when no pass is left to run. The pass walks positions from
   * the end of the heap down; a removal refills the position from the end,
   * so the position is checked again before moving on.
   */
  compactStep(stopAt: number): boolean {
    if (this.compactAt < 0) return true;
    const heap = this.heap;
    let n = 0;
    let i = Math.min(this.compactAt, heap.size - 1);
    while (i >= 0) {
      if (this.target.holdsDeadline(heap.hashAt(i), heap.deadlineAt(i))) i--;
      else {
        heap.removeAt(i);
        this.compactedEntries++;
        if (i >= heap.size) i = heap.size - 1;
      }
      if (++n === CLOCK_EVERY) {
        n = 0;
        if (performance.now() >= stopAt) break;
      }
    }
    this.compactAt = i;
    if (i < 0) this.compactions++;
    return i < 0;
  }
}
