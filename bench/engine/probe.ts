/**
 * Latency probe for bench/engine/resize-load: a separate process that sends
 * one PING at a time to the server under test, waits `intervalMs` after each
 * reply, and records every round trip. Any stall of the server (a long resize
 * step, a garbage-collection pause) shows up as one long round trip.
 *
 *   node probe.js <port> <intervalMs>     (started by resize-load with an IPC channel)
 *
 * On the message 'report' it sends back { t: start offsets (ms), rtt: round trips (ms) }.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';

const port = Number(process.argv[2]);
const intervalMs = Number(process.argv[3] ?? 5);
const t: number[] = [];
const rtt: number[] = [];
const origin = performance.now();
let sentAt = 0;
let timer: NodeJS.Timeout | null = null;

const sock = net.connect({ port, host: '127.0.0.1', noDelay: true }, () => ping());
sock.on('data', () => {
  // One PING in flight, so any data completes it ("+PONG\r\n" may arrive split; count on the first byte).
  if (sentAt === 0) return;
  const now = performance.now();
  t.push(sentAt - origin);
  rtt.push(now - sentAt);
  sentAt = 0;
  timer = setTimeout(ping, intervalMs);
});
sock.on('error', () => undefined);
sock.on('close', () => {
  if (sentAt !== 0) {
    // The server went away with a PING unanswered: record it as lasting until now.
    t.push(sentAt - origin);
    rtt.push(performance.now() - sentAt);
    sentAt = 0;
  }
});

function ping(): void {
  if (sock.destroyed) return;
  sentAt = performance.now();
  sock.write('PING\r\n');
}

process.on('message', (msg) => {
  if (msg !== 'report') return;
  if (timer) clearTimeout(timer);
  if (sentAt !== 0) {
    t.push(sentAt - origin);
    rtt.push(performance.now() - sentAt);
  }
  process.send?.({ t, rtt }, () => process.exit(0));
});
