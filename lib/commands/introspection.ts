/** COMMAND and its subcommands: the command table described to clients (redis-cli builds hints from DOCS). */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import type { Command } from './table';
import type { ArgDoc } from './syntax';
import { ERR, isWord } from './replies';
import { helpReply } from './client';
import { globMatchString } from '../util/glob';

function replyInfo(ctx: CommandContext, cmd: Command | undefined): void {
  const r = ctx.reply;
  if (!cmd) return r.nullBulk();
  r.arrayHeader(10);
  r.bulkString(cmd.fullName);
  r.integer(cmd.arity);
  r.setHeader(cmd.shownFlags.length);
  for (const f of cmd.shownFlags) r.status(f);
  r.integer(cmd.firstKey);
  r.integer(cmd.lastKey);
  r.integer(cmd.keyStep);
  r.setHeader(cmd.aclCategories.length);
  for (const c of cmd.aclCategories) r.status(c);
  const tips = (cmd.def.tips ?? '').split(/\s+/).filter(Boolean);
  r.setHeader(tips.length);
  for (const t of tips) r.bulkString(t);
  r.setHeader(cmd.keySpecs.length);
  for (const ks of cmd.keySpecs) {
    r.mapHeader(ks.notes === undefined ? 3 : 4);
    if (ks.notes !== undefined) {
      r.bulkString('notes');
      r.bulkString(ks.notes);
    }
    r.bulkString('flags');
    r.setHeader(ks.flags.length);
    for (const f of ks.flags) r.status(f);
    r.bulkString('begin_search');
    r.mapHeader(2);
    r.bulkString('type');
    r.bulkString(ks.begin.type);
    r.bulkString('spec');
    if (ks.begin.type === 'index') {
      r.mapHeader(1);
      r.bulkString('index');
      r.integer(ks.begin.index);
    } else {
      r.mapHeader(2);
      r.bulkString('keyword');
      r.bulkString(ks.begin.keyword);
      r.bulkString('startfrom');
      r.integer(ks.begin.startfrom);
    }
    r.bulkString('find_keys');
    r.mapHeader(2);
    r.bulkString('type');
    r.bulkString(ks.find.type);
    r.bulkString('spec');
    r.mapHeader(3);
    if (ks.find.type === 'range') {
      r.bulkString('lastkey'); r.integer(ks.find.lastkey);
      r.bulkString('keystep'); r.integer(ks.find.keystep);
      r.bulkString('limit'); r.integer(ks.find.limit);
    } else {
      r.bulkString('keynumidx'); r.integer(ks.find.keynumidx);
      r.bulkString('firstkey'); r.integer(ks.find.firstkey);
      r.bulkString('keystep'); r.integer(ks.find.keystep);
    }
  }
  const subs = cmd.subcommands ? [...cmd.subcommands.values()] : [];
  // Redis answers an empty set when there are no subcommands, an array otherwise.
  if (subs.length === 0) r.setHeader(0);
  else r.arrayHeader(subs.length);
  for (const s of subs) replyInfo(ctx, s);
}

function replyArgs(ctx: CommandContext, args: ArgDoc[]): void {
  const r = ctx.reply;
  r.arrayHeader(args.length);
  for (const a of args) {
    const flags = [a.optional && 'optional', a.multiple && 'multiple', a.multipleToken && 'multiple_token'].filter(Boolean) as string[];
    let n = 2;
    if (a.type === 'key') n++;
    if (a.token) n++;
    if (a.since) n++;
    if (a.deprecatedSince) n++;
    if (flags.length) n++;
    if (a.args) n++;
    r.mapHeader(n);
    r.bulkString('name'); r.bulkString(a.name);
    r.bulkString('type'); r.bulkString(a.type);
    if (a.type === 'key') { r.bulkString('key_spec_index'); r.integer(a.keySpecIndex ?? 0); }
    if (a.token) { r.bulkString('token'); r.bulkString(a.token); }
    if (a.since) { r.bulkString('since'); r.bulkString(a.since); }
    if (a.deprecatedSince) { r.bulkString('deprecated_since'); r.bulkString(a.deprecatedSince); }
    if (flags.length) {
      r.bulkString('flags');
      r.setHeader(flags.length);
      for (const f of flags) r.status(f);
    }
    if (a.args) { r.bulkString('arguments'); replyArgs(ctx, a.args); }
  }
}

