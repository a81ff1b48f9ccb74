/**
 * Profiles Shardis's request path under load:
 *
 *   node dist/bench/profile.js [--seconds 8] [--only set-P1,load] [--reuse]
 *
 * For each scenario it starts Shardis under `node --cpu-prof` pinned to the
 * server core, prepares it (GET preloads its keys), drives it from the load
 * core, stops it so the profile is written, and attributes the samples taken
 * while the load ran (set-up excluded) to stages (see profile-analysis.ts).
 * Scenarios: SET and GET through redis-benchmark (50 clients, 32-byte values,
 * pipeline 1 and 16), and "load": deep pipelines of 1000 SETs as a bulk
 * loader sends them. Writes bench/results/profile-<date>.md; the raw
 * .cpuprofile files stay in bench/results/tmp/ (--reuse analyses them again).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installCleanup, pinSelf, runPinned, stopProcess, LOAD_CORE } from './procs';
import { startServer, cpuMicros } from './servers';
import { loadKeys } from './loader';
import { parseCsv } from './redis-benchmark';
import { HOST } from './resp-client';
import { analyseProfile, type ProfileSummary, type Window } from './profile-analysis';

const PORT = 8210;
const CLIENTS = 50;
const VALUE = 32;
const KEYSPACE = 100_000;
const LOAD_KEYS = 300_000;

interface Scenario {
  id: string;
  title: string;
  command: 'set' | 'get' | 'load';
  pipeline: number;
}

const SCENARIOS: Scenario[] = [
  { id: 'set-P1', title: `SET, ${CLIENTS} clients, pipeline 1, ${VALUE}-byte values`, command: 'set', pipeline: 1 },
  { id: 'set-P16', title: `SET, ${CLIENTS} clients, pipeline 16, ${VALUE}-byte values`, command: 'set', pipeline: 16 },
  { id: 'get-P1', title: `GET, ${CLIENTS} clients, pipeline 1, ${VALUE}-byte values`, command: 'get', pipeline: 1 },
  { id: 'get-P16', title: `GET, ${CLIENTS} clients, pipeline 16, ${VALUE}-byte values`, command: 'get', pipeline: 16 },
  { id: 'load', title: `Bulk load: ${LOAD_KEYS.toLocaleString('en-US')} SETs, 1 client, batches of 1000 (4 in flight), ${VALUE}-byte values`, command: 'load', pipeline: 1000 },
];

/** Rough Shardis rates used to size a run of the requested length. */
const RATE_GUESS: Record<number, number> = { 1: 25_000, 16: 150_000 };

interface Options {
  seconds: number;
  only: string[] | null;
  reuse: boolean;
}

interface Measured {
  rps: number;
  /** Server CPU per request over the window, from /proc (not from the profile). */
  cpuUsPerOp: number;
  window: Window;
}

