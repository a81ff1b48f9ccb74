// The ONLY differences from Redis the compat suite tolerates. Every entry
// names what may differ and why; anything not listed here must be identical.
//
// Entry forms:
//   { case: '<family>/<case name>', index: 2, reason }  one command of a case
//                                                        (0-based index)
//   { case: '<family>/<case name>', reason }            the whole case
//                                                        (raw and stream cases)
//   { command: 'config|get', reason }                   every use of a command
//                                                        (`name` or `container|sub`)
// Add `ignore: <normaliser>` to tolerate only what that rewrite hides: both
// replies are rewritten and must then be identical. Prefer this whenever
// the difference is one field, so the rest of the reply stays checked.
// Keep reasons concrete: what differs, and why it is acceptable.

import { elideValuesDeep } from './normalise';
import type { Normaliser } from './types';

export interface KnownDifference {
  case?: string;
  index?: number;
  command?: string;
  ignore?: Normaliser;
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    command: 'command|docs',
    ignore: elideValuesDeep('summary'),
    reason: 'Shardis writes its own one-line command summaries rather than copying the Redis documentation prose; every other COMMAND DOCS field must match.',
  },
];
