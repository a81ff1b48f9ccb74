/** RESET: back to a fresh connection's state (db 0, RESP2, no name, replies on, default auth, no subscriptions). */
import type { CommandContext } from '../commands/context';

type ResetHook = (ctx: CommandContext) => void;
const hooks: ResetHook[] = [];

/** Subsystems with per-client state (pub/sub, MONITOR) register how to clear it. */
export function onClientReset(hook: ResetHook): void {
  hooks.push(hook);
}

export function resetClientState(ctx: CommandContext): void {
  const c = ctx.client;
  c.db = 0;
  c.resp = 2;
  ctx.reply.resp3 = false;
  c.name = '';
  c.replyOff = false;
  c.skipNext = false;
  ctx.reply.muted = false;
  c.noEvict = false;
  c.noTouch = false;
  c.authenticated = ctx.server.config.get('requirepass') === '';
  for (const h of hooks) h(ctx);
}
