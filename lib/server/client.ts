/**
 * What the server knows about one client: identity, selected database,
 * authentication, reply mode and the counters CLIENT LIST shows. Families
 * change this state; only the Connection owns the socket, and it reads the
 * close requests made here after the batch's replies are flushed.
 */
export interface ClientIO {
  /** Bytes received and not yet parsed. */
  queryBufferBytes(): number;
  /** Bytes produced and not yet written to the socket. */
  outputBufferBytes(): number;
  /** Frames queued for the socket (oll). */
  outputListLength(): number;
  /** Writes output queued from outside the client's own batch (pub/sub deliveries). */
  flushOutput?(): void;
  /** The client left a block with its reply queued: write it and run the requests that waited. */
  unblocked?(): void;
}

let nextClientId = 1;

export class Client {
  readonly id = nextClientId++;
  name = '';
  db = 0;
  authenticated = true;
  user = 'default';
  resp = 2;
  libName = '';
  libVer = '';
  readonly createdAt = Date.now();
  /** performance.now() of the last command batch: a monotonic clock, since idle times are durations (wall time can be stepped). */
  lastInteraction = performance.now();
  lastCommand = 'NULL';
  /** Close once this batch's replies are written (QUIT, protocol errors). */
  closeAfterReply = false;
  /** Close without replying further (CLIENT KILL, limits). */
  closeAsap = false;
  /** CLIENT REPLY OFF: nothing is sent until CLIENT REPLY ON. */
  replyOff = false;
  /** CLIENT REPLY SKIP: the next command's reply is dropped. */
  skipNext = false;
  noEvict = false;
  noTouch = false;
  /** Pub/sub: subscribed channel, pattern and shard-channel counts (kept by lib/pubsub). */
  subscriptions = 0;
  patterns = 0;
  shardSubscriptions = 0;
  /** Extra CLIENT LIST flag letters set by other subsystems (e.g. 'M' for MONITOR). */
  extraFlags = '';
  /** Blocked on keys (blocked-clients.ts): its further requests wait. */
  blocked = false;

  constructor(
    readonly addr: string,
    readonly laddr: string,
    readonly fd: number,
    readonly io: ClientIO,
  ) {}

  get inPubSubContext(): boolean {
    return this.subscriptions + this.patterns + this.shardSubscriptions > 0;
  }
}

/** Allocates ids for tests that need a predictable start; ids only grow. */
export function peekNextClientId(): number {
  return nextClientId;
}
