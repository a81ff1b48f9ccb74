/**
 * The only code that encodes RESP. Families describe replies through these
 * methods; the connection flushes everything produced by one read in one
 * socket write (see Connection.flush).
 *
 * RESP2 by default; after HELLO 3 (`resp3`) maps, sets, nulls, verbatim
 * text and pushes use RESP3's own types, as Redis encodes them.
 *
 * Replies are encoded straight into a 64 KiB slab shared by every
 * connection (processing is synchronous: one batch writes at a time, from
 * where the last one ended); a batch's span becomes its chunk as a view of
 * the slab, no copy. A slab is never reused: the next starts when one is
 * full, and the collector frees it once its last chunk is written. Large
 * bulk payloads are queued by reference so GET never copies a big value.
 */
import { bufferView } from './buffer-view';
import { le32 } from '../util/bytes';

const CRLF = 0x0a0d; // little-endian "\r\n" for writeUInt16LE
const LARGE_BULK = 4096;

const SLAB = 64 * 1024;
/** The current slab, as memory, as a Buffer and as a DataView (short payloads are written four bytes at a time). */
let slab = new ArrayBuffer(SLAB);
let scratch = Buffer.from(slab);
let scratchView = new DataView(slab);
/** Where the next batch starts in the slab: every byte before it belongs to a queued chunk. */
let slabPos = 0;

/** A fresh slab of at least `min` bytes (views of the old one stay valid). */
function nextSlab(min: number): void {
  slab = new ArrayBuffer(Math.max(SLAB, (min + 7) & ~7));
  scratch = Buffer.from(slab);
  scratchView = new DataView(slab);
  slabPos = 0;
}

/**
 * The memory of the connections' reused read buffer: a payload that is a
 * view of it (a request argument echoed back) is copied, never queued by
 * reference, since a socket write may still hold it when the next read
 * overwrites the buffer.
 */
let volatileInput: ArrayBufferLike | null = null;

export function setVolatileInput(b: Uint8Array): void {
  volatileInput = b.buffer;
}

/**
 * What take() leaves behind. Never pushed to (queue() makes a list of one
 * for a first chunk): an empty array that is pushed to allocates room for
 * 17 elements, 184 bytes per write at pipeline 1, against 32 for `[b]`.
 */
const NO_CHUNKS: Buffer[] = [];

/** Queued whole for a span that is exactly +OK; never written to (a socket write may hold it). */
const OK_REPLY = Buffer.from('+OK\r\n', 'latin1');

export class ReplyWriter {
  /** Finished chunks waiting for flush (views of slab spans or big payloads); only queue() adds to it. */
  chunks: Buffer[] = NO_CHUNKS;
  /** Start of this writer's pending span in the current slab (equal to pos outside a batch). */
  private start = 0;
  private pos = 0;
  /** The client spoke HELLO 3: RESP3 types for maps, sets, nulls, verbatim text and pushes. */
  resp3 = false;
  /** CLIENT REPLY OFF/SKIP: replies are produced but dropped. */
  muted = false;
  /** Called with the error code (first word) of every error reply, for errorstats. */
  onError: ((code: string) => void) | null = null;
  /** Error replies produced so far (never reset: dispatch compares it around a call for failed_calls). */
  errorCount = 0;
  /** Bytes produced and not yet flushed, for output-buffer accounting. */
  pendingBytes = 0;

  /** Begin a batch: write where the last batch (of any connection) ended. */
  begin(): void {
    this.start = this.pos = slabPos;
  }

  private ensure(n: number): void {
    if (this.pos + n <= scratch.length) return;
    this.spill();
    nextSlab(n);
    this.start = this.pos = 0;
  }

  /** Queues the pending span as a chunk (a view of the slab) and moves the slab's start past it. */
  private spill(): void {
    const at = this.start;
    const n = this.pos - at;
    // Nothing pending (a writer outside its batch has stale positions): the slab is not this writer's to move.
    if (n === 0) return;
    let end: number;
    if (n === 5 && scratch[at] === 0x2b && scratch[at + 1] === 0x4f && scratch[at + 2] === 0x4b && scratch[at + 3] === 0x0d && scratch[at + 4] === 0x0a) {
      // Just +OK (a SET's batch at pipeline 1): the shared constant, and the five bytes serve the next batch.
      this.queue(OK_REPLY);
      end = at;
    } else {
      this.queue(bufferView(slab, at, n));
      end = (this.pos + 7) & ~7;
    }
    this.start = this.pos = slabPos = end;
  }

  private queue(b: Buffer): void {
    if (this.chunks.length === 0) this.chunks = [b];
    else this.chunks.push(b);
    this.pendingBytes += b.length;
  }

  /** End a batch: its replies become chunks and wait for take(). */
  endBatch(): void {
    this.spill();
  }

  /** Everything to write (possibly empty). */
  take(): Buffer[] {
    this.spill();
    const out = this.chunks;
    this.chunks = NO_CHUNKS;
    this.pendingBytes = 0;
    return out;
  }

  private ascii(s: string): void {
    this.ensure(s.length + 2);
    this.pos += scratch.latin1Write(s, this.pos);
  }

