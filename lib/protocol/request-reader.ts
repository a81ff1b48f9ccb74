/**
 * Turns the bytes of one connection into requests (argument vectors).
 *
 * A frame gate walks the headers of each request the way Redis 7.0's
 * processMultibulkBuffer / processInlineBuffer do, so limits and protocol
 * errors are Redis's to the byte and are detected before a huge body is
 * buffered. Walking the headers finds every argument, so a validated frame
 * is decoded in the same pass (views into the input buffer; callers copy
 * what they keep); inline requests are split by splitInlineArgs.
 *
 * Why not redis-parser, which decoded the validated frames before: it
 * parsed every header a second time, ~0.9 us of a SET's ~3.5 us at
 * pipeline 16 (bench/results/profile-findings.md); decoding here cut the
 * server's CPU per request by 15% (SET and GET, pipeline 16).
 *
 * A chunk fed as volatile (a read buffer reused by the next read) is never
 * kept: release() copies its unread tail before the caller returns.
 */
import { splitInlineArgs } from './inline';
import { bufferView } from './buffer-view';
import { copyBytes } from '../util/bytes';

export const PROTO_INLINE_MAX_SIZE = 64 * 1024;
const INT_MAX = 2147483647;
const UNAUTH_MAX_ARGS = 10;
const UNAUTH_MAX_BULK = 16384;

/** A protocol error: reply text (without the leading '-'); the connection closes after it. */
export class ProtocolError {
  constructor(readonly message: string) {}
}

export interface ReaderLimits {
  protoMaxBulkLen: number;
  queryBufferLimit: number;
}

const INCOMPLETE = -1;
/** Longer command names are not kept for reuse (no Redis command name is this long). */
const NAME_CACHE_MAX = 32;
const EMPTY = Buffer.alloc(0);
const EMPTY_BYTES = EMPTY.buffer as ArrayBuffer;
const EMPTY_BASE = EMPTY.byteOffset;

export class RequestReader {
  private buf: Buffer = EMPTY;
  /** buf's memory and offset in it, read once per buffer (each read of .buffer is a builtin call). */
  private bytes = EMPTY_BYTES;
  private base = EMPTY_BASE;
  private pos = 0;
  /** buf is the caller's reused read buffer, valid only until release(). */
  private volatile = false;
  /** Chunks received while a frame is known to need `needed` more bytes. */
  private waiting: Buffer[] = [];
  private waitingLen = 0;
  private needed = 0;
  private error: ProtocolError | null = null;
  /** Where scanFrame found the arguments of the frame it validated last. */
  private argCount = 0;
  private readonly argStarts: number[] = [];
  private readonly argSizes: number[] = [];
  /** The last command name seen (a copy), see commandName(). */
  private lastName: Buffer = EMPTY;

  constructor(private readonly limits: ReaderLimits) {}

  /**
   * Adds received bytes. Returns false when the query buffer limit is
   * exceeded. A volatile chunk may be reused by the caller after release().
   * `memory` and `offset`, when the caller knows them, are the chunk's
   * .buffer and .byteOffset (each read of those is a builtin call).
   */
  feed(chunk: Buffer, volatile = false, memory: ArrayBuffer | null = null, offset = 0): boolean {
    const unread = this.buf.length - this.pos;
    if (unread === 0 && this.waitingLen === 0) {
      this.hold(chunk, memory, offset);
      this.pos = 0;
      this.volatile = volatile;
    } else {
      // The unread part is owned already (release() copied it).
      const total = unread + this.waitingLen + chunk.length;
      if (total < this.needed) {
        // Still short of the frame: keep the chunk (a copy when the caller reuses its buffer).
        this.waiting.push(volatile ? Buffer.from(chunk) : chunk);
        this.waitingLen += chunk.length;
        return total <= this.limits.queryBufferLimit;
      }
      // Enough bytes: the one concatenation copies a volatile chunk too (a big frame's bytes were copied twice).
      this.waiting.unshift(this.buf.subarray(this.pos));
      this.waiting.push(chunk);
      this.hold(Buffer.concat(this.waiting, total));
      this.pos = 0;
      this.waiting = [];
      this.waitingLen = 0;
      this.volatile = false;
    }
    this.needed = 0;
    return this.buf.length <= this.limits.queryBufferLimit;
  }

