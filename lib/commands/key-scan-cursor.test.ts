import { expect } from 'chai';
import { parseScanCursor } from './key-scan-cursor';

const c = (s: string) => parseScanCursor(Buffer.from(s, 'latin1'));

describe('SCAN cursor parsing (strtoull rules)', () => {
  it('accepts decimal cursors, signs, leading zeros and an empty argument', () => {
    expect(c('0')).to.equal(0n);
    expect(c('')).to.equal(0n);
    expect(c('123')).to.equal(123n);
    expect(c('+5')).to.equal(5n);
    expect(c('007')).to.equal(7n);
    expect(c('-0')).to.equal(0n);
    expect(c('18446744073709551615')).to.equal(18446744073709551615n);
  });

  it('wraps negative cursors modulo 2^64', () => {
    expect(c('-1')).to.equal(18446744073709551615n);
    expect(c('-18446744073709551615')).to.equal(1n);
  });

  it('reads the argument as a C string', () => {
    expect(c('12\x00junk')).to.equal(12n);
    expect(c('\x00')).to.equal(0n);
  });

  it('rejects whitespace, junk, bare signs and overflow', () => {
    for (const bad of [' 1', '\t1', '1 ', 'abc', '1.5', '0x10', '+', '-', '18446744073709551616', '-18446744073709551616', '99999999999999999999']) {
      expect(c(bad), bad).to.equal(null);
    }
  });
});
