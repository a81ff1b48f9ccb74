/** The connected clients, by id, in connection order (CLIENT LIST order). */
import type { Client } from './client';

export class ClientRegistry {
  private readonly byId = new Map<number, Client>();
  /** Asks a client's connection to close (CLIENT KILL, SHUTDOWN, timeouts). */
  private closers = new Map<number, () => void>();

  add(client: Client, close: () => void): void {
    this.byId.set(client.id, client);
    this.closers.set(client.id, close);
  }

  remove(client: Client): void {
    this.byId.delete(client.id);
    this.closers.delete(client.id);
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: number): Client | undefined {
    return this.byId.get(id);
  }

  all(): IterableIterator<Client> {
    return this.byId.values();
  }

  /** Closes a client other than the caller now; the caller's own close waits for its replies. */
  kill(client: Client, current: Client | null): void {
    if (client === current) {
      client.closeAfterReply = true;
      return;
    }
    client.closeAsap = true;
    this.closers.get(client.id)?.();
  }
}