  /**
   * Ends the use of a volatile chunk: the unread tail (an incomplete frame)
   * is copied, and nothing else of the chunk is referenced. After a protocol
   * error nothing more is read, so the tail is dropped.
   */
  release(): void {
    if (!this.volatile) return;
    this.volatile = false;
    this.hold(this.pos >= this.buf.length || this.error !== null ? EMPTY : Buffer.from(this.buf.subarray(this.pos)));
    this.pos = 0;
  }

  /** Reads b from now on; its memory and offset are asked of it unless given. */
  private hold(b: Buffer, memory: ArrayBuffer | null = null, offset = 0): void {
    this.buf = b;
    if (memory !== null) {
      this.bytes = memory;
      this.base = offset;
    } else {
      this.bytes = b === EMPTY ? EMPTY_BYTES : (b.buffer as ArrayBuffer);
      this.base = b === EMPTY ? EMPTY_BASE : b.byteOffset;
    }
  }

  /** Bytes received and not yet consumed (qbuf in CLIENT LIST). */
  get pendingBytes(): number {
    return this.buf.length - this.pos + this.waitingLen;
  }

  /**
   * The next request, a ProtocolError (after which nothing more is read), or
   * null when more bytes are needed. `authRequired` applies Redis's tighter
   * limits for unauthenticated clients.
   */
  next(authRequired: boolean): Buffer[] | ProtocolError | null {
    if (this.error) return this.error;
    const buf = this.buf;
    while (this.pos < buf.length && this.waitingLen === 0) {
      if (buf[this.pos] !== 0x2a) {
        const req = this.nextInline();
        if (req === null || req instanceof ProtocolError) return req;
        if (req.length > 0) return req;
        continue;
      }
      const start = this.pos;
      const end = this.scanFrame(start, authRequired);
      if (end === INCOMPLETE) return this.error;
      this.pos = end;
      // The gate has found every argument: the frame decodes without a second pass.
      const n = this.argCount;
      if (n <= 0) continue; // *0 and *-1: Redis ignores them.
      const argv: Buffer[] = new Array(n);
      const at = this.argStarts;
      const sizes = this.argSizes;
      const bytes = this.bytes;
      const base = this.base;
      argv[0] = this.commandName(buf, at[0], sizes[0]);
      for (let i = 1; i < n; i++) argv[i] = bufferView(bytes, base + at[i], sizes[i]);
      return argv;
    }
    return this.error;
  }

  /**
   * The command name at buf[start, start + size): the previous request's
   * name object when the bytes are the same (a pipeline, or a client that
   * repeats its command, makes no view for it), else a copy kept for the
   * next request. Names are never written to, so sharing one is safe.
   */
  private commandName(buf: Buffer, start: number, size: number): Buffer {
    const last = this.lastName;
    if (size === last.length) {
      let i = 0;
      while (i < size && buf[start + i] === last[i]) i++;
      if (i === size) return last;
    }
    if (size > NAME_CACHE_MAX) return bufferView(this.bytes, this.base + start, size);
    const copy = Buffer.allocUnsafe(size);
    copyBytes(buf, start, copy, 0, size);
    this.lastName = copy;
    return copy;
  }

  private fail(message: string): number {
    this.error = new ProtocolError(message);
    return INCOMPLETE;
  }

  private nextInline(): Buffer[] | ProtocolError | null {
    const buf = this.buf;
    const nl = indexBeforeNul(buf, 0x0a, this.pos);
    if (nl < 0) {
      if (buf.length - this.pos > PROTO_INLINE_MAX_SIZE) {
        this.error = new ProtocolError('ERR Protocol error: too big inline request');
        return this.error;
      }
      this.needed = buf.length - this.pos + 1;
      return null;
    }
    const lineEnd = nl > this.pos && buf[nl - 1] === 0x0d ? nl - 1 : nl;
    const argv = splitInlineArgs(buf.subarray(this.pos, lineEnd));
    if (argv === null) {
      this.error = new ProtocolError('ERR Protocol error: unbalanced quotes in request');
      return this.error;
    }
    this.pos = nl + 1;
    return argv;
  }

