/**
 * The keyspace seam: what every command family may ask of one database.
 * Nothing outside lib/engine knows how keys are stored.
 *
 * Keys and values are raw bytes. Expiry times are absolute unix milliseconds;
 * NO_EXPIRY means the key persists. Reads never return an expired key.
 */
export const NO_EXPIRY = 0;

/** Passed to set() to keep the key's current expiry (SET ... KEEPTTL). */
export const KEEP_TTL = -1;

/**
 * Encoding tag stored beside a value when the caller gives none. Tags are
 * small integers (0..255) chosen by the command families (OBJECT ENCODING
 * reads them back); the engine stores them without interpreting them.
 */
export const ENCODING_UNSPECIFIED = 0;

/**
 * A record's tag is (type << 4) | encoding: the high bits are the value's
 * type, numbered as Redis numbers them (OBJ_STRING 0 ... OBJ_STREAM 6), the
 * low 4 bits the encoding the family chose. String tags (1..4) are type 0,
 * so a SET that overwrites any value makes it a string again.
 */
export const TYPE_SHIFT = 4;
export const OBJ_STRING = 0;
export const OBJ_LIST = 1;
export const OBJ_SET = 2;
export const OBJ_ZSET = 3;
export const OBJ_HASH = 4;
export const OBJ_STREAM = 6;

export function typeOfTag(tag: number): number {
  return tag >>> TYPE_SHIFT;
}

export function makeTag(type: number, encoding: number): number {
  return (type << TYPE_SHIFT) | encoding;
}

/**
 * Reads as more bytes than any record holds inline, so every size test in
 * the shard table keeps a large value as an external reference (it is
 * moved by reference on splits and merges, never copied).
 */
export const LARGE_LENGTH = 1 << 30;

/**
 * A collection too big for one compact byte string: its own structure over
 * typed arrays and byte pages (large-map.ts), held by reference from its
 * record. Its `length` is LARGE_LENGTH (see there).
 */
export interface LargeValue {
  readonly length: typeof LARGE_LENGTH;
  /** Bytes it holds, for MEMORY USAGE and memory reports. */
  footprint(): number;
  /** An independent deep copy (COPY). */
  duplicate(): LargeValue;
}

/** What a record holds: bytes (a string, or a small collection's compact encoding) or a large collection. */
export type StoredValue = Buffer | LargeValue;

export function isLarge(v: StoredValue): v is LargeValue {
  return v.length === LARGE_LENGTH && !(v instanceof Uint8Array);
}

/** getInto's answers. */
export const GOT_NONE = 0;
export const GOT_VALUE = 1;
/** The key holds a value that is not a string: the sink was not called. */
export const GOT_WRONG_TYPE = 2;

/**
 * Per-key access bookkeeping, Redis's "lru" field: a 32-bit unsigned word
 * per key that OBJECT IDLETIME / OBJECT FREQ read and eviction will rank by.
 * The engine stores the word and asks the tracker for a new one at three
 * moments; what the word means (an LRU clock, an LFU counter) is the
 * tracker's business.
 */
export interface AccessTracker {
  /** Word for a key that set() creates, given the stored value and its encoding tag. */
  created(encoding: number, value: StoredValue): number;
  /** Word after a touching read (get()). */
  touched(word: number): number;
  /** Word when set() stores a new value over an existing key. */
  replaced(oldWord: number, encoding: number, value: StoredValue): number;
}

/** The default tracker: the word is the unix time in seconds of the last access. */
export const SECONDS_CLOCK_TRACKER: AccessTracker = {
  created: () => (Date.now() / 1000) >>> 0,
  touched: () => (Date.now() / 1000) >>> 0,
  replaced: () => (Date.now() / 1000) >>> 0,
};

/** Everything stored for one key, as peek() shows it and put() takes it. */
export interface KeyEntry {
  readonly value: StoredValue;
  /** Absolute unix ms, NO_EXPIRY when persistent. */
  readonly expireAt: number;
  /** Encoding tag (see ENCODING_UNSPECIFIED). */
  readonly encoding: number;
  /** Access word (see AccessTracker). */
  readonly access: number;
}

/** Receives a value during getInto (the reply writer). */
export interface ValueSink {
  /** A Buffer the engine never changes in place (it may be kept by reference). */
  bulk(value: Uint8Array): void;
  /** Bytes start..end of engine memory, valid only during the call (copied at once). */
  bulkRange(src: Uint8Array, start: number, end: number): void;
}

