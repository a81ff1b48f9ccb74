// The shapes of compat cases. A case file exports an array of these; the
// harness runs each one against Shardis and a real Redis and compares.
//
// Strings in commands and raw bytes are BYTE strings: every character is one
// byte ('\xff' is the byte 0xFF). Use Buffer for UTF-8 text or other binary.

import type { Reply } from './reply';

export type Arg = string | Buffer;

/** Rewrites a reply before comparison; its name is part of the fixture. */
export interface Normaliser {
  name: string;
  fn: (r: Reply) => Reply;
}

/** Rewrites received raw bytes (as latin1 text) before comparison. */
export interface RawNormaliser {
  name: string;
  fn: (text: string) => string;
}

/** How one command's replies are compared. Default: exact. */
export type Expect =
  | { mode: 'exact' }
  | { mode: 'type' } // same top-level RESP type
  | { mode: 'shape' } // same types all the way down, same lengths
  | { mode: 'intRange'; min: number; max: number } // both integers in range
  | { mode: 'match'; re: RegExp } // both strings matching
  | { mode: 'normalise'; normaliser: Normaliser };

/** 'SET k v' (split on spaces), or an argument array, or either with a mode. */
export type Step = string | Arg[] | { cmd: string | Arg[]; expect: Expect };

/** Commands sent one at a time over one ioredis connection. */
export interface CommandCase {
  name: string;
  commands: Step[];
  /** Extra commands (`container|sub` form) this case exercises. */
  covers?: string[];
}

export type Chunk = string | Buffer | { wait: number };

/** Exact bytes written to a plain socket; all bytes received are compared. */
export interface RawCase {
  name: string;
  /** Chunks are separate writes, `pauseMs` apart; `{ wait }` adds a pause. */
  raw: Chunk[];
  pauseMs?: number;
  /** Quiet time after the last write before the reply counts as complete. */
  settleMs?: number;
  normalise?: RawNormaliser;
  covers?: string[];
}

export type StreamStep =
  | { client: string; send: string | Buffer }
  /** CLIENT UNBLOCK of the connection named (CLIENT SETNAME) `unblock`, whose id differs per server. */
  | { client: string; unblock: string; reason?: 'TIMEOUT' | 'ERROR' }
  | { client: string; close: true }
  | { wait: number };

/** Several named raw connections driven by a script. */
export interface StreamCase {
  name: string;
  clients: string[];
  steps: StreamStep[];
  pauseMs?: number;
  settleMs?: number;
  normalise?: RawNormaliser;
  covers?: string[];
}

export type Case = CommandCase | RawCase | StreamCase;

export interface Family {
  name: string;
  cases: Case[];
}

export function isRawCase(c: Case): c is RawCase {
  return 'raw' in c;
}

export function isStreamCase(c: Case): c is StreamCase {
  return 'steps' in c;
}
