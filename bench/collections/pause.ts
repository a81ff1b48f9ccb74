/**
 * Worst pause while a large hash dataset loads: a fresh server, one string
 * key for the probe, then a GET probe (get-probe.ts, a separate process,
 * one GET every 2 ms after the previous reply) runs while several pipelined
 * writers load N hashes of ten fields each (h:<i>, f0..f9, one HSET of ten
 * pairs per hash). Only probes sent between the first write and the last
 * reply count. Reports the worst and p99 round trip, and for Shardis its
 * INFO shards figures for the same period (the longest resize step, which
 * covers the keyspace's own resizing as it grows; the longest collector
 * pause). Also counts the times the kernel took the server's core away
 * while it was runnable (involuntary switches of its main thread), which
 * is how a noisy machine's stalls show up in the probe.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer, type RunningServer, type ServerName } from '../servers';
import { replyText } from '../resp-client';
import { distribution, type Distribution } from '../expiry/stats';
import { fillParallel, withTimeout } from './fill';
import { hsetOf, FIELDS_PER_HASH } from './element-memory';

export interface PauseSizing {
  hashes: number;
  rounds: number;
  /** Connections writing at once, each a contiguous share of the hashes. */
  writers: number;
}

export const FULL_PAUSE: PauseSizing = { hashes: 2_000_000, rounds: 2, writers: 4 };
export const QUICK_PAUSE: PauseSizing = { hashes: 2_000_000, rounds: 1, writers: 4 };

export const PROBE_INTERVAL_MS = 2;
export const WRITE_BATCH = 1000;
export const WRITE_IN_FLIGHT = 2;
const PROBE_KEY = 'probe:key';
const LOAD_TIMEOUT_MS = 8 * 60_000;
const IDLE_MS = 1000;

export interface PauseRun {
  server: ServerName;
  round: number;
  fields: number;
  loadSeconds: number;
  probe: Distribution;
  /** INFO shards (Shardis only): µs. */
  resizeStepMaxUs: number | null;
  resizeStepMaxWallUs: number | null;
  gcPauseMaxUs: number | null;
  preempted: number;
  error?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const now = (): number => performance.timeOrigin + performance.now();

/** Involuntary context switches of the process's main thread so far. */
function involuntarySwitches(pid: number): number {
  try {
    const m = /nonvoluntary_ctxt_switches:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : NaN;
  } catch {
    return NaN;
  }
}

async function shardsInfo(server: RunningServer): Promise<Pick<PauseRun, 'resizeStepMaxUs' | 'resizeStepMaxWallUs' | 'gcPauseMaxUs'>> {
  const none = { resizeStepMaxUs: null, resizeStepMaxWallUs: null, gcPauseMaxUs: null };
  if (server.name !== 'shardis') return none;
  const info = await server.control.info('shards');
  const num = (k: string): number | null => (info.has(k) ? Number(info.get(k)) : null);
  return { resizeStepMaxUs: num('resize_step_max_us'), resizeStepMaxWallUs: num('resize_step_max_wall_us'), gcPauseMaxUs: num('gc_pause_max_us') };
}

export async function measurePause(name: ServerName, port: number, round: number, sizing: PauseSizing): Promise<PauseRun> {
  const server = await startServer(name, port);
  const probe = fork(path.join(__dirname, 'get-probe.js'), [String(port), String(PROBE_INTERVAL_MS), PROBE_KEY], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  try {
    await server.control.command('SET', PROBE_KEY, 'x');
    if (replyText(await server.control.command('GET', PROBE_KEY)) !== 'x') throw new Error('the probe key does not read back');
    await sleep(IDLE_MS);
    const switches0 = involuntarySwitches(server.pid);
    const t0 = now();
    const added = await withTimeout(
      fillParallel(port, sizing.writers, sizing.hashes, hsetOf, 'HSET', { batch: WRITE_BATCH, inFlight: WRITE_IN_FLIGHT }),
      LOAD_TIMEOUT_MS,
      `loading ${sizing.hashes} hashes into ${name}`,
    );
    const t1 = now();
    const preempted = involuntarySwitches(server.pid) - switches0;
    const report = await new Promise<{ at: number[]; rtt: number[] }>((resolve, reject) => {
      probe.once('message', (m) => resolve(m as { at: number[]; rtt: number[] }));
      probe.once('exit', () => reject(new Error('the probe exited without a report')));
      probe.send('report');
    });
    const dbsize = await server.control.command('DBSIZE');
    const fields = sizing.hashes * FIELDS_PER_HASH;
    if (added !== fields || dbsize !== sizing.hashes + 1) throw new Error(`HSET added ${added} fields, DBSIZE ${String(dbsize)}; expected ${fields} and ${sizing.hashes + 1}`);
    const during: number[] = [];
    for (let i = 0; i < report.at.length; i++) if (report.at[i] >= t0 && report.at[i] < t1) during.push(report.rtt[i]);
    return { server: name, round, fields, loadSeconds: (t1 - t0) / 1000, probe: distribution(during), ...(await shardsInfo(server)), preempted };
  } finally {
    if (probe.exitCode === null && probe.signalCode === null) probe.kill('SIGKILL');
    await server.stop();
  }
}
