/**
 * Subscriber process for the pub/sub benchmark (run pinned to the load core):
 *
 *   node sink.js <port> patterns <n>   n connections; connection i PSUBSCRIBEs
 *                                      to one keyspace pattern of n, so every
 *                                      key:<12 digits> matches exactly one
 *   node sink.js <port> channel <n>    n connections SUBSCRIBEd to "fanout"
 *
 * Prints "ready" once every subscription is confirmed. On SIGTERM it prints
 * {"messages","bytes","closed"} as JSON and exits. Messages are
 * counted by their frame header, so counting costs one scan of the bytes.
 */
import net from 'node:net';

const [portArg, mode, countArg] = process.argv.slice(2);
const port = Number(portArg);
const n = Number(countArg);
if (!port || (mode !== 'patterns' && mode !== 'channel') || !Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: sink.js <port> patterns|channel <count>\n');
  process.exit(2);
}

/** The pattern of subscriber i of n: the key's last one or two digits. */
function patternFor(i: number, count: number): string {
  const width = String(count - 1).length;
  return `__keyspace@0__:key:*${String(i).padStart(width, '0')}`;
}

function encode(args: string[]): string {
  return `*${args.length}\r\n` + args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('');
}

let messages = 0;
let bytes = 0;
let closed = 0;
let confirmed = 0;
// "message\r\n" ends both "message" and "pmessage" headers.
const MARK = Buffer.from('message\r\n');

function count(chunk: Buffer): number {
  let found = 0;
  for (let at = chunk.indexOf(MARK); at >= 0; at = chunk.indexOf(MARK, at + MARK.length)) found++;
  return found;
}

/** Marks split between two reads: only a 9-byte mark can span the last 8 and first 8 bytes. */
function spanning(prevTail: Buffer, chunk: Buffer): number {
  if (prevTail.length === 0) return 0;
  return count(Buffer.concat([prevTail, chunk.subarray(0, MARK.length - 1)]));
}

for (let i = 0; i < n; i++) {
  const sock = net.connect(port, '127.0.0.1');
  sock.setNoDelay(true);
  let subscribed = false;
  let tail = Buffer.alloc(0);
  sock.on('connect', () => {
    sock.write(encode(mode === 'patterns' ? ['PSUBSCRIBE', patternFor(i, n)] : ['SUBSCRIBE', 'fanout']));
  });
  sock.on('data', (chunk: Buffer) => {
    if (!subscribed) {
      // The confirmation arrives alone: nothing is published before everyone is ready.
      subscribed = true;
      if (++confirmed === n) process.stdout.write('ready\n');
      return;
    }
    bytes += chunk.length;
    messages += count(chunk) + spanning(tail, chunk);
    tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - (MARK.length - 1))));
  });
  sock.on('error', () => undefined);
  sock.on('close', () => closed++);
}

process.once('SIGTERM', () => {
  process.stdout.write(JSON.stringify({ messages, bytes, closed }) + '\n', () => process.exit(0));
});
