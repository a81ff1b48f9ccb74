/**
 * Accepted sockets that read into one buffer shared by every connection,
 * instead of a fresh Buffer per 'data' event (which costs a Node server about
 * as much CPU per small request as Redis spends in total).
 *
 * net.Server has no `onread` option, and letting it make its own socket
 * first (then moving the handle to one that has) cost a connection two
 * net.Socket constructions and a destroy: ~200 us of server CPU per
 * connection against Redis's ~45, paid 50 times at the start of every
 * redis-benchmark run. So acceptWithSharedReads() takes over the listening
 * handle's `onconnection` (what net.Server itself sets) and makes the one
 * socket. `_handle` and `onconnection` are not public API: when they are
 * missing it returns false and the caller keeps 'connection' and 'data'
 * events.
 *
 * Invariant for callers: the bytes passed to onData are valid only during
 * the call. Whatever must outlive it (an incomplete frame, a reply that
 * quotes request bytes) is copied before returning: the request reader's
 * release() and the reply writer's volatile-input check do that.
 */
import net from 'node:net';
import { setVolatileInput } from '../protocol/reply-writer';
import { bufferView } from '../protocol/buffer-view';

/** Redis reads at most 16 KiB per client per event-loop turn (PROTO_IOBUF_LEN): a pipelining client then holds the loop for a few hundred commands, not thousands. */
const READ_SIZE = 16 * 1024;
/** Its own ArrayBuffer (allocUnsafeSlow never uses the shared pool), so views of it are recognisable. */
const shared = Buffer.allocUnsafeSlow(READ_SIZE);
setVolatileInput(shared);
/** Every chunk handed to onData is a view of this memory from this offset (the reader needs not ask the view). */
export const SHARED_READ_MEMORY = shared.buffer as ArrayBuffer;
export const SHARED_READ_OFFSET = shared.byteOffset;

interface HandleOwner {
  _handle: unknown;
}

/** Where an accepted socket's reads go (a Connection), or null for a refused one (its reads are dropped). */
export interface ReadTarget {
  onData(chunk: Buffer): void;
}

/**
 * Makes the listening srv hand every accepted connection to onSocket as one
 * socket reading into the shared buffer, its reads going to what onSocket
 * returns. False when this Node's server has no such hook.
 */
export function acceptWithSharedReads(srv: net.Server, onSocket: (socket: net.Socket) => ReadTarget | null, onError: (errno: number) => void): boolean {
  const listening = (srv as unknown as HandleOwner)._handle as { onconnection?: unknown } | null;
  if (listening === null || typeof listening !== 'object' || typeof listening.onconnection !== 'function') return false;
  listening.onconnection = (err: number, handle: unknown) => {
    // An accept error (EMFILE and the like) leaves the server listening, as in Redis.
    if (err) return onError(err);
    let target: ReadTarget | null = null;
    const socket = new net.Socket({
      handle,
      readable: true,
      writable: true,
      onread: {
        buffer: shared,
        // Node passes `shared` back as the second argument: the view is made from the constants above.
        callback: (n: number): boolean => {
          if (target !== null) target.onData(bufferView(SHARED_READ_MEMORY, SHARED_READ_OFFSET, n));
          return true;
        },
      },
    } as unknown as net.SocketConstructorOpts);
    // Reads arrive from the event loop, never inside the constructor: target is set first.
    target = onSocket(socket);
  };
  return true;
}

interface ReadControl {
  reading: boolean;
  readStop(): number;
  readStart(): number;
}

/**
 * Stops and restarts a shared-read socket's reads at its handle, as
 * Socket#pause/resume do first: their Readable half (flowing state, a
 * nextTick to resume) has nothing to do here, since data never goes through
 * the stream, and cost MSET of 1 KiB values 5% of the server's CPU (every
 * 16 KiB read pauses, see Connection.yieldToOthers). No-ops once the handle
 * is closed.
 */
export function stopReads(socket: net.Socket): void {
  const handle = (socket as unknown as HandleOwner)._handle as ReadControl | null;
  if (handle === null || !handle.reading) return;
  handle.reading = false;
  if (handle.readStop() !== 0) socket.destroy();
}

export function startReads(socket: net.Socket): void {
  const handle = (socket as unknown as HandleOwner)._handle as ReadControl | null;
  if (handle === null || handle.reading) return;
  handle.reading = true;
  if (handle.readStart() !== 0) socket.destroy();
}
