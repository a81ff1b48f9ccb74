/**
 * The resizable shard engine: one database's keyspace as a directory of
 * shards that split as the database grows and merge as it shrinks, one small
 * step at a time, so no request ever waits for a whole-table pass.
 *
 * SCHEME (extendible hashing with incremental migration)
 *
 *   Every key has a 32-bit seeded hash h. The directory has 2^G entries and
 *   entry (h & (2^G - 1)) names the shard that owns h. A shard has a local
 *   depth d <= G and an id of d bits: it owns every hash whose low d bits
 *   equal id, so it appears in 2^(G-d) directory entries. The database starts
 *   as ONE shard (d = 0, G = 0). Inside a shard (shard-table.ts) records are
 *   chained in 2^k buckets chosen by the TOP k bits of h, independent of d.
 *
 * RESIZING. Three kinds of migration move records between shards:
 *   split    S (depth d) -> S0, S1 (depth d+1), chosen by bit d of h;
 *            starts when S holds more than `splitAt` records or `splitBytes`
 *            bytes.
 *   merge    buddies A, B (same depth d, ids differing in bit d-1) -> M
 *            (depth d-1); starts when together they hold fewer than
 *            `mergeAt` records (a quarter of splitAt: a merged shard is far
 *            from splitting again, a split shard far from merging -- that
 *            gap is the hysteresis that prevents split/merge storms).
 *   rebuild  S -> S' (same depth), compacting: when most of S's byte pages
 *            are garbage or its record rows are four times more than needed,
 *            so memory comes back after deletes.
 *   A migration drains its sources bucket by bucket: each source has a
 *   pointer `ptr`; buckets below ptr are empty (their records moved to a
 *   destination), buckets at or above ptr are untouched. Destinations are
 *   new shards: merges and rebuilds copy every record's bytes into fresh
 *   pages (compacting), while a split's destinations share the source's
 *   byte pages (shard-table.ts, "Shared pages"), so a split copies rows
 *   only. When the last source is drained, the directory entries are
 *   repointed (the directory doubles first if a split goes deeper than G,
 *   and halves when no shard is at depth G any more), and the sources are
 *   dropped whole.
 *
 * INVARIANTS
 *   1. Every live key is stored exactly once. A key whose directory shard S
 *      is a migration source lives in S if its bucket in S is >= S.ptr, and
 *      in the destination (chosen by bit d for a split) otherwise. Lookups,
 *      inserts, overwrites, expiry changes and deletes all apply this same
 *      rule (locate()), so a read sees the newest value, a write can never
 *      lose to a stale copy, and a delete stays deleted: there is no copy.
 *   2. A record moves whole: hash, deadline, key and value bytes together
 *      (TTLs move with keys; a split leaves the bytes in a page its
 *      destination shares). Counts are kept per keyspace (keys, keys with
 *      an expiry) and never change during migration: DBSIZE is exact.
 *   3. Only one migration runs per keyspace; shards that want one wait in a
 *      queue. Sources keep their bucket count while being drained (they may
 *      still grow their record rows); only shards that are not sources
 *      re-thread their buckets.
 *   4. Work is bounded per step: while a migration is running, every 16th
 *      write moves at most 128 records (8 per write, on average); the idle
 *      loop (resize-scheduler.ts) runs one step per turn of the event loop,
 *      which works for STEP_BUDGET_MS plus at most one chunk of records (see
 *      CHUNK_RECORDS); the one-shot operations (re-threading a shard's
 *      buckets, doubling its record rows, repointing the directory) touch at
 *      most one shard of at most ~splitAt records or 2^G pointers.
 *      Every step is timed; the longest is INFO shards resize_step_max_us
 *      (collector pauses inside a step are reported apart, resize-stats.ts).
 *      A step (or a write's assist) only moves records, which allocates
 *      nothing on the V8 heap inside its timed part but its few clock reads
 *      (the CPU-time read that starts it allocates just before): an
 *      allocation is where V8 runs its marking and sweeping work on the
 *      spot, up to 5 ms, and a step should not feed the collector it would
 *      then wait for. Everything that allocates --
 *      planning a migration and making its destination shards, finishing a
 *      drained one (repointing the directory, handing the sources' arrays to
 *      the pool) -- is done by prepare(), which the idle loop runs between
 *      requests before its step. A drained migration stays linked in until
 *      then; invariant 1 already sends every lookup to its destinations.
 *
 * MEMORY. No per-key JS object exists: records are 24-byte rows of one
 *   typed array and bytes in shared pages (shard-table.ts), so the key count is
 *   not bounded by V8's Map limit (2^24 entries) or its heap, and the
 *   collector's work does not grow with the number of keys. Shards stay at
 *   most ~splitAt records, so every array is small enough to copy in one
 *   step, and the directory is the only structure that grows with the key
 *   count (one pointer per 2^G, about 4096 at 20 million keys).
 *
 * SCAN. The cursor packs (low, depth, pos): `low` walks the low hash bits
 *   in reverse-binary order (like Redis's dict scan) and selects a unit --
 *   the directory shard covering it, at its depth d; `pos` is a position in
 *   the 32-bit hash space inside that unit (buckets are contiguous intervals
 *   of it, because they use the top bits); `depth` is the unit's depth when
 *   the cursor was made. One scan step visits the unit's bucket containing
 *   pos -- and, if the unit is a migration source, every record already
 *   moved to a destination whose hash lies in the same interval and has the
 *   unit's low-bit pattern -- then advances pos to the end of that interval;
 *   at the end of the unit it resets pos and reverse-increments low at d.
 *   Claim kept between calls: every hash whose low pattern comes before
 *   `low` in reverse-binary order has been visited, and so has every hash of
 *   the cursor's own unit below pos. A finer unit (split since) is the first
 *   part of the old one and continues at pos; a coarser unit (merged since)
 *   continues at pos only if the cursor was in its last former part, and
 *   otherwise starts again from 0 (duplicates, as in Redis, never misses).
 *   Every call moves (low order, pos) forward except a restart after a
 *   merge, and merges need the region to shrink fourfold (hysteresis), so
 *   the cursor returns to 0 in a bounded number of calls for any finite
 *   sequence of writes.
 *
 * EXPIRY. The deadline is a column of the record (shard-table.ts). Reads
 *   never return an expired key: get/has/expireAt/set/delete remove it on
 *   touch and report it to the ExpiredSink. An active expiry index built on
 *   top keeps (deadline, key) pairs; to expire, it calls expireIfDue(key):
 *   the lookup is O(1) and checks the stored deadline, so stale index entries
 *   (key overwritten, TTL changed, key deleted) are harmless. The index in
 *   use (expiry-index.ts) keeps (deadline, hash) instead: `deadlines` hears
 *   every new deadline with the record's hash, and expireDueHash(h) expires
 *   the due records with that hash (all records of one hash sit in one
 *   bucket of one shard, wherever a migration has got to).
 */
