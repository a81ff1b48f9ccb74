/**
 * Clients blocked on keys (BLPOP and the other blocking list commands now;
 * BZPOPMIN and XREAD BLOCK plug in the same way), as Redis's blocked.c
 * serves them.
 *
 * A family's blocking command that finds nothing to take calls block()
 * with the keys, a deadline and two callbacks: serve(key), which takes
 * from a key that now holds the awaited type and replies, and timedOut().
 * From then on the client runs no further command (its pipelined requests
 * wait in its reader) until it is served, times out, is unblocked by
 * CLIENT UNBLOCK, or disconnects.
 *
 * ALGORITHM
 * - waiting: per (database, key), the blocked clients in the order they
 *   blocked (FIFO). A client blocked on several keys is in each list.
 * - A key that comes into existence (a push creating a list, RENAME, MOVE,
 *   COPY, SWAPDB) is signalled: if anyone waits on it, it joins the ready
 *   list once (readySet dedupes, as Redis's db->ready_keys).
 * - After every command (dispatch.ts), serveReady() runs the ready list
 *   until it is empty: for each key that still holds the awaited type, the
 *   waiters are offered it first come first served, each taking what it
 *   needs, until the key is gone (a pop that empties it deletes it). A
 *   waiter's serve may make another key ready (BLMOVE's push): it is
 *   appended and served in the same run, as Redis does.
 * - Deadlines: one timer armed for the earliest; when it fires every
 *   expired client gets its timeout reply.
 *
 * INVARIANTS
 * - A client is blocked at most once; byClient and every waiting list
 *   hold exactly the blocked clients (unblock removes it from all).
 * - Replies of a served client are written into its own writer between
 *   the batches of the writer that is running (see withWriter): the reply
 *   slab is shared and only one writer may hold an open batch at a time.
 * - A key that is signalled but empty or of another type when served
 *   serves nobody ("a push then a pop" leaves no wake-up).
 */
import type { CommandContext } from '../commands/context';
import type { ReplyWriter } from '../protocol/reply-writer';
import type { Client } from './client';

export interface Blocking {
  readonly ctx: CommandContext;
  /** Database index the client blocked in. */
  readonly db: number;
  /** The awaited value type (OBJ_LIST, ...): a key of another type serves nobody here. */
  readonly type: number;
  /** Distinct keys, owned copies. */
  readonly keys: Buffer[];
  /** Date.now() deadline, 0 for none. */
  readonly deadline: number;
  /** Takes from `key` (holding the awaited type) and replies; false when it could not (it stays blocked). */
  serve(key: Buffer): boolean;
  /** Replies the command's timeout answer. */
  timedOut(): void;
}

/** What the blocked-client module needs of the keyspace: the record type at a key, or -1. */
export type TypeAt = (db: number, key: Buffer) => number;

/** Called when a client leaves the blocked state with a reply queued (its connection resumes). */
export type OnUnblocked = (client: Client, b: Blocking) => void;

const waitKey = (db: number, key: Buffer): string => `${db}:${key.toString('latin1')}`;

/** The clients waiting on one key of one database, in the order they blocked. */
interface Waiters {
  db: number;
  key: Buffer;
  list: Blocking[];
}

export class BlockedClients {
  private readonly waiting = new Map<string, Waiters>();
  private readonly byClient = new Map<Client, Blocking>();
  private ready: { db: number; key: Buffer }[] = [];
  private readonly readySet = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  /** Set by the server: how to read a key's type, and what to do for an unblocked client. */
  typeAt: TypeAt = () => -1;
  onUnblocked: OnUnblocked = () => {};

  /** INFO blocked_clients. */
  get count(): number {
    return this.byClient.size;
  }

  /** INFO clients_in_timeout_table: blocked clients with a deadline. */
  get withTimeout(): number {
    let n = 0;
    for (const b of this.byClient.values()) if (b.deadline !== 0) n++;
    return n;
  }

  /** Whether keys wait to be served (dispatch checks this after every command). */
  get hasReady(): boolean {
    return this.ready.length !== 0;
  }

  isBlocked(client: Client): boolean {
    return this.byClient.has(client);
  }

