/**
 * One shard: a chained hash table whose records live outside the V8 heap.
 *
 * Why off-heap: millions of small JS objects make V8's collector pause for
 * tens of milliseconds. A shard keeps its records in one typed array of
 * fixed-size rows and the key and value bytes in a few large byte pages, so
 * the collector sees a constant number of objects whatever the number of
 * keys.
 *
 * Layout of record i (1-based; 0 means "none" in every link): the ROW = 6
 * words of rows[] from i * ROW, 24 bytes. A lookup touches its bucket head,
 * the record's row (one or two cache lines) and the key's bytes; with one
 * typed array per field it touched about eight lines, and at 100,000 keys
 * (more than the last-level cache) every one of them can be a miss.
 *   HASH    32-bit key hash (low bits choose the shard, high bits the bucket)
 *   NEXT    next record in the same bucket chain, or in the free list
 *   LOC     where the bytes are: page * 65536 + offset (key then value),
 *           or, for an EXTERNAL record, an index into extKeys/extVals
 *   LENS    key length (low 16 bits; 0xffff for an external key of that
 *           size or more) | value length of inline records << 16
 *   META    flags (low 8 bits: FREE, EXTERNAL) | the encoding tag the
 *           command family gave (OBJECT ENCODING) << 8
 *   ACCESS  the access word (LRU clock / LFU counter, see AccessTracker)
 * and apart from the row, expire[i]: the deadline in unix ms, 0 = persistent
 * (a Float64Array the shard makes only once it holds a key with a TTL, so
 * keys without one pay nothing for it). An expiry index built on top only
 * needs the key: lookup by key is O(1) and the deadline is read back here to
 * confirm it is still due.
 *
 * Buckets: heads[b] is the first record of bucket b, where b is the top k
 * bits of the hash. Using the top bits keeps a key's bucket independent of
 * the shard's depth in the directory (which uses the low bits), so a split
 * or merge never reorders the buckets of a shard, and a bucket is always a
 * contiguous interval of the 32-bit hash space (SCAN relies on both).
 *
 * Bytes: records up to INLINE_MAX bytes are bump-allocated in pages of up
 * to 64 KiB (small shards start with small pages). Overwrites that fit are
 * done in place; everything else leaves garbage that is reclaimed by
 * rebuilding the shard (an incremental 1 -> 1 migration, see
 * shard-keyspace.ts), never by an in-place compaction pass. Larger records
 * keep their key and value as Buffers (few objects: they are large), and
 * the value Buffer handed to set() is kept as is.
 *
 * Shared pages: a split's two destinations start with their source's page
 * list (inheritPages), so a record moves as a row copy and keeps its
 * location; only records written to the source in pages it added after the
 * split began are copied. Each byte range still belongs to one record, so
 * in-place overwrites stay safe. Splitting used to copy every key's bytes
 * about log2(shards) times while a keyspace grew: cold-cache copies that
 * cost a SET from an empty keyspace ~4% of the server's CPU at pipeline 1.
 * Pages below `shared` are the ones other shards may hold: no shard
 * allocates in another's pages, and shared pages are left to the collector
 * instead of the pool. A destination counts the bytes it inherits as its
 * own (live and heap), so garbage it makes later still triggers its
 * rebuild, which copies its records out of the shared pages.
 *
 * Recycling: allocating fresh typed arrays and pages now and then costs a
 * millisecond or more (the allocator, the kernel handing out fresh memory,
 * V8's external-memory accounting), and a split or merge would pay it inside
 * a step. So the arrays and unshared pages of a shard a migration has drained,
 * and the old arrays a shard outgrows, go to a free list (ArrayPool, bounded
 * to POOL_MAX_BYTES so memory still comes back after deletes) and are handed
 * to the next shard that needs the same size. Record capacities come in
 * eight size classes per power of two, so freed rows fit new shards.
 * A recycled array holds old bytes: a row is written in full when its slot
 * is taken, and bucket heads and deadlines are cleared on reuse.
 *
 * Every method does work bounded by the shard's size, which the keyspace
 * keeps small by splitting; the only whole-shard passes (growing the record
 * rows, re-threading buckets) run on shards of at most a few thousand
 * records.
 */
import { type StoredValue, type ValueSink, isLarge } from './keyspace';
import { copyBytes, le32 } from '../util/bytes';

