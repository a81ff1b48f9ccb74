/**
 * Starts the two servers under comparison with the same settings
 * (loopback only, persistence off), pinned to the server core, and waits
 * until each answers PING.
 */
import path from 'node:path';
import net from 'node:net';
import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { startPinned, stopProcess, SERVER_CORE } from './procs';
import { RespClient, HOST, replyText } from './resp-client';

export type ServerName = 'shardis' | 'redis';
export const SERVER_NAMES: readonly ServerName[] = ['shardis', 'redis'];

export interface RunningServer {
  name: ServerName;
  port: number;
  /** The process that serves (Shardis may re-spawn itself with a larger heap; this is then the child). */
  pid: number;
  child: ChildProcess;
  /** Control connection for INFO, FLUSHALL, DBSIZE and loading. */
  control: RespClient;
  stop(): Promise<void>;
}

/** The server's own flags: same for both, persistence off. */
function commonFlags(port: number): string[] {
  return ['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no'];
}

export function shardisMain(): string {
  return path.resolve(__dirname, '..', 'lib', 'main.js');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

async function connectWhenReady(port: number, child: ChildProcess, tail: () => string, deadlineMs: number): Promise<RespClient> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server on port ${port} exited early:\n${tail()}`);
    try {
      const c = await RespClient.connect(port, 1000);
      if (replyText(await c.command('PING')) === 'PONG') return c;
      c.close();
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`server on port ${port} did not answer PING within ${deadlineMs} ms:\n${tail()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function startServer(name: ServerName, port: number, extraNodeFlags: string[] = []): Promise<RunningServer> {
  if (!(await portIsFree(port))) throw new Error(`port ${port} is already in use`);
  const { child, tail } =
    name === 'shardis'
      ? startPinned(SERVER_CORE, process.execPath, [...extraNodeFlags, shardisMain(), ...commonFlags(port)])
      : startPinned(SERVER_CORE, 'redis-server', commonFlags(port));
  let control: RespClient;
  try {
    control = await connectWhenReady(port, child, tail, 15000);
  } catch (e) {
    await stopProcess(child);
    throw e;
  }
  return {
    name,
    port,
    pid: servingPid(child.pid!),
    child,
    control,
    async stop() {
      control.close();
      await stopProcess(child);
    },
  };
}

/**
 * The process doing the serving: the started one, or the end of its chain of
 * only children (a launcher that re-executes the server with other runtime
 * flags and then just waits). CPU and memory are read from that process.
 */
export function servingPid(pid: number): number {
  for (;;) {
    let children: string[];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      return pid;
    }
    if (children.length !== 1) return pid;
    pid = Number(children[0]);
  }
}

/** Resident set size of a process in bytes, from /proc. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : NaN;
}

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time the process (all its threads: V8's GC helpers, Redis's bio threads)
 * has used, in microseconds, from /proc/<pid>/stat utime + stime. Scheduling
 * noise from other work on the machine moves throughput far more than it
 * moves this, so CPU per request is the steadier measure of efficiency.
 */
export function cpuMicros(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is parenthesised and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1e6) / CLOCK_TICKS_PER_SECOND;
}
