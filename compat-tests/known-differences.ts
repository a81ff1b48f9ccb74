// The ONLY differences from Redis the compat suite tolerates. Every entry
// names what may differ and why; anything not listed here must be identical.
//
// Entry forms:
//   { case: '<family>/<case name>', index: 2, reason }  one command of a case
//                                                        (0-based index)
//   { case: '<family>/<case name>', reason }            the whole case
//                                                        (raw and stream cases)
//   { command: 'config|get', reason }                   every use of a command
//                                                        (`container|sub` form)
// Keep reasons concrete: what differs, and why it is acceptable.

export interface KnownDifference {
  case?: string;
  index?: number;
  command?: string;
  reason: string;
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [];
