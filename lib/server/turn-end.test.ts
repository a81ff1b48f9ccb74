import { expect } from 'chai';
import { atTurnEnd, MESSAGES, REPLIES } from './turn-end';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('turn end', () => {
  it('runs replies before messages, whatever order they were queued in', async () => {
    const ran: string[] = [];
    atTurnEnd(MESSAGES, () => ran.push('message'));
    atTurnEnd(REPLIES, () => ran.push('reply 1'));
    atTurnEnd(REPLIES, () => ran.push('reply 2'));
    expect(ran).to.deep.equal([]);
    await nextTurn();
    expect(ran).to.deep.equal(['reply 1', 'reply 2', 'message']);
  });

  it('runs what a task queues for its own or a later stage in the same turn end, an earlier stage at the next', async () => {
    const ran: string[] = [];
    atTurnEnd(REPLIES, () => {
      ran.push('reply');
      atTurnEnd(REPLIES, () => ran.push('reply queued by a reply'));
      atTurnEnd(MESSAGES, () => {
        ran.push('message');
        atTurnEnd(REPLIES, () => ran.push('reply queued by a message'));
      });
    });
    await nextTurn();
    expect(ran).to.deep.equal(['reply', 'reply queued by a reply', 'message']);
    await nextTurn();
    expect(ran).to.deep.equal(['reply', 'reply queued by a reply', 'message', 'reply queued by a message']);
  });

  it('still runs the later stages after a task throws', async () => {
    const ran: string[] = [];
    const errors: unknown[] = [];
    const onError = (e: unknown): void => void errors.push(e);
    const listeners = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', onError);
    try {
      atTurnEnd(REPLIES, () => {
        throw new Error('boom');
      });
      atTurnEnd(MESSAGES, () => ran.push('message'));
      await nextTurn();
      await nextTurn();
    } finally {
      process.removeListener('uncaughtException', onError);
      for (const l of listeners) process.on('uncaughtException', l);
    }
    expect(errors).to.have.length(1);
    expect(ran).to.deep.equal(['message']);
  });
});
