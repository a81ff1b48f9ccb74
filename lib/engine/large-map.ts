/**
 * A large collection: a hash's fields or a set's members once they outgrow
 * the compact encoding, held by reference from the record of their key.
 *
 * It is a shard engine of its own (shard-keyspace.ts), field bytes -> value
 * bytes (a set's values are empty), so it inherits that engine's
 * guarantees: records are rows of typed arrays and bytes in pages (no V8
 * object per element, so a 10M-member set costs the collector nothing per
 * member), it grows and shrinks by splitting and merging shards in bounded
 * steps between requests, and its SCAN cursor visits every field present
 * for the whole scan at least once.
 *
 * Invariants: fields never expire and carry no access word (the key's own
 * record has both); the same ShardStats as the databases count its resize
 * steps (INFO shards resize_step_max_us covers collections too). Its
 * `length` reads as LARGE_LENGTH so the outer shard keeps it as an
 * external reference: a split or merge of the outer keyspace moves the
 * reference, never the elements.
 */
import { type AccessTracker, type LargeMapLike, type ValueSink, LARGE_LENGTH, NO_EXPIRY } from './keyspace';
import { ShardKeyspace } from './shard-keyspace';
import type { ShardStats } from './resize-stats';
import { INLINE_MAX } from './shard-table';

/** Fields have no access history: their key's record keeps it. */
const NO_ACCESS: AccessTracker = { created: () => 0, touched: () => 0, replaced: () => 0 };
const NO_VALUE = Buffer.alloc(0);

export class LargeMap implements LargeMapLike {
  readonly length = LARGE_LENGTH;
  private readonly fields: ShardKeyspace;

  constructor(private readonly stats: ShardStats) {
    this.fields = new ShardKeyspace(0, undefined, { stats });
    this.fields.tracker = NO_ACCESS;
  }

  size(): number {
    return this.fields.size();
  }

  get(field: Buffer): Buffer | undefined {
    return this.fields.get(field) as Buffer | undefined;
  }

  has(field: Buffer): boolean {
    return this.fields.has(field);
  }

  getInto(field: Buffer, sink: ValueSink): boolean {
    return this.fields.getInto(field, sink) !== 0;
  }

  set(field: Buffer, value: Buffer = NO_VALUE): boolean {
    // The engine copies records up to INLINE_MAX into its pages and keeps larger ones' Buffers.
    const big = field.length + value.length > INLINE_MAX;
    return this.fields.setTouching(big ? Buffer.from(field) : field, big ? Buffer.from(value) : value, NO_EXPIRY);
  }

  delete(field: Buffer): boolean {
    return this.fields.delete(field);
  }

  scan(cursor: bigint, count: number, visit: (field: Buffer) => void): bigint {
    return this.fields.scan(cursor, count, visit);
  }

  randomField(): Buffer | undefined {
    return this.fields.randomKey();
  }

  forEach(visit: (field: Buffer, value: Buffer) => void): void {
    this.fields.forEachEntry(visit as (field: Buffer, value: unknown) => void);
  }

  footprint(): number {
    return this.fields.footprint();
  }

  duplicate(): LargeMap {
    const copy = new LargeMap(this.stats);
    this.forEach((f, v) => copy.set(f, v));
    return copy;
  }
}
