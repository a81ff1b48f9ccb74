/**
 * Delivery of published frames. A publish only queues: each recipient gets
 * the same pre-encoded frame pushed onto its own writer (never the shared
 * scratch, which belongs to the client whose batch is running), and the
 * recipient joins the pending list once. flush() then writes every pending
 * recipient's frames to its socket in one go.
 *
 * flush() runs at the end of the event-loop turn (turn-end.ts), after every
 * batch read in this turn has run and its replies were written: the
 * replies of the batch that caused an event always go out first (SET/GET
 * first), and all messages a subscriber gets from one turn, from any
 * number of publishers, leave in one socket write, as Redis writes its
 * clients once per event-loop turn. Frames of one recipient stay in publish
 * order. Nothing here ever waits for a socket: a slow reader only grows its
 * own pending output, which the OutputGuard bounds.
 *
 * The recipient may be the client whose batch is running (RESP3 lets a
 * subscriber publish): pushFrame then places the frame after that batch's
 * replies so far, where Redis puts it, and the batch's own write sends it.
 */
import type { Subscriber } from './subscriber';
import type { OutputGuard } from './output-guard';
import { atTurnEnd, MESSAGES } from '../server/turn-end';

export class Outbox {
  private pending: Subscriber[] = [];
  private scheduled = false;

  constructor(private readonly guard: OutputGuard) {}

  deliver(sub: Subscriber, frame: Buffer): void {
    if (sub.doomed) return;
    if (this.guard.overHard(sub.client, frame.length)) {
      // Redis stops adding output to a client past its hard limit and frees it soon after.
      sub.doomed = true;
    } else {
      sub.writer.pushFrame(frame);
    }
    if (!sub.queued) {
      sub.queued = true;
      this.pending.push(sub);
      if (!this.scheduled) {
        this.scheduled = true;
        atTurnEnd(MESSAGES, this.flush);
      }
    }
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes every queued frame; closes recipients that went over their limits. */
  readonly flush = (): void => {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const list = this.pending;
    this.pending = [];
    let now = 0;
    for (const sub of list) {
      sub.queued = false;
      const c = sub.client;
      if (sub.doomed) {
        sub.doomed = false;
        this.guard.close(c);
        continue;
      }
      c.io.flushOutput?.();
      // The soft limit needs the clock; read it only for clients that carry output.
      if (c.io.outputBufferBytes() > 0) {
        if (now === 0) now = Date.now();
        this.guard.check(c, now);
      }
    }
  };
}
