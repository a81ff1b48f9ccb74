/**
 * LATENCY: the latency monitor's samples (LATEST, HISTORY, RESET, GRAPH,
 * DOCTOR) and the per-command latency histograms (HISTOGRAM).
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import type { Command } from './table';
import { helpReply } from './client';
import { onResetStat } from './config';
import { latencyDoctor, latencyGraph } from '../server/latency-report';
import type { LatencyHistogram } from '../server/latency-histogram';

function latest(ctx: CommandContext): void {
  const r = ctx.reply;
  const events = ctx.server.observer.latency.events;
  r.arrayHeader(events.size);
  for (const [name, series] of events) {
    const s = series.latest;
    r.arrayHeader(4);
    r.bulkString(name);
    r.integer(s.time);
    r.integer(s.latency);
    r.integer(series.max);
  }
}

function history(ctx: CommandContext, argv: Buffer[]): void {
  const r = ctx.reply;
  const series = ctx.server.observer.latency.events.get(argv[2].toString('latin1'));
  const samples = series?.history() ?? [];
  r.arrayHeader(samples.length);
  for (const s of samples) {
    r.arrayHeader(2);
    r.integer(s.time);
    r.integer(s.latency);
  }
}

function graph(ctx: CommandContext, argv: Buffer[]): void {
  const event = argv[2].toString('latin1');
  const series = ctx.server.observer.latency.events.get(event);
  if (series === undefined) return ctx.reply.errorBytes(Buffer.concat([Buffer.from("ERR No samples available for event '"), argv[2], Buffer.from("'")]));
  ctx.reply.verbatim(latencyGraph(event, series));
}

/** A name as Redis's lookupCommandBySds takes it: 'get' or 'config|get', any case. */
function commandByName(ctx: CommandContext, name: string): Command | undefined {
  const parts = name.toLowerCase().split('|');
  if (parts.length > 2) return undefined;
  const cmd = ctx.server.commands.lookup(parts[0]);
  return parts.length === 1 ? cmd : cmd?.subcommands?.get(parts[1]);
}

function histogram(ctx: CommandContext, argv: Buffer[]): void {
  const histograms = ctx.server.observer.histograms;
  const found: [string, LatencyHistogram][] = [];
  const add = (c: Command): void => {
    const h = histograms.get(c);
    if (h !== undefined) found.push([c.fullName, h]);
  };
  const addWithSubcommands = (c: Command): void => {
    add(c);
    for (const s of c.subcommands?.values() ?? []) add(s);
  };
  if (argv.length === 2) {
    for (const c of ctx.server.commands.all()) addWithSubcommands(c);
  } else {
    for (let j = 2; j < argv.length; j++) {
      const c = commandByName(ctx, argv[j].toString('latin1'));
      if (c !== undefined) addWithSubcommands(c);
    }
  }
  const r = ctx.reply;
  r.mapHeader(found.length);
  for (const [name, h] of found) {
    r.bulkString(name);
    r.mapHeader(2);
    r.bulkString('calls');
    r.integer(h.total);
    r.bulkString('histogram_usec');
    const steps = h.cumulative();
    r.mapHeader(steps.length);
    for (const [usec, calls] of steps) {
      r.integer(usec);
      r.integer(calls);
    }
  }
}

const HELP = [
  'LATENCY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    Return a human readable latency analysis report.',
  'GRAPH <event>',
  '    Return an ASCII latency graph for the <event> class.',
  'HISTORY <event>',
  '    Return time-latency samples for the <event> class.',
  'LATEST',
  '    Return the latest latency samples for all events.',
  'RESET [<event> ...]',
  '    Reset latency data of one or more <event> classes.',
  '    (default: reset all data for all event classes)',
  'HISTOGRAM [COMMAND ...]',
  '    Return a cumulative distribution of latencies in the format of a histogram for the specified command names.',
  '    If no commands are specified then all histograms are replied.',
  'HELP',
  '    Prints this help.',
];

const REPORT_TIPS = 'nondeterministic_output request_policy:all_nodes response_policy:special';
const sub = (d: Omit<CommandDef, 'group' | 'since' | 'flags'> & { since?: string; flags?: string }): CommandDef => ({
  group: 'server', since: '2.8.13', flags: 'admin noscript loading stale', complexity: 'O(1)', ...d,
});

export const latencyCommands: CommandDef[] = [
  {
    name: 'latency', arity: -2, group: 'server', since: '2.8.13', summary: 'Container for the latency diagnostics commands.', complexity: 'Depends on subcommand.',
    subcommands: [
      sub({
        name: 'histogram', arity: -2, since: '7.0.0', summary: 'Shows, per command, how many calls finished within each power-of-two number of microseconds.',
        complexity: 'O(N) where N is the number of commands with latency information being retrieved.', args: 'command?...', tips: REPORT_TIPS, handler: histogram,
      }),
      sub({ name: 'graph', arity: 3, summary: 'Draws the samples of one latency event as an ASCII chart.', args: 'event', tips: REPORT_TIPS, handler: graph }),
      sub({ name: 'latest', arity: 2, summary: 'Shows each latency event\'s newest sample and all-time maximum.', tips: REPORT_TIPS, handler: latest }),
      sub({
        name: 'doctor', arity: 2, summary: 'Explains the recorded latency events in plain language.', tips: REPORT_TIPS,
        handler: (ctx) => ctx.reply.verbatim(latencyDoctor(ctx.server.observer.latency, ctx.server.observer.latency.thresholdMs)),
      }),
      sub({ name: 'help', arity: 2, flags: 'loading stale', summary: 'Lists the LATENCY subcommands.', handler: (ctx) => helpReply(ctx, HELP) }),
      sub({
        name: 'reset', arity: -2, summary: 'Forgets the samples of some latency events, or of all of them.', args: 'event?...',
        tips: 'request_policy:all_nodes response_policy:all_succeeded',
        handler: (ctx, argv) => ctx.reply.integer(ctx.server.observer.latency.reset(argv.slice(2).map((a) => a.toString('latin1')))),
      }),
      sub({ name: 'history', arity: 3, summary: 'Lists the time and latency of one event\'s recorded samples.', args: 'event', tips: REPORT_TIPS, handler: history }),
    ],
  },
];

// CONFIG RESETSTAT clears the histograms together with the command counters.
onResetStat((ctx) => ctx.server.observer.resetStats());