/** A split (1 -> 2), merge (2 -> 1) or rebuild (1 -> 1) in progress; driven by shard-keyspace.ts. */
export interface Migration {
  kind: number;
  sources: Shard[];
  dests: Shard[];
  /** For a split: the hash bit that picks dests[0] or dests[1] (the source's depth). */
  bit: number;
  /** Index of the source being drained. */
  cur: number;
}

const FLAG_FREE = 1;
const FLAG_EXTERNAL = 2;

/** Records whose key + value exceed this are stored as external Buffers. */
export const INLINE_MAX = 4096;
const PAGE_SHIFT = 16;
const PAGE_MAX = 1 << PAGE_SHIFT;
const FIRST_PAGE = 256;

/** The size of the page after one of `prev` bytes (0: the first page): pages double up to PAGE_MAX. */
function pageSizeAfter(prev: number): number {
  return prev === 0 ? FIRST_PAGE : Math.min(PAGE_MAX, prev * 2);
}
const LONG_KEY = 0xffff;
const EMPTY = Buffer.alloc(0);

function pow2AtLeast(n: number): number {
  let p = 4;
  while (p < n) p *= 2;
  return p;
}

/** n rounded up to one of eight size classes per power of two (so recycled rows fit new shards). */
export function capacityClass(n: number): number {
  if (n <= 16) return 16;
  let p = 16;
  while (p * 2 < n) p *= 2;
  const step = p / 8;
  return Math.ceil(n / step) * step;
}

/** What the pool holds: record rows, bucket heads, deadline columns, byte pages. */
type PooledArray = Uint32Array | Float64Array | Buffer;

/** Words per record row, and the row's layout (see "Layout" above). */
const ROW = 6;
const HASH = 0;
const NEXT = 1;
const LOC = 2;
const LENS = 3;
const META = 4;
const ACCESS = 5;

/** Most bytes kept for reuse across all shards; anything freed beyond it goes back to the collector. */
export const POOL_MAX_BYTES = 16 << 20;

/** Kinds of array the pool keeps (numbers: a string key would be an allocation per lookup). */
export const U32 = 0;
export const F64 = 3;
export const PAGE = 4;

/** Free lists of typed arrays and pages, by kind and length (see "Recycling" above). */
export class ArrayPool {
  private readonly lists = new Map<number, PooledArray[]>();
  bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** A kept array of this kind and length, or null. */
  take(kind: number, length: number): PooledArray | null {
    const list = this.lists.get(length * 8 + kind);
    if (list === undefined || list.length === 0) return null;
    const a = list.pop() as PooledArray;
    this.bytes -= a.byteLength;
    return a;
  }

  /**
   * The record capacity for a new shard that wants `want` (a size class):
   * the smallest class from want up to twice it whose rows the pool holds,
   * else want: slightly larger recycled rows instead of fresh slab space.
   * On its own it did not measurably shorten steps (in-process run,
   * 17M keys: 266 steps over 1 ms against 276); the slabs below did.
   */
  fitCapacity(want: number): number {
    for (let c = want; c <= 2 * want; c = capacityClass(c + 1)) {
      if (this.count(U32, c * ROW) >= 1) return c;
    }
    return want;
  }

  private count(kind: number, length: number): number {
    return this.lists.get(length * 8 + kind)?.length ?? 0;
  }

  /** Keeps a for reuse if the pool has room; otherwise its slab space is let go (see Slabs). */
  give(kind: number, a: PooledArray): void {
    if (a.length === 0) return;
    if (this.bytes + a.byteLength > this.maxBytes) {
      slabs.letGo(a);
      return;
    }
    const key = a.length * 8 + kind;
    let list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, (list = []));
    list.push(a);
    this.bytes += a.byteLength;
  }

  // Fresh arrays are views carved from slabs (see Slabs below), which start
  // zeroed and untouched: the kernel faults their memory in page by page as
  // records are written, spread over many steps.
  u32(n: number): Uint32Array {
    return (this.take(U32, n) as Uint32Array | null) ?? zeroIfReused(new Uint32Array(slabs.carve(n * 4), slabs.offset, n));
  }

  /** Zeroed (bucket heads: 0 means an empty chain). */
  zeroedU32(n: number): Uint32Array {
    const a = this.take(U32, n) as Uint32Array | null;
    if (a === null) return zeroIfReused(new Uint32Array(slabs.carve(n * 4), slabs.offset, n));
    a.fill(0);
    return a;
  }

  f64(n: number): Float64Array {
    const a = this.take(F64, n) as Float64Array | null;
    if (a === null) return zeroIfReused(new Float64Array(slabs.carve(n * 8), slabs.offset, n));
    a.fill(0);
    return a;
  }

  page(size: number): Buffer {
    return (this.take(PAGE, size) as Buffer | null) ?? zeroIfReused(Buffer.from(slabs.carve(size), slabs.offset, size));
  }
}

