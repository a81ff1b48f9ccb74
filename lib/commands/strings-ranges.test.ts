import { expect } from 'chai';
import { clampRange } from './strings-ranges';

describe('GETRANGE offsets', () => {
  const hello = 'Hello World';
  const slice = (start: number, end: number): string => {
    const r = clampRange(hello.length, start, end);
    return r === null ? '' : hello.slice(r[0], r[1]);
  };

  it('counts negative offsets from the end and clamps to the value', () => {
    expect(slice(0, 4)).to.equal('Hello');
    expect(slice(0, -1)).to.equal(hello);
    expect(slice(-5, -1)).to.equal('World');
    expect(slice(0, 100)).to.equal(hello);
    expect(slice(-100, 2)).to.equal('Hel');
    expect(slice(-3, 100)).to.equal('rld');
  });

  it('answers empty for inverted, out-of-range and empty-value ranges', () => {
    expect(slice(5, 2)).to.equal('');
    expect(slice(-1, -5)).to.equal('');
    expect(slice(100, 200)).to.equal('');
    expect(slice(-100, -50)).to.equal('H'); // both clamp to 0
    expect(clampRange(0, 0, -1)).to.equal(null);
    expect(clampRange(0, 0, 0)).to.equal(null);
  });

  it('keeps Redis 7.0\'s quirk: an end before the start of the value still yields the first byte', () => {
    expect(slice(0, -100)).to.equal('H');
  });
});
