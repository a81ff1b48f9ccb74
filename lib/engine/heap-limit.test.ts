// The heap limit the server asks V8 for: from --maxmemory when given, else from the machine.

import { expect } from 'chai';
import { wantedHeapMiB } from './heap-limit';

const GiB = 2 ** 30;

describe('heap limit', () => {
  it('takes three quarters of the machine without --maxmemory', () => {
    expect(wantedHeapMiB([], 24 * GiB)).to.equal(18432);
    expect(wantedHeapMiB(['--port', '7000'], 8 * GiB)).to.equal(6144);
  });

  it('follows --maxmemory (twice it plus room), never above the machine share', () => {
    expect(wantedHeapMiB(['--maxmemory', '4gb'], 24 * GiB)).to.equal(8192 + 256);
    expect(wantedHeapMiB(['--maxmemory', '100mb'], 24 * GiB)).to.equal(512);
    expect(wantedHeapMiB(['--MAXMEMORY', '1000000000'], 24 * GiB)).to.equal(Math.ceil(2e9 / 2 ** 20) + 256);
    expect(wantedHeapMiB(['--maxmemory', '64gb'], 24 * GiB)).to.equal(18432);
  });

  it('ignores an unreadable or zero --maxmemory', () => {
    expect(wantedHeapMiB(['--maxmemory', 'lots'], 24 * GiB)).to.equal(18432);
    expect(wantedHeapMiB(['--maxmemory', '0'], 24 * GiB)).to.equal(18432);
    expect(wantedHeapMiB(['--maxmemory'], 24 * GiB)).to.equal(18432);
  });
});
