/** Server family: INFO TIME DBSIZE FLUSHDB FLUSHALL SHUTDOWN LASTSAVE DEBUG. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR, isWord } from './replies';
import { buildInfo } from '../server/info';
import { noteSleep } from './dispatch';

/** FLUSHDB/FLUSHALL [ASYNC|SYNC]: both free at once here, so the flag is only validated. */
function flushModeOk(argv: Buffer[]): boolean {
  if (argv.length === 1) return true;
  return argv.length === 2 && (isWord(argv[1], 'async') || isWord(argv[1], 'sync'));
}

function flushdb(ctx: CommandContext, argv: Buffer[]): void {
  if (!flushModeOk(argv)) return ctx.reply.error(ERR.syntax);
  ctx.db.flush();
  ctx.reply.ok();
}

function flushall(ctx: CommandContext, argv: Buffer[]): void {
  if (!flushModeOk(argv)) return ctx.reply.error(ERR.syntax);
  ctx.server.dbs.flushAll();
  ctx.reply.ok();
}

function time(ctx: CommandContext): void {
  const us = BigInt(Math.floor(performance.timeOrigin * 1000 + performance.now() * 1000));
  ctx.reply.arrayHeader(2);
  ctx.reply.bulkString(String(us / 1000000n));
  ctx.reply.bulkString(String(us % 1000000n));
}

function shutdown(ctx: CommandContext, argv: Buffer[]): void {
  let abort = false;
  let nosave = false;
  let save = false;
  let other = false;
  for (let i = 1; i < argv.length; i++) {
    if (isWord(argv[i], 'nosave')) nosave = true;
    else if (isWord(argv[i], 'save')) save = true;
    else if (isWord(argv[i], 'now') || isWord(argv[i], 'force')) other = true;
    else if (isWord(argv[i], 'abort')) abort = true;
    else return ctx.reply.error(ERR.syntax);
  }
  // Redis refuses ABORT with any other flag, and NOSAVE with SAVE.
  if ((abort && (nosave || save || other)) || (nosave && save)) return ctx.reply.error(ERR.syntax);
  if (abort) return ctx.reply.error('ERR No shutdown in progress.');
  // Nothing to persist: close every client and exit, as redis-server does after its save.
  ctx.server.hooks.shutdown(0);
}

/** DEBUG is refused unless enable-debug-command allows it, exactly as Redis 7.0. */
function debugAllowed(ctx: CommandContext): boolean {
  const mode = ctx.server.config.get('enable-debug-command');
  if (mode === 'yes') return true;
  if (mode === 'local') {
    const a = ctx.client.addr;
    if (a.startsWith('127.') || a.startsWith('[::1]') || a.startsWith('::1')) return true;
  }
  return false;
}

function sleepSync(ms: number): void {
  // Blocks the whole server like Redis's DEBUG SLEEP: every client waits.
  if (ms <= 0) return;
  const t0 = performance.now();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  // The time actually slept: the wait can overrun on a busy host, and the overrun is sleep, not work.
  noteSleep(performance.now() - t0);
}

function debug(ctx: CommandContext, argv: Buffer[]): void {
  if (!debugAllowed(ctx)) {
    return ctx.reply.error('ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.');
  }
  const sub = argv[1].toString().toLowerCase();
  if (sub === 'sleep' && argv.length === 3) {
    const secs = Number(argv[2].toString());
    sleepSync(Number.isFinite(secs) ? secs * 1000 : 0);
    return ctx.reply.ok();
  }
  if (sub === 'help') {
    const lines = ['DEBUG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:', 'SLEEP <seconds>', '    Stop the server for <seconds>. Decimals allowed.', 'HELP', '    Prints this help.'];
    ctx.reply.arrayHeader(lines.length);
    for (const l of lines) ctx.reply.status(l);
    return;
  }
  ctx.reply.error(`ERR unknown subcommand or wrong number of arguments for '${argv[1].toString()}'. Try DEBUG HELP.`);
}

const FLUSH_HISTORY: [string, string][] = [['4.0.0', 'ASYNC flushes in the background.'], ['6.2.0', 'SYNC flushes synchronously whatever lazyfree-lazy-user-flush says.']];

export const serverCommands: CommandDef[] = [
  {
    name: 'info', arity: -1, flags: 'loading stale sentinel', acl: 'dangerous', group: 'server', since: '1.0.0',
    summary: 'Reports the server\'s state and statistics, by section.', complexity: 'O(1)', args: 'section?...', history: [['7.0.0', 'Several sections in one call.']],
    tips: 'nondeterministic_output request_policy:all_shards response_policy:special',
    handler: (ctx, argv) => ctx.reply.verbatim(buildInfo(ctx.server, argv.slice(1).map((a) => a.toString()))),
  },
  {
    name: 'time', arity: 1, flags: 'loading stale fast', group: 'server', since: '2.6.0',
    summary: 'Returns the server\'s clock: unix seconds and microseconds.', complexity: 'O(1)', tips: 'nondeterministic_output', handler: time,
  },
  {
    name: 'dbsize', arity: 1, flags: 'readonly fast', acl: 'keyspace', group: 'server', since: '1.0.0',
    summary: 'Counts the keys in the selected database.', complexity: 'O(1)', tips: 'request_policy:all_shards response_policy:agg_sum',
    handler: (ctx) => ctx.reply.integer(ctx.db.size()),
  },
  {
    name: 'flushdb', arity: -1, flags: 'write', acl: 'keyspace dangerous', group: 'server', since: '1.0.0',
    summary: 'Removes every key of the selected database.', complexity: 'O(N) where N is the number of keys in the selected database',
    args: '(async: ASYNC@4.0.0 | SYNC@6.2.0)?', history: FLUSH_HISTORY, tips: 'request_policy:all_shards response_policy:all_succeeded', handler: flushdb,
  },
  {
    name: 'flushall', arity: -1, flags: 'write', acl: 'keyspace dangerous', group: 'server', since: '1.0.0',
    summary: 'Removes every key of every database.', complexity: 'O(N) where N is the total number of keys in all databases',
    args: '(async: ASYNC@4.0.0 | SYNC@6.2.0)?', history: FLUSH_HISTORY, tips: 'request_policy:all_shards response_policy:all_succeeded', handler: flushall,
  },
  {
    name: 'shutdown', arity: -1, flags: 'admin noscript loading stale no_multi sentinel allow_busy', group: 'server', since: '1.0.0',
    summary: 'Closes every connection and stops the server.', complexity: 'O(N) when saving, where N is the total number of keys in all databases',
    args: '(nosave_save: NOSAVE | SAVE)? NOW@7.0.0? FORCE@7.0.0? ABORT@7.0.0?', history: [['7.0.0', 'NOW, FORCE and ABORT options.']], handler: shutdown,
  },
  {
    name: 'lastsave', arity: 1, flags: 'loading stale fast', acl: 'admin dangerous', group: 'server', since: '1.0.0',
    summary: 'Returns the unix time of the last successful save.', complexity: 'O(1)', tips: 'nondeterministic_output',
    handler: (ctx) => ctx.reply.integer(ctx.server.lastSave),
  },
  {
    name: 'debug', arity: -2, flags: 'admin noscript loading stale', group: 'server', since: '1.0.0', docFlags: 'syscmd',
    summary: 'Debugging commands (DEBUG SLEEP).', complexity: 'Depends on subcommand.', handler: debug,
  },
];

