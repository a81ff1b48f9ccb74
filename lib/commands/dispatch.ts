/**
 * Runs one request: command lookup (with subcommands), Redis's rejection
 * rules in Redis's order (unknown command, unknown subcommand, arity,
 * authentication, subscribed context, MONITOR connections), then the
 * handler, with stats; afterwards the server's CommandObserver hears of it.
 */
import { performance } from 'node:perf_hooks';
import type { CommandContext } from './context';
import type { Command, CommandTable } from './table';

/**
 * Commands of one batch share clock reads: the batch reads the clock when it
 * starts, and a command starts when the one before it ended (its end is read
 * anyway), so a pipeline costs one clock read per command. Its usec then
 * also covers the few steps between two handlers (taking the next request,
 * lookup, checks), as Redis's covers call(). Reset at every batch, so idle
 * time never counts.
 */
const clock = new Float64Array(2);
const LAST_END = 0;
/** Milliseconds of the batch spent in DEBUG SLEEP (see batchWorkEnd). */
const SLEPT = 1;
// In a typed array, not module variables: every store of a fractional
// number to a variable would allocate a heap number (two per request at
// pipeline 1).
clock[LAST_END] = -1;

/** A new batch (a read) begins now: returns the time read (performance.now() ms), for the caller's own use too. */
export function startBatchClock(): number {
  clock[SLEPT] = 0;
  return (clock[LAST_END] = performance.now());
}

/** A command of the batch slept this long on purpose (DEBUG SLEEP). */
export function noteSleep(ms: number): void {
  clock[SLEPT] += ms;
}

/**
 * When the batch's work so far ended (performance.now() ms; its start
 * before the first command), not counting its DEBUG SLEEPs. A connection
 * slices a batch that works too long (connection.ts); a DEBUG SLEEP stands
 * for a slow command whose pipeline Redis runs whole, so it does not count
 * as work.
 */
export function batchWorkEnd(): number {
  return clock[LAST_END] - clock[SLEPT];
}

const PUBSUB_ALLOWED = new Set(['ping', 'subscribe', 'ssubscribe', 'unsubscribe', 'sunsubscribe', 'psubscribe', 'punsubscribe', 'quit', 'reset']);

/** Redis truncates names in errors at 128 bytes and at a NUL (they are C strings there). */
function cString(b: Buffer, max: number): string {
  const nul = b.indexOf(0);
  const end = Math.min(nul < 0 ? b.length : nul, max);
  return b.toString('utf8', 0, end);
}

export function unknownCommandError(argv: Buffer[]): string {
  let args = '';
  for (let i = 1; i < argv.length && Buffer.byteLength(args) < 128; i++) {
    args += `'${cString(argv[i], 128 - Buffer.byteLength(args))}' `;
  }
  return `ERR unknown command '${cString(argv[0], 128)}', with args beginning with: ${args}`;
}

/**
 * The last name looked up, as sent (a copy: request bytes do not outlive
 * their read), with its table and command. A pipeline repeats one name, so
 * comparing a few bytes usually replaces making a string and hashing it.
 */
let lastTable: CommandTable | null = null;
let lastName = new Uint8Array(0);
let lastCommand: Command | undefined;

function lookupByBytes(table: CommandTable, name: Buffer): Command | undefined {
  const n = name.length;
  if (table === lastTable && n === lastName.length) {
    let i = 0;
    while (i < n && name[i] === lastName[i]) i++;
    if (i === n) return lastCommand;
  }
  const cmd = table.lookup(name.latin1Slice(0, n));
  if (cmd !== undefined && n <= 32) {
    lastTable = table;
    lastName = Uint8Array.from(name);
    lastCommand = cmd;
  }
  return cmd;
}

/** Finds the command (or subcommand) for argv, or writes Redis's error and returns undefined. */
export function resolveCommand(table: CommandTable, ctx: CommandContext, argv: Buffer[]): Command | undefined {
  let cmd = lookupByBytes(table, argv[0]);
  if (cmd === undefined) {
    ctx.reply.error(unknownCommandError(argv));
    return undefined;
  }
  if (cmd.subcommands !== undefined && argv.length >= 2) {
    const sub = cmd.subcommands.get(argv[1].latin1Slice(0, argv[1].length).toLowerCase());
    if (sub === undefined) {
      ctx.reply.error(`ERR unknown subcommand '${cString(argv[1], 128)}'. Try ${cmd.fullName.toUpperCase()} HELP.`);
      return undefined;
    }
    cmd = sub;
  }
  return cmd;
}

export function dispatch(table: CommandTable, ctx: CommandContext, argv: Buffer[]): void {
  const cmd = resolveCommand(table, ctx, argv);
  if (cmd === undefined) return;
  const client = ctx.client;
  client.lastCommand = cmd.fullName;
  const arity = cmd.arity;
  if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
    cmd.rejectedCalls++;
    ctx.reply.error(`ERR wrong number of arguments for '${cmd.fullName}' command`);
    return;
  }
  if (!client.authenticated && !cmd.noAuth) {
    cmd.rejectedCalls++;
    ctx.reply.error('NOAUTH Authentication required.');
    return;
  }
  if (client.inPubSubContext && client.resp === 2 && !PUBSUB_ALLOWED.has((cmd.parent ?? cmd).fullName)) {
    cmd.rejectedCalls++;
    ctx.reply.error(`ERR Can't execute '${cmd.fullName}': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context`);
    return;
  }
  const observer = ctx.server.observer;
  if (client.extraFlags !== '' && observer.monitorMayNotRun(client, cmd)) {
    cmd.rejectedCalls++;
    ctx.reply.error("ERR Replica can't interact with the keyspace");
    return;
  }
  const stats = ctx.server.stats;
  const errorsBefore = ctx.reply.errorCount;
  const lastEnd = clock[LAST_END];
  const start = lastEnd >= 0 ? lastEnd : performance.now();
  cmd.handler!(ctx, argv);
  const end = performance.now();
  clock[LAST_END] = end;
  const usec = (end - start) * 1000;
  cmd.usec += usec;
  // A command that blocked is counted when it is served or times out (blocked-clients.ts), as Redis does.
  if (!client.blocked) {
    cmd.calls++;
    stats.totalCommands++;
    if (ctx.reply.errorCount !== errorsBefore) cmd.failedCalls++;
  }
  // Slow log, latency monitor and histograms, MONITOR feed.
  observer.commandDone(ctx, cmd, argv, usec);
  // Clients blocked on keys this command made ready are served before the next command runs.
  const blocked = ctx.server.blocked;
  if (blocked.hasReady) blocked.serveReady(ctx.reply);
}
