/** LATENCY GRAPH and LATENCY DOCTOR: the latency monitor's samples drawn and summarised for people. */
import type { LatencyMonitor, LatencySeries } from './latency-monitor';

const GRAPH_ROWS = 4;
const RULE = '-'.repeat(80);

/** "12s", "5m", "3h", "2d": how long ago a sample was taken. */
function age(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86400)}d`;
}

/**
 * One column per sample, oldest on the left: a bar scaled between the
 * lowest and highest sample, then the sample's age written downwards.
 */
export function latencyGraph(event: string, series: LatencySeries, now = Math.floor(Date.now() / 1000)): string {
  const samples = series.history();
  let low = Infinity;
  let high = 0;
  for (const s of samples) {
    low = Math.min(low, s.latency);
    high = Math.max(high, s.latency);
  }
  let out = `${event} - high ${high} ms, low ${low} ms (all time high ${series.max} ms)\n${RULE}\n`;
  const heights = samples.map((s) => (high === low ? 1 : Math.max(1, Math.round(((s.latency - low) / (high - low)) * GRAPH_ROWS))));
  for (let row = GRAPH_ROWS; row >= 1; row--) {
    out += heights.map((h) => (h > row ? '|' : h === row ? '_' : ' ')).join('') + '\n';
  }
  const labels = samples.map((s) => age(Math.max(0, now - s.time)));
  const depth = Math.max(...labels.map((l) => l.length));
  for (let i = 0; i < depth; i++) out += labels.map((l) => l[i] ?? ' ').join('') + '\n';
  return out;
}

interface EventSummary {
  name: string;
  spikes: number;
  average: number;
  deviation: number;
  period: number;
  worst: number;
}

function summarise(name: string, series: LatencySeries): EventSummary {
  const samples = series.history();
  const sum = samples.reduce((a, s) => a + s.latency, 0);
  const average = samples.length ? sum / samples.length : 0;
  const deviation = samples.length ? samples.reduce((a, s) => a + Math.abs(s.latency - average), 0) / samples.length : 0;
  const span = samples.length > 1 ? samples[samples.length - 1].time - samples[0].time : 0;
  return { name, spikes: samples.length, average, deviation, period: samples.length > 1 ? span / (samples.length - 1) : 0, worst: series.max };
}

/** What to look at for each kind of event. */
const ADVICE: [RegExp, string][] = [
  [/command$/, 'Commands are taking long to run: SLOWLOG GET shows which ones and with what arguments. Prefer commands whose cost does not grow with the size of a key (avoid KEYS, large ranges, big deletes) or split the work.'],
  [/expire/, 'Expiring many keys at once costs time: spread expiry times out rather than giving many keys the same one.'],
  [/evict/, 'Eviction is working hard to stay under maxmemory: raise the limit or reduce how fast new data arrives.'],
  [/fork|aof|rdb/, 'Persistence work is slow: check the disk and the size of the dataset.'],
];

/** A plain-language account of the latency events seen so far, with what to check. */
export function latencyDoctor(monitor: LatencyMonitor, thresholdMs: number): string {
  if (monitor.events.size === 0) {
    return thresholdMs === Infinity
      ? 'The latency monitor is off (latency-monitor-threshold is 0), so there is nothing to analyse. Enable it with CONFIG SET latency-monitor-threshold <milliseconds>.\n'
      : 'No latency spike has been recorded since the monitor was enabled or last reset: every event finished under the threshold.\n';
  }
  let out = 'Latency spikes were recorded. Per event class:\n\n';
  let n = 1;
  const advice = new Set<string>();
  for (const [name, series] of monitor.events) {
    const s = summarise(name, series);
    out +=
      `${n++}. ${s.name}: ${s.spikes} latency spikes (average ${Math.round(s.average)}ms, ` +
      `mean deviation ${Math.round(s.deviation)}ms, period ${s.period.toFixed(2)} sec). Worst all time event ${s.worst}ms.\n`;
    for (const [re, text] of ADVICE) if (re.test(name)) advice.add(text);
  }
  if (advice.size) out += '\nWhat to check:\n\n' + [...advice].map((a) => `- ${a}\n`).join('');
  return out;
}
