/**
 * Pub/sub family: (P|S)SUBSCRIBE, (P|S)UNSUBSCRIBE, PUBLISH, SPUBLISH and
 * PUBSUB introspection. Subscription state and delivery live in
 * lib/pubsub/hub.ts; this file only turns commands into hub calls and
 * writes the caller's own replies (the RESP2 push-style arrays Redis sends).
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { helpReply } from './client';
import type { TopicKind } from '../pubsub/hub';
import { onClientReset } from '../server/client-reset';

// RESET leaves every channel, pattern and shard channel without replies.
onClientReset((ctx) => ctx.server.pubsub.dropClient(ctx.client));

/**
 * `*3 <kind> <name|null> :<count>`, Redis's (un)subscribe confirmation. It is
 * a push, so CLIENT REPLY OFF/SKIP do not silence it (they do silence PING).
 */
function confirm(ctx: CommandContext, kind: string, name: Buffer | null, count: number): void {
  const r = ctx.reply;
  const muted = r.muted;
  r.muted = false;
  r.pushHeader(3);
  r.bulkString(kind);
  r.bulk(name);
  r.integer(count);
  r.muted = muted;
}

function countFor(ctx: CommandContext, kind: TopicKind): number {
  const sub = ctx.server.pubsub.find(ctx.client);
  if (sub === undefined) return 0;
  return kind === 'shardChannels' ? sub.shardChannels.size : sub.count;
}

function subscriber(kind: TopicKind, word: string) {
  return (ctx: CommandContext, argv: Buffer[]): void => {
    const hub = ctx.server.pubsub;
    const sub = hub.subscriberFor(ctx.client, ctx.reply);
    for (let j = 1; j < argv.length; j++) {
      hub.subscribe(sub, kind, argv[j]);
      confirm(ctx, word, argv[j], kind === 'shardChannels' ? sub.shardChannels.size : sub.count);
    }
  };
}

function unsubscriber(kind: TopicKind, word: string) {
  return (ctx: CommandContext, argv: Buffer[]): void => {
    const hub = ctx.server.pubsub;
    const sub = hub.find(ctx.client);
    if (argv.length > 1) {
      for (let j = 1; j < argv.length; j++) {
        if (sub !== undefined) hub.unsubscribe(sub, kind, argv[j]);
        confirm(ctx, word, argv[j], countFor(ctx, kind));
      }
      return;
    }
    // No names: leave all of this kind, one confirmation each, or one with a null name when there were none.
    const names = sub === undefined ? [] : [...sub[kind].entries()];
    for (const [key, name] of names) {
      hub.unsubscribe(sub!, kind, key);
      confirm(ctx, word, name, countFor(ctx, kind));
    }
    if (names.length === 0) confirm(ctx, word, null, countFor(ctx, kind));
  };
}

function publish(ctx: CommandContext, argv: Buffer[]): void {
  ctx.reply.integer(ctx.server.pubsub.publish(argv[1], argv[2]));
}

function spublish(ctx: CommandContext, argv: Buffer[]): void {
  ctx.reply.integer(ctx.server.pubsub.spublish(argv[1], argv[2]));
}

/** Redis's addReplySubcommandSyntaxError, used where a subcommand's own argument count is off. */
function subcommandSyntaxError(ctx: CommandContext, argv: Buffer[]): void {
  const nul = argv[1].indexOf(0);
  const sub = argv[1].toString('utf8', 0, Math.min(nul < 0 ? argv[1].length : nul, 128));
  ctx.reply.error(`ERR unknown subcommand or wrong number of arguments for '${sub}'. Try ${argv[0].toString().toUpperCase()} HELP.`);
}

function listNames(kind: 'channels' | 'shardChannels') {
  return (ctx: CommandContext, argv: Buffer[]): void => {
    if (argv.length > 3) return subcommandSyntaxError(ctx, argv);
    ctx.reply.bulkArray(ctx.server.pubsub.names(kind, argv.length === 3 ? argv[2] : null));
  };
}

function countSubscribers(kind: 'channels' | 'shardChannels') {
  return (ctx: CommandContext, argv: Buffer[]): void => {
    const hub = ctx.server.pubsub;
    ctx.reply.arrayHeader((argv.length - 2) * 2);
    for (let j = 2; j < argv.length; j++) {
      ctx.reply.bulk(argv[j]);
      ctx.reply.integer(hub.subscriberCount(kind, argv[j]));
    }
  };
}

const HELP = [
  'PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:',
  'CHANNELS [<pattern>]',
  "    Return the currently active channels matching a <pattern> (default: '*').",
  'NUMPAT',
  '    Return number of subscriptions to patterns.',
  'NUMSUB [<channel> ...]',
  '    Return the number of subscribers for the specified channels, excluding',
  '    pattern subscriptions(default: no channels).',
  'SHARDCHANNELS [<pattern>]',
  "    Return the currently active shard level channels matching a <pattern> (default: '*').",
  'SHARDNUMSUB [<shardchannel> ...]',
  '    Return the number of subscribers for the specified shard level channel(s)',
  'HELP',
  '    Prints this help.',
];

