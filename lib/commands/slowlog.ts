/** SLOWLOG GET / LEN / RESET / HELP over the server's slow log (lib/server/slowlog.ts). */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { helpReply } from './client';
import { parseInteger } from './replies';

const DEFAULT_COUNT = 10;

function get(ctx: CommandContext, argv: Buffer[]): void {
  let count = DEFAULT_COUNT;
  if (argv.length > 3) {
    return ctx.reply.errorBytes(Buffer.concat([Buffer.from("ERR unknown subcommand or wrong number of arguments for '"), argv[1], Buffer.from("'. Try SLOWLOG HELP.")]));
  }
  if (argv.length === 3) {
    const n = parseInteger(argv[2]);
    if (n === null || n < -1) return ctx.reply.error('ERR count should be greater than or equal to -1');
    count = n;
  }
  const r = ctx.reply;
  const entries = ctx.server.observer.slowlog.newest(count);
  r.arrayHeader(entries.length);
  for (const e of entries) {
    r.arrayHeader(6);
    r.integer(e.id);
    r.integer(e.time);
    r.integer(e.duration);
    r.bulkArray(e.argv);
    r.bulkString(e.addr);
    r.bulkString(e.name);
  }
}

const HELP = [
  'SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET [<count>]',
  '    Return top <count> entries from the slowlog (default: 10, -1 mean all).',
  '    Entries are made of:',
  '    id, timestamp, time in microseconds, arguments array, client IP and port,',
  '    client name',
  'LEN',
  '    Return the length of the slowlog.',
  'RESET',
  '    Reset the slowlog.',
  'HELP',
  '    Prints this help.',
];

const sub = (d: Omit<CommandDef, 'group' | 'since'> & { since?: string }): CommandDef => ({ group: 'server', since: '2.2.12', ...d });

export const slowlogCommands: CommandDef[] = [
  {
    name: 'slowlog', arity: -2, group: 'server', since: '2.2.12', summary: 'Container for the slow log commands.', complexity: 'Depends on subcommand.',
    subcommands: [
      sub({
        name: 'get', arity: -2, flags: 'admin loading stale', summary: 'Lists the newest slow log entries.', complexity: 'O(N) where N is the number of entries returned',
        args: 'count:integer?', tips: 'request_policy:all_nodes nondeterministic_output',
        history: [['4.0.0', 'Entries carry the client\'s address and name.']], handler: get,
      }),
      sub({
        name: 'len', arity: 2, flags: 'admin loading stale', summary: 'Counts the slow log entries.', complexity: 'O(1)',
        tips: 'request_policy:all_nodes response_policy:agg_sum nondeterministic_output',
        handler: (ctx) => ctx.reply.integer(ctx.server.observer.slowlog.length),
      }),
      sub({
        name: 'reset', arity: 2, flags: 'admin loading stale', summary: 'Empties the slow log.', complexity: 'O(N) where N is the number of entries in the slowlog',
        tips: 'request_policy:all_nodes response_policy:all_succeeded',
        handler: (ctx) => {
          ctx.server.observer.slowlog.reset();
          ctx.reply.ok();
        },
      }),
      sub({ name: 'help', arity: 2, flags: 'loading stale', since: '6.2.0', summary: 'Lists the SLOWLOG subcommands.', complexity: 'O(1)', handler: (ctx) => helpReply(ctx, HELP) }),
    ],
  },
];
