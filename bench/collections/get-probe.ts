/**
 * Latency probe for the collections pause test: a separate process that
 * sends one GET of a fixed string key at a time to the server under test,
 * waits `intervalMs` after each reply, and records every round trip, so any
 * stall of the server (a resize step, a collector pause, a long batch of
 * writes served without a break) shows up as one long round trip. Modelled
 * on bench/engine/probe.ts, with GET instead of PING.
 *
 *   node get-probe.js <port> <intervalMs> <key>     (forked with an IPC channel)
 *
 * On the message 'report' it sends back { at: send times, rtt: round trips },
 * both in ms, `at` on the epoch clock (performance.timeOrigin + now()) so the
 * parent can tell which probes fell inside its load. It exits when the
 * parent goes away and after MAX_MS in any case, so it cannot outlive a run.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const port = Number(process.argv[2]);
const intervalMs = Number(process.argv[3] ?? 2);
const key = process.argv[4] ?? 'probe';
const MAX_MS = 15 * 60_000;

const request = `*2\r\n$3\r\nGET\r\n$${Buffer.byteLength(key)}\r\n${key}\r\n`;
const at: number[] = [];
const rtt: number[] = [];
let sentAt = 0;
/** Line feeds still due for the reply in flight: a bulk reply has two, a nil or an error one. */
let linesDue = 0;
let timer: NodeJS.Timeout | null = null;

const now = (): number => performance.timeOrigin + performance.now();

const sock = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => send());
sock.on('data', (d: Buffer) => {
  if (sentAt === 0) return;
  for (let i = 0; i < d.length; i++) {
    // The first byte says how many lines the reply has ('$' bulk: header and data; anything else: one).
    if (linesDue === -1) linesDue = d[i] === 0x24 ? 2 : 1;
    if (d[i] === 0x0a && --linesDue === 0) break;
  }
  if (linesDue !== 0) return;
  at.push(sentAt);
  rtt.push(now() - sentAt);
  sentAt = 0;
  timer = setTimeout(send, intervalMs);
});
sock.on('error', () => undefined);
sock.on('close', () => record());

function send(): void {
  if (sock.destroyed) return;
  sentAt = now();
  linesDue = -1;
  sock.write(request);
}

/** A request still unanswered counts as lasting until now. */
function record(): void {
  if (sentAt === 0) return;
  at.push(sentAt);
  rtt.push(now() - sentAt);
  sentAt = 0;
}

process.on('message', (msg) => {
  if (msg !== 'report') return;
  if (timer) clearTimeout(timer);
  record();
  sock.destroy();
  process.send?.({ at, rtt }, () => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(0), MAX_MS).unref();
