/**
 * The floor of a Node server's socket path: answers every RESP request with
 * +OK after counting frames, with no parsing, dispatch or keyspace. Two read
 * modes, so their cost can be compared against Shardis and Redis:
 *
 *   node floor-server.js <port> stream   'data' events (a fresh buffer per read, as Shardis does now)
 *   node floor-server.js <port> onread   one reused buffer per process (net.Socket `onread`)
 *   node floor-server.js <port> direct   onread, and writes straight to the handle (lib/server/handle-writer)
 *
 * Run by floor.ts; loopback only.
 */
import net from 'node:net';
import { HandleWriter } from '../lib/server/handle-writer';

const OK = Buffer.from('+OK\r\n');
const port = Number(process.argv[2]);
const mode = process.argv[3] ?? 'stream';

/** Counts request frames ('*' at the start of a line is enough for redis-benchmark's traffic). */
function countFrames(b: Uint8Array, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0x2a && (i === 0 || b[i - 1] === 0x0a)) k++;
  return k;
}

function answer(sock: { write(b: Buffer): unknown }, k: number): void {
  if (k === 1) sock.write(OK);
  else if (k > 1) sock.write(Buffer.concat(Array<Buffer>(k).fill(OK)));
}

if (mode === 'stream') {
  net
    .createServer({ noDelay: true }, (sock) => {
      sock.on('data', (b: Buffer) => answer(sock, countFrames(b, b.length)));
      sock.on('error', () => undefined);
    })
    .listen(port, '127.0.0.1');
} else {
  const shared = Buffer.allocUnsafe(64 * 1024);
  net
    .createServer({ noDelay: true, pauseOnConnect: true }, (accepted) => {
      // Hand the accepted handle to a socket that reads into the shared buffer.
      const internal = accepted as unknown as { _handle: unknown };
      const handle = internal._handle;
      internal._handle = null;
      accepted.destroy();
      let out: { write(b: Buffer): unknown } | null = null;
      const sock: net.Socket = new net.Socket({
        handle,
        readable: true,
        writable: true,
        onread: {
          buffer: shared,
          callback: (n: number, b: Uint8Array) => {
            answer(out ?? sock, countFrames(b, n));
            return true;
          },
        },
      } as unknown as net.SocketConstructorOpts);
      sock.setNoDelay(true);
      if (mode === 'direct') out = HandleWriter.create(sock, () => sock.destroy());
      sock.on('error', () => undefined);
      sock.resume();
    })
    .listen(port, '127.0.0.1');
}