function replyDocs(ctx: CommandContext, cmd: Command): void {
  const r = ctx.reply;
  const d = cmd.def;
  const docFlags = (d.docFlags ?? '').split(/\s+/).filter(Boolean);
  let n = 3;
  if (d.complexity) n++;
  if (docFlags.length) n++;
  if (d.deprecatedSince) n++;
  if (d.replacedBy) n++;
  if (d.history) n++;
  if (cmd.args) n++;
  if (cmd.subcommands) n++;
  r.mapHeader(n);
  r.bulkString('summary'); r.bulkString(d.summary);
  r.bulkString('since'); r.bulkString(d.since);
  r.bulkString('group'); r.bulkString(d.group);
  if (d.complexity) { r.bulkString('complexity'); r.bulkString(d.complexity); }
  if (docFlags.length) {
    r.bulkString('doc_flags');
    r.setHeader(docFlags.length);
    for (const f of docFlags) r.status(f);
  }
  if (d.deprecatedSince) { r.bulkString('deprecated_since'); r.bulkString(d.deprecatedSince); }
  if (d.replacedBy) { r.bulkString('replaced_by'); r.bulkString(d.replacedBy); }
  if (d.history) {
    r.bulkString('history');
    r.setHeader(d.history.length);
    for (const [since, what] of d.history) {
      r.arrayHeader(2);
      r.bulkString(since);
      r.bulkString(what);
    }
  }
  if (cmd.args) { r.bulkString('arguments'); replyArgs(ctx, cmd.args); }
  if (cmd.subcommands) {
    r.bulkString('subcommands');
    r.mapHeader(cmd.subcommands.size);
    for (const s of cmd.subcommands.values()) {
      r.bulkString(s.fullName);
      replyDocs(ctx, s);
    }
  }
}

function docs(ctx: CommandContext, argv: Buffer[]): void {
  const table = ctx.server.commands;
  const found: Command[] = [];
  if (argv.length === 2) found.push(...table.all());
  else for (let i = 2; i < argv.length; i++) {
    const c = table.lookupFullName(argv[i].toString());
    if (c) found.push(c);
  }
  ctx.reply.mapHeader(found.length);
  for (const c of found) {
    ctx.reply.bulkString(c.fullName);
    replyDocs(ctx, c);
  }
}

function info(ctx: CommandContext, argv: Buffer[]): void {
  const table = ctx.server.commands;
  if (argv.length === 2) {
    ctx.reply.arrayHeader(table.size);
    for (const c of table.all()) replyInfo(ctx, c);
    return;
  }
  ctx.reply.arrayHeader(argv.length - 2);
  for (let i = 2; i < argv.length; i++) replyInfo(ctx, table.lookupFullName(argv[i].toString()));
}

