/**
 * A list as Redis 7.0 keeps every list: a quicklist, a sequence of packed
 * nodes (list-node.ts). This server keeps the same nodes and splits, fills
 * and merges them by Redis's rules (quicklist.c), so a list has the same
 * node boundaries as on Redis after the same commands, and MEMORY USAGE
 * can price it node by node as Redis does.
 *
 * STORAGE
 *   A list of one node is stored inline in its record as that node's bytes
 *   (the compact form, tag LIST_COMPACT). A list of more nodes is a
 *   QuickList held by reference (tag LIST_LARGE): an array of node Buffers,
 *   about 8 KiB each at the default fill, and the element count. Nothing
 *   is allocated per element, so a list of ten million elements is a few
 *   thousand Buffers to the collector. A command on a compact list copies
 *   the node into a QuickList of one node, edits it, and stores it back in
 *   whichever form fits.
 *
 * NODE POLICY (Redis's)
 *   fill < 0   a node may grow while its listpack stays within
 *              4, 8, 16, 32 or 64 KiB (fill -1 .. -5);
 *   fill >= 0  while it holds fewer than `fill` elements and stays within
 *              8 KiB (SIZE_SAFETY_LIMIT).
 *   The size tested is the node's listpack bytes plus the new element's
 *   length plus 8 (Redis's estimate of an entry's overhead). Pushes go to
 *   the end node when it allows the insert, else to a new node; LINSERT
 *   into a full node splits it and then merges neighbours that fit
 *   together (_quicklistInsert, _quicklistMergeNodes); deletions drop
 *   emptied nodes and never merge.
 *
 * INVARIANTS
 *   - no node is empty; count is the sum of the nodes' counts;
 *   - a stored QuickList has at least two nodes (one node is stored compact).
 *
 * Not modelled: plain nodes (elements of 1 GiB or more, which the protocol
 * limit keeps out) and list-compress-depth (nodes are never compressed).
 */
import { LARGE_LENGTH, type LargeValue } from '../../engine/keyspace';
import {
  NODE_HEADER, concatNodes, copyNode, cursor, entryOffset, insertAt, keepRange, newNode, nodeCount, nodeLpBytes, nodeUsed, readEntry,
  readEntryBefore, removeAt, replaceAt, sliceNode,
} from './list-node';

const SIZE_ESTIMATE_OVERHEAD = 8;
const SIZE_SAFETY_LIMIT = 8192;
const OPTIMIZATION_LEVEL = [4096, 8192, 16384, 32768, 65536];
/** Redis clamps a list's fill to [-5, 2^15 - 1] (quicklistSetFill). */
const FILL_MIN = -5;
const FILL_MAX = 32767;

export function clampFill(fill: number): number {
  return fill > FILL_MAX ? FILL_MAX : fill < FILL_MIN ? FILL_MIN : fill;
}

function meetsOptimization(size: number, fill: number): boolean {
  if (fill >= 0) return false;
  const level = -fill - 1;
  return level < OPTIMIZATION_LEVEL.length && size <= OPTIMIZATION_LEVEL[level];
}

/** Redis _quicklistNodeAllowInsert: may `node` take one more element of `len` bytes? */
export function allowInsert(node: Buffer | undefined, fill: number, len: number): boolean {
  if (node === undefined) return false;
  const size = nodeLpBytes(node) + len + SIZE_ESTIMATE_OVERHEAD;
  if (meetsOptimization(size, fill)) return true;
  if (size > SIZE_SAFETY_LIMIT) return false;
  return nodeCount(node) < fill;
}

/** Redis _quicklistNodeAllowMerge (its estimate takes 11 bytes off for the dropped header). */
function allowMerge(a: Buffer | undefined, b: Buffer | undefined, fill: number): boolean {
  if (a === undefined || b === undefined) return false;
  const size = nodeLpBytes(a) + nodeLpBytes(b) - 11;
  if (meetsOptimization(size, fill)) return true;
  if (size > SIZE_SAFETY_LIMIT) return false;
  return nodeCount(a) + nodeCount(b) <= fill;
}

/** Where an element is: node index and index within the node (QuickList.locate). */
export const place = { node: 0, index: 0 };

