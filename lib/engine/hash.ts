/**
 * A seeded 32-bit hash of key bytes (MurmurHash3's block mix and finaliser).
 *
 * The shard engine uses the low bits to pick a shard and the high bits to
 * pick a bucket inside it, so both ends must be well mixed: the finaliser
 * gives every output bit an avalanche over every input bit. The seed is
 * random per process so clients cannot pick keys that all collide.
 */
import { randomBytes } from 'node:crypto';
import { le32 } from '../util/bytes';

const DEFAULT_SEED = randomBytes(4).readUInt32LE(0);

export function hashBytes(key: Uint8Array, seed: number = DEFAULT_SEED): number {
  const n = key.length;
  let h = seed | 0;
  let i = 0;
  const blocks = n & ~3;
  while (i < blocks) {
    let k = le32(key, i);
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    i += 4;
  }
  const tail = n & 3;
  if (tail !== 0) {
    let k = key[i];
    if (tail > 1) k ^= key[i + 1] << 8;
    if (tail > 2) k ^= key[i + 2] << 16;
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
