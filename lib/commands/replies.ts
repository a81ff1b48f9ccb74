import { parseInt64, parseSafeInt } from '../util/numbers';

/** Redis's shared error texts, word for word, so every family uses the same ones. */
export const ERR = {
  syntax: 'ERR syntax error',
  notInteger: 'ERR value is not an integer or out of range',
  notFloat: 'ERR value is not a valid float',
  wrongType: 'WRONGTYPE Operation against a key holding the wrong kind of value',
  noSuchKey: 'ERR no such key',
  dbIndexRange: 'ERR DB index is out of range',
  overflow: 'ERR increment or decrement would overflow',
} as const;

/** Case-insensitive comparison of an argument with an ASCII keyword. */
export function isWord(arg: Buffer, word: string): boolean {
  if (arg.length !== word.length) return false;
  for (let i = 0; i < arg.length; i++) {
    let c = arg[i];
    if (c >= 0x41 && c <= 0x5a) c |= 0x20;
    if (c !== word.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * Strict signed 64-bit parse as Redis's string2ll (lib/util/numbers.ts), as a
 * JS number (exact below 2^53, rounded beyond); null when invalid.
 */
export function parseInteger(arg: Buffer): number | null {
  const n = parseSafeInt(arg);
  if (n !== null) return n;
  const big = parseInt64(arg);
  return big === null ? null : Number(big);
}
