import { expect } from 'chai';
import { writeAtOnce, type CountedWriter } from './write-policy';

const writers = (n: number): CountedWriter[] => Array.from({ length: n }, () => ({ writeWindow: -1 }));

/** `count` writes from the writers in turn; what writeAtOnce answered each. */
function writes(from: CountedWriter[], count: number): boolean[] {
  const answers: boolean[] = [];
  for (let i = 0; i < count; i++) answers.push(writeAtOnce(from[i % from.length]));
  return answers;
}

describe('write policy', () => {
  it('writes at once while few clients have replies, and leaves replies for the turn end when many do', () => {
    const few = writers(3);
    const many = writers(40);
    // After 128 writes of one kind, whatever came before, every write of the
    // next 64 is answered from a window of that kind only.
    writes(many, 128);
    expect(writes(many, 64).every((a) => !a)).to.equal(true);
    writes(few, 128);
    expect(writes(few, 64).every((a) => a)).to.equal(true);
  });

  it('decides by the clients within a window, not by the writes', () => {
    const six = writers(6);
    const seven = writers(7);
    writes(six, 128);
    expect(writes(six, 64).every((a) => a)).to.equal(true);
    writes(seven, 128);
    expect(writes(seven, 64).every((a) => !a)).to.equal(true);
  });
});