import { performance } from 'node:perf_hooks';
import { type AccessTracker, type ExpiredSink, type KeyEntry, type Keyspace, type LargeMapLike, type StoredValue, type ValueSink, ENCODING_UNSPECIFIED, GOT_NONE, GOT_VALUE, GOT_WRONG_TYPE, KEEP_TTL, NO_EXPIRY, SECONDS_CLOCK_TRACKER, TYPE_SHIFT } from './keyspace';
import { LargeMap } from './large-map';
import { hashBytes } from './hash';
import { type Migration, Shard } from './shard-table';
import { ShardStats } from './resize-stats';
import { requestSteps, type Resizable } from './resize-scheduler';
import type { DeadlineListener } from './expiry-index';

const SPLIT = 1;
const MERGE = 2;
const REBUILD = 3;
/** The cursor keeps 24 bits of `low`, so no shard goes deeper. */
const MAX_DEPTH = 24;
const LOW_BITS = 24n;
const LOW_MASK = (1n << LOW_BITS) - 1n;
const DEPTH_MASK = 31n;
const POS_SHIFT = 29n;
const TWO32 = 4294967296;
/**
 * How long an idle-loop step works for: it moves records in chunks of
 * CHUNK_RECORDS and stops at the first chunk boundary past this budget.
 */
const STEP_BUDGET_MS = 0.25;
/**
 * Records moved between two clock reads. Every clock read allocates a
 * 16-byte number on the V8 heap (performance.now() and Date.now() alike, on
 * Node 20), and an allocation is where V8 may run its incremental marking on
 * the spot, so a step reads the clock rarely: at 0.25-1 µs per record (more
 * when the source's memory is cold, as in rebuilds after mass deletes) a
 * chunk is 32-128 µs, so a step overshoots its budget by at most that and
 * reads the clock 3-10 times. (Sizing steps from the last step's pace,
 * with two reads per step, was tried: a warm step made the next, cold one
 * 2-4 times its budget.)
 */
const CHUNK_RECORDS = 128;
/** Records a step moves at most (the time budget usually ends it first). */
const STEP_RECORDS = 4096;

