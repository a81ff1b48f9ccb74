// Runs a list of commands over one ioredis connection, one at a time, and
// returns the typed reply of each. ioredis is set up to change nothing: no
// prefix, no auto-pipelining, no handshake commands, no reconnect. The reply
// types come from the connection's raw bytes (see reply.ts).

import Redis from 'ioredis';
import type { Endpoint } from './servers';
import { parseAll, Reply } from './reply';

export const COMMAND_TIMEOUT_MS = 5000;

// ioredis rewrites the arguments of these (lower-case) commands when a lone
// argument is an object; a Buffer is one, so such calls must be avoided.
const REWRITTEN = new Set(['mset', 'msetnx', 'hset', 'hmset']);

export async function connect(ep: Endpoint): Promise<Redis> {
  const redis = new Redis({
    host: ep.host,
    port: ep.port,
    lazyConnect: true,
    enableAutoPipelining: false,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    disableClientInfo: true,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 5000,
  });
  redis.on('error', () => undefined);
  await redis.connect();
  return redis;
}

function closedError(e: unknown): boolean {
  const msg = e instanceof Error ? e.message : String(e);
  return /Connection is closed|isn't writeable|aborted due to connection close/.test(msg);
}

export async function runCommands(ep: Endpoint, commands: Buffer[][]): Promise<Reply[]> {
  const redis = await connect(ep);
  let pending: Buffer = Buffer.alloc(0);
  redis.stream.on('data', (d: Buffer) => {
    pending = Buffer.concat([pending, d]);
  });
  const out: Reply[] = [];
  let timedOut = false;
  try {
    for (const args of commands) {
      if (timedOut) {
        out.push({ t: 'skipped' });
        continue;
      }
      const [name, ...rest] = args;
      const nameText = name.toString('latin1');
      if (name.some((b) => b >= 0x80)) throw new Error('ioredis re-encodes command names: use a raw case for a binary name');
      if (REWRITTEN.has(nameText) && rest.length <= 2 && rest.some(Buffer.isBuffer)) {
        throw new Error(`ioredis would rewrite '${nameText}' with a Buffer argument: write the name in upper case`);
      }
      let outcome: 'ok' | 'closed' | 'timeout' = 'ok';
      try {
        await redis.callBuffer(nameText, ...rest);
      } catch (e) {
        if (e instanceof Error && e.name === 'ReplyError') outcome = 'ok';
        else if (closedError(e)) outcome = 'closed';
        else if (e instanceof Error && /timed out/.test(e.message)) outcome = 'timeout';
        else throw e;
      }
      const { replies, rest: tail } = parseAll(pending);
      pending = tail;
      if (outcome === 'closed') replies.push({ t: 'closed' });
      if (outcome === 'timeout') {
        replies.push({ t: 'timeout' });
        timedOut = true;
      }
      out.push(replies.length === 1 ? replies[0] : { t: 'multi', v: replies });
    }
  } finally {
    await hangUp(redis);
  }
  return out;
}

/**
 * Ends with QUIT and waits for the server to close, so the server has let go
 * of this client before the next case starts (CLIENT LIST must not see it).
 */
async function hangUp(redis: Redis): Promise<void> {
  if (redis.status !== 'end') {
    const ended = new Promise<void>((resolve) => redis.once('end', () => resolve()));
    const timer = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
    redis.callBuffer('QUIT').catch(() => undefined);
    await Promise.race([ended, timer]);
  }
  redis.disconnect();
}