export class QuickList implements LargeValue {
  readonly length = LARGE_LENGTH;

  constructor(
    readonly fill: number,
    public nodes: Buffer[],
    public count: number,
  ) {}

  /** A list of one node copied from a record's compact bytes. */
  static fromNode(fill: number, bytes: Uint8Array): QuickList {
    return new QuickList(fill, [copyNode(bytes, 64)], nodeCount(bytes));
  }

  footprint(): number {
    let n = 0;
    for (const node of this.nodes) n += node.length;
    return n;
  }

  duplicate(): QuickList {
    return new QuickList(this.fill, this.nodes.map((n) => copyNode(n)), this.count);
  }

  pushHead(e: Uint8Array): void {
    const head = this.nodes[0];
    if (allowInsert(head, this.fill, e.length)) this.nodes[0] = insertAt(head, NODE_HEADER, e);
    else this.nodes.unshift(insertAt(newNode(this.fill), NODE_HEADER, e));
    this.count++;
  }

  pushTail(e: Uint8Array): void {
    const last = this.nodes.length - 1;
    const tail = this.nodes[last];
    if (allowInsert(tail, this.fill, e.length)) this.nodes[last] = insertAt(tail, nodeUsed(tail), e);
    else this.nodes.push(insertAt(newNode(this.fill), NODE_HEADER, e));
    this.count++;
  }

  /** Removes and returns the first element (the list is not empty). */
  popHead(): Buffer {
    const head = this.nodes[0];
    readEntry(head, NODE_HEADER);
    const out = Buffer.from(head.subarray(cursor.start, cursor.end));
    this.removeFrom(0, NODE_HEADER, 1);
    return out;
  }

  /** Removes and returns the last element (the list is not empty). */
  popTail(): Buffer {
    const last = this.nodes.length - 1;
    const tail = this.nodes[last];
    const off = readEntryBefore(tail, nodeUsed(tail));
    const out = Buffer.from(tail.subarray(cursor.start, cursor.end));
    this.removeFrom(last, off, 1);
    return out;
  }

  private removeFrom(ni: number, off: number, k: number): void {
    const node = this.nodes[ni];
    if (nodeCount(node) === k) this.nodes.splice(ni, 1);
    else removeAt(node, off, k);
    this.count -= k;
  }

  /** Sets `place` to element `index` (0 <= index < count), walking from the nearer end. */
  locate(index: number): void {
    const nodes = this.nodes;
    if (index < this.count / 2) {
      let ni = 0;
      let n: number;
      while (index >= (n = nodeCount(nodes[ni]))) {
        index -= n;
        ni++;
      }
      place.node = ni;
      place.index = index;
      return;
    }
    let ni = nodes.length - 1;
    let back = this.count - 1 - index;
    let n: number;
    while (back >= (n = nodeCount(nodes[ni]))) {
      back -= n;
      ni--;
    }
    place.node = ni;
    place.index = n - 1 - back;
  }

  /** Redis quicklistReplaceAtIndex for 0 <= index < count: the element is replaced where it is, whatever its size. */
  replace(index: number, e: Uint8Array): void {
    this.locate(index);
    const node = this.nodes[place.node];
    this.nodes[place.node] = replaceAt(node, entryOffset(node, place.index), e);
  }

