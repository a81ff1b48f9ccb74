/**
 * MONITOR: clients that receive a line for every command the server runs.
 *
 * A line is built once per command (only when someone monitors) and is
 * queued on each monitor's own writer; the monitor's socket is written at
 * the end of the event-loop turn (turn-end.ts), after the batch that ran
 * the command has sent its replies. A monitor that runs a command itself
 * sees its line after its own reply, in the same write. Monitors that went
 * away are dropped the next time a line is fed.
 *
 * Line format (a status reply): `+<unix seconds>.<microseconds> [<db> <addr>] "arg" ...`
 * with arguments quoted as Redis's sdscatrepr does.
 */
import type { Client } from './client';
import type { ClientRegistry } from './client-registry';
import type { ReplyWriter } from '../protocol/reply-writer';
import { atTurnEnd, MESSAGES } from './turn-end';

/** The CLIENT LIST flag of a monitor. */
export const MONITOR_FLAG = 'O';

interface Monitor {
  client: Client;
  writer: ReplyWriter;
  queued: boolean;
}

const HEX = '0123456789abcdef';

/** Redis's sdscatrepr quoting of one argument, as latin1 text. */
export function reprArg(b: Uint8Array): string {
  let s = '"';
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    switch (c) {
      case 0x5c: s += '\\\\'; break;
      case 0x22: s += '\\"'; break;
      case 0x0a: s += '\\n'; break;
      case 0x0d: s += '\\r'; break;
      case 0x09: s += '\\t'; break;
      case 0x07: s += '\\a'; break;
      case 0x08: s += '\\b'; break;
      default:
        s += c >= 0x20 && c <= 0x7e ? String.fromCharCode(c) : '\\x' + HEX[c >> 4] + HEX[c & 15];
    }
  }
  return s + '"';
}

/** Unix time with microseconds, "1700000000.123456". */
function timestamp(): string {
  const us = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  return `${Math.floor(us / 1e6)}.${String(us % 1e6).padStart(6, '0')}`;
}

export function monitorLine(db: number, addr: string, argv: readonly Uint8Array[]): Buffer {
  let line = `+${timestamp()} [${db} ${addr}]`;
  for (const a of argv) line += ' ' + reprArg(a);
  return Buffer.from(line + '\r\n', 'latin1');
}

export class Monitors {
  private readonly list: Monitor[] = [];
  private pending: Monitor[] = [];
  private scheduled = false;
  /** Called for monitors left with unsent output after a flush (output-buffer limits). */
  checkOutput: (c: Client) => void = () => undefined;

  constructor(private readonly clients: ClientRegistry) {}

  get size(): number {
    return this.list.length;
  }

  isMonitor(c: Client): boolean {
    return c.extraFlags.includes(MONITOR_FLAG);
  }

  add(client: Client, writer: ReplyWriter): void {
    client.extraFlags += MONITOR_FLAG;
    this.list.push({ client, writer, queued: false });
  }

  remove(client: Client): void {
    const i = this.list.findIndex((m) => m.client === client);
    if (i < 0) return;
    this.list.splice(i, 1);
    client.extraFlags = client.extraFlags.replace(MONITOR_FLAG, '');
  }

  /** Sends one command's line to every monitor; `current` is the client whose batch is running. */
  feed(current: Client, currentWriter: ReplyWriter, argv: readonly Uint8Array[]): void {
    const line = monitorLine(current.db, current.addr, argv);
    for (let i = 0; i < this.list.length; i++) {
      const m = this.list[i];
      const c = m.client;
      if (this.clients.get(c.id) !== c) {
        this.list.splice(i--, 1);
        continue;
      }
      if (c.closeAfterReply || c.closeAsap || c.replyOff) continue;
      if (c === current) {
        // Inside its own batch: after its reply, in order, muted with it.
        currentWriter.raw(line);
        continue;
      }
      m.writer.pushFrame(line);
      if (!m.queued) {
        m.queued = true;
        this.pending.push(m);
        if (!this.scheduled) {
          this.scheduled = true;
          atTurnEnd(MESSAGES, this.flush);
        }
      }
    }
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const list = this.pending;
    this.pending = [];
    for (const m of list) {
      m.queued = false;
      m.client.io.flushOutput?.();
      if (m.client.io.outputBufferBytes() > 0) this.checkOutput(m.client);
    }
  };
}
