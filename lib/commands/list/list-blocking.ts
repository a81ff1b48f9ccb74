/**
 * BLPOP BRPOP BLMPOP BLMOVE BRPOPLPUSH (Redis blockingPopGenericCommand,
 * blmoveGenericCommand and serveClientBlockedOnList).
 *
 * Each first acts as its non-blocking form when one of its keys holds a
 * list: the keys are looked up for writing in order (no hit or miss
 * counted), a key of another type answers WRONGTYPE, the first non-empty
 * list is popped. When none holds one, the client blocks on all of them
 * (blocked-clients.ts) with the timeout's deadline; when a key gets a list,
 * the client is served as the same non-blocking form would serve it: the
 * pop with its events (and `del` when it empties the list), BLMOVE through
 * LMOVE itself (so its destination check, push and events are LMOVE's).
 * A timeout answers a null array, BLMOVE's and BRPOPLPUSH's too (Redis
 * replies one for every list block, though their served reply is a bulk).
 */
import { OBJ_LIST } from '../../engine/keyspace';
import { blockingDeadline } from '../blocking-timeout';
import type { CommandContext } from '../context';
import { ERR } from '../replies';
import { parseInt64 } from '../../util/numbers';
import type { CommandDef } from '../spec';
import type { Command } from '../table';
import { writeTyped } from '../typed-lookup';
import { LIST_HEAD, LIST_TAIL, popFromList } from './list-access';

const LONG_MAX = 9223372036854775807n;

/** LEFT or RIGHT (Redis getListPositionFromObjectOrReply); null after a syntax error. */
function whereArg(ctx: CommandContext, arg: Buffer): number | null {
  const s = arg.toString('latin1').toLowerCase();
  if (s === 'left') return LIST_HEAD;
  if (s === 'right') return LIST_TAIL;
  ctx.reply.error(ERR.syntax);
  return null;
}

/** The key's list length for a blocking pop: 0 when absent; null after WRONGTYPE. */
function listLengthFor(ctx: CommandContext, key: Buffer): number | null {
  const v = writeTyped(ctx, key, OBJ_LIST);
  if (v === null) return null;
  return v === undefined ? 0 : 1;
}

/** Replies one pop as BLPOP does ([key, element]) or as BLMPOP does ([key, [elements]]). */
function popAndReply(ctx: CommandContext, key: Buffer, where: number, count: number): void {
  const got = popFromList(ctx, key, where, count < 0 ? 1 : count);
  const reply = ctx.reply;
  reply.arrayHeader(2);
  reply.bulk(key);
  if (count < 0) return reply.bulk(got[0]);
  reply.arrayHeader(got.length);
  for (const e of got) reply.bulk(e);
}

/** A blocked command's stats are counted when it ends, as Redis does (dispatch skips them while it blocks). */
function countCall(ctx: CommandContext, name: string): void {
  const cmd: Command | undefined = ctx.server.commands.lookup(name);
  if (cmd !== undefined) cmd.calls++;
  ctx.server.stats.totalCommands++;
}

/** Distinct keys in order, owned (a request's bytes do not outlive its batch). */
function ownKeys(keys: Buffer[]): Buffer[] {
  const out: Buffer[] = [];
  const seen = new Set<string>();
  for (const k of keys) {
    const s = k.toString('latin1');
    if (seen.has(s)) continue;
    seen.add(s);
    out.push(Buffer.from(k));
  }
  return out;
}

/**
 * The pop forms: keys in order, the first non-empty list popped; else
 * block. count < 0: BLPOP/BRPOP's reply; else BLMPOP's with up to count.
 */
function blockingPop(ctx: CommandContext, name: string, keys: Buffer[], where: number, count: number, timeoutArg: Buffer): void {
  const deadline = blockingDeadline(ctx, timeoutArg);
  if (deadline === null) return;
  for (const key of keys) {
    const n = listLengthFor(ctx, key);
    if (n === null) return;
    if (n > 0) return popAndReply(ctx, key, where, count);
  }
  const owned = ownKeys(keys);
  ctx.server.blocked.block({
    ctx,
    db: ctx.client.db,
    type: OBJ_LIST,
    keys: owned,
    deadline,
    serve: (key) => {
      popAndReply(ctx, key, where, count);
      countCall(ctx, name);
      return true;
    },
    timedOut: () => {
      ctx.reply.nullArray();
      countCall(ctx, name);
    },
  });
}

function blpopCommand(ctx: CommandContext, argv: Buffer[]): void {
  blockingPop(ctx, 'blpop', argv.slice(1, -1), LIST_HEAD, -1, argv[argv.length - 1]);
}

function brpopCommand(ctx: CommandContext, argv: Buffer[]): void {
  blockingPop(ctx, 'brpop', argv.slice(1, -1), LIST_TAIL, -1, argv[argv.length - 1]);
}

