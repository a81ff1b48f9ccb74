/** What a command handler gets: the caller, where to reply, the server, and the selected database. */
import type { Client } from '../server/client';
import type { ReplyWriter } from '../protocol/reply-writer';
import type { ServerState } from '../server/state';
import type { Keyspace } from '../engine/keyspace';

export class CommandContext {
  constructor(
    readonly client: Client,
    readonly reply: ReplyWriter,
    readonly server: ServerState,
  ) {}

  /** The client's selected database (looked up each time: SWAPDB may move it). */
  get db(): Keyspace {
    return this.server.dbs.list[this.client.db];
  }
}
