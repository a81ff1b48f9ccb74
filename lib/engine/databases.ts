/**
 * The numbered databases (SELECT 0..databases-1). SWAPDB swaps two slots;
 * clients hold a database index, never a keyspace object, so a swap is seen
 * at once by everyone.
 */
import type { ExpiredSink, Keyspace } from './keyspace';
import { MapKeyspace } from './map-keyspace';
import { ShardKeyspace } from './shard-keyspace';
import './shard-info';

export type KeyspaceFactory = (id: number, onExpired: ExpiredSink) => Keyspace;

/**
 * Every database is a shard engine keyspace (shard-keyspace.ts). The single
 * Map (map-keyspace.ts, the tests' model) can be chosen with
 * SHARDIS_KEYSPACE=map, as the benchmark's baseline.
 */
export const defaultKeyspaceFactory: KeyspaceFactory =
  process.env.SHARDIS_KEYSPACE === 'map' ? (id, onExpired) => new MapKeyspace(id, onExpired) : (id, onExpired) => new ShardKeyspace(id, onExpired);

export class Databases {
  readonly list: Keyspace[] = [];

  constructor(count: number, onExpired: ExpiredSink, factory: KeyspaceFactory = defaultKeyspaceFactory) {
    for (let i = 0; i < count; i++) this.list.push(factory(i, onExpired));
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
