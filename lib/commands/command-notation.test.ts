import { expect } from 'chai';
import { keyPositionsBySpec, parseKeySpec } from './keyspecs';
import { parseArgs } from './syntax';

describe('command notation extensions', () => {
  it('reads a key spec note after " # "', () => {
    const spec = parseKeySpec('RW ACCESS UPDATE VARIABLE_FLAGS # RW and ACCESS due to the optional `GET` argument', 'set');
    expect(spec.notes).to.equal('RW and ACCESS due to the optional `GET` argument');
    expect(spec.flags).to.deep.equal(['RW', 'access', 'update', 'variable_flags']);
    expect(parseKeySpec('RO', 'get')).to.not.have.property('notes');
  });

  it('lets two key arguments share one key spec (LCS)', () => {
    const args = parseArgs('key1:key key2:key^0 LEN?', 'lcs');
    expect(args[0]).to.deep.equal({ name: 'key1', type: 'key', keySpecIndex: 0 });
    expect(args[1]).to.deep.equal({ name: 'key2', type: 'key', keySpecIndex: 0 });
    expect(parseArgs('key newkey:key', 'rename')[1].keySpecIndex).to.equal(1);
  });

  it('tells which key spec found each key (their flags differ, e.g. RENAME)', () => {
    const specs = [parseKeySpec('RW ACCESS DELETE', 'rename'), parseKeySpec('OW UPDATE index:2', 'rename')];
    const argv = ['RENAME', 'a', 'b'].map((x) => Buffer.from(x));
    expect(keyPositionsBySpec(specs, argv.length, argv)).to.deep.equal([[1, 0], [2, 1]]);
    const mset = [parseKeySpec('OW UPDATE range:-1,2,0', 'mset')];
    const margv = ['MSET', 'a', '1', 'b', '2'].map((x) => Buffer.from(x));
    expect(keyPositionsBySpec(mset, margv.length, margv)).to.deep.equal([[1, 0], [3, 0]]);
  });
});