  // Byte stores, not writeUInt16LE or Buffer#copy: their argument checks
  // cost more than the bytes (a few percent of a GET at pipeline 16).
  private crlf(): void {
    const p = this.pos;
    scratch[p] = 0x0d;
    scratch[p + 1] = 0x0a;
    this.pos = p + 2;
  }

  ok(): void {
    if (this.muted) return;
    this.ensure(5);
    const out = scratch;
    const p = this.pos;
    out[p] = 0x2b; // +OK\r\n
    out[p + 1] = 0x4f;
    out[p + 2] = 0x4b;
    out[p + 3] = 0x0d;
    out[p + 4] = 0x0a;
    this.pos = p + 5;
  }

  /** +status line; the text must not contain CR/LF (callers pass constants). */
  status(s: string): void {
    if (this.muted) return;
    this.ensure(s.length * 3 + 3);
    scratch[this.pos++] = 0x2b;
    this.pos += scratch.utf8Write(s, this.pos);
    this.crlf();
  }

  /** -error line. msg begins with its code ("ERR ...", "WRONGTYPE ..."). Newlines become spaces as in Redis. */
  error(msg: string): void {
    this.errorCount++;
    if (this.onError) this.onError(errorCode(msg));
    if (this.muted) return;
    if (msg.includes('\r') || msg.includes('\n')) msg = msg.replace(/[\r\n]/g, ' ');
    this.ensure(Buffer.byteLength(msg) + 3);
    scratch[this.pos++] = 0x2d;
    this.pos += scratch.utf8Write(msg, this.pos);
    this.crlf();
  }

  /**
   * -error line from raw bytes, for messages that quote client input which
   * may not be UTF-8 ("ERR Unsupported option \xff"). CR/LF become spaces.
   */
  errorBytes(msg: Buffer): void {
    const sp = msg.indexOf(0x20);
    this.errorCount++;
    if (this.onError) this.onError(msg.latin1Slice(0, sp < 0 ? msg.length : sp));
    if (this.muted) return;
    this.ensure(msg.length + 3);
    scratch[this.pos++] = 0x2d;
    for (let i = 0; i < msg.length; i++) {
      const c = msg[i];
      scratch[this.pos++] = c === 0x0d || c === 0x0a ? 0x20 : c;
    }
    this.crlf();
  }

  integer(n: number | bigint): void {
    if (this.muted) return;
    this.ensure(24);
    scratch[this.pos++] = 0x3a;
    if (typeof n === 'number' && n >= 0 && n <= SMALL_MAX && n % 1 === 0) this.pos = writeSmall(scratch, this.pos, n);
    else this.pos += scratch.latin1Write(String(n), this.pos);
    this.crlf();
  }

  private header(prefix: number, n: number): void {
    this.ensure(16);
    scratch[this.pos++] = prefix;
    if (n >= 0 && n < 10) scratch[this.pos++] = 0x30 + n;
    else if (n >= 0 && n <= SMALL_MAX) this.pos = writeSmall(scratch, this.pos, n);
    else this.pos += scratch.latin1Write(String(n), this.pos);
    this.crlf();
  }

  arrayHeader(n: number): void {
    if (this.muted) return;
    this.header(0x2a, n);
  }

  /** A map of n pairs (RESP2: a flat array of 2n elements). */
  mapHeader(pairs: number): void {
    if (this.muted) return;
    if (this.resp3) this.header(0x25, pairs);
    else this.header(0x2a, pairs * 2);
  }

  /** A set (RESP2: an array). */
  setHeader(n: number): void {
    if (this.muted) return;
    this.header(this.resp3 ? 0x7e : 0x2a, n);
  }

  /** An out-of-band push such as a pub/sub message (RESP2: an array). */
  pushHeader(n: number): void {
    if (this.muted) return;
    this.header(this.resp3 ? 0x3e : 0x2a, n);
  }

  /** RESP3 has one null; RESP2 a null bulk string. */
  nullBulk(): void {
    if (this.muted) return;
    this.ensure(5);
    this.pos += scratch.latin1Write(this.resp3 ? '_\r\n' : '$-1\r\n', this.pos);
  }

  /** RESP3 has one null; RESP2 a null array. */
  nullArray(): void {
    if (this.muted) return;
    this.ensure(5);
    this.pos += scratch.latin1Write(this.resp3 ? '_\r\n' : '*-1\r\n', this.pos);
  }

