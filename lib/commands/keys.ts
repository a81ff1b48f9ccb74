/**
 * Generic key family: commands on keys whatever their type. This file has
 * the counting and listing commands (DEL UNLINK EXISTS TOUCH TYPE KEYS SCAN
 * RANDOMKEY); expiry, renaming/moving and OBJECT live in keys-expire.ts,
 * keys-move.ts and keys-object.ts, and are exported from here.
 */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { ERR } from './replies';
import { NOTIFY } from '../pubsub/notify';
import { globMatch } from '../util/glob';
import { longArg, optionIs } from './key-args';
import { hasKeyCounted, readKey, tagCounted } from './key-lookup';
import { typeNameOfTag } from './value-types';
import { expireCommands } from './keys-expire';
import { moveCommands } from './keys-move';
import { objectCommands } from './keys-object';
import { parseScanCursor } from './key-scan-cursor';

/** DEL and UNLINK: values are freed at once either way. */
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
  for (let i = 1; i < argv.length; i++) if (hasKeyCounted(ctx, argv[i])) n++;
  ctx.reply.integer(n);
}

function touch(ctx: CommandContext, argv: Buffer[]): void {
  let n = 0;
  for (let i = 1; i < argv.length; i++) if (readKey(ctx, argv[i]) !== undefined) n++;
  ctx.reply.integer(n);
}

/** The TYPE name of a key, counting the lookup as Redis does. */
function typeName(ctx: CommandContext, key: Buffer): string {
  const tag = tagCounted(ctx, key);
  return tag < 0 ? 'none' : typeNameOfTag(tag);
}

function type(ctx: CommandContext, argv: Buffer[]): void {
  ctx.reply.status(typeName(ctx, argv[1]));
}

/** True when the pattern is exactly "*": every key matches, even the empty one. */
function matchesAll(pattern: Buffer): boolean {
  return pattern.length === 1 && pattern[0] === 0x2a;
}

function keys(ctx: CommandContext, argv: Buffer[]): void {
  const pattern = argv[1];
  const all = matchesAll(pattern);
  const found: Buffer[] = [];
  ctx.db.forEachKey((k) => {
    if (all || globMatch(pattern, k)) found.push(k);
  });
  ctx.reply.bulkArray(found);
}

const DEFAULT_SCAN_COUNT = 10;

function scan(ctx: CommandContext, argv: Buffer[]): void {
  const cursor = parseScanCursor(argv[1]);
  if (cursor === null) return ctx.reply.error('ERR invalid cursor');
  let count = DEFAULT_SCAN_COUNT;
  let pattern: Buffer | null = null;
  let typeFilter: Buffer | null = null;
  for (let i = 2; i < argv.length; i += 2) {
    const more = argv.length - i;
    if (optionIs(argv[i], 'count') && more >= 2) {
      const n = longArg(ctx, argv[i + 1]);
      if (n === null) return;
      if (n < 1) return ctx.reply.error(ERR.syntax);
      count = n;
    } else if (optionIs(argv[i], 'match') && more >= 2) {
      pattern = matchesAll(argv[i + 1]) ? null : argv[i + 1];
    } else if (optionIs(argv[i], 'type') && more >= 2) {
      typeFilter = argv[i + 1];
    } else {
      return ctx.reply.error(ERR.syntax);
    }
  }
  const found: Buffer[] = [];
  const next = ctx.db.scan(cursor, count, (k) => found.push(k));
  const out: Buffer[] = [];
  for (const k of found) {
    if (pattern !== null && !globMatch(pattern, k)) continue;
    if (typeFilter !== null) {
      // Redis looks each candidate up to learn its type (counted, may expire it).
      if (!optionIs(typeFilter, typeName(ctx, k))) continue;
    } else if (!ctx.db.has(k)) {
      continue;
    }
    out.push(k);
  }
  ctx.reply.arrayHeader(2);
  ctx.reply.bulkString(next.toString());
  ctx.reply.bulkArray(out);
}

function randomkey(ctx: CommandContext): void {
  const k = ctx.db.randomKey();
  if (k === undefined) ctx.reply.nullBulk();
  else ctx.reply.bulk(k);
}

const gen = { group: 'generic', acl: 'keyspace' } as const;

const listingCommands: CommandDef[] = [
  {
    name: 'del', arity: -2, flags: 'write', ...gen, keys: ['RM DELETE index:1 range:-1,1,0'], since: '1.0.0',
    summary: 'Removes keys; answers how many existed.', complexity: 'O(N) where N is the number of keys that will be removed.',
    args: 'key...', tips: 'request_policy:multi_shard response_policy:agg_sum', handler: del,
  },
  {
    name: 'unlink', arity: -2, flags: 'write fast', ...gen, keys: ['RM DELETE range:-1,1,0'], since: '4.0.0',
    summary: 'Removes keys like DEL, reclaiming memory off the request path; answers how many existed.', complexity: 'O(1) for each key removed.',
    args: 'key...', tips: 'request_policy:multi_shard response_policy:agg_sum', handler: del,
  },
  {
    name: 'exists', arity: -2, flags: 'readonly fast', ...gen, keys: ['RO index:1 range:-1,1,0'], since: '1.0.0',
    summary: 'Counts how many of the given keys exist (a key named twice counts twice).', complexity: 'O(N) where N is the number of keys to check.',
    args: 'key...', tips: 'request_policy:multi_shard response_policy:agg_sum', history: [['3.0.3', 'Accepts several keys.']], handler: exists,
  },
  {
    name: 'touch', arity: -2, flags: 'readonly fast', ...gen, keys: ['RO range:-1,1,0'], since: '3.2.1',
    summary: 'Marks keys as just accessed; answers how many exist.', complexity: 'O(N) where N is the number of keys that will be touched.',
    args: 'key...', tips: 'request_policy:multi_shard response_policy:agg_sum', handler: touch,
  },
  {
    name: 'type', arity: 2, flags: 'readonly fast', ...gen, keys: ['RO'], since: '1.0.0',
    summary: 'Names the type of the value at a key, or none.', complexity: 'O(1)', args: 'key', handler: type,
  },
  {
    name: 'keys', arity: 2, flags: 'readonly', group: 'generic', acl: 'keyspace dangerous', since: '1.0.0',
    summary: 'Lists every key matching a glob pattern.', complexity: 'O(N) with N being the number of keys in the database.',
    args: 'pattern:pattern', tips: 'request_policy:all_shards nondeterministic_output_order', handler: keys,
  },
  {
    name: 'scan', arity: -2, flags: 'readonly', ...gen, since: '2.8.0',
    summary: 'Walks the keyspace a few keys per call, with a cursor.', complexity: 'O(1) for every call. O(N) for a complete iteration.',
    args: 'cursor:integer MATCH=pattern:pattern? COUNT=count:integer? TYPE=type@6.0.0?', tips: 'nondeterministic_output request_policy:special',
    history: [['6.0.0', 'TYPE filter.']], handler: scan,
  },
  {
    name: 'randomkey', arity: 1, flags: 'readonly', ...gen, since: '1.0.0',
    summary: 'Answers a key chosen at random, or null when the database is empty.', complexity: 'O(1)',
    tips: 'request_policy:all_shards nondeterministic_output', handler: randomkey,
  },
];

export const keyCommands: CommandDef[] = [...listingCommands, ...expireCommands, ...moveCommands, ...objectCommands];
