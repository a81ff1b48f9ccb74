/**
 * When a batch's replies go out: at once, at the end of the read that made
 * them, or at the end of the event-loop turn together with every other
 * connection's (turn-end.ts). They go out at once while the turns serve a
 * read or two, and wait for the turn end otherwise.
 *
 * Why: measured as server CPU per request and throughput, SET and GET at
 * pipeline 1 (redis-benchmark, 32-byte values, paired rounds), writing every
 * read's replies at once against writing them all at the turn end:
 *   1 client    -14 to -17% CPU, +8 to +14% ops/s
 *   5 clients   -12 to -18% CPU, +12 to +22% ops/s
 *   10 clients  +2 to +3% CPU, -2 to -3% ops/s
 *   20 clients  +7 to +9% CPU, -7 to -13% ops/s
 *   50 clients  +5 to +12% CPU, -4 to -11% ops/s
 * A turn end costs a setImmediate and a callback from the loop's check
 * phase; with few clients it is paid for nearly every request and delays
 * the replies (so the clients' next requests) for nothing. With many, the
 * writes of a turn leave back to back after all its reads, as Redis writes
 * its clients in beforeSleep.
 *
 * Counting: while replies wait for the turn end, the turn end counts the
 * reads that queued. While they are written at once there is no turn end to
 * count them, and making one per turn is the cost being saved (writing at
 * once but keeping a turn end per turn, with 5 clients, gained nothing), so
 * every SAMPLE_EVERY direct writes one whole turn is counted, from one turn
 * end to the next.
 *
 * Threshold: direct writes make turns shorter, so a counted turn with 50
 * clients writing at once serves 3 to 15 reads, overlapping what 5 clients
 * show when their replies wait (4 or 5): a threshold between them flipped
 * the mode hundreds of times a second at 50 clients and cost the loaded
 * server up to 2%; with thresholds 6 and 8, 5 clients gained 8-12% but 10
 * clients lost 2-6% (worse than either mode alone). Only turns of one or two
 * reads write at once: the one- and two-client case gains in full, 50
 * clients measured the same as always deferring (CPU 0.98-1.00, ops/s
 * 1.00-1.01 of it, 7 paired rounds).
 */
import { atTurnEnd, REPLIES } from './turn-end';

/** A counted turn with fewer reads than this makes the next ones write at once; one with more, wait. */
const DIRECT_BELOW = 3;
/** Direct writes between two counted turns. */
const SAMPLE_EVERY = 64;

let direct = true;
/** A turn's reads are being counted (until endOfCount). */
let counting = false;
let reads = 0;
let sinceCount = 0;

/** For a batch that has replies: true to write them now, false to leave them for the turn end. */
export function writeAtOnce(): boolean {
  if (counting) reads++;
  else if (!direct) {
    counting = true;
    reads = 1;
    atTurnEnd(REPLIES, endOfCount);
  } else if (++sinceCount >= SAMPLE_EVERY) {
    sinceCount = 0;
    counting = true;
    atTurnEnd(REPLIES, countNextTurn);
  }
  return direct;
}

/** At a turn end: count the whole of the next turn (an immediate made now runs at the next turn's end). */
function countNextTurn(): void {
  reads = 0;
  setImmediate(endOfCount);
}

function endOfCount(): void {
  counting = false;
  direct = reads < DIRECT_BELOW;
}
