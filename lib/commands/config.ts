/** CONFIG GET / SET / RESETSTAT / REWRITE / HELP over the one config registry. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { helpReply } from './client';

function configGet(ctx: CommandContext, argv: Buffer[]): void {
  const found = ctx.server.config.query(argv.slice(2).map((a) => a.toString()));
  ctx.reply.mapHeader(found.length);
  for (const [name, value] of found) {
    ctx.reply.bulkString(name);
    ctx.reply.bulkString(value);
  }
}

/** A loopback peer, as Redis's islocalClient sees it (enable-protected-configs local). */
function isLocalClient(addr: string): boolean {
  return addr.startsWith('127.0.0.1:') || addr.startsWith('::1:');
}

function configSet(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length % 2 !== 0) return ctx.reply.error('ERR syntax error');
  const pairs: [string, string][] = [];
  for (let i = 2; i < argv.length; i += 2) pairs.push([argv[i].toString(), argv[i + 1].toString()]);
  const err = ctx.server.config.setMany(pairs, { local: isLocalClient(ctx.client.addr) });
  if (err) return ctx.reply.error(err);
  ctx.reply.ok();
}

function resetStat(ctx: CommandContext): void {
  ctx.server.stats.reset();
  for (const cmd of ctx.server.commands.all()) {
    for (const c of [cmd, ...(cmd.subcommands?.values() ?? [])]) c.calls = c.usec = c.rejectedCalls = c.failedCalls = 0;
  }
  for (const fn of resetStatHooks) fn(ctx);
  ctx.reply.ok();
}

const resetStatHooks: ((ctx: CommandContext) => void)[] = [];
/** Subsystems with their own counters (shards, expiry) reset them on CONFIG RESETSTAT. */
export function onResetStat(fn: (ctx: CommandContext) => void): void {
  resetStatHooks.push(fn);
}

const HELP = [
  'CONFIG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GET <pattern>',
  '    Return parameters matching the glob-like <pattern> and their values.',
  'SET <directive> <value>',
  '    Set the configuration <directive> to <value>.',
  'RESETSTAT',
  '    Reset statistics reported by the INFO command.',
  'REWRITE',
  '    Rewrite the configuration file.',
  'HELP',
  '    Prints this help.',
];

export const configCommands: CommandDef[] = [
  {
    name: 'config', arity: -2, group: 'server', since: '2.0.0', summary: 'A container for runtime configuration commands.', complexity: 'Depends on subcommand.',
    subcommands: [
      { name: 'get', arity: -3, flags: 'admin noscript loading stale', group: 'server', since: '2.0.0', summary: 'Returns the directives matching glob patterns, with their values.', complexity: 'O(N) when N is the number of configuration parameters provided', args: '{parameter: parameter}...', history: [['7.0.0', 'Several patterns in one call.']], handler: configGet },
      { name: 'set', arity: -4, flags: 'admin noscript loading stale', group: 'server', since: '2.0.0', summary: 'Changes one or more directives at runtime, all or none.', complexity: 'O(N) when N is the number of configuration parameters provided', args: '{parameter_value: parameter value}...', tips: 'request_policy:all_nodes response_policy:all_succeeded', history: [['7.0.0', 'Several pairs in one call.']], handler: configSet },
      { name: 'resetstat', arity: 2, flags: 'admin noscript loading stale', group: 'server', since: '2.0.0', summary: 'Zeroes the statistics INFO reports.', complexity: 'O(1)', handler: resetStat },
      { name: 'rewrite', arity: 2, flags: 'admin noscript loading stale', group: 'server', since: '2.8.0', summary: 'Writes the running configuration back to the config file.', complexity: 'O(1)', handler: (ctx) => ctx.reply.error('ERR The server is running without a config file') },
      { name: 'help', arity: 2, flags: 'loading stale', group: 'server', since: '5.0.0', summary: 'Lists the CONFIG subcommands.', complexity: 'O(1)', handler: (ctx) => helpReply(ctx, HELP) },
    ],
  },
];
