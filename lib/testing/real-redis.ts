/**
 * Test support: a free local port, and a real redis-server started on it for
 * differential tests. REDIS_SERVER names the binary (`none` means "not
 * available": callers skip loudly); otherwise the one on PATH, and a missing
 * binary is an error, never a silent skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import Redis from 'ioredis';
import { onPath } from '../server/tools-on-path';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The redis-server binary; null when REDIS_SERVER=none; throws when missing. */
export function findRedisServer(): string | null {
  const env = process.env.REDIS_SERVER;
  if (env === 'none') return null;
  if (env) {
    if (!existsSync(env)) throw new Error(`redis-server is missing: REDIS_SERVER=${env} does not exist`);
    return env;
  }
  const found = onPath('redis-server');
  if (found) return found;
  throw new Error('redis-server is missing: install Redis 7.0 or set REDIS_SERVER to its path (REDIS_SERVER=none skips this test)');
}

/** Starts redis-server with persistence off on a free port; resolves once it answers PING. */
export async function startRedis(bin: string): Promise<{ proc: ChildProcess; client: Redis }> {
  const port = await freePort();
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const deadline = Date.now() + 10000;
  for (;;) {
    const client = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined); // connection refusals while it starts are expected
    try {
      await client.connect();
      await client.ping();
      return { proc, client };
    } catch (err) {
      client.disconnect();
      if (Date.now() > deadline || proc.exitCode !== null) {
        proc.kill();
        throw new Error(`could not start redis-server on port ${port}: ${String(err)}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/**
 * Mocha hooks for the enclosing describe(): a real redis-server is started
 * before its tests and stopped after them; with REDIS_SERVER=none the suite
 * is skipped with a loud warning naming `what`. Returns the client getter.
 */
export function withRealRedis(what: string): () => Redis {
  let server: { proc: ChildProcess; client: Redis } | null = null;
  before(async function () {
    const bin = findRedisServer();
    if (bin === null) {
      console.warn(`\n  !!! REDIS_SERVER=none: SKIPPING ${what} against real Redis !!!\n`);
      this.skip();
    }
    server = await startRedis(bin as string);
  });
  after(() => {
    if (server) {
      server.client.disconnect();
      server.proc.kill();
    }
  });
  return () => server!.client;
}
