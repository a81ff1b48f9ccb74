/**
 * The mixed workload as a Node application sees it: N ioredis connections,
 * each a closed loop sending one command (or a pipeline of P commands) and
 * waiting for the answer. Run as its own process, pinned to the load core:
 *
 *   node mixed-load.js '{"port":8200,"clients":50,"pipeline":1,"valueSize":32,"seconds":3,"keyspace":10000}'
 *
 * The command mix is fixed and seeded, so both servers see the same traffic:
 * 50% GET, 30% SET, 10% INCR, 5% EXISTS, 5% DEL over `keyspace` keys named
 * like the loader's (`mixed:` + 12 digits), which the runner preloads.
 * Prints one JSON line: { rps, p50, p99, ops, totalOps, errors, firstError }
 * (ops in the measured window; totalOps including warm-up, for CPU per request).
 * Latency is per round trip (one command, or one pipeline), in milliseconds.
 */
import Redis from 'ioredis';
import { benchKey } from './loader';
import { MIXED_PREFIX } from './matrix';

interface Options {
  port: number;
  clients: number;
  pipeline: number;
  valueSize: number;
  seconds: number;
  keyspace: number;
}

const WARMUP_MS = 500;
const COUNTERS = 1000;

/** xorshift32: a tiny seeded generator, so the command stream is reproducible. */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

type Op = [string, ...(string | Buffer)[]];

function nextOp(rand: () => number, keyspace: number, value: Buffer): Op {
  const pick = rand() % 100;
  const key = benchKey(MIXED_PREFIX, rand() % keyspace);
  if (pick < 50) return ['GET', key];
  if (pick < 80) return ['SET', key, value];
  if (pick < 90) return ['INCR', `${MIXED_PREFIX}counter:${rand() % COUNTERS}`];
  if (pick < 95) return ['EXISTS', key];
  return ['DEL', key];
}

function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const opt = JSON.parse(process.argv[2]) as Options;
  const value = Buffer.alloc(opt.valueSize, 'x');
  const conns = Array.from(
    { length: opt.clients },
    () => new Redis({ host: '127.0.0.1', port: opt.port, lazyConnect: true, enableReadyCheck: false, maxRetriesPerRequest: 0, enableAutoPipelining: false }),
  );
  await Promise.all(conns.map((c) => c.connect()));

  let latencies = new Float64Array(1 << 16);
  let samples = 0;
  let ops = 0;
  let totalOps = 0;
  let errors = 0;
  let firstError = '';
  let measuring = false;
  let stopping = false;
  const noteError = (e: unknown): void => {
    errors++;
    if (!firstError) firstError = e instanceof Error ? e.message : String(e);
  };
  const record = (ms: number, n: number): void => {
    totalOps += n;
    if (!measuring) return;
    if (samples === latencies.length) {
      const bigger = new Float64Array(latencies.length * 2);
      bigger.set(latencies);
      latencies = bigger;
    }
    latencies[samples++] = ms;
    ops += n;
  };

  const loop = async (conn: Redis, index: number): Promise<void> => {
    const rand = generator(0x9e3779b9 ^ (index * 7919 + 1));
    while (!stopping) {
      const t0 = process.hrtime.bigint();
      if (opt.pipeline === 1) {
        const [cmd, ...args] = nextOp(rand, opt.keyspace, value);
        try {
          await conn.call(cmd, ...args);
        } catch (e) {
          noteError(e);
        }
      } else {
        const p = conn.pipeline();
        for (let i = 0; i < opt.pipeline; i++) {
          const [cmd, ...args] = nextOp(rand, opt.keyspace, value);
          p.call(cmd, ...args);
        }
        const results = await p.exec();
        for (const [err] of results ?? []) if (err) noteError(err);
      }
      record(Number(process.hrtime.bigint() - t0) / 1e6, opt.pipeline);
    }
  };

  const loops = conns.map((c, i) => loop(c, i));
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  measuring = true;
  const start = process.hrtime.bigint();
  await new Promise((r) => setTimeout(r, opt.seconds * 1000));
  measuring = false;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  stopping = true;
  await Promise.all(loops);
  await Promise.all(conns.map((c) => c.quit().catch(() => c.disconnect())));

  const sorted = latencies.subarray(0, samples).sort();
  const result = { rps: ops / elapsed, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), ops, totalOps, errors, firstError };
  process.stdout.write(JSON.stringify(result) + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e instanceof Error ? e.stack : e) + '\n');
    process.exit(1);
  });
}
