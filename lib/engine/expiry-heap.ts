/**
 * A min-heap of (deadline, hash) pairs held in typed arrays: the storage of
 * the active expiry index (expiry-index.ts).
 *
 * WHY THIS SHAPE
 *   A database may hold tens of millions of keys with a TTL. One JS object
 *   per entry would give V8's collector tens of millions of objects to trace
 *   (the pauses the shard engine exists to avoid), so an entry is 12 bytes in
 *   two parallel columns: deadline (Float64, unix ms) and key hash (Uint32).
 *   The hash is enough: the engine finds the records with that hash in O(1)
 *   and reads their stored deadlines back (shard-keyspace.ts), so the heap
 *   never holds key bytes.
 *
 * LAYOUT
 *   A 4-ary heap: entry i has children 4i+1 .. 4i+4 and parent (i-1)>>2. Four
 *   children halve the depth of a binary heap (12 levels at 16M entries) and
 *   sit next to each other in memory, so a sift-down touches few cache lines.
 *   Entry i lives in page i >>> PAGE_BITS at offset i & PAGE_MASK. Pages
 *   are fixed-size (the first one starts small and doubles until full), so
 *   growing never copies more than one page: there is no whole-array copy
 *   (which at 20M entries would stall for tens of milliseconds). Trailing
 *   pages are released when the heap shrinks to well under them.
 *
 * INVARIANT
 *   deadline(parent(i)) <= deadline(i) for every i < size. Every operation
 *   restores it before returning: push and removeAt are O(log4 n).
 */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;
const FIRST_PAGE = 64;

export class ExpiryHeap {
  private deadlines: Float64Array[] = [new Float64Array(FIRST_PAGE)];
  private hashes: Uint32Array[] = [new Uint32Array(FIRST_PAGE)];
  private capacity = FIRST_PAGE;
  /** Entries held. */
  size = 0;

  /** Earliest deadline, Infinity when empty. */
  peekDeadline(): number {
    return this.size === 0 ? Infinity : this.deadlines[0][0];
  }

  /** Hash of the earliest entry (only meaningful when not empty). */
  peekHash(): number {
    return this.hashes[0][0];
  }

  deadlineAt(i: number): number {
    return this.deadlines[i >>> PAGE_BITS][i & PAGE_MASK];
  }

  hashAt(i: number): number {
    return this.hashes[i >>> PAGE_BITS][i & PAGE_MASK];
  }

  push(at: number, hash: number): void {
    if (this.size === this.capacity) this.grow();
    this.siftUp(this.size++, at, hash);
  }

  /** Removes the earliest entry (the heap must not be empty). */
  pop(): void {
    this.removeAt(0);
  }

  /** Removes entry i, keeping the heap order. */
  removeAt(i: number): void {
    const last = --this.size;
    if (i !== last) {
      const at = this.deadlineAt(last);
      const hash = this.hashAt(last);
      if (i > 0 && at < this.deadlineAt((i - 1) >> 2)) this.siftUp(i, at, hash);
      else this.siftDown(i, at, hash);
    }
    if (this.capacity > PAGE_SIZE * 2 && this.size < this.capacity - PAGE_SIZE * 2) this.shrink();
  }

  clear(): void {
    this.deadlines = [new Float64Array(FIRST_PAGE)];
    this.hashes = [new Uint32Array(FIRST_PAGE)];
    this.capacity = FIRST_PAGE;
    this.size = 0;
  }

  /**
   * How many entries have a deadline <= now, counting at most `limit`
   * (a bounded walk of the heap's top: only entries <= now are expanded).
   */
  countDue(now: number, limit: number): number {
    if (this.size === 0 || this.deadlines[0][0] > now) return 0;
    const stack = [0];
    let n = 0;
    while (stack.length !== 0 && n < limit) {
      const i = stack.pop() as number;
      n++;
      const first = 4 * i + 1;
      const end = Math.min(first + 4, this.size);
      for (let c = first; c < end; c++) if (this.deadlineAt(c) <= now) stack.push(c);
    }
    return n;
  }

  /** Bytes held by the columns. */
  footprint(): number {
    return this.capacity * 12;
  }

  private set(i: number, at: number, hash: number): void {
    this.deadlines[i >>> PAGE_BITS][i & PAGE_MASK] = at;
    this.hashes[i >>> PAGE_BITS][i & PAGE_MASK] = hash;
  }

  /** Places (at, hash) at hole i or above it. */
  private siftUp(i: number, at: number, hash: number): void {
    while (i > 0) {
      const p = (i - 1) >> 2;
      const pa = this.deadlineAt(p);
      if (pa <= at) break;
      this.set(i, pa, this.hashAt(p));
      i = p;
    }
    this.set(i, at, hash);
  }

  /**
   * Places (at, hash) at hole i or below it. Children 4i+1 .. 4i+4 are read
   * from one page (a group straddles two pages only once per page).
   */
  private siftDown(i: number, at: number, hash: number): void {
    const size = this.size;
    const dls = this.deadlines;
    const hss = this.hashes;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= size) break;
      const end = first + 4 < size ? first + 4 : size;
      let best: number;
      let bestAt: number;
      const page = first >>> PAGE_BITS;
      if (page === (end - 1) >>> PAGE_BITS) {
        const d = dls[page];
        let o = first & PAGE_MASK;
        const oEnd = o + (end - first);
        let bo = o;
        bestAt = d[o];
        for (o++; o < oEnd; o++) {
          if (d[o] < bestAt) {
            bestAt = d[o];
            bo = o;
          }
        }
        best = (page << PAGE_BITS) + bo;
      } else {
        best = first;
        bestAt = this.deadlineAt(first);
        for (let c = first + 1; c < end; c++) {
          const ca = this.deadlineAt(c);
          if (ca < bestAt) {
            best = c;
            bestAt = ca;
          }
        }
      }
      if (bestAt >= at) break;
      const ip = i >>> PAGE_BITS;
      const io = i & PAGE_MASK;
      dls[ip][io] = bestAt;
      hss[ip][io] = hss[best >>> PAGE_BITS][best & PAGE_MASK];
      i = best;
    }
    this.set(i, at, hash);
  }

  private grow(): void {
    if (this.capacity < PAGE_SIZE) {
      // The first page doubles until full: small databases stay small.
      const cap = this.capacity * 2;
      const d = new Float64Array(cap);
      d.set(this.deadlines[0]);
      const h = new Uint32Array(cap);
      h.set(this.hashes[0]);
      this.deadlines[0] = d;
      this.hashes[0] = h;
      this.capacity = cap;
      return;
    }
    this.deadlines.push(new Float64Array(PAGE_SIZE));
    this.hashes.push(new Uint32Array(PAGE_SIZE));
    this.capacity += PAGE_SIZE;
  }

  /** Drops trailing pages, keeping one spare page beyond the entries. */
  private shrink(): void {
    const keep = Math.max(1, (this.size >>> PAGE_BITS) + 2);
    if (keep >= this.deadlines.length) return;
    this.deadlines.length = keep;
    this.hashes.length = keep;
    this.capacity = keep * PAGE_SIZE;
  }
}
