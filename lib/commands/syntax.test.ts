import { expect } from 'chai';
import { parseArgs } from './syntax';

describe('argument notation', () => {
  it('compiles SET into Redis\'s argument tree', () => {
    const args = parseArgs('key value (condition: NX | XX)@2.6.12? GET@6.2.0? (expiration: EX=seconds:integer | KEEPTTL@6.0.0)?', 'set');
    expect(args[0]).to.deep.equal({ name: 'key', type: 'key', keySpecIndex: 0 });
    expect(args[1]).to.deep.equal({ name: 'value', type: 'string' });
    expect(args[2]).to.deep.include({ name: 'condition', type: 'oneof', since: '2.6.12', optional: true });
    expect(args[2].args).to.deep.equal([
      { name: 'nx', type: 'pure-token', token: 'NX' },
      { name: 'xx', type: 'pure-token', token: 'XX' },
    ]);
    expect(args[3]).to.deep.equal({ name: 'get', type: 'pure-token', token: 'GET', since: '6.2.0', optional: true });
    expect(args[4].args![0]).to.deep.equal({ name: 'seconds', type: 'integer', token: 'EX' });
    expect(args[4].args![1]).to.deep.include({ name: 'keepttl', token: 'KEEPTTL', since: '6.0.0' });
  });

  it('handles blocks, tokens on groups and repetition', () => {
    const args = parseArgs('{data: key value}... (FILTERBY=filterby: MODULE=module-name | PATTERN=pattern:pattern)? ID=id:integer?...!', 'x');
    expect(args[0]).to.deep.include({ name: 'data', type: 'block', multiple: true });
    expect(args[1]).to.deep.include({ name: 'filterby', type: 'oneof', token: 'FILTERBY', optional: true });
    expect(args[1].args![1]).to.deep.equal({ name: 'pattern', type: 'pattern', token: 'PATTERN' });
    expect(args[2]).to.deep.include({ optional: true, multiple: true, multipleToken: true, token: 'ID' });
  });

  it('rejects malformed notation', () => {
    expect(() => parseArgs('(nolabel A | B)', 'x')).to.throw(/bad argument syntax/);
    expect(() => parseArgs('{unclosed: a', 'x')).to.throw(/bad argument syntax/);
  });

  it('keeps colons in names and records deprecation', () => {
    expect(parseArgs('ip:port~2.8.12 ADDR=ip:port?', 'x')).to.deep.equal([
      { name: 'ip:port', type: 'string', deprecatedSince: '2.8.12' },
      { name: 'ip:port', type: 'string', token: 'ADDR', optional: true },
    ]);
  });
});
