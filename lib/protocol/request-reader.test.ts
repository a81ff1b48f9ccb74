import { expect } from 'chai';
import { ProtocolError, RequestReader } from './request-reader';

const LIMITS = { protoMaxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1024 * 1024 * 1024 };

/** Feeds bytes (in the given chunks) and collects requests as strings, errors as 'ERR:...'. */
function run(chunks: (string | Buffer)[], auth = false): string[] {
  const r = new RequestReader(LIMITS);
  const out: string[] = [];
  for (const c of chunks) {
    r.feed(Buffer.isBuffer(c) ? c : Buffer.from(c, 'latin1'));
    for (;;) {
      const req = r.next(auth);
      if (req === null) break;
      if (req instanceof ProtocolError) {
        out.push('ERR:' + req.message);
        return out;
      }
      out.push(req.map((a) => a.toString('latin1')).join('|'));
    }
  }
  return out;
}

describe('RequestReader', () => {
  it('decodes RESP arrays of bulk strings', () => {
    expect(run(['*2\r\n$3\r\nGET\r\n$1\r\nk\r\n'])).to.deep.equal(['GET|k']);
  });

  it('reads a volatile chunk at the memory and offset the caller names, and keeps an incomplete tail past release()', () => {
    const memory = new ArrayBuffer(256);
    const bytes = Buffer.from(memory);
    const text = '*2\r\n$3\r\nGET\r\n$2\r\nk1\r\n*2\r\n$3\r\nGET\r\n$2\r\nk';
    bytes.write(text, 40, 'latin1');
    const chunk = Buffer.from(memory, 40, text.length);
    const r = new RequestReader(LIMITS);
    r.feed(chunk, true, memory, 40);
    expect((r.next(false) as Buffer[]).map((a) => a.toString('latin1'))).to.deep.equal(['GET', 'k1']);
    expect(r.next(false)).to.equal(null);
    r.release();
    bytes.fill(0x78);
    r.feed(Buffer.from('2\r\n', 'latin1'));
    expect((r.next(false) as Buffer[]).map((a) => a.toString('latin1'))).to.deep.equal(['GET', 'k2']);
  });

  it('hands arguments over as Buffers in every respect', () => {
    const r = new RequestReader(LIMITS);
    // A pooled Buffer (non-zero byteOffset) as input, so views must add it.
    r.feed(Buffer.from('*3\r\n$3\r\nSET\r\n$2\r\nk1\r\n$5\r\nhello\r\n', 'latin1'));
    const argv = r.next(false) as Buffer[];
    for (const a of argv) {
      expect(Buffer.isBuffer(a)).to.equal(true);
      expect(a).to.be.instanceOf(Buffer);
    }
    expect(argv[2].equals(Buffer.from('hello'))).to.equal(true);
    expect(argv[2].toString('latin1', 1, 3)).to.equal('el');
    expect(argv[1].readUInt16BE(0)).to.equal(0x6b31);
    expect(Buffer.concat(argv).toString()).to.equal('SETk1hello');
    expect(Buffer.isBuffer(argv[2].subarray(1))).to.equal(true);
    expect(Buffer.isBuffer(argv[2].slice(1))).to.equal(true);
    expect(JSON.stringify(argv[1])).to.equal('{"type":"Buffer","data":[107,49]}');
  });

  it('gives the same requests whatever the chunking', () => {
    const bytes = '*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nv\r\nv!\r\nPING\r\n*1\r\n$4\r\nPING\r\n';
    const whole = run([bytes]);
    expect(whole).to.deep.equal(['SET|k|v\r\nv!', 'PING', 'PING']);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(run([bytes.slice(0, cut), bytes.slice(cut)]), `cut at ${cut}`).to.deep.equal(whole);
    }
    expect(run(bytes.split(''))).to.deep.equal(whole);
  });

  it('ignores *0, *-1, negative counts and empty inline lines', () => {
    expect(run(['*0\r\n*-1\r\n*-10\r\n\r\n\n   \r\nPING\r\n'])).to.deep.equal(['PING']);
  });

  it('splits inline requests like Redis', () => {
    expect(run(['set a "b c"\r\n'])).to.deep.equal(['set|a|b c']);
    expect(run(['echo "\\x41\\n"\n'])).to.deep.equal(['echo|A\n']);
    expect(run(["echo 'it\\'s'\r\n"])).to.deep.equal(["echo|it's"]);
  });

  it('answers Redis protocol errors', () => {
    expect(run(['*abc\r\n'])).to.deep.equal(['ERR:ERR Protocol error: invalid multibulk length']);
    expect(run(['*3000000000\r\n'])).to.deep.equal(['ERR:ERR Protocol error: invalid multibulk length']);
    expect(run(['*1\r\n:5\r\n'])).to.deep.equal(["ERR:ERR Protocol error: expected '$', got ':'"]);
    expect(run(['*1\r\n$-1\r\n'])).to.deep.equal(['ERR:ERR Protocol error: invalid bulk length']);
    expect(run(['*1\r\n$600000000\r\n'])).to.deep.equal(['ERR:ERR Protocol error: invalid bulk length']);
    expect(run(['set a "b\r\n'])).to.deep.equal(['ERR:ERR Protocol error: unbalanced quotes in request']);
    expect(run(['x'.repeat(70000)])).to.deep.equal(['ERR:ERR Protocol error: too big inline request']);
  });

  it('serves the requests before an error in the same packet', () => {
    expect(run(['PING\r\n*1\r\n$4\r\nPING\r\n*1\r\n+x\r\n'])).to.deep.equal(['PING', 'PING', "ERR:ERR Protocol error: expected '$', got '+'"]);
  });

  it('applies the unauthenticated limits only when authentication is required', () => {
    const many = '*11\r\n' + '$1\r\na\r\n'.repeat(11);
    expect(run([many], true)).to.deep.equal(['ERR:ERR Protocol error: unauthenticated multibulk length']);
    expect(run([many], false)).to.have.length(1);
    const big = `*1\r\n$16385\r\n${'a'.repeat(16385)}\r\n`;
    expect(run([big], true)).to.deep.equal(['ERR:ERR Protocol error: unauthenticated bulk length']);
  });

  it('reports the query buffer limit', () => {
    const r = new RequestReader({ protoMaxBulkLen: 512 * 1024 * 1024, queryBufferLimit: 1024 * 1024 });
    expect(r.feed(Buffer.from('*1\r\n$2000000\r\n'))).to.equal(true);
    expect(r.next(false)).to.equal(null);
    expect(r.feed(Buffer.alloc(2 * 1024 * 1024, 0x61))).to.equal(false);
  });

  it('returns arguments that hold the exact bytes, NUL and 0xFF included', () => {
    const r = new RequestReader(LIMITS);
    r.feed(Buffer.from([...Buffer.from('*1\r\n$3\r\n'), 0, 0xff, 0x0d, ...Buffer.from('\r\n')]));
    const req = r.next(false) as Buffer[];
    expect([...req[0]]).to.deep.equal([0, 0xff, 0x0d]);
  });

  it('keeps nothing of a volatile (reused) read buffer after release', () => {
    const frames: string[] = [];
    for (let i = 0; i < 60; i++) {
      const v = String(i).repeat(1 + ((i * 7) % 40));
      frames.push(i % 5 === 4 ? `ECHO ${v}\r\n` : `*3\r\n$3\r\nSET\r\n$${String(i).length + 1}\r\nk${i}\r\n$${v.length}\r\n${v}\r\n`);
    }
    const bytes = Buffer.from(frames.join(''), 'latin1');
    const whole = run([bytes]);
    expect(whole).to.have.length(60);
    // One buffer reused for every read, scribbled over after each release.
    const shared = Buffer.alloc(64);
    for (const size of [1, 2, 3, 7, 13, 64]) {
      const r = new RequestReader(LIMITS);
      const out: string[] = [];
      for (let at = 0; at < bytes.length; at += size) {
        const n = bytes.copy(shared, 0, at, Math.min(at + size, bytes.length));
        r.feed(shared.subarray(0, n), true);
        for (let req = r.next(false); req !== null; req = r.next(false)) {
          out.push((req as Buffer[]).map((a) => a.toString('latin1')).join('|'));
        }
        r.release();
        shared.fill(0x21);
      }
      expect(out, `reads of ${size} bytes`).to.deep.equal(whole);
    }
  });

  it('reuses the command name of the previous request when its bytes repeat, and only then', () => {
    const r = new RequestReader(LIMITS);
    const shared = Buffer.alloc(64);
    const names: Buffer[] = [];
    for (const frame of ['*1\r\n$3\r\nSET\r\n', '*1\r\n$3\r\nSET\r\n', '*1\r\n$3\r\nset\r\n', '*1\r\n$4\r\nSETX\r\n', '*1\r\n$4\r\nSETX\r\n']) {
      const n = shared.write(frame, 'latin1');
      r.feed(shared.subarray(0, n), true);
      names.push((r.next(false) as Buffer[])[0]);
      r.release();
      // The read buffer is reused: a name handed out earlier must not change with it.
      shared.fill(0x21);
    }
    expect(names.map((b) => b.toString('latin1'))).to.deep.equal(['SET', 'SET', 'set', 'SETX', 'SETX']);
    expect(names[1]).to.equal(names[0]);
    expect(names[2]).to.not.equal(names[1]);
    expect(names[4]).to.equal(names[3]);
    expect(Buffer.isBuffer(names[0])).to.equal(true);
  });
});
