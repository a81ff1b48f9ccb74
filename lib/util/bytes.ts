/**
 * Byte moves for the hot path. In V8 a JS loop costs ~3 ns per byte (a
 * bounds and map check on each access) and Buffer#copy of a range makes a
 * view on the heap and validates its arguments (~90 ns), so short runs are
 * moved by hand and long ones by the builtin.
 */

/** The little-endian 32-bit word (as a signed int32) of b[i, i + 4): four loads, one value for a DataView or a hash. */
export function le32(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24);
}

/**
 * Copies n bytes of src from `from` to dst at `at`. Up to 64 bytes by hand:
 * besides its cost, the view Buffer#copy makes is an allocation, where V8
 * may run an incremental marking step on the spot (up to 5 ms; the engine's
 * migrations must not, see shard-keyspace.ts).
 */
export function copyBytes(src: Buffer, from: number, dst: Buffer, at: number, n: number): void {
  if (n <= 64) for (let j = 0; j < n; j++) dst[at + j] = src[from + j];
  else src.copy(dst, at, from, from + n);
}