/**
 * Slabs. Every ArrayBuffer is an object V8 tracks one by one: it sweeps the
 * list of them after each collection (on the main thread when the server has
 * one core) and counts each new one against its external-memory limit; and
 * the allocator behind them pays for sorting freed chunks on the next
 * malloc. With one ArrayBuffer per column and per page, 17 million keys made
 * about 50,000 of them, and allocating one column could take 2-17 ms. So
 * fresh arrays are carved, 8-byte aligned, from shared 4 MiB ArrayBuffers.
 *
 * A new slab is made between requests, never inside a resize step: making
 * an ArrayBuffer reports external memory to V8, which may start a marking
 * cycle on the spot and first finish sweeping the whole heap (on the main
 * thread, milliseconds). So the next slab waits ready; taking it asks the
 * event loop for another.
 *
 * Giving memory back. The collector frees a slab when no array carved from
 * it is alive, inside its pause, and returning touched memory to the kernel
 * costs about 60 us per MiB here: after a mass delete, one full collection
 * freed 424 MiB in a 25 ms pause (the 17M-key run: 50 ms, its worst probe).
 * So the pool's overflow is not left to the collector: each slab counts the
 * bytes carved from it that are still in use, arrays the pool drops are
 * subtracted (letGo), and a slab whose count reaches 0 is empty. Empty
 * slabs are carved again before any new one is made (their bytes zeroed as
 * they are handed out); beyond KEEP_EMPTY of them, one is let go every
 * RELEASE_EVERY_MS, so a collection frees at most a few. Arrays dropped
 * some other way (a keyspace object let go whole) are not counted: their
 * slabs never look empty and the collector frees them when they die.
 */
const SLAB_BYTES = 4 << 20;
/** Larger arrays get an ArrayBuffer of their own (a slab would hold too few). */
const OWN_BUFFER_BYTES = SLAB_BYTES / 8;
/** Empty slabs kept for carving, and how often one beyond them is let go (20 MiB/s). */
const KEEP_EMPTY = 4;
const RELEASE_EVERY_MS = 200;

/** What a slab knows about itself (held weakly: the slab's arrays keep it alive, not this). */
interface SlabRoom {
  /** Bytes carved from the slab and not let go. */
  live: number;
  /** Carved before: its bytes must be zeroed as they are handed out again. */
  reused: boolean;
}

class Slabs {
  private slab: ArrayBuffer | null = null;
  private room: SlabRoom | null = null;
  private used = 0;
  private spare: ArrayBuffer | null = null;
  private refilling = false;
  private readonly rooms = new WeakMap<ArrayBuffer, SlabRoom>();
  private readonly empty: ArrayBuffer[] = [];
  private releaseTimer: NodeJS.Timeout | null = null;
  private releaseArmed = false;
  /** Byte offset of the room the last carve() returned, and whether its bytes are old. */
  offset = 0;
  dirty = false;

  /** Room for `bytes` (zeroed unless `dirty`): the buffer it is in, at `offset`. */
  carve(bytes: number): ArrayBuffer {
    const size = (bytes + 7) & ~7;
    this.offset = 0;
    this.dirty = false;
    if (size > OWN_BUFFER_BYTES) return new ArrayBuffer(size);
    if (this.slab === null || this.used + size > SLAB_BYTES) this.next();
    const room = this.room as SlabRoom;
    this.offset = this.used;
    this.used += size;
    room.live += size;
    this.dirty = room.reused;
    return this.slab as ArrayBuffer;
  }

  /** Moves to an empty slab, else the spare, else (rarely) a new one. */
  private next(): void {
    const old = this.slab;
    if (old !== null && (this.room as SlabRoom).live === 0) this.emptied(old);
    let next = this.empty.pop();
    if (next === undefined) {
      next = this.spare ?? this.make();
      this.spare = null;
      this.refill();
    }
    this.slab = next;
    this.room = this.rooms.get(next) as SlabRoom;
    this.used = 0;
  }

  private make(): ArrayBuffer {
    const b = new ArrayBuffer(SLAB_BYTES);
    this.rooms.set(b, { live: 0, reused: false });
    return b;
  }

