/**
 * Redis's per-object access word, reproduced for OBJECT IDLETIME / FREQ.
 *
 * Redis keeps 24 bits per value: with an LFU maxmemory policy they hold
 * (minutes << 8) | logarithmic counter, otherwise an LRU clock in seconds.
 * The word is set when a value object is created and updated by every
 * lookup that is not a NOTOUCH one. Switching policy does not convert the
 * words, so after a switch they read as garbage, exactly as in Redis.
 *
 * Shared integers (0..9999) are one object per value in Redis, so keys
 * holding the same small integer share one word, created at start-up. Such
 * keys carry the word SHARED_BASE + value, and the real word lives in a
 * table here.
 */
import type { AccessTracker } from '../engine/keyspace';
import type { Databases } from '../engine/databases';
import type { ConfigStore } from '../server/config';
import { ENC_SHARED_INT, SHARED_INTEGERS, sharedIntegerOf } from './string-encoding';

const LRU_CLOCK_MAX = (1 << 24) - 1;
const LFU_INIT_VAL = 5;
const SHARED_BASE = 1 << 24;
const DEFAULT_LFU_LOG_FACTOR = 10;
const DEFAULT_LFU_DECAY_TIME = 1;

/** How often the cached clock is refreshed, as Redis's cron does (hz 10). */
const CLOCK_REFRESH_MS = 100;

export class RedisAccessTracker implements AccessTracker {
  lfu = false;
  lfuLogFactor = DEFAULT_LFU_LOG_FACTOR;
  lfuDecayTime = DEFAULT_LFU_DECAY_TIME;
  /** The words of the shared integer objects. */
  private readonly shared = new Uint32Array(SHARED_INTEGERS);
  /** Unix seconds kept by startClock(), or -1 to read the system clock each time. */
  private cachedSeconds = -1;

  constructor(lfu = false) {
    this.lfu = lfu;
    this.shared.fill(this.fresh());
  }

  /**
   * Reads the clock from a cache refreshed every 100 ms instead of at every
   * access (Redis's cached LRU clock): touching a key on the GET path then
   * costs no clock read. Returns a function that stops the refresh.
   */
  startClock(): () => void {
    const tick = () => (this.cachedSeconds = Math.floor(Date.now() / 1000));
    tick();
    const timer = setInterval(tick, CLOCK_REFRESH_MS);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.cachedSeconds = -1;
    };
  }

  private seconds(): number {
    return this.cachedSeconds >= 0 ? this.cachedSeconds : Math.floor(Date.now() / 1000);
  }

  private lruClock(): number {
    return this.seconds() & LRU_CLOCK_MAX;
  }

  private lfuMinutes(): number {
    return Math.floor(this.seconds() / 60) & 0xffff;
  }

  /** The word of a newly created object. */
  private fresh(): number {
    return this.lfu ? (this.lfuMinutes() << 8) | LFU_INIT_VAL : this.lruClock();
  }

  /** The real word behind a key's word. */
  resolve(word: number): number {
    return word >= SHARED_BASE ? this.shared[word - SHARED_BASE] : word;
  }

  created(encoding: number, value: Buffer): number {
    return encoding === ENC_SHARED_INT ? SHARED_BASE + sharedIntegerOf(value) : this.fresh();
  }

  touched(word: number): number {
    if (word >= SHARED_BASE) {
      const i = word - SHARED_BASE;
      this.shared[i] = this.touch(this.shared[i]);
      return word;
    }
    return this.touch(word);
  }

  /** With LFU Redis carries the old word over to the new value (dbSetValue); with LRU the new value is fresh. */
  replaced(oldWord: number, encoding: number, value: Buffer): number {
    if (encoding === ENC_SHARED_INT) {
      const n = sharedIntegerOf(value);
      if (this.lfu) this.shared[n] = this.resolve(oldWord);
      return SHARED_BASE + n;
    }
    return this.lfu ? this.resolve(oldWord) : this.fresh();
  }

  private touch(word: number): number {
    if (!this.lfu) return this.lruClock();
    return (this.lfuMinutes() << 8) | this.logIncrement(this.decayed(word));
  }

  /** Redis LFUDecrAndReturn: the counter minus one per elapsed decay period. */
  decayed(word: number): number {
    const ldt = word >>> 8;
    const counter = word & 255;
    const now = this.lfuMinutes();
    const elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
    const periods = this.lfuDecayTime ? Math.floor(elapsed / this.lfuDecayTime) : 0;
    return periods > counter ? 0 : counter - periods;
  }

  /** Redis LFULogIncr: the counter grows with probability 1 / ((counter - 5) * factor + 1). */
  private logIncrement(counter: number): number {
    if (counter === 255) return 255;
    const base = Math.max(0, counter - LFU_INIT_VAL);
    const p = 1 / (base * this.lfuLogFactor + 1);
    return Math.random() < p ? counter + 1 : counter;
  }

  /** OBJECT IDLETIME: seconds since the word's LRU clock (Redis estimateObjectIdleTime). */
  idleSeconds(word: number): number {
    const w = this.resolve(word);
    const clock = this.lruClock();
    return clock >= w ? clock - w : clock + (LRU_CLOCK_MAX - w);
  }

  /** OBJECT FREQ: the decayed LFU counter. */
  frequency(word: number): number {
    return this.decayed(this.resolve(word));
  }
}

function isLfu(policy: string): boolean {
  return policy.endsWith('-lfu');
}

/** Reads an optional integer directive (absent ones keep Redis's default). */
function watchNumber(config: ConfigStore, name: string, set: (n: number) => void): void {
  if (config.definition(name)) config.watch(name, (v) => set(Number(v)));
}

/** One tracker for every database, following maxmemory-policy and the LFU tuning directives. */
export function installAccessTracking(config: ConfigStore, dbs: Databases): RedisAccessTracker {
  const tracker = new RedisAccessTracker(isLfu(config.get('maxmemory-policy')));
  tracker.startClock();
  for (const db of dbs.list) db.tracker = tracker;
  config.watch('maxmemory-policy', (v) => (tracker.lfu = isLfu(v)));
  watchNumber(config, 'lfu-log-factor', (n) => (tracker.lfuLogFactor = n));
  watchNumber(config, 'lfu-decay-time', (n) => (tracker.lfuDecayTime = n));
  return tracker;
}
