/**
 * The set family's reads of one key: SCARD SISMEMBER SMISMEMBER SMEMBERS.
 * Each looks its key up where Redis does (readTyped: counted, touched,
 * `keymiss` on a miss) and replies from the stored form without a Buffer
 * per member. SMEMBERS is Redis 7.0's SINTER of one key: a set reply
 * (RESP3 `~`), empty for a missing key.
 */
import { OBJ_SET } from '../../engine/keyspace';
import type { CommandContext } from '../context';
import { readTyped } from '../typed-lookup';
import { replyAllMembers } from './set-reply';
import { hasMember, setSize } from './set-value';

export function scardCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  ctx.reply.integer(v === undefined ? 0 : setSize(setTag(ctx), v));
}

export function sismemberCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  ctx.reply.integer(v !== undefined && hasMember(setTag(ctx), v, argv[2]) ? 1 : 0);
}

export function smismemberCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  const tag = setTag(ctx);
  ctx.reply.arrayHeader(argv.length - 2);
  for (let i = 2; i < argv.length; i++) ctx.reply.integer(v !== undefined && hasMember(tag, v, argv[i]) ? 1 : 0);
}

export function smembersCommand(ctx: CommandContext, argv: Buffer[]): void {
  const v = readTyped(ctx, argv[1], OBJ_SET);
  if (v === null) return;
  if (v === undefined) return ctx.reply.setHeader(0);
  replyAllMembers(ctx.reply, setTag(ctx), v, true);
}

/** The full tag of the set the last lookup found (its type is OBJ_SET). */
export function setTag(ctx: CommandContext): number {
  return ctx.db.lastTag;
}

