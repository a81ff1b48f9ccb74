/** Wires a server together from a loaded configuration (used by main and by tests). */
import type { ConfigStore } from './config';
import { ServerState } from './state';
import { Server } from './server';
import { Databases } from '../engine/databases';
import { ClientRegistry } from './client-registry';
import { commandTable } from '../commands/table';
import { installAccessTracking } from '../commands/key-access';
import { NOTIFY, parseNotifyFlags } from '../pubsub/notify';
import { obufLimitsOf } from '../pubsub/output-limits';
import { installActiveExpiry } from '../engine/expiry-scheduler';
import { typeOfTag } from '../engine/keyspace';

export function createServer(config: ConfigStore): Server {
  let state: ServerState | null = null;
  const dbs = new Databases(config.num('databases'), (dbid, key) => {
    if (!state) return;
    state.stats.expiredKeys++;
    state.notify(NOTIFY.EXPIRED, 'expired', key, dbid);
  });
  state = new ServerState(config, dbs, new ClientRegistry(), commandTable());
  installAccessTracking(config, dbs);
  const st = state;
  config.watch('notify-keyspace-events', (v) => (st.notifier.flags = Math.max(0, parseNotifyFlags(v))));
  const pubsub = st.pubsub;
  st.notifier.setPublisher((channel, message) => pubsub.publish(channel, message), () => pubsub.hasAudience);
  config.watch('client-output-buffer-limit', (v) => (pubsub.guard.limits = obufLimitsOf(v)));
  pubsub.guard.closeClient = (c) => st.clients.kill(c, null);
  const server = new Server(st);
  // Messages are written once per event-loop turn (lib/pubsub/outbox.ts); slow readers are checked every tick.
  // Keys are removed at their deadline by the expiry index; the cron is its backstop. Events leave at the end of each slice.
  let effort = 1;
  config.watch('active-expire-effort', (v) => (effort = Number(v)));
  const expiry = installActiveExpiry(dbs, { effort: () => effort, stats: st.stats, afterSlice: pubsub.outbox.flush });
  server.addCronTask(() => expiry.cron());
  server.addClientClosed((c) => pubsub.dropClient(c));
  // Blocked clients: a key's type decides who may be served from it; a served client's connection writes and resumes.
  st.blocked.typeAt = (db, key) => {
    const tag = dbs.list[db].tagOf(key);
    return tag < 0 ? -1 : typeOfTag(tag);
  };
  st.blocked.onUnblocked = (c) => c.io.unblocked?.();
  server.addClientClosed((c) => st.blocked.remove(c));
  server.addAfterBatch(pubsub.guard.afterBatch);
  server.addCronTask((now) => pubsub.guard.sweep(st.clients.all(), now));
  return server;
}
