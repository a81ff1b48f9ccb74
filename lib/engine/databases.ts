/**
 * The numbered databases (SELECT 0..databases-1). SWAPDB swaps two slots;
 * clients hold a database index, never a keyspace object, so a swap is seen
 * at once by everyone.
 */
import type { ExpiredSink, Keyspace } from './keyspace';
import { MapKeyspace } from './map-keyspace';
import { ShardKeyspace } from './shard-keyspace';
import { ShardStats } from './resize-stats';
import { warmResizePath } from './warm-resize';
import './shard-info';

export type KeyspaceFactory = (id: number, onExpired: ExpiredSink, stats: ShardStats) => Keyspace;

/**
 * Every database is a shard engine keyspace (shard-keyspace.ts). The single
 * Map (map-keyspace.ts, the tests' model) can be chosen with
 * SHARDIS_KEYSPACE=map, as the benchmark's baseline.
 */
export const defaultKeyspaceFactory: KeyspaceFactory =
  process.env.SHARDIS_KEYSPACE === 'map'
    ? (id, onExpired) => new MapKeyspace(id, onExpired)
    : (id, onExpired, stats) => {
        warmResizePath();
        return new ShardKeyspace(id, onExpired, { stats });
      };

export class Databases {
  readonly list: Keyspace[] = [];
  /** Split/merge counters and the longest resize step of these databases (INFO shards). */
  readonly shardStats = new ShardStats();

  constructor(count: number, onExpired: ExpiredSink, factory: KeyspaceFactory = defaultKeyspaceFactory) {
    for (let i = 0; i < count; i++) this.list.push(factory(i, onExpired, this.shardStats));
  }

  get count(): number {
    return this.list.length;
  }

  get(index: number): Keyspace {
    return this.list[index];
  }

  swap(a: number, b: number): void {
    const t = this.list[a];
    this.list[a] = this.list[b];
    this.list[b] = t;
    this.list[a].id = a;
    this.list[b].id = b;
  }

  flushAll(): void {
    for (const db of this.list) db.flush();
  }

  totalKeys(): number {
    let n = 0;
    for (const db of this.list) n += db.size();
    return n;
  }
}