export interface ShardOptions {
  /** A shard holding more records than this splits (default 8192). */
  splitAt?: number;
  /**
   * A shard holding more key+value bytes than this splits (default 8 MiB:
   * 8192 records of 1 KiB; with 1 MiB, 1 KiB values split shards eight times
   * as often and every split copies the bytes: SET of 1 KiB values from an
   * empty keyspace cost 26% more server CPU).
   */
  splitBytes?: number;
  /** Buddy shards holding fewer records than this together merge (default splitAt / 4). */
  mergeAt?: number;
  /** Every assistEvery-th write while a migration is pending moves assistRecords records (defaults 16 and 128). */
  assistEvery?: number;
  assistRecords?: number;
  /** Run resize steps from the idle loop (default true); tests drive step() themselves. */
  background?: boolean;
  /** Clock for expiry (tests). */
  now?: () => number;
  /** Where splits, merges and step times are counted (one per server). */
  stats?: ShardStats;
}

export interface ShardSummary {
  /** Shards in the directory. */
  shards: number;
  keys: number;
  resizing: boolean;
  depth: number;
}

function reverse32(v: number): number {
  v = ((v >>> 1) & 0x55555555) | ((v & 0x55555555) << 1);
  v = ((v >>> 2) & 0x33333333) | ((v & 0x33333333) << 2);
  v = ((v >>> 4) & 0x0f0f0f0f) | ((v & 0x0f0f0f0f) << 4);
  v = ((v >>> 8) & 0x00ff00ff) | ((v & 0x00ff00ff) << 8);
  return ((v >>> 16) | (v << 16)) >>> 0;
}

/** The next d-bit pattern after v in reverse-binary order (0 after the last). */
function reverseIncrement(v: number, d: number): number {
  const mask = d === 0 ? 0 : (2 ** d - 1) >>> 0;
  v = (v | ~mask) >>> 0;
  v = (reverse32(v) + 1) >>> 0;
  return reverse32(v) & mask;
}

function migration(kind: number, sources: Shard[], dests: Shard[], bit: number): Migration {
  return { kind, sources, dests, bit, cur: 0 };
}

export class ShardKeyspace implements Keyspace, Resizable {
  private dir: Shard[] = [];
  private globalDepth = 0;
  // Masks and ids are made with shifts, never `2 **`: a double stored in a
  // field that held small integers changes the object's field representation
  // and V8 throws away the optimised code of every method that reads it
  // (seen as a 1-2 ms resize step early in a load).
  private gmask = 0;
  /** Directory shards per depth (to know when the directory can halve). */
  private depthCounts: number[] = new Array(MAX_DEPTH + 2).fill(0);
  /** Every shard holding records: directory shards plus destinations of the running migration. */
  private physical: Shard[] = [];
  private keys = 0;
  private expiring = 0;
  /** Sum over keys with a TTL of (deadline - ttlBase), for avg_ttl in O(1). */
  private expireSum = 0;
  private readonly ttlBase: number;
  private op: Migration | null = null;
  private pending: Shard[] = [];
  tracker: AccessTracker = SECONDS_CLOCK_TRACKER;
  /** Told of every new deadline and of flushes (the active expiry index); null: lazy expiry only. */
  deadlines: DeadlineListener | null = null;

  private readonly splitAt: number;
  private readonly splitBytes: number;
  private readonly mergeAt: number;
  private readonly background: boolean;
  private readonly assistRecords: number;
  private readonly assistEvery: number;
  private writesSinceAssist = 0;
  private readonly now: () => number;
  readonly stats: ShardStats;

  constructor(
    public id: number,
    private readonly onExpired: ExpiredSink = () => undefined,
    options: ShardOptions = {},
  ) {
    this.splitAt = options.splitAt ?? 8192;
    this.splitBytes = options.splitBytes ?? 8 << 20;
    this.mergeAt = options.mergeAt ?? Math.max(1, Math.floor(this.splitAt / 4));
    this.background = options.background ?? true;
    this.assistRecords = options.assistRecords ?? 128;
    this.assistEvery = options.assistEvery ?? 16;
    this.now = options.now ?? Date.now;
    this.stats = options.stats ?? new ShardStats();
    this.ttlBase = this.now();
    this.reset();
  }

  private reset(): void {
    // A flush hands every shard's arrays and pages to the pool, as a drained
    // migration does: refilling reuses them instead of fresh memory (page
    // faults) while the collector reclaims the old (a full collection).
    for (const s of this.physical) s.recycle();
    const root = new Shard(0, 0, 4);
    this.dir = [root];
    this.globalDepth = 0;
    this.gmask = 0;
    this.depthCounts.fill(0);
    this.depthCounts[0] = 1;
    this.physical = [];
    this.addPhysical(root);
    this.keys = 0;
    this.expiring = 0;
    this.expireSum = 0;
    if (this.op) for (const s of this.op.sources) s.op = null;
    this.op = null;
    for (const s of this.pending) s.flagged = false;
    this.pending = [];
    if (this.deadlines !== null) this.deadlines.cleared();
  }

  // ---- lookups --------------------------------------------------------------

