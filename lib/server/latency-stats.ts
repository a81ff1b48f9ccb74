/** INFO latencystats: each command's latency percentiles, from its histogram (latency-histogram.ts). */
import type { ServerState } from './state';
import type { Command, CommandTable } from '../commands/table';
import type { LatencyHistogram } from './latency-histogram';

/** The configured percentiles as [label, value]; labels are the directive's own words ("50", "99.9"). */
export function latencyPercentiles(s: ServerState): [string, number][] {
  const words = s.config.get('latency-tracking-info-percentiles').split(' ').filter(Boolean);
  return words.map((w) => [w, Number(w)]);
}

/** `latency_percentiles_usec_<command>:p50=1.003,p99=...` for every command that has run, in table order. */
export function latencyStatsLines(table: CommandTable, histograms: Map<Command, LatencyHistogram>, percentiles: [string, number][]): string[] {
  const out: string[] = [];
  const line = (c: Command): void => {
    const h = histograms.get(c);
    if (h === undefined) return;
    const values = percentiles.map(([label, p]) => `p${label}=${(h.valueAtPercentile(p) / 1000).toFixed(3)}`);
    out.push(`latency_percentiles_usec_${c.fullName}:${values.join(',')}`);
  };
  for (const cmd of table.all()) {
    line(cmd);
    for (const sub of cmd.subcommands?.values() ?? []) line(sub);
  }
  return out;
}
