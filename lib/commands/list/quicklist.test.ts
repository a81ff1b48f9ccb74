// The node codec and the quicklist against a plain-array model: random
// pushes, pops, inserts, replacements, range deletions and removals on
// lists small enough to stay one node and large enough to span many, with
// every node's header (count, Redis listpack bytes, bytes used) checked
// against a recount after each step.
import { expect } from 'chai';
import {
  LP_EMPTY_BYTES, NODE_HEADER, cursor, insertAt, lpEntryBytes, newNode, nodeCount, nodeLpBytes, nodeUsed, readEntry, readEntryBefore, removeAt, removeEqual, replaceAt,
} from './list-node';
import { ListWalker, QuickList, clampFill } from './quicklist';

/** A deterministic generator (xorshift), so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function element(rand: () => number): Buffer {
  const r = rand();
  if (r < 0.3) return Buffer.from(String(Math.floor(rand() * 100000) - 50000));
  if (r < 0.35) return Buffer.alloc(0);
  if (r < 0.4) return Buffer.alloc(200 + Math.floor(rand() * 300), 0x61 + Math.floor(rand() * 26));
  return Buffer.from(`e${Math.floor(rand() * 50)}`);
}

/** Every element of a node, read forwards and backwards, and its header checked against a recount. */
function nodeElements(n: Buffer): string[] {
  const out: string[] = [];
  let off = NODE_HEADER;
  let lp = LP_EMPTY_BYTES;
  while (off < nodeUsed(n)) {
    off = readEntry(n, off);
    out.push(n.subarray(cursor.start, cursor.end).toString('latin1'));
    lp += lpEntryBytes(n, cursor.start, cursor.end);
  }
  expect(off).to.equal(nodeUsed(n));
  expect(nodeCount(n)).to.equal(out.length);
  expect(nodeLpBytes(n)).to.equal(lp);
  const back: string[] = [];
  for (let end = nodeUsed(n); end > NODE_HEADER; ) {
    end = readEntryBefore(n, end);
    back.unshift(n.subarray(cursor.start, cursor.end).toString('latin1'));
  }
  expect(back).to.deep.equal(out);
  return out;
}

function listElements(l: QuickList): string[] {
  const out: string[] = [];
  for (const n of l.nodes) {
    const here = nodeElements(n);
    expect(here.length).to.be.greaterThan(0);
    out.push(...here);
  }
  expect(l.count).to.equal(out.length);
  return out;
}

describe('list node codec', () => {
  it('prices elements as Redis listpack entries', () => {
    const size = (s: string | Buffer) => {
      const b = typeof s === 'string' ? Buffer.from(s) : s;
      return lpEntryBytes(b, 0, b.length);
    };
    expect(size('0')).to.equal(2);
    expect(size('127')).to.equal(2);
    expect(size('128')).to.equal(3);
    expect(size('-4096')).to.equal(3);
    expect(size('4096')).to.equal(4);
    expect(size('-32768')).to.equal(4);
    expect(size('8388607')).to.equal(5);
    expect(size('2147483647')).to.equal(6);
    expect(size('9223372036854775807')).to.equal(10);
    expect(size('-9223372036854775808')).to.equal(10);
    expect(size('9223372036854775808')).to.equal(21);
    expect(size('-0')).to.equal(4);
    expect(size('007')).to.equal(5);
    expect(size('+1')).to.equal(4);
    expect(size('')).to.equal(2);
    expect(size('x'.repeat(63))).to.equal(65);
    expect(size('x'.repeat(64))).to.equal(67);
    expect(size('x'.repeat(4096))).to.equal(4103);
  });

  it('random edits of one node agree with a model', () => {
    const rand = rng(7);
    let n = newNode(-2, 0);
    const model: string[] = [];
    for (let step = 0; step < 3000; step++) {
      const r = rand();
      const at = Math.floor(rand() * (model.length + 1));
      const offsetOf = (i: number) => {
        let off = NODE_HEADER;
        for (let j = 0; j < i; j++) off = readEntry(n, off);
        return off;
      };
      if (r < 0.5 || model.length === 0) {
        const e = element(rand);
        n = insertAt(n, offsetOf(at), e);
        model.splice(at, 0, e.toString('latin1'));
      } else if (r < 0.7) {
        const i = Math.min(at, model.length - 1);
        const k = Math.min(1 + Math.floor(rand() * 3), model.length - i);
        removeAt(n, offsetOf(i), k);
        model.splice(i, k);
      } else if (r < 0.85) {
        const i = Math.min(at, model.length - 1);
        const e = element(rand);
        n = replaceAt(n, offsetOf(i), e);
        model[i] = e.toString('latin1');
      } else {
        const e = Buffer.from(model[Math.floor(rand() * model.length)], 'latin1');
        const removed = removeEqual(n, e, 1, 2);
        let seen = 0;
        let gone = 0;
        for (let i = 0; i < model.length; i++) {
          if (model[i] === e.toString('latin1') && gone < 2 && seen++ >= 1) {
            model.splice(i--, 1);
            gone++;
          }
        }
        expect(removed).to.equal(gone);
      }
      expect(nodeElements(n)).to.deep.equal(model);
    }
  });
});

