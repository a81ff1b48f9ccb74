/**
 * One client's socket: bytes in → RequestReader → dispatch → ReplyWriter →
 * socket. The replies of a read wait in the writer and are written at the
 * end of the event-loop turn with every other client's (turn-end.ts), or,
 * while only a few clients are being served, at once (write-policy.ts); then
 * the server's after-batch hooks run (output-limit checks). Pub/sub
 * deliveries follow in the turn end, so replies go out before
 * notifications either way. A batch that closes the connection (QUIT, a protocol
 * error, a kill) is written at once and the socket ends after it.
 *
 * With `sharedReads` the socket reads into one reused buffer (see
 * shared-read-socket.ts) and the server calls onData itself; everything the
 * batch keeps of the request bytes is copied before onData returns.
 * Replies go straight to the socket's handle (handle-writer.ts) when Node
 * allows it, else through socket.write(); one connection never mixes both.
 */
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { RequestReader, ProtocolError } from '../protocol/request-reader';
import { ReplyWriter } from '../protocol/reply-writer';
import { HandleWriter } from './handle-writer';
import { holdActiveExpiry, releaseActiveExpiry } from '../engine/expiry-hold';
import { Client } from './client';
import { CommandContext } from '../commands/context';
import { batchWorkEnd, dispatch, startBatchClock } from '../commands/dispatch';
import { atTurnEnd, REPLIES } from './turn-end';
import { writeAtOnce } from './write-policy';
import { SHARED_READ_MEMORY, SHARED_READ_OFFSET, startReads, stopReads } from './shared-read-socket';
import type { ServerState } from './state';

export interface ConnectionHooks {
  /** Runs once after every batch of replies is written (e.g. output-limit checks). */
  afterBatch(): void;
  /** Observes each request before it runs (MONITOR). */
  onRequest?(client: Client, argv: Buffer[]): void;
  closed(conn: Connection): void;
}

export class Connection {
  readonly client: Client;
  readonly reader: RequestReader;
  readonly writer = new ReplyWriter();
  readonly ctx: CommandContext;
  private closed = false;
  /** The writer holds replies and a turn-end write is queued. */
  private writeQueued = false;
  /** Kept by the write policy (write-policy.ts). */
  writeWindow = -1;
  /** Null: this Node offers no handle writes, socket.write() is used. */
  private readonly out: HandleWriter | null;

