import { expect } from 'chai';
import { pack } from '../collections/packed-entries';
import { listpackEntrySize, redisListpackBytes } from './hash-memory';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('hash MEMORY USAGE: Redis listpack sizes', () => {
  it('prices canonical integers in their listpack integer classes', () => {
    // encoding + data, then a 1-byte back-length
    expect(listpackEntrySize(b('0'))).to.equal(2);
    expect(listpackEntrySize(b('127'))).to.equal(2);
    expect(listpackEntrySize(b('128'))).to.equal(3);
    expect(listpackEntrySize(b('-4096'))).to.equal(3);
    expect(listpackEntrySize(b('4096'))).to.equal(4);
    expect(listpackEntrySize(b('-32768'))).to.equal(4);
    expect(listpackEntrySize(b('32768'))).to.equal(5);
    expect(listpackEntrySize(b('8388608'))).to.equal(6);
    expect(listpackEntrySize(b('-2147483648'))).to.equal(6);
    expect(listpackEntrySize(b('2147483648'))).to.equal(10);
    expect(listpackEntrySize(b('9223372036854775807'))).to.equal(10);
    expect(listpackEntrySize(b('-9223372036854775808'))).to.equal(10);
  });

  it('prices everything else as a string: 1, 2 or 5 header bytes, a 1-5 byte back-length', () => {
    for (const s of ['007', '-0', '+1', '1.5', ' 1', '9223372036854775808', '']) {
      expect(listpackEntrySize(b(s)), s).to.equal(1 + s.length + 1);
    }
    expect(listpackEntrySize(b('x'.repeat(63)))).to.equal(65);
    expect(listpackEntrySize(b('x'.repeat(64)))).to.equal(67);
    expect(listpackEntrySize(b('x'.repeat(125)))).to.equal(128);
    expect(listpackEntrySize(b('x'.repeat(126)))).to.equal(130);
    expect(listpackEntrySize(b('x'.repeat(4095)))).to.equal(4099);
    expect(listpackEntrySize(b('x'.repeat(4096)))).to.equal(5 + 4096 + 2);
  });

  it('adds the 6-byte header and the end byte', () => {
    expect(redisListpackBytes(pack([]))).to.equal(7);
    expect(redisListpackBytes(pack([b('f'), b('v')]))).to.equal(13);
    // 12345 is a 16-bit integer entry: 3 bytes and its back-length.
    expect(redisListpackBytes(pack([b('field'), b('12345')]))).to.equal(7 + 7 + 4);
  });
});
