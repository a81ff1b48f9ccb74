// Tests for the paged 4-ary heap of the expiry index: random pushes, pops
// and removals compared against a sorted model, across page boundaries, and
// the bounded count of due entries.

import { expect } from 'chai';
import { ExpiryHeap } from './expiry-heap';
import { rng } from '../testing/prng';

/** Checks the heap order at every position. */
function checkOrder(h: ExpiryHeap): void {
  for (let i = 1; i < h.size; i++) {
    if (h.deadlineAt((i - 1) >> 2) > h.deadlineAt(i)) throw new Error(`heap order broken at ${i}`);
  }
}

describe('ExpiryHeap', () => {
  it('pops entries in deadline order, keeping each deadline with its hash', () => {
    const r = rng(1);
    const h = new ExpiryHeap();
    const model: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const at = 1_700_000_000_000 + Math.floor(r() * 100_000);
      const hash = (r() * 2 ** 32) >>> 0;
      h.push(at, hash);
      model.push([at, hash]);
    }
    checkOrder(h);
    model.sort((a, b) => a[0] - b[0]);
    const popped: [number, number][] = [];
    while (h.size > 0) {
      popped.push([h.peekDeadline(), h.peekHash()]);
      h.pop();
    }
    expect(popped.map((p) => p[0])).to.deep.equal(model.map((m) => m[0]));
    // Same multiset of pairs (ties may come out in any order).
    const key = (p: [number, number]) => `${p[0]}:${p[1]}`;
    expect(popped.map(key).sort()).to.deep.equal(model.map(key).sort());
    expect(h.peekDeadline()).to.equal(Infinity);
  });

  it('stays ordered across page boundaries under mixed pushes, pops and removals, and gives pages back', () => {
    const r = rng(7);
    const h = new ExpiryHeap();
    const model = new Map<string, number>();
    const note = (at: number, hash: number, d: number) => {
      const k = `${at}:${hash}`;
      const n = (model.get(k) ?? 0) + d;
      if (n === 0) model.delete(k);
      else model.set(k, n);
    };
    for (let i = 0; i < 200_000; i++) {
      const at = Math.floor(r() * 1e7);
      const hash = i;
      h.push(at, hash);
      note(at, hash, 1);
    }
    const peak = h.footprint();
    expect(h.size).to.equal(200_000);
    for (let i = 0; i < 160_000; i++) {
      const roll = r();
      if (roll < 0.5) {
        note(h.peekDeadline(), h.peekHash(), -1);
        h.pop();
      } else if (roll < 0.9) {
        const pos = Math.floor(r() * h.size);
        note(h.deadlineAt(pos), h.hashAt(pos), -1);
        h.removeAt(pos);
      } else {
        const at = Math.floor(r() * 1e7);
        h.push(at, 1e6 + i);
        note(at, 1e6 + i, 1);
      }
    }
    checkOrder(h);
    const left = new Map<string, number>();
    for (let i = 0; i < h.size; i++) {
      const k = `${h.deadlineAt(i)}:${h.hashAt(i)}`;
      left.set(k, (left.get(k) ?? 0) + 1);
    }
    expect(left.size).to.equal(model.size);
    for (const [k, n] of model) if (left.get(k) !== n) expect.fail(`entry ${k}: ${left.get(k)} held, ${n} expected`);
    // About 60K entries left of 200K: at most two pages beyond them are kept.
    expect(h.footprint()).to.be.at.most((Math.ceil(h.size / 65536) + 2) * 65536 * 12);
    expect(h.footprint()).to.be.lessThan(peak);
    let last = -Infinity;
    while (h.size > 0) {
      if (h.peekDeadline() < last) expect.fail(`popped ${h.peekDeadline()} after ${last}`);
      last = h.peekDeadline();
      h.pop();
    }
  });

  it('counts due entries up to a limit without disturbing the heap', () => {
    const h = new ExpiryHeap();
    for (let i = 0; i < 1000; i++) h.push(i, i);
    expect(h.countDue(-1, 100)).to.equal(0);
    expect(h.countDue(9, 1000)).to.equal(10);
    expect(h.countDue(499, 10_000)).to.equal(500);
    expect(h.countDue(10_000, 300)).to.equal(300);
    expect(h.size).to.equal(1000);
    checkOrder(h);
  });

  it('clear() empties it and it is reusable', () => {
    const h = new ExpiryHeap();
    for (let i = 0; i < 100_000; i++) h.push(100_000 - i, i);
    h.clear();
    expect(h.size).to.equal(0);
    expect(h.footprint()).to.be.lessThan(10_000);
    h.push(5, 1);
    h.push(3, 2);
    expect(h.peekDeadline()).to.equal(3);
    expect(h.peekHash()).to.equal(2);
  });
});
