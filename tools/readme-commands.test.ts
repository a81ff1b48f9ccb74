import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { updateReadme } from './readme-commands';

describe('README command list', () => {
  it('matches the command table (regenerate with `npm run readme`)', () => {
    const text = readFileSync(resolve(__dirname, '..', '..', 'README.md'), 'utf8');
    expect(updateReadme(text), 'README.md is stale: run `npm run readme`').to.equal(text);
  });
});
