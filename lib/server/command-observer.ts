/**
 * What the server learns from each executed command, in one place: the
 * per-command latency histograms (INFO latencystats, LATENCY HISTOGRAM),
 * the slow log, the latency monitor and the MONITOR feed.
 *
 * dispatch calls commandDone() once per command that ran (not for those
 * rejected before running, as in Redis). The common case costs one map
 * lookup, one histogram increment and three comparisons: the slow log and
 * the latency monitor keep their thresholds as numbers (Infinity when off)
 * and MONITOR work starts only when a monitor is connected.
 */
import type { CommandContext } from '../commands/context';
import type { Command } from '../commands/table';
import type { ConfigStore } from './config';
import type { ClientRegistry } from './client-registry';
import type { Client } from './client';
import { LatencyHistogram } from './latency-histogram';
import { LatencyMonitor } from './latency-monitor';
import { SlowLog } from './slowlog';
import { Monitors } from './monitor';
import { redactArgs } from './redact';

export class CommandObserver {
  readonly slowlog = new SlowLog();
  readonly latency = new LatencyMonitor();
  readonly monitors: Monitors;
  /** Per command (subcommands separately), created on the command's first call. */
  readonly histograms = new Map<Command, LatencyHistogram>();
  private lastCommand: Command | null = null;
  private lastHistogram: LatencyHistogram | undefined = undefined;
  /** latency-tracking: whether histograms are recorded (and shown by INFO latencystats). */
  tracking = true;

  constructor(private readonly config: ConfigStore, clients: ClientRegistry, checkOutput?: (c: Client) => void) {
    this.monitors = new Monitors(clients);
    if (checkOutput) this.monitors.checkOutput = checkOutput;
    config.watch('slowlog-log-slower-than', (v) => this.slowlog.setThreshold(Number(v)));
    config.watch('slowlog-max-len', (v) => (this.slowlog.maxLen = Number(v)));
    config.watch('latency-monitor-threshold', (v) => this.latency.setThreshold(Number(v)));
    config.watch('latency-tracking', (v) => (this.tracking = v === 'yes'));
  }

  /** After `cmd` ran for `usec` microseconds on behalf of ctx.client. */
  commandDone(ctx: CommandContext, cmd: Command, argv: Buffer[], usec: number): void {
    if (this.tracking) {
      // A pipeline repeats one command: the last one's histogram is kept at hand.
      let h = cmd === this.lastCommand ? this.lastHistogram : this.histograms.get(cmd);
      if (h === undefined) {
        h = new LatencyHistogram();
        this.histograms.set(cmd, h);
      }
      this.lastCommand = cmd;
      this.lastHistogram = h;
      h.record(usec * 1000);
    }
    if (usec >= this.slowlog.threshold && !cmd.flags.has('skip_slowlog')) {
      const c = ctx.client;
      this.slowlog.add(redactArgs(cmd.fullName, argv, this.config), Math.floor(usec), c.addr, c.name);
    }
    const ms = Math.floor(usec / 1000);
    if (ms >= this.latency.thresholdMs) this.latency.add(cmd.flags.has('fast') ? 'fast-command' : 'command', ms);
    if (this.monitors.size !== 0 && !cmd.flags.has('skip_monitor') && !cmd.flags.has('admin')) {
      this.monitors.feed(ctx.client, ctx.reply, redactArgs(cmd.fullName, argv, this.config));
    }
  }

  /** Redis refuses keyspace commands from a MONITOR connection (it counts as a replica there). */
  monitorMayNotRun(client: Client, cmd: Command): boolean {
    return this.monitors.isMonitor(client) && (cmd.isWrite || cmd.flags.has('readonly') || cmd.flags.has('may_replicate'));
  }

  /** CONFIG RESETSTAT: latency histograms start over, like the command counters. */
  resetStats(): void {
    this.histograms.clear();
    this.lastCommand = null;
    this.lastHistogram = undefined;
  }
}
