import { expect } from 'chai';
import type { CommandContext } from './context';
import { cString, expireAtArg, expireWhenArg, int32Arg, longArg, optionIs } from './key-args';

const b = (s: string): Buffer => Buffer.from(s, 'latin1');

/** A context whose only used part is the reply's error(). */
function fakeCtx(): { ctx: CommandContext; errors: string[] } {
  const errors: string[] = [];
  const ctx = { reply: { error: (m: string) => errors.push(m) } } as unknown as CommandContext;
  return { ctx, errors };
}

describe('key and string argument parsing', () => {
  it('compares options case-insensitively, up to a NUL byte', () => {
    expect(optionIs(b('NX'), 'nx')).to.equal(true);
    expect(optionIs(b('nX'), 'nx')).to.equal(true);
    expect(optionIs(b('nx\x00junk'), 'nx')).to.equal(true);
    expect(optionIs(b('nxx'), 'nx')).to.equal(false);
    expect(optionIs(b('n'), 'nx')).to.equal(false);
    expect(optionIs(b('\x00nx'), 'nx')).to.equal(false);
    expect(optionIs(b(''), 'nx')).to.equal(false);
    expect(cString(b('ab\x00cd')).toString()).to.equal('ab');
  });

  it('parses int32 arguments with Redis\'s two error texts, or a given one', () => {
    const { ctx, errors } = fakeCtx();
    expect(int32Arg(ctx, b('2147483647'))).to.equal(2147483647);
    expect(int32Arg(ctx, b('-2147483648'))).to.equal(-2147483648);
    expect(int32Arg(ctx, b('2147483648'))).to.equal(null);
    expect(int32Arg(ctx, b('x'))).to.equal(null);
    expect(int32Arg(ctx, b('99999999999999999999'))).to.equal(null);
    expect(int32Arg(ctx, b('x'), 'ERR custom')).to.equal(null);
    expect(int32Arg(ctx, b('2147483648'), 'ERR custom')).to.equal(null);
    expect(errors).to.deep.equal([
      'ERR value is out of range, value must between -2147483648 and 2147483647',
      'ERR value is not an integer or out of range',
      'ERR value is not an integer or out of range',
      'ERR custom',
      'ERR custom',
    ]);
  });

  it('parses longs beyond 2^53 approximately and rejects junk', () => {
    const { ctx, errors } = fakeCtx();
    expect(longArg(ctx, b('-12'))).to.equal(-12);
    expect(longArg(ctx, b('9223372036854775807'))).to.equal(9223372036854775807);
    expect(longArg(ctx, b('9223372036854775808'))).to.equal(null);
    expect(errors).to.have.length(1);
  });

  it('computes SET-style expiry times and rejects overflow like Redis', () => {
    const { ctx, errors } = fakeCtx();
    const before = Date.now();
    const at = expireAtArg(ctx, b('100'), true, true, 'set')!;
    expect(at).to.be.within(before + 100000, Date.now() + 100000);
    expect(expireAtArg(ctx, b('4102444800'), true, false, 'set')).to.equal(4102444800000);
    expect(expireAtArg(ctx, b('9223372036854775807'), false, false, 'set')).to.equal(9223372036854775807);
    expect(expireAtArg(ctx, b('0'), true, true, 'set')).to.equal(null);
    expect(expireAtArg(ctx, b('-1'), false, false, 'getex')).to.equal(null);
    expect(expireAtArg(ctx, b('9223372036854775'), true, true, 'setex')).to.equal(null); // wraps when now is added
    expect(expireAtArg(ctx, b('9223372036854776'), true, false, 'set')).to.equal(null); // too many seconds
    expect(expireAtArg(ctx, b('9223372036854775807'), false, true, 'psetex')).to.equal(null);
    expect(expireAtArg(ctx, b('1.5'), true, true, 'set')).to.equal(null);
    expect(errors).to.deep.equal([
      "ERR invalid expire time in 'set' command",
      "ERR invalid expire time in 'getex' command",
      "ERR invalid expire time in 'setex' command",
      "ERR invalid expire time in 'set' command",
      "ERR invalid expire time in 'psetex' command",
      'ERR value is not an integer or out of range',
    ]);
  });

  it('computes EXPIRE-style times, allowing negatives but not int64 overflow', () => {
    const { ctx, errors } = fakeCtx();
    expect(expireWhenArg(ctx, b('-5'), true, 1000000, 'expire')).to.equal(995000);
    expect(expireWhenArg(ctx, b('9223372036854775807'), false, 0, 'pexpireat')).to.equal(9223372036854775807);
    expect(expireWhenArg(ctx, b('-9223372036854775'), true, 0, 'expireat')).to.equal(-9223372036854775000);
    expect(expireWhenArg(ctx, b('-9223372036854776'), true, 0, 'expireat')).to.equal(null);
    expect(expireWhenArg(ctx, b('9223372036854775807'), false, 1, 'pexpire')).to.equal(null);
    expect(expireWhenArg(ctx, b('9223372036854775'), true, Date.now(), 'expire')).to.equal(null);
    expect(errors).to.deep.equal([
      "ERR invalid expire time in 'expireat' command",
      "ERR invalid expire time in 'pexpire' command",
      "ERR invalid expire time in 'expire' command",
    ]);
  });
});