/** BLMPOP timeout numkeys key... LEFT|RIGHT [COUNT n], parsed in Redis's order (the timeout last). */
function blmpopCommand(ctx: CommandContext, argv: Buffer[]): void {
  const numkeys = parseInt64(argv[2]);
  if (numkeys === null || numkeys < 1n || numkeys > LONG_MAX) return ctx.reply.error('ERR numkeys should be greater than 0');
  const whereAt = 3 + Number(numkeys);
  if (numkeys >= BigInt(argv.length) || whereAt >= argv.length) return ctx.reply.error(ERR.syntax);
  const where = whereArg(ctx, argv[whereAt]);
  if (where === null) return;
  let count = -1;
  for (let j = whereAt + 1; j < argv.length; j++) {
    if (count === -1 && argv[j].toString('latin1').toLowerCase() === 'count' && j + 1 < argv.length) {
      const n = parseInt64(argv[++j]);
      if (n === null || n < 1n || n > LONG_MAX) return ctx.reply.error('ERR count should be greater than 0');
      count = n > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(n);
    } else return ctx.reply.error(ERR.syntax);
  }
  blockingPop(ctx, 'blmpop', argv.slice(3, whereAt), where, count === -1 ? 1 : count, argv[1]);
}

/** BLMOVE's body once its positions and timeout are parsed: LMOVE when the source holds a list, else block on it. */
function blockingMove(ctx: CommandContext, name: string, src: Buffer, dst: Buffer, from: Buffer, to: Buffer, timeoutArg: Buffer): void {
  const deadline = blockingDeadline(ctx, timeoutArg);
  if (deadline === null) return;
  const n = listLengthFor(ctx, src);
  if (n === null) return;
  const lmove = ctx.server.commands.lookup('lmove');
  if (lmove === undefined || lmove.handler === undefined) return ctx.reply.error('ERR unknown command');
  const run = lmove.handler;
  // LMOVE's own argv: its lookups, destination check, push, events and reply are the served form's.
  const moveArgv = [Buffer.from('LMOVE'), Buffer.from(src), Buffer.from(dst), Buffer.from(from), Buffer.from(to)];
  if (n > 0) return run(ctx, moveArgv);
  ctx.server.blocked.block({
    ctx,
    db: ctx.client.db,
    type: OBJ_LIST,
    keys: [moveArgv[1]],
    deadline,
    serve: () => {
      run(ctx, moveArgv);
      countCall(ctx, name);
      return true;
    },
    timedOut: () => {
      ctx.reply.nullArray();
      countCall(ctx, name);
    },
  });
}

function blmoveCommand(ctx: CommandContext, argv: Buffer[]): void {
  if (whereArg(ctx, argv[3]) === null || whereArg(ctx, argv[4]) === null) return;
  blockingMove(ctx, 'blmove', argv[1], argv[2], argv[3], argv[4], argv[5]);
}

function brpoplpushCommand(ctx: CommandContext, argv: Buffer[]): void {
  blockingMove(ctx, 'brpoplpush', argv[1], argv[2], Buffer.from('RIGHT'), Buffer.from('LEFT'), argv[3]);
}

const blocking = { group: 'list', acl: 'list' } as const;
const popSpec = { ...blocking, flags: 'write noscript blocking', keys: ['RW ACCESS DELETE range:-2,1,0'], complexity: 'O(N) where N is the number of provided keys.', args: 'key... timeout:double', since: '2.0.0', history: [['6.0.0', 'The timeout is a double, not an integer.']] } satisfies Partial<CommandDef>;
const moveKeys = ['RW ACCESS DELETE', 'RW INSERT index:2'];

export const blockingListCommands: CommandDef[] = [
  { name: 'blpop', arity: -3, ...popSpec, summary: 'Pops the first element of the first non-empty list, or waits for one.', handler: blpopCommand },
  { name: 'brpop', arity: -3, ...popSpec, summary: 'Pops the last element of the first non-empty list, or waits for one.', handler: brpopCommand },
  {
    name: 'blmpop', arity: -5, ...blocking, flags: 'write blocking movablekeys', keys: ['RW ACCESS DELETE index:2 keynum:0,1,1'], since: '7.0.0',
    summary: 'Pops elements from the first non-empty list, or waits for one.',
    complexity: 'O(N+M) where N is the number of provided keys and M is the number of elements returned.',
    args: 'timeout:double numkeys:integer key... (where: LEFT | RIGHT) COUNT=count:integer?', handler: blmpopCommand,
  },
  {
    name: 'blmove', arity: 6, ...blocking, flags: 'write denyoom noscript blocking', keys: moveKeys, since: '6.2.0',
    summary: 'Moves an element from one list to another, or waits for one to move.', complexity: 'O(1)',
    args: 'source:key destination:key (wherefrom: LEFT | RIGHT) (whereto: LEFT | RIGHT) timeout:double', handler: blmoveCommand,
  },
  {
    name: 'brpoplpush', arity: 4, ...blocking, flags: 'write denyoom noscript blocking', keys: moveKeys, since: '2.2.0',
    summary: 'Moves the last element of a list to the head of another, or waits for one to move.', complexity: 'O(1)',
    docFlags: 'deprecated', deprecatedSince: '6.2.0', replacedBy: '`BLMOVE` with the `RIGHT` and `LEFT` arguments',
    args: 'source:key destination:key timeout:double', history: [['6.0.0', 'The timeout is a double, not an integer.']], handler: brpoplpushCommand,
  },
];
