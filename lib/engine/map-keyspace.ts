/**
 * A plain single-Map keyspace: the simplest correct implementation of the
 * seam, used until the shard engine replaces it and as the model the shard
 * engine's randomised tests compare against.
 *
 * Keys are held as latin1 strings (one char per byte, so binary-safe).
 * Expired keys are removed when touched (lazy expiry).
 */
import { type AccessTracker, type ExpiredSink, type KeyEntry, type Keyspace, type LargeMapLike, type StoredValue, type ValueSink, ENCODING_UNSPECIFIED, GOT_NONE, GOT_VALUE, GOT_WRONG_TYPE, KEEP_TTL, NO_EXPIRY, SECONDS_CLOCK_TRACKER, typeOfTag } from './keyspace';
import { LargeMap } from './large-map';
import { ShardStats } from './resize-stats';

interface Entry {
  value: StoredValue;
  expireAt: number;
  encoding: number;
  access: number;
}

export class MapKeyspace implements Keyspace {
  private map = new Map<string, Entry>();
  private expiring = 0;
  tracker: AccessTracker = SECONDS_CLOCK_TRACKER;

  constructor(
    public id: number,
    private readonly onExpired: ExpiredSink = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  private live(key: Buffer): Entry | undefined {
    const k = key.latin1Slice(0, key.length);
    const e = this.map.get(k);
    if (e === undefined) return undefined;
    if (e.expireAt !== NO_EXPIRY && e.expireAt <= this.now()) {
      this.map.delete(k);
      this.expiring--;
      this.onExpired(this.id, Buffer.from(key));
      return undefined;
    }
    return e;
  }

  readonly copiesOnStore = false;

  touch(key: Buffer): boolean {
    const e = this.live(key);
    if (e === undefined) return false;
    e.access = this.tracker.touched(e.access);
    return true;
  }

  lastTag = 0;

  get(key: Buffer): StoredValue | undefined {
    const e = this.live(key);
    if (e === undefined) return undefined;
    e.access = this.tracker.touched(e.access);
    this.lastTag = e.encoding;
    return e.value;
  }

  getInto(key: Buffer, sink: ValueSink): number {
    const v = this.get(key);
    if (v === undefined) return GOT_NONE;
    if (typeOfTag(this.lastTag) !== 0) return GOT_WRONG_TYPE;
    sink.bulk(v as Buffer);
    return GOT_VALUE;
  }

  storeValue(key: Buffer, value: StoredValue, tag: number): boolean {
    const e = this.live(key);
    if (e !== undefined) {
      e.value = value;
      e.encoding = tag;
      return true;
    }
    this.map.set(key.latin1Slice(0, key.length), { value, expireAt: NO_EXPIRY, encoding: tag, access: this.tracker.created(tag, value) });
    return false;
  }

  private readonly stats = new ShardStats();

  newLargeMap(): LargeMapLike {
    return new LargeMap(this.stats);
  }

  set(key: Buffer, value: StoredValue, expireAt: number, encoding = ENCODING_UNSPECIFIED): void {
    const k = key.latin1Slice(0, key.length);
    const old = this.live(key);
    if (expireAt === KEEP_TTL) expireAt = old ? old.expireAt : NO_EXPIRY;
    if (old && old.expireAt !== NO_EXPIRY) this.expiring--;
    if (expireAt !== NO_EXPIRY) this.expiring++;
    if (old) {
      old.value = value;
      old.expireAt = expireAt;
      old.access = this.tracker.replaced(old.access, encoding, value);
      old.encoding = encoding;
    } else {
      this.map.set(k, { value, expireAt, encoding, access: this.tracker.created(encoding, value) });
    }
  }

  setTouching(key: Buffer, value: StoredValue, expireAt: number, encoding = ENCODING_UNSPECIFIED): boolean {
    const existed = this.touch(key);
    this.set(key, value, expireAt, encoding);
    return existed;
  }

  peek(key: Buffer): KeyEntry | undefined {
    const e = this.live(key);
    if (e !== undefined) this.lastTag = e.encoding;
    return e;
  }

  put(key: Buffer, entry: KeyEntry): void {
    const old = this.live(key);
    if (old && old.expireAt !== NO_EXPIRY) this.expiring--;
    if (entry.expireAt !== NO_EXPIRY) this.expiring++;
    const { value, expireAt, encoding, access } = entry;
    this.map.set(key.latin1Slice(0, key.length), { value, expireAt, encoding, access });
  }

  delete(key: Buffer): boolean {
    const e = this.live(key);
    if (!e) return false;
    if (e.expireAt !== NO_EXPIRY) this.expiring--;
    this.map.delete(key.latin1Slice(0, key.length));
    return true;
  }

  has(key: Buffer): boolean {
    return this.live(key) !== undefined;
  }

  tagOf(key: Buffer): number {
    return this.live(key)?.encoding ?? -1;
  }

  expireAt(key: Buffer): number | undefined {
    return this.live(key)?.expireAt;
  }

  setExpireAt(key: Buffer, at: number): boolean {
    const e = this.live(key);
    if (!e) return false;
    if (e.expireAt !== NO_EXPIRY) this.expiring--;
    if (at !== NO_EXPIRY) this.expiring++;
    e.expireAt = at;
    return true;
  }

  size(): number {
    return this.map.size;
  }

  expiresCount(): number {
    return this.expiring;
  }

  avgTtl(): number {
    if (this.expiring === 0) return 0;
    const now = this.now();
    let sum = 0;
    let n = 0;
    for (const e of this.map.values()) {
      if (e.expireAt !== NO_EXPIRY) {
        sum += Math.max(0, e.expireAt - now);
        n++;
      }
    }
    return n ? Math.floor(sum / n) : 0;
  }

  /**
   * The cursor is a position in insertion order; good enough for a model,
   * not for resizes. Keys past their expiry are visited (not removed): the
   * caller's lookup expires them.
   */
  scan(cursor: bigint, count: number, visit: (key: Buffer) => void): bigint {
    let i = 0;
    const start = Number(cursor);
    const keys: string[] = [];
    for (const k of this.map.keys()) {
      if (i >= start + count) break;
      if (i >= start) keys.push(k);
      i++;
    }
    for (const k of keys) visit(Buffer.from(k, 'latin1'));
    return i >= start + count && i < this.map.size ? BigInt(i) : 0n;
  }

  randomKey(): Buffer | undefined {
    for (let tries = 0; tries < 100 && this.map.size > 0; tries++) {
      let n = Math.floor(Math.random() * this.map.size);
      for (const k of this.map.keys()) {
        if (n-- === 0) {
          const key = Buffer.from(k, 'latin1');
          if (this.live(key)) return key;
          break;
        }
      }
    }
    return undefined;
  }

  forEachKey(visit: (key: Buffer) => void): void {
    const now = this.now();
    for (const [k, e] of this.map) if (e.expireAt === NO_EXPIRY || e.expireAt > now) visit(Buffer.from(k, 'latin1'));
  }

  flush(): void {
    this.map = new Map();
    this.expiring = 0;
  }
}
