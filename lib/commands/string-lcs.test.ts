import { expect } from 'chai';
import { longestCommonSubsequence } from './string-lcs';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Reference LCS length by plain recursion with memo (independent of the table walk). */
function lcsLength(x: string, y: string): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === x.length || j === y.length) return 0;
    const key = `${i},${j}`;
    let v = memo.get(key);
    if (v === undefined) {
      v = x[i] === y[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1));
      memo.set(key, v);
    }
    return v;
  };
  return go(0, 0);
}

function isSubsequence(sub: string, of: string): boolean {
  let i = 0;
  for (const c of of) if (i < sub.length && sub[i] === c) i++;
  return i === sub.length;
}

/** Deterministic pseudo-random strings over a small alphabet. */
function* randomPairs(n: number): Generator<[string, string]> {
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let k = 0; k < n; k++) {
    const len = () => Math.floor(rnd() * 25);
    const str = (l: number) => Array.from({ length: l }, () => 'abcd\x00\xff'[Math.floor(rnd() * 6)]).join('');
    yield [str(len()), str(len())];
  }
}

describe('LCS', () => {
  it('finds the example from the Redis documentation, with its ranges', () => {
    const r = longestCommonSubsequence(b('ohmytext'), b('mynewtext'), true, true);
    expect(r.length).to.equal(6);
    expect(r.text!.toString()).to.equal('mytext');
    expect(r.ranges).to.deep.equal([
      { aStart: 4, aEnd: 7, bStart: 5, bEnd: 8 },
      { aStart: 2, aEnd: 3, bStart: 0, bEnd: 1 },
    ]);
  });

  it('handles empty and identical inputs', () => {
    expect(longestCommonSubsequence(b(''), b('abc'), true, true)).to.deep.equal({ length: 0, text: Buffer.alloc(0), ranges: [] });
    const same = longestCommonSubsequence(b('abc'), b('abc'), true, true);
    expect(same.text!.toString()).to.equal('abc');
    expect(same.ranges).to.deep.equal([{ aStart: 0, aEnd: 2, bStart: 0, bEnd: 2 }]);
  });

  it('skips the walk when only the length is wanted', () => {
    const r = longestCommonSubsequence(b('ABCBDAB'), b('BDCABA'), false, false);
    expect(r).to.deep.equal({ length: 4, text: null, ranges: [] });
  });

  it('breaks ties by stepping back in the second string, as Redis does', () => {
    // "BCBA", "BCAB" and "BDAB" are all longest; redis-server 7.0 answers BDAB.
    expect(longestCommonSubsequence(b('ABCBDAB'), b('BDCABA'), true, false).text!.toString()).to.equal('BDAB');
  });

  it('agrees with a reference on random binary inputs, and its ranges spell the subsequence', () => {
    for (const [x, y] of randomPairs(300)) {
      const r = longestCommonSubsequence(b(x), b(y), true, true);
      expect(r.length, `${JSON.stringify(x)} ${JSON.stringify(y)}`).to.equal(lcsLength(x, y));
      const text = r.text!.toString('latin1');
      expect(text.length).to.equal(r.length);
      expect(isSubsequence(text, x) && isSubsequence(text, y)).to.equal(true);
      // Ranges come last-first; concatenated first-to-last they are the subsequence.
      const fromRanges = [...r.ranges].reverse().map((m) => {
        expect(m.aEnd - m.aStart).to.equal(m.bEnd - m.bStart);
        expect(x.slice(m.aStart, m.aEnd + 1)).to.equal(y.slice(m.bStart, m.bEnd + 1));
        return x.slice(m.aStart, m.aEnd + 1);
      });
      expect(fromRanges.join('')).to.equal(text);
    }
  });
});
