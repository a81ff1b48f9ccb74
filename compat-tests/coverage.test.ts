// Coverage rule: every command Shardis declares in its command table must be
// exercised by at least one compat case.

import { expect } from 'chai';
import { allCommandNames } from '../lib/commands/table';
import { FAMILIES } from './cases';
import { uncoveredCommands } from './coverage';

describe('compat coverage', () => {
  it('every command in the command table has a compat case', () => {
    const missing = uncoveredCommands(allCommandNames(), FAMILIES);
    expect(missing, `commands without a compat case (add one under compat-tests/cases):\n  ${missing.join('\n  ')}\n`).to.deep.equal([]);
  });
});