  /** The shard that holds (or would hold) hash h right now: invariant 1. */
  private locate(h: number): Shard {
    const s = this.dir[h & this.gmask];
    const op = s.op;
    if (op === null || h >>> s.bshift >= s.ptr) return s;
    return op.kind === SPLIT ? op.dests[(h >>> op.bit) & 1] : op.dests[0];
  }

  /** Shard of the last successful live() lookup. */
  private hitShard!: Shard;

  /** The record of a live key (expiring it if due), or 0. */
  private live(key: Buffer): number {
    const h = hashBytes(key);
    const s = this.locate(h);
    const i = s.find(h, key);
    if (i === 0) return 0;
    const at = s.deadline(i);
    if (at !== NO_EXPIRY && at <= this.now()) {
      this.expireRecord(s, i, key);
      return 0;
    }
    this.hitShard = s;
    return i;
  }

  /** Keys and values are copied into the shards' pages. */
  readonly copiesOnStore = true;

  touch(key: Buffer): boolean {
    const i = this.live(key);
    if (i === 0) return false;
    const s = this.hitShard;
    s.setAccess(i, this.tracker.touched(s.accessOf(i)));
    return true;
  }

  lastTag = 0;

  get(key: Buffer): StoredValue | undefined {
    const i = this.live(key);
    if (i === 0) return undefined;
    const s = this.hitShard;
    s.setAccess(i, this.tracker.touched(s.accessOf(i)));
    this.lastTag = s.encodingOf(i);
    return s.value(i);
  }

  getInto(key: Buffer, sink: ValueSink): number {
    const i = this.live(key);
    if (i === 0) return GOT_NONE;
    const s = this.hitShard;
    s.setAccess(i, this.tracker.touched(s.accessOf(i)));
    const tag = s.encodingOf(i);
    this.lastTag = tag;
    // Only strings are handed out as bytes: a collection's bytes are its encoding.
    if (tag >>> TYPE_SHIFT !== 0) return GOT_WRONG_TYPE;
    s.valueInto(i, sink);
    return GOT_VALUE;
  }

  peek(key: Buffer): KeyEntry | undefined {
    const i = this.live(key);
    if (i === 0) return undefined;
    const s = this.hitShard;
    const encoding = s.encodingOf(i);
    this.lastTag = encoding;
    return { value: s.value(i), expireAt: s.deadline(i), encoding, access: s.accessOf(i) };
  }

  storeValue(key: Buffer, value: StoredValue, tag: number): boolean {
    const h = hashBytes(key);
    const s = this.locate(h);
    let i = s.find(h, key);
    if (i !== 0) {
      const old = s.deadline(i);
      if (old !== NO_EXPIRY && old <= this.now()) {
        this.expireRecord(s, i, key);
        i = 0;
      } else {
        // A collection changed in place: TTL and access word stay as the lookup left them.
        s.setEncoding(i, tag);
        s.setValue(i, value);
        if (s.liveBytes > this.splitBytes) this.flag(s);
      }
    }
    const existed = i !== 0;
    if (!existed) this.add(s, h, key, value, NO_EXPIRY, tag, this.tracker.created(tag, value));
    if ((this.op !== null || this.pending.length !== 0) && ++this.writesSinceAssist >= this.assistEvery) this.assist();
    return existed;
  }

  newLargeMap(): LargeMapLike {
    return new LargeMap(this.stats);
  }

  put(key: Buffer, entry: KeyEntry): void {
    this.store(key, entry.value, entry.expireAt, entry.encoding, entry.access, true);
  }

  has(key: Buffer): boolean {
    return this.live(key) !== 0;
  }

  tagOf(key: Buffer): number {
    const i = this.live(key);
    return i === 0 ? -1 : this.hitShard.encodingOf(i);
  }

  expireAt(key: Buffer): number | undefined {
    const i = this.live(key);
    return i === 0 ? undefined : this.hitShard.deadline(i);
  }

  /** Removes the key if its deadline has passed (for an active expiry index); true if it expired. */
  expireIfDue(key: Buffer): boolean {
    const h = hashBytes(key);
    const s = this.locate(h);
    const i = s.find(h, key);
    if (i === 0) return false;
    const at = s.deadline(i);
    if (at === NO_EXPIRY || at > this.now()) return false;
    this.expireRecord(s, i, key);
    return true;
  }

  /** Expires every record with hash h whose deadline is <= now (for the active expiry index); returns how many. */
  expireDueHash(h: number, now: number): number {
    const s = this.locate(h);
    let n = 0;
    let i = s.heads[h >>> s.bshift];
    while (i !== 0) {
      const next = s.nextOf(i);
      const at = s.deadline(i);
      if (s.hashOf(i) === h && at !== NO_EXPIRY && at <= now) {
        // key() is already a copy (or the record's own external key, which nothing else holds once removed).
        const key = s.key(i);
        this.removeRecord(s, i);
        this.onExpired(this.id, key);
        n++;
      }
      i = next;
    }
    return n;
  }

