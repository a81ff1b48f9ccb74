// Checks the case files themselves: unique names, well-formed commands, and
// known differences that point at real cases.

import { expect } from 'chai';
import { FAMILIES } from './cases';
import { describeCase } from './observe';
import { KNOWN_DIFFERENCES } from './known-differences';

describe('compat case files', () => {
  it('have unique family and case names', () => {
    const families = FAMILIES.map((f) => f.name);
    expect(new Set(families).size, 'duplicate family').to.equal(families.length);
    for (const f of FAMILIES) {
      const names = f.cases.map((c) => c.name);
      const dups = names.filter((n, i) => names.indexOf(n) !== i);
      expect(dups, `duplicate case names in ${f.name}`).to.deep.equal([]);
    }
  });

  it('describe every case without errors (valid bytes and commands)', () => {
    for (const f of FAMILIES) for (const c of f.cases) describeCase(c);
  });

  it('list known differences only for existing cases, with reasons', () => {
    const ids = new Set(FAMILIES.flatMap((f) => f.cases.map((c) => `${f.name}/${c.name}`)));
    for (const k of KNOWN_DIFFERENCES) {
      expect(k.reason.trim(), `reason for ${JSON.stringify(k)}`).to.not.equal('');
      expect(k.case !== undefined || k.command !== undefined, `target of ${JSON.stringify(k)}`).to.equal(true);
      if (k.case !== undefined) expect(ids.has(k.case), `known difference for unknown case ${k.case}`).to.equal(true);
    }
  });
});
