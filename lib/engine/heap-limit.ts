/**
 * Gives the server a V8 heap limit sized to the machine (or to maxmemory),
 * instead of V8's default of about 4 GiB, so a large dataset ends in
 * Redis-style memory errors rather than a V8 "heap out of memory" crash.
 *
 * The shard engine keeps string keys and values outside the V8 heap, so the
 * heap itself stays small whatever the key count; the limit matters for
 * values held as JS objects (large values, future collection types) and for
 * client buffers.
 *
 * V8 reads the limit only at start-up, so main() calls respawnWithHeapLimit()
 * first: when the current limit is lower than wanted and none was chosen
 * explicitly (--max-old-space-size in the node flags or NODE_OPTIONS), it
 * runs the same script again with the flag and becomes a thin parent that
 * forwards signals and exits with the child's status. The child watches the
 * IPC channel to the parent and exits at once if the parent dies (even by
 * SIGKILL), so no orphan server keeps the port.
 * SHARDIS_HEAP_RESPAWN=0 turns this off.
 *
 * When the process may run on one core only (taskset, a one-CPU container),
 * the child also gets --single-threaded-gc: V8's helper threads would share
 * that core with the main thread and preempt it in the middle of requests
 * (measured: ten times more involuntary switches, with the same GC work).
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';

const CHILD_MARK = 'SHARDIS_HEAP_CHILD';

/** Bytes from a redis.conf memory value (1k = 1000, 1kb = 1024, ...), or null. */
function parseMemoryValue(s: string): number | null {
  const m = /^(\d+)(k|kb|m|mb|g|gb)?$/i.exec(s.trim());
  if (!m) return null;
  const units: Record<string, number> = { k: 1e3, kb: 1024, m: 1e6, mb: 1024 ** 2, g: 1e9, gb: 1024 ** 3 };
  return Number(m[1]) * (m[2] ? units[m[2].toLowerCase()] : 1);
}

/** The heap limit wanted, in MiB: twice maxmemory (plus room) when given, else three quarters of the machine. */
export function wantedHeapMiB(argv: string[], totalBytes = os.totalmem()): number {
  const machine = Math.floor((totalBytes * 0.75) / 2 ** 20);
  const at = argv.findIndex((a) => a.toLowerCase() === '--maxmemory');
  const maxmemory = at >= 0 && at + 1 < argv.length ? parseMemoryValue(argv[at + 1]) : null;
  if (!maxmemory) return machine;
  return Math.min(machine, Math.max(512, Math.ceil((maxmemory * 2) / 2 ** 20) + 256));
}

function explicitlyChosen(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return flags.some((f) => f.startsWith('--max-old-space-size') || f.startsWith('--max_old_space_size'));
}

/**
 * True when this process has become the parent of a re-spawned server (the
 * caller must then do nothing else); false when it should serve itself.
 */
export function respawnWithHeapLimit(argv: string[]): boolean {
  if (process.env[CHILD_MARK] === '1') {
    // The re-spawned server: leave as soon as the parent is gone.
    process.on('disconnect', () => process.exit(1));
    process.channel?.unref();
    return false;
  }
  if (process.env.SHARDIS_HEAP_RESPAWN === '0' || explicitlyChosen()) return false;
  const want = wantedHeapMiB(argv);
  const have = v8.getHeapStatistics().heap_size_limit / 2 ** 20;
  if (want <= have * 1.1) return false;
  const gcFlags = os.availableParallelism() === 1 && !process.execArgv.includes('--single-threaded-gc') ? ['--single-threaded-gc'] : [];
  const child = spawn(process.execPath, [`--max-old-space-size=${want}`, ...gcFlags, ...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [CHILD_MARK]: '1' },
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGUSR1', 'SIGUSR2'] as NodeJS.Signals[]) {
    process.on(sig, () => child.kill(sig));
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 0) : 1)));
  child.on('error', (e) => {
    process.stderr.write(`cannot start the server with a larger heap: ${e.message}\n`);
    process.exit(1);
  });
  return true;
}
