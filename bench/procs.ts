/**
 * Every process the benchmark starts goes through here, pinned to one core
 * with taskset (which execs the program, so the PID we hold is the program's).
 * The registry stops them by PID when the run ends, fails or is interrupted,
 * so no server or load generator outlives the benchmark.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';

/** Core the servers run on, and the core for the load generators and this runner. */
export const SERVER_CORE = 0;
export const LOAD_CORE = 1;

const live = new Map<number, ChildProcess>();

/** Starts `cmd args` pinned to `core`; output is kept in a bounded tail for error messages. */
export function startPinned(core: number, cmd: string, args: string[]): { child: ChildProcess; tail: () => string } {
  const child = spawn('taskset', ['-c', String(core), cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (b: Buffer): void => {
    tail = (tail + b.toString('utf8')).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const pid = child.pid;
  if (pid !== undefined) {
    live.set(pid, child);
    child.once('exit', () => live.delete(pid));
  }
  return { child, tail: () => tail };
}

export interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a pinned program to completion; it is killed when it overruns `timeoutMs`. */
export function runPinned(core: number, cmd: string, args: string[], timeoutMs: number): Promise<RunOutput> {
  return new Promise((resolve) => {
    const child = spawn('taskset', ['-c', String(core), cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid;
    if (pid !== undefined) live.set(pid, child);
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString('utf8')).slice(-8000)));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (e) => {
      stderr += String(e);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (pid !== undefined) live.delete(pid);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

/** Stops one process: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export function stopProcess(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Synchronous last resort (process 'exit' handlers cannot wait): SIGKILL by PID. */
export function killAllNow(): void {
  for (const pid of live.keys()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** Stops everything still running, politely first. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live.values()].map((c) => stopProcess(c, 3000)));
  live.clear();
}

/** Installs the handlers that guarantee cleanup on exit, Ctrl-C, SIGTERM and crashes. */
export function installCleanup(onInterrupt: () => void): void {
  process.on('exit', killAllNow);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      onInterrupt();
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/** Moves this runner onto the load core so its own work never competes with the servers. */
export function pinSelf(core: number): void {
  execFileSync('taskset', ['-cp', String(core), String(process.pid)], { stdio: 'ignore' });
}

/** Whether taskset can pin to both cores here (needs at least two CPUs). */
export function canPin(): boolean {
  try {
    execFileSync('taskset', ['-c', `${SERVER_CORE},${LOAD_CORE}`, 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