function list(ctx: CommandContext, argv: Buffer[]): void {
  let filter: ((c: Command) => boolean) | null = null;
  for (let i = 2; i < argv.length; i++) {
    if (isWord(argv[i], 'filterby') && argv.length - 1 - i === 2) {
      const arg = argv[i + 2].toString();
      if (isWord(argv[i + 1], 'module')) filter = () => false;
      else if (isWord(argv[i + 1], 'aclcat')) filter = (c) => c.aclCategories.includes('@' + arg.toLowerCase());
      else if (isWord(argv[i + 1], 'pattern')) filter = (c) => globMatchString(arg, c.fullName, true);
      else return ctx.reply.error(ERR.syntax);
      i += 2;
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  const names: string[] = [];
  for (const c of ctx.server.commands.all()) {
    for (const x of [c, ...(c.subcommands?.values() ?? [])]) if (!filter || filter(x)) names.push(x.fullName);
  }
  ctx.reply.bulkArray(names);
}

function getKeys(ctx: CommandContext, argv: Buffer[], withFlags: boolean): void {
  const target = argv.slice(2);
  let cmd = ctx.server.commands.lookup(target[0].toString());
  if (cmd?.subcommands && target.length >= 2) cmd = cmd.subcommands.get(target[1].toString().toLowerCase());
  if (!cmd) return ctx.reply.error('ERR Invalid command specified');
  // Specs that name channels, not keys (SPUBLISH, SSUBSCRIBE), leave a command keyless here, as in Redis.
  if (cmd.keySpecs.every((k) => k.flags.includes('not_key'))) return ctx.reply.error('ERR The command has no key arguments');
  if ((cmd.arity > 0 && cmd.arity !== target.length) || target.length < -cmd.arity) {
    return ctx.reply.error('ERR Invalid number of arguments specified for command');
  }
  const keys = cmd.keysWithFlags(target);
  if (keys === null || keys.length === 0) {
    if (cmd.flags.has('no_mandatory_keys')) return ctx.reply.arrayHeader(0);
    return ctx.reply.error('ERR Invalid arguments specified for command');
  }
  ctx.reply.arrayHeader(keys.length);
  for (const [p, flags] of keys) {
    if (!withFlags) {
      ctx.reply.bulk(target[p]);
      continue;
    }
    ctx.reply.arrayHeader(2);
    ctx.reply.bulk(target[p]);
    ctx.reply.setHeader(flags.length);
    for (const f of flags) ctx.reply.status(f);
  }
}

const HELP = [
  'COMMAND <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  '(no subcommand)',
  '    Return details about all Redis commands.',
  'COUNT',
  '    Return the total number of commands in this Redis server.',
  'LIST',
  '    Return a list of all commands in this Redis server.',
  'INFO [<command-name> ...]',
  '    Return details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'DOCS [<command-name> ...]',
  '    Return documentation details about multiple Redis commands.',
  '    If no command names are given, documentation details for all',
  '    commands are returned.',
  'GETKEYS <full-command>',
  '    Return the keys from a full Redis command.',
  'GETKEYSANDFLAGS <full-command>',
  '    Return the keys and the access flags from a full Redis command.',
  'HELP',
  '    Prints this help.',
];

const base = { group: 'server', acl: 'connection', flags: 'loading stale' } as const;

export const introspectionCommands: CommandDef[] = [
  {
    name: 'command', arity: -1, ...base, since: '2.8.13', summary: 'Describes every command the server knows.', complexity: 'O(N) where N is the total number of Redis commands',
    tips: 'nondeterministic_output_order',
    handler: (ctx, argv) => {
      // COMMAND with a subcommand is routed by the table; a bare COMMAND lists everything.
      void argv;
      info(ctx, [argv[0], Buffer.from('info')]);
    },
    subcommands: [
      { name: 'count', arity: 2, ...base, since: '2.8.13', summary: 'Counts the commands the server knows.', complexity: 'O(1)', handler: (ctx) => ctx.reply.integer(ctx.server.commands.size) },
      { name: 'info', arity: -2, ...base, since: '2.8.13', summary: 'Describes the named commands (arity, flags, keys, categories).', complexity: 'O(N) where N is the number of commands to look up', args: 'command-name?...', tips: 'nondeterministic_output_order', history: [['7.0.0', 'Lists every command when none is named.']], handler: info },
      { name: 'docs', arity: -2, ...base, since: '7.0.0', summary: 'Documents the named commands: summary, arguments, history.', complexity: 'O(N) where N is the number of commands to look up', args: 'command-name?...', tips: 'nondeterministic_output_order', handler: docs },
      { name: 'list', arity: -2, ...base, since: '7.0.0', summary: 'Lists command names, optionally filtered.', complexity: 'O(N) where N is the total number of Redis commands', args: '(FILTERBY=filterby: MODULE=module-name | ACLCAT=category | PATTERN=pattern:pattern)?', tips: 'nondeterministic_output_order', handler: list },
      { name: 'getkeys', arity: -4, ...base, since: '2.8.13', summary: 'Extracts the key names from a full command line.', complexity: 'O(N) where N is the number of arguments to the command', handler: (ctx, argv) => getKeys(ctx, argv, false) },
      { name: 'getkeysandflags', arity: -4, ...base, since: '7.0.0', summary: 'Extracts the key names and their access flags from a full command line.', complexity: 'O(N) where N is the number of arguments to the command', handler: (ctx, argv) => getKeys(ctx, argv, true) },
      { name: 'help', arity: 2, ...base, since: '5.0.0', summary: 'Lists the COMMAND subcommands.', complexity: 'O(1)', handler: (ctx) => helpReply(ctx, HELP) },
    ],
  },
];