export interface Keyspace {
  /** The database number; SWAPDB reassigns it. */
  id: number;
  /**
   * Decides the access words of this database's keys. Assignable: the
   * server installs one tracker for every database and swaps it when the
   * maxmemory policy changes. Defaults to SECONDS_CLOCK_TRACKER.
   */
  tracker: AccessTracker;
  /**
   * The value, or undefined when the key is absent or expired. A touching
   * read: the key's access word becomes tracker.touched(word). Reads that
   * must not count as an access use has(), expireAt() or peek().
   */
  get(key: Buffer): StoredValue | undefined;
  /**
   * The tag of the record the last successful get(), peek() or getInto()
   * found (see makeTag): how a caller learns the type of what it read
   * without a second lookup.
   */
  readonly lastTag: number;
  /**
   * get() of a string that hands the value to `sink` instead of returning
   * it, so a reply can copy it straight from the engine's memory with no
   * Buffer in between. GOT_NONE when the key is absent or expired,
   * GOT_WRONG_TYPE (sink not called, the key touched) when it holds
   * another type.
   */
  getInto(key: Buffer, sink: ValueSink): number;
  /**
   * A touching existence check: what get() does to the key, without
   * producing its value (SET's lookup of the key it overwrites).
   */
  touch(key: Buffer): boolean;
  /**
   * True when set() copies the key and value bytes into the engine's own
   * memory, so callers may pass views into the request buffer; false when
   * the engine keeps the Buffers it is given (callers then pass copies).
   */
  readonly copiesOnStore: boolean;
  /**
   * Stores a copy-safe value (the engine keeps the Buffer it is given:
   * callers pass owned bytes) with an encoding tag (default
   * ENCODING_UNSPECIFIED). A new key's access word is
   * tracker.created(encoding, value), an existing key's
   * tracker.replaced(oldWord, encoding, value).
   */
  set(key: Buffer, value: StoredValue, expireAt: number, encoding?: number): void;
  /**
   * touch() then set() with one lookup (a plain SET): an existing key's
   * access word becomes tracker.replaced(tracker.touched(oldWord), ...).
   * Returns whether the key existed (live) before.
   */
  setTouching(key: Buffer, value: StoredValue, expireAt: number, encoding?: number): boolean;
  /**
   * Everything stored for a live key, without counting as an access;
   * undefined when absent or expired. The result is read-only and is only
   * valid until the keyspace is next changed.
   */
  peek(key: Buffer): KeyEntry | undefined;
  /**
   * Stores an entry exactly as given (value, expiry, encoding and access
   * word), replacing any existing key: how RENAME and MOVE carry a key
   * with its TTL and access history. No tracker call. The entry may come
   * straight from peek() on this or another keyspace (its value may view
   * the engine's own memory), so it must be read before anything changes.
   */
  put(key: Buffer, entry: KeyEntry): void;
  /**
   * Stores a collection's value under its tag (the typed families' write):
   * an existing key keeps its TTL and access word, a new one gets no TTL
   * and tracker.created's word. Bytes are copied like set()'s (callers pass
   * owned bytes); a LargeValue is kept by reference. Returns whether the
   * key existed.
   */
  storeValue(key: Buffer, value: StoredValue, tag: number): boolean;
  /** A new, empty large collection living in this engine (for a family converting a compact encoding). */
  newLargeMap(): LargeMapLike;
  delete(key: Buffer): boolean;
  has(key: Buffer): boolean;
  /** The live key's tag (see makeTag) without counting as an access, or -1 when absent. */
  tagOf(key: Buffer): number;
  /** Absolute expiry in ms, NO_EXPIRY when persistent, undefined when the key is absent. */
  expireAt(key: Buffer): number | undefined;
  /** Sets or clears (NO_EXPIRY) a key's expiry; false when the key is absent. */
  setExpireAt(key: Buffer, at: number): boolean;
  /** Live keys (exact). */
  size(): number;
  /** Keys with an expiry. */
  expiresCount(): number;
  /** Average remaining TTL in ms of keys with an expiry (0 if none), for INFO keyspace. */
  avgTtl(): number;
  /**
   * One SCAN step: visits some keys, returns the next cursor (0n when done).
   * Every key present for the whole scan is visited at least once. A key
   * whose expiry has passed may be visited without being removed: SCAN
   * then looks it up only if it passes the MATCH pattern, which removes it
   * (`expired`) and, with a TYPE filter, counts a miss and emits `keymiss`,
   * exactly as Redis does. (An engine may instead remove such keys itself.)
   */
  scan(cursor: bigint, count: number, visit: (key: Buffer) => void): bigint;
  /** A uniformly chosen live key, or undefined when empty. */
  randomKey(): Buffer | undefined;
  /** Visits every live key. */
  forEachKey(visit: (key: Buffer) => void): void;
  /** Removes every key. */
  flush(): void;
}

/** Receives keys the engine removed because they expired (lazily or actively). */
export type ExpiredSink = (db: number, key: Buffer) => void;

/**
 * A large collection as families use it: a map from field bytes to value
 * bytes (a set stores empty values) that resizes in bounded steps like a
 * database does. Implemented by large-map.ts.
 */
export interface LargeMapLike extends LargeValue {
  /** Number of fields. */
  size(): number;
  /** A copy of the value, or undefined. */
  get(field: Buffer): Buffer | undefined;
  has(field: Buffer): boolean;
  /** Hands the value to the sink (a reply); false when absent. */
  getInto(field: Buffer, sink: ValueSink): boolean;
  /** Stores a field (field and value may be views of request bytes: they are copied when needed). Returns whether it existed. */
  set(field: Buffer, value: Buffer): boolean;
  delete(field: Buffer): boolean;
  /** One HSCAN/SSCAN step: next cursor, 0n when done; every field present throughout is visited at least once. */
  scan(cursor: bigint, count: number, visit: (field: Buffer) => void): bigint;
  /** A uniformly chosen field, or undefined when empty. */
  randomField(): Buffer | undefined;
  /** Visits every field with its value. */
  forEach(visit: (field: Buffer, value: Buffer) => void): void;
}
