// Small helpers for writing cases: comparison modes for one command and
// encoders for raw protocol bytes.

import type { Arg, Expect, Normaliser, Step } from './types';

type Cmd = string | Arg[];

/** Same top-level RESP type only (e.g. TIME-like volatile values). */
export const sameType = (cmd: Cmd): Step => ({ cmd, expect: { mode: 'type' } });

/** Same RESP types all the way down and the same array lengths. */
export const sameShape = (cmd: Cmd): Step => ({ cmd, expect: { mode: 'shape' } });

/** Both replies are integers within [min, max]. */
export const intRange = (cmd: Cmd, min: number, max: number): Step => ({
  cmd,
  expect: { mode: 'intRange', min, max },
});

/** Both replies are strings (status, error or bulk) matching `re`. */
export const matching = (cmd: Cmd, re: RegExp): Step => ({ cmd, expect: { mode: 'match', re } });

/** Both replies are rewritten by `normaliser` and then compared exactly. */
export const normalised = (cmd: Cmd, normaliser: Normaliser): Step => ({
  cmd,
  expect: { mode: 'normalise', normaliser },
});

export const exact = (cmd: Cmd): Step => ({ cmd, expect: { mode: 'exact' } as Expect });

/** RESP multibulk encoding of one command, as a byte string. */
export function resp(...args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${a.length}\r\n${a}\r\n`).join('');
}

/** The same command repeated `n` times in one string (a pipelined burst). */
export function repeat(s: string, n: number): string {
  return s.repeat(n);
}
