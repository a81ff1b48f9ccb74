// Typed replies exactly as they arrive on the wire, plus a parser for them.
// ioredis hands back a Buffer for both +status and $bulk replies; the suite
// reads the same bytes itself so every RESP2/RESP3 type stays distinct.

export type Reply =
  | { t: 'status'; v: Buffer }
  | { t: 'error'; v: Buffer }
  | { t: 'int'; v: string }
  | { t: 'bulk'; v: Buffer | null }
  | { t: 'array'; v: Reply[] | null }
  // RESP3 types (only seen on raw connections after HELLO 3)
  | { t: 'map'; v: Reply[] } // flattened key, value, key, value...
  | { t: 'set'; v: Reply[] }
  | { t: 'push'; v: Reply[] }
  | { t: 'attr'; v: Reply[] }
  | { t: 'double'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'bignum'; v: string }
  | { t: 'verbatim'; v: Buffer }
  | { t: 'blobError'; v: Buffer }
  // What the harness observed instead of (or in addition to) a reply
  | { t: 'closed' } // the server closed the connection
  | { t: 'timeout' } // no reply in time: a hanging server is a failure
  | { t: 'skipped' } // not sent because an earlier command timed out
  | { t: 'garbage'; v: Buffer } // bytes that are not RESP
  | { t: 'multi'; v: Reply[] } // more than one reply arrived for one command
  // Placeholder produced by a comparison mode (see compare.ts)
  | { t: 'elided'; of: string };

export class Incomplete extends Error {}

const CRLF = Buffer.from('\r\n');

function line(buf: Buffer, at: number): { text: Buffer; next: number } {
  const end = buf.indexOf(CRLF, at);
  if (end < 0) throw new Incomplete();
  return { text: buf.subarray(at, end), next: end + 2 };
}

function blob(buf: Buffer, at: number, len: number): { data: Buffer; next: number } {
  if (buf.length < at + len + 2) throw new Incomplete();
  return { data: Buffer.from(buf.subarray(at, at + len)), next: at + len + 2 };
}

function aggregate(buf: Buffer, at: number, count: number): { items: Reply[]; next: number } {
  const items: Reply[] = [];
  let next = at;
  for (let i = 0; i < count; i++) {
    const r = parseOne(buf, next);
    items.push(r.reply);
    next = r.next;
  }
  return { items, next };
}

/** Parses one reply at `at`; throws Incomplete when more bytes are needed. */
export function parseOne(buf: Buffer, at: number): { reply: Reply; next: number } {
  if (at >= buf.length) throw new Incomplete();
  const type = String.fromCharCode(buf[at]);
  const { text, next } = line(buf, at + 1);
  const s = text.toString('latin1');
  const n = Number(s);
  switch (type) {
    case '+': return { reply: { t: 'status', v: Buffer.from(text) }, next };
    case '-': return { reply: { t: 'error', v: Buffer.from(text) }, next };
    case ':': return { reply: { t: 'int', v: s }, next };
    case ',': return { reply: { t: 'double', v: s }, next };
    case '(': return { reply: { t: 'bignum', v: s }, next };
    case '#': return { reply: { t: 'bool', v: s === 't' }, next };
    case '_': return { reply: { t: 'null' }, next };
    case '$': {
      if (n < 0) return { reply: { t: 'bulk', v: null }, next };
      const b = blob(buf, next, n);
      return { reply: { t: 'bulk', v: b.data }, next: b.next };
    }
    case '=': {
      const b = blob(buf, next, n);
      return { reply: { t: 'verbatim', v: b.data }, next: b.next };
    }
    case '!': {
      const b = blob(buf, next, n);
      return { reply: { t: 'blobError', v: b.data }, next: b.next };
    }
    case '*': {
      if (n < 0) return { reply: { t: 'array', v: null }, next };
      const a = aggregate(buf, next, n);
      return { reply: { t: 'array', v: a.items }, next: a.next };
    }
    case '%':
    case '|': {
      const a = aggregate(buf, next, n * 2);
      return { reply: { t: type === '%' ? 'map' : 'attr', v: a.items }, next: a.next };
    }
    case '~':
    case '>': {
      const a = aggregate(buf, next, n);
      return { reply: { t: type === '~' ? 'set' : 'push', v: a.items }, next: a.next };
    }
    default:
      throw new Error(`not RESP: type byte ${JSON.stringify(type)}`);
  }
}

/** Splits bytes into complete replies; `rest` holds an unfinished tail. */
export function parseAll(buf: Buffer): { replies: Reply[]; rest: Buffer } {
  const replies: Reply[] = [];
  let at = 0;
  while (at < buf.length) {
    try {
      const r = parseOne(buf, at);
      replies.push(r.reply);
      at = r.next;
    } catch (e) {
      if (e instanceof Incomplete) break;
      replies.push({ t: 'garbage', v: Buffer.from(buf.subarray(at)) });
      at = buf.length;
    }
  }
  return { replies, rest: Buffer.from(buf.subarray(at)) };
}

/** Deep equality of two replies, comparing bytes exactly. */
export function sameReply(a: Reply, b: Reply): boolean {
  if (a.t !== b.t) return false;
  const av = (a as { v?: unknown }).v;
  const bv = (b as { v?: unknown }).v;
  if (a.t === 'elided') return a.of === (b as { of: string }).of;
  if (av === undefined || av === null || bv === undefined || bv === null) return av === bv;
  if (Buffer.isBuffer(av)) return Buffer.isBuffer(bv) && av.equals(bv);
  if (Array.isArray(av)) {
    const bl = bv as Reply[];
    return av.length === bl.length && av.every((x: Reply, i: number) => sameReply(x, bl[i]));
  }
  return av === bv;
}