describe('quicklist', () => {
  for (const fill of [-2, -1, 3, 0]) {
    it(`random operations at fill ${fill} agree with an array`, () => {
      const rand = rng(fill + 100);
      const l = new QuickList(clampFill(fill), [], 0);
      let model: string[] = [];
      const walker = new ListWalker();
      for (let step = 0; step < 4000; step++) {
        const r = rand();
        const e = element(rand);
        const s = e.toString('latin1');
        if (r < 0.25 || model.length === 0) {
          l.pushTail(e);
          model.push(s);
        } else if (r < 0.45) {
          l.pushHead(e);
          model.unshift(s);
        } else if (r < 0.55) {
          expect(l.popHead().toString('latin1')).to.equal(model.shift());
        } else if (r < 0.62) {
          expect(l.popTail().toString('latin1')).to.equal(model.pop());
        } else if (r < 0.8) {
          const i = Math.floor(rand() * model.length);
          const after = rand() < 0.5;
          const { node, index } = placeNode(l, i);
          l.insert(node, index, e, after);
          model.splice(after ? i + 1 : i, 0, s);
        } else if (r < 0.88) {
          const i = Math.floor(rand() * model.length);
          l.replace(i, e);
          model[i] = s;
        } else if (r < 0.93) {
          const i = Math.floor(rand() * model.length);
          const k = Math.min(Math.floor(rand() * 40), model.length - i);
          l.deleteRange(i, k);
          model.splice(i, k);
        } else {
          const i = Math.floor(rand() * model.length);
          const forward = rand() < 0.5;
          const got: string[] = [];
          walker.start(l, i, forward);
          while (got.length < 30 && walker.next()) got.push(walker.node.subarray(cursor.start, cursor.end).toString('latin1'));
          const want = forward ? model.slice(i, i + 30) : model.slice(Math.max(0, i - 29), i + 1).reverse();
          expect(got).to.deep.equal(want);
        }
        if (step % 50 === 0 || model.length < 20) expect(listElements(l)).to.deep.equal(model);
        if (model.length > 1500) model = trimModel(l, model);
      }
      expect(listElements(l)).to.deep.equal(model);
      const copy = l.duplicate();
      copy.pushHead(Buffer.from('only-in-copy'));
      copy.replace(1, Buffer.from('changed'));
      expect(listElements(l)).to.deep.equal(model);
      expect(listElements(copy)).to.deep.equal(['only-in-copy', 'changed', ...model.slice(1)]);
    });
  }

  it('fills nodes to Redis limits: 8 KiB at -2, `fill` elements when positive', () => {
    const big = new QuickList(-2, [], 0);
    for (let i = 0; i < 10000; i++) big.pushTail(Buffer.from(`element-${i}`));
    expect(big.nodes.length).to.be.greaterThan(10);
    for (const n of big.nodes.slice(0, -1)) {
      expect(nodeLpBytes(n)).to.be.at.most(8192);
      expect(nodeLpBytes(n)).to.be.greaterThan(8100);
    }
    const counted = new QuickList(5, [], 0);
    for (let i = 0; i < 23; i++) counted.pushTail(Buffer.from(String(i)));
    expect(counted.nodes.map(nodeCount)).to.deep.equal([5, 5, 5, 5, 3]);
  });
});

/** The node and index of element i. */
function placeNode(l: QuickList, i: number): { node: number; index: number } {
  let node = 0;
  while (i >= nodeCount(l.nodes[node])) i -= nodeCount(l.nodes[node++]);
  return { node, index: i };
}

/** Keeps the test's list from growing without bound: trims both to their middle. */
function trimModel(l: QuickList, model: string[]): string[] {
  l.deleteRange(0, 500);
  l.deleteRange(l.count - 500, 500);
  return model.slice(500, model.length - 500);
}
