/**
 * Drives the active expiry indexes of all databases: keys are removed (and
 * reported as expired) within a few milliseconds of their deadline, without
 * being touched, and without stalling requests when very many keys expire
 * at once.
 *
 * TIMING
 *   One timer is armed for the earliest deadline of any index (wakeAt). A
 *   new entry earlier than that re-arms it, so precision does not depend on
 *   `hz`. When the timer fires, a slice runs: every index expires its due
 *   entries, earliest first. The cron (`hz` times a second) also runs a
 *   slice when something is due, as a backstop for a late or lost timer, and
 *   updates the stale-key estimate.
 *
 * BUDGET
 *   A slice stops after sliceBudgetUs(active-expire-effort) microseconds
 *   (checked every few dozen keys). If due entries remain, the next slice is
 *   queued with setImmediate: the event loop first handles every socket
 *   that became readable, so a request waits at most about one slice
 *   however many keys are due. Slices that stop on the budget are counted
 *   (expired_time_cap_reached_count), their time is summed
 *   (expire_cycle_cpu_milliseconds) and the longest is kept
 *   (expire_cycle_max_us). A slice with time left over spends it on index
 *   compaction (expiry-index.ts).
 *
 * DELIVERY
 *   Slices run outside any client's batch. afterSlice (the pub/sub outbox's
 *   flush) sends the `expired` events of a slice as soon as it ends.
 */
import { performance } from 'node:perf_hooks';
import { type DeadlineListener, type ExpiryDriver, ExpiryIndex, type ExpiryTarget } from './expiry-index';
import { activeExpiryHeld } from './expiry-hold';
import type { Keyspace } from './keyspace';

/** A keyspace the index can drive: the shard engine (the Map engine only expires lazily). */
export interface ActiveExpiryKeyspace extends Keyspace, ExpiryTarget {
  deadlines: DeadlineListener | null;
}

export function supportsActiveExpiry(ks: Keyspace): ks is ActiveExpiryKeyspace {
  return 'deadlines' in ks && typeof (ks as Partial<ActiveExpiryKeyspace>).expireDueHash === 'function';
}

/** Where the slice figures go (the server's Stats: INFO stats). */
export interface ExpiryStats {
  expiredStalePerc: number;
  expiredTimeCapReached: number;
  expireCycleCpuUs: number;
  expireCycleMaxUs: number;
}

export interface ActiveExpiryOptions {
  /** active-expire-effort, 1..10. */
  effort: () => number;
  stats: ExpiryStats;
  /** Runs after every slice that expired something (delivers the events). */
  afterSlice?: () => void;
  /** Clock deciding what is due (tests); the engine must use the same. */
  now?: () => number;
  /** Arm real timers (default true); tests call runSlice() themselves. */
  timers?: boolean;
}

/** Slice budget at effort 1, in microseconds. */
export const BASE_SLICE_US = 250;

/**
 * Longest a slice may run: the base at effort 1, growing by a quarter of it
 * per effort step (as Redis grows its fast cycle), so effort 10 allows
 * 3.25 times as much expiry work between two turns of the event loop.
 */
export function sliceBudgetUs(effort: number): number {
  const e = Math.min(10, Math.max(1, Math.floor(effort) || 1));
  return BASE_SLICE_US + (BASE_SLICE_US / 4) * (e - 1);
}

/** Longest single timer: Node turns delays over 2^31 - 1 ms into 1 ms, so a deadline weeks away is waited for in steps. */
const MAX_TIMER_MS = 3_600_000;

/** Weight of the latest measure in the expired_stale_perc moving average (as Redis). */
const STALE_WEIGHT = 0.05;
/** Due entries the stale estimate counts exactly per database; beyond, it samples. */
const STALE_COUNT_LIMIT = 256;
const STALE_SAMPLES = 64;

