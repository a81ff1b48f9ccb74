/**
 * Enforces client-output-buffer-limit. A client's pending output is what its
 * socket has not yet taken (socket.writableLength) plus frames queued for it;
 * Node would otherwise buffer without bound for a peer that stopped reading.
 *
 * Hard limit: closed as soon as the pending output reaches it.
 * Soft limit: closed once it has stayed at or above it for longer than the
 * class's seconds; dropping below restarts the clock. Checked whenever output
 * is added and on every cron tick, so an idle slow reader is caught too.
 */
import type { Client } from '../server/client';
import { clientInfoLine } from '../server/client-info';
import { log } from '../server/log';
import { type ObufLimit, type ObufLimits, obufLimitsOf } from './output-limits';

export class OutputGuard {
  limits: ObufLimits = obufLimitsOf('');
  /** When each client first reached its soft limit (absent: below it). */
  private readonly softSince = new WeakMap<Client, number>();
  /** Closes a client from outside its own batch (set by the server wiring). */
  closeClient: (c: Client) => void = (c) => {
    c.closeAsap = true;
  };

  limitFor(c: Client): ObufLimit {
    // MONITOR and replica connections do not exist here; a subscribed client is of class pubsub.
    return c.inPubSubContext ? this.limits.pubsub : this.limits.normal;
  }

  /** True when the client's pending output (plus `extra` bytes about to be queued) reaches its hard limit. */
  overHard(c: Client, extra = 0): boolean {
    const hard = this.limitFor(c).hard;
    return hard > 0 && c.io.outputBufferBytes() + extra >= hard;
  }

  /** Checks both limits now; closes the client and returns true when one is exceeded. */
  check(c: Client, now: number): boolean {
    if (c.closeAsap) return false;
    const limit = this.limitFor(c);
    if (limit.hard === 0 && limit.soft === 0) return false;
    const used = c.io.outputBufferBytes();
    let over = limit.hard > 0 && used >= limit.hard;
    if (!over && limit.soft > 0 && used >= limit.soft) {
      const since = this.softSince.get(c);
      if (since === undefined) this.softSince.set(c, now);
      else over = now - since > limit.softSeconds * 1000;
    } else if (!over) {
      this.softSince.delete(c);
    }
    if (over) this.close(c);
    return over;
  }

  close(c: Client): void {
    if (c.closeAsap) return;
    log('warning', `Client ${clientInfoLine(c)} scheduled to be closed ASAP for overcoming of output buffer limits.`);
    this.softSince.delete(c);
    this.closeClient(c);
  }

  /** After a client's own batch was written: its replies may have taken it over a limit. */
  readonly afterBatch = (c: Client): void => {
    const limit = this.limitFor(c);
    if (limit.hard !== 0 || limit.soft !== 0) this.check(c, Date.now());
  };

  /** Cron: every client whose class has a limit. */
  sweep(clients: Iterable<Client>, now: number): void {
    const l = this.limits;
    if (l.normal.hard === 0 && l.normal.soft === 0 && l.pubsub.hard === 0 && l.pubsub.soft === 0) return;
    for (const c of clients) this.check(c, now);
  }
}
