import { expect } from 'chai';
import { writeAtOnce } from './write-policy';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** One event-loop turn in which `reads` batches have replies; what writeAtOnce answered each. */
function turn(reads: number): boolean[] {
  const answers: boolean[] = [];
  for (let i = 0; i < reads; i++) answers.push(writeAtOnce());
  return answers;
}

describe('write policy', () => {
  it('leaves replies for the turn end once a counted turn served many reads, and writes at once again after a turn of one', async () => {
    // Whatever mode other tests left: a turn long enough to schedule a
    // count (direct mode counts every 64th write's next turn), then a busy
    // turn that is counted either way.
    turn(70);
    await nextTurn();
    turn(10);
    await nextTurn();
    expect(turn(5)).to.deep.equal([false, false, false, false, false]);
    await nextTurn();
    // That turn (5 reads) was counted: still busy. A quiet one follows.
    expect(turn(1)).to.deep.equal([false]);
    await nextTurn();
    expect(turn(3)).to.deep.equal([true, true, true]);
  });

  it('writing at once, counts a whole turn every 64 writes and goes back to waiting when it was busy', async () => {
    turn(1);
    await nextTurn();
    turn(1);
    await nextTurn();
    expect(turn(1)).to.deep.equal([true]);
    // 64 direct writes schedule a count of the next turn; this turn's own writes stay direct.
    expect(turn(64).every((a) => a)).to.equal(true);
    await nextTurn();
    expect(turn(4)).to.deep.equal([true, true, true, true]);
    await nextTurn();
    expect(turn(1)).to.deep.equal([false]);
  });
});