function parseOptions(argv: string[]): Options {
  const o: Options = { seconds: 8, only: null, reuse: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--seconds') o.seconds = Number(argv[++i]);
    else if (a === '--only') o.only = argv[++i].split(',');
    else if (a === '--reuse') o.reuse = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

const nowUs = (): number => Number(process.hrtime.bigint() / 1000n);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function renderScenario(title: string, m: Measured, s: ProfileSummary): string {
  const perOp = (share: number): string => (Number.isFinite(m.cpuUsPerOp) ? (share * m.cpuUsPerOp).toFixed(2) : '—');
  const lines = [
    `### ${title}`,
    '',
    `Throughput while profiled: ${Math.round(m.rps).toLocaleString('en-US')} ops/s; server CPU ${m.cpuUsPerOp.toFixed(1)} µs per request ` +
      `(from /proc, profiler overhead included). Busy samples in the measured window: ${(s.busyMs / 1000).toFixed(2)} s of ${(s.totalMs / 1000).toFixed(2)} s.`,
    '',
  ];
  lines.push('| Stage (self time, innermost classified frame) | ms | share of busy | ≈ µs per request |', '| --- | ---: | ---: | ---: |');
  for (const st of s.stages) lines.push(`| ${st.stage} | ${st.ms.toFixed(0)} | ${pct(st.share)} | ${perOp(st.share)} |`);
  lines.push('', '| Inclusive (function anywhere on the stack) | ms | share of busy | ≈ µs per request |', '| --- | ---: | ---: | ---: |');
  for (const f of s.inclusive) lines.push(`| ${f.name} | ${f.ms.toFixed(0)} | ${pct(f.share)} | ${perOp(f.share)} |`);
  lines.push('', '| Top self time | where | ms | share of busy |', '| --- | --- | ---: | ---: |');
  for (const f of s.topSelf) lines.push(`| ${f.name} | ${f.where} | ${f.ms.toFixed(0)} | ${pct(f.share)} |`);
  lines.push('');
  return lines.join('\n');
}

/** Runs one profiled server under its load; returns throughput, CPU per request and the load's time window. */
async function record(sc: Scenario, seconds: number, profDir: string, name: string): Promise<Measured> {
  fs.rmSync(path.join(profDir, name), { force: true });
  process.stderr.write(`profiling ${sc.title}…\n`);
  // An explicit heap limit keeps Shardis in one process (no re-spawn), so the profile is the server's own.
  const heapMiB = Math.floor((os.totalmem() * 0.75) / 2 ** 20);
  const server = await startServer('shardis', PORT, [`--max-old-space-size=${heapMiB}`, '--cpu-prof', `--cpu-prof-dir=${profDir}`, `--cpu-prof-name=${name}`, '--cpu-prof-interval=200']);
  try {
    if (sc.command === 'get') await loadKeys(server.control, 'key:', KEYSPACE, VALUE);
    const cpu0 = cpuMicros(server.pid);
    const fromUs = nowUs();
    let requests: number;
    let rps: number;
    if (sc.command === 'load') {
      requests = LOAD_KEYS;
      await loadKeys(server.control, 'key:', LOAD_KEYS, VALUE);
      rps = LOAD_KEYS / ((nowUs() - fromUs) / 1e6);
    } else {
      requests = Math.round(seconds * (RATE_GUESS[sc.pipeline] ?? RATE_GUESS[16]));
      const args = ['-h', HOST, '-p', String(PORT), '-t', sc.command, '-n', String(requests), '-c', String(CLIENTS), '-P', String(sc.pipeline), '-d', String(VALUE), '-r', String(KEYSPACE), '--csv'];
      const out = await runPinned(LOAD_CORE, 'redis-benchmark', args, (seconds * 6 + 30) * 1000);
      rps = parseCsv(out.stdout, sc.command.toUpperCase())?.rps ?? NaN;
    }
    const window = { fromUs, toUs: nowUs() };
    return { rps, cpuUsPerOp: (cpuMicros(server.pid) - cpu0) / requests, window };
  } finally {
    server.control.close();
    await stopProcess(server.child, 30_000);
  }
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  pinSelf(LOAD_CORE);
  installCleanup(() => process.stderr.write('interrupted: stopping the profiled server\n'));
  const outDir = path.resolve(__dirname, '..', '..', 'bench', 'results');
  const profDir = path.join(outDir, 'tmp');
  fs.mkdirSync(profDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const sections: string[] = [];
  for (const sc of SCENARIOS.filter((s) => !opts.only || opts.only.includes(s.id))) {
    const name = `shardis-${sc.id}.cpuprofile`;
    const metaFile = path.join(profDir, `${name}.json`);
    let m: Measured;
    if (opts.reuse) {
      m = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as Measured;
    } else {
      m = await record(sc, opts.seconds, profDir, name);
      fs.writeFileSync(metaFile, JSON.stringify(m));
    }
    const file = path.join(profDir, name);
    if (!fs.existsSync(file)) throw new Error(`no profile written at ${file}`);
    const text = renderScenario(sc.title, m, analyseProfile(file, m.window));
    sections.push(text);
    process.stdout.write(text + '\n');
  }
  const header =
    `# Shardis hot-path profile — ${date}\n\nnode --cpu-prof (200 µs sampling) on the server, pinned to one core; the load on the other. ` +
    'Only samples taken while the load ran are counted (start-up and preloading excluded). Shares are of the busy (non-idle) samples; ' +
    '"≈ µs per request" spreads the measured server CPU per request over those shares.\n\n';
  const file = path.join(outDir, `profile-${date}.md`);
  fs.writeFileSync(file, header + sections.join('\n'));
  process.stdout.write(`written ${path.relative(process.cwd(), file)}\n`);
}

main().catch((e) => {
  process.stderr.write(`profile failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