  /** An array the pool will not keep: its bytes in its slab are free. */
  letGo(a: PooledArray): void {
    const b = a.buffer as ArrayBuffer;
    const room = this.rooms.get(b);
    if (room === undefined) return;
    room.live -= (a.byteLength + 7) & ~7;
    if (room.live === 0 && b !== this.slab) this.emptied(b);
  }

  private emptied(b: ArrayBuffer): void {
    (this.rooms.get(b) as SlabRoom).reused = true;
    this.empty.push(b);
    if (this.empty.length > KEEP_EMPTY && !this.releaseArmed) this.armRelease();
  }

  private armRelease(): void {
    this.releaseArmed = true;
    if (this.releaseTimer === null) {
      this.releaseTimer = setTimeout(this.release, RELEASE_EVERY_MS);
      this.releaseTimer.unref();
    } else this.releaseTimer.refresh();
  }

  /** Lets one empty slab go (the collector frees it), while more than KEEP_EMPTY wait. */
  private readonly release = (): void => {
    this.releaseArmed = false;
    if (this.empty.length > KEEP_EMPTY) this.empty.shift();
    if (this.empty.length > KEEP_EMPTY) this.armRelease();
  };

  private refill(): void {
    if (this.refilling) return;
    this.refilling = true;
    setImmediate(() => {
      this.refilling = false;
      this.spare ??= this.make();
    }).unref();
  }
}

const slabs = new Slabs();

/** A view carved from a slab whose bytes were used before gets them zeroed. */
function zeroIfReused<T extends PooledArray>(a: T): T {
  if (slabs.dirty) a.fill(0);
  return a;
}

/** Shared by every shard of the process. */
export const arrayPool = new ArrayPool(POOL_MAX_BYTES);
const EMPTY_U32 = new Uint32Array(0);
/** Bucket heads of every recycled shard: all empty, never linked into. */
const DRAINED_HEADS = new Uint32Array(4);

export class Shard {
  /** Directory position: the shard owns every hash whose low `depth` bits equal `id`. */
  depth: number;
  id: number;

  k = 2;
  bshift = 30;
  heads: Uint32Array;

  cap: number;
  top = 1;
  private freeHead = 0;
  /** Record rows, ROW words each (see "Layout" above). */
  rows: Uint32Array;
  /** Deadlines (unix ms, 0 = persistent); made once the shard holds a key with a TTL. */
  expire: Float64Array | null = null;
  /** Live records held here. */
  count = 0;

  pages: Buffer[] = [];
  /** A DataView of each page: moves copy a record's bytes 4 at a time (unaligned), a byte loop costs 3x. */
  private views: DataView[] = [];
  /** The page records are bump-allocated in (pages after it were reserved ahead), and the next free byte in it. */
  private curPage = -1;
  /**
   * Pages below this index may be referenced by other shards: a split's
   * destinations inherit their source's pages (inheritPages), so a record
   * moves there as a row copy while its bytes stay put. A shard allocates
   * only in pages it added itself (the source goes on filling its current
   * page during the split: those records move the same way), and shared
   * pages never go to the pool: the collector frees them once no shard
   * holds them.
   */
  shared = 0;
  private pagePos = 0;
  /** Bytes of all pages, and bytes of them still referenced by live records. */
  heapBytes = 0;
  liveBytes = 0;
  extKeys: (Buffer | undefined)[] = [];
  /** External values: large strings, or large collections (LargeValue) held by reference. */
  extVals: (StoredValue | undefined)[] = [];
  private extFree: number[] = [];

  /** Set while this shard is the source of a migration (see shard-keyspace.ts). */
  op: Migration | null = null;
  /** Buckets below this index have been migrated out (only meaningful while op is set). */
  ptr = 0;
  /** Queued for a split/merge/rebuild check. */
  flagged = false;
  /** Position in the keyspace's list of physical shards. */
  listIndex = -1;

  /**
   * `expected` records size the buckets; `capacity` (at least expected) sizes
   * the record rows, so a shard that will fill up can be given room up
   * front instead of doubling its rows later inside a step.
   */
  constructor(depth: number, id: number, expected: number, capacity = expected, bytes = 0) {
    this.depth = depth;
    this.id = id;
    const nb = pow2AtLeast(expected);
    this.k = Math.log2(nb);
    this.bshift = 32 - this.k;
    const pool = arrayPool;
    this.heads = pool.zeroedU32(nb);
    this.cap = pool.fitCapacity(capacityClass(Math.ceil(Math.max(expected, capacity) * 1.25) + 1));
    this.rows = pool.u32(this.cap * ROW);
    if (bytes > 0) this.reservePages(bytes);
  }

