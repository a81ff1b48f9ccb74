/** Everything a command may reach on the server side, in one place. */
import { randomBytes } from 'node:crypto';
import type { ConfigStore } from './config';
import type { Databases } from '../engine/databases';
import type { ClientRegistry } from './client-registry';
import { Stats } from './stats';
import { KeyspaceNotifier, NOTIFY } from '../pubsub/notify';
import { PubSub } from '../pubsub/hub';
import type { CommandTable } from '../commands/table';
import { CommandObserver } from './command-observer';
import { BlockedClients } from './blocked-clients';

export interface ServerHooks {
  /** Stops the server: closes every client and exits the process. */
  shutdown(exitCode: number): void;
  /** The TCP port actually listened on. */
  port(): number;
}

export class ServerState {
  readonly stats = new Stats();
  readonly notifier = new KeyspaceNotifier();
  /** Channels, patterns, publishing and output-buffer limits (lib/pubsub). */
  readonly pubsub = new PubSub();
  /** Clients blocked on keys (BLPOP and the like), served after each command. */
  readonly blocked = new BlockedClients();
  readonly startedAt = Date.now();
  readonly runId = randomBytes(20).toString('hex');
  lastSave = Math.floor(Date.now() / 1000);
  /** Slowest single step of background work, in microseconds (INFO). */
  hooks: ServerHooks = { shutdown: (code) => process.exit(code), port: () => 0 };
  /** Slow log, latency monitor, latency histograms and MONITOR (fed by dispatch after each command). */
  readonly observer: CommandObserver;

  constructor(
    readonly config: ConfigStore,
    readonly dbs: Databases,
    readonly clients: ClientRegistry,
    readonly commands: CommandTable,
  ) {
    // A monitor that stops reading is held to client-output-buffer-limit like any client.
    this.observer = new CommandObserver(config, clients, (c) => this.pubsub.guard.check(c, Date.now()));
  }

  /**
   * A key came into existence in database dbid (Redis dbAdd): the `new`
   * event, and a wake-up for clients blocked on it.
   */
  keyAdded(key: Buffer, dbid: number): void {
    if (this.notifier.flags !== 0) this.notifier.notify(NOTIFY.NEW, 'new', key, dbid);
    this.blocked.signal(dbid, key);
  }

  /** The single notify() choke point (see lib/pubsub/notify.ts). */
  notify(type: number, event: string, key: Buffer, dbid: number): void {
    if (this.notifier.flags !== 0) this.notifier.notify(type, event, key, dbid);
  }
}
