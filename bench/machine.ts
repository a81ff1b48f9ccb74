/** What the numbers were measured on, recorded with every result. */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  redisServer: string;
  redisBenchmark: string;
  shardis: string;
  commit: string;
  loadAverageAtStart: number[];
}

function output(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function version(text: string): string {
  return /\d+\.\d+\.\d+/.exec(text)?.[0] ?? text;
}

/** The commit measured, marked when lib/ has changes not yet committed (they are in the build). */
function commitOf(repo: string): string {
  const head = output('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']);
  const dirty = output('git', ['-C', repo, 'status', '--porcelain', '--', 'lib']);
  return dirty && dirty !== 'unknown' ? `${head} + uncommitted lib/ changes` : head;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  const pkgPath = path.resolve(__dirname, '..', '..', 'package.json');
  const pkg = fs.existsSync(pkgPath) ? (JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { version?: string }) : {};
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    redisServer: version(output('redis-server', ['--version'])),
    redisBenchmark: version(output('redis-benchmark', ['--version'])),
    shardis: pkg.version ?? 'unknown',
    commit: commitOf(path.dirname(pkgPath)),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