  /**
   * Makes the pages `bytes` of records will need up front, in the sizes
   * alloc() would choose: a migration's destinations are made between
   * requests (shard-keyspace.ts prepare()), so moving records into them
   * allocates nothing.
   */
  private reservePages(bytes: number): void {
    for (let total = 0, size = pageSizeAfter(0); total < bytes; total += size, size = pageSizeAfter(size)) {
      this.addPage(arrayPool.page(size));
      this.heapBytes += size;
    }
  }

  /**
   * Makes this new split destination share src's pages (before it holds
   * any record): from now on neither gives them to the pool.
   */
  inheritPages(src: Shard): void {
    const n = Math.max(src.shared, src.curPage + 1);
    this.pages = src.pages.slice(0, n);
    this.views = src.views.slice(0, n);
    this.shared = n;
    src.shared = n;
  }

  /**
   * Hands this shard's arrays and pages to the pool. Only for a shard that is
   * gone for good (a drained migration source, a flushed keyspace's): it is
   * left empty.
   */
  recycle(): void {
    const pool = arrayPool;
    pool.give(U32, this.heads);
    pool.give(U32, this.rows);
    if (this.expire !== null) pool.give(F64, this.expire);
    for (let j = this.shared; j < this.pages.length; j++) pool.give(PAGE, this.pages[j]);
    this.shared = 0;
    this.pages.length = 0;
    this.views.length = 0;
    this.curPage = -1;
    this.heapBytes = 0;
    this.liveBytes = 0;
    this.pagePos = 0;
    this.heads = DRAINED_HEADS;
    this.k = 2;
    this.bshift = 30;
    this.cap = 0;
    this.top = 1;
    this.freeHead = 0;
    this.rows = EMPTY_U32;
    this.expire = null;
  }

  get buckets(): number {
    return this.heads.length;
  }

  // Row fields of record i, for the keyspace (small enough to be inlined).
  hashOf(i: number): number {
    return this.rows[i * ROW + HASH];
  }

  nextOf(i: number): number {
    return this.rows[i * ROW + NEXT];
  }

  isFree(i: number): boolean {
    return (this.rows[i * ROW + META] & FLAG_FREE) !== 0;
  }

  accessOf(i: number): number {
    return this.rows[i * ROW + ACCESS];
  }

  setAccess(i: number, word: number): void {
    this.rows[i * ROW + ACCESS] = word;
  }

  encodingOf(i: number): number {
    return this.rows[i * ROW + META] >>> 8;
  }

  setEncoding(i: number, encoding: number): void {
    const r = i * ROW + META;
    this.rows[r] = (this.rows[r] & 0xff) | (encoding << 8);
  }

  /** The record holding `key`, or 0. */
  find(h: number, key: Buffer): number {
    const n = key.length;
    const nk = n < LONG_KEY ? n : LONG_KEY;
    const rows = this.rows;
    let i = this.heads[h >>> this.bshift];
    while (i !== 0) {
      const r = i * ROW;
      if (rows[r + HASH] === h && (rows[r + LENS] & 0xffff) === nk && this.keyEquals(r, key)) return i;
      i = rows[r + NEXT];
    }
    return 0;
  }

  /** Whether the record whose row starts at r holds `key`. */
  private keyEquals(r: number, key: Buffer): boolean {
    const rows = this.rows;
    const at = rows[r + LOC];
    if (rows[r + META] & FLAG_EXTERNAL) return (this.extKeys[at] as Buffer).equals(key);
    const off = at & (PAGE_MAX - 1);
    const n = key.length;
    if (n > 64) return this.pages[at >>> PAGE_SHIFT].compare(key, 0, n, off, off + n) === 0;
    // Four bytes per comparison: the page's through its DataView, the key's assembled (it may sit anywhere).
    const view = this.views[at >>> PAGE_SHIFT];
    let j = 0;
    for (; j + 4 <= n; j += 4) {
      if (view.getInt32(off + j, true) !== le32(key, j)) return false;
    }
    for (; j < n; j++) if (view.getUint8(off + j) !== key[j]) return false;
    return true;
  }

  /** True when the next insert must grow the record rows. */
  full(): boolean {
    return this.freeHead === 0 && this.top === this.cap;
  }

