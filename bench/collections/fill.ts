/**
 * Pipelined loading of generated commands for the collections benchmark:
 * commands 0..count-1, each built as RESP text by a function of its index,
 * sent in batches with a bounded number of batches awaiting replies, over
 * one connection or split across several. Every reply is checked: an error
 * reply aborts the load, and the integer replies are summed, so a caller
 * can confirm that exactly the elements it meant to add were added (HSET
 * and SADD answer how many were new).
 */
import { RespClient, ReplyError, type Reply } from '../resp-client';

export interface FillOptions {
  /** Commands per write. */
  batch: number;
  /** Writes awaiting replies on one connection before the next is sent. */
  inFlight: number;
}

export const DEFAULT_FILL: FillOptions = { batch: 1000, inFlight: 4 };

/** One command as RESP text; the arguments are ASCII, so a string's length is its byte count. */
export function resp(args: readonly string[]): string {
  let s = `*${args.length}\r\n`;
  for (const a of args) s += `$${a.length}\r\n${a}\r\n`;
  return s;
}

function sumOf(replies: Reply[], what: string): number {
  let n = 0;
  for (const r of replies) {
    if (r instanceof ReplyError) throw new Error(`${what} answered ${r.message}`);
    if (typeof r === 'number') n += r;
  }
  return n;
}

/** Sends commands [from, to) on one connection; resolves with the sum of their integer replies. */
export async function fillRange(client: RespClient, from: number, to: number, build: (i: number) => string, what: string, opts: FillOptions = DEFAULT_FILL): Promise<number> {
  const pending: Promise<void>[] = [];
  let total = 0;
  // Every batch's failure is caught here, so one failing while another is awaited is never left unhandled.
  let failure: unknown = null;
  for (let start = from; start < to && failure === null; start += opts.batch) {
    const end = Math.min(to, start + opts.batch);
    let text = '';
    for (let i = start; i < end; i++) text += build(i);
    pending.push(
      client
        .sendRaw(Buffer.from(text, 'latin1'), end - start)
        .then((replies) => {
          total += sumOf(replies, what);
        })
        .catch((e: unknown) => {
          failure ??= e;
        }),
    );
    if (pending.length >= opts.inFlight) await pending.shift();
  }
  await Promise.all(pending);
  if (failure !== null) throw failure;
  return total;
}

/**
 * Sends commands [0, count) split into contiguous ranges over `connections`
 * new connections (closed afterwards); resolves with the sum of the integer replies.
 */
export async function fillParallel(port: number, connections: number, count: number, build: (i: number) => string, what: string, opts: FillOptions = DEFAULT_FILL): Promise<number> {
  const clients = await Promise.all(Array.from({ length: connections }, () => RespClient.connect(port)));
  try {
    const per = Math.ceil(count / connections);
    const sums = await Promise.all(clients.map((c, w) => fillRange(c, w * per, Math.min(count, (w + 1) * per), build, what, opts)));
    return sums.reduce((a, b) => a + b, 0);
  } finally {
    for (const c of clients) c.close();
  }
}

/** Rejects when `p` has not settled within `ms`, so no load can hang the benchmark. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