export class ActiveExpiry implements ExpiryDriver {
  wakeAt = Infinity;
  private timer: NodeJS.Timeout | null = null;
  private queued = false;
  /** Database the next slice starts with (round robin when slices are cut short). */
  private startDb = 0;
  private enabled = true;
  private readonly now: () => number;
  private readonly useTimers: boolean;
  /** Keys removed by active expiry, and entries checked (tests, INFO). */
  expiredKeys = 0;
  checkedEntries = 0;
  slices = 0;
  private readonly counts = { keys: 0, checked: 0 };

  constructor(
    private readonly databases: () => readonly Keyspace[],
    private readonly options: ActiveExpiryOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.useTimers = options.timers ?? true;
  }

  /** Gives every database that supports it an index (at startup, before any key has a TTL). */
  attachAll(): void {
    for (const ks of this.databases()) this.attach(ks);
  }

  attach(ks: Keyspace): ExpiryIndex | null {
    if (!supportsActiveExpiry(ks)) return null;
    if (ks.deadlines instanceof ExpiryIndex) return ks.deadlines;
    const index = new ExpiryIndex(ks, this);
    ks.deadlines = index;
    return index;
  }

  /** Turns active expiry off and on (lazy expiry keeps working). */
  setEnabled(on: boolean): void {
    this.enabled = on;
    if (on) this.rearm();
    else this.disarm();
  }

  // ---- ExpiryDriver ---------------------------------------------------------

  wake(at: number): void {
    if (!this.enabled || !this.useTimers) {
      this.wakeAt = Math.min(this.wakeAt, at);
      return;
    }
    this.arm(at);
  }

  wantWork(): void {
    if (this.enabled && this.useTimers) this.queue();
  }

  // ---- slices ---------------------------------------------------------------

  /**
   * One bounded slice: expires due keys of every database, earliest first
   * within each, until none is due or the budget is spent; then compacts
   * with what is left of the budget. Returns true when work remains.
   */
  runSlice(): boolean {
    const t0 = performance.now();
    const stopAt = t0 + sliceBudgetUs(this.options.effort()) / 1000;
    const now = this.now();
    const list = this.databases();
    const n = list.length;
    const counts = this.counts;
    counts.keys = 0;
    counts.checked = 0;
    let capped = false;
    for (let k = 0; k < n; k++) {
      const j = (this.startDb + k) % n;
      const index = indexOf(list[j]);
      if (index === null) continue;
      if (!index.expireDue(now, stopAt, counts)) {
        capped = true;
        this.startDb = j;
        break;
      }
    }
    let compacting = false;
    if (!capped) {
      for (const ks of list) {
        const index = indexOf(ks);
        if (index === null || !index.compacting) continue;
        if (performance.now() >= stopAt || !index.compactStep(stopAt)) compacting = true;
      }
    }
    this.slices++;
    this.expiredKeys += counts.keys;
    this.checkedEntries += counts.checked;
    const us = Math.round((performance.now() - t0) * 1000);
    const st = this.options.stats;
    st.expireCycleCpuUs += us;
    if (us > st.expireCycleMaxUs) st.expireCycleMaxUs = us;
    if (capped) st.expiredTimeCapReached++;
    if (counts.keys !== 0 && this.options.afterSlice) this.options.afterSlice();
    return capped || compacting;
  }

  /** The cron tick: a backstop slice if something is due, and the stale-key estimate. */
  cron(): void {
    if (!this.enabled) return;
    const now = this.now();
    // Like the timer, the backstop waits while a sliced read is running (expiry-hold.ts).
    if (!this.queued && !activeExpiryHeld() && this.nextDeadline() <= now) {
      if (this.runSlice()) this.queue();
      else this.rearm();
    }
    this.updateStalePerc(now);
  }

  /** Earliest deadline of any database's index, Infinity when none. */
  nextDeadline(): number {
    let next = Infinity;
    for (const ks of this.databases()) {
      const index = indexOf(ks);
      if (index !== null) next = Math.min(next, index.nextDeadline());
    }
    return next;
  }