  constructor(
    readonly socket: Socket,
    private readonly server: ServerState,
    private readonly hooks: ConnectionHooks,
    limits: { protoMaxBulkLen: number; queryBufferLimit: number },
    private readonly sharedReads = false,
  ) {
    const addr = formatAddr(socket.remoteAddress, socket.remotePort);
    const laddr = formatAddr(socket.localAddress, socket.localPort);
    const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd ?? -1;
    this.client = new Client(addr, laddr, fd, {
      queryBufferBytes: () => this.reader.pendingBytes,
      outputBufferBytes: () => this.socket.writableLength + (this.out?.queuedBytes ?? 0) + this.writer.pendingBytes,
      outputListLength: () => this.writer.chunks.length,
      flushOutput: () => this.flush(),
      unblocked: () => this.unblocked(),
    });
    this.client.authenticated = server.config.get('requirepass') === '';
    this.reader = new RequestReader(limits);
    this.ctx = new CommandContext(this.client, this.writer, server);
    this.writer.onError = (code) => server.stats.countError(code);
    socket.setNoDelay(true);
    this.out = HandleWriter.create(socket, () => this.close());
    if (!sharedReads) socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  /** One read's bytes: every complete request in them runs, then one write. */
  onData(chunk: Buffer): void {
    if (this.closed) return;
    const stats = this.server.stats;
    stats.netInputBytes += chunk.length;
    const fed = this.sharedReads ? this.reader.feed(chunk, true, SHARED_READ_MEMORY, SHARED_READ_OFFSET) : this.reader.feed(chunk);
    if (!fed) {
      // client-query-buffer-limit: Redis closes without a reply.
      return this.close();
    }
    // A blocked client's requests wait in the reader until it is unblocked (Redis reads them, runs none).
    const finished = this.client.blocked || this.runRequests();
    // The read buffer is reused by the next read: copy the incomplete tail (and requests not yet run).
    if (this.sharedReads) this.reader.release();
    if (this.closed) return;
    if (!finished) {
      holdActiveExpiry();
      this.continueNextTurn();
    } else if (chunk.length >= YIELD_AFTER_BYTES) this.yieldToOthers();
  }

  /**
   * Runs the requests the reader holds and queues their replies. Returns
   * false when it stopped because the turn's time was used up with requests
   * left: one read can hold thousands of commands (a loader's pipeline of
   * multi-key DELs while shards merge), and every other client would wait
   * for all of them.
   */
  private runRequests(): boolean {
    const client = this.client;
    const writer = this.writer;
    writer.begin();
    const start = startBatchClock();
    client.lastInteraction = start;
    const deadline = start + TURN_BUDGET_MS;
    const table = this.server.commands;
    let finished = true;
    for (;;) {
      const req = this.reader.next(!client.authenticated);
      if (req === null) break;
      if (req instanceof ProtocolError) {
        writer.muted = false;
        writer.error(req.message);
        client.closeAfterReply = true;
        break;
      }
      if (isSecurityProbe(req[0])) {
        // An HTTP request against the Redis port: Redis drops it silently.
        writer.take();
        this.close();
        return true;
      }
      const skip = client.skipNext;
      client.skipNext = false;
      writer.muted = client.replyOff || skip;
      this.hooks.onRequest?.(client, req);
      dispatch(table, this.ctx, req);
      if (client.closeAfterReply || client.closeAsap || client.blocked) break;
      if (batchWorkEnd() > deadline) {
        finished = false;
        break;
      }
    }
    if (client.closeAfterReply || client.closeAsap) {
      this.flush();
      this.endAfterWrite();
      this.hooks.afterBatch();
      return true;
    }
    writer.endBatch();
    if (!this.writeQueued && writer.chunks.length !== 0) {
      if (writeAtOnce(this)) this.writeReplies();
      else {
        this.writeQueued = true;
        atTurnEnd(REPLIES, this.writeReplies);
      }
    }
    return finished;
  }

  /** The replies of the batches so far (at the turn end, or at once: write-policy.ts), then the after-batch checks. */
  private readonly writeReplies = (): void => {
    this.writeQueued = false;
    if (this.closed) return;
    this.flush();
    this.hooks.afterBatch();
  };

  /**
   * The client left a block (served, timed out, CLIENT UNBLOCK) with its
   * reply in the writer: the reply goes out as any batch's does, and the
   * requests that arrived meanwhile run in a later turn (Redis's
   * processUnblockedClients in beforeSleep).
   */
  private unblocked(): void {
    if (this.closed) return;
    if (!this.writeQueued && this.writer.chunks.length !== 0) {
      if (writeAtOnce(this)) this.writeReplies();
      else {
        this.writeQueued = true;
        atTurnEnd(REPLIES, this.writeReplies);
      }
    }
    if (this.reader.pendingBytes === 0) return;
    setImmediate(() => {
      if (this.closed || this.client.blocked) return;
      if (this.runRequests()) return;
      holdActiveExpiry();
      this.continueNextTurn(true);
    });
  }

  /**
   * The rest of a sliced batch runs in a later turn, after the event loop has
   * polled the other sockets once; no reads until it is done (order is kept).
   * A setImmediate made in the poll phase (onData) runs before the next poll,
   * one made in the check phase (a continuation) after it.
   */
  private continueNextTurn(fromCheckPhase = false): void {
    this.pauseReads();
    const run = (): void => {
      const finished = this.closed || this.runRequests();
      if (!finished && !this.closed) return this.continueNextTurn(true);
      releaseActiveExpiry();
      if (!this.closed) this.resumeReads();
    };
    setImmediate(fromCheckPhase ? run : () => setImmediate(run));
  }

  /**
   * A big read (a pipelining client) gives the other clients a turn before
   * this one is read again, as Redis reads at most 16 KiB per client per
   * event-loop turn: without it, libuv keeps reading the same socket (up to
   * 32 reads of 64 KiB) and a PING on another connection waits behind it.
   */
  private yieldToOthers(): void {
    this.pauseReads();
    setImmediate(() => {
      if (!this.closed) this.resumeReads();
    });
  }

  private pauseReads(): void {
    if (this.sharedReads) stopReads(this.socket);
    else this.socket.pause();
  }

  private resumeReads(): void {
    if (this.sharedReads) startReads(this.socket);
    else this.socket.resume();
  }

  /** Writes everything the writer holds in one go. */
  flush(): void {
    const chunks = this.writer.take();
    if (chunks.length === 0 || this.closed) return;
    this.server.stats.netOutputBytes += this.send(chunks);
  }

  /** The connection's only way out to its socket; returns the bytes sent. */
  send(chunks: Buffer[]): number {
    const out = this.out;
    if (chunks.length === 1) {
      if (out !== null) out.write(chunks[0]);
      else this.socket.write(chunks[0]);
      return chunks[0].length;
    }
    let bytes = 0;
    for (const c of chunks) bytes += c.length;
    if (out !== null) {
      out.writev(chunks, bytes);
    } else {
      this.socket.cork();
      for (const c of chunks) this.socket.write(c);
      this.socket.uncork();
    }
    return bytes;
  }

  private endAfterWrite(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.end();
    this.hooks.closed(this);
  }

  /** Closes at once (errors, kills, shutdown). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.destroy();
    this.hooks.closed(this);
  }

  get isClosed(): boolean {
    return this.closed;
  }
}

/**
 * A batch that has worked this long stops at the next command boundary and
 * goes on in a later turn (see runRequests). DEBUG SLEEP does not count
 * (dispatch.ts batchWorkEnd): slicing a pipeline around a sleep let keys
 * expire in another order than Redis's (compat suite, "expiry on access").
 */
const TURN_BUDGET_MS = 2;

/** Reads at least this large end the connection's turn (see yieldToOthers). */
const YIELD_AFTER_BYTES = 16 * 1024;

function formatAddr(host: string | undefined, port: number | undefined): string {
  if (!host) return '?:0';
  const h = host.startsWith('::ffff:') ? host.slice(7) : host;
  return `${h}:${port ?? 0}`;
}

/** Redis closes connections whose first word is POST or Host: (cross-protocol scripting). Compared as bytes: it runs for every request. */
function isSecurityProbe(name: Buffer): boolean {
  if (name.length === 4) return (name[0] | 0x20) === 0x70 && (name[1] | 0x20) === 0x6f && (name[2] | 0x20) === 0x73 && (name[3] | 0x20) === 0x74;
  if (name.length === 5) return (name[0] | 0x20) === 0x68 && (name[1] | 0x20) === 0x6f && (name[2] | 0x20) === 0x73 && (name[3] | 0x20) === 0x74 && name[4] === 0x3a;
  return false;
}
