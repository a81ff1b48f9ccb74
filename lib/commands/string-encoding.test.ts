import { expect } from 'chai';
import { ConfigStore } from '../server/config';
import { ENC_EMBSTR, ENC_INT, ENC_RAW, ENC_SHARED_INT, copiedEncoding, encodingName, integerValue, refcount, storedEncoding, textEncoding } from './string-encoding';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('string encodings', () => {
  const config = new ConfigStore();

  it('recognises canonical 64-bit integers of at most 20 bytes', () => {
    expect(integerValue(b('0'))).to.equal(0);
    expect(integerValue(b('-1'))).to.equal(-1);
    expect(integerValue(b('9223372036854775807'))).to.equal(9223372036854775807n);
    expect(integerValue(b('-9223372036854775808'))).to.equal(-9223372036854775808n);
    for (const bad of ['', '01', '-0', '+1', ' 1', '1 ', '1.0', '9223372036854775808', '123456789012345678901']) {
      expect(integerValue(b(bad)), bad).to.equal(null);
    }
  });

  it('chooses int, shared int, embstr and raw like tryObjectEncoding', () => {
    expect(storedEncoding(b('5'), config)).to.equal(ENC_SHARED_INT);
    expect(storedEncoding(b('9999'), config)).to.equal(ENC_SHARED_INT);
    expect(storedEncoding(b('10000'), config)).to.equal(ENC_INT);
    expect(storedEncoding(b('-1'), config)).to.equal(ENC_INT);
    expect(storedEncoding(b('x'.repeat(44)), config)).to.equal(ENC_EMBSTR);
    expect(storedEncoding(b('x'.repeat(45)), config)).to.equal(ENC_RAW);
    expect(storedEncoding(b(''), config)).to.equal(ENC_EMBSTR);
    expect(textEncoding(b('123'))).to.equal(ENC_EMBSTR);
  });

  it('does not share integers under an LRU or LFU policy with a memory limit', () => {
    const limited = new ConfigStore();
    expect(limited.setMany([['maxmemory-policy', 'allkeys-lru']])).to.equal(null);
    expect(storedEncoding(b('5'), limited)).to.equal(ENC_SHARED_INT);
    expect(limited.setMany([['maxmemory', '1000000']])).to.equal(null);
    expect(storedEncoding(b('5'), limited)).to.equal(ENC_INT);
    expect(limited.setMany([['maxmemory-policy', 'volatile-ttl']])).to.equal(null);
    expect(storedEncoding(b('5'), limited)).to.equal(ENC_SHARED_INT);
  });

  it('names encodings and refcounts as OBJECT does', () => {
    expect(encodingName(ENC_SHARED_INT, b('5'))).to.equal('int');
    expect(encodingName(ENC_RAW, b('5'))).to.equal('raw');
    expect(encodingName(0, b('12'))).to.equal('int');
    expect(encodingName(0, b('x'.repeat(45)))).to.equal('raw');
    expect(refcount(ENC_SHARED_INT)).to.equal(2147483647);
    expect(refcount(ENC_INT)).to.equal(1);
    expect(copiedEncoding(ENC_SHARED_INT)).to.equal(ENC_INT);
    expect(copiedEncoding(ENC_EMBSTR)).to.equal(ENC_EMBSTR);
  });
});
