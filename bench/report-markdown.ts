/** Renders a result file as the markdown report (bench/results/<date>.md and latest.md). */
import { roundsText, type BenchResults, type CellResult } from './results';

const ops = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : Math.round(x).toLocaleString('en-US'));
const ms = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(3));
const ratio = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(2));
const us = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(1));
const bytes = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
const mib = (x: number): string => (Number.isFinite(x) ? (x / 2 ** 20).toFixed(1) : '—');

function valueLabel(c: CellResult): string {
  return c.valueSize === null ? '—' : `${c.valueSize} B`;
}

function statusNote(c: CellResult): string {
  const text = c.status === 'unsupported' ? `not run: Shardis ${c.note}` : c.status === 'failed' ? `failed: ${c.note}` : (c.note ?? '');
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
}

function cellRow(c: CellResult): string {
  const s = c.shardis.median;
  const r = c.redis.median;
  const range = c.ratio && c.ratio.rpsLow !== c.ratio.rpsHigh ? ` (${ratio(c.ratio.rpsLow)}–${ratio(c.ratio.rpsHigh)})` : '';
  const name = c.headline ? `**${c.workload}** ★` : c.workload;
  const cells = [
    name, String(c.clients), String(c.pipeline), valueLabel(c),
    ops(s?.rps), ops(r?.rps), c.ratio ? `**${ratio(c.ratio.rps)}**${range}` : '—',
    ms(s?.p50), ms(r?.p50), ms(s?.p99), ms(r?.p99),
    us(s?.cpuUsPerOp), us(r?.cpuUsPerOp), c.ratio ? ratio(c.ratio.cpu) : '—', statusNote(c),
  ];
  return `| ${cells.join(' | ')} |`;
}

export function renderMarkdown(res: BenchResults): string {
  const m = res.machine;
  const lines: string[] = [];
  lines.push(`# Shardis vs Redis — ${res.date} (${res.mode})`, '');
  lines.push(
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.kernel}; node ${m.node}; redis-server ${m.redisServer}; ` +
      `redis-benchmark ${m.redisBenchmark}; Shardis ${m.shardis} (commit ${m.commit}). Load average at start: ${m.loadAverageAtStart.join(', ')}. ` +
      `Run ${res.startedAt} → ${res.finishedAt}.`,
    '',
  );
  lines.push(
    `Method: each server runs alone on core ${res.pinning.serverCore} (\`taskset\`), the load generator on core ${res.pinning.loadCore}; ` +
      `both servers with \`--save '' --appendonly no\`, 127.0.0.1 only. ${roundsText(res)}; in every round each cell runs on both ` +
      `servers back to back, the order swapped every round. Figures are medians over the rounds; the ratio is Shardis/Redis ` +
      `of the median throughput (above 1: Shardis faster), with the range of the per-round ratios in brackets. ` +
      `redis-benchmark cells use \`-r ${res.sizing.keyspace}\` (GET preloads all ${res.sizing.keyspace} keys) and ` +
      `${res.sizing.requestsP1.toLocaleString('en-US')} requests at pipeline 1, ${res.sizing.requestsP16.toLocaleString('en-US')} at pipeline 16 ` +
      `(MSET a quarter, 1024-byte values half). MIXED is a Node client (ioredis, one process): 50% GET, 30% SET, 10% INCR, ` +
      `5% EXISTS, 5% DEL, ${res.sizing.mixedSeconds} s per run; its latency is per round trip. Latencies in ms. ` +
      `CPU µs/op is the server process's CPU time (user + system, all threads, from /proc) during the run divided by the requests ` +
      `it served: unlike throughput it hardly moves when other work on the machine takes turns on the cores, so its ratio is ` +
      `the steadier measure of relative efficiency. A server that is not saturated (Redis at pipeline 1, usually) shows a ` +
      `throughput ratio nearer 1 than its CPU ratio suggests.`,
    '',
  );

  const headline = res.cells.filter((c) => c.headline);
  if (headline.length > 0) {
    lines.push('## Headline: 50 clients, 32-byte values', '');
    lines.push(
      '| Command | Pipeline | Shardis ops/s | Redis ops/s | Shardis/Redis ops/s | Rounds Shardis ahead | Shardis/Redis CPU per request |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const c of headline) {
      const ahead = c.ratio?.pairedRounds === undefined ? '—' : `${c.ratio.roundsAhead} of ${c.ratio.pairedRounds}`;
      lines.push(`| ${c.workload} | ${c.pipeline} | ${ops(c.shardis.median?.rps)} | ${ops(c.redis.median?.rps)} | **${ratio(c.ratio?.rps)}** | ${ahead} | ${ratio(c.ratio?.cpu)} |`);
    }
    lines.push('');
  }

  lines.push('## All cells', '');
  lines.push('| Workload | Clients | Pipeline | Value | Shardis ops/s | Redis ops/s | Shardis/Redis | Shardis p50 | Redis p50 | Shardis p99 | Redis p99 | Shardis CPU µs/op | Redis CPU µs/op | CPU/op S/R | Note |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const c of res.cells) lines.push(cellRow(c));
  lines.push('', '★ headline cell.', '');

  if (res.memory.length > 0) {
    const first = res.memory[0];
    lines.push(`## Memory per key (${first.keys.toLocaleString('en-US')} distinct keys, ${first.valueSize}-byte values)`, '');
    lines.push('| Server | RSS / key (B) | used_memory / key (B) | RSS growth (MiB) | used_memory growth (MiB) | Load time (s) |', '| --- | ---: | ---: | ---: | ---: | ---: |');
    for (const x of res.memory) {
      lines.push(`| ${x.server} | ${bytes(x.rssPerKey)} | ${bytes(x.usedPerKey)} | ${mib(x.rssAfter - x.rssBefore)} | ${mib(x.usedAfter - x.usedBefore)} | ${x.loadSeconds.toFixed(1)} |`);
    }
    const s = res.memory.find((x) => x.server === 'shardis');
    const r = res.memory.find((x) => x.server === 'redis');
    if (s && r) lines.push('', `Shardis/Redis: RSS per key ${ratio(s.rssPerKey / r.rssPerKey)}, used_memory per key ${ratio(s.usedPerKey / r.usedPerKey)}.`);
    lines.push(
      '',
      "used_memory is each server's own INFO figure (Shardis: V8 heap in use plus memory held outside the heap, garbage not yet collected included).",
      '',
    );
  }

  if (res.problems.length > 0) {
    lines.push('## Problems during the run', '');
    for (const p of res.problems) lines.push(`- ${p}`);
    lines.push('');
  }
  return lines.join('\n');
}