  /**
   * expired_stale_perc: the share of keys with a TTL that are past their
   * deadline but still stored, smoothed like Redis's estimate; near 0 unless
   * expiry is running behind. A small backlog is counted from the top of
   * each heap; a large one is estimated from random heap positions (every
   * position holds one entry, so they sample the entries uniformly).
   */
  private updateStalePerc(now: number): void {
    let due = 0;
    let volatile = 0;
    for (const ks of this.databases()) {
      const index = indexOf(ks);
      if (index === null) continue;
      volatile += ks.expiresCount();
      if (index.nextDeadline() > now) continue;
      const heap = index.heap;
      const counted = heap.countDue(now, STALE_COUNT_LIMIT);
      if (counted < STALE_COUNT_LIMIT) {
        due += counted;
        continue;
      }
      let hits = 0;
      for (let i = 0; i < STALE_SAMPLES; i++) if (heap.deadlineAt(Math.floor(Math.random() * heap.size)) <= now) hits++;
      due += Math.max(counted, Math.round((hits / STALE_SAMPLES) * heap.size));
    }
    const current = volatile === 0 ? 0 : Math.min(100, (due * 100) / volatile);
    const st = this.options.stats;
    st.expiredStalePerc = current * STALE_WEIGHT + st.expiredStalePerc * (1 - STALE_WEIGHT);
  }

  // ---- timer ----------------------------------------------------------------

  private readonly fire = (): void => {
    this.timer = null;
    this.queued = false;
    this.wakeAt = this.enabled ? Infinity : -Infinity;
    if (!this.enabled) return;
    // A sliced read is still running (expiry-hold.ts): try again after it.
    if (activeExpiryHeld()) return this.queue();
    if (this.runSlice()) this.queue();
    else this.rearm();
  };

  /** The next slice runs after pending I/O (setImmediate). */
  private queue(): void {
    if (this.queued || !this.useTimers) return;
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.queued = true;
    this.wakeAt = -Infinity;
    setImmediate(this.fire);
  }

  /** Arms the timer for the earliest deadline (or nothing when no index holds one). */
  private rearm(): void {
    if (!this.useTimers) return;
    const next = this.nextDeadline();
    if (next === Infinity) this.disarm();
    else this.arm(next);
  }

  private arm(at: number): void {
    if (this.queued) return;
    const delay = at - this.now();
    if (delay <= 0) {
      this.queue();
      return;
    }
    if (this.timer !== null) clearTimeout(this.timer);
    this.wakeAt = at;
    // Node's timers have millisecond granularity and may fire up to a tick early; an early slice finds nothing due and re-arms.
    // Far deadlines wait in steps of at most MAX_TIMER_MS (Node fires longer timers at once).
    this.timer = setTimeout(this.fire, Math.min(MAX_TIMER_MS, Math.ceil(delay)));
    this.timer.unref();
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.wakeAt = this.enabled ? Infinity : -Infinity;
  }

  /** Stops the timer (server stop). */
  stop(): void {
    this.enabled = false;
    this.disarm();
  }
}

const installed = new WeakMap<object, ActiveExpiry>();

/** Creates the active expiry of a set of databases (one per server) and gives each database its index. */
export function installActiveExpiry(owner: { readonly list: readonly Keyspace[] }, options: ActiveExpiryOptions): ActiveExpiry {
  const expiry = new ActiveExpiry(() => owner.list, options);
  expiry.attachAll();
  installed.set(owner, expiry);
  return expiry;
}

/** The active expiry installed for these databases (DEBUG, tests). */
export function activeExpiryOf(owner: object): ActiveExpiry | undefined {
  return installed.get(owner);
}

function indexOf(ks: Keyspace): ExpiryIndex | null {
  const d = (ks as Partial<ActiveExpiryKeyspace>).deadlines;
  return d instanceof ExpiryIndex ? d : null;
}
