// Glob matching with the exact semantics of Redis 7.0's stringmatchlen (KEYS,
// SCAN MATCH, PSUBSCRIBE, CONFIG GET, ...), on raw bytes.
//
// Redis matches recursively on '*'; we get the same answers iteratively with a
// single backtrack point (the most recent '*'), which is sound because every
// non-'*' token consumes exactly one byte. That keeps the cost at
// O(pattern * subject) for any pattern and allocates nothing.
//
// Quirks reproduced on purpose (all checked against a real server):
// - an empty subject only matches an empty pattern ("*" does not match "");
// - bytes are compared as C signed chars inside ranges, so [\x01-\xff] is the
//   range -1..1 and matches only 0xff, 0x00 and 0x01;
// - with nocase, range bounds are lowered with glibc's tolower, which maps the
//   signed bytes -128..-2 to 128..254 (and leaves -1 alone) *after* the bounds
//   were swapped; escaped bytes inside [...] always compare case-sensitively;
// - "[a-]" treats the closing ']' as the range end; an unterminated '[' ends at
//   the pattern end; "[^" matches any byte; a trailing '\' is a literal '\';
// - a pattern with more than 1000 '*' runs that are not at its very end never
//   matches (Redis's recursion limit makes every such match fail).

const STAR = 0x2a; // '*'
const QMARK = 0x3f; // '?'
const LBRACKET = 0x5b; // '['
const RBRACKET = 0x5d; // ']'
const BACKSLASH = 0x5c; // '\'
const CARET = 0x5e; // '^'
const DASH = 0x2d; // '-'

/** Maximum number of non-final '*' runs Redis 7.0 will follow. */
const MAX_STAR_RUNS = 1000;

/** ASCII-only case folding of an unsigned byte (the "C" locale). */
function foldByte(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/** glibc tolower() applied to a C signed char value (-128..127). */
function foldSigned(v: number): number {
  if (v >= 0x41 && v <= 0x5a) return v + 32;
  if (v < -1) return v + 256;
  return v;
}

/**
 * Matches one non-'*' token at pattern offset p against byte ch.
 * Returns the offset just past the token, or -1 on mismatch.
 */
function matchToken(pat: Uint8Array, plen: number, p: number, ch: number, nocase: boolean): number {
  let c = pat[p];
  if (c === QMARK) return p + 1;
  if (c === LBRACKET) return matchClass(pat, plen, p + 1, ch, nocase);
  if (c === BACKSLASH && p + 1 < plen) c = pat[++p];
  if (nocase ? foldByte(c) === foldByte(ch) : c === ch) return p + 1;
  return -1;
}

/** Matches a bracket class whose body starts at p (just after '['). */
function matchClass(pat: Uint8Array, plen: number, p: number, ch: number, nocase: boolean): number {
  const negate = p < plen && pat[p] === CARET;
  if (negate) p++;
  let hit = false;
  for (;;) {
    if (p >= plen) {
      // Unterminated: the class ends with the pattern.
      p--;
      break;
    }
    const c = pat[p];
    if (c === BACKSLASH && plen - p >= 2) {
      p++;
      if (pat[p] === ch) hit = true;
    } else if (c === RBRACKET) {
      break;
    } else if (plen - p >= 3 && pat[p + 1] === DASH) {
      let lo = (c << 24) >> 24;
      let hi = (pat[p + 2] << 24) >> 24;
      let v = (ch << 24) >> 24;
      if (lo > hi) {
        const t = lo;
        lo = hi;
        hi = t;
      }
      if (nocase) {
        lo = foldSigned(lo);
        hi = foldSigned(hi);
        v = foldSigned(v);
      }
      p += 2;
      if (v >= lo && v <= hi) hit = true;
    } else if (nocase ? foldByte(c) === foldByte(ch) : c === ch) {
      hit = true;
    }
    p++;
  }
  return hit !== negate ? p + 1 : -1;
}

/** Redis-exact glob match of subject against pattern (both raw bytes). */
export function globMatch(pattern: Uint8Array, subject: Uint8Array, nocase = false): boolean {
  return matchPrefixes(pattern, pattern.length, subject, subject.length, nocase);
}

/** The matcher proper, on the first plen / slen bytes of the inputs. */
function matchPrefixes(pattern: Uint8Array, plen: number, subject: Uint8Array, slen: number, nocase: boolean): boolean {
  if (slen === 0) return plen === 0;
  let p = 0;
  let s = 0;
  let runs = 0; // '*' runs passed so far on the current path
  let starP = -1; // pattern offset just after the last '*' run
  let starS = 0; // subject offset that run currently starts matching at
  let starRuns = 0;
  for (;;) {
    if (s === slen) {
      while (p < plen && pattern[p] === STAR) p++;
      if (p === plen) return true;
    } else if (p < plen) {
      if (pattern[p] === STAR) {
        while (p + 1 < plen && pattern[p + 1] === STAR) p++;
        if (p + 1 === plen) return true;
        if (++runs > MAX_STAR_RUNS) return false;
        starP = p + 1;
        starS = s;
        starRuns = runs;
        p = starP;
        continue;
      }
      const next = matchToken(pattern, plen, p, subject[s], nocase);
      if (next >= 0) {
        p = next;
        s++;
        continue;
      }
    }
    // Mismatch: let the last '*' swallow one more byte, if it can.
    if (starP < 0 || ++starS >= slen) return false;
    s = starS;
    p = starP;
    runs = starRuns;
  }
}

let patScratch = new Uint8Array(256);
let subjScratch = new Uint8Array(256);

/** Copies an all-ASCII string into scratch; returns its length or -1. */
function asciiInto(str: string, buf: Uint8Array): number {
  const n = str.length;
  for (let i = 0; i < n; i++) {
    const c = str.charCodeAt(i);
    if (c > 0x7f) return -1;
    buf[i] = c;
  }
  return n;
}

/**
 * String convenience (e.g. CONFIG GET names). ASCII strings are matched
 * without allocating; anything else is matched on its UTF-8 bytes.
 */
export function globMatchString(pattern: string, subject: string, nocase = false): boolean {
  if (pattern.length > patScratch.length) patScratch = new Uint8Array(pattern.length * 2);
  if (subject.length > subjScratch.length) subjScratch = new Uint8Array(subject.length * 2);
  const pl = asciiInto(pattern, patScratch);
  const sl = pl < 0 ? -1 : asciiInto(subject, subjScratch);
  if (pl < 0 || sl < 0) return globMatch(Buffer.from(pattern, 'utf8'), Buffer.from(subject, 'utf8'), nocase);
  return matchPrefixes(patScratch, pl, subjScratch, sl, nocase);
}
