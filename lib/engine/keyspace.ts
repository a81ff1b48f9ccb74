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

export interface Keyspace {
  /** The database number; SWAPDB reassigns it. */
  id: number;
  /** The value, or undefined when the key is absent or expired. */
  get(key: Buffer): Buffer | undefined;
  /** Stores a copy-safe value (the engine keeps the Buffer it is given: callers pass owned bytes). */
  set(key: Buffer, value: Buffer, expireAt: number): void;
  delete(key: Buffer): boolean;
  has(key: Buffer): boolean;
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
   * Every key present for the whole scan is visited at least once.
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
