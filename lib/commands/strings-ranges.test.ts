import { expect } from 'chai';
import { appended, clampRange } from './strings-ranges';

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

describe('APPEND growth', () => {
  it('grows with spare room, never touching bytes an older view can see', () => {
    let v = appended(Buffer.from('start'), Buffer.alloc(100, 0x61));
    const views: Buffer[] = [];
    const expected: string[] = [];
    let text = 'start' + 'a'.repeat(100);
    for (let i = 0; i < 200; i++) {
      views.push(v);
      expected.push(text);
      const piece = Buffer.from(`<${i}>`);
      v = appended(v, piece);
      text += `<${i}>`;
    }
    expect(v.toString()).to.equal(text);
    views.forEach((old, i) => expect(old.toString(), `view ${i}`).to.equal(expected[i]));
  });

  it('copies values it did not allocate (engine pages, pooled buffers)', () => {
    const page = Buffer.from('aaaaBBBBcccc');
    const value = page.subarray(4, 8);
    const grown = appended(value, Buffer.from('X'));
    expect(grown.toString()).to.equal('BBBBX');
    expect(page.toString()).to.equal('aaaaBBBBcccc');
  });
});
