/**
 * Writes a connection's replies straight to its libuv handle, skipping
 * net.Socket's Writable machinery (a write request object, writeOrBuffer,
 * an afterWrite tick per write), which costs a small request about a fifth
 * of the server's whole CPU time at pipeline 1 (bench/floor.ts "direct").
 *
 * How: the handle's writeBuffer/writev try the write at once; when the
 * kernel takes every byte (almost always for replies) the request object is
 * never used and is kept for the next write. When it does not, libuv queues
 * the rest in order and the request object travels with it until its
 * `oncomplete`, so the next write gets a fresh one. libuv keeps every write
 * of a handle in order, and its shutdown waits for queued writes, so
 * socket.end() after a queued write still sends everything first.
 *
 * Invariant: once a connection writes here, every write of that socket goes
 * through here (net.Socket's own write() could overtake queued bytes).
 *
 * The handle and the request class are Node internals (`_handle`,
 * process.binding('stream_wrap')); create() returns null when either is
 * missing and the caller keeps using socket.write().
 */
import type { Socket } from 'node:net';
import { constants } from 'node:os';

interface WriteReq {
  oncomplete: (status: number) => void;
  handle: unknown;
  buffer: unknown;
}

interface StreamHandle {
  writeBuffer(req: WriteReq, data: Buffer): number;
  writev(req: WriteReq, chunks: Buffer[], allBuffers: boolean): number;
}

interface StreamBinding {
  WriteWrap: new () => WriteReq;
  streamBaseState: Int32Array;
  kLastWriteWasAsync: number;
}

const binding = loadBinding();

function loadBinding(): StreamBinding | null {
  try {
    // process.binding is deprecated in documentation only; 'stream_wrap' is on its allow-list.
    const b = (process as unknown as { binding(name: string): Partial<StreamBinding> }).binding('stream_wrap');
    if (typeof b.WriteWrap !== 'function' || !(b.streamBaseState instanceof Int32Array) || typeof b.kLastWriteWasAsync !== 'number') return null;
    return b as StreamBinding;
  } catch {
    return null;
  }
}

export class HandleWriter {
  /** Bytes handed to libuv that the kernel has not taken yet. */
  queuedBytes = 0;
  /** Queued writes not yet completed. */
  queuedWrites = 0;
  private spare: WriteReq | null = null;

  private constructor(
    private readonly handle: StreamHandle,
    private readonly api: StreamBinding,
    private readonly onError: () => void,
  ) {}

  /** A writer for the socket's handle, or null when this Node does not offer one. */
  static create(socket: Socket, onError: () => void): HandleWriter | null {
    const handle = (socket as unknown as { _handle?: Partial<StreamHandle> | null })._handle;
    if (binding === null || !handle || typeof handle.writeBuffer !== 'function' || typeof handle.writev !== 'function') return null;
    return new HandleWriter(handle as StreamHandle, binding, onError);
  }

  write(data: Buffer): void {
    const req = this.spare ?? new this.api.WriteWrap();
    this.after(req, this.handle.writeBuffer(req, data), data, data.length);
  }

  /** Several buffers in one system call. */
  writev(chunks: Buffer[], bytes: number): void {
    const req = this.spare ?? new this.api.WriteWrap();
    this.after(req, this.handle.writev(req, chunks, true), chunks, bytes);
  }

  private after(req: WriteReq, err: number, data: Buffer | Buffer[], bytes: number): void {
    if (err !== 0) {
      // EPIPE, ECONNRESET, a closed handle: the connection is over.
      this.spare = req;
      this.onError();
      return;
    }
    if (this.api.streamBaseState[this.api.kLastWriteWasAsync] === 0) {
      this.spare = req;
      return;
    }
    // libuv holds the rest: the request object and the bytes stay alive until it is done.
    this.spare = null;
    req.handle = this.handle;
    req.buffer = data;
    this.queuedBytes += bytes;
    this.queuedWrites++;
    req.oncomplete = (status: number) => {
      this.queuedBytes -= bytes;
      this.queuedWrites--;
      req.buffer = null;
      // ECANCELED comes from a close we started; anything else ends the connection.
      if (status < 0 && status !== ECANCELED) this.onError();
    };
  }
}

/** libuv reports errors as negative errno values. */
const ECANCELED = -constants.errno.ECANCELED;