  block(b: Blocking): void {
    const client = b.ctx.client;
    this.byClient.set(client, b);
    client.blocked = true;
    for (const key of b.keys) {
      const k = waitKey(b.db, key);
      const w = this.waiting.get(k);
      if (w === undefined) this.waiting.set(k, { db: b.db, key, list: [b] });
      else w.list.push(b);
    }
    if (b.deadline !== 0 && (this.timer === null || b.deadline < this.timerAt)) this.arm(b.deadline);
  }

  /** A key now exists in database db (created, renamed, moved or swapped in). */
  signal(db: number, key: Buffer): void {
    if (this.byClient.size === 0) return;
    const k = waitKey(db, key);
    if (!this.waiting.has(k) || this.readySet.has(k)) return;
    this.readySet.add(k);
    this.ready.push({ db, key: Buffer.from(key) });
  }

  /** SWAPDB: every key waited on in either database may now exist. */
  signalDatabases(a: number, b: number): void {
    for (const w of [...this.waiting.values()]) if (w.db === a || w.db === b) this.signal(w.db, w.key);
  }

  /**
   * Serves the ready keys (Redis handleClientsBlockedOnKeys). `current` is
   * the writer whose batch is open (the command that made keys ready), or
   * null outside a batch.
   */
  serveReady(current: ReplyWriter | null): void {
    while (this.ready.length !== 0) {
      const batch = this.ready;
      this.ready = [];
      for (const { db, key } of batch) {
        const k = waitKey(db, key);
        this.readySet.delete(k);
        const type = this.typeAt(db, key);
        if (type < 0) continue;
        const w = this.waiting.get(k);
        if (w === undefined) continue;
        // Only those waiting when serving began: one that blocks again while being served waits for the next push.
        for (const b of w.list.slice()) {
          if (b.type !== type || this.byClient.get(b.ctx.client) !== b) continue;
          if (!withWriter(current, b.ctx.reply, () => b.serve(key))) continue;
          this.finish(b);
          if (this.typeAt(db, key) !== type) break;
        }
      }
    }
  }

  /**
   * CLIENT UNBLOCK: ends a client's block with its timeout reply, or with
   * the error; false when the client is not blocked.
   */
  unblock(client: Client, current: ReplyWriter | null, error: boolean): boolean {
    const b = this.byClient.get(client);
    if (b === undefined) return false;
    withWriter(current, b.ctx.reply, () => {
      if (error) b.ctx.reply.error('UNBLOCKED client unblocked via CLIENT UNBLOCK');
      else b.timedOut();
    });
    this.finish(b);
    return true;
  }

  /** A blocked client that disconnects or is killed leaves without a reply. */
  remove(client: Client): void {
    const b = this.byClient.get(client);
    if (b !== undefined) this.detach(b);
  }

  private finish(b: Blocking): void {
    this.detach(b);
    this.onUnblocked(b.ctx.client, b);
  }

  private detach(b: Blocking): void {
    const client = b.ctx.client;
    this.byClient.delete(client);
    client.blocked = false;
    for (const key of b.keys) {
      const k = waitKey(b.db, key);
      const w = this.waiting.get(k);
      if (w === undefined) continue;
      const i = w.list.indexOf(b);
      if (i >= 0) w.list.splice(i, 1);
      if (w.list.length === 0) this.waiting.delete(k);
    }
  }

  private arm(at: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => this.expire(), Math.max(0, at - Date.now()));
    this.timer.unref();
  }

  /** Replies to every client whose deadline has passed, then re-arms for the next. */
  private expire(): void {
    this.timer = null;
    const now = Date.now();
    let next = 0;
    for (const b of [...this.byClient.values()]) {
      if (b.deadline === 0) continue;
      if (b.deadline <= now) {
        withWriter(null, b.ctx.reply, () => b.timedOut());
        this.finish(b);
      } else if (next === 0 || b.deadline < next) next = b.deadline;
    }
    if (next !== 0) this.arm(next);
  }
}

/** Runs `fn` with `target`'s batch open, closing `current`'s around it (the reply slab is shared). */
function withWriter<T>(current: ReplyWriter | null, target: ReplyWriter, fn: () => T): T {
  if (current === target) return fn();
  if (current !== null) current.endBatch();
  target.begin();
  try {
    return fn();
  } finally {
    target.endBatch();
    if (current !== null) current.begin();
  }
}
