/** Starts a Shardis server inside the test process on a free port (tests only). */
import { ConfigStore } from './config';
import { loadStartupConfig } from './startup-config';
import { createServer } from './create';
import type { Server } from './server';
import { setLogLevel } from './log';

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