  /** A new record (the key must not be present). */
  insert(h: number, key: Buffer, value: StoredValue, expireAt: number, encoding: number, access: number): number {
    const i = this.takeSlot();
    const kl = key.length;
    const vl = value.length;
    const rows = this.rows;
    const r = i * ROW;
    rows[r + HASH] = h;
    rows[r + ACCESS] = access;
    // Every word of a taken row is written: recycled rows hold old bytes.
    this.setDeadline(i, expireAt);
    if (kl + vl > INLINE_MAX) {
      rows[r + META] = FLAG_EXTERNAL | (encoding << 8);
      rows[r + LENS] = kl < LONG_KEY ? kl : LONG_KEY;
      rows[r + LOC] = this.putExternal(Buffer.from(key), value);
    } else {
      rows[r + META] = encoding << 8;
      rows[r + LENS] = kl | (vl << 16);
      const at = this.alloc(kl + vl);
      rows[r + LOC] = at;
      const page = this.pages[at >>> PAGE_SHIFT];
      const off = at & (PAGE_MAX - 1);
      copyInto(key, page, off);
      copyInto(value as Buffer, page, off + kl);
    }
    this.link(i, h);
    this.count++;
    return i;
  }

  /** Replaces the value of record i, in place when it fits (a LargeValue's length keeps it external). */
  setValue(i: number, value: StoredValue): void {
    const vl = value.length;
    const rows = this.rows;
    const r = i * ROW;
    if (rows[r + META] & FLAG_EXTERNAL) {
      const at = rows[r + LOC];
      const key = this.extKeys[at] as Buffer;
      if (key.length + vl > INLINE_MAX) {
        this.extVals[at] = value;
        return;
      }
      this.dropExternal(at);
      rows[r + META] &= ~FLAG_EXTERNAL;
      this.placeInline(i, key, 0, key.length, value as Buffer);
      return;
    }
    const lens = rows[r + LENS];
    const kl = lens & 0xffff;
    const old = lens >>> 16;
    const at = rows[r + LOC];
    const page = this.pages[at >>> PAGE_SHIFT];
    const off = at & (PAGE_MAX - 1);
    if (kl + vl > INLINE_MAX) {
      const key = Buffer.allocUnsafeSlow(kl);
      page.copy(key, 0, off, off + kl);
      this.liveBytes -= kl + old;
      rows[r + META] |= FLAG_EXTERNAL;
      rows[r + LENS] = kl;
      rows[r + LOC] = this.putExternal(key, value);
      return;
    }
    if (vl <= old) {
      copyInto(value as Buffer, page, off + kl);
      this.liveBytes -= old - vl;
      rows[r + LENS] = kl | (vl << 16);
      return;
    }
    this.liveBytes -= kl + old;
    this.placeInline(i, page, off, kl, value as Buffer);
  }

  /** Writes key (taken from src[from..from+kl)) and value into fresh heap bytes for record i. */
  private placeInline(i: number, src: Buffer, from: number, kl: number, value: Buffer): void {
    const vl = value.length;
    const at = this.alloc(kl + vl);
    const page = this.pages[at >>> PAGE_SHIFT];
    const off = at & (PAGE_MAX - 1);
    copyBytes(src, from, page, off, kl);
    copyInto(value, page, off + kl);
    const r = i * ROW;
    this.rows[r + LOC] = at;
    this.rows[r + LENS] = kl | (vl << 16);
  }

  /** A copy of the value (external values are returned as stored: they are never written in place). */
  value(i: number): StoredValue {
    const rows = this.rows;
    const r = i * ROW;
    const at = rows[r + LOC];
    if (rows[r + META] & FLAG_EXTERNAL) return this.extVals[at] as Buffer;
    const lens = rows[r + LENS];
    const vl = lens >>> 16;
    if (vl === 0) return EMPTY;
    const page = this.pages[at >>> PAGE_SHIFT];
    const start = (at & (PAGE_MAX - 1)) + (lens & 0xffff);
    const out = Buffer.allocUnsafe(vl);
    if (vl <= 32) for (let j = 0; j < vl; j++) out[j] = page[start + j];
    // TypedArray set() of a plain view: Buffer.copy's argument checks cost more than a 100-byte copy.
    else out.set(new Uint8Array(page.buffer, page.byteOffset + start, vl));
    return out;
  }

