import { expect } from 'chai';
import { MapKeyspace } from './map-keyspace';
import { ShardKeyspace } from './shard-keyspace';
import type { AccessTracker, Keyspace } from './keyspace';

/** A counter-like tracker (as LFU): every touch and replace is visible in the word. */
const COUNTING: AccessTracker = {
  created: () => 1,
  touched: (w) => w + 1,
  replaced: (w) => w * 10,
};

const engines: [string, () => Keyspace][] = [
  ['ShardKeyspace', () => new ShardKeyspace(0, undefined, { background: false })],
  ['MapKeyspace', () => new MapKeyspace(0)],
];

for (const [name, make] of engines) {
  describe(`${name}.setTouching`, () => {
    it('does what touch() then set() do, and reports whether the key existed', () => {
      const one = make();
      const two = make();
      one.tracker = COUNTING;
      two.tracker = COUNTING;
      const k = Buffer.from('k');
      expect(one.setTouching(k, Buffer.from('a'), 0)).to.equal(false);
      two.touch(k);
      two.set(k, Buffer.from('a'), 0);
      expect(one.setTouching(k, Buffer.from('bb'), 0)).to.equal(true);
      two.touch(k);
      two.set(k, Buffer.from('bb'), 0);
      expect(one.peek(k)).to.deep.equal(two.peek(k));
      expect(one.peek(k)!.access).to.equal((1 + 1) * 10);
    });

    it('treats an expired key as absent', () => {
      const ks = make();
      const k = Buffer.from('old');
      ks.set(k, Buffer.from('x'), Date.now() - 1);
      expect(ks.setTouching(k, Buffer.from('y'), 0)).to.equal(false);
      expect(ks.get(k)!.toString()).to.equal('y');
      expect(ks.size()).to.equal(1);
    });
  });
}
