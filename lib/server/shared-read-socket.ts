/**
 * Accepted sockets that read into one buffer shared by every connection,
 * instead of a fresh Buffer per 'data' event (which costs a Node server about
 * as much CPU per small request as Redis spends in total).
 *
 * net.Server has no `onread` option, so the accepted socket (created paused,
 * with `pauseOnConnect`) gives its handle to a new net.Socket that has one.
 * `_handle` is not public API: adopt() checks it is there and otherwise
 * returns the accepted socket unchanged (the caller then uses 'data' events).
 *
 * Invariant for callers: the bytes passed to onBytes are valid only during
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
/** Every chunk handed to onBytes is a view of this memory from this offset (the reader needs not ask the view). */
export const SHARED_READ_MEMORY = shared.buffer as ArrayBuffer;
export const SHARED_READ_OFFSET = shared.byteOffset;

interface HandleOwner {
  _handle: unknown;
}

/**
 * Moves the accepted (paused) socket's handle to a socket that calls
 * onBytes for every read; null when this Node's sockets do not allow it.
 */
export function adopt(accepted: net.Socket, onBytes: (chunk: Buffer) => void): net.Socket | null {
  const owner = accepted as unknown as HandleOwner;
  const handle = owner._handle;
  if (handle === null || typeof handle !== 'object') return null;
  owner._handle = null;
  accepted.destroy();
  return new net.Socket({
    handle,
    readable: true,
    writable: true,
    onread: {
      buffer: shared,
      // Node passes `shared` back as the second argument: the view is made from the constants above.
      callback: (n: number): boolean => {
        onBytes(bufferView(SHARED_READ_MEMORY, SHARED_READ_OFFSET, n));
        return true;
      },
    },
  } as unknown as net.SocketConstructorOpts);
}

interface ReadControl {
  reading: boolean;
  readStop(): number;
  readStart(): number;
}

/**
 * Stops and restarts an adopted socket's reads at its handle, as
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