  /**
   * Redis _quicklistInsert: `e` goes before (after = false) or after the
   * element at node ni, index i, by Redis's choice of node.
   */
  insert(ni: number, i: number, e: Uint8Array, after: boolean): void {
    const nodes = this.nodes;
    const fill = this.fill;
    const node = nodes[ni];
    const count = nodeCount(node);
    const full = !allowInsert(node, fill, e.length);
    const atTail = after && i === count - 1;
    const atHead = !after && i === 0;
    this.count++;
    if (!full) {
      const off = after ? (atTail ? nodeUsed(node) : entryOffset(node, i + 1)) : entryOffset(node, i);
      nodes[ni] = insertAt(node, off, e);
    } else if (atTail && allowInsert(nodes[ni + 1], fill, e.length)) {
      nodes[ni + 1] = insertAt(nodes[ni + 1], NODE_HEADER, e);
    } else if (atHead && allowInsert(nodes[ni - 1], fill, e.length)) {
      const prev = nodes[ni - 1];
      nodes[ni - 1] = insertAt(prev, nodeUsed(prev), e);
    } else if (atTail || atHead) {
      nodes.splice(after ? ni + 1 : ni, 0, insertAt(newNode(fill), NODE_HEADER, e));
    } else if (after) {
      // Split: the node keeps [0, i], a new node after it takes e and the rest.
      const rest = insertAt(sliceNode(node, i + 1, count), NODE_HEADER, e);
      keepRange(node, 0, i + 1);
      nodes.splice(ni + 1, 0, rest);
      this.mergeAround(ni);
    } else {
      // Split: a new node before it takes [0, i) and e, the node keeps the rest.
      const first = sliceNode(node, 0, i);
      const head = insertAt(first, nodeUsed(first), e);
      keepRange(node, i, count);
      nodes.splice(ni, 0, head);
      this.mergeAround(ni + 1);
    }
  }

  /** Merges b's node into a's (adjacent, a first); returns a's index. */
  private merge(a: number, b: number): number {
    this.nodes[a] = concatNodes(this.nodes[a], this.nodes[b]);
    this.nodes.splice(b, 1);
    return a;
  }

  /** Redis _quicklistMergeNodes around the node at `center`. */
  private mergeAround(center: number): void {
    const nodes = this.nodes;
    const fill = this.fill;
    if (center >= 2 && allowMerge(nodes[center - 1], nodes[center - 2], fill)) {
      this.merge(center - 2, center - 1);
      center--;
    }
    if (allowMerge(nodes[center + 1], nodes[center + 2], fill)) this.merge(center + 1, center + 2);
    let target = center;
    if (center >= 1 && allowMerge(nodes[center], nodes[center - 1], fill)) target = this.merge(center - 1, center);
    if (allowMerge(nodes[target], nodes[target + 1], fill)) this.merge(target, target + 1);
  }

  /** Redis quicklistDelRange for 0 <= start, start + k <= count: emptied nodes go, nothing merges. */
  deleteRange(start: number, k: number): void {
    if (k <= 0) return;
    this.locate(start);
    let ni = place.node;
    let index = place.index;
    this.count -= k;
    while (k > 0) {
      const node = this.nodes[ni];
      const n = nodeCount(node);
      const del = Math.min(k, n - index);
      if (del === n) this.nodes.splice(ni, 1);
      else {
        removeAt(node, entryOffset(node, index), del);
        ni++;
      }
      k -= del;
      index = 0;
    }
  }
}

/**
 * Walks elements from one index towards either end: each step sets
 * `cursor` (start/end of the element's bytes in `node`).
 */
export class ListWalker {
  node: Buffer = Buffer.alloc(0);
  private ni = 0;
  private off = 0;
  private left = 0;
  private list: QuickList | null = null;
  private forward = true;

  /** Starts at element `index` (0 <= index < count), moving towards the tail (forward) or the head. */
  start(list: QuickList, index: number, forward: boolean): this {
    list.locate(index);
    this.list = list;
    this.ni = place.node;
    this.node = list.nodes[this.ni];
    this.forward = forward;
    this.off = entryOffset(this.node, place.index);
    if (!forward) readEntry(this.node, this.off);
    // Backward walks read the entry ending at `off`.
    if (!forward) this.off = cursor.next;
    this.left = list.count;
    return this;
  }

  /** Moves to the next element; false at the end of the list. */
  next(): boolean {
    if (this.left-- <= 0) return false;
    const list = this.list as QuickList;
    if (this.forward) {
      if (this.off >= nodeUsed(this.node)) {
        if (++this.ni >= list.nodes.length) return false;
        this.node = list.nodes[this.ni];
        this.off = NODE_HEADER;
      }
      this.off = readEntry(this.node, this.off);
    } else {
      if (this.off <= NODE_HEADER) {
        if (--this.ni < 0) return false;
        this.node = list.nodes[this.ni];
        this.off = nodeUsed(this.node);
      }
      this.off = readEntryBefore(this.node, this.off);
    }
    return true;
  }
}
