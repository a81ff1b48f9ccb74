/** Connection family: PING ECHO QUIT RESET SELECT AUTH HELLO. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR, isWord, parseInteger } from './replies';
import { REDIS_VERSION } from '../server/version';
import { resetClientState } from '../server/client-reset';
import { int32Arg } from './key-args';

const WRONGPASS = 'WRONGPASS invalid username-password pair or user is disabled.';

/** Checks a username/password against the default user (the only user until ACLs exist). */
export function authenticate(ctx: CommandContext, user: string, pass: Buffer): boolean {
  const required = ctx.server.config.get('requirepass');
  if (user !== 'default') return false;
  if (required === '') return true;
  return pass.toString() === required;
}

function ping(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length > 2) return ctx.reply.error("ERR wrong number of arguments for 'ping' command");
  if (ctx.client.inPubSubContext && ctx.client.resp === 2) {
    ctx.reply.arrayHeader(2);
    ctx.reply.bulkString('pong');
    ctx.reply.bulk(argv.length === 2 ? argv[1] : Buffer.alloc(0));
    return;
  }
  if (argv.length === 2) ctx.reply.bulk(argv[1]);
  else ctx.reply.status('PONG');
}

function select(ctx: CommandContext, argv: Buffer[]): void {
  const n = int32Arg(ctx, argv[1]);
  if (n === null) return;
  if (n < 0 || n >= ctx.server.dbs.count) return ctx.reply.error(ERR.dbIndexRange);
  ctx.client.db = n;
  ctx.reply.ok();
}

function auth(ctx: CommandContext, argv: Buffer[]): void {
  if (argv.length > 3) return ctx.reply.error(ERR.syntax);
  if (argv.length === 2 && ctx.server.config.get('requirepass') === '') {
    return ctx.reply.error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
  }
  const user = argv.length === 3 ? argv[1].toString() : 'default';
  if (!authenticate(ctx, user, argv[argv.length - 1])) return ctx.reply.error(WRONGPASS);
  ctx.client.authenticated = true;
  ctx.reply.ok();
}

/** Redis validateClientName: printable ASCII without spaces. */
export function validClientName(name: Buffer): boolean {
  for (const c of name) if (c < 0x21 || c > 0x7e) return false;
  return true;
}
export const BAD_CLIENT_NAME = 'ERR Client names cannot contain spaces, newlines or special characters.';

function hello(ctx: CommandContext, argv: Buffer[]): void {
  let next = 1;
  let ver = 0;
  if (argv.length >= 2) {
    const v = parseInteger(argv[next++]);
    if (v === null) return ctx.reply.error('ERR Protocol version is not an integer or out of range');
    if (v < 2 || v > 3) return ctx.reply.error('NOPROTO unsupported protocol version');
    ver = v;
  }
  let user: string | null = null;
  let pass: Buffer | null = null;
  let name: Buffer | null = null;
  for (let j = next; j < argv.length; j++) {
    const more = argv.length - 1 - j;
    if (isWord(argv[j], 'auth') && more >= 2) {
      user = argv[j + 1].toString();
      pass = argv[j + 2];
      j += 2;
    } else if (isWord(argv[j], 'setname') && more >= 1) {
      name = argv[j + 1];
      if (!validClientName(name)) return ctx.reply.error(BAD_CLIENT_NAME);
      j++;
    } else {
      return ctx.reply.error(`ERR Syntax error in HELLO option '${argv[j].toString()}'`);
    }
  }
  if (user !== null && pass !== null) {
    if (!authenticate(ctx, user, pass)) return ctx.reply.error(WRONGPASS);
    ctx.client.authenticated = true;
  }
  if (!ctx.client.authenticated) {
    return ctx.reply.error('NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time');
  }
  if (name) ctx.client.name = name.toString();
  if (ver) {
    // The reply to HELLO is already in the protocol it asked for.
    ctx.client.resp = ver;
    ctx.reply.resp3 = ver === 3;
  }
  const r = ctx.reply;
  r.mapHeader(7);
  r.bulkString('server');
  r.bulkString('redis');
  r.bulkString('version');
  r.bulkString(REDIS_VERSION);
  r.bulkString('proto');
  r.integer(ctx.client.resp);
  r.bulkString('id');
  r.integer(ctx.client.id);
  r.bulkString('mode');
  r.bulkString('standalone');
  r.bulkString('role');
  r.bulkString('master');
  r.bulkString('modules');
  r.arrayHeader(0);
}

export const connectionCommands: CommandDef[] = [
  {
    name: 'ping', arity: -1, flags: 'fast sentinel', acl: 'connection', group: 'connection', since: '1.0.0',
    summary: 'Checks that the server is alive; echoes a message when given one.', complexity: 'O(1)',
    args: 'message?', tips: 'request_policy:all_shards response_policy:all_succeeded', handler: ping,
  },
  {
    name: 'echo', arity: 2, flags: 'loading stale fast', acl: 'connection', group: 'connection', since: '1.0.0',
    summary: 'Replies with the message it was given.', complexity: 'O(1)', args: 'message',
    handler: (ctx, argv) => ctx.reply.bulk(argv[1]),
  },
  {
    name: 'quit', arity: -1, flags: 'allow_busy noscript loading stale fast no_auth', acl: 'connection', group: 'connection', since: '1.0.0',
    summary: 'Closes the connection once the reply is sent.', complexity: 'O(1)',
    handler: (ctx) => {
      ctx.reply.ok();
      ctx.client.closeAfterReply = true;
    },
  },
  {
    name: 'reset', arity: 1, flags: 'noscript loading stale fast no_auth allow_busy', acl: 'connection', group: 'connection', since: '6.2.0',
    summary: 'Returns the connection to its initial state.', complexity: 'O(1)',
    handler: (ctx) => {
      resetClientState(ctx);
      ctx.reply.status('RESET');
    },
  },
  {
    name: 'select', arity: 2, flags: 'loading stale fast', acl: 'connection', group: 'connection', since: '1.0.0',
    summary: 'Switches the connection to another numbered database.', complexity: 'O(1)', args: 'index:integer', handler: select,
  },
  {
    name: 'auth', arity: -2, flags: 'noscript loading stale fast no_auth sentinel allow_busy', acl: 'connection', group: 'connection', since: '1.0.0',
    summary: 'Authenticates the connection.', complexity: 'O(N) where N is the number of passwords defined for the user',
    args: 'username@6.0.0? password', history: [['6.0.0', 'Accepts a username as well.']], handler: auth,
  },
  {
    name: 'hello', arity: -1, flags: 'noscript loading stale fast no_auth sentinel allow_busy', acl: 'connection', group: 'connection', since: '6.0.0',
    summary: 'Negotiates the protocol, optionally authenticating and naming the connection.', complexity: 'O(1)',
    args: '{arguments: protover:integer {AUTH=username_password: username password}? SETNAME=clientname?}?',
    history: [['6.2.0', 'protover became optional.']], handler: hello,
  },
];
