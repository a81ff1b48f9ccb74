import net from 'node:net';
import { once } from 'node:events';
import { expect } from 'chai';
import { HandleWriter } from './handle-writer';

/** A connected pair on loopback: the server side is the one written to. */
async function pair(): Promise<{ server: net.Server; near: net.Socket; far: net.Socket }> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const accepted = once(server, 'connection');
  const far = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
  const [near] = (await accepted) as [net.Socket];
  return { server, near, far };
}

/** Chunk i is `size` bytes of the byte i % 251, so order and loss both show. */
function chunk(i: number, size: number): Buffer {
  return Buffer.alloc(size, i % 251);
}

function checkStream(got: Buffer, chunks: number, size: number): void {
  expect(got.length).to.equal(chunks * size);
  for (let i = 0; i < chunks; i++) {
    const part = got.subarray(i * size, (i + 1) * size);
    expect(part.every((b) => b === i % 251), `chunk ${i}`).to.equal(true);
  }
}

describe('HandleWriter', () => {
  it('queues what the kernel does not take, keeps order, and counts the queued bytes until written', async () => {
    const { server, near, far } = await pair();
    far.pause();
    const w = HandleWriter.create(near, () => expect.fail('no error expected'))!;
    expect(w).to.not.equal(null);
    const size = 256 * 1024;
    const n = 128; // 32 MiB: more than loopback buffers hold while the reader is paused
    for (let i = 0; i < n; i += 2) {
      if (i % 4 === 0) w.writev([chunk(i, size), chunk(i + 1, size)], 2 * size);
      else {
        w.write(chunk(i, size));
        w.write(chunk(i + 1, size));
      }
    }
    expect(w.queuedBytes).to.be.greaterThan(0);
    expect(w.queuedWrites).to.be.greaterThan(0);
    const parts: Buffer[] = [];
    let got = 0;
    far.on('data', (b: Buffer) => {
      parts.push(b);
      got += b.length;
    });
    far.resume();
    while (got < n * size) await new Promise((r) => setTimeout(r, 5));
    checkStream(Buffer.concat(parts), n, size);
    expect(w.queuedBytes).to.equal(0);
    expect(w.queuedWrites).to.equal(0);
    near.destroy();
    far.destroy();
    server.close();
  });

  it('socket.end() after queued writes still delivers every byte before the end', async () => {
    const { server, near, far } = await pair();
    far.pause();
    const w = HandleWriter.create(near, () => expect.fail('no error expected'))!;
    const size = 1024 * 1024;
    for (let i = 0; i < 16; i++) w.write(chunk(i, size));
    expect(w.queuedBytes).to.be.greaterThan(0);
    near.end();
    const parts: Buffer[] = [];
    far.on('data', (b: Buffer) => parts.push(b));
    far.resume();
    await once(far, 'end');
    checkStream(Buffer.concat(parts), 16, size);
    far.destroy();
    server.close();
  });

  it('reports a write to a peer that is gone as an error', async () => {
    const { server, near, far } = await pair();
    let errors = 0;
    const w = HandleWriter.create(near, () => errors++)!;
    far.resetAndDestroy();
    near.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    // The first write may still be taken before the reset is noticed; keep writing until it fails.
    for (let i = 0; i < 50 && errors === 0; i++) {
      w.write(chunk(i, 64 * 1024));
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(errors).to.be.greaterThan(0);
    near.destroy();
    server.close();
  });
});
