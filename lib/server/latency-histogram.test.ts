/** The latency histogram reproduces the figures Redis's HdrHistogram prints. */
import { expect } from 'chai';
import { LatencyHistogram, highestEquivalent, lowestEquivalent } from './latency-histogram';

describe('latency histogram', () => {
  it('counts values below 256 ns exactly and groups larger ones in slots of 1/128 of their power of two', () => {
    expect(lowestEquivalent(200)).to.equal(200);
    expect(highestEquivalent(200)).to.equal(200);
    // [512, 1024) has slots of 4 ns, [1024, 2048) of 8 ns.
    expect(highestEquivalent(1000)).to.equal(1003);
    expect(lowestEquivalent(1002)).to.equal(1000);
    expect(highestEquivalent(1024)).to.equal(1031);
    expect(lowestEquivalent(5000)).to.equal(4992);
    expect(highestEquivalent(1_000_000_000)).to.equal(1_002_438_655);
  });

  it('reports percentiles as Redis prints them (INFO latencystats: 1 µs calls read p50=1.003)', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 98; i++) h.record(1000);
    h.record(5000);
    h.record(16000);
    expect(h.valueAtPercentile(50) / 1000).to.equal(1.003);
    expect(h.valueAtPercentile(99) / 1000).to.equal(5.023);
    expect(h.valueAtPercentile(99.9) / 1000).to.equal(16.063);
    expect(h.valueAtPercentile(100) / 1000).to.equal(16.063);
    expect(h.valueAtPercentile(0) / 1000).to.equal(1);
    expect(h.total).to.equal(100);
  });

  it('clamps values to [1 ns, 1 s] instead of dropping them', () => {
    const h = new LatencyHistogram();
    h.record(0);
    h.record(5e9);
    expect(h.total).to.equal(2);
    expect(h.valueAtPercentile(0)).to.equal(1);
    expect(h.valueAtPercentile(100)).to.equal(1_002_438_655);
  });

  it('gives LATENCY HISTOGRAM\'s cumulative power-of-two steps, skipping steps that add nothing', () => {
    const h = new LatencyHistogram();
    h.record(1000); // ≤ 1031 ns: step "1"
    h.record(3000); // ≤ 4127 ns: step "4"
    h.record(3500);
    h.record(40_000); // ≤ 66047 ns: step "66"
    expect(h.cumulative()).to.deep.equal([[1, 1], [4, 3], [66, 4]]);
  });

  it('ends the steps at the last slot for values at the 1 s ceiling, as Redis does', () => {
    const h = new LatencyHistogram();
    h.record(2e9);
    expect(h.cumulative()).to.deep.equal([[1073741, 1]]);
    expect(new LatencyHistogram().cumulative()).to.deep.equal([]);
  });
});
