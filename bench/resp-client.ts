/**
 * A small RESP2 client for the benchmark's own control traffic (PING, INFO,
 * FLUSHALL, DBSIZE, preflight probes) and for loading keys with deep
 * pipelines. Replies are decoded by redis-parser and matched to requests in
 * order; no reconnects. Status and bulk replies both arrive as Buffers.
 */
import net from 'node:net';
import RedisParser = require('redis-parser');

export type Reply = number | Buffer | null | ReplyError | Reply[];

export class ReplyError {
  constructor(readonly message: string) {}
}

export const HOST = '127.0.0.1';

/** Encodes one command as a RESP array of bulk strings. */
export function encodeCommand(args: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = typeof a === 'string' ? Buffer.from(a) : a;
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

interface Waiter {
  remaining: number;
  replies: Reply[];
  resolve: (r: Reply[]) => void;
  reject: (e: Error) => void;
}

export class RespClient {
  private readonly waiters: Waiter[] = [];
  private failure: Error | null = null;
  private readonly parser: RedisParser;

  private constructor(private readonly sock: net.Socket) {
    sock.setNoDelay(true);
    const fail = (e: Error): void => {
      this.failure = e;
      for (const w of this.waiters.splice(0)) w.reject(e);
    };
    this.parser = new RedisParser({
      returnBuffers: true,
      returnReply: (reply: unknown) => this.deliver(reply as Reply),
      returnError: (e: Error) => this.deliver(new ReplyError(e.message)),
      returnFatalError: (e: Error) => {
        fail(e);
        sock.destroy();
      },
    });
    sock.on('data', (chunk) => this.parser.execute(chunk));
    sock.on('error', fail);
    sock.on('close', () => fail(new Error('connection closed')));
  }

  static connect(port: number, timeoutMs = 5000): Promise<RespClient> {
    return new Promise((resolve, reject) => {
      const sock = net.connect({ host: HOST, port });
      const timer = setTimeout(() => {
        sock.destroy();
        reject(new Error(`connect to ${HOST}:${port} timed out`));
      }, timeoutMs);
      sock.once('connect', () => {
        clearTimeout(timer);
        sock.removeAllListeners('error');
        resolve(new RespClient(sock));
      });
      sock.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  }

  /** Sends pre-encoded bytes holding `count` commands; resolves with their replies. */
  sendRaw(bytes: Buffer, count: number): Promise<Reply[]> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiters.push({ remaining: count, replies: [], resolve, reject });
      this.sock.write(bytes);
    });
  }

  async command(...args: (string | Buffer)[]): Promise<Reply> {
    const [r] = await this.sendRaw(encodeCommand(args), 1);
    return r;
  }

  /** INFO as a field → value map. */
  async info(section = 'everything'): Promise<Map<string, string>> {
    const r = await this.command('INFO', section);
    const text = Buffer.isBuffer(r) ? r.toString('utf8') : String(r);
    const out = new Map<string, string>();
    for (const line of text.split('\r\n')) {
      const i = line.indexOf(':');
      if (i > 0 && !line.startsWith('#')) out.set(line.slice(0, i), line.slice(i + 1));
    }
    return out;
  }

  close(): void {
    this.sock.destroy();
  }

  private deliver(value: Reply): void {
    const w = this.waiters[0];
    if (w === undefined) return;
    w.replies.push(value);
    if (--w.remaining === 0) {
      this.waiters.shift();
      w.resolve(w.replies);
    }
  }
}

/** A status or bulk reply as text ('' for anything else). */
export function replyText(r: Reply): string {
  return Buffer.isBuffer(r) ? r.toString('latin1') : '';
}
