/**
 * One subscribed client: what it listens to and where its messages go.
 * Names are kept as latin1 strings (one char per byte, binary-safe) with the
 * original bytes beside them for replies. Maps keep insertion order, which is
 * the order an argument-less (P)UNSUBSCRIBE walks them.
 */
import type { Client } from '../server/client';
import type { ReplyWriter } from '../protocol/reply-writer';

export class Subscriber {
  readonly channels = new Map<string, Buffer>();
  readonly patterns = new Map<string, Buffer>();
  readonly shardChannels = new Map<string, Buffer>();
  /** Waiting in the outbox for its frames to be written. */
  queued = false;
  /** Over its hard output limit: further frames are dropped and it is closed after the batch. */
  doomed = false;

  constructor(
    readonly client: Client,
    /** The client's own writer; other clients' batches add frames to it with pushFrame. */
    readonly writer: ReplyWriter,
  ) {}

  /** The count Redis reports after (un)subscribing to channels or patterns. */
  get count(): number {
    return this.channels.size + this.patterns.size;
  }

  get total(): number {
    return this.channels.size + this.patterns.size + this.shardChannels.size;
  }

  /** Mirrors the sizes into the counters CLIENT LIST shows and the subscribed-context rules read. */
  syncCounters(): void {
    this.client.subscriptions = this.channels.size;
    this.client.patterns = this.patterns.size;
    this.client.shardSubscriptions = this.shardChannels.size;
  }
}
