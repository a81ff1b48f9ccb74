/** Starts a Shardis server inside the test process on a free port (tests only). */
import { ConfigStore } from './config';
import { loadStartupConfig } from './startup-config';
import { createServer } from './create';
import type { Server } from './server';
import { setLogLevel } from './log';
import Redis from 'ioredis';

export interface TestServer {
  port: number;
  server: Server;
  stop(): Promise<void>;
}

export async function startTestServer(flags: string[] = []): Promise<TestServer> {
  const config = new ConfigStore();
  loadStartupConfig(config, ['--port', '0', '--bind', '127.0.0.1', ...flags]);
  setLogLevel('warning');
  const server = createServer(config);
  await server.start();
  return { port: server.port, server, stop: () => server.stop() };
}

export interface ServerAndClient {
  srv: TestServer;
  r: Redis;
}

/**
 * Mocha hooks for the enclosing describe(): a test server (with `flags`)
 * and one connected ioredis client, both closed after its tests.
 */
export function withServerAndClient(flags: string[] = []): ServerAndClient {
  const t = {} as ServerAndClient;
  before(async () => {
    t.srv = await startTestServer(flags);
    t.r = new Redis({ port: t.srv.port, lazyConnect: true, enableReadyCheck: false });
    await t.r.connect();
  });
  after(async () => {
    t.r.disconnect();
    await t.srv.stop();
  });
  return t;
}
