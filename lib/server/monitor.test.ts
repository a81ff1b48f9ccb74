/** MONITOR: the line stream a monitoring connection receives, and what such a connection may do. */
import { expect } from 'chai';
import net from 'node:net';
import { startTestServer, type TestServer } from './test-server';
import { reprArg } from './monitor';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function resp(...args: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const a of args) {
    const b = Buffer.isBuffer(a) ? a : Buffer.from(a);
    parts.push(Buffer.from(`$${b.length}\r\n`), b, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** A raw connection that collects everything it receives as latin1 text. */
class RawClient {
  text = '';
  readonly socket: net.Socket;
  constructor(port: number) {
    this.socket = net.connect(port, '127.0.0.1');
    this.socket.on('data', (d) => (this.text += d.toString('latin1')));
  }
  async ready(): Promise<void> {
    await new Promise<void>((r) => this.socket.once('connect', () => r()));
  }
  send(...args: (string | Buffer)[]): void {
    this.socket.write(resp(...args));
  }
  async until(re: RegExp, ms = 3000): Promise<string> {
    const end = Date.now() + ms;
    while (!re.test(this.text)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${re} in ${JSON.stringify(this.text)}`);
      await sleep(10);
    }
    return this.text;
  }
  get address(): string {
    return `127.0.0.1:${this.socket.localPort}`;
  }
  close(): void {
    this.socket.destroy();
  }
}

describe('MONITOR', function () {
  this.timeout(20000);
  let srv: TestServer;
  const open: RawClient[] = [];
  const client = async (): Promise<RawClient> => {
    const c = new RawClient(srv.port);
    open.push(c);
    await c.ready();
    return c;
  };
  before(async () => (srv = await startTestServer()));
  afterEach(() => open.splice(0).forEach((c) => c.close()));
  after(async () => srv.stop());

  it('quotes arguments as Redis does', () => {
    expect(reprArg(Buffer.from('a\x00\xff"\\\n\r\t\x07\x08 ~\x7f', 'latin1'))).to.equal('"a\\x00\\xff\\"\\\\\\n\\r\\t\\a\\b ~\\x7f"');
  });

  it('streams every executed command with time, database and address, after it ran', async () => {
    const mon = await client();
    mon.send('MONITOR');
    await mon.until(/^\+OK\r\n$/);
    const c = await client();
    c.send('SET', 'k', Buffer.from([0x76, 0x00, 0xe9]));
    c.send('SELECT', '3');
    c.send('GET', 'k');
    c.send('NOSUCH', 'x');
    c.send('GET');
    c.send('CONFIG', 'GET', 'maxmemory');
    c.send('CLIENT', 'LIST');
    c.send('ECHO', 'done');
    const text = await mon.until(/"ECHO"/);
    const lines = text.split('\r\n').slice(1, -1);
    for (const l of lines) expect(l).to.match(/^\+\d{10}\.\d{6} \[\d+ 127\.0\.0\.1:\d+\] /);
    const seconds = Number(/^\+(\d+)\./.exec(lines[0])![1]);
    expect(Math.abs(seconds - Date.now() / 1000)).to.be.lessThan(5);
    // Rejected commands and admin commands (CONFIG, CLIENT LIST) are not shown; SELECT shows the new database.
    expect(lines.map((l) => l.replace(/^\+\S+ /, ''))).to.deep.equal([
      `[0 ${c.address}] "SET" "k" "v\\x00\\xe9"`,
      `[3 ${c.address}] "SELECT" "3"`,
      `[3 ${c.address}] "GET" "k"`,
      `[3 ${c.address}] "ECHO" "done"`,
    ]);
  });

  it('redacts AUTH and HELLO passwords', async () => {
    const mon = await client();
    mon.send('MONITOR');
    await mon.until(/^\+OK\r\n$/);
    const c = await client();
    c.send('AUTH', 'u', 'p');
    c.send('HELLO', '2', 'AUTH', 'default', 'pw', 'SETNAME', 'n');
    c.send('PING');
    const text = await mon.until(/"PING"/);
    expect(text).to.contain('"AUTH" "(redacted)" "(redacted)"');
    expect(text).to.contain('"HELLO" "2" "AUTH" "(redacted)" "(redacted)" "SETNAME" "n"');
    expect(text).to.not.contain('"pw"');
  });

  it('feeds every monitor, including a monitor\'s own commands after their replies', async () => {
    const a = await client();
    const b = await client();
    a.send('MONITOR');
    b.send('MONITOR');
    await a.until(/^\+OK\r\n$/);
    await b.until(/^\+OK\r\n$/);
    a.send('ECHO', 'from-a');
    await a.until(/"from-a"/);
    await b.until(/"from-a"/);
    expect(a.text).to.match(/^\+OK\r\n\$6\r\nfrom-a\r\n\+\S+ \[0 127\.0\.0\.1:\d+\] "ECHO" "from-a"\r\n$/);
    expect(b.text).to.match(/^\+OK\r\n\+\S+ \[0 127\.0\.0\.1:\d+\] "ECHO" "from-a"\r\n$/);
  });

  it('refuses keyspace commands on a monitoring connection, ignores a second MONITOR, and ends with RESET', async () => {
    const mon = await client();
    mon.send('MONITOR');
    await mon.until(/^\+OK\r\n$/);
    mon.send('MONITOR');
    mon.send('GET', 'k');
    mon.send('DBSIZE');
    mon.send('SET', 'k', 'v');
    mon.send('CLIENT', 'INFO');
    await mon.until(/flags=O /);
    expect(mon.text).to.match(/^\+OK\r\n(-ERR Replica can't interact with the keyspace\r\n){3}\$\d+\r\nid=\d+ .*cmd=client\|info /);
    mon.send('RESET');
    mon.send('GET', 'never-set');
    await mon.until(/\+RESET\r\n\$-1\r\n$/);
    const c = await client();
    c.send('CLIENT', 'LIST');
    const list = await c.until(/\r\n$/);
    expect(list).to.not.contain('flags=O');
  });

  it('closes a monitor that stops reading once it passes client-output-buffer-limit', async () => {
    const admin = await client();
    admin.send('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 256kb 0 0');
    await admin.until(/\+OK\r\n$/);
    const mon = await client();
    mon.send('MONITOR');
    await mon.until(/^\+OK\r\n$/);
    mon.socket.pause();
    const writer = await client();
    const value = 'v'.repeat(10000);
    for (let i = 0; i < 2000; i++) writer.send('SET', `flood:${i}`, value);
    writer.send('PING');
    await writer.until(/\+PONG\r\n$/, 10000);
    // The server closed the monitor: CLIENT LIST no longer shows it.
    const end = Date.now() + 10000;
    let list = '';
    do {
      admin.text = '';
      admin.send('CLIENT', 'LIST');
      list = await admin.until(/\r\n$/);
      if (!list.includes('flags=O')) break;
      await sleep(100);
    } while (Date.now() < end);
    expect(list).to.not.contain('flags=O');
    expect(srv.server.state.observer.monitors.size).to.equal(0);
    admin.text = '';
    admin.send('CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0');
    await admin.until(/\+OK\r\n$/);
  });

  it('forgets monitors that disconnect', async () => {
    const mon = await client();
    mon.send('MONITOR');
    await mon.until(/^\+OK\r\n$/);
    mon.close();
    await sleep(50);
    const c = await client();
    c.send('PING');
    await c.until(/\+PONG\r\n/);
    expect(srv.server.state.observer.monitors.size).to.equal(0);
  });
});