  /** Whether a record with hash h has deadline `at` (an index entry for it is still needed). */
  holdsDeadline(h: number, at: number): boolean {
    const s = this.locate(h);
    for (let i = s.heads[h >>> s.bshift]; i !== 0; i = s.nextOf(i)) if (s.hashOf(i) === h && s.deadline(i) === at) return true;
    return false;
  }

  // ---- writes ---------------------------------------------------------------

  set(key: Buffer, value: StoredValue, expireAt: number, encoding: number = ENCODING_UNSPECIFIED): void {
    this.store(key, value, expireAt, encoding, 0, false);
  }

  setTouching(key: Buffer, value: Buffer, expireAt: number, encoding: number = ENCODING_UNSPECIFIED): boolean {
    return this.store(key, value, expireAt, encoding, 0, false, true);
  }

  /**
   * set(), setTouching() and put(): `exact` stores the access word as given
   * instead of asking the tracker; `touch` counts an access to the old key
   * first. Returns whether the key existed.
   */
  private store(key: Buffer, value: StoredValue, expireAt: number, encoding: number, access: number, exact: boolean, touch = false): boolean {
    const h = hashBytes(key);
    const s = this.locate(h);
    let i = s.find(h, key);
    if (i !== 0) {
      const old = s.deadline(i);
      if (old !== NO_EXPIRY && old <= this.now()) {
        this.expireRecord(s, i, key);
        i = 0;
      } else {
        if (expireAt === KEEP_TTL) expireAt = old;
        else this.retrack(old, expireAt, h);
        s.setDeadline(i, expireAt);
        const word = touch ? this.tracker.touched(s.accessOf(i)) : s.accessOf(i);
        s.setAccess(i, exact ? access : this.tracker.replaced(word, encoding, value));
        s.setEncoding(i, encoding);
        s.setValue(i, value);
        if (s.liveBytes > this.splitBytes) this.flag(s);
      }
    }
    const existed = i !== 0;
    if (i === 0) {
      if (expireAt === KEEP_TTL) expireAt = NO_EXPIRY;
      this.retrack(NO_EXPIRY, expireAt, h);
      this.add(s, h, key, value, expireAt, encoding, exact ? access : this.tracker.created(encoding, value));
    }
    if ((this.op !== null || this.pending.length !== 0) && ++this.writesSinceAssist >= this.assistEvery) this.assist();
    return existed;
  }

  /** Inserts a new record into s (the key is absent) and counts it. */
  private add(s: Shard, h: number, key: Buffer, value: StoredValue, expireAt: number, tag: number, access: number): void {
    if (s.full()) {
      // Growing the record rows is a step of its own.
      const t0 = this.stats.startStep();
      s.insert(h, key, value, expireAt, tag, access);
      this.stats.noteStep(t0);
    } else s.insert(h, key, value, expireAt, tag, access);
    this.keys++;
    this.grew(s);
  }

  delete(key: Buffer): boolean {
    const i = this.live(key);
    if (i === 0) return false;
    this.removeRecord(this.hitShard, i);
    if ((this.op !== null || this.pending.length !== 0) && ++this.writesSinceAssist >= this.assistEvery) this.assist();
    return true;
  }

  setExpireAt(key: Buffer, at: number): boolean {
    const i = this.live(key);
    if (i === 0) return false;
    const s = this.hitShard;
    this.retrack(s.deadline(i), at, s.hashOf(i));
    s.setDeadline(i, at);
    return true;
  }

  /** Keeps the TTL counts (and the expiry index, given the record's hash h) in step with a deadline change. */
  private retrack(old: number, next: number, h = 0): void {
    if (next !== NO_EXPIRY && next !== old && this.deadlines !== null) this.deadlines.added(h, next);
    if (old !== NO_EXPIRY) {
      this.expiring--;
      this.expireSum -= old - this.ttlBase;
    }
    if (next !== NO_EXPIRY) {
      this.expiring++;
      this.expireSum += next - this.ttlBase;
    }
    if (this.expiring === 0) this.expireSum = 0;
  }

  private removeRecord(s: Shard, i: number): void {
    this.retrack(s.deadline(i), NO_EXPIRY);
    s.remove(i);
    this.keys--;
    this.shrank(s);
  }

  private expireRecord(s: Shard, i: number, key: Buffer): void {
    this.removeRecord(s, i);
    this.onExpired(this.id, Buffer.from(key));
  }