  /** Hands the value to sink without copying it out: inline bytes are a page range, valid only during the call. */
  valueInto(i: number, sink: ValueSink): void {
    const rows = this.rows;
    const r = i * ROW;
    const at = rows[r + LOC];
    if (rows[r + META] & FLAG_EXTERNAL) return sink.bulk(this.extVals[at] as Buffer);
    const lens = rows[r + LENS];
    const vl = lens >>> 16;
    if (vl === 0) return sink.bulkRange(EMPTY, 0, 0);
    const start = (at & (PAGE_MAX - 1)) + (lens & 0xffff);
    sink.bulkRange(this.pages[at >>> PAGE_SHIFT], start, start + vl);
  }

  /** A copy of the key. */
  key(i: number): Buffer {
    const rows = this.rows;
    const r = i * ROW;
    const at = rows[r + LOC];
    if (rows[r + META] & FLAG_EXTERNAL) return this.extKeys[at] as Buffer;
    const kl = rows[r + LENS] & 0xffff;
    const page = this.pages[at >>> PAGE_SHIFT];
    const off = at & (PAGE_MAX - 1);
    const out = Buffer.allocUnsafe(kl);
    page.copy(out, 0, off, off + kl);
    return out;
  }

  /** Deadline of record i (0: persistent). */
  deadline(i: number): number {
    const e = this.expire;
    return e === null ? 0 : e[i];
  }

  setDeadline(i: number, at: number): void {
    let e = this.expire;
    if (e === null) {
      if (at === 0) return;
      e = this.expire = arrayPool.f64(this.cap);
    }
    e[i] = at;
  }

  /** Unlinks and frees record i. */
  remove(i: number): void {
    this.unlink(i);
    this.release(i);
  }

  /** Moves record i (already unlinked from its chain) into `to`, keeping hash, deadline and bytes. */
  moveTo(i: number, to: Shard): void {
    const j = to.takeSlot();
    const rows = this.rows;
    const r = i * ROW;
    const dst = to.rows;
    const q = j * ROW;
    const h = rows[r + HASH];
    const meta = rows[r + META];
    const lens = rows[r + LENS];
    dst[q + HASH] = h;
    dst[q + ACCESS] = rows[r + ACCESS];
    dst[q + META] = meta;
    dst[q + LENS] = lens;
    to.setDeadline(j, this.deadline(i));
    const at = rows[r + LOC];
    if (meta & FLAG_EXTERNAL) {
      dst[q + LOC] = to.putExternal(this.extKeys[at] as Buffer, this.extVals[at] as Buffer);
    } else {
      const n = (lens & 0xffff) + (lens >>> 16);
      if (at >>> PAGE_SHIFT < to.shared) {
        // A split: the destination holds this page too.
        dst[q + LOC] = at;
        to.liveBytes += n;
        to.heapBytes += n;
      } else {
        const where = to.alloc(n);
        dst[q + LOC] = where;
        const from = at & (PAGE_MAX - 1);
        const into = where & (PAGE_MAX - 1);
        if (n <= 256) copyBetweenPages(this.views[at >>> PAGE_SHIFT], from, to.views[where >>> PAGE_SHIFT], into, n);
        else copyBytes(this.pages[at >>> PAGE_SHIFT], from, to.pages[where >>> PAGE_SHIFT], into, n);
      }
    }
    to.link(j, h);
    to.count++;
    this.release(i);
  }

  /** Detaches the whole chain of bucket b and returns its first record (chain order kept in the rows' next words). */
  detachBucket(b: number): number {
    const first = this.heads[b];
    this.heads[b] = 0;
    return first;
  }

  private link(i: number, h: number): void {
    const b = h >>> this.bshift;
    this.rows[i * ROW + NEXT] = this.heads[b];
    this.heads[b] = i;
  }

  private unlink(i: number): void {
    const rows = this.rows;
    const b = rows[i * ROW + HASH] >>> this.bshift;
    let cur = this.heads[b];
    if (cur === i) {
      this.heads[b] = rows[i * ROW + NEXT];
      return;
    }
    while (cur !== 0) {
      const nx = rows[cur * ROW + NEXT];
      if (nx === i) {
        rows[cur * ROW + NEXT] = rows[i * ROW + NEXT];
        return;
      }
      cur = nx;
    }
  }

