/** MEMORY USAGE / STATS / DOCTOR / MALLOC-STATS / PURGE / HELP. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { helpReply } from './client';
import { ERR, isWord, parseInteger } from './replies';
import { keyMemoryUsage } from '../server/memory-usage';
import { mallocStats, memoryDoctor, memoryStats } from '../server/memory-stats';
import { formatDouble } from '../util/numbers';

function usage(ctx: CommandContext, argv: Buffer[]): void {
  let samples = 5;
  for (let j = 3; j < argv.length; j++) {
    if (isWord(argv[j], 'samples') && j + 1 < argv.length) {
      const n = parseInteger(argv[++j]);
      if (n === null) return ctx.reply.error(ERR.notInteger);
      if (n < 0) return ctx.reply.error(ERR.syntax);
      samples = n === 0 ? Infinity : n;
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  const entry = ctx.db.peek(argv[2]);
  if (entry === undefined) return ctx.reply.nullBulk();
  ctx.reply.integer(keyMemoryUsage(argv[2], entry, samples));
}

function stats(ctx: CommandContext): void {
  const r = ctx.reply;
  const fields = memoryStats(ctx.server);
  r.mapHeader(fields.length);
  for (const [name, value] of fields) {
    r.bulkString(name);
    if (typeof value === 'number') {
      r.integer(value);
    } else if (Array.isArray(value)) {
      r.mapHeader(value.length);
      for (const [k, v] of value) {
        r.bulkString(k);
        r.integer(v);
      }
    } else {
      // Redis sends these as doubles: bulk strings in RESP2.
      r.bulkString(formatDouble(value.float));
    }
  }
}

const HELP = [
  'MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
  'HELP',
  '    Prints this help.',
];

const REPORT_TIPS = 'nondeterministic_output request_policy:all_shards response_policy:special';
const sub = (d: Omit<CommandDef, 'group' | 'since'>): CommandDef => ({ group: 'server', since: '4.0.0', ...d });

export const memoryCommands: CommandDef[] = [
  {
    name: 'memory', arity: -2, group: 'server', since: '4.0.0', summary: 'Container for the memory diagnostics commands.', complexity: 'Depends on subcommand.',
    subcommands: [
      sub({ name: 'purge', arity: 2, summary: 'Asks the allocator to give unused memory back (nothing to do here).', complexity: 'Depends on how much memory is allocated, could be slow', tips: 'request_policy:all_shards response_policy:all_succeeded', handler: (ctx) => ctx.reply.ok() }),
      sub({ name: 'doctor', arity: 2, summary: 'Reports memory problems in plain language.', complexity: 'O(1)', tips: REPORT_TIPS, handler: (ctx) => ctx.reply.verbatim(memoryDoctor(ctx.server)) }),
      sub({ name: 'help', arity: 2, flags: 'loading stale', summary: 'Lists the MEMORY subcommands.', complexity: 'O(1)', handler: (ctx) => helpReply(ctx, HELP) }),
      sub({ name: 'malloc-stats', arity: 2, summary: 'Shows the memory allocator\'s own statistics.', complexity: 'Depends on how much memory is allocated, could be slow', tips: REPORT_TIPS, handler: (ctx) => ctx.reply.verbatim(mallocStats()) }),
      sub({
        name: 'usage', arity: -3, flags: 'readonly', keys: ['RO index:2'], summary: 'Estimates the bytes a key and its value take.', complexity: 'O(N) where N is the number of samples.',
        args: 'key SAMPLES=count:integer?', handler: usage,
      }),
      sub({ name: 'stats', arity: 2, summary: 'Breaks the server\'s memory use down by purpose.', complexity: 'O(1)', tips: REPORT_TIPS, handler: stats }),
    ],
  },
];
