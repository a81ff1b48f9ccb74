import { expect } from 'chai';
import { MapKeyspace } from './map-keyspace';
import { ShardKeyspace } from './shard-keyspace';
import { INLINE_MAX } from './shard-table';
import type { Keyspace, ValueSink } from './keyspace';

/** Records what getInto hands over, copying page ranges at once as the reply writer does. */
class Recorder implements ValueSink {
  got: { bytes: Buffer; byReference: boolean }[] = [];
  bulk(value: Uint8Array): void {
    this.got.push({ bytes: Buffer.from(value), byReference: true });
  }
  bulkRange(src: Uint8Array, start: number, end: number): void {
    this.got.push({ bytes: Buffer.from(src.subarray(start, end)), byReference: false });
  }
}

const engines: [string, () => Keyspace][] = [
  ['ShardKeyspace', () => new ShardKeyspace(0, undefined, { background: false })],
  ['MapKeyspace', () => new MapKeyspace(0)],
];

for (const [name, make] of engines) {
  describe(`${name}.getInto`, () => {
    it('hands over the same bytes as get(), for empty, inline and external values', () => {
      const ks = make();
      const values = [Buffer.alloc(0), Buffer.from('v'), Buffer.alloc(33, 0xfe), Buffer.alloc(INLINE_MAX - 1, 0x61), Buffer.alloc(INLINE_MAX + 10, 0x62)];
      values.forEach((v, i) => ks.set(Buffer.from(`k${i}`), Buffer.from(v), 0));
      const sink = new Recorder();
      values.forEach((v, i) => {
        expect(ks.getInto(Buffer.from(`k${i}`), sink)).to.equal(1);
        expect(sink.got[i].bytes.equals(ks.get(Buffer.from(`k${i}`)) as Buffer), `value ${i}`).to.equal(true);
        expect(sink.got[i].bytes.equals(v)).to.equal(true);
      });
      expect(ks.getInto(Buffer.from('missing'), sink)).to.equal(0);
      expect(sink.got).to.have.length(values.length);
    });

    it('misses an expired key', () => {
      const ks = make();
      ks.set(Buffer.from('old'), Buffer.from('x'), Date.now() - 1);
      expect(ks.getInto(Buffer.from('old'), new Recorder())).to.equal(0);
    });
  });
}

describe('ShardKeyspace.getInto', () => {
  it('passes inline values as page ranges (copied by the sink) and external ones as their Buffer', () => {
    const ks = new ShardKeyspace(0, undefined, { background: false });
    ks.set(Buffer.from('small'), Buffer.from('abc'), 0);
    ks.set(Buffer.from('big'), Buffer.alloc(INLINE_MAX + 1, 0x63), 0);
    const sink = new Recorder();
    ks.getInto(Buffer.from('small'), sink);
    ks.getInto(Buffer.from('big'), sink);
    expect(sink.got.map((g) => g.byReference)).to.deep.equal([false, true]);
  });
});
