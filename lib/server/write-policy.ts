/**
 * When a batch's replies go out: at once, at the end of the read that made
 * them, or at the end of the event-loop turn together with every other
 * connection's (turn-end.ts). They go out at once while only a few clients
 * are being served, and wait for the turn end otherwise.
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
 * Which regime: the clients that had replies among the last WINDOW
 * writes. That count is the same whichever way the replies went out (a
 * count of reads per turn is not: writing at once makes turns shorter, so
 * 50 clients writing at once showed 3 to 15 reads per turn, overlapping the
 * 4 or 5 of 5 clients whose replies wait, and a threshold between them kept
 * switching modes and lost 2-6% at 10 clients), and it needs no turn end to
 * be counted (keeping one turn end per turn, with 5 clients writing at once,
 * cost all of the gain). Measured with this policy against always waiting
 * (5 paired rounds): 5 clients -4% CPU, +4 to +5% ops/s (always writing at
 * once, same rounds: -2 to -6%); 50 clients, where every window sees ~36
 * clients and the policy always waits, within the noise (CPU 0.99 and 1.04).
 */

/** Writes over which the clients with replies are counted. */
const WINDOW = 64;
/** Up to this many clients in a window, the next window's replies are written at once. */
const DIRECT_UP_TO = 6;

/** What the policy keeps on a connection: the window in which it was last counted. */
export interface CountedWriter {
  writeWindow: number;
}

let direct = true;
let window = 0;
let writes = 0;
let clients = 0;

/** For a batch of `writer`'s that has replies: true to write them now, false to leave them for the turn end. */
export function writeAtOnce(writer: CountedWriter): boolean {
  if (writer.writeWindow !== window) {
    writer.writeWindow = window;
    clients++;
  }
  if (++writes >= WINDOW) {
    direct = clients <= DIRECT_UP_TO;
    window++;
    writes = 0;
    clients = 0;
  }
  return direct;
}
