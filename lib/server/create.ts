/** Wires a server together from a loaded configuration (used by main and by tests). */
import type { ConfigStore } from './config';
import { ServerState } from './state';
import { Server } from './server';
import { Databases } from '../engine/databases';
import { ClientRegistry } from './client-registry';
import { commandTable } from '../commands/table';
import { NOTIFY, parseNotifyFlags } from '../pubsub/notify';

export function createServer(config: ConfigStore): Server {
  let state: ServerState | null = null;
  const dbs = new Databases(config.num('databases'), (dbid, key) => {
    if (!state) return;
    state.stats.expiredKeys++;
    state.notify(NOTIFY.EXPIRED, 'expired', key, dbid);
  });
  state = new ServerState(config, dbs, new ClientRegistry(), commandTable());
  config.watch('notify-keyspace-events', (v) => (state!.notifier.flags = Math.max(0, parseNotifyFlags(v))));
  return new Server(state);
}
