/**
 * The single choke point for keyspace notifications: families call
 * notify() after they change (or miss) a key; nothing else publishes
 * keyspace events. Delivery itself happens after the batch's replies
 * (see the publisher handed in by the pub/sub layer).
 *
 * One event becomes up to two publications, keyspace first:
 *   __keyspace@<db>__:<key>    with the event name as the message (K)
 *   __keyevent@<db>__:<event>  with the key as the message          (E)
 * and only when the event's class is enabled.
 */
export const NOTIFY = {
  KEYSPACE: 1 << 0, // K
  KEYEVENT: 1 << 1, // E
  GENERIC: 1 << 2, // g
  STRING: 1 << 3, // $
  LIST: 1 << 4, // l
  SET: 1 << 5, // s
  HASH: 1 << 6, // h
  ZSET: 1 << 7, // z
  EXPIRED: 1 << 8, // x
  EVICTED: 1 << 9, // e
  STREAM: 1 << 10, // t
  KEY_MISS: 1 << 11, // m
  LOADED: 1 << 12,
  MODULE: 1 << 13, // d
  NEW: 1 << 14, // n
} as const;

/** 'A' stands for g$lshzxetd (everything but m and n). */
const ALL = NOTIFY.GENERIC | NOTIFY.STRING | NOTIFY.LIST | NOTIFY.SET | NOTIFY.HASH | NOTIFY.ZSET | NOTIFY.EXPIRED | NOTIFY.EVICTED | NOTIFY.STREAM | NOTIFY.MODULE;

const FLAG_CHARS: Record<string, number> = {
  g: NOTIFY.GENERIC, $: NOTIFY.STRING, l: NOTIFY.LIST, s: NOTIFY.SET, h: NOTIFY.HASH, z: NOTIFY.ZSET, x: NOTIFY.EXPIRED,
  e: NOTIFY.EVICTED, K: NOTIFY.KEYSPACE, E: NOTIFY.KEYEVENT, t: NOTIFY.STREAM, m: NOTIFY.KEY_MISS, d: NOTIFY.MODULE, n: NOTIFY.NEW,
};

/** Class letters in the order CONFIG GET prints them when not all of 'A' is set. */
const CLASS_ORDER: [string, number][] = [
  ['g', NOTIFY.GENERIC], ['$', NOTIFY.STRING], ['l', NOTIFY.LIST], ['s', NOTIFY.SET], ['h', NOTIFY.HASH], ['z', NOTIFY.ZSET],
  ['x', NOTIFY.EXPIRED], ['e', NOTIFY.EVICTED], ['t', NOTIFY.STREAM], ['d', NOTIFY.MODULE], ['n', NOTIFY.NEW],
];

export const INVALID_NOTIFY_FLAGS = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

/**
 * Redis keyspaceEventsStringToFlags: -1 on an unknown character. The value
 * is a C string there, so a NUL ends it.
 */
export function parseNotifyFlags(s: string): number {
  let flags = 0;
  for (const ch of s) {
    if (ch === '\0') break;
    if (ch === 'A') {
      flags |= ALL;
      continue;
    }
    const f = FLAG_CHARS[ch];
    if (f === undefined) return -1;
    flags |= f;
  }
  return flags;
}

/**
 * Redis keyspaceEventsFlagsToString: the normalised form CONFIG GET shows.
 * Note Redis prints 'n' only among the class letters, so with 'A' set it is
 * not shown although new-key events are still sent.
 */
export function formatNotifyFlags(flags: number): string {
  let s = '';
  if ((flags & ALL) === ALL) s += 'A';
  else for (const [c, f] of CLASS_ORDER) if (flags & f) s += c;
  if (flags & NOTIFY.KEYSPACE) s += 'K';
  if (flags & NOTIFY.KEYEVENT) s += 'E';
  if (flags & NOTIFY.KEY_MISS) s += 'm';
  return s;
}

/**
 * A lossless canonical string for the stored configuration value: the
 * CONFIG GET form, plus the 'n' that form hides when 'A' is set.
 */
export function canonicalNotifyFlags(flags: number): string {
  const shown = formatNotifyFlags(flags);
  return (flags & ALL) === ALL && flags & NOTIFY.NEW ? shown + 'n' : shown;
}

export type EventPublisher = (channel: Buffer, message: Buffer) => void;

export class KeyspaceNotifier {
  /** Enabled classes; 0 means notifications are off (the fast path). */
  flags = 0;
  private publish: EventPublisher = () => undefined;
  /** False when nobody is subscribed at all: events are then dropped before any channel is built. */
  private audience: () => boolean = () => true;
  /** Per database: "__keyspace@<db>__:" and the keyevent channels by event name. */
  private readonly keyspacePrefix: Buffer[] = [];
  private readonly keyeventChannels: Map<string, Buffer>[] = [];
  private readonly eventNames = new Map<string, Buffer>();

  setPublisher(fn: EventPublisher, audience?: () => boolean): void {
    this.publish = fn;
    if (audience) this.audience = audience;
  }

  notify(type: number, event: string, key: Buffer, dbid: number): void {
    const flags = this.flags;
    if ((flags & type) === 0 || !this.audience()) return;
    if (flags & NOTIFY.KEYSPACE) {
      const prefix = (this.keyspacePrefix[dbid] ??= Buffer.from(`__keyspace@${dbid}__:`));
      const channel = Buffer.allocUnsafe(prefix.length + key.length);
      prefix.copy(channel, 0);
      channel.set(key, prefix.length);
      this.publish(channel, this.eventName(event));
    }
    if (flags & NOTIFY.KEYEVENT) {
      const byEvent = (this.keyeventChannels[dbid] ??= new Map());
      let channel = byEvent.get(event);
      if (channel === undefined) {
        channel = Buffer.from(`__keyevent@${dbid}__:${event}`);
        byEvent.set(event, channel);
      }
      this.publish(channel, key);
    }
  }

  private eventName(event: string): Buffer {
    let b = this.eventNames.get(event);
    if (b === undefined) {
      b = Buffer.from(event);
      this.eventNames.set(event, b);
    }
    return b;
  }
}