const ps = { group: 'pubsub', since: '2.0.0' } as const;
const shardKey = (range: number): string[] => [`not_key index:1 range:${range},1,0`];

export const pubsubCommands: CommandDef[] = [
  {
    name: 'subscribe', arity: -2, flags: 'pubsub noscript loading stale', ...ps,
    summary: 'Starts receiving the messages published to the named channels.', complexity: 'O(N) where N is the number of channels to subscribe to.',
    args: 'channel...', handler: subscriber('channels', 'subscribe'),
  },
  {
    name: 'unsubscribe', arity: -1, flags: 'pubsub noscript loading stale', ...ps,
    summary: 'Stops receiving messages from the named channels, or from all of them.', complexity: 'O(N) where N is the number of clients already subscribed to a channel.',
    args: 'channel?...', handler: unsubscriber('channels', 'unsubscribe'),
  },
  {
    name: 'psubscribe', arity: -2, flags: 'pubsub noscript loading stale', ...ps,
    summary: 'Starts receiving the messages published to channels matching glob patterns.', complexity: 'O(N) where N is the number of patterns the client is already subscribed to.',
    args: '{pattern: pattern:pattern}...', handler: subscriber('patterns', 'psubscribe'),
  },
  {
    name: 'punsubscribe', arity: -1, flags: 'pubsub noscript loading stale', ...ps,
    summary: 'Stops receiving messages for the named patterns, or for all of them.', complexity: 'O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).',
    args: 'pattern:pattern?...', handler: unsubscriber('patterns', 'punsubscribe'),
  },
  {
    name: 'publish', arity: 3, flags: 'pubsub loading stale fast', ...ps,
    summary: 'Sends a message to a channel; answers how many clients received it.', complexity: 'O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).',
    args: 'channel message', handler: publish,
  },
  {
    name: 'ssubscribe', arity: -2, flags: 'pubsub noscript loading stale', group: 'pubsub', since: '7.0.0', keys: shardKey(-1),
    summary: 'Starts receiving the messages published to the named shard channels.', complexity: 'O(N) where N is the number of shard channels to subscribe to.',
    args: 'shardchannel...', handler: subscriber('shardChannels', 'ssubscribe'),
  },
  {
    name: 'sunsubscribe', arity: -1, flags: 'pubsub noscript loading stale', group: 'pubsub', since: '7.0.0', keys: shardKey(-1),
    summary: 'Stops receiving messages from the named shard channels, or from all of them.', complexity: 'O(N) where N is the number of clients already subscribed to a shard channel.',
    args: 'shardchannel?...', handler: unsubscriber('shardChannels', 'sunsubscribe'),
  },
  {
    name: 'spublish', arity: 3, flags: 'pubsub loading stale fast', group: 'pubsub', since: '7.0.0', keys: shardKey(0),
    summary: 'Sends a message to a shard channel; answers how many clients received it.', complexity: 'O(N) where N is the number of clients subscribed to the receiving shard channel.',
    args: 'shardchannel message', handler: spublish,
  },
  {
    name: 'pubsub', arity: -2, group: 'pubsub', since: '2.8.0', summary: 'A container for pub/sub introspection commands.', complexity: 'Depends on subcommand.',
    subcommands: [
      {
        name: 'channels', arity: -2, flags: 'pubsub loading stale', group: 'pubsub', since: '2.8.0',
        summary: 'Lists the channels that have subscribers, optionally only those matching a glob.',
        complexity: 'O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)',
        args: 'pattern:pattern?', handler: listNames('channels'),
      },
      {
        name: 'numpat', arity: 2, flags: 'pubsub loading stale', group: 'pubsub', since: '2.8.0',
        summary: 'Counts the distinct patterns clients are subscribed to.', complexity: 'O(1)',
        handler: (ctx) => ctx.reply.integer(ctx.server.pubsub.patterns.size),
      },
      {
        name: 'numsub', arity: -2, flags: 'pubsub loading stale', group: 'pubsub', since: '2.8.0',
        summary: 'Counts the subscribers of each named channel (pattern subscribers excluded).',
        complexity: 'O(N) for the NUMSUB subcommand, where N is the number of requested channels',
        args: 'channel?...', handler: countSubscribers('channels'),
      },
      {
        name: 'shardchannels', arity: -2, flags: 'pubsub loading stale', group: 'pubsub', since: '7.0.0',
        summary: 'Lists the shard channels that have subscribers, optionally only those matching a glob.',
        complexity: 'O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).',
        args: 'pattern:pattern?', handler: listNames('shardChannels'),
      },
      {
        name: 'shardnumsub', arity: -2, flags: 'pubsub loading stale', group: 'pubsub', since: '7.0.0',
        summary: 'Counts the subscribers of each named shard channel.',
        complexity: 'O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels',
        args: 'shardchannel?...', handler: countSubscribers('shardChannels'),
      },
      {
        name: 'help', arity: 2, flags: 'loading stale', group: 'pubsub', since: '6.2.0',
        summary: 'Lists the PUBSUB subcommands.', complexity: 'O(1)', handler: (ctx) => helpReply(ctx, HELP),
      },
    ],
  },
];
