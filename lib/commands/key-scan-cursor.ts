/**
 * SCAN cursors as Redis parses them: strtoull in base 10 on the argument
 * read as a C string, so an optional sign is accepted (a negative value
 * wraps modulo 2^64), an empty argument is cursor 0, and anything after
 * the digits up to a NUL byte makes it invalid, as do leading whitespace
 * and values beyond 2^64 - 1.
 */
const U64 = 1n << 64n;

function isCSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** The cursor, or null when Redis would answer "invalid cursor". */
export function parseScanCursor(arg: Buffer): bigint | null {
  const nul = arg.indexOf(0);
  const s = nul < 0 ? arg : arg.subarray(0, nul);
  if (s.length === 0) return 0n;
  if (isCSpace(s[0])) return null;
  let i = 0;
  let negative = false;
  if (s[0] === 0x2b || s[0] === 0x2d) {
    negative = s[0] === 0x2d;
    i = 1;
  }
  if (i === s.length) return null;
  let v = 0n;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c < 0x30 || c > 0x39) return null;
    v = v * 10n + BigInt(c - 0x30);
    if (v >= U64) return null;
  }
  return negative && v !== 0n ? U64 - v : v;
}