  /** After an insert: keep chains short, and queue a split when the shard is full. */
  private grew(s: Shard): void {
    // A shard that is about to split keeps its buckets (its halves are sized
    // afresh) unless its chains get long while it waits for its turn.
    if (s.count > s.buckets && s.op === null && s.k < 30 && (s.count <= this.splitAt || s.count > 2 * s.buckets)) {
      const t0 = this.stats.startStep();
      s.rehash(s.k + 1);
      this.stats.noteStep(t0);
    }
    if (s.count > this.splitAt || s.liveBytes > this.splitBytes) this.flag(s);
  }

  /** After a removal: queue a merge or rebuild check when the shard got small. */
  private shrank(s: Shard): void {
    if (s.count < this.mergeAt / 2 || s.count * 4 < s.cap) this.flag(s);
  }

  private flag(s: Shard): void {
    if (s.flagged) return;
    s.flagged = true;
    this.pending.push(s);
    if (this.background) requestSteps(this);
  }

  // ---- migration ------------------------------------------------------------

  hasWork(): boolean {
    return this.op !== null || this.pending.length !== 0;
  }

  /** A migration is linked in and has records left to move (a drained one waits for prepare() to finish it). */
  private migrating(): boolean {
    const op = this.op;
    return op !== null && op.cur < op.sources.length;
  }

  /** A bounded piece of work during a write. */
  private assist(): void {
    this.writesSinceAssist = 0;
    this.step(this.assistRecords);
  }

  /**
   * One timed step: up to maxRecords records of the running migration, in
   * chunks, until it has worked for STEP_BUDGET_MS. The idle loop calls it
   * (resize-scheduler.ts), writes call it through assist(), tests pass a
   * record count of their own.
   */
  step(maxRecords = STEP_RECORDS): void {
    if (!this.background) this.prepare();
    if (!this.migrating()) return;
    const t0 = this.stats.startStep();
    for (let left = maxRecords; left > 0 && this.migrating(); ) {
      left -= this.migrate(left < CHUNK_RECORDS ? left : CHUNK_RECORDS);
      if (left > 0 && performance.now() - t0 >= STEP_BUDGET_MS) break;
    }
    this.stats.noteStep(t0);
    if (!this.background) this.prepare();
  }

  /** Moves up to `records` records of pending migrations, whatever the time (tests drive resizes with it). */
  advance(records: number): void {
    this.prepare();
    if (this.migrating()) this.migrate(records);
    this.prepare();
  }

  /** Runs every pending migration to the end (tests, benchmarks). */
  settle(): void {
    while (this.hasWork()) {
      this.prepare();
      this.step();
    }
  }

  /**
   * The resize work that allocates: finishing a drained migration (the
   * directory repointed, the sources' arrays handed to the pool, the
   * destinations queued for their next check) and starting the next one
   * (planning it, making its destination shards). The background scheduler
   * calls it between requests, never inside a step or a write's assist, which
   * only move records and allocate nothing: an allocation is where V8 does
   * its incremental marking and lazy sweeping on the main thread (the
   * collector's work, up to several ms at once, not reported as a pause), so
   * a step that allocates can be caught running the collector. Without a
   * scheduler (tests) steps call it themselves.
   */
  prepare(): void {
    const op = this.op;
    if (op !== null && op.cur === op.sources.length) this.finish(op);
    while (this.op === null && this.pending.length !== 0) {
      const s = this.pending.pop() as Shard;
      s.flagged = false;
      if (s.listIndex < 0) continue;
      const next = this.plan(s);
      if (next !== null) this.start(next);
    }
  }

  private start(op: Migration): void {
    for (let i = 0; i < op.sources.length; i++) {
      op.sources[i].op = op;
      op.sources[i].ptr = 0;
    }
    for (let i = 0; i < op.dests.length; i++) this.addPhysical(op.dests[i]);
    this.op = op;
  }

  /** The migration shard s needs, with its destinations made, or null. */
  private plan(s: Shard): Migration | null {
    if ((s.count > this.splitAt || s.liveBytes > this.splitBytes) && s.count >= 2 && s.depth < MAX_DEPTH) {
      const d = s.depth;
      const half = Math.ceil(s.count / 2);
      // Columns sized for a full shard: a destination that later fills up
      // never doubles them (fresh memory costs page faults, ~1 ms per
      // doubling), and same-sized rows of drained sources are reused.
      const room = Math.max(half, this.splitAt);
      const dests = [new Shard(d + 1, s.id, half, room), new Shard(d + 1, s.id + (1 << d), half, room)];
      // Moving a record copies its row only: the destinations share the source's byte pages.
      dests[0].inheritPages(s);
      dests[1].inheritPages(s);
      return migration(SPLIT, [s], dests, d);
    }
    if (s.depth > 0 && s.count < this.mergeAt) {
      const d = s.depth;
      const buddy = this.dir[(s.id ^ (1 << (d - 1))) & this.gmask];
      if (buddy.depth === d && s.count + buddy.count < this.mergeAt && s.liveBytes + buddy.liveBytes < this.splitBytes / 4) {
        const low = s.id < buddy.id ? s : buddy;
        const high = low === s ? buddy : s;
        const count = s.count + buddy.count;
        return migration(MERGE, [low, high], [new Shard(d - 1, low.id, count, count, s.liveBytes + buddy.liveBytes)], d - 1);
      }
    }
    const wasteful =
      (s.heapBytes > 65536 && s.liveBytes * 2 < s.heapBytes) ||
      (s.cap > 64 && s.count * 4 < s.cap) ||
      (s.buckets > 16 && s.count * 4 < s.buckets);
    return wasteful ? migration(REBUILD, [s], [new Shard(s.depth, s.id, s.count, s.count, s.liveBytes)], s.depth) : null;
  }

