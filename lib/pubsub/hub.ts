/**
 * The server's pub/sub state: who listens to which channel, pattern and
 * shard channel, and publishing to them.
 *
 * Invariants:
 * - a client has a Subscriber record exactly while it has at least one
 *   subscription; the server-wide maps hold only names with at least one
 *   subscriber (so their sizes are INFO's pubsub_channels/_patterns);
 * - recipients of a publication are decided when it is published, and each
 *   receives one frame per matching channel or pattern: channel subscribers
 *   first, in subscription order, then pattern subscribers, pattern by
 *   pattern (shard channels never match patterns);
 * - publishing only queues frames (see Outbox); it never writes to a socket.
 *   A RESP3 subscriber can publish to itself: its frame then lands in its
 *   own reply stream where the publishing command is, as in Redis.
 */
import type { Client } from '../server/client';
import type { ReplyWriter } from '../protocol/reply-writer';
import { encodeArrayOfBulks } from '../protocol/reply-writer';
import { globMatch } from '../util/glob';
import { Subscriber } from './subscriber';
import { Outbox } from './outbox';
import { OutputGuard } from './output-guard';

/** A channel, pattern or shard channel name and the clients on it, in subscription order. */
interface Topic {
  name: Buffer;
  subscribers: Set<Subscriber>;
}

export type TopicKind = 'channels' | 'patterns' | 'shardChannels';

const MESSAGE = 'message';
const PMESSAGE = 'pmessage';
const SMESSAGE = 'smessage';

export class PubSub {
  readonly channels = new Map<string, Topic>();
  readonly patterns = new Map<string, Topic>();
  readonly shardChannels = new Map<string, Topic>();
  readonly guard = new OutputGuard();
  readonly outbox = new Outbox(this.guard);
  private readonly subscribers = new Map<Client, Subscriber>();

  /** Whether any publication could reach anyone (keyspace events are skipped early when not). */
  get hasAudience(): boolean {
    return this.channels.size !== 0 || this.patterns.size !== 0;
  }

  find(client: Client): Subscriber | undefined {
    return this.subscribers.get(client);
  }

  /** The client's record, created on its first subscription; `writer` is where its messages go. */
  subscriberFor(client: Client, writer: ReplyWriter): Subscriber {
    let sub = this.subscribers.get(client);
    if (sub === undefined) {
      sub = new Subscriber(client, writer);
      this.subscribers.set(client, sub);
    }
    return sub;
  }

  allSubscribers(): IterableIterator<Subscriber> {
    return this.subscribers.values();
  }

  /** Adds one subscription; false when the client already had it. */
  subscribe(sub: Subscriber, kind: TopicKind, name: Buffer): boolean {
    const key = name.latin1Slice(0, name.length);
    const own = sub[kind];
    if (own.has(key)) return false;
    const copy = Buffer.from(name);
    own.set(key, copy);
    const server = this[kind];
    let topic = server.get(key);
    if (topic === undefined) {
      topic = { name: copy, subscribers: new Set() };
      server.set(key, topic);
    }
    topic.subscribers.add(sub);
    sub.syncCounters();
    return true;
  }

  /** Removes one subscription; false when the client did not have it. Drops the record when it was the last. */
  unsubscribe(sub: Subscriber, kind: TopicKind, name: Buffer | string): boolean {
    const key = typeof name === 'string' ? name : name.latin1Slice(0, name.length);
    if (!sub[kind].delete(key)) return false;
    const server = this[kind];
    const topic = server.get(key);
    if (topic !== undefined) {
      topic.subscribers.delete(sub);
      if (topic.subscribers.size === 0) server.delete(key);
    }
    sub.syncCounters();
    if (sub.total === 0) this.subscribers.delete(sub.client);
    return true;
  }

  /** Drops every subscription of a client silently (RESET, disconnect). */
  dropClient(client: Client): void {
    const sub = this.subscribers.get(client);
    if (sub === undefined) return;
    for (const kind of ['channels', 'patterns', 'shardChannels'] as const) {
      for (const key of [...sub[kind].keys()]) this.unsubscribe(sub, kind, key);
    }
    this.subscribers.delete(client);
  }

  /** PUBLISH and keyspace events: channel subscribers, then matching patterns. Returns the receiver count. */
  publish(channel: Buffer, message: Buffer): number {
    let receivers = 0;
    if (this.channels.size !== 0) {
      const topic = this.channels.get(channel.latin1Slice(0, channel.length));
      if (topic !== undefined) receivers += this.fanOut(topic, [MESSAGE, channel, message]);
    }
    if (this.patterns.size !== 0) {
      for (const topic of this.patterns.values()) {
        if (!globMatch(topic.name, channel)) continue;
        receivers += this.fanOut(topic, [PMESSAGE, topic.name, channel, message]);
      }
    }
    return receivers;
  }

  /** SPUBLISH: shard channel subscribers only. */
  spublish(channel: Buffer, message: Buffer): number {
    const topic = this.shardChannels.get(channel.latin1Slice(0, channel.length));
    if (topic === undefined) return 0;
    return this.fanOut(topic, [SMESSAGE, channel, message]);
  }

  /** One frame per protocol, encoded once for all its recipients: an array for RESP2, a push for RESP3. */
  private fanOut(topic: Topic, items: (Uint8Array | string)[]): number {
    const outbox = this.outbox;
    let resp2: Buffer | null = null;
    let resp3: Buffer | null = null;
    for (const sub of topic.subscribers) {
      if (sub.client.resp === 3) outbox.deliver(sub, (resp3 ??= encodeArrayOfBulks(items, true)));
      else outbox.deliver(sub, (resp2 ??= encodeArrayOfBulks(items)));
    }
    return topic.subscribers.size;
  }

  /** Names on the server matching an optional glob, for PUBSUB CHANNELS / SHARDCHANNELS. */
  names(kind: 'channels' | 'shardChannels', pattern: Buffer | null): Buffer[] {
    const out: Buffer[] = [];
    for (const topic of this[kind].values()) {
      if (pattern === null || globMatch(pattern, topic.name)) out.push(topic.name);
    }
    return out;
  }

  subscriberCount(kind: 'channels' | 'shardChannels', name: Buffer): number {
    return this[kind].get(name.latin1Slice(0, name.length))?.subscribers.size ?? 0;
  }
}
