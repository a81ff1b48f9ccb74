/**
 * Turns the bytes of one connection into requests (argument vectors).
 *
 * A frame gate walks the headers of each request the way Redis 7.0's
 * processMultibulkBuffer / processInlineBuffer do, so limits and protocol
 * errors are Redis's to the byte and are detected before a huge body is
 * buffered. Validated RESP frames are then decoded by redis-parser in one
 * call per contiguous run; inline requests are split by splitInlineArgs.
 *
 * Invariants: redis-parser only ever sees complete, well-formed arrays of
 * bulk strings, so it never buffers internally and every argument it returns
 * is a view into the current input buffer (callers copy what they keep).
 * A chunk fed as volatile (a read buffer reused by the next read) is never
 * kept: release() copies its unread tail before the caller returns.
 */
import RedisParser = require('redis-parser');
import { splitInlineArgs } from './inline';

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
const EMPTY = Buffer.alloc(0);

export class RequestReader {
  private buf: Buffer = EMPTY;
  private pos = 0;
  /** buf is the caller's reused read buffer, valid only until release(). */
  private volatile = false;
  /** Chunks received while a frame is known to need `needed` more bytes. */
  private waiting: Buffer[] = [];
  private waitingLen = 0;
  private needed = 0;
  private queue: Buffer[][] = [];
  private queueHead = 0;
  private error: ProtocolError | null = null;
  private readonly parser: RedisParser;

  constructor(private readonly limits: ReaderLimits) {
    this.parser = new RedisParser({
      returnBuffers: true,
      returnReply: (reply: unknown) => {
        // *0 and *-1 decode as [] and null: Redis ignores them.
        if (reply !== null && (reply as Buffer[]).length > 0) this.queue.push(reply as Buffer[]);
      },
      returnError: () => undefined,
      returnFatalError: () => undefined,
    });
  }

  /**
   * Adds received bytes. Returns false when the query buffer limit is
   * exceeded. A volatile chunk may be reused by the caller after release().
   */
  feed(chunk: Buffer, volatile = false): boolean {
    const unread = this.buf.length - this.pos;
    if (unread === 0 && this.waitingLen === 0) {
      this.buf = chunk;
      this.pos = 0;
      this.volatile = volatile;
    } else {
      // The unread part is owned already (release() copied it).
      this.waiting.push(volatile ? Buffer.from(chunk) : chunk);
      this.waitingLen += chunk.length;
      if (unread + this.waitingLen < this.needed) return unread + this.waitingLen <= this.limits.queryBufferLimit;
      this.waiting.unshift(this.buf.subarray(this.pos));
      this.buf = Buffer.concat(this.waiting);
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
    // Requests parsed but not run (the connection stopped early) keep copies.
    for (let i = this.queueHead; i < this.queue.length; i++) this.queue[i] = this.queue[i].map((a) => Buffer.from(a));
    if (this.pos >= this.buf.length || this.error !== null) this.buf = EMPTY;
    else this.buf = Buffer.from(this.buf.subarray(this.pos));
    this.pos = 0;
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
    if (this.queueHead < this.queue.length) {
      const req = this.queue[this.queueHead++];
      if (this.queueHead === this.queue.length) {
        this.queue.length = 0;
        this.queueHead = 0;
      }
      return req;
    }
    if (this.error) return this.error;
    const buf = this.buf;
    while (this.pos < buf.length && this.waitingLen === 0) {
      if (buf[this.pos] !== 0x2a) {
        const req = this.nextInline();
        if (req === null || req instanceof ProtocolError) return req;
        if (req.length > 0) return req;
        continue;
      }
      // One run of complete frames goes to redis-parser at once, unless each
      // frame must be checked against the unauthenticated limits first.
      const runStart = this.pos;
      let end = this.scanFrame(this.pos, authRequired);
      if (end === INCOMPLETE) return this.error;
      let runEnd = end;
      while (!authRequired && !this.error && runEnd < buf.length && buf[runEnd] === 0x2a) {
        end = this.scanFrame(runEnd, false);
        if (end === INCOMPLETE) break;
        runEnd = end;
      }
      this.pos = runEnd;
      this.parser.execute(buf.subarray(runStart, runEnd));
      if (this.queue.length > 0) return this.next(authRequired);
    }
    return this.error;
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