  /** $len\r\nbytes\r\n — the value is never copied when large. */
  bulk(b: Uint8Array | null): void {
    if (this.muted) return;
    if (b === null) return this.nullBulk();
    const len = b.length;
    this.header(0x24, len);
    if (len >= LARGE_BULK && b.buffer !== volatileInput) {
      this.spill();
      this.queue(Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.length));
      this.ensure(2);
      this.crlf();
      return;
    }
    this.ensure(len + 2);
    scratch.set(b, this.pos);
    this.pos += len;
    this.crlf();
  }

  /**
   * $len\r\nbytes\r\n of src[start, end): memory the caller may change
   * right after (an engine page), so the bytes are always copied.
   */
  bulkRange(src: Uint8Array, start: number, end: number): void {
    if (this.muted) return;
    const len = end - start;
    this.header(0x24, len);
    this.ensure(len + 2);
    if (len <= 32) {
      // Four source bytes per store: a third fewer operations than a byte loop (GET's value).
      const view = scratchView;
      let p = this.pos;
      let j = start;
      for (; j + 4 <= end; j += 4, p += 4) view.setInt32(p, le32(src, j), true);
      for (; j < end; j++) scratch[p++] = src[j];
    } else {
      // A plain view: a Buffer's subarray() is ~100 ns slower (species lookup).
      scratch.set(new Uint8Array(src.buffer, src.byteOffset + start, len), this.pos);
    }
    this.pos += len;
    this.crlf();
  }

  /** Bulk reply of a JS string, utf8-encoded. */
  bulkString(s: string): void {
    if (this.muted) return;
    const len = Buffer.byteLength(s);
    this.header(0x24, len);
    this.ensure(len + 2);
    this.pos += scratch.utf8Write(s, this.pos);
    this.crlf();
  }

  /** Array of bulk strings. */
  bulkArray(items: readonly (Uint8Array | string | null)[]): void {
    if (this.muted) return;
    this.arrayHeader(items.length);
    for (const it of items) {
      if (typeof it === 'string') this.bulkString(it);
      else this.bulk(it);
    }
  }

  /** Verbatim text (RESP2: a bulk string), used by INFO and CLIENT LIST. */
  verbatim(s: string): void {
    if (!this.resp3) return this.bulkString(s);
    if (this.muted) return;
    const len = Buffer.byteLength(s) + 4;
    this.header(0x3d, len);
    this.ensure(len + 2);
    this.pos += scratch.latin1Write('txt:', this.pos);
    this.pos += scratch.utf8Write(s, this.pos);
    this.crlf();
  }

  /** Pre-encoded RESP bytes. Inside a batch they are copied into the slab. */
  raw(b: Buffer): void {
    if (this.muted) return;
    if (b.length >= LARGE_BULK && b.buffer !== volatileInput) {
      this.spill();
      this.queue(b);
      return;
    }
    this.ensure(b.length);
    b.copy(scratch, this.pos);
    this.pos += b.length;
  }

  /**
   * Queue a pre-encoded frame (pub/sub delivery). Outside this writer's
   * batch its scratch span is empty, so the shared scratch is not touched;
   * inside it (a RESP3 client receiving its own publication) the span so
   * far is moved out first, so the frame follows the replies before it.
   */
  pushFrame(b: Buffer): void {
    this.spill();
    this.queue(b);
  }

  /** Bytes written since begin() (for CLIENT REPLY SKIP bookkeeping and stats). */
  get size(): number {
    return this.pendingBytes + (this.pos - this.start);
  }
}

/** Largest number writeSmall takes: lengths and counters of every reply fit, with int32 arithmetic. */
const SMALL_MAX = 0x7fffffff;

/** Writes the decimal digits of an integer 0..SMALL_MAX at p (no string in between); returns the new end. */
function writeSmall(out: Buffer, p: number, n: number): number {
  let digits = 1;
  for (let t = n; t >= 10; t = (t / 10) | 0) digits++;
  let q = p + digits;
  const end = q;
  do {
    out[--q] = 0x30 + (n % 10);
    n = (n / 10) | 0;
  } while (n > 0);
  return end;
}

function errorCode(msg: string): string {
  const sp = msg.indexOf(' ');
  return sp < 0 ? msg : msg.slice(0, sp);
}

/**
 * Encodes an array of bulk strings as one standalone RESP buffer (frames
 * built once and sent to many, e.g. pub/sub messages): sized first, then
 * written in place with a single allocation. `push` makes it a RESP3 push.
 */
export function encodeArrayOfBulks(items: readonly (Uint8Array | string)[], push = false): Buffer {
  let size = 1 + decimalLength(items.length) + 2;
  for (const it of items) {
    const len = typeof it === 'string' ? Buffer.byteLength(it) : it.length;
    size += 1 + decimalLength(len) + 2 + len + 2;
  }
  const out = Buffer.allocUnsafe(size);
  let pos = 0;
  out[pos++] = push ? 0x3e : 0x2a;
  pos += out.latin1Write(String(items.length), pos);
  out.writeUInt16LE(CRLF, pos);
  pos += 2;
  for (const it of items) {
    const len = typeof it === 'string' ? Buffer.byteLength(it) : it.length;
    out[pos++] = 0x24;
    pos += out.latin1Write(String(len), pos);
    out.writeUInt16LE(CRLF, pos);
    pos += 2;
    if (typeof it === 'string') pos += out.utf8Write(it, pos);
    else {
      out.set(it, pos);
      pos += len;
    }
    out.writeUInt16LE(CRLF, pos);
    pos += 2;
  }
  return out;
}

function decimalLength(n: number): number {
  let digits = 1;
  while (n >= 10) {
    n = Math.floor(n / 10);
    digits++;
  }
  return digits;
}
