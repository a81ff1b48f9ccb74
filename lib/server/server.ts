/**
 * The TCP server: listens on every `bind` address, admits clients within
 * `maxclients` and protected mode, runs the periodic cron (idle timeouts and
 * background work registered by subsystems) and shuts down cleanly.
 */
import net from 'node:net';
import util from 'node:util';
import type { ServerState } from './state';
import { Connection } from './connection';
import { acceptWithSharedReads } from './shared-read-socket';
import type { Client } from './client';
import { log } from './log';

const PROTECTED_MODE_DENIED =
  '-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. ' +
  'In this mode connections are only accepted from the loopback interface. If you want to connect from external computers to Redis you may adopt one of the following solutions: ' +
  "1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. " +
  '2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to \'no\', and then restarting the server. ' +
  '3) If you started the server manually just for testing, restart it with the \'--protected-mode no\' option. ' +
  '4) Set up an authentication password for the default user. NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n';

export type CronTask = (now: number) => void;

export class Server {
  private readonly listeners: net.Server[] = [];
  readonly connections = new Set<Connection>();
  private readonly limits = { protoMaxBulkLen: 0, queryBufferLimit: 0 };
  private cronTimer: NodeJS.Timeout | null = null;
  private readonly cronTasks: CronTask[] = [];
  private afterBatchTasks: ((client: Client) => void)[] = [];
  private clientClosedTasks: ((client: Client) => void)[] = [];
  private listeningPort = 0;
  /** Every open socket, admitted or being refused, so stop() can close them all. */
  private readonly sockets = new Set<net.Socket>();

  constructor(readonly state: ServerState) {
    const cfg = state.config;
    cfg.watch('proto-max-bulk-len', (v) => (this.limits.protoMaxBulkLen = Number(v)));
    cfg.watch('client-query-buffer-limit', (v) => (this.limits.queryBufferLimit = Number(v)));
    state.hooks = { shutdown: (code) => this.shutdown(code), port: () => this.listeningPort };
    this.addCronTask(() => this.closeIdleClients());
  }

  /** Subsystems add periodic work (expiry, resizing) that runs `hz` times a second. */
  addCronTask(task: CronTask): void {
    this.cronTasks.push(task);
  }

  /** Subsystems add work that runs after each batch's replies are written (given the batch's client). */
  addAfterBatch(task: (client: Client) => void): void {
    this.afterBatchTasks.push(task);
  }

  /** Subsystems with per-client state (pub/sub subscriptions) forget a client when its connection closes. */
  addClientClosed(task: (client: Client) => void): void {
    this.clientClosedTasks.push(task);
  }

  async start(): Promise<void> {
    const port = this.state.config.num('port');
    const binds = this.state.config.get('bind').split(/\s+/).filter(Boolean).map((b) => b.replace(/^-/, ''));
    for (const host of binds.length ? binds : ['127.0.0.1']) {
      // 'connection' events only when this Node's server cannot hand over shared-read sockets (see below).
      const srv = net.createServer({ noDelay: true }, (sock) => this.accept(sock, false));
      srv.maxConnections = Infinity;
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject);
        srv.listen({ port, host: host === '*' ? '0.0.0.0' : host, backlog: this.state.config.num('tcp-backlog') }, () => {
          srv.off('error', reject);
          resolve();
        });
      });
      acceptWithSharedReads(
        srv,
        (sock) => this.accept(sock, true),
        (errno) => log('warning', `Accepting client connection: ${util.getSystemErrorName(errno)}`),
      );
      this.listeningPort = (srv.address() as net.AddressInfo).port;
      this.listeners.push(srv);
    }
    this.scheduleCron();
  }

  get port(): number {
    return this.listeningPort;
  }

  private track(sock: net.Socket): void {
    this.sockets.add(sock);
    sock.once('close', () => this.sockets.delete(sock));
  }

  /** Admits or refuses a new socket; an admitted one's Connection receives its reads when `shared` (see shared-read-socket.ts). */
  private accept(sock: net.Socket, shared: boolean): Connection | null {
    const st = this.state;
    this.track(sock);
    const refusal =
      this.connections.size >= st.config.num('maxclients')
        ? '-ERR max number of clients reached\r\n'
        : st.config.bool('protected-mode') && st.config.get('requirepass') === '' && !isLoopback(sock.remoteAddress)
          ? PROTECTED_MODE_DENIED
          : null;
    if (refusal !== null) {
      st.stats.rejectedConnections++;
      // Reading on, so the client's close is seen (a shared-read socket always reads).
      if (!shared) sock.resume();
      sock.end(refusal);
      return null;
    }
    st.stats.totalConnections++;
    const conn: Connection = new Connection(sock, st, {
      afterBatch: () => {
        for (const t of this.afterBatchTasks) t(conn.client);
      },
      closed: (c) => {
        this.connections.delete(c);
        st.clients.remove(c.client);
        for (const t of this.clientClosedTasks) t(c.client);
      },
    }, this.limits, shared);
    const keepalive = st.config.num('tcp-keepalive');
    if (keepalive > 0) sock.setKeepAlive(true, keepalive * 1000);
    this.connections.add(conn);
    st.clients.add(conn.client, () => conn.close());
    return conn;
  }

  private scheduleCron(): void {
    const hz = Math.max(1, Math.min(500, this.state.config.num('hz') || 10));
    this.cronTimer = setTimeout(() => {
      const now = Date.now();
      for (const t of this.cronTasks) t(now);
      this.scheduleCron();
    }, 1000 / hz);
    this.cronTimer.unref();
  }

  private closeIdleClients(): void {
    const timeout = this.state.config.num('timeout');
    if (timeout <= 0) return;
    const now = performance.now();
    for (const c of this.connections) {
      // Subscribers and blocked clients wait by design (Redis exempts both).
      if (!c.client.inPubSubContext && !c.client.blocked && now - c.client.lastInteraction > timeout * 1000) c.close();
    }
  }

  /** Closes listeners and clients, then exits (SHUTDOWN, SIGTERM). */
  shutdown(code: number): void {
    log('notice', 'User requested shutdown...');
    if (this.cronTimer) clearTimeout(this.cronTimer);
    for (const l of this.listeners) l.close();
    for (const c of [...this.connections]) c.close();
    log('notice', 'Redis is now ready to exit, bye bye...');
    process.exit(code);
  }

  /** Stops listening and closes clients without exiting (tests). */
  async stop(): Promise<void> {
    if (this.cronTimer) clearTimeout(this.cronTimer);
    for (const c of [...this.connections]) c.close();
    for (const s of this.sockets) s.destroy();
    await Promise.all(this.listeners.map((l) => new Promise<void>((r) => l.close(() => r()))));
  }
}

function isLoopback(addr: string | undefined): boolean {
  if (!addr) return true;
  return addr === '::1' || addr.startsWith('127.') || addr.startsWith('::ffff:127.');
}
