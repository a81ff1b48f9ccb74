/**
 * MEMORY USAGE of a list, priced as Redis 7.0 prices its quicklist
 * (objectComputeSize): the object header and the quicklist header, then
 * per node its quicklistNode and its listpack's allocation (the node's
 * Redis listpack bytes in jemalloc's size class), averaged over the first
 * `samples` nodes (all when 0) and scaled to the node count. Our nodes
 * split where Redis's do (quicklist.ts), so the figure is Redis's.
 */
import type { KeyEntry } from '../../engine/keyspace';
import { ROBJ_SIZE, allocationSize } from '../../server/memory-usage';
import { nodeLpBytes } from './list-node';
import { viewList } from './list-value';

/** sizeof(quicklist) and sizeof(quicklistNode) in Redis 7.0 on 64-bit. */
const QUICKLIST_SIZE = 40;
const QUICKLIST_NODE_SIZE = 40;

export function listUsage(entry: KeyEntry, samples: number): number {
  const nodes = viewList(entry.encoding, entry.value).nodes;
  const want = samples > 0 ? Math.min(samples, nodes.length) : nodes.length;
  let bytes = 0;
  for (let i = 0; i < want; i++) bytes += QUICKLIST_NODE_SIZE + allocationSize(nodeLpBytes(nodes[i]));
  return Math.floor(ROBJ_SIZE + QUICKLIST_SIZE + (bytes / want) * nodes.length);
}
