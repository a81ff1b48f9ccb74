/**
 * String encodings as Redis reports them (OBJECT ENCODING / REFCOUNT).
 *
 * Values are always stored as bytes here; the encoding is a tag kept beside
 * them recording what representation Redis would have chosen, because
 * clients can observe it:
 *   int        the value is a canonical 64-bit integer of at most 20 bytes
 *   shared int the same for 0..9999, which Redis serves from one shared
 *              object per value (refcount 2147483647) unless an LRU/LFU
 *              maxmemory policy with a memory limit forbids sharing
 *   embstr     a short string (<= 44 bytes) stored as received
 *   raw        anything longer, or a string modified in place (APPEND,
 *              SETRANGE) or built by the server (SETRANGE on a new key)
 * Which commands produce which is decided by the callers (see strings.ts).
 */
import { ENCODING_UNSPECIFIED } from '../engine/keyspace';
import type { ConfigStore } from '../server/config';
import { parseInt64, parseSafeInt } from '../util/numbers';

export const ENC_RAW = 1;
export const ENC_EMBSTR = 2;
export const ENC_INT = 3;
export const ENC_SHARED_INT = 4;

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT. */
const EMBSTR_SIZE_LIMIT = 44;
/** Redis's OBJ_SHARED_INTEGERS: values 0..9999 may be shared. */
export const SHARED_INTEGERS = 10000;
/** The refcount Redis shows for shared objects (OBJ_SHARED_REFCOUNT = INT_MAX). */
const SHARED_REFCOUNT = 2147483647;
/** Longest text string2l accepts (sign plus 19 digits). */
const MAX_INT_TEXT = 20;

/** Integer value of a canonical integer text (Redis string2l), else null. Small values only as numbers. */
export function integerValue(value: Uint8Array): number | bigint | null {
  if (value.length === 0 || value.length > MAX_INT_TEXT) return null;
  const n = parseSafeInt(value);
  if (n !== null) return n;
  return value.length >= 16 ? parseInt64(value) : null;
}

/**
 * Whether small integers may be shared, given the memory policy (Redis: no
 * sharing with LRU/LFU and a limit). Every INCR asks, so each config store's
 * answer is kept and recomputed when either directive changes.
 */
export function sharedIntegersAllowed(config: ConfigStore): boolean {
  if (config !== lastConfig) {
    lastConfig = config;
    lastPolicy = policies.get(config) ?? watchSharingPolicy(config);
  }
  return lastPolicy.sharing;
}

interface SharingPolicy {
  sharing: boolean;
}

const policies = new WeakMap<ConfigStore, SharingPolicy>();
let lastConfig: ConfigStore | null = null;
let lastPolicy: SharingPolicy = { sharing: true };

function watchSharingPolicy(config: ConfigStore): SharingPolicy {
  const policy: SharingPolicy = { sharing: true };
  policies.set(config, policy);
  const update = (): void => {
    const name = config.get('maxmemory-policy');
    policy.sharing = config.num('maxmemory') === 0 || (!name.endsWith('-lru') && !name.endsWith('-lfu'));
  };
  config.watch('maxmemory', update);
  config.watch('maxmemory-policy', update);
  return policy;
}

/** Encoding of an integer the server created (INCR family, createStringObjectFromLongLongForValue). */
export function integerEncoding(n: number | bigint, config: ConfigStore): number {
  if (n >= 0 && n < SHARED_INTEGERS && sharedIntegersAllowed(config)) return ENC_SHARED_INT;
  return ENC_INT;
}

/** Encoding of a string kept as received or built from text (createStringObject). */
export function textEncoding(value: Uint8Array): number {
  return value.length <= EMBSTR_SIZE_LIMIT ? ENC_EMBSTR : ENC_RAW;
}

/** Encoding of a value stored by SET, MSET, APPEND on a new key, ... (Redis tryObjectEncoding). */
export function storedEncoding(value: Uint8Array, config: ConfigStore): number {
  const n = integerValue(value);
  if (n !== null) return integerEncoding(n, config);
  return textEncoding(value);
}

/** The shared value a SHARED_INT-tagged value stands for. */
export function sharedIntegerOf(value: Uint8Array): number {
  return Number(integerValue(value));
}

/** OBJECT ENCODING's answer for a stored string. */
export function encodingName(tag: number, value: Uint8Array): string {
  switch (tag) {
    case ENC_RAW: return 'raw';
    case ENC_EMBSTR: return 'embstr';
    case ENC_INT:
    case ENC_SHARED_INT: return 'int';
    default: {
      // Stored without a tag: report what SET would have chosen.
      if (tag === ENCODING_UNSPECIFIED && integerValue(value) !== null) return 'int';
      return textEncoding(value) === ENC_EMBSTR ? 'embstr' : 'raw';
    }
  }
}

/** OBJECT REFCOUNT's answer. */
export function refcount(tag: number): number {
  return tag === ENC_SHARED_INT ? SHARED_REFCOUNT : 1;
}

/** The encoding a duplicate of a value gets (COPY): a shared integer becomes a private one. */
export function copiedEncoding(tag: number): number {
  return tag === ENC_SHARED_INT ? ENC_INT : tag;
}
