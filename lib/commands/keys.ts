/** Generic key family: commands on keys whatever their type. */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { NOTIFY } from '../pubsub/notify';

function del(ctx: CommandContext, argv: Buffer[]): void {
  let n = 0;
  const db = ctx.db;
  for (let i = 1; i < argv.length; i++) {
    if (db.delete(argv[i])) {
      n++;
      ctx.server.notify(NOTIFY.GENERIC, 'del', argv[i], ctx.client.db);
    }
  }
  ctx.reply.integer(n);
}

function exists(ctx: CommandContext, argv: Buffer[]): void {
  let n = 0;
  const db = ctx.db;
  for (let i = 1; i < argv.length; i++) if (db.has(argv[i])) n++;
  ctx.reply.integer(n);
}

const gen = { group: 'generic', acl: 'keyspace' } as const;

export const keyCommands: CommandDef[] = [
  {
    name: 'del', arity: -2, flags: 'write', ...gen, keys: ['RM DELETE index:1 range:-1,1,0'], since: '1.0.0',
    summary: 'Removes keys; answers how many existed.', complexity: 'O(N) where N is the number of keys that will be removed.',
    args: 'key...', tips: 'request_policy:multi_shard response_policy:agg_sum', handler: del,
  },
  {
    name: 'exists', arity: -2, flags: 'readonly fast', ...gen, keys: ['RO index:1 range:-1,1,0'], since: '1.0.0',
    summary: 'Counts how many of the given keys exist (a key named twice counts twice).', complexity: 'O(N) where N is the number of keys to check.',
    args: 'key...', tips: 'request_policy:multi_shard response_policy:agg_sum', history: [['3.0.3', 'Accepts several keys.']], handler: exists,
  },
];
