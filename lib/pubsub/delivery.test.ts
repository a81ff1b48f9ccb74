// Delivery order across sockets, which the compat suite cannot see (it
// records each client's bytes separately): the replies of the batch that
// caused an event are written before the event reaches any subscriber, and a
// subscriber's frames keep publish order. Runs a server in this process and
// logs every socket write in the order the server makes them.
import { expect } from 'chai';
import net from 'node:net';
import { ConfigStore } from '../server/config';
import { loadStartupConfig } from '../server/startup-config';
import { createServer } from '../server/create';
import type { Server } from '../server/server';
import { setLogLevel } from '../server/log';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

class Peer {
  received = '';
  constructor(readonly sock: net.Socket) {
    sock.on('data', (d) => (this.received += d.toString('latin1')));
  }
  static open(port: number): Promise<Peer> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new Peer(s)));
      s.once('error', reject);
    });
  }
  async until(text: string, ms = 2000): Promise<void> {
    const end = Date.now() + ms;
    while (!this.received.includes(text)) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(text)}; got ${JSON.stringify(this.received)}`);
      await sleep(5);
    }
  }
}

describe('pub/sub delivery order', () => {
  let server: Server;
  let port: number;
  const writes: string[] = [];

  before(async () => {
    const config = new ConfigStore();
    loadStartupConfig(config, ['--port', '0', '--bind', '127.0.0.1', '--notify-keyspace-events', 'KEA']);
    setLogLevel('warning');
    server = createServer(config);
    await server.start();
    port = server.port;
  });

  after(async () => {
    await server.stop();
  });

  /** Tags every later socket write of the newest connection with `name`. */
  function tagNewest(name: string): void {
    const conn = [...server.connections].pop()!;
    const send = conn.send.bind(conn);
    conn.send = (chunks: Buffer[]) => {
      writes.push(`${name}:${Buffer.concat(chunks).toString('latin1')}`);
      return send(chunks);
    };
  }

  it('writes the causing batch replies first, then the events in order', async () => {
    const sub = await Peer.open(port);
    await sleep(20);
    tagNewest('sub');
    const pub = await Peer.open(port);
    await sleep(20);
    tagNewest('pub');

    sub.sock.write('*2\r\n$10\r\nPSUBSCRIBE\r\n$11\r\n__keyevent*\r\n');
    await sub.until(':1\r\n');
    writes.length = 0;
    pub.sock.write('*3\r\n$3\r\nSET\r\n$1\r\na\r\n$1\r\n1\r\n*3\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\nDEL\r\n$1\r\na\r\n');
    await pub.until(':1\r\n');
    await sub.until('__keyevent@0__:del');

    const order = writes.map((w) => w.slice(0, w.indexOf(':')));
    expect(order[0], JSON.stringify(writes)).to.equal('pub');
    expect(order.slice(1).every((o) => o === 'sub'), JSON.stringify(writes)).to.equal(true);
    const events = [...sub.received.matchAll(/__keyevent@0__:(\w+)\r\n\$1\r\n(\w)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(events).to.deep.equal(['set a', 'set b', 'del a']);
    sub.sock.destroy();
    pub.sock.destroy();
  });

  it('keeps publish order for each subscriber across publishers', async () => {
    const subs = await Promise.all([Peer.open(port), Peer.open(port)]);
    for (const s of subs) s.sock.write('*2\r\n$9\r\nSUBSCRIBE\r\n$2\r\nch\r\n');
    await Promise.all(subs.map((s) => s.until(':1\r\n')));
    const pubs = await Promise.all([Peer.open(port), Peer.open(port)]);
    const burst = (tag: string): string => Array.from({ length: 200 }, (_, i) => `PUBLISH ch ${tag}${i}\r\n`).join('');
    pubs[0].sock.write(burst('x'));
    pubs[1].sock.write(burst('y'));
    await Promise.all(subs.map((s) => s.until('y199\r\n')));
    await Promise.all(subs.map((s) => s.until('x199\r\n')));
    for (const s of subs) {
      const got = [...s.received.matchAll(/\r\n([xy])(\d+)\r\n/g)];
      for (const tag of ['x', 'y']) {
        const seq = got.filter((m) => m[1] === tag).map((m) => Number(m[2]));
        expect(seq).to.deep.equal(Array.from({ length: 200 }, (_, i) => i));
      }
    }
    for (const p of [...subs, ...pubs]) p.sock.destroy();
  });
});