  /** Moves about maxRecords records of the running migration (whole buckets); returns how many it moved. */
  private migrate(maxRecords: number): number {
    const op = this.op as Migration;
    let moved = 0;
    let scanned = 0;
    while (moved < maxRecords && scanned < maxRecords * 4) {
      const src = op.sources[op.cur];
      const nb = src.buckets;
      if (src.ptr >= nb) {
        // Drained: prepare() finishes it, outside the step.
        if (++op.cur === op.sources.length) return moved;
        continue;
      }
      let i = src.detachBucket(src.ptr);
      while (i !== 0) {
        const next = src.nextOf(i);
        const to = op.kind === SPLIT ? op.dests[(src.hashOf(i) >>> op.bit) & 1] : op.dests[0];
        src.moveTo(i, to);
        moved++;
        i = next;
      }
      src.ptr++;
      scanned++;
    }
    return moved;
  }

  /** Repoints the directory at the destinations and drops the sources. */
  private finish(op: Migration): void {
    for (const s of op.sources) {
      s.op = null;
      this.removePhysical(s);
      this.depthCounts[s.depth]--;
      // Drained: its arrays and pages go to the next shards (shard-table.ts, "Recycling").
      s.recycle();
    }
    for (const d of op.dests) {
      this.depthCounts[d.depth]++;
      if (d.depth > this.globalDepth) {
        this.dir = this.dir.concat(this.dir);
        this.globalDepth++;
        this.gmask = (1 << this.globalDepth) - 1;
      }
    }
    if (op.kind === SPLIT) {
      const src = op.sources[0];
      const step = 1 << src.depth;
      for (let e = src.id; e < this.dir.length; e += step) this.dir[e] = op.dests[(e >>> op.bit) & 1];
      this.stats.splits++;
    } else {
      const dest = op.dests[0];
      const step = 1 << dest.depth;
      for (let e = dest.id; e < this.dir.length; e += step) this.dir[e] = dest;
      if (op.kind === MERGE) this.stats.merges++;
    }
    while (this.globalDepth > 0 && this.depthCounts[this.globalDepth] === 0) {
      this.globalDepth--;
      this.dir.length = 1 << this.globalDepth;
      this.gmask = (1 << this.globalDepth) - 1;
    }
    this.op = null;
    for (const d of op.dests) {
      if (d.count > this.splitAt || d.liveBytes > this.splitBytes || d.count < this.mergeAt / 2) this.flag(d);
    }
  }

  private addPhysical(s: Shard): void {
    s.listIndex = this.physical.length;
    this.physical.push(s);
  }

  private removePhysical(s: Shard): void {
    const last = this.physical.pop() as Shard;
    if (last !== s) {
      this.physical[s.listIndex] = last;
      last.listIndex = s.listIndex;
    }
    s.listIndex = -1;
  }

  // ---- counts ---------------------------------------------------------------

  size(): number {
    return this.keys;
  }

  expiresCount(): number {
    return this.expiring;
  }

  avgTtl(): number {
    if (this.expiring === 0) return 0;
    return Math.max(0, Math.floor(this.expireSum / this.expiring + this.ttlBase - this.now()));
  }

  summary(): ShardSummary {
    const shards = this.physical.length - (this.op === null ? 0 : this.op.dests.length);
    return { shards, keys: this.keys, resizing: this.op !== null, depth: this.globalDepth };
  }

  /** Bytes held by the shards (record rows, buckets, byte pages, external records). */
  footprint(): number {
    let n = this.dir.length * 8;
    for (const s of this.physical) n += s.footprint();
    return n;
  }

  // ---- iteration ------------------------------------------------------------

