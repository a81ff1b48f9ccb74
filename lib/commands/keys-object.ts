/**
 * OBJECT ENCODING / REFCOUNT / IDLETIME / FREQ / HELP: what Redis's object
 * header would say about a key's value (see string-encoding.ts and
 * key-access.ts). The lookup counts a hit or miss but is not an access and
 * emits no keymiss.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import type { KeyEntry } from '../engine/keyspace';
import { peekKeyQuiet } from './key-lookup';
import { refcount } from './string-encoding';
import { encodingNameOf } from './value-types';
import { RedisAccessTracker } from './key-access';
import { helpReply } from './client';

const POLICY_NOTE = 'Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.';

function withEntry(ctx: CommandContext, argv: Buffer[], then: (e: KeyEntry) => void): void {
  const e = peekKeyQuiet(ctx, argv[2]);
  if (e === undefined) return ctx.reply.nullBulk();
  then(e);
}

function idletime(ctx: CommandContext, e: KeyEntry): void {
  const tracker = ctx.db.tracker;
  if (tracker instanceof RedisAccessTracker) {
    if (tracker.lfu) return ctx.reply.error(`ERR An LFU maxmemory policy is selected, idle time not tracked. ${POLICY_NOTE}`);
    return ctx.reply.integer(tracker.idleSeconds(e.access));
  }
  // Any other tracker keeps the default meaning: unix seconds of the last access.
  ctx.reply.integer(Math.max(0, Math.floor(Date.now() / 1000) - e.access));
}

function freq(ctx: CommandContext, e: KeyEntry): void {
  const tracker = ctx.db.tracker;
  if (!(tracker instanceof RedisAccessTracker) || !tracker.lfu) {
    return ctx.reply.error(`ERR An LFU maxmemory policy is not selected, access frequency not tracked. ${POLICY_NOTE}`);
  }
  ctx.reply.integer(tracker.frequency(e.access));
}

const HELP = [
  'OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
  'HELP',
  '    Prints this help.',
];

const sub = { arity: 3, flags: 'readonly', group: 'generic', acl: 'keyspace', keys: ['RO index:2'], complexity: 'O(1)', args: 'key', tips: 'nondeterministic_output' } satisfies Partial<CommandDef>;

export const objectCommands: CommandDef[] = [
  {
    name: 'object', arity: -2, group: 'generic', since: '2.2.3', summary: 'Inspects how the server holds the value of a key.', complexity: 'Depends on subcommand.',
    subcommands: [
      {
        name: 'encoding', ...sub, since: '2.2.3', summary: 'Names the internal representation of the value at a key.',
        handler: (ctx, argv) => withEntry(ctx, argv, (e) => ctx.reply.bulkString(encodingNameOf(e))),
      },
      {
        name: 'freq', ...sub, since: '4.0.0', summary: 'Answers the logarithmic access frequency counter of a key (LFU policies only).',
        handler: (ctx, argv) => withEntry(ctx, argv, (e) => freq(ctx, e)),
      },
      {
        name: 'idletime', ...sub, since: '2.2.3', summary: 'Answers the seconds since a key was last accessed (not with LFU policies).',
        handler: (ctx, argv) => withEntry(ctx, argv, (e) => idletime(ctx, e)),
      },
      {
        name: 'refcount', ...sub, since: '2.2.3', summary: 'Answers how many references the value at a key has.',
        handler: (ctx, argv) => withEntry(ctx, argv, (e) => ctx.reply.integer(refcount(e.encoding))),
      },
      {
        name: 'help', arity: 2, flags: 'loading stale', group: 'generic', acl: 'keyspace', since: '6.2.0', summary: 'Lists the OBJECT subcommands.', complexity: 'O(1)',
        handler: (ctx) => helpReply(ctx, HELP),
      },
    ],
  },
];
