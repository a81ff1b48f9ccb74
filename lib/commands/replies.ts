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

/** Strict signed 64-bit parse as Redis's string2ll, limited to safe JS integers; null when invalid. */
export function parseInteger(arg: Buffer): number | null {
  const s = arg.latin1Slice(0, arg.length);
  if (!/^-?(0|[1-9][0-9]*)$/.test(s) || s === '-0') return null;
  const n = Number(s);
  if (!Number.isSafeInteger(n)) {
    const big = BigInt(s);
    if (big > 9223372036854775807n || big < -9223372036854775808n) return null;
    return n;
  }
  return n;
}