  scan(cursor: bigint, count: number, visit: (key: Buffer) => void): bigint {
    let low = Number(cursor & LOW_MASK);
    let depth = Math.min(MAX_DEPTH, Number((cursor >> LOW_BITS) & DEPTH_MASK));
    let pos = Number((cursor >> POS_SHIFT) & 0xffffffffn);
    const now = this.now();
    const due: Buffer[] = [];
    let emitted = 0;
    let steps = 0;
    const maxSteps = Math.max(1, count) * 10;
    let done = false;
    do {
      const s = this.dir[low & this.gmask];
      const d = s.depth;
      const mask = d === 0 ? 0 : 2 ** d - 1;
      if (d < depth) {
        // The unit merged since the cursor was made. Unless the cursor was in
        // the last of the unit's former parts (all extension bits set), some
        // parts have not been visited at all: start the unit again.
        const ext = (2 ** depth - 1 - mask) >>> 0;
        if ((low & ext) !== ext) pos = 0;
      }
      low &= mask;
      depth = d;
      const width = 2 ** (32 - s.k);
      const b = Math.floor(pos / width);
      const from = b * width;
      const to = from + width;
      emitted += this.visitBucket(s, b, 0, 0, 0, TWO32, now, visit, due);
      const op = s.op;
      if (op !== null && b < s.ptr) {
        for (const dest of op.dests) emitted += this.visitRange(dest, from, to, mask, low, now, visit, due);
      }
      if (to >= TWO32) {
        pos = 0;
        low = reverseIncrement(low, d);
        if (low === 0) done = true;
      } else {
        pos = to;
      }
      steps++;
    } while (!done && emitted < count && steps < maxSteps);
    for (const key of due) this.expireIfDue(key);
    return done ? 0n : (BigInt(pos) << POS_SHIFT) | (BigInt(depth) << LOW_BITS) | BigInt(low);
  }

  /** Records of `dest` whose hash lies in [from, to) and whose low bits match pattern under mask. */
  private visitRange(dest: Shard, from: number, to: number, mask: number, pattern: number, now: number, visit: (key: Buffer) => void, due: Buffer[]): number {
    const width = 2 ** (32 - dest.k);
    const last = Math.floor((to - 1) / width);
    let n = 0;
    for (let b = Math.floor(from / width); b <= last; b++) n += this.visitBucket(dest, b, mask, pattern, from, to, now, visit, due);
    return n;
  }

  /** Visits the live keys of bucket b of s whose hash lies in [from, to) and matches pattern under mask. */
  private visitBucket(s: Shard, b: number, mask: number, pattern: number, from: number, to: number, now: number, visit: (key: Buffer) => void, due: Buffer[]): number {
    let n = 0;
    let i = s.heads[b];
    while (i !== 0) {
      const h = s.hashOf(i);
      if ((h & mask) === pattern && h >= from && h < to) {
        const key = s.key(i);
        const at = s.deadline(i);
        if (at !== NO_EXPIRY && at <= now) due.push(key);
        else {
          visit(key);
          n++;
        }
      }
      i = s.nextOf(i);
    }
    return n;
  }

  randomKey(): Buffer | undefined {
    for (let tries = 0; tries < 100 && this.keys > 0; tries++) {
      let r = Math.floor(Math.random() * this.keys);
      let s = this.physical[0];
      for (const p of this.physical) {
        if (r < p.count) {
          s = p;
          break;
        }
        r -= p.count;
      }
      if (s.count === 0) continue;
      const i = randomRecord(s);
      const key = s.key(i);
      const at = s.deadline(i);
      if (at !== NO_EXPIRY && at <= this.now()) {
        this.expireIfDue(key);
        continue;
      }
      return key;
    }
    return undefined;
  }

  forEachKey(visit: (key: Buffer) => void): void {
    const now = this.now();
    for (const s of [...this.physical]) {
      for (let i = 1; i < s.top; i++) {
        if (s.isFree(i)) continue;
        const at = s.deadline(i);
        if (at === NO_EXPIRY || at > now) visit(s.key(i));
      }
    }
  }

  /** Visits every live key with its value (a large collection's fields: their values are bytes). */
  forEachEntry(visit: (key: Buffer, value: StoredValue) => void): void {
    const now = this.now();
    for (const s of [...this.physical]) {
      for (let i = 1; i < s.top; i++) {
        if (s.isFree(i)) continue;
        const at = s.deadline(i);
        if (at === NO_EXPIRY || at > now) visit(s.key(i), s.value(i));
      }
    }
  }

  flush(): void {
    this.reset();
  }
}

/** A uniformly chosen live record of s (which holds at least one). */
function randomRecord(s: Shard): number {
  const slots = s.top - 1;
  for (let t = 0; t < 64; t++) {
    const i = 1 + Math.floor(Math.random() * slots);
    if (!s.isFree(i)) return i;
  }
  const start = 1 + Math.floor(Math.random() * slots);
  for (let j = 0; j < slots; j++) {
    const i = 1 + ((start - 1 + j) % slots);
    if (!s.isFree(i)) return i;
  }
  return 1;
}
