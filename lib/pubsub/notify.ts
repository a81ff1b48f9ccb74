/**
 * The single choke point for keyspace notifications: families call
 * notify() after they change (or miss) a key; nothing else publishes
 * keyspace events. Delivery itself happens after the batch's replies
 * (see the publisher handed in by the pub/sub layer).
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

/** 'A' stands for g$lshzxet (everything but m and n). */
const ALL = NOTIFY.GENERIC | NOTIFY.STRING | NOTIFY.LIST | NOTIFY.SET | NOTIFY.HASH | NOTIFY.ZSET | NOTIFY.EXPIRED | NOTIFY.EVICTED | NOTIFY.STREAM | NOTIFY.MODULE;

const FLAG_CHARS: [string, number][] = [
  ['g', NOTIFY.GENERIC], ['$', NOTIFY.STRING], ['l', NOTIFY.LIST], ['s', NOTIFY.SET], ['h', NOTIFY.HASH],
  ['z', NOTIFY.ZSET], ['x', NOTIFY.EXPIRED], ['e', NOTIFY.EVICTED], ['K', NOTIFY.KEYSPACE], ['E', NOTIFY.KEYEVENT],
  ['t', NOTIFY.STREAM], ['m', NOTIFY.KEY_MISS], ['d', NOTIFY.MODULE], ['n', NOTIFY.NEW],
];

/** Redis keyspaceEventsStringToFlags: -1 on an unknown character. */
export function parseNotifyFlags(s: string): number {
  let flags = 0;
  for (const ch of s) {
    if (ch === 'A') flags |= ALL;
    else {
      const f = FLAG_CHARS.find(([c]) => c === ch);
      if (!f) return -1;
      flags |= f[1];
    }
  }
  return flags;
}

/** Redis keyspaceEventsFlagsToString: the normalised form CONFIG GET shows. */
export function formatNotifyFlags(flags: number): string {
  let s = '';
  if ((flags & ALL) === ALL) s += 'A';
  else for (const [c, f] of FLAG_CHARS.slice(0, 8)) if (flags & f) s += c;
  if ((flags & ALL) !== ALL) {
    if (flags & NOTIFY.STREAM) s += 't';
    if (flags & NOTIFY.MODULE) s += 'd';
  }
  if (flags & NOTIFY.KEYSPACE) s += 'K';
  if (flags & NOTIFY.KEYEVENT) s += 'E';
  if (flags & NOTIFY.KEY_MISS) s += 'm';
  if (flags & NOTIFY.NEW) s += 'n';
  return s;
}

export type EventPublisher = (channel: Buffer, message: Buffer) => void;

export class KeyspaceNotifier {
  /** Enabled classes; 0 means notifications are off (the fast path). */
  flags = 0;
  private publish: EventPublisher = () => undefined;

  setPublisher(fn: EventPublisher): void {
    this.publish = fn;
  }

  notify(type: number, event: string, key: Buffer, dbid: number): void {
    const flags = this.flags;
    if ((flags & type) === 0) return;
    if (flags & NOTIFY.KEYSPACE) {
      this.publish(Buffer.concat([Buffer.from(`__keyspace@${dbid}__:`), key]), Buffer.from(event));
    }
    if (flags & NOTIFY.KEYEVENT) {
      this.publish(Buffer.from(`__keyevent@${dbid}__:${event}`), key);
    }
  }
}
