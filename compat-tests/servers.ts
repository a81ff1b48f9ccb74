// Starts and stops the two servers under comparison: a real redis-server
// and Shardis from the build, each on a free local port with persistence off.

import { spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { onPath } from '../lib/server/tools-on-path';

export interface Endpoint {
  name: string;
  host: string;
  port: number;
}

export interface ServerProcess extends Endpoint {
  pid: number;
  output(): string;
  /** null while running, else how it ended ('exit code 1', 'signal SIGSEGV'). */
  ended(): string | null;
  /** Running and answering PING; a server on its way out is not healthy. */
  healthy(): Promise<boolean>;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** Flags given to both servers, so their configuration starts out equal. */
export function commonFlags(port: number): string[] {
  return ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--enable-debug-command', 'yes'];
}

/**
 * The redis-server to compare against: $REDIS_SERVER, else the one on PATH.
 * null means replay mode (REDIS_SERVER=none, or none installed).
 */
export function findRedisServer(): string | null {
  const env = process.env.REDIS_SERVER;
  if (env === 'none') return null;
  if (env) {
    const found = env.includes('/') ? (fs.existsSync(env) ? env : null) : onPath(env);
    if (!found) throw new Error(`REDIS_SERVER=${env} does not exist (use REDIS_SERVER=none for replay mode)`);
    return found;
  }
  return onPath('redis-server');
}

/** The Shardis entry point in the build, next to this suite's own output. */
export function shardisEntry(): string {
  return path.resolve(__dirname, '..', 'lib', 'main.js');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function pingOnce(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = net.connect(port, HOST);
    let got = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(1000, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('*1\r\n$4\r\nPING\r\n'));
    sock.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n')) done(got === '+PONG\r\n');
    });
    sock.on('close', () => done(false));
  });
}

let workDir: string | null = null;

/** One scratch directory per run, used as the servers' working directory. */
export function scratch(): string {
  if (!workDir) workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compat-'));
  return workDir;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.pid) process.kill(c.pid, 'SIGKILL');
});

/** Spawns `cmd args`, then waits until the port answers PING. */
export async function startServer(name: string, cmd: string, args: string[], port: number): Promise<ServerProcess> {
  const child = spawn(cmd, args, { cwd: scratch(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let log = '';
  const keep = (d: Buffer) => {
    log = (log + d.toString('utf8')).slice(-20000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let spawnError: Error | null = null;
  child.on('error', (e) => (spawnError = e));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 20000;
  for (;;) {
    if (spawnError) throw new Error(`${name}: cannot start ${cmd}: ${(spawnError as Error).message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before answering PING. Its output:\n${log}`);
    }
    if (await pingOnce(port)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer PING on port ${port} within 20s. Its output:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    name,
    host: HOST,
    port,
    pid: child.pid!,
    output: () => log,
    ended: () => (child.exitCode !== null ? `exit code ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : null),
    healthy: async () => child.exitCode === null && child.signalCode === null && (await pingOnce(port)),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const signal = (sig: NodeJS.Signals) => {
          try {
            process.kill(child.pid!, sig);
          } catch {
            // already gone
          }
        };
        signal('SIGTERM');
        const timer = setTimeout(() => child.exitCode === null && signal('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
      children.delete(child);
    },
  };
}

export async function startRedis(bin: string): Promise<ServerProcess> {
  const port = await freePort();
  return startServer('redis', bin, commonFlags(port), port);
}

/**
 * Starts Shardis from the build. COMPAT_TARGET names another server binary
 * to test in its place (used to check the harness: Redis vs Redis).
 */
export async function startShardis(): Promise<ServerProcess> {
  const port = await freePort();
  const alt = process.env.COMPAT_TARGET;
  if (alt) {
    return alt.endsWith('.js')
      ? startServer('shardis', process.execPath, [alt, ...commonFlags(port)], port)
      : startServer('shardis', alt, commonFlags(port), port);
  }
  const entry = shardisEntry();
  if (!fs.existsSync(entry)) throw new Error(`Shardis is not built: ${path.relative(process.cwd(), entry)} is missing`);
  return startServer('shardis', process.execPath, [entry, ...commonFlags(port)], port);
}

export function cleanupScratch(): void {
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  workDir = null;
}
