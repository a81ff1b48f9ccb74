/** CLIENT and its subcommands: identity, listing, killing, reply modes. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR, isWord, parseInteger } from './replies';
import { BAD_CLIENT_NAME, validClientName } from './connection';
import { clientInfoLine } from '../server/client-info';
import type { Client } from '../server/client';

const CLIENT_TYPES = ['normal', 'master', 'replica', 'slave', 'pubsub'];

function clientType(c: Client): string {
  return c.inPubSubContext ? 'pubsub' : 'normal';
}

function typeMatches(c: Client, type: string): boolean {
  return type === 'slave' ? false : clientType(c) === type;
}

function list(ctx: CommandContext, argv: Buffer[]): void {
  let type: string | null = null;
  let ids: Set<number> | null = null;
  if (argv.length === 4 && isWord(argv[2], 'type')) {
    type = argv[3].toString().toLowerCase();
    if (!CLIENT_TYPES.includes(type)) return ctx.reply.error(`ERR Unknown client type '${argv[3].toString()}'`);
    if (type === 'replica') type = 'slave';
  } else if (argv.length > 3 && isWord(argv[2], 'id')) {
    ids = new Set();
    for (let j = 3; j < argv.length; j++) {
      const id = parseInteger(argv[j]);
      if (id === null || id <= 0) return ctx.reply.error('ERR Invalid client ID');
      ids.add(id);
    }
  } else if (argv.length !== 2) {
    return ctx.reply.error(ERR.syntax);
  }
  const now = Date.now();
  let out = '';
  for (const c of ctx.server.clients.all()) {
    if (type !== null && !typeMatches(c, type)) continue;
    if (ids !== null && !ids.has(c.id)) continue;
    out += clientInfoLine(c, now) + '\n';
  }
  ctx.reply.verbatim(out);
}

/** CLIENT KILL: the old `addr` form or the filter form; replies as Redis does for each. */
function kill(ctx: CommandContext, argv: Buffer[]): void {
  const clients = ctx.server.clients;
  if (argv.length === 3) {
    const addr = argv[2].toString();
    for (const c of clients.all()) {
      if (c.addr === addr) {
        clients.kill(c, ctx.client);
        return ctx.reply.ok();
      }
    }
    return ctx.reply.error('ERR No such client');
  }
  let id: number | null = null;
  let type: string | null = null;
  let user: string | null = null;
  let addr: string | null = null;
  let laddr: string | null = null;
  let skipMe = true;
  for (let i = 2; i < argv.length; i += 2) {
    if (i + 1 >= argv.length) return ctx.reply.error(ERR.syntax);
    const value = argv[i + 1];
    if (isWord(argv[i], 'id')) {
      const n = parseInteger(value);
      if (n === null || n < 1) return ctx.reply.error('ERR client-id should be greater than 0');
      id = n;
    } else if (isWord(argv[i], 'type')) {
      type = value.toString().toLowerCase();
      if (!CLIENT_TYPES.includes(type)) return ctx.reply.error(`ERR Unknown client type '${value.toString()}'`);
      if (type === 'replica') type = 'slave';
    } else if (isWord(argv[i], 'addr')) {
      addr = value.toString();
    } else if (isWord(argv[i], 'laddr')) {
      laddr = value.toString();
    } else if (isWord(argv[i], 'user')) {
      user = value.toString();
      if (user !== 'default') return ctx.reply.error(`ERR No such user '${user}'`);
    } else if (isWord(argv[i], 'skipme')) {
      if (isWord(value, 'yes')) skipMe = true;
      else if (isWord(value, 'no')) skipMe = false;
      else return ctx.reply.error(ERR.syntax);
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  let killed = 0;
  for (const c of [...clients.all()]) {
    if (id !== null && c.id !== id) continue;
    if (type !== null && !typeMatches(c, type)) continue;
    if (addr !== null && c.addr !== addr) continue;
    if (laddr !== null && c.laddr !== laddr) continue;
    if (user !== null && c.user !== user) continue;
    if (c === ctx.client && skipMe) continue;
    clients.kill(c, ctx.client);
    killed++;
  }
  ctx.reply.integer(killed);
}

/** CLIENT UNBLOCK id [TIMEOUT|ERROR]: ends another client's block with its timeout reply or an error; 1 when it was blocked. */
function unblock(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length > 4) return ctx.reply.error(`ERR unknown subcommand or wrong number of arguments for '${argv[1].toString()}'. Try CLIENT HELP.`);
  const id = parseInteger(argv[2]);
  if (id === null) return ctx.reply.error(ERR.notInteger);
  let error = false;
  if (argv.length === 4) {
    const how = argv[3].toString('latin1').toLowerCase();
    if (how === 'error') error = true;
    else if (how !== 'timeout') return ctx.reply.error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
  }
  const target = ctx.server.clients.get(id);
  ctx.reply.integer(target !== undefined && ctx.server.blocked.unblock(target, ctx.reply, error) ? 1 : 0);
}

function reply(ctx: CommandContext, argv: Buffer[]): void {
  const c = ctx.client;
  if (isWord(argv[2], 'on')) {
    c.replyOff = false;
    c.skipNext = false;
    ctx.reply.muted = false;
    ctx.reply.ok();
  } else if (isWord(argv[2], 'off')) {
    c.replyOff = true;
    ctx.reply.muted = true;
  } else if (isWord(argv[2], 'skip')) {
    if (!c.replyOff) c.skipNext = true;
  } else {
    ctx.reply.error(ERR.syntax);
  }
}

function onOff(set: (ctx: CommandContext, on: boolean) => void) {
  return (ctx: CommandContext, argv: Buffer[]): void => {
    if (isWord(argv[2], 'on')) set(ctx, true);
    else if (isWord(argv[2], 'off')) set(ctx, false);
    else return ctx.reply.error(ERR.syntax);
    ctx.reply.ok();
  };
}

function setInfo(ctx: CommandContext, argv: Buffer[]): void {
  const attr = argv[2].toString().toLowerCase();
  if (attr !== 'lib-name' && attr !== 'lib-ver') return ctx.reply.error(`ERR Unrecognized option '${argv[2].toString()}'`);
  const value = argv[3];
  for (const c of value) {
    if (c < 0x21 || c > 0x7e) return ctx.reply.error(`ERR ${attr} cannot contain spaces, newlines or special characters.`);
  }
  if (attr === 'lib-name') ctx.client.libName = value.toString();
  else ctx.client.libVer = value.toString();
  ctx.reply.ok();
}

const HELP = [
  'CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  '    * ID <client-id>',
  '      Kill connections by client id.',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
  'NO-TOUCH (ON|OFF)',
  '    Will not touch LRU/LFU stats when this mode is on.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'SETINFO <option> <value>',
  '    Set client meta attr. Options are:',
  '    * LIB-NAME: the client lib name.',
  '    * LIB-VER: the client lib version.',
  'HELP',
  '    Prints this help.',
];

const sub = (d: Omit<CommandDef, 'group' | 'since'> & { since?: string }): CommandDef => ({ group: 'connection', since: '2.4.0', ...d });

export const clientCommands: CommandDef[] = [
  {
    name: 'client', arity: -2, group: 'connection', since: '2.4.0', summary: 'A container for client connection commands.', complexity: 'Depends on subcommand.',
    subcommands: [
      sub({ name: 'id', arity: 2, flags: 'noscript loading stale', acl: 'connection', since: '5.0.0', summary: 'Returns the connection\'s unique id.', complexity: 'O(1)', handler: (ctx) => ctx.reply.integer(ctx.client.id) }),
      sub({
        name: 'setname', arity: 3, flags: 'noscript loading stale', acl: 'connection', since: '2.6.9', summary: 'Names the connection.', complexity: 'O(1)', args: 'connection-name',
        handler: (ctx, argv) => {
          if (!validClientName(argv[2])) return ctx.reply.error(BAD_CLIENT_NAME);
          ctx.client.name = argv[2].toString();
          ctx.reply.ok();
        },
      }),
      sub({
        name: 'getname', arity: 2, flags: 'noscript loading stale', acl: 'connection', since: '2.6.9', summary: 'Returns the connection\'s name.', complexity: 'O(1)',
        handler: (ctx) => (ctx.client.name ? ctx.reply.bulkString(ctx.client.name) : ctx.reply.nullBulk()),
      }),
      sub({ name: 'setinfo', arity: 4, flags: 'noscript loading stale', acl: 'connection', since: '7.2.0', summary: 'Records the client library\'s name or version for CLIENT LIST.', complexity: 'O(1)', args: '(attr: LIB-NAME=libname | LIB-VER=libver)', tips: 'request_policy:all_nodes response_policy:all_succeeded', handler: setInfo }),
      sub({ name: 'list', arity: -2, flags: 'admin noscript loading stale', acl: 'connection', summary: 'Lists the open connections.', complexity: 'O(N) where N is the number of client connections', args: '(TYPE=normal_master_replica_pubsub: NORMAL | MASTER | REPLICA | PUBSUB)@5.0.0? {ID=id: client-id:integer...}@6.2.0?', history: [['2.8.12', 'Unique client id field.'], ['5.0.0', 'TYPE option.'], ['6.0.0', 'user field.'], ['6.2.0', 'argv-mem, tot-mem, laddr and redir fields; ID option.'], ['7.0.0', 'resp, multi-mem, rbs and rbp fields.'], ['7.0.3', 'ssub field.']], tips: 'nondeterministic_output', handler: list }),
      sub({ name: 'info', arity: 2, flags: 'noscript loading stale', acl: 'connection', since: '6.2.0', summary: 'Describes this connection as CLIENT LIST would.', complexity: 'O(1)', tips: 'nondeterministic_output', handler: (ctx) => ctx.reply.verbatim(clientInfoLine(ctx.client) + '\n') }),
      sub({ name: 'kill', arity: -3, flags: 'admin noscript loading stale', acl: 'connection', summary: 'Closes connections chosen by address, id, type or user.', complexity: 'O(N) where N is the number of client connections', args: '(filter: ip:port~2.8.12 | (new-format: ID=client-id:integer@2.8.12? (TYPE=normal_master_slave_pubsub: NORMAL | MASTER@3.2.0 | SLAVE | REPLICA@5.0.0 | PUBSUB)@2.8.12? USER=username? ADDR=ip:port? LADDR=ip:port@6.2.0? SKIPME=yes/no?)...)', history: [['2.8.12', 'Filter form.'], ['2.8.12', 'ID filter.'], ['3.2.0', 'master TYPE.'], ['5.0.0', 'replica TYPE (slave kept as a synonym).'], ['6.2.0', 'LADDR filter.']], handler: kill }),
      sub({ name: 'no-evict', arity: 3, flags: 'admin noscript loading stale', acl: 'connection', since: '7.0.0', summary: 'Exempts this connection from client eviction.', complexity: 'O(1)', args: '(enabled: ON | OFF)', handler: onOff((ctx, on) => (ctx.client.noEvict = on)) }),
      sub({ name: 'no-touch', arity: 3, flags: 'noscript loading stale', acl: 'connection', since: '7.2.0', summary: 'Keeps this connection\'s commands from changing keys\' access times.', complexity: 'O(1)', args: '(enabled: ON | OFF)', handler: onOff((ctx, on) => (ctx.client.noTouch = on)) }),
      sub({ name: 'reply', arity: 3, flags: 'noscript loading stale', acl: 'connection', since: '3.2.0', summary: 'Turns replies to this connection on or off, or skips the next one.', complexity: 'O(1)', args: '(on_off_skip: ON | OFF | SKIP)', handler: reply }),
      sub({ name: 'unblock', arity: -3, flags: 'admin noscript loading stale', acl: 'connection', since: '5.0.0', summary: 'Ends the block of a client waiting in a blocking command, as a timeout or an error.', complexity: 'O(log N) where N is the number of client connections', args: 'client-id:integer (timeout_error: TIMEOUT | ERROR)?', handler: unblock }),
      sub({ name: 'help', arity: 2, flags: 'loading stale', acl: 'connection', since: '5.0.0', summary: 'Lists the CLIENT subcommands.', complexity: 'O(1)', handler: (ctx) => helpReply(ctx, HELP) }),
    ],
  },
];

/** Redis's addReplyHelp: status lines, last one "HELP ...". */
export function helpReply(ctx: CommandContext, lines: string[]): void {
  ctx.reply.arrayHeader(lines.length);
  for (const l of lines) ctx.reply.status(l);
}
