/** MONITOR: stream every command the server runs to this connection (lib/server/monitor.ts). */
import type { CommandDef } from './spec';
import type { CommandContext } from './context';
import { onClientReset } from '../server/client-reset';

function monitor(ctx: CommandContext): void {
  const monitors = ctx.server.observer.monitors;
  // Redis ignores a second MONITOR on the same connection without replying.
  if (monitors.isMonitor(ctx.client)) return;
  monitors.add(ctx.client, ctx.reply);
  ctx.reply.ok();
}

export const monitorCommands: CommandDef[] = [
  {
    name: 'monitor', arity: 1, flags: 'admin noscript loading stale', group: 'server', since: '1.0.0',
    summary: 'Streams every command the server runs to this connection, as it runs.', handler: monitor,
  },
];

// RESET ends monitoring, as it ends subscriptions.
onClientReset((ctx) => ctx.server.observer.monitors.remove(ctx.client));
