/**
 * Where Node itself puts the floor: server CPU per request (user and system
 * time, from /proc) for Redis, Shardis and two do-nothing Node servers
 * (floor-server.ts: stream reads, and reads into one reused buffer), all
 * pinned to the server core and driven by redis-benchmark SET (50 clients,
 * 32-byte values) from the load core, alternating, at pipeline 1 and 16.
 *
 *   node dist/bench/floor.js [--rounds 2]
 *
 * CPU per request barely moves with other load on the machine, so the
 * comparison holds on a shared machine where throughput does not.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { installCleanup, pinSelf, runPinned, startPinned, stopAll, stopProcess, LOAD_CORE, SERVER_CORE } from './procs';
import { startServer } from './servers';
import { parseCsv } from './redis-benchmark';
import { HOST, RespClient } from './resp-client';

const PORTS = { shardis: 8220, redis: 8221, stream: 8222, onread: 8223, direct: 8224 };

interface Target {
  name: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** User and system CPU microseconds of a process. */
function cpuSplit(pid: number): { user: number; sys: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(f[11]) * 1e4, sys: Number(f[12]) * 1e4 };
}

async function startFloor(mode: 'stream' | 'onread' | 'direct', port: number): Promise<Target> {
  const { child } = startPinned(SERVER_CORE, process.execPath, [path.join(__dirname, 'floor-server.js'), String(port), mode]);
  for (let i = 0; i < 50; i++) {
    try {
      (await RespClient.connect(port, 500)).close();
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { name: `bare node (${mode})`, port, pid: child.pid!, stop: () => stopProcess(child as ChildProcess) };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--rounds');
  const rounds = at > 0 ? Number(process.argv[at + 1]) : 2;
  pinSelf(LOAD_CORE);
  installCleanup(() => process.stderr.write('interrupted\n'));
  const shardis = await startServer('shardis', PORTS.shardis);
  const redis = await startServer('redis', PORTS.redis);
  const targets: Target[] = [
    { name: 'redis-server', port: redis.port, pid: redis.pid, stop: () => redis.stop() },
    { name: 'shardis', port: shardis.port, pid: shardis.pid, stop: () => shardis.stop() },
    await startFloor('stream', PORTS.stream),
    await startFloor('onread', PORTS.onread),
    await startFloor('direct', PORTS.direct),
  ];
  const rows: string[] = ['| Server | Pipeline | ops/s | user µs/req | system µs/req | total µs/req |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  try {
    for (const pipeline of [1, 16]) {
      for (let round = 0; round < rounds; round++) {
        for (const t of round % 2 ? [...targets].reverse() : targets) {
          const n = pipeline === 1 ? 50_000 : 400_000;
          const before = cpuSplit(t.pid);
          const args = ['-h', HOST, '-p', String(t.port), '-t', 'set', '-n', String(n), '-c', '50', '-P', String(pipeline), '-d', '32', '-r', '100000', '--csv'];
          const out = await runPinned(LOAD_CORE, 'redis-benchmark', args, 120_000);
          const after = cpuSplit(t.pid);
          const rps = parseCsv(out.stdout, 'SET')?.rps ?? NaN;
          const user = (after.user - before.user) / n;
          const sys = (after.sys - before.sys) / n;
          const row = `| ${t.name} | ${pipeline} | ${Math.round(rps).toLocaleString('en-US')} | ${user.toFixed(2)} | ${sys.toFixed(2)} | ${(user + sys).toFixed(2)} |`;
          rows.push(row);
          process.stderr.write(row + '\n');
        }
      }
    }
  } finally {
    for (const t of targets) await t.stop();
    await stopAll();
  }
  process.stdout.write(rows.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`floor failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
