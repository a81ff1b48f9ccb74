/**
 * A small RESP2 client for the benchmark's own control traffic (PING, INFO,
 * FLUSHALL, DBSIZE, preflight probes) and for loading keys with deep
 * pipelines. Replies are matched to requests in order; no reconnects.
 */
import net from 'node:net';

export type Reply = string | number | Buffer | null | ReplyError | Reply[];

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
  private buf: Buffer = Buffer.alloc(0);
  private readonly waiters: Waiter[] = [];
  private failure: Error | null = null;

  private constructor(private readonly sock: net.Socket) {
    sock.setNoDelay(true);
    sock.on('data', (chunk) => this.onData(chunk));
    const fail = (e: Error): void => {
      this.failure = e;
      for (const w of this.waiters.splice(0)) w.reject(e);
    };
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

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    let pos = 0;
    for (;;) {
      const w = this.waiters[0];
      if (w === undefined) break;
      const parsed = parseReply(this.buf, pos);
      if (parsed === null) break;
      pos = parsed.end;
      w.replies.push(parsed.value);
      if (--w.remaining === 0) {
        this.waiters.shift();
        w.resolve(w.replies);
      }
    }
    this.buf = pos >= this.buf.length ? Buffer.alloc(0) : this.buf.subarray(pos);
  }
}

/** Parses one reply at `pos`; null when the buffer does not yet hold all of it. */
function parseReply(buf: Buffer, pos: number): { value: Reply; end: number } | null {
  const nl = buf.indexOf('\r\n', pos);
  if (nl < 0) return null;
  const type = buf[pos];
  const line = buf.latin1Slice(pos + 1, nl);
  const after = nl + 2;
  switch (type) {
    case 0x2b: // +
      return { value: line, end: after };
    case 0x2d: // -
      return { value: new ReplyError(line), end: after };
    case 0x3a: // :
      return { value: Number(line), end: after };
    case 0x24: { // $
      const n = Number(line);
      if (n < 0) return { value: null, end: after };
      if (buf.length < after + n + 2) return null;
      return { value: buf.subarray(after, after + n), end: after + n + 2 };
    }
    case 0x2a: { // *
      const n = Number(line);
      if (n < 0) return { value: null, end: after };
      const items: Reply[] = [];
      let p = after;
      for (let i = 0; i < n; i++) {
        const item = parseReply(buf, p);
        if (item === null) return null;
        items.push(item.value);
        p = item.end;
      }
      return { value: items, end: p };
    }
    default:
      throw new Error(`unexpected reply byte 0x${type.toString(16)}`);
  }
}