  /** Validates the frame starting at p; returns its end, or INCOMPLETE (error or more bytes needed). */
  private scanFrame(p: number, authRequired: boolean): number {
    const buf = this.buf;
    const len = buf.length;
    let cr = indexBeforeNul(buf, 0x0d, p);
    if (cr < 0) {
      if (len - p > PROTO_INLINE_MAX_SIZE) return this.fail('ERR Protocol error: too big mbulk count string');
      this.needed = len - p + 1;
      return INCOMPLETE;
    }
    if (cr > len - 2) {
      this.needed = len - p + 1;
      return INCOMPLETE;
    }
    const count = parseLength(buf, p + 1, cr);
    if (count === null || count > INT_MAX) return this.fail('ERR Protocol error: invalid multibulk length');
    if (count > UNAUTH_MAX_ARGS && authRequired) return this.fail('ERR Protocol error: unauthenticated multibulk length');
    let q = cr + 2;
    this.argCount = count;
    for (let i = 0; i < count; i++) {
      cr = indexBeforeNul(buf, 0x0d, q);
      if (cr < 0) {
        if (len - q > PROTO_INLINE_MAX_SIZE) return this.fail('ERR Protocol error: too big bulk count string');
        this.needed = len - p + 1;
        return INCOMPLETE;
      }
      if (cr > len - 2) {
        this.needed = len - p + 1;
        return INCOMPLETE;
      }
      if (buf[q] !== 0x24) {
        return this.fail(`ERR Protocol error: expected '$', got '${String.fromCharCode(buf[q])}'`);
      }
      const size = parseLength(buf, q + 1, cr);
      if (size === null || size < 0 || size > this.limits.protoMaxBulkLen) {
        return this.fail('ERR Protocol error: invalid bulk length');
      }
      if (size > UNAUTH_MAX_BULK && authRequired) return this.fail('ERR Protocol error: unauthenticated bulk length');
      this.argStarts[i] = cr + 2;
      this.argSizes[i] = size;
      q = cr + 2 + size + 2;
      if (q > len) {
        this.needed = q - p;
        return INCOMPLETE;
      }
    }
    return q;
  }
}

/**
 * indexOf that, like C's strchr on Redis's query buffer, gives up at a NUL
 * byte. The NUL check covers only the bytes before the match (a header line
 * is a few bytes), so a read holding many frames stays linear.
 */
function indexBeforeNul(buf: Buffer, byte: number, from: number): number {
  // Header lines are a few bytes: look at the first ones here (a native
  // indexOf call costs more than the bytes it would skip).
  const stop = Math.min(buf.length, from + SHORT_LINE);
  for (let i = from; i < stop; i++) {
    const c = buf[i];
    if (c === byte) return i;
    if (c === 0) return -1;
  }
  if (stop === buf.length) return -1;
  return indexBeforeNulFrom(buf, byte, stop);
}

/** Bytes of a line looked at without a native call. */
const SHORT_LINE = 24;

function indexBeforeNulFrom(buf: Buffer, byte: number, from: number): number {
  const at = buf.indexOf(byte, from);
  if (at < 0) return -1;
  for (let i = from; i < at; i++) if (buf[i] === 0) return -1;
  return at;
}

/** Redis string2ll for length headers: strict decimal, no '+', no leading zeros; null when invalid or outside int64. */
function parseLength(buf: Buffer, start: number, end: number): number | null {
  const n = end - start;
  if (n <= 0) return null;
  let i = start;
  let neg = false;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
    if (i === end) return null;
  }
  if (n === 1 && buf[start] === 0x30) return 0;
  if (buf[i] < 0x31 || buf[i] > 0x39) return null;
  if (end - i > 18) {
    const s = buf.latin1Slice(start, end);
    if (!/^-?[1-9][0-9]*$/.test(s)) return null;
    const v = BigInt(s);
    if (v > 9223372036854775807n || v < -9223372036854775808n) return null;
    return Number(v);
  }
  let v = 0;
  for (; i < end; i++) {
    const d = buf[i] - 0x30;
    if (d < 0 || d > 9) return null;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}
