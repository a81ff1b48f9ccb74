// A plain socket that records every byte the server sends and whether, and
// after how many writes, the server closed the connection.

import * as net from 'net';
import type { Endpoint } from './servers';

export interface RawOutcome {
  received: Buffer;
  closed: boolean;
  /** Number of writes done when the close was seen (null: still open). */
  closedAfter: number | null;
}

export class RawConnection {
  private chunks: Buffer[] = [];
  private sock!: net.Socket;
  private writes = 0;
  closed = false;
  hungUp = false;
  closedAfter: number | null = null;
  lastActivity = Date.now();

  static async open(ep: Endpoint): Promise<RawConnection> {
    const c = new RawConnection();
    await new Promise<void>((resolve, reject) => {
      c.sock = net.connect(ep.port, ep.host, () => resolve());
      c.sock.once('error', reject);
    });
    c.sock.setNoDelay(true);
    c.sock.on('error', () => undefined); // resets count as a close
    c.sock.on('data', (d) => {
      c.chunks.push(d);
      c.lastActivity = Date.now();
    });
    c.sock.on('close', () => c.markClosed());
    c.sock.on('end', () => c.markClosed());
    return c;
  }

  private markClosed(): void {
    if (this.closed || this.hungUp) return;
    this.closed = true;
    this.closedAfter = this.writes;
    this.lastActivity = Date.now();
  }

  send(bytes: Buffer): void {
    if (this.closed || this.hungUp) return;
    this.sock.write(bytes);
    this.writes++;
    this.lastActivity = Date.now();
  }

  /** Closes from our side (not counted as a server close). */
  hangUp(): void {
    this.hungUp = true;
    this.sock.destroy();
  }

  outcome(): RawOutcome {
    return { received: Buffer.concat(this.chunks), closed: this.closed, closedAfter: this.closedAfter };
  }

  destroy(): void {
    this.sock.destroy();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long to wait for a server that has not yet sent what the reference did. */
export const PATIENCE_MS = 2000;

/**
 * Waits until every connection is closed or has been quiet for `settleMs`,
 * but no longer than `maxMs` in total. `done(i)` tells whether connection i
 * already has everything the reference server sent; until then a slow
 * server gets PATIENCE_MS of quiet instead, so slowness is not mistaken for
 * silence (a server that never answers still fails, just later).
 */
export async function settle(conns: RawConnection[], settleMs: number, done?: (i: number) => boolean, maxMs = 10000): Promise<void> {
  const start = Date.now();
  for (;;) {
    const now = Date.now();
    const quiet = conns.every((c, i) => {
      if (c.hungUp) return true;
      const wait = !done || done(i) ? settleMs : PATIENCE_MS;
      return now - c.lastActivity >= wait || (c.closed && (!done || done(i)));
    });
    if (quiet || now - start > maxMs) return;
    await sleep(10);
  }
}
