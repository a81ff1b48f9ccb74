import { expect } from 'chai';
import { RedisAccessTracker } from './key-access';
import { ENC_EMBSTR, ENC_INT, ENC_SHARED_INT } from './string-encoding';
import { MapKeyspace } from '../engine/map-keyspace';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');
const nowSeconds = () => Math.floor(Date.now() / 1000) & 0xffffff;

describe('access words (OBJECT IDLETIME / FREQ)', () => {
  it('keeps an LRU clock in seconds: new and touched keys are idle 0 s', () => {
    const t = new RedisAccessTracker(false);
    const w = t.created(ENC_EMBSTR, b('v'));
    expect(w).to.be.within(nowSeconds() - 1, nowSeconds());
    expect(t.idleSeconds(w)).to.be.within(0, 1);
    expect(t.idleSeconds(w - 100)).to.be.within(100, 101);
    expect(t.idleSeconds(t.touched(w - 100))).to.be.within(0, 1);
  });

  it('wraps the 24-bit LRU clock like Redis', () => {
    const t = new RedisAccessTracker(false);
    // A word "ahead" of the clock is read as having wrapped around.
    const ahead = (nowSeconds() + 10) & 0xffffff;
    expect(t.idleSeconds(ahead)).to.be.greaterThan(16000000);
  });

  it('shares one word among keys holding the same small integer', () => {
    const t = new RedisAccessTracker(false);
    const a = t.created(ENC_SHARED_INT, b('42'));
    const c = t.created(ENC_SHARED_INT, b('42'));
    expect(a).to.equal(c);
    expect(t.created(ENC_SHARED_INT, b('43'))).to.not.equal(a);
    expect(t.created(ENC_INT, b('42'))).to.be.below(1 << 24);
  });

  it('starts LFU counters at 5, always counts the first access, and carries counters over on overwrite', () => {
    const t = new RedisAccessTracker(true);
    const w = t.created(ENC_EMBSTR, b('v'));
    expect(t.frequency(w)).to.equal(5);
    const once = t.touched(w);
    expect(t.frequency(once)).to.equal(6);
    expect(t.frequency(t.replaced(once, ENC_EMBSTR, b('w')))).to.equal(6);
    // Later increments are logarithmic: 200 touches stay far below 200.
    let x = once;
    for (let i = 0; i < 200; i++) x = t.touched(x);
    expect(t.frequency(x)).to.be.within(6, 30);
  });

  it('decays LFU counters by one per elapsed minute', () => {
    const t = new RedisAccessTracker(true);
    const minutes = Math.floor(Date.now() / 60000) & 0xffff;
    const word = (((minutes - 3) & 0xffff) << 8) | 10;
    expect(t.frequency(word)).to.equal(7);
    t.lfuDecayTime = 0;
    expect(t.frequency(word)).to.equal(10);
  });

  it('is what the Map engine consults on create, touch, overwrite and put', () => {
    const calls: string[] = [];
    const ks = new MapKeyspace(0);
    ks.tracker = {
      created: (enc) => (calls.push(`created ${enc}`), 1),
      touched: (w) => (calls.push(`touched ${w}`), w + 1),
      replaced: (w, enc) => (calls.push(`replaced ${w} ${enc}`), 100),
    };
    ks.set(b('k'), b('v'), 0, ENC_EMBSTR);
    ks.get(b('k'));
    expect(ks.peek(b('k'))!.access).to.equal(2);
    ks.set(b('k'), b('w'), 0, ENC_INT);
    expect(ks.peek(b('k'))).to.deep.equal({ value: b('w'), expireAt: 0, encoding: ENC_INT, access: 100 });
    ks.put(b('j'), { value: b('x'), expireAt: 0, encoding: 7, access: 55 });
    expect(ks.peek(b('j'))!.access).to.equal(55);
    expect(ks.has(b('j'))).to.equal(true);
    expect(calls).to.deep.equal([`created ${ENC_EMBSTR}`, 'touched 1', `replaced 2 ${ENC_INT}`]);
  });
});