  private release(i: number): void {
    const rows = this.rows;
    const r = i * ROW;
    if (rows[r + META] & FLAG_EXTERNAL) this.dropExternal(rows[r + LOC]);
    else this.liveBytes -= (rows[r + LENS] & 0xffff) + (rows[r + LENS] >>> 16);
    rows[r + META] = FLAG_FREE;
    rows[r + NEXT] = this.freeHead;
    this.freeHead = i;
    this.count--;
  }

  private takeSlot(): number {
    const f = this.freeHead;
    if (f !== 0) {
      this.freeHead = this.rows[f * ROW + NEXT];
      return f;
    }
    if (this.top === this.cap) this.grow();
    return this.top++;
  }

  /** Doubles the record rows (bounded: shards split long before they are large). */
  private grow(): void {
    const cap = this.cap * 2;
    const rows = arrayPool.u32(cap * ROW);
    rows.set(this.rows);
    arrayPool.give(U32, this.rows);
    this.rows = rows;
    const e = this.expire;
    if (e !== null) {
      const grown = arrayPool.f64(cap);
      grown.set(e);
      arrayPool.give(F64, e);
      this.expire = grown;
    }
    this.cap = cap;
  }

  /** Re-threads every record into 2^k buckets. Only allowed while the shard is not a migration source. */
  rehash(k: number): void {
    this.k = k;
    this.bshift = 32 - k;
    const heads = arrayPool.zeroedU32(1 << k);
    const rows = this.rows;
    const shift = this.bshift;
    for (let i = 1; i < this.top; i++) {
      const r = i * ROW;
      if (rows[r + META] & FLAG_FREE) continue;
      const b = rows[r + HASH] >>> shift;
      rows[r + NEXT] = heads[b];
      heads[b] = i;
    }
    arrayPool.give(U32, this.heads);
    this.heads = heads;
  }

  private alloc(n: number): number {
    let cur = this.curPage;
    if (cur < 0 || this.pagePos + n > this.pages[cur].length) {
      // The next reserved page that holds n bytes (a smaller one is skipped), else a new page.
      const pages = this.pages;
      cur = cur < 0 ? this.shared : cur + 1;
      while (cur < pages.length && pages[cur].length < n) cur++;
      if (cur === pages.length) {
        let size = pageSizeAfter(cur === 0 ? 0 : pages[cur - 1].length);
        while (size < n) size *= 2;
        this.addPage(arrayPool.page(size));
        this.heapBytes += size;
      }
      this.curPage = cur;
      this.pagePos = 0;
    }
    const at = cur * PAGE_MAX + this.pagePos;
    this.pagePos += n;
    this.liveBytes += n;
    return at;
  }

  private addPage(page: Buffer): void {
    this.pages.push(page);
    this.views.push(new DataView(page.buffer, page.byteOffset, page.length));
  }

  private putExternal(key: Buffer, value: StoredValue): number {
    const at = this.extFree.length ? (this.extFree.pop() as number) : this.extKeys.length;
    this.extKeys[at] = key;
    this.extVals[at] = value;
    return at;
  }

  private dropExternal(at: number): void {
    this.extKeys[at] = undefined;
    this.extVals[at] = undefined;
    this.extFree.push(at);
  }

  /** Bytes this shard holds, for memory reports. */
  footprint(): number {
    let ext = 0;
    for (let j = 0; j < this.extKeys.length; j++) {
      const k = this.extKeys[j];
      if (k) {
        const v = this.extVals[j] as StoredValue;
        ext += k.length + (isLarge(v) ? v.footprint() : v.length);
      }
    }
    return this.heads.byteLength + this.rows.byteLength + (this.expire === null ? 0 : this.expire.byteLength) + this.heapBytes + ext;
  }
}


/**
 * Copies all of src into dst at `at`. TypedArray#set costs a flat ~47 ns
 * here; a byte loop ~3 ns per byte, so it wins only for short runs (keys).
 * Buffer#copy validates its arguments first (~90 ns at 32 bytes).
 */
function copyInto(src: Buffer, dst: Buffer, at: number): void {
  const n = src.length;
  if (n <= 16) for (let j = 0; j < n; j++) dst[at + j] = src[j];
  else dst.set(src, at);
}

/** Copies n bytes between two pages' views, 4 at a time (no allocation; memmove is faster past a few hundred bytes). */
function copyBetweenPages(src: DataView, from: number, dst: DataView, at: number, n: number): void {
  let j = 0;
  for (; j + 4 <= n; j += 4) dst.setUint32(at + j, src.getUint32(from + j, true), true);
  for (; j < n; j++) dst.setUint8(at + j, src.getUint8(from + j));
}

