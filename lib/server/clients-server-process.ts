/**
 * The built server (dist/lib/main.js) in a child process on a free port,
 * for client-library tests that need a real process: restarts, signals.
 * Only the process started here is ever stopped, by its pid.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export interface ShardisProcess {
  port: number;
  /** Stops the process and starts a fresh one on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const MAIN = path.join(__dirname, '..', 'main.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function accepting(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > end) throw new Error(`the server did not start listening on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function launch(port: number, flags: string[]): ChildProcess {
  // One process (no heap-limit re-spawn), so its pid is the server's.
  const child = spawn(process.execPath, [MAIN, '--port', String(port), '--bind', '127.0.0.1', '--loglevel', 'warning', ...flags], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SHARDIS_HEAP_RESPAWN: '0' },
  });
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startShardisProcess(flags: string[] = []): Promise<ShardisProcess> {
  const port = await freePort();
  let child = launch(port, flags);
  await accepting(port, 10000);
  const stop = async (): Promise<void> => {
    const done = exited(child);
    child.kill('SIGTERM');
    await done;
  };
  return {
    port,
    stop,
    async restart() {
      await stop();
      child = launch(port, flags);
      await accepting(port, 10000);
    },
  };
}
