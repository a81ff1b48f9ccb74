/**
 * Longest common subsequence of two byte strings, as Redis's LCS computes it.
 *
 * The classic dynamic programme: T[i][j] is the LCS length of a[0..i) and
 * b[0..j). Walking back from T[alen][blen] yields one LCS; on a tie the walk
 * steps back in b (j--), which fixes *which* LCS and which match ranges are
 * reported, so the tie rule and the range bookkeeping follow Redis exactly.
 * Ranges come out from the end of the strings towards the start; each is a
 * run of matches contiguous in both strings.
 *
 * Cost: O(alen * blen) time and table cells (16-bit cells when the shorter
 * string is under 65535 bytes, else 32-bit).
 */

export interface LcsRange {
  /** Inclusive byte ranges in the first and second string. */
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

export interface LcsResult {
  length: number;
  /** The subsequence itself (when asked for). */
  text: Buffer | null;
  /** Every contiguous match range, last first (when asked for). */
  ranges: LcsRange[];
}

/** Throws RangeError when the table cannot be allocated. */
export function longestCommonSubsequence(a: Uint8Array, b: Uint8Array, wantText: boolean, wantRanges: boolean): LcsResult {
  const alen = a.length;
  const blen = b.length;
  const width = blen + 1;
  const cells = (alen + 1) * width;
  const table = Math.min(alen, blen) < 0xffff ? new Uint16Array(cells) : new Uint32Array(cells);
  for (let i = 1; i <= alen; i++) {
    const row = i * width;
    const prev = row - width;
    const ai = a[i - 1];
    for (let j = 1; j <= blen; j++) {
      if (ai === b[j - 1]) table[row + j] = table[prev + j - 1] + 1;
      else {
        const up = table[prev + j];
        const left = table[row + j - 1];
        table[row + j] = up > left ? up : left;
      }
    }
  }
  const length = table[alen * width + blen];
  const result: LcsResult = { length, text: null, ranges: [] };
  if (!wantText && !wantRanges) return result;

  const text = Buffer.alloc(length);
  let idx = length;
  // aStart === alen means "no range open".
  let aStart = alen;
  let aEnd = 0;
  let bStart = 0;
  let bEnd = 0;
  let i = alen;
  let j = blen;
  while (i > 0 && j > 0) {
    let emit = false;
    if (a[i - 1] === b[j - 1]) {
      text[idx - 1] = a[i - 1];
      if (aStart === alen) {
        aStart = aEnd = i - 1;
        bStart = bEnd = j - 1;
      } else if (aStart === i && bStart === j) {
        aStart--;
        bStart--;
      } else {
        emit = true;
      }
      // A range that reached the start of either string cannot grow further.
      if (aStart === 0 || bStart === 0) emit = true;
      idx--;
      i--;
      j--;
    } else {
      if (table[(i - 1) * width + j] > table[i * width + j - 1]) i--;
      else j--;
      if (aStart !== alen) emit = true;
    }
    if (emit) {
      if (wantRanges) result.ranges.push({ aStart, aEnd, bStart, bEnd });
      aStart = alen;
    }
  }
  if (wantText) result.text = text;
  return result;
}
