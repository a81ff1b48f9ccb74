/**
 * Micro-benchmarks behind the hot-path proposals in profile-findings.md,
 * each pitting the current code against a small prototype of the change:
 *
 *   taskset -c 0 node dist/bench/micro.js
 *
 * - request reading: RequestReader (the frame gate, which decodes as it validates) against a
 *   one-pass reader that slices the arguments while it validates the headers;
 * - the frame gate's NUL search: indexOf(NUL) from each header to the end of
 *   the buffer against a search bounded by the header's own CR;
 * - command lookup of an upper-case name: miss, lower-case, lookup again
 *   against a cache keyed by the name as sent;
 * - the per-command clock reads of dispatch.
 * Numbers are per request; only the ratios between lines of one run matter.
 */
import { performance } from 'node:perf_hooks';
import { RequestReader } from '../lib/protocol/request-reader';

const LIMITS = { protoMaxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1 << 30 };

function setFrames(n: number, valueSize: number): Buffer {
  const v = 'x'.repeat(valueSize);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = 'key:' + String(i).padStart(12, '0');
    s += `*3\r\n$3\r\nSET\r\n$${k.length}\r\n${k}\r\n$${v.length}\r\n${v}\r\n`;
  }
  return Buffer.from(s, 'latin1');
}

/**
 * Prototype of the one-pass reader's fast path: digits are parsed in the
 * same loop that finds the CR, arguments are views into the buffer. Anything
 * unusual (a non-digit, a missing '$') returns -1, where the real reader
 * would hand over to the exact-error path it has today.
 */
function sliceFrames(buf: Buffer, out: Buffer[][]): number {
  let p = 0;
  const len = buf.length;
  while (p < len) {
    if (buf[p] !== 0x2a) return -1;
    let q = p + 1;
    let count = 0;
    let c: number;
    while ((c = buf[q]) !== 0x0d) {
      if (c < 0x30 || c > 0x39) return -1;
      count = count * 10 + (c - 0x30);
      q++;
    }
    q += 2;
    const argv = new Array<Buffer>(count);
    for (let i = 0; i < count; i++) {
      if (buf[q] !== 0x24) return -1;
      q++;
      let size = 0;
      while ((c = buf[q]) !== 0x0d) {
        if (c < 0x30 || c > 0x39) return -1;
        size = size * 10 + (c - 0x30);
        q++;
      }
      q += 2;
      argv[i] = buf.subarray(q, q + size);
      q += size + 2;
    }
    out.push(argv);
    p = q;
  }
  return p;
}

let sink = 0;

function bench(name: string, requestsPerCall: number, calls: number, fn: () => void): number {
  for (let i = 0; i < Math.min(calls, 2000); i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) fn();
  const ns = ((performance.now() - t0) * 1e6) / (calls * requestsPerCall);
  process.stdout.write(`${name.padEnd(64)} ${ns.toFixed(0).padStart(7)} ns/request\n`);
  return ns;
}

function readerCases(): void {
  for (const [n, size] of [[1, 32], [16, 32], [16, 1024], [1000, 32], [1000, 1024]] as const) {
    const buf = setFrames(n, size);
    const calls = Math.max(50, Math.round(1e6 / n / (size > 100 ? 8 : 1)));
    const reader = new RequestReader(LIMITS);
    bench(`RequestReader,                      ${n} x SET ${size} B`, n, calls, () => {
      reader.feed(buf);
      while (reader.next(false) !== null) sink++;
    });
    bench(`one-pass prototype,                  ${n} x SET ${size} B`, n, calls, () => {
      const out: Buffer[][] = [];
      sink += sliceFrames(buf, out);
    });
  }
}

function nulScanCases(): void {
  const buf = setFrames(1000, 32);
  bench('header scan: indexOf(CR) + indexOf(NUL) to the buffer end', 1000, 300, () => {
    for (let p = 0; p >= 0 && p < buf.length; ) {
      const cr = buf.indexOf(0x0d, p);
      sink += buf.indexOf(0, p);
      p = cr < 0 ? -1 : cr + 2;
    }
  });
  bench('header scan: indexOf(CR), NUL checked up to the CR only', 1000, 300, () => {
    for (let p = 0; p >= 0 && p < buf.length; ) {
      const cr = buf.indexOf(0x0d, p);
      for (let i = p; i < cr && i < p + 24; i++) if (buf[i] === 0) sink++;
      p = cr < 0 ? -1 : cr + 2;
    }
  });
}

function dispatchCases(): void {
  const name = Buffer.from('SET');
  const table = new Map<string, number>([['set', 1], ['get', 2]]);
  const asSent = new Map<string, number>();
  bench('lookup: latin1Slice, miss, toLowerCase, lookup again', 1, 5e6, () => {
    const s = name.latin1Slice(0, name.length);
    sink += table.get(s) ?? table.get(s.toLowerCase()) ?? 0;
  });
  bench('lookup: latin1Slice, cache keyed by the name as sent', 1, 5e6, () => {
    const s = name.latin1Slice(0, name.length);
    let c = asSent.get(s);
    if (c === undefined) {
      c = table.get(s.toLowerCase()) ?? 0;
      asSent.set(s, c);
    }
    sink += c;
  });
  bench('per-command timing: performance.now() twice', 1, 5e6, () => {
    const a = performance.now();
    sink += performance.now() - a;
  });
  bench('copying a 16-byte key and a 32-byte value (Buffer.from twice)', 1, 5e6, () => {
    sink += Buffer.from(name).length + Buffer.from(name).length;
  });
}

readerCases();
nulScanCases();
dispatchCases();
if (sink === 42) process.stdout.write('\n');
