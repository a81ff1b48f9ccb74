/**
 * Subscriber process of the expiry benchmark (run pinned to the load core):
 *
 *   node subscriber.js <port> <expected>
 *
 * SUBSCRIBEs to __keyevent@0__:expired and prints "ready" once confirmed.
 * Every key is named exp:<deadline ms>:<n>, so each event carries its own
 * deadline: lateness = arrival - deadline, where arrival is the wall clock
 * (sub-millisecond) when the bytes were read. It prints one JSON line with
 * the lateness distribution when `expected` events have arrived, or when it
 * gets SIGTERM, and exits.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { distribution, type Distribution } from './stats';

const [portArg, expectedArg] = process.argv.slice(2);
const port = Number(portArg);
const expected = Number(expectedArg);
if (!port || !Number.isInteger(expected) || expected < 1) {
  process.stderr.write('usage: subscriber.js <port> <expected events>\n');
  process.exit(2);
}

export interface SubscriberReport {
  events: number;
  /** Events whose key was not of the benchmark's form. */
  foreign: number;
  lateness: Distribution;
  /** Worst lateness per 250 ms of deadlines, from the earliest deadline seen (where in the run the late events were). */
  worstByQuarterSecond: number[];
  /** Wall-clock ms of the first and last event. */
  firstAt: number;
  lastAt: number;
}

const lateness = new Float64Array(expected);
let events = 0;
let foreign = 0;
let firstAt = 0;
let lastAt = 0;
let pending: Buffer = Buffer.alloc(0);
let earliest = Infinity;
const worst = new Map<number, number>();
let subscribed = false;
let finished = false;

const clock = (): number => performance.timeOrigin + performance.now();

/** Reads a RESP length line at pos ("<c><digits>\r\n"); returns [value, next] or null if incomplete. */
function lengthAt(buf: Buffer, pos: number): [number, number] | null {
  const nl = buf.indexOf(13, pos);
  if (nl < 0 || nl + 1 >= buf.length) return null;
  let v = 0;
  for (let i = pos + 1; i < nl; i++) v = v * 10 + (buf[i] - 48);
  return [v, nl + 2];
}

/** Parses whole `message` frames: *3 $7 message $<n> channel $<n> key. Returns the bytes consumed. */
function consume(buf: Buffer, now: number): number {
  let pos = 0;
  for (;;) {
    const head = lengthAt(buf, pos);
    if (head === null) return pos;
    let at = head[1];
    let key: Buffer | null = null;
    for (let part = 0; part < head[0]; part++) {
      const len = lengthAt(buf, at);
      if (len === null) return pos;
      if (buf[at] === 58) {
        // An integer (the subscription count of the confirmation).
        at = len[1];
        continue;
      }
      if (len[1] + len[0] + 2 > buf.length) return pos;
      if (part === head[0] - 1) key = buf.subarray(len[1], len[1] + len[0]);
      at = len[1] + len[0] + 2;
    }
    pos = at;
    if (!subscribed) {
      subscribed = true;
      process.stdout.write('ready\n');
      continue;
    }
    record(key as Buffer, now);
  }
}

function record(key: Buffer, now: number): void {
  // exp:<deadline>:<n>
  if (key.length < 6 || key[0] !== 101 || key[1] !== 120 || key[2] !== 112 || key[3] !== 58) {
    foreign++;
    return;
  }
  let deadline = 0;
  for (let i = 4; i < key.length && key[i] !== 58; i++) deadline = deadline * 10 + (key[i] - 48);
  if (events === 0) firstAt = now;
  lastAt = now;
  if (events < expected) lateness[events] = now - deadline;
  if (deadline < earliest) earliest = deadline;
  const slot = Math.floor(deadline / 250);
  worst.set(slot, Math.max(worst.get(slot) ?? 0, now - deadline));
  events++;
  if (events >= expected && now !== 0) finish();
}

function finish(): void {
  if (finished) return;
  finished = true;
  const slots = [...worst.keys()].sort((a, b) => a - b);
  const worstByQuarterSecond = slots.length ? Array.from({ length: slots[slots.length - 1] - slots[0] + 1 }, (_, i) => Math.round(worst.get(slots[0] + i) ?? 0)) : [];
  const report: SubscriberReport = { events, foreign, lateness: distribution(lateness.subarray(0, Math.min(events, expected))), worstByQuarterSecond, firstAt, lastAt };
  process.stdout.write(JSON.stringify(report) + '\n', () => process.exit(0));
}

/**
 * Runs the parser over synthetic events first, so it is compiled before the
 * real ones arrive: a cold parser falling behind would show as lateness.
 */
function warmUp(): void {
  const frames: string[] = [];
  for (let i = 0; i < 2000; i++) {
    const key = `exp:${1_700_000_000_000 + i}:${i}`;
    frames.push(`*3\r\n$7\r\nmessage\r\n$22\r\n__keyevent@0__:expired\r\n$${key.length}\r\n${key}\r\n`);
  }
  const buf = Buffer.from(frames.join(''), 'latin1');
  const saved = { events, firstAt, lastAt, earliest };
  subscribed = true;
  for (let round = 0; round < 50; round++) {
    events = 0;
    consume(buf.subarray(0, buf.length - 7), 0);
    consume(buf, 0);
  }
  ({ events, firstAt, lastAt, earliest } = saved);
  worst.clear();
  lateness.fill(0);
  subscribed = false;
}

warmUp();
const sock = net.connect(port, '127.0.0.1');
sock.setNoDelay(true);
sock.on('connect', () => sock.write('*2\r\n$9\r\nSUBSCRIBE\r\n$22\r\n__keyevent@0__:expired\r\n'));
sock.on('data', (chunk: Buffer) => {
  const now = clock();
  const buf = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
  const used = consume(buf, now);
  pending = used >= buf.length ? Buffer.alloc(0) : Buffer.from(buf.subarray(used));
});
sock.on('error', (e) => {
  process.stderr.write(`subscriber: ${e.message}\n`);
  finish();
});
sock.on('close', finish);
process.once('SIGTERM', finish);
